//! Verifications for existing services, and what may change on a verification afterwards.

use didww_emergency::sandbox::seed::{
    ACTIVE_SERVICE, CHANGES_REQUIRED_SERVICE, CLEAN_DID, GUIDE_ADDRESS, US_PERSONAL_ADDRESS,
};
use serde_json::json;

use crate::support::{create, errors, get, one, patch, post, simulator, verification_body};

#[test]
fn a_service_that_needs_changes_takes_a_new_verification_without_dids() {
    let mut simulator = simulator();
    let body = json!({ "data": { "type": "emergency_verifications", "relationships": {
        "address": one("addresses", US_PERSONAL_ADDRESS),
        "emergency_calling_service": one("emergency_calling_services", CHANGES_REQUIRED_SERVICE),
    } } });

    let (status, document) = post(
        &mut simulator,
        "/emergency_verifications?include=dids",
        body.clone(),
    );
    assert_eq!(status, 201, "{document}");
    assert_eq!(document["data"]["relationships"]["dids"]["data"], json!([]));

    let (_, service) = get(
        &mut simulator,
        &format!("/emergency_calling_services/{CHANGES_REQUIRED_SERVICE}"),
    );
    assert_eq!(service["data"]["attributes"]["status"], "in_process");

    // While it is under review, the service takes no further submissions.
    let (status, document) = post(&mut simulator, "/emergency_verifications", body);
    assert_eq!(status, 422);
    assert_eq!(
        errors(&document),
        [(
            "Emergency Calling Service should be in NEW, CHANGES_REQUIRED or ACTIVE status"
                .to_owned(),
            "/data".to_owned()
        )]
    );
}

#[test]
fn an_active_service_goes_pending_update_while_a_new_address_is_reviewed() {
    let mut simulator = simulator();
    let body = json!({ "data": { "type": "emergency_verifications", "relationships": {
        "address": one("addresses", US_PERSONAL_ADDRESS),
        "emergency_calling_service": one("emergency_calling_services", ACTIVE_SERVICE),
    } } });

    let (status, _) = post(&mut simulator, "/emergency_verifications", body);

    assert_eq!(status, 201);
    let (_, service) = get(
        &mut simulator,
        &format!("/emergency_calling_services/{ACTIVE_SERVICE}"),
    );
    assert_eq!(service["data"]["attributes"]["status"], "pending_update");
}

#[test]
fn only_the_external_reference_of_a_verification_can_change() {
    let mut simulator = simulator();
    let id = create(
        &mut simulator,
        "/emergency_verifications",
        verification_body(GUIDE_ADDRESS, &[CLEAN_DID]),
    );
    let target = format!("/emergency_verifications/{id}");

    let (status, document) = patch(
        &mut simulator,
        &target,
        json!({ "data": {
            "type": "emergency_verifications",
            "id": id,
            "attributes": { "external_reference_id": "order-77" },
        }}),
    );
    assert_eq!(status, 200);
    assert_eq!(
        document["data"]["attributes"]["external_reference_id"],
        "order-77"
    );

    let (status, document) = patch(
        &mut simulator,
        &target,
        json!({ "data": {
            "type": "emergency_verifications",
            "attributes": { "status": "approved" },
        }}),
    );
    assert_eq!(status, 400);
    assert_eq!(document["errors"][0]["code"], "105");
}
