//! The large account's customers: identities in the countries it has numbers in, each with
//! one or more addresses in cities of its own country.
//!
//! Most identities carry everything their country's requirement asks for, so a registration
//! can go through; a few lack a field, as real customer data does.

use std::collections::BTreeMap;

use super::locales::{
    postal_code, Locale, ADDRESS_DESCRIPTIONS, COMPANY_TRADES, COMPANY_WORDS, LOCALES,
};
use super::places::{Numbering, PLACES, PLANS};
use super::{apportion, Countries, Generator, ADDRESS_COUNT, IDENTITY_COUNT};
use crate::sandbox::clock::{Date, DAY_MS};
use crate::sandbox::random::Random;
use crate::sandbox::seed::LOCAL;
use crate::sandbox::store::{Address, Identity, IdentityType, Store};

/// An identity just made, for giving it addresses.
struct Owner {
    id: String,
    identity_type: IdentityType,
    locale: &'static Locale,
    created_at: u64,
}

/// What the DID generator needs to know of a generated address, so it can pick customers
/// without searching the store.
#[derive(Debug, Clone)]
pub(super) struct Customer {
    pub identity_id: String,
    pub address_id: String,
    pub identity_type: IdentityType,
    pub iso: &'static str,
    /// The address's city, by place key.
    pub city: &'static str,
    pub area: Option<&'static str>,
}

/// Adds the generated identities and their addresses, and describes each address.
pub(super) fn add_customers(
    store: &mut Store,
    generator: &mut Generator,
    countries: &Countries,
) -> Vec<Customer> {
    let weights: Vec<usize> = LOCALES.iter().map(|locale| locale.weight).collect();
    let mut owners = Vec::new();
    for (locale, count) in LOCALES.iter().zip(apportion(IDENTITY_COUNT, &weights)) {
        for _ in 0..count {
            let identity = identity(generator, countries, locale);
            owners.push(Owner {
                id: identity.id.clone(),
                identity_type: identity.identity_type,
                locale,
                created_at: identity.created_at,
            });
            store.identities.push(identity);
        }
    }

    // Every identity has an address; companies are likelier to have more than one.
    let mut customers = Vec::with_capacity(ADDRESS_COUNT);
    for index in 0..ADDRESS_COUNT {
        let owner = match owners.get(index) {
            Some(owner) => owner,
            None => loop {
                let candidate = generator.random.pick(&owners);
                if candidate.identity_type == IdentityType::Business || generator.random.chance(50)
                {
                    break candidate;
                }
            },
        };
        let (address, customer) = address(generator, countries, owner);
        customers.push(customer);
        store.addresses.push(address);
    }
    customers
}

fn identity(generator: &mut Generator, countries: &Countries, locale: &Locale) -> Identity {
    let random = &mut generator.random;
    let identity_type = if random.chance(55) {
        IdentityType::Personal
    } else {
        IdentityType::Business
    };
    let first_name = *random.pick(locale.first_names);
    let last_name = *random.pick(locale.last_names);
    // Companies often give a landline of a city they have numbers in.
    let landlines: Vec<&Numbering> = PLANS
        .iter()
        .filter(|plan| plan.iso == locale.iso && plan.type_id == LOCAL)
        .map(|plan| &plan.numbering)
        .collect();
    let phone = match identity_type {
        IdentityType::Business if !landlines.is_empty() && random.chance(50) => {
            *random.pick(&landlines)
        }
        _ => &locale.phone,
    };

    let mut text = BTreeMap::new();
    text.insert("first_name".to_owned(), first_name.to_owned());
    text.insert("last_name".to_owned(), last_name.to_owned());
    let phone_number = countries.random_number(locale.iso, phone, random);
    text.insert("phone_number".to_owned(), phone_number);
    let details = match identity_type {
        IdentityType::Personal => personal_details(random, first_name, last_name),
        IdentityType::Business => business_details(random, locale),
    };
    for (name, value) in details {
        text.insert(name.to_owned(), value);
    }
    if random.chance(30) {
        let reference = format!("crm-{}", random.between(1000, 100_000));
        text.insert("external_reference_id".to_owned(), reference);
    }
    // Some customer records are incomplete, so requirement validation has something to say.
    if random.chance(8) {
        let missing = match identity_type {
            IdentityType::Personal => ["contact_email", "birth_date", "id_number"],
            IdentityType::Business => ["contact_email", "company_reg_number", "vat_id"],
        };
        text.remove(*random.pick(&missing));
    }

    let created_at = generator.instant_between("2023-01-01", "2026-04-01");
    let random = &mut generator.random;
    Identity {
        id: generator.ids.uuid(),
        identity_type,
        text,
        country_id: Some(countries.id(locale.iso).to_owned()),
        birth_country_id: None,
        created_at,
        verified: random.chance(85),
        document_expired: random.chance(2),
    }
}

