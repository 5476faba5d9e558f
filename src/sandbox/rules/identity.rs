//! Creating and updating identities (`POST /identities`, `PATCH /identities/{id}`).

use std::collections::BTreeMap;

use super::changes::{apply_text, relationship_change, Change};
use super::{already_wrong, is_blank, is_digits, is_email, is_too_long, TOO_LONG};
use crate::jsonapi::{ErrorObject, Resource};
use crate::sandbox::body::{self, Accepts, Sent};
use crate::sandbox::clock::parse_date_or_date_time;
use crate::sandbox::errors::{attribute_error, document_error, relationship_error, Failure};
use crate::sandbox::store::{find, find_mut, Identity, IdentityType, Store, IDENTITY_TEXT_FIELDS};
use crate::wire::ApiRequest;

/// What an identity body may carry.
pub(crate) const ACCEPTS: Accepts = Accepts {
    kind: "identities",
    attributes: &[
        "identity_type",
        "first_name",
        "last_name",
        "phone_number",
        "id_number",
        "birth_date",
        "company_name",
        "company_reg_number",
        "vat_id",
        "description",
        "personal_tax_id",
        "external_reference_id",
        "contact_email",
    ],
    relationships: &["country", "birth_country"],
};

/// Creates an identity from the request body and returns its id.
pub(crate) fn create(
    store: &mut Store,
    request: &ApiRequest,
    now_ms: u64,
) -> Result<String, Failure> {
    let resource = body::read(request, &ACCEPTS)?;
    let mut errors = Vec::new();
    let identity_type = match body::text(&resource, "identity_type") {
        Ok(Sent::Text(value)) => IdentityType::parse(&value).or_else(|| {
            errors.push(attribute_error(
                "identity_type",
                "is not included in the list",
            ));
            None
        }),
        Ok(_) => {
            errors.push(attribute_error("identity_type", "can't be blank"));
            None
        }
        Err(error) => {
            errors.push(*error);
            None
        }
    };
    let mut text = BTreeMap::new();
    apply_text(&resource, IDENTITY_TEXT_FIELDS, &mut text, &mut errors);
    let country = country_change(store, &resource, "country", &mut errors);
    let birth_country = country_change(store, &resource, "birth_country", &mut errors);
    check_fields(identity_type, &text, &mut errors);
    // A company is registered somewhere; a person may leave the country out.
    if identity_type == Some(IdentityType::Business)
        && matches!(country, Change::Keep | Change::Clear)
    {
        errors.push(relationship_error("country", "can't be blank"));
    }
    let Some(identity_type) = identity_type.filter(|_| errors.is_empty()) else {
        return Err(Failure::unprocessable(errors));
    };

    normalize_birth_date(&mut text);
    let id = store.ids.uuid();
    store.identities.push(Identity {
        id: id.clone(),
        identity_type,
        text,
        country_id: country.apply(None),
        birth_country_id: birth_country.apply(None),
        created_at: now_ms,
        verified: false,
        document_expired: false,
    });
    Ok(id)
}

/// Applies a PATCH to identity `id`; `identity_type` can never change, and a verified
/// identity not at all.
pub(crate) fn update(store: &mut Store, request: &ApiRequest, id: &str) -> Result<(), Failure> {
    let existing = find(&store.identities, id).ok_or_else(|| Failure::record_not_found(id))?;
    let resource = body::read(request, &ACCEPTS)?;
    body::check_id(&resource, id)?;
    // The review accepted these details against the identity's documents; changed details
    // would no longer be what was reviewed.
    if existing.verified {
        return Err(Failure::unprocessable(vec![document_error(
            "Verified Identity cannot be changed",
        )]));
    }
    let mut errors = Vec::new();
    match body::text(&resource, "identity_type") {
        Ok(Sent::Missing) => {}
        Ok(Sent::Text(value)) if value == existing.identity_type.as_str() => {}
        _ => errors.push(attribute_error("identity_type", "cannot be changed")),
    }
    let mut text = existing.text.clone();
    apply_text(&resource, IDENTITY_TEXT_FIELDS, &mut text, &mut errors);
    let country = country_change(store, &resource, "country", &mut errors);
    let birth_country = country_change(store, &resource, "birth_country", &mut errors);
    check_fields(Some(existing.identity_type), &text, &mut errors);
    if existing.identity_type == IdentityType::Business && country == Change::Clear {
        errors.push(relationship_error("country", "can't be blank"));
    }
    if !errors.is_empty() {
        return Err(Failure::unprocessable(errors));
    }

    normalize_birth_date(&mut text);
    let identity = find_mut(&mut store.identities, id).expect("the identity was found above");
    identity.text = text;
    identity.country_id = country.apply(identity.country_id.take());
    identity.birth_country_id = birth_country.apply(identity.birth_country_id.take());
    Ok(())
}

/// Reads a country relationship, which must name an existing country when sent.
pub(crate) fn country_change(
    store: &Store,
    resource: &Resource,
    name: &str,
    errors: &mut Vec<ErrorObject>,
) -> Change {
    let exists = |id: &str| find(&store.countries, id).is_some();
    relationship_change(resource, name, "countries", exists, errors)
}

fn check_fields(
    identity_type: Option<IdentityType>,
    text: &BTreeMap<String, String>,
    errors: &mut Vec<ErrorObject>,
) {
    let value = |name: &str| text.get(name).map(String::as_str);
    for name in ["first_name", "last_name", "phone_number"] {
        if is_blank(value(name)) && !already_wrong(errors, name) {
            errors.push(attribute_error(name, "can't be blank"));
        }
    }
    if let Some(phone) = value("phone_number").filter(|phone| !phone.trim().is_empty()) {
        if !is_digits(phone) {
            errors.push(attribute_error("phone_number", "is invalid"));
        }
    }
    if identity_type == Some(IdentityType::Business) && is_blank(value("company_name")) {
        errors.push(attribute_error("company_name", "can't be blank"));
    }
    if value("birth_date").is_some_and(|date| parse_date_or_date_time(date).is_none()) {
        errors.push(attribute_error("birth_date", "is invalid"));
    }
    if value("contact_email").is_some_and(|email| !email.trim().is_empty() && !is_email(email)) {
        errors.push(attribute_error("contact_email", "is invalid"));
    }
    if is_too_long(value("external_reference_id")) {
        errors.push(attribute_error("external_reference_id", TOO_LONG));
    }
}

/// DIDWW stores a birth date as a date, even when a date-time was sent.
fn normalize_birth_date(text: &mut BTreeMap<String, String>) {
    if let Some(date) = text
        .get("birth_date")
        .and_then(|value| parse_date_or_date_time(value))
    {
        text.insert("birth_date".to_owned(), date.to_string());
    }
}
