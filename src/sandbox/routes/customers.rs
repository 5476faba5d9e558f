//! Identities and addresses: listed, created and updated by the customer.

use super::{list, optional_text, written, SortValue};
use crate::sandbox::errors::Outcome;
use crate::sandbox::query::{Filter, Query, Spec};
use crate::sandbox::rules::{address, identity};
use crate::sandbox::store::{Address, Identity, Store};
use crate::wire::ApiRequest;

pub(super) const IDENTITIES: Spec = Spec {
    kind: "identities",
    filters: &["id", "identity_type", "country.id", "external_reference_id"],
    sorts: &["created_at", "first_name", "last_name", "company_name"],
    includes: &["country", "birth_country", "addresses", "addresses.country"],
    paginated: true,
};

pub(super) const ADDRESSES: Spec = Spec {
    kind: "addresses",
    filters: &[
        "id",
        "identity.id",
        "country.id",
        "area.id",
        "city.id",
        "external_reference_id",
    ],
    sorts: &["created_at", "address", "city_name", "postal_code"],
    includes: &["identity", "identity.country", "country", "area", "city"],
    paginated: true,
};

pub(super) fn list_identities(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &IDENTITIES)?;
    let matches = |identity: &Identity, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&identity.id),
        "identity_type" => filter.accepts(identity.identity_type.as_str()),
        "country.id" => filter.accepts_optional(identity.country_id.as_deref()),
        _ => filter.accepts_optional(identity.field("external_reference_id")),
    };
    let sort_value = |identity: &Identity, key: &str| match key {
        "created_at" => SortValue::Number(identity.created_at),
        name => optional_text(identity.field(name)),
    };
    list(
        store,
        request,
        &IDENTITIES,
        &query,
        &store.identities,
        matches,
        sort_value,
    )
}

pub(super) fn create_identity(store: &mut Store, request: &ApiRequest, now_ms: u64) -> Outcome {
    Query::parse_single(request, IDENTITIES.kind, IDENTITIES.includes)?;
    let id = identity::create(store, request, now_ms)?;
    written(store, request, &IDENTITIES, &id, true)
}

pub(super) fn update_identity(store: &mut Store, request: &ApiRequest, id: &str) -> Outcome {
    Query::parse_single(request, IDENTITIES.kind, IDENTITIES.includes)?;
    identity::update(store, request, id)?;
    written(store, request, &IDENTITIES, id, false)
}

pub(super) fn list_addresses(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &ADDRESSES)?;
    let matches = |address: &Address, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&address.id),
        "identity.id" => filter.accepts(&address.identity_id),
        "country.id" => filter.accepts(&address.country_id),
        "area.id" => filter.accepts_optional(address.area_id.as_deref()),
        "city.id" => filter.accepts_optional(address.city_id.as_deref()),
        _ => filter.accepts_optional(address.field("external_reference_id")),
    };
    let sort_value = |address: &Address, key: &str| match key {
        "created_at" => SortValue::Number(address.created_at),
        name => optional_text(address.field(name)),
    };
    list(
        store,
        request,
        &ADDRESSES,
        &query,
        &store.addresses,
        matches,
        sort_value,
    )
}

pub(super) fn create_address(store: &mut Store, request: &ApiRequest, now_ms: u64) -> Outcome {
    Query::parse_single(request, ADDRESSES.kind, ADDRESSES.includes)?;
    let id = address::create(store, request, now_ms)?;
    written(store, request, &ADDRESSES, &id, true)
}

pub(super) fn update_address(store: &mut Store, request: &ApiRequest, id: &str) -> Outcome {
    Query::parse_single(request, ADDRESSES.kind, ADDRESSES.includes)?;
    address::update(store, request, id)?;
    written(store, request, &ADDRESSES, id, false)
}
