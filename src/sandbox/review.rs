//! DIDWW's Emergency Team, simulated: pending verifications are reviewed once the review delay
//! has passed.
//!
//! The review is lazy (it happens at the start of whichever request comes next) and dated at
//! submission time plus the delay, so the outcome depends only on the requests and their
//! times, never on when the simulator happened to be asked.

use super::clock::date_of;
use super::seed::account::{REASON_DOCUMENT_EXPIRED, REASON_OUTSIDE_AREA};
use super::store::{find, find_mut, Address, Store, Verification, VerificationStatus};

/// What the reviewer writes on every rejection.
const REJECT_COMMENT: &str =
    "Please correct the details listed in the reasons and submit a new verification.";

/// Reviews every pending verification submitted at least `delay_ms` before `now_ms`.
pub(crate) fn review_due(store: &mut Store, now_ms: u64, delay_ms: u64) {
    let due: Vec<(String, u64)> = store
        .verifications
        .iter()
        .filter(|verification| verification.status == VerificationStatus::Pending)
        .map(|verification| {
            (
                verification.id.clone(),
                verification.created_at.saturating_add(delay_ms),
            )
        })
        .filter(|(_, reviewed_at)| *reviewed_at <= now_ms)
        .collect();
    for (id, reviewed_at) in due {
        review(store, &id, reviewed_at);
    }
}

fn review(store: &mut Store, id: &str, reviewed_at: u64) {
    let Some(verification) = find(&store.verifications, id).cloned() else {
        return;
    };
    let reasons = findings(store, &verification);
    let service_id = verification.service_id.as_str();
    let verification = find_mut(&mut store.verifications, id).expect("the verification exists");
    if reasons.is_empty() {
        verification.status = VerificationStatus::Approved;
        approve_service(store, service_id, id, reviewed_at);
        return;
    }
    verification.status = VerificationStatus::Rejected;
    verification.reject_reasons = Some(reasons);
    verification.reject_comment = Some(REJECT_COMMENT.to_owned());
    if let Some(service) = find_mut(&mut store.services, service_id) {
        service.status = match service.status.as_str() {
            // A rejected update leaves the running registration in place.
            "pending_update" => "active".to_owned(),
            _ => "changes_required".to_owned(),
        };
    }
}

fn approve_service(store: &mut Store, service_id: &str, verification_id: &str, reviewed_at: u64) {
    if let Some(service) = find_mut(&mut store.services, service_id) {
        service.status = "active".to_owned();
        if service.activated_at.is_none() {
            service.activated_at = Some(reviewed_at);
            service.renew_date = Some(date_of(reviewed_at).plus_one_month().to_string());
        }
    }
    let attached = |did: &&mut super::store::Did| {
        did.emergency_calling_service_id.as_deref() == Some(service_id)
    };
    for did in store.dids.iter_mut().filter(attached) {
        did.emergency_enabled = true;
        did.emergency_verification_id = Some(verification_id.to_owned());
    }
}

/// What the reviewer objects to; empty means approved.
fn findings(store: &Store, verification: &Verification) -> Vec<String> {
    let mut reasons = Vec::new();
    let Some(address) = find(&store.addresses, &verification.address_id) else {
        return vec![REASON_OUTSIDE_AREA.to_owned()];
    };
    if address.outside_did_area || !address_matches_dids(store, verification, address) {
        reasons.push(REASON_OUTSIDE_AREA.to_owned());
    }
    let identity = find(&store.identities, &address.identity_id);
    if identity.is_some_and(|identity| identity.document_expired) {
        reasons.push(REASON_DOCUMENT_EXPIRED.to_owned());
    }
    reasons
}

/// For city- and area-level requirements, the address must be in the DIDs' city or area.
fn address_matches_dids(store: &Store, verification: &Verification, address: &Address) -> bool {
    let Some(service) = find(&store.services, &verification.service_id) else {
        return true;
    };
    let Some(requirement) = find(&store.requirements, &service.requirement_id) else {
        return true;
    };
    let dids = store.service_dids(&service.id);
    match requirement.address_area_level.as_str() {
        "city" => {
            let city = store.city_of_address(address).map(|city| city.id.as_str());
            dids.iter()
                .all(|did| store.city_of_did(did).map(|city| city.id.as_str()) == city)
        }
        "area" => {
            let area = store.area_of_address(address).map(|area| area.id.as_str());
            let did_area = |did| {
                store
                    .city_of_did(did)
                    .and_then(|city| city.area_id.as_deref())
            };
            dids.iter().all(|did| did_area(did) == area)
        }
        _ => true,
    }
}
