//! Emergency requirements and their validation.

use super::{list as list_records, text};
use crate::jsonapi::{Document, Resource};
use crate::sandbox::errors::{Outcome, Reply};
use crate::sandbox::query::{Filter, Query, Spec};
use crate::sandbox::rules::requirement;
use crate::sandbox::store::{Requirement, Store};
use crate::wire::ApiRequest;

/// DIDWW defines no sort for requirements; they come in id order.
pub(super) const SPEC: Spec = Spec {
    kind: "emergency_requirements",
    filters: &["id", "country.id", "did_group_type.id"],
    sorts: &[],
    includes: &["country", "did_group_type"],
    paginated: true,
};

pub(super) fn list(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &SPEC)?;
    let matches = |requirement: &Requirement, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&requirement.id),
        "country.id" => filter.accepts(&requirement.country_id),
        _ => filter.accepts(&requirement.did_group_type_id),
    };
    let sort_value = |requirement: &Requirement, _: &str| text(&requirement.id);
    list_records(
        store,
        request,
        &SPEC,
        &query,
        &store.requirements,
        matches,
        sort_value,
    )
}

/// `POST /emergency_requirement_validations`: nothing is stored; the 201 is the answer.
pub(super) fn validate(store: &Store, request: &ApiRequest) -> Outcome {
    // Only checked: a validation has nothing to include.
    Query::parse_single(request, "emergency_requirement_validations", &[])?;
    let requirement_id = requirement::validate(store, request)?;
    let resource = Resource::new("emergency_requirement_validations", &requirement_id);
    Ok(Reply::created(Document::single(resource)))
}
