//! The review that follows a submission, the end-to-end happy and unhappy paths, and the
//! status views that depend on them.

use didww_emergency::sandbox::seed::{
    CHANGES_REQUIRED_SERVICE, EXPIRED_IDENTITY_ADDRESS, LOCAL, NEW_YORK_CITY, NEW_YORK_STATE,
    REJECTED_VERIFICATION, UNITED_STATES, US_CHANGES_REQUIRED_DID, US_LOCAL_REQUIREMENT,
    US_LOS_ANGELES_DID, US_NEW_YORK_DID, US_NEW_YORK_SECOND_DID, US_PERSONAL_ADDRESS,
};
use didww_emergency::wire::Method;
use serde_json::{json, Value};

use crate::support::{
    create, get, ids, one, post, send, send_at, simulator, validation_body, verification_body,
    LATER, NOW,
};

fn get_at(simulator: &mut didww_emergency::sandbox::Simulator, target: &str, now: u64) -> Value {
    let (status, document) = send_at(simulator, Method::Get, target, None, now);
    assert_eq!(status, 200, "{target}");
    document
}

#[test]
fn a_new_customer_walks_the_whole_flow_to_an_active_service() {
    let mut simulator = simulator();
    simulator.set_review_delay_ms(10_000);

    let identity = create(
        &mut simulator,
        "/identities",
        json!({ "data": {
            "type": "identities",
            "attributes": {
                "identity_type": "personal",
                "first_name": "Ana",
                "last_name": "Lopez",
                "phone_number": "12125550123",
                "birth_date": "1980-01-02",
                "contact_email": "ana@example.com",
            },
            "relationships": { "country": one("countries", UNITED_STATES) },
        }}),
    );
    let address = create(
        &mut simulator,
        "/addresses",
        json!({ "data": {
            "type": "addresses",
            "attributes": {
                "address": "1 Liberty Plaza",
                "city_name": "New York",
                "postal_code": "10006",
            },
            "relationships": {
                "identity": one("identities", &identity),
                "country": one("countries", UNITED_STATES),
                "area": one("areas", NEW_YORK_STATE),
                "city": one("cities", NEW_YORK_CITY),
            },
        }}),
    );
    let (status, _) = post(
        &mut simulator,
        "/emergency_requirement_validations",
        validation_body(US_LOCAL_REQUIREMENT, Some(&identity), Some(&address)),
    );
    assert_eq!(status, 201);
    let body = verification_body(&address, &[US_NEW_YORK_DID, US_NEW_YORK_SECOND_DID]);
    let verification = create(&mut simulator, "/emergency_verifications", body);
    let target =
        format!("/emergency_verifications/{verification}?include=emergency_calling_service");

    let early = get_at(&mut simulator, &target, NOW + 9_999);
    assert_eq!(early["data"]["attributes"]["status"], "pending");

    let reviewed = get_at(&mut simulator, &target, NOW + 10_000);
    assert_eq!(reviewed["data"]["attributes"]["status"], "approved");
    assert_eq!(
        reviewed["data"]["attributes"]["reject_reasons"],
        Value::Null
    );
    let service = &reviewed["included"][0];
    assert_eq!(service["attributes"]["status"], "active");
    assert_eq!(
        service["attributes"]["activated_at"],
        "2026-04-22T10:00:10.000Z"
    );
    assert_eq!(service["attributes"]["renew_date"], "2026-05-22");
    assert_eq!(
        service["attributes"]["name"],
        "Emergency Service for 12125550100"
    );
    let service_id = service["id"].as_str().expect("a service id");

    let dids = get_at(
        &mut simulator,
        &format!("/dids?filter[emergency_calling_service.id]={service_id}"),
        LATER,
    );
    assert_eq!(ids(&dids).len(), 2);
    assert!(dids["data"]
        .as_array()
        .expect("dids")
        .iter()
        .all(|did| did["attributes"]["emergency_enabled"] == true));
    let services = get_at(
        &mut simulator,
        &format!(
            "/emergency_calling_services?filter[status]=active&include=dids\
             &filter[country.id]={UNITED_STATES}&filter[did_group_type.id]={LOCAL}"
        ),
        LATER,
    );
    assert!(ids(&services).contains(&service_id.to_owned()));
}

