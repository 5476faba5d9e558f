//! `GET /dids`: the numbers the account owns, with the filters the flow's first step uses.

use super::{optional_text, text};
use crate::sandbox::errors::Outcome;
use crate::sandbox::query::{Filter, Query, SortValue, Spec};
use crate::sandbox::store::{Did, Store};
use crate::wire::ApiRequest;

/// `filter[number]` matches numbers that contain the value, so an exact number and a prefix
/// both work; `filter[did_group.features]` keeps DIDs whose group has every listed feature.
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

pub(super) fn list(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &SPEC)?;
    let emergency_enabled = query
        .filter("emergency_enabled")
        .map(Filter::boolean)
        .transpose()?;

    let matches = |did: &Did, filter: &Filter| {
        let group = store.group_of(did);
        let country = group.map(|group| group.country_id.as_str());
        let did_group_type = group.map(|group| group.did_group_type_id.as_str());
        match filter.name.as_str() {
            "id" => filter.accepts(&did.id),
            "number" => filter
                .values
                .iter()
                .any(|value| did.number.contains(value.as_str())),
            "emergency_enabled" => Some(did.emergency_enabled) == emergency_enabled,
            "did_group.features" => group.is_some_and(|group| {
                filter
                    .values
                    .iter()
                    .all(|wanted| group.features.contains(wanted))
            }),
            "did_group.id" => filter.accepts(&did.did_group_id),
            "country.id" => filter.accepts_optional(country),
            "did_group_type.id" | "did_group.did_group_type.id" => {
                filter.accepts_optional(did_group_type)
            }
            "city.id" => filter.accepts_optional(group.and_then(|group| group.city_id.as_deref())),
            "identity.id" => filter.accepts_optional(did.identity_id.as_deref()),
            "address_verification.id" => {
                filter.accepts_optional(did.address_verification_id.as_deref())
            }
            "emergency_calling_service.id" => {
                filter.accepts_optional(did.emergency_calling_service_id.as_deref())
            }
            _ => filter.accepts_optional(did.emergency_verification_id.as_deref()),
        }
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
