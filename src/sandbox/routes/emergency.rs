//! Emergency verifications and calling services.

use super::{list, optional_text, written, SortValue};
use crate::sandbox::body;
use crate::sandbox::errors::{attribute_error, document_error, Failure, Outcome, Reply};
use crate::sandbox::query::{Filter, Query, Spec};
use crate::sandbox::rules::verification::{self, Submission, Target};
use crate::sandbox::rules::{is_too_long, TOO_LONG};
use crate::sandbox::store::{find, find_mut, Service, Store, Verification, VerificationStatus};
use crate::wire::ApiRequest;

pub(super) const VERIFICATIONS: Spec = Spec {
    kind: "emergency_verifications",
    filters: &[
        "id",
        "status",
        "external_reference_id",
        "emergency_calling_service.id",
    ],
    sorts: &["created_at", "external_reference_id"],
    includes: &[
        "address",
        "address.identity",
        "emergency_calling_service",
        "dids",
    ],
    paginated: true,
};

pub(super) const SERVICES: Spec = Spec {
    kind: "emergency_calling_services",
    filters: &[
        "id",
        "status",
        "country.id",
        "did_group_type.id",
        "name",
        "reference",
    ],
    sorts: &["created_at", "name", "status", "renew_date"],
    includes: &[
        "country",
        "did_group_type",
        "emergency_requirement",
        "emergency_verification",
        "emergency_verification.address",
        "dids",
    ],
    paginated: true,
};

/// Services in these states can be canceled.
const CANCELABLE: &[&str] = &["new", "changes_required", "active", "pending_update"];

pub(super) fn list_verifications(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &VERIFICATIONS)?;
    let matches = |verification: &Verification, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&verification.id),
        "status" => filter.accepts(verification.status.as_str()),
        "emergency_calling_service.id" => filter.accepts(&verification.service_id),
        _ => filter.accepts_optional(verification.external_reference_id.as_deref()),
    };
    let sort_value = |verification: &Verification, key: &str| match key {
        "created_at" => SortValue::Number(verification.created_at),
        _ => optional_text(verification.external_reference_id.as_deref()),
    };
    list(
        store,
        request,
        &VERIFICATIONS,
        &query,
        &store.verifications,
        matches,
        sort_value,
    )
}

/// `POST /emergency_verifications`: checks every rule, then files the submission for review.
pub(super) fn create_verification(store: &mut Store, request: &ApiRequest, now_ms: u64) -> Outcome {
    Query::parse_single(request, VERIFICATIONS.kind, VERIFICATIONS.includes)?;
    let submission = verification::check(store, request)?;
    let id = file(store, submission, now_ms);
    written(store, request, &VERIFICATIONS, &id, true)
}

/// `PATCH /emergency_verifications/{id}`: only the external reference can change.
pub(super) fn update_verification(store: &mut Store, request: &ApiRequest, id: &str) -> Outcome {
    Query::parse_single(request, VERIFICATIONS.kind, VERIFICATIONS.includes)?;
    if find(&store.verifications, id).is_none() {
        return Err(Failure::record_not_found(id));
    }
    let resource = body::read(request, &verification::UPDATE_ACCEPTS)?;
    body::check_id(&resource, id)?;
    let reference = match body::text(&resource, "external_reference_id") {
        Ok(body::Sent::Text(value)) if is_too_long(Some(&value)) => {
            return Err(Failure::unprocessable(vec![attribute_error(
                "external_reference_id",
                TOO_LONG,
            )]))
        }
        Ok(body::Sent::Text(value)) => Some(Some(value)),
        Ok(body::Sent::Null) => Some(None),
        Ok(body::Sent::Missing) => None,
        Err(error) => return Err(Failure::unprocessable(vec![*error])),
    };
    if let Some(reference) = reference {
        let verification = find_mut(&mut store.verifications, id).expect("found above");
        verification.external_reference_id = reference;
    }
    written(store, request, &VERIFICATIONS, id, false)
}