/// What a person's identity carries beyond a name and a phone number.
fn personal_details(
    random: &mut Random,
    first_name: &str,
    last_name: &str,
) -> Vec<(&'static str, String)> {
    const LETTERS: &[u8] = b"ABCDEFGHKLMNPRSTXYZ";
    let earliest = Date::parse("1950-01-01").expect("a valid date").to_days();
    let latest = Date::parse("2004-12-31").expect("a valid date").to_days();
    let born = Date::from_days(earliest + random.between(0, (latest - earliest) as u64) as i64);
    let letters: String = (0..2).map(|_| char::from(*random.pick(LETTERS))).collect();
    let id_number = format!("{letters}{}", random.between(1_000_000, 10_000_000));
    let email = format!(
        "{}.{}@example.com",
        ascii_slug(first_name),
        ascii_slug(last_name)
    );
    vec![
        ("birth_date", born.to_string()),
        ("id_number", id_number),
        ("contact_email", email),
    ]
}

/// What a company's identity carries beyond its contact's name and a phone number.
fn business_details(random: &mut Random, locale: &Locale) -> Vec<(&'static str, String)> {
    let company = format!(
        "{} {} {}",
        random.pick(COMPANY_WORDS),
        random.pick(COMPANY_TRADES),
        locale.company_suffix
    );
    let registration = random.between(10_000_000, 1_000_000_000).to_string();
    let mut details = vec![
        (
            "contact_email",
            format!("ops@{}.example", ascii_slug(&company)),
        ),
        ("company_name", company),
        ("company_reg_number", registration),
    ];
    if locale.vat {
        // EU VAT numbers start with the ISO code (Greece's EL aside, not used here).
        let digits = random.between(100_000_000, 1_000_000_000);
        details.push(("vat_id", format!("{}{digits}", locale.iso)));
    }
    details
}

fn address(generator: &mut Generator, countries: &Countries, owner: &Owner) -> (Address, Customer) {
    let locale = owner.locale;
    let random = &mut generator.random;
    let places: Vec<_> = PLACES
        .iter()
        .filter(|place| place.iso == locale.iso)
        .collect();
    let place = *random.pick(&places);
    let street = random.pick(locale.streets);
    let house = random.between(1, 200);
    let line = if locale.number_first {
        format!("{house} {street}")
    } else {
        format!("{street} {house}")
    };
    let mut text = BTreeMap::new();
    text.insert("address".to_owned(), line);
    text.insert("city_name".to_owned(), place.name.to_owned());
    text.insert(
        "postal_code".to_owned(),
        postal_code(place, locale.postal, random),
    );
    if random.chance(40) {
        let description = random.pick(ADDRESS_DESCRIPTIONS);
        text.insert("description".to_owned(), description.to_string());
    }
    let verified = random.chance(60);
    let outside_did_area = random.chance(2);
    let since = owner.created_at.div_ceil(DAY_MS) * DAY_MS;
    let created_at = since + random.between(0, 20) * DAY_MS + random.between(0, DAY_MS);
    let id = generator.ids.uuid();
    let address = Address {
        id: id.clone(),
        text,
        identity_id: owner.id.clone(),
        country_id: countries.id(locale.iso).to_owned(),
        area_id: place.area.map(super::places::area_id),
        city_id: Some(super::city_id(place.key)),
        created_at,
        verified,
        outside_did_area,
    };
    let customer = Customer {
        identity_id: owner.id.clone(),
        address_id: id,
        identity_type: owner.identity_type,
        iso: locale.iso,
        city: place.key,
        area: place.area,
    };
    (address, customer)
}

/// Lowercase ASCII for an e-mail address: accents dropped, runs of spaces and dots made one
/// dash.
fn ascii_slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for character in text.chars() {
        let plain = match character {
            'á' | 'à' | 'ä' | 'å' | 'Ä' | 'Å' => "a",
            'é' | 'è' | 'ė' | 'ę' => "e",
            'í' => "i",
            'ó' | 'ö' | 'Ö' => "o",
            'ú' | 'ü' | 'ų' | 'Ü' => "u",
            'ñ' => "n",
            'č' => "c",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ł' => "l",
            'ß' => "ss",
            ' ' | '.' | '-' if slug.is_empty() || slug.ends_with('-') => continue,
            ' ' | '.' | '-' => "-",
            other if other.is_ascii_alphanumeric() => {
                slug.push(other.to_ascii_lowercase());
                continue;
            }
            _ => continue,
        };
        slug.push_str(plain);
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_lowercase_ascii() {
        assert_eq!(ascii_slug("Müller"), "muller");
        assert_eq!(ascii_slug("van den Berg"), "van-den-berg");
        assert_eq!(
            ascii_slug("Bluebird Hotels S.r.l."),
            "bluebird-hotels-s-r-l"
        );
        assert_eq!(
            ascii_slug("Summit Energy sp. z o.o."),
            "summit-energy-sp-z-o-o"
        );
    }
}
