//! Changing an identity or address the customer already has: what may change, the form's
//! starting values, and the PATCH that sends only what the user changed.
//!
//! DIDWW lets every identity attribute but `identity_type` change, and the country; an
//! address keeps its identity and country. Once DIDWW has verified a record against its
//! documents, this product does not change it: the verification was made on those details.

use super::birth_date::parse_birth_date;
use super::form::{normalise_phone, FormValues};
use crate::api::{AddressUpdate, IdentityUpdate};
use crate::model::{Address, Identity};

/// The identity attributes a PATCH may carry, by API name.
pub const IDENTITY_WRITABLE: [&str; 11] = [
    "first_name",
    "last_name",
    "phone_number",
    "contact_email",
    "company_name",
    "company_reg_number",
    "vat_id",
    "id_number",
    "personal_tax_id",
    "birth_date",
    "description",
];

/// The address attributes a PATCH may carry, by API name.
pub const ADDRESS_WRITABLE: [&str; 4] = ["address", "city_name", "postal_code", "description"];

/// Why a verified identity cannot be completed here, in words for the user.
pub const VERIFIED_IDENTITY: &str = "DIDWW has verified this identity against its documents, so \
    its details cannot be changed here. Ask DIDWW support to add what is missing, then come \
    back to this step.";

/// Why a verified address cannot be changed here, in words for the user.
pub const VERIFIED_ADDRESS: &str = "DIDWW has verified this address, so it cannot be changed \
    here. Add a new address instead.";

/// Whether the identity may be changed here.
pub fn can_edit_identity(identity: &Identity) -> bool {
    !identity.verified
}

/// Whether the address may be changed here.
pub fn can_edit_address(address: &Address) -> bool {
    !address.verified
}

/// The identity's current values, as the form holds them.
pub fn identity_form_values(identity: &Identity) -> FormValues {
    let mut values = FormValues::new();
    for name in IDENTITY_WRITABLE {
        if let Some(value) = identity_attribute(identity, name) {
            values.insert(name.to_owned(), value.to_owned());
        }
    }
    if let Some(country_id) = &identity.country_id {
        values.insert("country".to_owned(), country_id.clone());
    }
    values
}

/// The PATCH for the values that differ from `identity`. Values are compared as they would
/// be sent (phone digits, `YYYY-MM-DD` dates, no surrounding spaces), so retyping a value in
/// another shape is no change; a field the form does not show is left alone.
pub fn identity_update(identity: &Identity, values: &FormValues, today: &str) -> IdentityUpdate {
    let mut update = IdentityUpdate {
        id: identity.id.clone(),
        ..IdentityUpdate::default()
    };
    for name in IDENTITY_WRITABLE {
        let Some(typed) = values.get(name) else {
            continue;
        };
        let typed = typed.trim();
        let sent = match name {
            "phone_number" => normalise_phone(typed).unwrap_or_else(|_| typed.to_owned()),
            "birth_date" => parse_birth_date(typed, today).unwrap_or_else(|_| typed.to_owned()),
            _ => typed.to_owned(),
        };
        let current = identity_attribute(identity, name).unwrap_or("");
        if sent != current {
            update
                .attributes
                .push((name.to_owned(), (!sent.is_empty()).then_some(sent)));
        }
    }
    let country = values.get("country").map(|id| id.trim()).unwrap_or("");
    if !country.is_empty() && Some(country) != identity.country_id.as_deref() {
        update.country_id = Some(country.to_owned());
    }
    update
}

/// The address's current values, as the form holds them.
pub fn address_form_values(address: &Address) -> FormValues {
    let mut values = FormValues::new();
    for name in ADDRESS_WRITABLE {
        if let Some(value) = address_attribute(address, name) {
            values.insert(name.to_owned(), value.to_owned());
        }
    }
    if let Some(area_id) = &address.area_id {
        values.insert("area".to_owned(), area_id.clone());
    }
    values
}

/// The PATCH for the values that differ from `address`; `city_id` is the DIDWW city the
/// typed city name names, when known.
pub fn address_update(
    address: &Address,
    values: &FormValues,
    city_id: Option<String>,
) -> AddressUpdate {
    let mut update = AddressUpdate {
        id: address.id.clone(),
        ..AddressUpdate::default()
    };
    for name in ADDRESS_WRITABLE {
        let Some(typed) = values.get(name) else {
            continue;
        };
        let typed = typed.trim();
        if typed != address_attribute(address, name).unwrap_or("") {
            let value = (!typed.is_empty()).then(|| typed.to_owned());
            update.attributes.push((name.to_owned(), value));
        }
    }
    let area = values.get("area").map(|id| id.trim()).unwrap_or("");
    if !area.is_empty() && Some(area) != address.area_id.as_deref() {
        update.area_id = Some(area.to_owned());
    }
    update.city_id = city_id.filter(|id| Some(id) != address.city_id.as_ref());
    update
}