pub(super) fn list_services(store: &Store, request: &ApiRequest) -> Outcome {
    let query = Query::parse(request, &SERVICES)?;
    let matches = |service: &Service, filter: &Filter| match filter.name.as_str() {
        "id" => filter.accepts(&service.id),
        "status" => filter.accepts(&service.status),
        "country.id" => filter.accepts(&service.country_id),
        "did_group_type.id" => filter.accepts(&service.did_group_type_id),
        "name" => filter.accepts(&service.name),
        _ => filter.accepts(&service.reference),
    };
    let sort_value = |service: &Service, key: &str| match key {
        "created_at" => SortValue::Number(service.created_at),
        "name" => optional_text(Some(&service.name)),
        "status" => optional_text(Some(&service.status)),
        _ => optional_text(service.renew_date.as_deref()),
    };
    list(
        store,
        request,
        &SERVICES,
        &query,
        &store.services,
        matches,
        sort_value,
    )
}

/// `DELETE /emergency_calling_services/{id}`: the service ends and its DIDs are released.
pub(super) fn cancel_service(store: &mut Store, id: &str, now_ms: u64) -> Outcome {
    let service = find_mut(&mut store.services, id).ok_or_else(|| Failure::record_not_found(id))?;
    if !CANCELABLE.contains(&service.status.as_str()) {
        let message = format!(
            "Emergency Calling Service cannot be canceled in {} status",
            service.status
        );
        return Err(Failure::unprocessable(vec![document_error(&message)]));
    }
    service.status = "canceled".to_owned();
    service.canceled_at = Some(now_ms);
    service.renew_date = None;
    for did in &mut store.dids {
        if did.emergency_calling_service_id.as_deref() == Some(id) {
            did.emergency_calling_service_id = None;
            did.emergency_enabled = false;
        }
    }
    Ok(Reply::no_content())
}

/// Stores a checked submission: a pending verification and, in new-service mode, the calling
/// service it opens, linked both ways to the DIDs.
fn file(store: &mut Store, submission: Submission, now_ms: u64) -> String {
    let id = store.ids.uuid();
    let reference = store.ids.reference();
    let (service_id, did_ids) = match submission.target {
        Target::NewService {
            did_ids,
            country_id,
            did_group_type_id,
        } => {
            let service_id = store.ids.uuid();
            let first_number = store.did(&did_ids[0]).map(|did| did.number.clone());
            store.services.push(Service {
                id: service_id.clone(),
                name: format!("Emergency Service for {}", first_number.unwrap_or_default()),
                reference: store.ids.reference(),
                status: "in_process".to_owned(),
                activated_at: None,
                canceled_at: None,
                renew_date: None,
                created_at: now_ms,
                country_id,
                did_group_type_id,
                requirement_id: submission.requirement_id.clone(),
                verification_id: Some(id.clone()),
            });
            for did in store
                .dids
                .iter_mut()
                .filter(|did| did_ids.contains(&did.id))
            {
                did.emergency_calling_service_id = Some(service_id.clone());
                did.emergency_verification_id = Some(id.clone());
            }
            (service_id, did_ids)
        }
        Target::ExistingService { service_id } => {
            let service = find_mut(&mut store.services, &service_id).expect("checked to exist");
            // An update of a running service keeps it running while the update is reviewed.
            service.status = if service.status == "active" {
                "pending_update"
            } else {
                "in_process"
            }
            .to_owned();
            service.verification_id = Some(id.clone());
            for did in store.dids.iter_mut() {
                if did.emergency_calling_service_id.as_deref() == Some(service_id.as_str()) {
                    did.emergency_verification_id = Some(id.clone());
                }
            }
            (service_id, Vec::new())
        }
    };
    store.verifications.push(Verification {
        id: id.clone(),
        reference,
        status: VerificationStatus::Pending,
        reject_reasons: None,
        reject_comment: None,
        callback_url: submission.callback_url,
        callback_method: submission.callback_method,
        external_reference_id: submission.external_reference_id,
        created_at: now_ms,
        address_id: submission.address_id,
        service_id,
        did_ids,
    });
    id
}
