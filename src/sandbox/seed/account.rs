//! The numbers of the guide account, how the guide's DIDs got locked to identities, and the
//! two calling services that already exist (one active, one waiting for changes).

use super::catalog::group_id;
use super::*;
use crate::sandbox::clock::DAY_MS;
use crate::sandbox::store::{AddressVerification, Did, Service, Verification, VerificationStatus};

/// Reasons the reviewer gave on the seeded rejection, also used for new rejections.
pub(crate) const REASON_OUTSIDE_AREA: &str = "The provided address does not match the DID area";
pub(crate) const REASON_DOCUMENT_EXPIRED: &str = "Identity document has expired";

pub(super) fn add_dids(store: &mut Store) {
    #[rustfmt::skip]
    let dids = [
        // Id, number, DID group, created at.
        (CLEAN_DID, "37052032401", "vilnius", "2026-04-21T09:15:11.000Z"),
        (LOCKED_DID, "37052032400", "vilnius", "2026-04-16T12:12:34.000Z"),
        (PORTING_DID, "37052032403", "vilnius", "2026-04-21T08:42:56.000Z"),
        (NO_FEATURE_DID, "37037200100", "kaunas", "2026-04-02T10:00:00.000Z"),
        (NO_REQUIREMENT_DID, "37060012345", "lt-mobile", "2026-04-03T10:00:00.000Z"),
        (US_NEW_YORK_DID, "12125550100", "new-york", "2026-03-01T15:00:00.000Z"),
        (US_NEW_YORK_SECOND_DID, "12125550101", "new-york", "2026-03-01T15:00:01.000Z"),
        (US_LOS_ANGELES_DID, "13105550100", "los-angeles", "2026-03-04T15:00:00.000Z"),
        (US_ACTIVE_DID, "12125550102", "new-york", "2026-02-27T15:00:00.000Z"),
        (US_CHANGES_REQUIRED_DID, "12125550103", "new-york", "2026-04-08T15:00:00.000Z"),
        (US_MOBILE_DID, "13475550100", "us-mobile", "2026-03-06T15:00:00.000Z"),
        (GB_DID, "442071234567", "london", "2026-03-10T15:00:00.000Z"),
        (DE_LOCAL_DID, "493012345678", "berlin", "2026-03-18T15:00:00.000Z"),
        (DE_MOBILE_DID, "4915112345678", "de-mobile", "2026-03-18T15:00:01.000Z"),
        (FR_DID, "33800123456", "fr-toll-free", "2026-03-25T15:00:00.000Z"),
        (NL_DID, "31201234567", "amsterdam", "2026-03-28T15:00:00.000Z"),
    ];
    for (id, number, group, created) in dids {
        let created_at = at(created);
        store.dids.push(Did {
            id: id.to_owned(),
            number: number.to_owned(),
            created_at,
            expires_at: created_at + 30 * DAY_MS,
            did_group_id: group_id(group),
            identity_id: None,
            address_verification_id: None,
            emergency_calling_service_id: None,
            emergency_verification_id: None,
            emergency_enabled: false,
        });
    }

    // The guide's end-user registration and porting cases.
    store.address_verifications.push(AddressVerification {
        id: ADDRESS_VERIFICATION.to_owned(),
        status: "approved".to_owned(),
        reference: "DFH-637703".to_owned(),
    });
    // A DID registered to a person, so the locked-identity error has a personal wording too.
    store.address_verifications.push(AddressVerification {
        id: GB_ADDRESS_VERIFICATION.to_owned(),
        status: "approved".to_owned(),
        reference: "AHB-291174".to_owned(),
    });
    let registered = did_mut(store, GB_DID);
    registered.identity_id = Some(GB_PERSONAL_IDENTITY.to_owned());
    registered.address_verification_id = Some(GB_ADDRESS_VERIFICATION.to_owned());
    let locked = did_mut(store, LOCKED_DID);
    locked.identity_id = Some(LOCKED_IDENTITY.to_owned());
    locked.address_verification_id = Some(ADDRESS_VERIFICATION.to_owned());
    did_mut(store, PORTING_DID).identity_id = Some(PORTING_IDENTITY.to_owned());
}