fn identity_attribute<'a>(identity: &'a Identity, name: &str) -> Option<&'a str> {
    let value = match name {
        "first_name" => &identity.first_name,
        "last_name" => &identity.last_name,
        "phone_number" => &identity.phone_number,
        "contact_email" => &identity.contact_email,
        "company_name" => &identity.company_name,
        "company_reg_number" => &identity.company_reg_number,
        "vat_id" => &identity.vat_id,
        "id_number" => &identity.id_number,
        "personal_tax_id" => &identity.personal_tax_id,
        "birth_date" => &identity.birth_date,
        "description" => &identity.description,
        _ => return None,
    };
    value.as_deref()
}

fn address_attribute<'a>(address: &'a Address, name: &str) -> Option<&'a str> {
    let value = match name {
        "address" => &address.address,
        "city_name" => &address.city_name,
        "postal_code" => &address.postal_code,
        "description" => &address.description,
        _ => return None,
    };
    value.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IdentityType;

    const TODAY: &str = "2026-12-04";

    fn jane() -> Identity {
        Identity {
            id: "jane".into(),
            identity_type: Some(IdentityType::Personal),
            first_name: Some("Jane".into()),
            last_name: Some("Doe".into()),
            phone_number: Some("12125550199".into()),
            birth_date: Some("1985-03-14".into()),
            description: Some("Head office".into()),
            country_id: Some("US".into()),
            ..Default::default()
        }
    }

    #[test]
    fn an_untouched_form_sends_nothing() {
        let identity = jane();
        let values = identity_form_values(&identity);

        let update = identity_update(&identity, &values, TODAY);

        assert!(update.is_empty(), "{update:?}");
    }

    #[test]
    fn only_changed_attributes_are_sent_and_retyped_shapes_are_no_change() {
        let identity = jane();
        let mut values = identity_form_values(&identity);
        values.insert("phone_number".into(), "+1 212 555 0199".into());
        values.insert("birth_date".into(), "1985/3/14".into());
        values.insert("contact_email".into(), "jane@example.com".into());
        values.insert("description".into(), "  ".into());
        values.insert("last_name".into(), "Doe-Łukasiewicz".into());

        let update = identity_update(&identity, &values, TODAY);

        assert_eq!(
            update.attributes,
            vec![
                ("last_name".to_owned(), Some("Doe-Łukasiewicz".to_owned())),
                (
                    "contact_email".to_owned(),
                    Some("jane@example.com".to_owned())
                ),
                ("description".to_owned(), None),
            ]
        );
        assert_eq!(update.country_id, None);
        let body: serde_json::Value =
            serde_json::from_str(&update.to_body()).expect("the body is JSON");
        let attributes = body["data"]["attributes"].as_object().expect("attributes");
        assert_eq!(attributes.len(), 3);
        assert!(attributes["description"].is_null());
        assert_eq!(body["data"]["id"], "jane");
        assert!(body["data"]["attributes"].get("identity_type").is_none());
    }

    #[test]
    fn a_new_country_is_sent_as_the_relationship() {
        let identity = jane();
        let mut values = identity_form_values(&identity);
        values.insert("country".into(), "GB".into());

        let update = identity_update(&identity, &values, TODAY);

        assert_eq!(update.country_id.as_deref(), Some("GB"));
        assert!(update.to_body().contains("\"countries\""));
    }

    #[test]
    fn verified_records_are_not_offered_for_editing() {
        let mut identity = jane();
        assert!(can_edit_identity(&identity));
        identity.verified = true;
        assert!(!can_edit_identity(&identity));

        let address = Address {
            verified: true,
            ..Default::default()
        };
        assert!(!can_edit_address(&address));
    }

    #[test]
    fn an_address_update_keeps_leading_zeros_unicode_and_inner_spaces() {
        let address = Address {
            id: "home".into(),
            address: Some("Gedimino pr. 9".into()),
            city_name: Some("Vilnius".into()),
            postal_code: Some("01103".into()),
            area_id: Some("area".into()),
            ..Default::default()
        };
        let mut values = address_form_values(&address);
        assert_eq!(values.get("postal_code").map(String::as_str), Some("01103"));
        values.insert("postal_code".into(), "01 103".into());
        values.insert("address".into(), "Šv. Ignoto g. 5\u{301}".into());

        let update = address_update(&address, &values, Some("vilnius".into()));

        assert_eq!(
            update.attributes,
            vec![
                (
                    "address".to_owned(),
                    Some("Šv. Ignoto g. 5\u{301}".to_owned())
                ),
                ("postal_code".to_owned(), Some("01 103".to_owned())),
            ]
        );
        assert_eq!(update.area_id, None, "the area did not change");
        assert_eq!(update.city_id.as_deref(), Some("vilnius"));
        let body = update.to_body();
        assert!(body.contains("Šv. Ignoto g. 5\u{301}"), "{body}");
        assert!(body.contains("\"01 103\""), "{body}");
    }
}
