//! What `POST /emergency_verifications` accepts.
//!
//! Two modes, as DIDWW has them: a new calling service (send `address` and `dids`) or a new
//! verification for an existing service (send `address` and `emergency_calling_service`).

use std::collections::BTreeSet;

use super::{is_http_url, is_too_long, requirement, TOO_LONG};
use crate::jsonapi::{ErrorObject, Resource};
use crate::sandbox::body::{self, Accepts, Sent};
use crate::sandbox::errors::{
    attribute_error, did_error, document_error, relationship_error, Failure,
};
use crate::sandbox::store::{find, Address, Did, Requirement, Store};
use crate::wire::ApiRequest;

/// What a new verification body may carry.
pub(crate) const ACCEPTS: Accepts = Accepts {
    kind: "emergency_verifications",
    attributes: &["callback_url", "callback_method", "external_reference_id"],
    relationships: &["address", "dids", "emergency_calling_service"],
};

/// What a verification update may carry: DIDWW lets only the external reference change.
pub(crate) const UPDATE_ACCEPTS: Accepts = Accepts {
    kind: "emergency_verifications",
    attributes: &["external_reference_id"],
    relationships: &[],
};

/// The statuses in which a service takes a new verification, as DIDWW words them.
const RESUBMITTABLE: &[&str] = &["new", "changes_required", "active"];

/// A submission that passed every rule.
#[derive(Debug, Clone)]
pub(crate) struct Submission {
    pub address_id: String,
    pub requirement_id: String,
    pub target: Target,
    pub callback_url: Option<String>,
    pub callback_method: Option<String>,
    pub external_reference_id: Option<String>,
}

/// Where the submission goes.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A new service for these DIDs (all of one country and DID group type).
    NewService {
        did_ids: Vec<String>,
        country_id: String,
        did_group_type_id: String,
    },
    /// A new verification for an existing service.
    ExistingService { service_id: String },
}

/// Checks a verification body against every rule, collecting all problems.
pub(crate) fn check(store: &Store, request: &ApiRequest) -> Result<Submission, Failure> {
    let resource = body::read(request, &ACCEPTS)?;
    let mut errors = Vec::new();
    let (callback_url, callback_method) = callback(&resource, &mut errors);
    let external_reference_id = match body::text(&resource, "external_reference_id") {
        Ok(Sent::Text(value)) if is_too_long(Some(&value)) => {
            errors.push(attribute_error("external_reference_id", TOO_LONG));
            None
        }
        Ok(Sent::Text(value)) => Some(value),
        Ok(_) => None,
        Err(error) => {
            errors.push(*error);
            None
        }
    };
    let address = match body::to_one(&resource, "address", "addresses") {
        Ok(Some(id)) => find(&store.addresses, &id).or_else(|| {
            errors.push(relationship_error("address", "is invalid"));
            None
        }),
        Ok(None) => {
            errors.push(relationship_error("address", "can't be blank"));
            None
        }
        Err(error) => {
            errors.push(*error);
            None
        }
    };
    let did_ids = body::to_many(&resource, "dids", "dids").unwrap_or_else(|error| {
        errors.push(*error);
        Vec::new()
    });
    let service_id = body::to_one(
        &resource,
        "emergency_calling_service",
        "emergency_calling_services",
    )
    .unwrap_or_else(|error| {
        errors.push(*error);
        None
    });

    let checked = match (did_ids.is_empty(), service_id) {
        (false, Some(_)) => {
            let title = "can't be sent together with dids";
            errors.push(relationship_error("emergency_calling_service", title));
            None
        }
        (true, None) => {
            errors.push(relationship_error("dids", "can't be blank"));
            None
        }
        (false, None) => new_service(store, did_ids, address, &mut errors),
        (true, Some(service_id)) => existing_service(store, service_id, address, &mut errors),
    };
    if let (Some((requirement, _)), Some(address)) = (&checked, address) {
        errors.extend(requirement::problems(
            store,
            requirement,
            None,
            Some(address),
        ));
    }
    match (checked, address) {
        (Some((requirement, target)), Some(address)) if errors.is_empty() => Ok(Submission {
            address_id: address.id.clone(),
            requirement_id: requirement.id.clone(),
            target,
            callback_url,
            callback_method,
            external_reference_id,
        }),
        _ => Err(Failure::unprocessable(errors)),
    }
}

/// `callback_url` must be an http(s) URL; `callback_method` is `get` or `post` and is
/// required with a URL.
fn callback(
    resource: &Resource,
    errors: &mut Vec<ErrorObject>,
) -> (Option<String>, Option<String>) {
    let mut read = |name: &str| match body::text(resource, name) {
        Ok(Sent::Text(value)) if !value.trim().is_empty() => Some(value),
        Ok(_) => None,
        Err(error) => {
            errors.push(*error);
            None
        }
    };
    let (url, method) = (read("callback_url"), read("callback_method"));
    if url.as_deref().is_some_and(|url| !is_http_url(url)) {
        errors.push(attribute_error("callback_url", "is invalid"));
    }
    match method.as_deref() {
        Some("get" | "post") => {}
        Some(_) => errors.push(attribute_error(
            "callback_method",
            "is not included in the list",
        )),
        None if url.is_some() => errors.push(attribute_error("callback_method", "can't be blank")),
        None => {}
    }
    (url, method)
}

