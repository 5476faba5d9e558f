//! Reference data: countries (not paginated), DID group types, DID groups, areas and cities.

use super::{list, text};
use crate::sandbox::errors::Outcome;
use crate::sandbox::query::{Filter, Query, Spec};
use crate::sandbox::store::{Area, City, Country, DidGroup, DidGroupType, Store};
use crate::wire::ApiRequest;

pub(super) const COUNTRIES: Spec = Spec {
    kind: "countries",
    filters: &["id", "iso", "name", "prefix"],
    sorts: &["iso", "name", "prefix"],
    includes: &[],
    paginated: false,
};

pub(super) const DID_GROUP_TYPES: Spec = Spec {
    kind: "did_group_types",
    filters: &["id", "name"],
    sorts: &["name"],
    includes: &[],
    paginated: true,
};

pub(super) const DID_GROUPS: Spec = Spec {
    kind: "did_groups",
    filters: &[
        "id",
        "country.id",
        "did_group_type.id",
        "city.id",
        "features",
    ],
    sorts: &["prefix", "area_name"],
    includes: &["country", "city", "did_group_type"],
    paginated: true,
};

pub(super) const AREAS: Spec = Spec {
    kind: "areas",
    filters: &["id", "name", "country.id"],
    sorts: &["name"],
    includes: &["country"],
    paginated: true,
};

pub(super) const CITIES: Spec = Spec {
    kind: "cities",
    filters: &["id", "name", "country.id", "area.id"],
    sorts: &["name"],
    includes: &["country", "area"],
    paginated: true,
};

pub(super) fn list_countries(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &COUNTRIES)?;
    let matches = |country: &Country, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&country.id),
        "iso" => filter.accepts(&country.iso),
        "name" => filter.accepts(&country.name),
        _ => filter.accepts(&country.prefix),
    };
    let sort_value = |country: &Country, key: &str| match key {
        "iso" => text(&country.iso),
        "prefix" => text(&country.prefix),
        _ => text(&country.name),
    };
    list(
        store,
        request,
        &COUNTRIES,
        &query,
        &store.countries,
        matches,
        sort_value,
    )
}

pub(super) fn list_did_group_types(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &DID_GROUP_TYPES)?;
    let matches = |record: &DidGroupType, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&record.id),
        _ => filter.accepts(&record.name),
    };
    let sort_value = |record: &DidGroupType, _: &str| text(&record.name);
    list(
        store,
        request,
        &DID_GROUP_TYPES,
        &query,
        &store.did_group_types,
        matches,
        sort_value,
    )
}

pub(super) fn list_did_groups(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &DID_GROUPS)?;
    let matches = |group: &DidGroup, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&group.id),
        "country.id" => filter.accepts(&group.country_id),
        "did_group_type.id" => filter.accepts(&group.did_group_type_id),
        "city.id" => filter.accepts_optional(group.city_id.as_deref()),
        // A group must have every feature asked for.
        _ => filter
            .values
            .iter()
            .all(|wanted| group.features.contains(wanted)),
    };
    let sort_value = |group: &DidGroup, key: &str| match key {
        "prefix" => text(&group.prefix),
        _ => text(&group.area_name),
    };
    list(
        store,
        request,
        &DID_GROUPS,
        &query,
        &store.did_groups,
        matches,
        sort_value,
    )
}

pub(super) fn list_areas(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &AREAS)?;
    let matches = |area: &Area, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&area.id),
        "name" => filter.accepts(&area.name),
        _ => filter.accepts(&area.country_id),
    };
    let sort_value = |area: &Area, _: &str| text(&area.name);
    list(
        store,
        request,
        &AREAS,
        &query,
        &store.areas,
        matches,
        sort_value,
    )
}

pub(super) fn list_cities(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &CITIES)?;
    let matches = |city: &City, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&city.id),
        "name" => filter.accepts(&city.name),
        "area.id" => filter.accepts_optional(city.area_id.as_deref()),
        _ => filter.accepts(&city.country_id),
    };
    let sort_value = |city: &City, _: &str| text(&city.name);
    list(
        store,
        request,
        &CITIES,
        &query,
        &store.cities,
        matches,
        sort_value,
    )
}