pub(super) fn add_services(store: &mut Store) {
    let approved_at = at("2026-03-03T14:20:00.000Z");
    let active = us_local_service(
        ACTIVE_SERVICE,
        "12125550102",
        "SHB-485120",
        "2026-03-02T09:00:00.000Z",
    );
    store.services.push(Service {
        status: "active".to_owned(),
        activated_at: Some(approved_at),
        renew_date: Some("2026-05-03".to_owned()),
        verification_id: Some(APPROVED_VERIFICATION.to_owned()),
        ..active
    });
    let verification = one_did_verification(
        APPROVED_VERIFICATION,
        "EGE-764403",
        ACTIVE_SERVICE,
        US_ACTIVE_DID,
    );
    store.verifications.push(Verification {
        status: VerificationStatus::Approved,
        address_id: US_PERSONAL_ADDRESS.to_owned(),
        created_at: at("2026-03-02T09:00:00.000Z"),
        ..verification
    });
    let did = did_mut(store, US_ACTIVE_DID);
    did.emergency_calling_service_id = Some(ACTIVE_SERVICE.to_owned());
    did.emergency_verification_id = Some(APPROVED_VERIFICATION.to_owned());
    did.emergency_enabled = true;

    let waiting = us_local_service(
        CHANGES_REQUIRED_SERVICE,
        "12125550103",
        "SHB-991234",
        "2026-04-10T11:45:00.000Z",
    );
    store.services.push(Service {
        status: "changes_required".to_owned(),
        verification_id: Some(REJECTED_VERIFICATION.to_owned()),
        ..waiting
    });
    let verification = one_did_verification(
        REJECTED_VERIFICATION,
        "VFG-606536",
        CHANGES_REQUIRED_SERVICE,
        US_CHANGES_REQUIRED_DID,
    );
    store.verifications.push(Verification {
        status: VerificationStatus::Rejected,
        reject_reasons: Some(vec![
            REASON_OUTSIDE_AREA.to_owned(),
            REASON_DOCUMENT_EXPIRED.to_owned(),
        ]),
        reject_comment: Some(
            "Upload a current identity document and give the address where the number is used."
                .to_owned(),
        ),
        external_reference_id: Some("crm-4711".to_owned()),
        address_id: EXPIRED_IDENTITY_ADDRESS.to_owned(),
        created_at: at("2026-04-10T11:45:00.000Z"),
        ..verification
    });
    let did = did_mut(store, US_CHANGES_REQUIRED_DID);
    did.emergency_calling_service_id = Some(CHANGES_REQUIRED_SERVICE.to_owned());
    did.emergency_verification_id = Some(REJECTED_VERIFICATION.to_owned());
}

/// A US Local service in its first state; the callers set what differs.
fn us_local_service(id: &str, number: &str, reference: &str, created: &str) -> Service {
    Service {
        id: id.to_owned(),
        name: format!("Emergency Service for {number}"),
        reference: reference.to_owned(),
        status: "new".to_owned(),
        activated_at: None,
        canceled_at: None,
        renew_date: None,
        created_at: at(created),
        country_id: UNITED_STATES.to_owned(),
        did_group_type_id: LOCAL.to_owned(),
        requirement_id: US_LOCAL_REQUIREMENT.to_owned(),
        verification_id: None,
    }
}

/// A pending verification of one DID; the callers set what differs.
fn one_did_verification(id: &str, reference: &str, service_id: &str, did_id: &str) -> Verification {
    Verification {
        id: id.to_owned(),
        reference: reference.to_owned(),
        status: VerificationStatus::Pending,
        reject_reasons: None,
        reject_comment: None,
        callback_url: None,
        callback_method: None,
        external_reference_id: None,
        created_at: 0,
        address_id: String::new(),
        service_id: service_id.to_owned(),
        did_ids: vec![did_id.to_owned()],
    }
}

fn did_mut<'a>(store: &'a mut Store, id: &str) -> &'a mut Did {
    crate::sandbox::store::find_mut(&mut store.dids, id).expect("the seed DID exists")
}