fn new_service<'a>(
    store: &'a Store,
    did_ids: Vec<String>,
    address: Option<&Address>,
    errors: &mut Vec<ErrorObject>,
) -> Option<(&'a Requirement, Target)> {
    let mut dids: Vec<&Did> = Vec::new();
    for id in &did_ids {
        let Some(did) = store.did(id) else {
            errors.push(did_error(id, "is invalid"));
            continue;
        };
        let group = store.group_of(did);
        if !group.is_some_and(|group| group.features.iter().any(|feature| feature == "emergency")) {
            errors.push(did_error(id, "does not support Emergency feature"));
        }
        if did.emergency_calling_service_id.is_some() {
            errors.push(did_error(
                id,
                "is already assigned to another Emergency Calling Service",
            ));
        }
        errors.extend(locked_identity_error(store, did, address));
        dids.push(did);
    }

    let groups: Vec<_> = dids.iter().filter_map(|did| store.group_of(did)).collect();
    let countries: BTreeSet<&str> = groups
        .iter()
        .map(|group| group.country_id.as_str())
        .collect();
    let types: BTreeSet<&str> = groups
        .iter()
        .map(|group| group.did_group_type_id.as_str())
        .collect();
    if countries.len() > 1 {
        errors.push(relationship_error("dids", "should have the same Country"));
    }
    if types.len() > 1 {
        errors.push(relationship_error(
            "dids",
            "should have the same Did Group Type",
        ));
    }
    let (Some(country_id), Some(type_id), 1, 1) = (
        countries.first(),
        types.first(),
        countries.len(),
        types.len(),
    ) else {
        return None;
    };
    let Some(requirement) = store.requirement_for(country_id, type_id) else {
        errors.push(document_error("Emergency Rate not found"));
        return None;
    };
    locality_errors(store, requirement, &dids, errors);
    let target = Target::NewService {
        did_ids,
        country_id: country_id.to_string(),
        did_group_type_id: type_id.to_string(),
    };
    Some((requirement, target))
}

/// City- and area-level requirements need DIDs that know their city, all in one place.
fn locality_errors(
    store: &Store,
    requirement: &Requirement,
    dids: &[&Did],
    errors: &mut Vec<ErrorObject>,
) {
    let level = requirement.address_area_level.as_str();
    if level != "city" && level != "area" {
        return;
    }
    let cities: Vec<_> = dids.iter().map(|did| store.city_of_did(did)).collect();
    if cities.iter().any(Option::is_none) {
        errors.push(relationship_error("dids", "should be linked with City ID"));
        return;
    }
    let places: BTreeSet<Option<&str>> = cities
        .iter()
        .flatten()
        .map(|city| match level {
            "city" => Some(city.id.as_str()),
            _ => city.area_id.as_deref(),
        })
        .collect();
    if places.len() > 1 {
        let title = if level == "city" {
            "should belong to the same City"
        } else {
            "should belong to the same Area"
        };
        errors.push(relationship_error("dids", title));
    }
}

fn existing_service<'a>(
    store: &'a Store,
    service_id: String,
    address: Option<&Address>,
    errors: &mut Vec<ErrorObject>,
) -> Option<(&'a Requirement, Target)> {
    let Some(service) = find(&store.services, &service_id) else {
        errors.push(relationship_error(
            "emergency_calling_service",
            "is invalid",
        ));
        return None;
    };
    if !RESUBMITTABLE.contains(&service.status.as_str()) {
        let message =
            "Emergency Calling Service should be in NEW, CHANGES_REQUIRED or ACTIVE status";
        errors.push(document_error(message));
    }
    for did in store.service_dids(&service_id) {
        errors.extend(locked_identity_error(store, did, address));
    }
    let requirement = find(&store.requirements, &service.requirement_id)?;
    Some((requirement, Target::ExistingService { service_id }))
}

/// A DID with end-user registration (an identity and an address verification) stays with
/// that identity; the address sent must belong to it. DIDWW names the identity to use.
fn locked_identity_error(
    store: &Store,
    did: &Did,
    address: Option<&Address>,
) -> Option<ErrorObject> {
    let identity_id = did.identity_id.as_deref()?;
    did.address_verification_id.as_ref()?;
    if address?.identity_id == identity_id {
        return None;
    }
    let identity = find(&store.identities, identity_id)?;
    let title = format!(
        "can be used only with Identity {} - {}",
        identity.identity_type.label(),
        identity.display_name()
    );
    Some(did_error(&did.id, &title))
}
