//! Reading what a create or update body changes: to-one relationships and text attributes.

use std::collections::BTreeMap;

use crate::jsonapi::{ErrorObject, Resource};
use crate::sandbox::body::{self, Sent};
use crate::sandbox::errors::relationship_error;

/// A change to a to-one relationship, as sent in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    Keep,
    Clear,
    Set(String),
}

impl Change {
    /// The relationship's value after the change.
    pub fn apply(self, current: Option<String>) -> Option<String> {
        match self {
            Self::Keep => current,
            Self::Clear => None,
            Self::Set(id) => Some(id),
        }
    }
}

/// Reads to-one relationship `name` (of type `kind`): kept when the body leaves it out,
/// cleared by `null`, set when `is_acceptable` accepts the id named, and an "is invalid"
/// error otherwise.
pub(crate) fn relationship_change(
    resource: &Resource,
    name: &str,
    kind: &str,
    is_acceptable: impl Fn(&str) -> bool,
    errors: &mut Vec<ErrorObject>,
) -> Change {
    if !body::names_relationship(resource, name) {
        return Change::Keep;
    }
    match body::to_one(resource, name, kind) {
        Ok(Some(id)) if is_acceptable(&id) => Change::Set(id),
        Ok(None) => Change::Clear,
        Ok(Some(_)) => {
            errors.push(relationship_error(name, "is invalid"));
            Change::Keep
        }
        Err(error) => {
            errors.push(*error);
            Change::Keep
        }
    }
}

/// Applies the text attributes `names` of a body: a string sets, `null` clears. Text is kept
/// exactly as sent, Unicode and surrounding spaces included; a number sent for text (a postal
/// code whose leading zeros are already lost, say) is refused rather than converted.
pub(crate) fn apply_text(
    resource: &Resource,
    names: &[&str],
    text: &mut BTreeMap<String, String>,
    errors: &mut Vec<ErrorObject>,
) {
    for name in names {
        match body::text(resource, name) {
            Ok(Sent::Text(value)) => {
                text.insert(name.to_string(), value);
            }
            Ok(Sent::Null) => {
                text.remove(*name);
            }
            Ok(Sent::Missing) => {}
            Err(error) => errors.push(*error),
        }
    }
}
