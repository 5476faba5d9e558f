//! Which handler answers which method and path, and the shared shape of list and show answers.

mod catalog;
mod customers;
mod dids;
mod emergency;
mod requirements;

use super::errors::{Failure, Outcome, Reply};
use super::query::{page_links, sorted_page, Filter, Query, SortValue, Spec};
use super::render;
use super::store::{Record, Store};
use crate::jsonapi::{DocumentMeta, Identifier};
use crate::wire::{ApiRequest, Method};

/// Every collection the simulator knows, so a wrong method gets 405 rather than 404.
const COLLECTIONS: &[&str] = &[
    "dids",
    "did_groups",
    "did_group_types",
    "countries",
    "areas",
    "cities",
    "identities",
    "addresses",
    "emergency_requirements",
    "emergency_requirement_validations",
    "emergency_verifications",
    "emergency_calling_services",
];

/// Answers one request whose path is already relative to the API base.
pub(crate) fn dispatch(
    store: &mut Store,
    request: &ApiRequest,
    path: &str,
    now_ms: u64,
) -> Outcome {
    use Method::{Delete, Get, Patch, Post};

    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    let (collection, id) = match segments.as_slice() {
        [collection] => (*collection, None),
        [collection, id] => (*collection, Some(*id)),
        _ => return Err(Failure::no_route(request.method.as_str(), path)),
    };
    match (collection, id, request.method) {
        ("dids", None, Get) => dids::list(store, request),
        ("dids", Some(id), Get) => show(store, request, &dids::SPEC, id),
        ("did_groups", None, Get) => catalog::list_did_groups(store, request),
        ("did_groups", Some(id), Get) => show(store, request, &catalog::DID_GROUPS, id),
        ("did_group_types", None, Get) => catalog::list_did_group_types(store, request),
        ("did_group_types", Some(id), Get) => show(store, request, &catalog::DID_GROUP_TYPES, id),
        ("countries", None, Get) => catalog::list_countries(store, request),
        ("countries", Some(id), Get) => show(store, request, &catalog::COUNTRIES, id),
        ("areas", None, Get) => catalog::list_areas(store, request),
        ("areas", Some(id), Get) => show(store, request, &catalog::AREAS, id),
        ("cities", None, Get) => catalog::list_cities(store, request),
        ("cities", Some(id), Get) => show(store, request, &catalog::CITIES, id),
        ("identities", None, Get) => customers::list_identities(store, request),
        ("identities", None, Post) => customers::create_identity(store, request, now_ms),
        ("identities", Some(id), Get) => show(store, request, &customers::IDENTITIES, id),
        ("identities", Some(id), Patch) => customers::update_identity(store, request, id),
        ("addresses", None, Get) => customers::list_addresses(store, request),
        ("addresses", None, Post) => customers::create_address(store, request, now_ms),
        ("addresses", Some(id), Get) => show(store, request, &customers::ADDRESSES, id),
        ("addresses", Some(id), Patch) => customers::update_address(store, request, id),
        ("emergency_requirements", None, Get) => requirements::list(store, request),
        ("emergency_requirements", Some(id), Get) => show(store, request, &requirements::SPEC, id),
        ("emergency_requirement_validations", None, Post) => requirements::validate(store, request),
        ("emergency_verifications", None, Get) => emergency::list_verifications(store, request),
        ("emergency_verifications", None, Post) => {
            emergency::create_verification(store, request, now_ms)
        }
        ("emergency_verifications", Some(id), Get) => {
            show(store, request, &emergency::VERIFICATIONS, id)
        }
        ("emergency_verifications", Some(id), Patch) => {
            emergency::update_verification(store, request, id)
        }
        ("emergency_calling_services", None, Get) => emergency::list_services(store, request),
        ("emergency_calling_services", Some(id), Get) => {
            show(store, request, &emergency::SERVICES, id)
        }
        ("emergency_calling_services", Some(id), Delete) => {
            emergency::cancel_service(store, id, now_ms)
        }
        (collection, _, method) if COLLECTIONS.contains(&collection) => {
            Err(Failure::method_not_allowed(method.as_str(), path))
        }
        (_, _, method) => Err(Failure::no_route(method.as_str(), path)),
    }
}

/// `GET /<kind>/{id}`.
fn show(store: &Store, request: &ApiRequest, spec: &Spec, id: &str) -> Outcome {
    let query = Query::parse_single(request, spec.kind, spec.includes)?;
    let identifier = Identifier::new(spec.kind, id);
    if render::view(store, &identifier).is_none() {
        return Err(Failure::record_not_found(id));
    }
    Ok(Reply::ok(render::single(
        store,
        &identifier,
        &query.include,
    )))
}

/// The answer to a write: the record as it now is, with whatever `include` asks for.
fn written(store: &Store, request: &ApiRequest, spec: &Spec, id: &str, created: bool) -> Outcome {
    let query = Query::parse_single(request, spec.kind, spec.includes)?;
    let document = render::single(store, &Identifier::new(spec.kind, id), &query.include);
    Ok(if created {
        Reply::created(document)
    } else {
        Reply::ok(document)
    })
}

/// `GET /<kind>`: filters, sorts and pages `records`, then renders the page.
fn list<T: Record>(
    store: &Store,
    request: &ApiRequest,
    spec: &Spec,
    query: &Query,
    records: &[T],
    matches: impl Fn(&T, &Filter) -> bool,
    sort_value: impl Fn(&T, &str) -> SortValue,
) -> Outcome {
    let kept: Vec<&T> = records
        .iter()
        .filter(|record| query.filters.iter().all(|filter| matches(record, filter)))
        .collect();
    let total = kept.len();
    let page: Vec<Identifier> = sorted_page(
        kept,
        &query.sort,
        query.page,
        |record| record.id(),
        |record, key| sort_value(record, key),
    )
    .iter()
    .map(|record| Identifier::new(spec.kind, record.id()))
    .collect();
    let mut document = render::document(store, &page, &query.include);
    document.meta = Some(DocumentMeta {
        total_records: Some(total as u64),
        api_version: None,
    });
    if let Some(page) = query.page {
        document.links = Some(page_links(request, &format!("/{}", spec.kind), page, total));
    }
    Ok(Reply::ok(document))
}

/// Sort value of a text field.
fn text(value: &str) -> SortValue {
    SortValue::Text(value.to_owned())
}

/// Sort value of an optional text field; records without it sort first.
fn optional_text(value: Option<&str>) -> SortValue {
    value.map(text).unwrap_or(SortValue::Missing)
}
