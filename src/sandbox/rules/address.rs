//! Creating and updating addresses (`POST /addresses`, `PATCH /addresses/{id}`).

use std::collections::BTreeMap;

use super::changes::{apply_text, relationship_change, Change};
use super::{already_wrong, is_blank, is_too_long, TOO_LONG};
use crate::jsonapi::{ErrorObject, Resource};
use crate::sandbox::body::{self, Accepts};
use crate::sandbox::errors::{attribute_error, document_error, relationship_error, Failure};
use crate::sandbox::store::{find, find_mut, Address, Store, ADDRESS_TEXT_FIELDS};
use crate::wire::ApiRequest;

/// What an address body may carry.
pub(crate) const ACCEPTS: Accepts = Accepts {
    kind: "addresses",
    attributes: ADDRESS_TEXT_FIELDS,
    relationships: &["identity", "country", "area", "city"],
};

/// Creates an address from the request body and returns its id.
pub(crate) fn create(
    store: &mut Store,
    request: &ApiRequest,
    now_ms: u64,
) -> Result<String, Failure> {
    let resource = body::read(request, &ACCEPTS)?;
    let mut errors = Vec::new();
    let mut text = BTreeMap::new();
    apply_text(&resource, ADDRESS_TEXT_FIELDS, &mut text, &mut errors);
    check_fields(&text, &mut errors);
    let identity_id = required(store, &resource, "identity", "identities", &mut errors);
    let country_id = required(store, &resource, "country", "countries", &mut errors);
    let (area, city) = match &country_id {
        Some(country_id) => locality(store, &resource, country_id, &mut errors),
        None => (Change::Keep, Change::Keep),
    };
    let (Some(identity_id), Some(country_id)) = (identity_id, country_id) else {
        return Err(Failure::unprocessable(errors));
    };
    if !errors.is_empty() {
        return Err(Failure::unprocessable(errors));
    }

    let id = store.ids.uuid();
    store.addresses.push(Address {
        id: id.clone(),
        text,
        identity_id,
        country_id,
        area_id: area.apply(None),
        city_id: city.apply(None),
        created_at: now_ms,
        verified: false,
        outside_did_area: false,
    });
    Ok(id)
}

/// Applies a PATCH to address `id`. Its identity and country cannot change; area and city can.
/// A verified address cannot change at all.
pub(crate) fn update(store: &mut Store, request: &ApiRequest, id: &str) -> Result<(), Failure> {
    let existing = find(&store.addresses, id).ok_or_else(|| Failure::record_not_found(id))?;
    let resource = body::read(request, &ACCEPTS)?;
    body::check_id(&resource, id)?;
    if existing.verified {
        return Err(Failure::unprocessable(vec![document_error(
            "Verified Address cannot be changed",
        )]));
    }
    let mut errors = Vec::new();
    for (name, kind, current) in [
        ("identity", "identities", &existing.identity_id),
        ("country", "countries", &existing.country_id),
    ] {
        let unchanged =
            matches!(body::to_one(&resource, name, kind), Ok(Some(sent)) if &sent == current);
        if body::names_relationship(&resource, name) && !unchanged {
            errors.push(relationship_error(name, "cannot be changed"));
        }
    }
    let mut text = existing.text.clone();
    apply_text(&resource, ADDRESS_TEXT_FIELDS, &mut text, &mut errors);
    check_fields(&text, &mut errors);
    let (area, city) = locality(store, &resource, &existing.country_id, &mut errors);
    if !errors.is_empty() {
        return Err(Failure::unprocessable(errors));
    }

    let address = find_mut(&mut store.addresses, id).expect("the address was found above");
    address.text = text;
    address.area_id = area.apply(address.area_id.take());
    address.city_id = city.apply(address.city_id.take());
    Ok(())
}

/// A required relationship that must name an existing record.
fn required(
    store: &Store,
    resource: &Resource,
    name: &str,
    kind: &str,
    errors: &mut Vec<ErrorObject>,
) -> Option<String> {
    let exists = |id: &str| match kind {
        "identities" => find(&store.identities, id).is_some(),
        _ => find(&store.countries, id).is_some(),
    };
    match body::to_one(resource, name, kind) {
        Ok(Some(id)) if exists(&id) => Some(id),
        Ok(Some(_)) => {
            errors.push(relationship_error(name, "is invalid"));
            None
        }
        Ok(None) => {
            errors.push(relationship_error(name, "can't be blank"));
            None
        }
        Err(error) => {
            errors.push(*error);
            None
        }
    }
}

/// The optional `area` and `city` relationships, which must lie in the address's country.
fn locality(
    store: &Store,
    resource: &Resource,
    country_id: &str,
    errors: &mut Vec<ErrorObject>,
) -> (Change, Change) {
    let area_country = |id: &str| find(&store.areas, id).map(|area| area.country_id.clone());
    let city_country = |id: &str| find(&store.cities, id).map(|city| city.country_id.clone());
    let area = optional(resource, "area", "areas", country_id, area_country, errors);
    let city = optional(resource, "city", "cities", country_id, city_country, errors);
    (area, city)
}

fn optional(
    resource: &Resource,
    name: &str,
    kind: &str,
    country_id: &str,
    country_of: impl Fn(&str) -> Option<String>,
    errors: &mut Vec<ErrorObject>,
) -> Change {
    let in_country = |id: &str| country_of(id).as_deref() == Some(country_id);
    relationship_change(resource, name, kind, in_country, errors)
}

fn check_fields(text: &BTreeMap<String, String>, errors: &mut Vec<ErrorObject>) {
    let value = |name: &str| text.get(name).map(String::as_str);
    for name in ["address", "city_name", "postal_code"] {
        if is_blank(value(name)) && !already_wrong(errors, name) {
            errors.push(attribute_error(name, "can't be blank"));
        }
    }
    if is_too_long(value("external_reference_id")) {
        errors.push(attribute_error("external_reference_id", TOO_LONG));
    }
}