#[test]
fn flagged_identity_and_address_are_rejected_with_reasons_and_the_service_needs_changes() {
    let mut simulator = simulator();
    let verification = create(
        &mut simulator,
        "/emergency_verifications",
        verification_body(EXPIRED_IDENTITY_ADDRESS, &[US_NEW_YORK_DID]),
    );

    let document = get_at(
        &mut simulator,
        &format!("/emergency_verifications/{verification}?include=emergency_calling_service,dids"),
        LATER,
    );

    let attributes = &document["data"]["attributes"];
    assert_eq!(attributes["status"], "rejected");
    assert_eq!(
        attributes["reject_reasons"],
        json!([
            "The provided address does not match the DID area",
            "Identity document has expired"
        ])
    );
    assert!(attributes["reject_comment"]
        .as_str()
        .is_some_and(|comment| !comment.is_empty()));
    let included = document["included"].as_array().expect("included");
    let service = included
        .iter()
        .find(|resource| resource["type"] == "emergency_calling_services")
        .expect("service");
    assert_eq!(service["attributes"]["status"], "changes_required");
    let did = included
        .iter()
        .find(|resource| resource["type"] == "dids")
        .expect("did");
    assert_eq!(did["attributes"]["emergency_enabled"], false);
}

#[test]
fn an_address_outside_the_dids_city_is_rejected_on_review() {
    let mut simulator = simulator();
    let verification = create(
        &mut simulator,
        "/emergency_verifications",
        verification_body(US_PERSONAL_ADDRESS, &[US_LOS_ANGELES_DID]),
    );

    let document = get_at(
        &mut simulator,
        &format!("/emergency_verifications/{verification}"),
        LATER,
    );

    assert_eq!(document["data"]["attributes"]["status"], "rejected");
    assert_eq!(
        document["data"]["attributes"]["reject_reasons"],
        json!(["The provided address does not match the DID area"])
    );
}

#[test]
fn a_corrected_resubmission_brings_a_rejected_service_to_active() {
    let mut simulator = simulator();
    let body = json!({ "data": { "type": "emergency_verifications", "relationships": {
        "address": one("addresses", US_PERSONAL_ADDRESS),
        "emergency_calling_service": one("emergency_calling_services", CHANGES_REQUIRED_SERVICE),
    } } });
    let (status, _) = post(&mut simulator, "/emergency_verifications", body);
    assert_eq!(status, 201);

    let service = get_at(
        &mut simulator,
        &format!("/emergency_calling_services/{CHANGES_REQUIRED_SERVICE}?include=dids"),
        LATER,
    );

    assert_eq!(service["data"]["attributes"]["status"], "active");
    assert_eq!(service["included"][0]["id"], US_CHANGES_REQUIRED_DID);
    assert_eq!(
        service["included"][0]["attributes"]["emergency_enabled"],
        true
    );
}

#[test]
fn the_seeded_status_views_list_rejected_and_active_records() {
    let mut simulator = simulator();

    let (_, rejected) = get(
        &mut simulator,
        "/emergency_verifications?filter[status]=rejected&include=address",
    );
    assert_eq!(ids(&rejected), [REJECTED_VERIFICATION]);
    assert_eq!(rejected["included"][0]["id"], EXPIRED_IDENTITY_ADDRESS);

    let target = format!(
        "/emergency_verifications?filter[emergency_calling_service.id]={CHANGES_REQUIRED_SERVICE}"
    );
    let (_, by_service) = get(&mut simulator, &target);
    assert_eq!(ids(&by_service), [REJECTED_VERIFICATION]);

    let (_, services) = get(&mut simulator, "/emergency_calling_services?sort=status");
    let statuses: Vec<&str> = services["data"]
        .as_array()
        .expect("services")
        .iter()
        .map(|service| service["attributes"]["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["active", "changes_required"]);

    let (_, newest_first) = get(&mut simulator, "/emergency_verifications?sort=-created_at");
    assert_eq!(ids(&newest_first)[0], REJECTED_VERIFICATION);
}

#[test]
fn canceling_a_service_releases_its_dids() {
    let mut simulator = simulator();
    let target = format!("/emergency_calling_services/{CHANGES_REQUIRED_SERVICE}");

    let (status, body) = send(&mut simulator, Method::Delete, &target, None);
    assert_eq!((status, body), (204, Value::Null));

    let (_, service) = get(&mut simulator, &target);
    assert_eq!(service["data"]["attributes"]["status"], "canceled");
    assert!(service["data"]["attributes"]["canceled_at"].is_string());
    let (_, did) = get(&mut simulator, &format!("/dids/{US_CHANGES_REQUIRED_DID}"));
    assert_eq!(
        did["data"]["relationships"]["emergency_calling_service"]["data"],
        Value::Null
    );

    let (status, _) = send(&mut simulator, Method::Delete, &target, None);
    assert_eq!(status, 422, "a canceled service cannot be canceled again");
}

#[test]
fn every_request_is_counted_whatever_its_outcome() {
    let mut simulator = simulator();

    get(&mut simulator, "/dids");
    get(&mut simulator, "/nowhere");
    post(&mut simulator, "/emergency_verifications", json!({}));

    assert_eq!(simulator.request_count(), 3);
    assert_eq!(simulator.verification_count(), 0);
}
