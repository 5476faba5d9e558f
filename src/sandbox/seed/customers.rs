//! The customers of the guide account: identities and their addresses.

use std::collections::BTreeMap;

use super::*;
use crate::sandbox::store::{find, Address, Identity, IdentityType};

pub(super) fn add_identities(store: &mut Store) {
    use IdentityType::{Business, Personal};

    #[rustfmt::skip]
    let identities = [
        // Id, type, country, first name, last name, phone number.
        (LOCKED_IDENTITY, Business, LITHUANIA, "Rasa", "Petraitė", "37052000000"),
        (PORTING_IDENTITY, Business, LITHUANIA, "John", "Smith", "3233461111"),
        (US_PERSONAL_IDENTITY, Personal, UNITED_STATES, "Jane", "Doe", "12125550199"),
        (EXPIRED_IDENTITY, Personal, UNITED_STATES, "Mark", "Stale", "12125550188"),
        (US_BUSINESS_IDENTITY, Business, UNITED_STATES, "Maria", "Garcia", "13105550177"),
        (GB_PERSONAL_IDENTITY, Personal, UNITED_KINGDOM, "Oliver", "Brown", "442071230000"),
        (DE_PERSONAL_IDENTITY, Personal, GERMANY, "Lena", "Schmidt", "4930123400"),
    ];
    #[rustfmt::skip]
    let further_attributes = [
        (LOCKED_IDENTITY, "company_name", "Example Telecom UAB"),
        (LOCKED_IDENTITY, "company_reg_number", "304123456"),
        (LOCKED_IDENTITY, "description", "Vilnius office"),
        (PORTING_IDENTITY, "company_name", "Example Company Ltd"),
        (PORTING_IDENTITY, "vat_id", "BE0123456789"),
        (US_PERSONAL_IDENTITY, "birth_date", "1985-03-14"),
        (US_PERSONAL_IDENTITY, "contact_email", "jane.doe@example.com"),
        (EXPIRED_IDENTITY, "birth_date", "1979-11-02"),
        (EXPIRED_IDENTITY, "contact_email", "mark.stale@example.com"),
        (EXPIRED_IDENTITY, "id_number", "X1234567"),
        // No company_reg_number: US Local asks for a Company ID.
        (US_BUSINESS_IDENTITY, "company_name", "Acme Emergency Inc"),
        (US_BUSINESS_IDENTITY, "contact_email", "ops@acme-emergency.example"),
        // No contact_email: United Kingdom Local asks for one.
        (GB_PERSONAL_IDENTITY, "birth_date", "1992-07-08"),
        (DE_PERSONAL_IDENTITY, "birth_date", "1988-12-01"),
        (DE_PERSONAL_IDENTITY, "id_number", "L01X00T47"),
    ];
    let created = |id: &str| match id {
        LOCKED_IDENTITY => "2026-04-21T07:50:38.639Z",
        PORTING_IDENTITY => "2026-01-09T07:30:12.546Z",
        _ => "2026-03-02T08:00:00.000Z",
    };
    for (id, identity_type, country_id, first_name, last_name, phone_number) in identities {
        let mut text = BTreeMap::new();
        text.insert("first_name".to_owned(), first_name.to_owned());
        text.insert("last_name".to_owned(), last_name.to_owned());
        text.insert("phone_number".to_owned(), phone_number.to_owned());
        for (_, name, value) in further_attributes
            .iter()
            .filter(|(owner, _, _)| *owner == id)
        {
            text.insert(name.to_string(), value.to_string());
        }
        store.identities.push(Identity {
            id: id.to_owned(),
            identity_type,
            text,
            country_id: Some(country_id.to_owned()),
            birth_country_id: None,
            created_at: at(created(id)),
            verified: id != EXPIRED_IDENTITY,
            document_expired: id == EXPIRED_IDENTITY,
        });
    }
}

/// Addresses, each in the country of its identity.
pub(super) fn add_addresses(store: &mut Store) {
    #[rustfmt::skip]
    let addresses = [
        // Id, identity, street, city name, postal code.
        (LOCKED_IDENTITY_ADDRESS, LOCKED_IDENTITY, "Gedimino pr. 9", "Vilnius", "01103"),
        (GUIDE_ADDRESS, PORTING_IDENTITY, "20 Example Street", "Vilnius", "01100"),
        (GUIDE_OTHER_ADDRESS, PORTING_IDENTITY, "5 Sample Avenue", "Kaunas", "44280"),
        (US_PERSONAL_ADDRESS, US_PERSONAL_IDENTITY, "350 Fifth Avenue", "New York", "10118"),
        // The postal code is a Los Angeles one: the reviewer notices.
        (EXPIRED_IDENTITY_ADDRESS, EXPIRED_IDENTITY, "1 Main Street", "New York", "90001"),
        (US_BUSINESS_ADDRESS, US_BUSINESS_IDENTITY, "500 West 5th Street", "Los Angeles", "90071"),
        (GB_PERSONAL_ADDRESS, GB_PERSONAL_IDENTITY, "221 Example Road", "London", "SW1A 1AA"),
        (DE_PERSONAL_ADDRESS, DE_PERSONAL_IDENTITY, "Beispielstraße 12", "Berlin", "10115"),
    ];
    // The US addresses name their state and city, as area- and city-level rules need.
    let localities = [
        (US_PERSONAL_ADDRESS, NEW_YORK_STATE, NEW_YORK_CITY),
        (EXPIRED_IDENTITY_ADDRESS, NEW_YORK_STATE, NEW_YORK_CITY),
        (US_BUSINESS_ADDRESS, CALIFORNIA, LOS_ANGELES),
    ];
    for (id, identity_id, street, city_name, postal_code) in addresses {
        let mut text = BTreeMap::new();
        text.insert("address".to_owned(), street.to_owned());
        text.insert("city_name".to_owned(), city_name.to_owned());
        text.insert("postal_code".to_owned(), postal_code.to_owned());
        if id == GUIDE_ADDRESS {
            text.insert(
                "description".to_owned(),
                "Emergency service address".to_owned(),
            );
        }
        let identity = find(&store.identities, identity_id).expect("seeded before addresses");
        let locality = localities.iter().find(|(address, _, _)| *address == id);
        store.addresses.push(Address {
            id: id.to_owned(),
            text,
            identity_id: identity_id.to_owned(),
            country_id: identity
                .country_id
                .clone()
                .expect("seed identities have a country"),
            area_id: locality.map(|(_, area, _)| area.to_string()),
            city_id: locality.map(|(_, _, city)| city.to_string()),
            created_at: at("2026-04-21T08:02:22.720Z"),
            verified: false,
            outside_did_area: id == EXPIRED_IDENTITY_ADDRESS,
        });
    }
}
