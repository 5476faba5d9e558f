//! Reading request bodies: one JSON:API resource of the endpoint's type, carrying nothing the
//! endpoint does not accept, and typed access to its attributes and relationships.

use serde_json::Value;

use super::errors::{attribute_error, relationship_error, Failure};
use crate::jsonapi::{ErrorObject, RelationshipData, Resource};
use crate::wire::{ApiRequest, MEDIA_TYPE};

/// What a write endpoint accepts in its body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Accepts {
    pub kind: &'static str,
    pub attributes: &'static [&'static str],
    pub relationships: &'static [&'static str],
}

/// The error a malformed attribute or relationship yields; boxed because it only ever travels
/// on the 422 path, and the `Ok` path should stay small.
pub(crate) type Invalid = Box<ErrorObject>;

/// An attribute as sent: missing, `null`, or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sent {
    Missing,
    Null,
    Text(String),
}

/// Reads the body of a POST or PATCH into the resource it carries.
pub(crate) fn read(request: &ApiRequest, accepts: &Accepts) -> Result<Resource, Failure> {
    if let Some(declared) = request.header("Content-Type") {
        let base = declared.split(';').next().unwrap_or_default().trim();
        if !base.eq_ignore_ascii_case(MEDIA_TYPE) {
            return Err(Failure::unsupported_media_type(declared));
        }
    }
    let body = request.body.as_deref().unwrap_or_default();
    if body.trim().is_empty() {
        return Err(Failure::bad_body(
            "The request body is empty; send a JSON:API document",
        ));
    }
    let document: Value = serde_json::from_str(body).map_err(|error| {
        Failure::bad_body(&format!("The request body is not valid JSON: {error}"))
    })?;
    let data = match document.get("data") {
        None | Some(Value::Null) => return Err(Failure::missing_parameter("data")),
        Some(data @ Value::Object(_)) => data.clone(),
        Some(_) => return Err(Failure::bad_body("data must be a single resource object")),
    };
    let resource: Resource = serde_json::from_value(data)
        .map_err(|error| Failure::bad_body(&format!("data is not a resource object: {error}")))?;
    if resource.kind != accepts.kind {
        return Err(Failure::invalid_resource(&resource.kind));
    }
    let attribute_names = resource.attributes.keys();
    let relationship_names = resource.relationships.keys();
    if let Some(refused) = attribute_names
        .filter(|name| !accepts.attributes.contains(&name.as_str()))
        .chain(relationship_names.filter(|name| !accepts.relationships.contains(&name.as_str())))
        .next()
    {
        return Err(Failure::param_not_allowed(refused));
    }
    Ok(resource)
}

/// A text attribute; anything but a string or `null` is invalid.
pub(crate) fn text(resource: &Resource, name: &str) -> Result<Sent, Invalid> {
    match resource.attributes.get(name) {
        None => Ok(Sent::Missing),
        Some(Value::Null) => Ok(Sent::Null),
        Some(Value::String(value)) => Ok(Sent::Text(value.clone())),
        Some(_) => Err(Box::new(attribute_error(name, "is invalid"))),
    }
}

/// A to-one relationship to `kind`: `Ok(None)` when missing or `null`.
pub(crate) fn to_one(
    resource: &Resource,
    name: &str,
    kind: &str,
) -> Result<Option<String>, Invalid> {
    match resource.relationship(name) {
        RelationshipData::Absent | RelationshipData::Null => Ok(None),
        RelationshipData::One(identifier) if identifier.kind == kind => Ok(Some(identifier.id)),
        _ => Err(Box::new(relationship_error(name, "is invalid"))),
    }
}

/// Whether the body names relationship `name` at all (even as `null`).
pub(crate) fn names_relationship(resource: &Resource, name: &str) -> bool {
    resource.relationships.contains_key(name)
}

/// The ids of a to-many relationship to `kind`, in order and without repeats.
pub(crate) fn to_many(resource: &Resource, name: &str, kind: &str) -> Result<Vec<String>, Invalid> {
    let identifiers = match resource.relationship(name) {
        RelationshipData::Absent | RelationshipData::Null => return Ok(Vec::new()),
        RelationshipData::Many(identifiers) => identifiers,
        RelationshipData::One(_) => return Err(Box::new(relationship_error(name, "is invalid"))),
    };
    let mut ids: Vec<String> = Vec::new();
    for identifier in identifiers {
        if identifier.kind != kind {
            return Err(Box::new(relationship_error(name, "is invalid")));
        }
        if !ids.contains(&identifier.id) {
            ids.push(identifier.id);
        }
    }
    Ok(ids)
}

/// Checks the body's `data.id`, when sent, against the id in the path of a PATCH.
pub(crate) fn check_id(resource: &Resource, path_id: &str) -> Result<(), Failure> {
    if resource.id.is_empty() || resource.id == path_id {
        return Ok(());
    }
    Err(Failure::key_not_in_url(&resource.id))
}
