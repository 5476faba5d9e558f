//! `GET /dids`: the numbers the account owns, with the filters the flow's first step uses.

use super::{optional_text, text};
use crate::sandbox::errors::Outcome;
use crate::sandbox::query::{Filter, Query, SortValue, Spec};
use crate::sandbox::store::{Did, DidGroup, Store};
use crate::wire::ApiRequest;

/// `filter[number]` matches numbers that contain the value, so an exact number, a prefix and
/// the last digits all work; `filter[did_group.features]` keeps DIDs whose group has every
/// listed feature.
pub(super) const SPEC: Spec = Spec {
    kind: "dids",
    filters: &[
        "id",
        "number",
        "emergency_enabled",
        "did_group.features",
        "did_group.id",
        "country.id",
        "did_group_type.id",
        "did_group.did_group_type.id",
        "city.id",
        "identity.id",
        "address_verification.id",
        "emergency_calling_service.id",
        "emergency_verification.id",
    ],
    sorts: &["number", "created_at", "expires_at"],
    includes: &[
        "did_group",
        "did_group.country",
        "did_group.did_group_type",
        "did_group.city",
        "did_group.city.area",
        "identity",
        "identity.country",
        "address_verification",
        "emergency_calling_service",
        "emergency_verification",
    ],
    paginated: true,
};

/// Filters that ask about a DID's group rather than the DID itself.
const GROUP_FILTERS: &[&str] = &[
    "did_group.features",
    "did_group.id",
    "country.id",
    "did_group_type.id",
    "did_group.did_group_type.id",
    "city.id",
];

pub(super) fn list(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &SPEC)?;
    let emergency_enabled = query
        .filter("emergency_enabled")
        .map(Filter::boolean)
        .transpose()?;
    // The group filters are answered once per group, not once per DID: a large account has
    // thousands of DIDs but only dozens of groups.
    let group_filters: Vec<&Filter> = query
        .filters
        .iter()
        .filter(|filter| GROUP_FILTERS.contains(&filter.name.as_str()))
        .collect();
    let mut allowed_groups: Vec<&str> = store
        .did_groups
        .iter()
        .filter(|group| {
            group_filters
                .iter()
                .all(|filter| group_matches(group, filter))
        })
        .map(|group| group.id.as_str())
        .collect();
    allowed_groups.sort_unstable();

    let matches = |did: &Did, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&did.id),
        "number" => filter
            .values
            .iter()
            .any(|value| did.number.contains(value.as_str())),
        "emergency_enabled" => Some(did.emergency_enabled) == emergency_enabled,
        "identity.id" => filter.accepts_optional(did.identity_id.as_deref()),
        "address_verification.id" => {
            filter.accepts_optional(did.address_verification_id.as_deref())
        }
        "emergency_calling_service.id" => {
            filter.accepts_optional(did.emergency_calling_service_id.as_deref())
        }
        "emergency_verification.id" => {
            filter.accepts_optional(did.emergency_verification_id.as_deref())
        }
        _ => allowed_groups
            .binary_search(&did.did_group_id.as_str())
            .is_ok(),
    };
    let sort_value = |did: &Did, key: &str| match key {
        "number" => text(&did.number),
        "created_at" => SortValue::Number(did.created_at),
        "expires_at" => SortValue::Number(did.expires_at),
        _ => optional_text(None),
    };
    super::list(
        store,
        request,
        &SPEC,
        &query,
        &store.dids,
        matches,
        sort_value,
    )
}

/// Whether a DID group passes one of the [`GROUP_FILTERS`].
fn group_matches(group: &DidGroup, filter: &Filter) -> bool {
    match filter.name.as_str() {
        // A group must have every feature asked for.
        "did_group.features" => filter
            .values
            .iter()
            .all(|wanted| group.features.contains(wanted)),
        "did_group.id" => filter.accepts(&group.id),
        "country.id" => filter.accepts(&group.country_id),
        "did_group_type.id" | "did_group.did_group_type.id" => {
            filter.accepts(&group.did_group_type_id)
        }
        _ => filter.accepts_optional(group.city_id.as_deref()),
    }
}
