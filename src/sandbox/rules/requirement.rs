//! Whether an identity and an address satisfy an emergency requirement.
//!
//! `POST /emergency_requirement_validations` runs these checks on their own; an emergency
//! verification runs them again, so a client that skips the validation cannot slip data past.

use super::fields::{address_field, address_has, identity_has, AddressField};
use crate::jsonapi::{ErrorObject, Resource};
use crate::sandbox::body::{self, Accepts};
use crate::sandbox::errors::{document_error, relationship_error, Failure};
use crate::sandbox::store::{find, Address, Identity, IdentityType, Requirement, Store};
use crate::wire::ApiRequest;

/// What a validation body may carry. DIDWW's SDKs send an empty `attributes` object.
pub(crate) const ACCEPTS: Accepts = Accepts {
    kind: "emergency_requirement_validations",
    attributes: &[],
    relationships: &["emergency_requirement", "identity", "address"],
};

/// Validates the body's identity and address against its requirement; returns the
/// requirement id, which DIDWW echoes as the id of the (unstored) validation.
pub(crate) fn validate(store: &Store, request: &ApiRequest) -> Result<String, Failure> {
    let resource = body::read(request, &ACCEPTS)?;
    let mut errors = Vec::new();
    let requirement =
        match body::to_one(&resource, "emergency_requirement", "emergency_requirements") {
            Ok(Some(id)) => find(&store.requirements, &id).or_else(|| {
                errors.push(relationship_error("emergency_requirement", "is invalid"));
                None
            }),
            Ok(None) => {
                errors.push(relationship_error(
                    "emergency_requirement",
                    "can't be blank",
                ));
                None
            }
            Err(error) => {
                errors.push(*error);
                None
            }
        };
    let identity = lookup(&resource, "identity", "identities", &mut errors, |id| {
        find(&store.identities, id)
    });
    let address = lookup(&resource, "address", "addresses", &mut errors, |id| {
        find(&store.addresses, id)
    });
    let nothing_sent = !body::names_relationship(&resource, "identity")
        && !body::names_relationship(&resource, "address");
    if nothing_sent {
        errors.push(document_error("Identity or Address must be present"));
    }
    if let (Some(requirement), true) = (requirement, errors.is_empty()) {
        errors.extend(problems(store, requirement, identity, address));
    }
    match requirement {
        Some(requirement) if errors.is_empty() => Ok(requirement.id.clone()),
        _ => Err(Failure::unprocessable(errors)),
    }
}

/// Every way the identity and address fall short of the requirement, one error each.
///
/// When only an address is given, its identity is checked too: the address cannot be used
/// without it.
pub(crate) fn problems(
    store: &Store,
    requirement: &Requirement,
    identity: Option<&Identity>,
    address: Option<&Address>,
) -> Vec<ErrorObject> {
    let mut messages = Vec::new();
    if let (Some(identity), Some(address)) = (identity, address) {
        if address.identity_id != identity.id {
            messages.push("Address does not belong to the Identity".to_owned());
        }
    }
    let identity = identity
        .or_else(|| address.and_then(|address| find(&store.identities, &address.identity_id)));
    if let Some(identity) = identity {
        identity_problems(store, requirement, identity, &mut messages);
    }
    if let Some(address) = address {
        address_problems(store, requirement, address, &mut messages);
    }
    messages
        .iter()
        .map(|message| document_error(message))
        .collect()
}

fn identity_problems(
    store: &Store,
    requirement: &Requirement,
    identity: &Identity,
    messages: &mut Vec<String>,
) {
    let kind = identity.identity_type;
    if !accepts(requirement, kind) {
        let other = match kind {
            IdentityType::Personal => IdentityType::Business,
            IdentityType::Business => IdentityType::Personal,
        };
        let message = if accepts(requirement, other) {
            format!("{} Identity required", other.label())
        } else {
            format!("{} Identity is not accepted", kind.label())
        };
        messages.push(message);
        return;
    }
    let (level, mandatory) = match kind {
        IdentityType::Personal => (
            &requirement.personal_area_level,
            &requirement.personal_mandatory_fields,
        ),
        IdentityType::Business => (
            &requirement.business_area_level,
            &requirement.business_mandatory_fields,
        ),
    };
    if level.as_deref() == Some("country")
        && identity.country_id.as_deref() != Some(requirement.country_id.as_str())
    {
        let country = store.country_name(&requirement.country_id);
        messages.push(format!("Identity from {country} required"));
    }
    for name in mandatory
        .iter()
        .filter(|name| !identity_has(identity, name))
    {
        messages.push(format!("{name} is required for {} Identity", kind.label()));
    }
}

fn address_problems(
    store: &Store,
    requirement: &Requirement,
    address: &Address,
    messages: &mut Vec<String>,
) {
    let country = store.country_name(&requirement.country_id);
    let level = requirement.address_area_level.as_str();
    let in_country = address.country_id == requirement.country_id;
    // Unknown future levels are at least as strict as `country`, so they are checked as such.
    if level != "world_wide" && !in_country {
        messages.push(format!("Address in {country} required"));
    }
    let asks_for_area = requirement
        .address_mandatory_fields
        .iter()
        .any(|name| address_field(name) == Some(AddressField::Area));
    if in_country && level == "area" && !asks_for_area && store.area_of_address(address).is_none() {
        messages.push("Area is required for Address".to_owned());
    }
    if in_country && level == "city" && store.city_of_address(address).is_none() {
        messages.push(format!("Address must be linked to a City in {country}"));
    }
    for name in &requirement.address_mandatory_fields {
        // An area belongs to one country: a foreign address is already reported above.
        let is_area = address_field(name) == Some(AddressField::Area);
        if (in_country || !is_area) && !address_has(store, address, name) {
            messages.push(format!("{name} is required for Address"));
        }
    }
}

/// Whether the requirement takes this kind of identity at all.
fn accepts(requirement: &Requirement, kind: IdentityType) -> bool {
    let level = match kind {
        IdentityType::Personal => &requirement.personal_area_level,
        IdentityType::Business => &requirement.business_area_level,
    };
    let by_type = requirement.identity_type == "any" || requirement.identity_type == kind.as_str();
    by_type && level.is_some()
}

/// A to-one relationship that must name an existing record when sent.
fn lookup<'a, T>(
    resource: &Resource,
    name: &str,
    kind: &str,
    errors: &mut Vec<ErrorObject>,
    find_record: impl Fn(&str) -> Option<&'a T>,
) -> Option<&'a T> {
    match body::to_one(resource, name, kind) {
        Ok(Some(id)) => find_record(&id).or_else(|| {
            errors.push(relationship_error(name, "is invalid"));
            None
        }),
        Ok(None) => None,
        Err(error) => {
            errors.push(*error);
            None
        }
    }
}
