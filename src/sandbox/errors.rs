//! Failures shaped like DIDWW's: JSON:API error objects with DIDWW's codes and wording.
//!
//! Codes follow the JSON:API resources library DIDWW runs on: `100` validation, `102` filter
//! not allowed, `105` parameter not allowed, `106` missing parameter, `107` bad filter value,
//! `112` bad include, `114` bad sort, `118` bad page value.

use crate::jsonapi::{Document, ErrorObject};

/// A successful answer: a status and a document (none for `204 No Content`).
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub document: Option<Document>,
}

impl Reply {
    pub fn ok(document: Document) -> Self {
        Self {
            status: 200,
            document: Some(document),
        }
    }

    pub fn created(document: Document) -> Self {
        Self {
            status: 201,
            document: Some(document),
        }
    }

    pub fn no_content() -> Self {
        Self {
            status: 204,
            document: None,
        }
    }
}

/// A failed answer: a status and the error objects DIDWW would send.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Failure {
    pub status: u16,
    pub errors: Vec<ErrorObject>,
}

/// What every handler returns.
pub(crate) type Outcome = Result<Reply, Failure>;

impl Failure {
    fn single(status: u16, code: &str, title: &str, detail: &str) -> Self {
        let error = ErrorObject {
            title: Some(title.to_owned()),
            detail: Some(detail.to_owned()),
            code: Some(code.to_owned()),
            status: Some(status.to_string()),
            source: None,
        };
        Self {
            status,
            errors: vec![error],
        }
    }

    /// `401`, exactly as DIDWW words it.
    pub fn unauthorized() -> Self {
        Self::single(401, "401", "Unauthorized", "Authorization failed")
    }

    /// `404` for an id that names no record.
    pub fn record_not_found(id: &str) -> Self {
        let detail = format!("The record identified by {id} could not be found.");
        Self::single(404, "404", "Record not found", &detail)
    }

    /// `404` for a path the API does not have.
    pub fn no_route(method: &str, path: &str) -> Self {
        Self::single(
            404,
            "404",
            "Not found",
            &format!("No route matches {method} {path}"),
        )
    }

    /// `405` for a known path that does not take this method.
    pub fn method_not_allowed(method: &str, path: &str) -> Self {
        let detail = format!("{method} is not allowed on {path}");
        Self::single(405, "405", "Method not allowed", &detail)
    }

    /// `400` code 102.
    pub fn filter_not_allowed(name: &str) -> Self {
        Self::single(
            400,
            "102",
            "Filter not allowed",
            &format!("{name} is not allowed."),
        )
    }

    /// `400` code 105: a query parameter, attribute or relationship the endpoint refuses.
    pub fn param_not_allowed(name: &str) -> Self {
        Self::single(
            400,
            "105",
            "Param not allowed",
            &format!("{name} is not allowed."),
        )
    }

    /// `400` code 106.
    pub fn missing_parameter(name: &str) -> Self {
        let detail = format!("The required parameter, {name}, is missing.");
        Self::single(400, "106", "Missing Parameter", &detail)
    }

    /// `400` code 107.
    pub fn invalid_filter_value(name: &str, value: &str) -> Self {
        let detail = format!("{value} is not a valid value for {name}.");
        Self::single(400, "107", "Invalid filter value", &detail)
    }

    /// `400` code 112.
    pub fn invalid_include(path: &str, kind: &str) -> Self {
        let detail = format!("{path} is not a valid includable relationship of {kind}");
        Self::single(400, "112", "Invalid field", &detail)
    }

    /// `400` code 114.
    pub fn invalid_sort(key: &str, kind: &str) -> Self {
        let detail = format!("{key} is not a valid sort criteria for {kind}");
        Self::single(400, "114", "Invalid sort criteria", &detail)
    }

    /// `400` code 118.
    pub fn invalid_page_value(detail: &str) -> Self {
        Self::single(400, "118", "Invalid page value", detail)
    }

    /// `400` for a body that is missing or is not JSON.
    pub fn bad_body(detail: &str) -> Self {
        Self::single(400, "400", "Bad request", detail)
    }

    /// `400` code 101: the body's `data.type` is not this endpoint's type.
    pub fn invalid_resource(kind: &str) -> Self {
        Self::single(
            400,
            "101",
            "Invalid resource",
            &format!("{kind} is not a valid resource."),
        )
    }

    /// `400` code 110: the body's `data.id` differs from the id in the path.
    pub fn key_not_in_url(id: &str) -> Self {
        let detail = format!("The URL does not support the key {id}");
        Self::single(400, "110", "Key is not included in URL", &detail)
    }

    /// `415` for a request that declares a media type other than JSON:API's.
    pub fn unsupported_media_type(declared: &str) -> Self {
        let detail = format!(
            "All requests that create or update must use the \
                              'application/vnd.api+json' Content-Type. This request specified \
                              '{declared}'."
        );
        Self::single(415, "415", "Unsupported media type", &detail)
    }

    /// `422` carrying validation errors.
    pub fn unprocessable(errors: Vec<ErrorObject>) -> Self {
        Self {
            status: 422,
            errors,
        }
    }

    /// The error document to send.
    pub fn document(&self) -> Document {
        Document::from_errors(self.errors.clone())
    }
}

/// A validation error on an attribute: `birth_date - is invalid`.
pub(crate) fn attribute_error(name: &str, title: &str) -> ErrorObject {
    let pointer = format!("/data/attributes/{name}");
    ErrorObject::validation(422, &pointer, title, &format!("{name} - {title}"))
}

/// A validation error on a relationship: `dids - can't be blank`.
pub(crate) fn relationship_error(name: &str, title: &str) -> ErrorObject {
    let pointer = format!("/data/relationships/{name}");
    ErrorObject::validation(422, &pointer, title, &format!("{name} - {title}"))
}

/// A validation error on one DID of the `dids` relationship.
pub(crate) fn did_error(did_id: &str, title: &str) -> ErrorObject {
    let pointer = format!("/data/relationships/dids/{did_id}");
    ErrorObject::validation(422, &pointer, title, &format!("dids/{did_id} - {title}"))
}

/// A validation error about the submission as a whole; DIDWW repeats the title as detail.
pub(crate) fn document_error(message: &str) -> ErrorObject {
    ErrorObject::validation(422, "/data", message, message)
}
