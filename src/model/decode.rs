//! Decoding failures and the lenient readers shared by every model.

use serde_json::Value;

use crate::jsonapi::Resource;

/// Why a document could not be read as the expected resource.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The document had no primary data.
    #[error("the response carried no data")]
    MissingData,
    /// One resource was expected and a list arrived.
    #[error("the response carried a list where one record was expected")]
    UnexpectedCollection,
    /// The resource had another type than expected.
    #[error("expected a record of type {expected}, got {found}")]
    WrongType {
        /// The expected JSON:API type.
        expected: &'static str,
        /// The type that arrived.
        found: String,
    },
    /// The resource had no id.
    #[error("a {0} record arrived without an id")]
    MissingId(&'static str),
}

/// Checks the type and id of `resource` before a model reads it.
pub(crate) fn expect_kind(resource: &Resource, kind: &'static str) -> Result<(), DecodeError> {
    if resource.kind != kind {
        return Err(DecodeError::WrongType {
            expected: kind,
            found: resource.kind.clone(),
        });
    }
    if resource.id.is_empty() {
        return Err(DecodeError::MissingId(kind));
    }
    Ok(())
}

/// A text attribute; numbers are accepted as their decimal text, blanks read as `None`.
pub(crate) fn text(resource: &Resource, name: &str) -> Option<String> {
    match resource.attributes.get(name)? {
        Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A boolean attribute; anything but `true` reads as false.
pub(crate) fn flag(resource: &Resource, name: &str) -> bool {
    resource
        .attributes
        .get(name)
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// A list of strings that may arrive as `null`, `[]`, a list, or one string.
///
/// DIDWW's `reject_reasons` has had all four shapes across versions and callbacks; a single
/// string is split on line breaks and semicolons, which is how reviewers separate reasons.
pub(crate) fn text_list(value: Option<&Value>) -> Vec<String> {
    let items: Vec<String> = match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(text) => Some(text.clone()),
                Value::Number(number) => Some(number.to_string()),
                _ => None,
            })
            .collect(),
        Some(Value::String(text)) => text.split(['\n', ';']).map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}
