//! Where each server error belongs on screen: a field, a choice, a DID row, or the summary.

use super::form::{map_mandatory, FieldKey};
use crate::api::ApiError;
use crate::jsonapi::ErrorObject;

/// What a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemTarget {
    /// A form field, by API attribute name.
    Field(String),
    /// A relationship choice, such as `identity` or `country`.
    Relationship(String),
    /// One DID of the selection, by id.
    Did(String),
    /// Nothing more precise: shown in the summary at the top.
    Summary,
}

/// One message for the user, with where it belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it belongs.
    pub target: ProblemTarget,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Maps JSON:API errors to problems for a form whose fields are `form_fields` (API names).
///
/// Pointers `/data/attributes/<name>` and `/data/relationships/<name>` go to that field when
/// the form has it; `/data/relationships/dids/<id>` goes to the DID; requirement-validation
/// errors point at `/data` but name the field in words ("Birth Date is required …"), so
/// those are routed by the label they start with.
pub fn problems_from_errors(errors: &[ErrorObject], form_fields: &[&str]) -> Vec<Problem> {
    errors
        .iter()
        .map(|error| {
            let message = readable_message(error);
            let target = target_of(error, &message, form_fields);
            Problem { target, message }
        })
        .collect()
}

/// Maps any API error to problems; errors without field detail become one summary problem.
pub fn problems_from_api_error(error: &ApiError, form_fields: &[&str]) -> Vec<Problem> {
    match error {
        ApiError::Validation(errors) if !errors.is_empty() => {
            problems_from_errors(errors, form_fields)
        }
        other => vec![Problem {
            target: ProblemTarget::Summary,
            message: format!("{} {}", other.message(), other.next_action()),
        }],
    }
}

fn target_of(error: &ErrorObject, message: &str, form_fields: &[&str]) -> ProblemTarget {
    let pointer = error.pointer().unwrap_or("").trim_end_matches('/');
    let segments: Vec<&str> = pointer.split('/').filter(|part| !part.is_empty()).collect();
    match segments.as_slice() {
        ["data", "attributes", name, ..] if form_fields.contains(name) => {
            ProblemTarget::Field((*name).to_owned())
        }
        ["data", "relationships", "dids", id, ..] => ProblemTarget::Did((*id).to_owned()),
        // The city relationship is chosen through the typed city name.
        ["data", "relationships", "city", ..] if form_fields.contains(&"city_name") => {
            ProblemTarget::Field("city_name".to_owned())
        }
        ["data", "relationships", name, ..] if form_fields.contains(name) => {
            ProblemTarget::Field((*name).to_owned())
        }
        ["data", "relationships", name, ..] => ProblemTarget::Relationship((*name).to_owned()),
        _ => field_named_in(message, form_fields)
            .map(ProblemTarget::Field)
            .unwrap_or(ProblemTarget::Summary),
    }
}

/// Finds the form field a sentence such as "Birth Date is required for Personal Identity"
/// starts with.
fn field_named_in(message: &str, form_fields: &[&str]) -> Option<String> {
    let lowered = message.to_lowercase();
    let subject = lowered
        .split(" is required")
        .next()
        .filter(|subject| *subject != lowered)
        .or_else(|| {
            lowered
                .split(" must ")
                .next()
                .filter(|subject| *subject != lowered)
        })?;
    let key: FieldKey = map_mandatory(subject.trim())?;
    form_fields
        .contains(&key.api_name())
        .then(|| key.api_name().to_owned())
}

/// DIDWW writes details as "<field> - <title>"; the title alone reads better beside a field,
/// the detail better in a summary, so the detail is kept and only blank messages replaced.
fn readable_message(error: &ErrorObject) -> String {
    match error.message() {
        Some(message) => message.to_owned(),
        None => "The API refused this without saying why.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(pointer: Option<&str>, detail: &str) -> ErrorObject {
        let mut error = ErrorObject::validation(422, pointer.unwrap_or(""), detail, detail);
        if pointer.is_none() {
            error.source = None;
        }
        error
    }

    #[test]
    fn pointers_route_errors_to_fields_choices_dids_and_the_summary() {
        let fields = ["first_name", "birth_date", "country"];
        let cases = [
            (
                Some("/data/attributes/first_name"),
                "x",
                ProblemTarget::Field("first_name".into()),
            ),
            (
                Some("/data/attributes/unknown"),
                "x",
                ProblemTarget::Summary,
            ),
            (
                Some("/data/relationships/country"),
                "x",
                ProblemTarget::Field("country".into()),
            ),
            (
                Some("/data/relationships/address"),
                "x",
                ProblemTarget::Relationship("address".into()),
            ),
            (
                Some("/data/relationships/dids/abc"),
                "x",
                ProblemTarget::Did("abc".into()),
            ),
            (
                Some("/data"),
                "Emergency Rate not found",
                ProblemTarget::Summary,
            ),
            (None, "Something failed", ProblemTarget::Summary),
            (
                Some("/data"),
                "Birth Date is required for Personal Identity",
                ProblemTarget::Field("birth_date".into()),
            ),
        ];
        for (pointer, detail, expected) in cases {
            let problems = problems_from_errors(&[error(pointer, detail)], &fields);
            assert_eq!(problems[0].target, expected, "{pointer:?} {detail}");
        }
    }

    #[test]
    fn an_address_city_error_belongs_on_the_typed_city() {
        let fields = ["address", "city_name", "postal_code", "area"];
        let cases = [
            (
                "/data/relationships/city",
                ProblemTarget::Field("city_name".into()),
            ),
            (
                "/data/relationships/area",
                ProblemTarget::Field("area".into()),
            ),
            (
                "/data/relationships/identity",
                ProblemTarget::Relationship("identity".into()),
            ),
            (
                "/data/attributes/postal_code",
                ProblemTarget::Field("postal_code".into()),
            ),
        ];
        for (pointer, expected) in cases {
            let problems = problems_from_errors(&[error(Some(pointer), "is invalid")], &fields);
            assert_eq!(problems[0].target, expected, "{pointer}");
        }
    }

    #[test]
    fn a_named_field_the_form_lacks_goes_to_the_summary() {
        let problems = problems_from_errors(
            &[error(
                Some("/data"),
                "Contact email is required for Personal Identity",
            )],
            &["first_name"],
        );
        assert_eq!(problems[0].target, ProblemTarget::Summary);
    }

    #[test]
    fn errors_without_detail_still_get_words() {
        let problems = problems_from_errors(&[ErrorObject::default()], &[]);
        assert!(!problems[0].message.is_empty());
    }

    #[test]
    fn non_validation_errors_become_one_summary_with_a_next_action() {
        let problems = problems_from_api_error(&ApiError::Unauthorized, &[]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("API key"));
    }
}
