//! `POST /emergency_verifications`: every rule, the guide's locked-identity error, and the shape
//! of a successful submission.

use didww_emergency::sandbox::seed::{
    CHANGES_REQUIRED_SERVICE, CLEAN_DID, GB_DID, GUIDE_ADDRESS, GUIDE_OTHER_ADDRESS, LOCKED_DID,
    LOCKED_IDENTITY_ADDRESS, NO_FEATURE_DID, NO_REQUIREMENT_DID, PORTING_DID, US_ACTIVE_DID,
    US_LOS_ANGELES_DID, US_MOBILE_DID, US_NEW_YORK_DID, US_PERSONAL_ADDRESS,
};
use serde_json::{json, Value};

use crate::support::{errors, get, many, one, post, simulator, verification_body};

const ALREADY_ASSIGNED: &str = "is already assigned to another Emergency Calling Service";

fn with_attributes(mut body: Value, attributes: Value) -> Value {
    body["data"]["attributes"] = attributes;
    body
}

#[test]
fn the_guide_submission_opens_a_service_and_returns_a_pending_verification() {
    let mut simulator = simulator();
    let before = simulator.verification_count();
    let body = with_attributes(
        verification_body(GUIDE_ADDRESS, &[PORTING_DID]),
        json!({
            "callback_url": "https://example.com/callbacks/emergency",
            "callback_method": "post",
        }),
    );

    let (status, document) = post(&mut simulator, "/emergency_verifications", body);

    assert_eq!(status, 201);
    assert_eq!(simulator.verification_count(), before + 1);
    let verification = &document["data"];
    let attributes = &verification["attributes"];
    assert_eq!(verification["type"], "emergency_verifications");
    assert_eq!(attributes["status"], "pending");
    assert_eq!(attributes["reject_reasons"], Value::Null);
    assert_eq!(attributes["reject_comment"], Value::Null);
    assert_eq!(attributes["callback_method"], "post");
    assert_eq!(attributes["external_reference_id"], Value::Null);
    let reference = attributes["reference"].as_str().expect("a reference");
    assert!(
        reference.len() == 10 && reference.as_bytes()[3] == b'-',
        "{reference}"
    );
    // As in the guide, relationships carry links only unless included.
    assert!(verification["relationships"]["emergency_calling_service"]
        .get("data")
        .is_none());
    assert!(verification["relationships"]["dids"]["links"]["self"].is_string());

    let id = verification["id"].as_str().expect("an id");
    let (_, shown) = get(
        &mut simulator,
        &format!("/emergency_verifications/{id}?include=emergency_calling_service,dids"),
    );
    let relationships = &shown["data"]["relationships"];
    assert_eq!(
        relationships["dids"]["data"],
        json!([{ "type": "dids", "id": PORTING_DID }])
    );
    let service_id = relationships["emergency_calling_service"]["data"]["id"]
        .as_str()
        .expect("a service");
    let service = shown["included"]
        .as_array()
        .expect("included")
        .iter()
        .find(|resource| resource["type"] == "emergency_calling_services")
        .expect("the service is included");
    assert_eq!(service["id"], service_id);
    assert_eq!(service["attributes"]["status"], "in_process");
    assert_eq!(
        service["attributes"]["name"],
        "Emergency Service for 37052032403"
    );
    assert_eq!(service["attributes"]["activated_at"], Value::Null);
    assert_eq!(
        service["meta"],
        json!({ "setup_price": "0.00", "monthly_price": "1.0" })
    );

    let (_, did) = get(
        &mut simulator,
        &format!("/dids/{PORTING_DID}?include=emergency_verification"),
    );
    assert_eq!(
        did["data"]["relationships"]["emergency_calling_service"]["data"]["id"],
        service_id
    );
    assert_eq!(
        did["data"]["relationships"]["emergency_verification"]["data"]["id"],
        id
    );
    assert_eq!(did["data"]["attributes"]["emergency_enabled"], false);
}

#[test]
fn a_locked_did_refuses_an_address_of_another_identity_exactly_as_the_guide_shows() {
    let mut simulator = simulator();
    let body = with_attributes(
        verification_body(GUIDE_OTHER_ADDRESS, &[LOCKED_DID]),
        json!({
            "callback_url": "https://example.com/callbacks/emergency",
            "callback_method": "post",
        }),
    );

    let (status, document) = post(&mut simulator, "/emergency_verifications", body);

    assert_eq!(status, 422);
    let title = "can be used only with Identity Business - Example Telecom UAB";
    assert_eq!(
        document,
        json!({ "errors": [{
            "title": title,
            "detail": format!("dids/{LOCKED_DID} - {title}"),
            "code": "100",
            "source": { "pointer": format!("/data/relationships/dids/{LOCKED_DID}") },
            "status": "422",
        }]})
    );

    let (status, _) = post(
        &mut simulator,
        "/emergency_verifications",
        verification_body(LOCKED_IDENTITY_ADDRESS, &[LOCKED_DID]),
    );
    assert_eq!(status, 201, "the DID's own identity is accepted");
}

