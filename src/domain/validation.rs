//! Where each objection of a requirement validation is fixed: which step, and which field
//! of it when the objection names one.
//!
//! DIDWW's validation errors usually point at `/data` and name the field in words ("Birth
//! Date is required for Personal Identity"); some point at a relationship (`identity`,
//! `address`) or say only which record is wrong.

use super::form::FieldKey;
use super::problems::{problems_from_errors, ProblemTarget};
use crate::jsonapi::ErrorObject;

/// The step where an objection is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixStep {
    /// The identity step.
    Identity,
    /// The address step.
    Address,
    /// No step can be told apart: shown in the summary with both ways back.
    Summary,
}

/// One objection, with where it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objection {
    /// The step.
    pub step: FixStep,
    /// The field of that step the objection names, when it names one.
    pub field: Option<FieldKey>,
    /// DIDWW's words.
    pub message: String,
}

/// The identity's fields (the country is the identity's own).
const IDENTITY_FIELDS: [FieldKey; 11] = [
    FieldKey::FirstName,
    FieldKey::LastName,
    FieldKey::PhoneNumber,
    FieldKey::ContactEmail,
    FieldKey::CompanyName,
    FieldKey::CompanyRegNumber,
    FieldKey::VatId,
    FieldKey::IdNumber,
    FieldKey::PersonalTaxId,
    FieldKey::BirthDate,
    FieldKey::Country,
];

/// The address's fields.
const ADDRESS_FIELDS: [FieldKey; 5] = [
    FieldKey::Description,
    FieldKey::Address,
    FieldKey::CityName,
    FieldKey::PostalCode,
    FieldKey::Area,
];

/// Routes each error of a failed validation to its step and field.
pub fn route_objections(errors: &[ErrorObject]) -> Vec<Objection> {
    let names: Vec<&str> = IDENTITY_FIELDS
        .iter()
        .chain(ADDRESS_FIELDS.iter())
        .map(FieldKey::api_name)
        .collect();
    problems_from_errors(errors, &names)
        .into_iter()
        .map(|problem| {
            let lowered = problem.message.to_lowercase();
            let (step, field) = match &problem.target {
                ProblemTarget::Field(name) => match FieldKey::from_api_name(name) {
                    Some(key) => (step_of(key, &lowered), Some(key)),
                    None => (step_in_words(&lowered), None),
                },
                ProblemTarget::Relationship(name) if name == "identity" => {
                    (FixStep::Identity, None)
                }
                ProblemTarget::Relationship(name) if name == "address" => (FixStep::Address, None),
                _ => (step_in_words(&lowered), None),
            };
            Objection {
                step,
                field,
                message: problem.message,
            }
        })
        .collect()
}

/// The step of a field; the country belongs to the identity unless the sentence is about
/// the address.
fn step_of(key: FieldKey, lowered_message: &str) -> FixStep {
    let is_address_country = key == FieldKey::Country && mentions_only_address(lowered_message);
    if ADDRESS_FIELDS.contains(&key) || is_address_country {
        FixStep::Address
    } else {
        FixStep::Identity
    }
}

/// The step a sentence is about when it names no field: "The provided address does not
/// match the DID area" is the address's, "Identity document has expired" the identity's.
fn step_in_words(lowered_message: &str) -> FixStep {
    let mentions_identity = lowered_message.contains("identity");
    let mentions_address = lowered_message.contains("address");
    match (mentions_identity, mentions_address) {
        (true, false) => FixStep::Identity,
        (false, true) => FixStep::Address,
        _ => FixStep::Summary,
    }
}

fn mentions_only_address(lowered_message: &str) -> bool {
    step_in_words(lowered_message) == FixStep::Address
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(pointer: &str, detail: &str) -> ErrorObject {
        ErrorObject::validation(422, pointer, detail, detail)
    }

    #[test]
    fn field_names_in_words_route_to_the_field_of_the_right_step() {
        let errors = [
            error("/data", "Birth Date is required for Personal Identity"),
            error("/data", "Postal Code is required"),
            error("/data/attributes/city_name", "can't be blank"),
            error("/data/attributes/company_name", "is too long"),
        ];

        let objections = route_objections(&errors);

        let routes: Vec<(FixStep, Option<FieldKey>)> = objections
            .iter()
            .map(|objection| (objection.step, objection.field))
            .collect();
        assert_eq!(
            routes,
            [
                (FixStep::Identity, Some(FieldKey::BirthDate)),
                (FixStep::Address, Some(FieldKey::PostalCode)),
                (FixStep::Address, Some(FieldKey::CityName)),
                (FixStep::Identity, Some(FieldKey::CompanyName)),
            ]
        );
        assert_eq!(
            objections[0].message,
            "Birth Date is required for Personal Identity"
        );
    }

    #[test]
    fn objections_without_a_field_go_to_the_step_they_speak_of_or_the_summary() {
        let errors = [
            error("/data/relationships/identity", "is not valid"),
            error("/data/relationships/address", "is not valid"),
            error("/data", "Identity document has expired"),
            error("/data", "The provided address does not match the DID area"),
            error("/data", "Something went wrong"),
            error("/data/relationships/emergency_requirement", "is not found"),
        ];

        let steps: Vec<FixStep> = route_objections(&errors)
            .into_iter()
            .map(|objection| objection.step)
            .collect();

        assert_eq!(
            steps,
            [
                FixStep::Identity,
                FixStep::Address,
                FixStep::Identity,
                FixStep::Address,
                FixStep::Summary,
                FixStep::Summary,
            ]
        );
    }
}