#[test]
fn a_did_registered_to_a_person_names_the_person_in_the_error() {
    let mut simulator = simulator();

    let (_, document) = post(
        &mut simulator,
        "/emergency_verifications",
        verification_body(US_PERSONAL_ADDRESS, &[GB_DID]),
    );

    let title = "can be used only with Identity Personal - Oliver Brown";
    assert!(errors(&document).contains(&(
        format!("dids/{GB_DID} - {title}"),
        format!("/data/relationships/dids/{GB_DID}")
    )));
}

#[test]
fn each_submission_rule_answers_with_its_own_pointer_and_detail() {
    let mut simulator = simulator();
    let us_address = US_PERSONAL_ADDRESS;

    let cases: Vec<(Value, Vec<(String, &str)>)> = vec![
        (
            json!({ "data": {
                "type": "emergency_verifications",
                "relationships": { "dids": many("dids", &[CLEAN_DID]) },
            }}),
            vec![(
                "address - can't be blank".into(),
                "/data/relationships/address",
            )],
        ),
        (
            verification_body(GUIDE_ADDRESS, &[]),
            vec![("dids - can't be blank".into(), "/data/relationships/dids")],
        ),
        (
            {
                let mut body = verification_body(GUIDE_ADDRESS, &[CLEAN_DID]);
                body["data"]["relationships"]["emergency_calling_service"] =
                    one("emergency_calling_services", CHANGES_REQUIRED_SERVICE);
                body
            },
            vec![(
                "emergency_calling_service - can't be sent together with dids".into(),
                "/data/relationships/emergency_calling_service",
            )],
        ),
        (
            verification_body(GUIDE_ADDRESS, &["no-such-did"]),
            vec![(
                "dids/no-such-did - is invalid".into(),
                "/data/relationships/dids/no-such-did",
            )],
        ),
        (
            verification_body(GUIDE_ADDRESS, &[NO_FEATURE_DID]),
            vec![(
                format!("dids/{NO_FEATURE_DID} - does not support Emergency feature"),
                "/data/relationships/dids/NO_FEATURE",
            )],
        ),
        (
            verification_body(us_address, &[US_ACTIVE_DID]),
            vec![(
                format!("dids/{US_ACTIVE_DID} - {ALREADY_ASSIGNED}"),
                "/data/relationships/dids/US_ACTIVE",
            )],
        ),
        (
            verification_body(us_address, &[US_NEW_YORK_DID, US_MOBILE_DID]),
            vec![(
                "dids - should have the same Did Group Type".into(),
                "/data/relationships/dids",
            )],
        ),
        (
            verification_body(GUIDE_ADDRESS, &[CLEAN_DID, US_NEW_YORK_DID]),
            vec![(
                "dids - should have the same Country".into(),
                "/data/relationships/dids",
            )],
        ),
        (
            verification_body(GUIDE_ADDRESS, &[NO_REQUIREMENT_DID]),
            vec![("Emergency Rate not found".into(), "/data")],
        ),
        (
            verification_body(us_address, &[US_NEW_YORK_DID, US_LOS_ANGELES_DID]),
            vec![(
                "dids - should belong to the same City".into(),
                "/data/relationships/dids",
            )],
        ),
        (
            with_attributes(
                verification_body(GUIDE_ADDRESS, &[CLEAN_DID]),
                json!({ "callback_url": "https://example.com/hook" }),
            ),
            vec![(
                "callback_method - can't be blank".into(),
                "/data/attributes/callback_method",
            )],
        ),
        (
            with_attributes(
                verification_body(GUIDE_ADDRESS, &[CLEAN_DID]),
                json!({ "callback_url": "example.com/hook", "callback_method": "put" }),
            ),
            vec![
                (
                    "callback_url - is invalid".into(),
                    "/data/attributes/callback_url",
                ),
                (
                    "callback_method - is not included in the list".into(),
                    "/data/attributes/callback_method",
                ),
            ],
        ),
        (
            with_attributes(
                verification_body(GUIDE_ADDRESS, &[CLEAN_DID]),
                json!({ "external_reference_id": "r".repeat(101) }),
            ),
            vec![(
                "external_reference_id - is too long (maximum is 100 characters)".into(),
                "/data/attributes/external_reference_id",
            )],
        ),
        (
            verification_body(us_address, &[CLEAN_DID]),
            vec![("Address in Lithuania required".into(), "/data")],
        ),
    ];
    for (body, expected) in cases {
        let (status, document) = post(&mut simulator, "/emergency_verifications", body.clone());
        assert_eq!(status, 422, "{body}");
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(detail, pointer)| {
                let pointer = pointer
                    .replace("NO_FEATURE", NO_FEATURE_DID)
                    .replace("US_ACTIVE", US_ACTIVE_DID);
                (detail, pointer)
            })
            .collect();
        assert_eq!(errors(&document), expected, "{body}");
    }
    assert_eq!(simulator.verification_count(), 0, "nothing was stored");
}
