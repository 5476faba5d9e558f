//! `POST /emergency_requirement_validations`: every requirement rule, labels and API names.

use didww_emergency::sandbox::seed::{
    DE_LOCAL_REQUIREMENT, DE_MOBILE_REQUIREMENT, DE_PERSONAL_ADDRESS, DE_PERSONAL_IDENTITY,
    FR_TOLL_FREE_REQUIREMENT, GB_LOCAL_REQUIREMENT, GB_PERSONAL_ADDRESS, GB_PERSONAL_IDENTITY,
    GUIDE_ADDRESS, LOCKED_IDENTITY, LOS_ANGELES, LT_LOCAL_REQUIREMENT, NEW_YORK_CITY,
    NEW_YORK_STATE, NL_LOCAL_REQUIREMENT, PORTING_IDENTITY, UNITED_KINGDOM, UNITED_STATES,
    US_BUSINESS_ADDRESS, US_BUSINESS_IDENTITY, US_LOCAL_REQUIREMENT, US_MOBILE_REQUIREMENT,
    US_PERSONAL_ADDRESS, US_PERSONAL_IDENTITY,
};
use serde_json::{json, Value};

use crate::support::{create, errors, one, patch, post, simulator, validation_body};

/// Requirement, identity, address, expected messages.
type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str]);

fn messages(document: &Value) -> Vec<String> {
    errors(document)
        .into_iter()
        .map(|(detail, pointer)| {
            assert_eq!(
                pointer, "/data",
                "requirement problems point at the whole submission"
            );
            detail
        })
        .collect()
}

#[test]
fn the_guide_validation_succeeds_and_echoes_the_requirement_id() {
    let mut simulator = simulator();
    let body = validation_body(
        LT_LOCAL_REQUIREMENT,
        Some(PORTING_IDENTITY),
        Some(GUIDE_ADDRESS),
    );

    let (status, document) = post(&mut simulator, "/emergency_requirement_validations", body);

    assert_eq!(status, 201);
    assert_eq!(
        document,
        json!({
            "data": { "id": LT_LOCAL_REQUIREMENT, "type": "emergency_requirement_validations" },
            "meta": { "api_version": "2026-04-16" },
        })
    );
}

#[test]
fn each_requirement_rule_is_reported_with_didww_wording() {
    let mut simulator = simulator();

    let cases: [Case; 11] = [
        (
            US_LOCAL_REQUIREMENT,
            Some(US_PERSONAL_IDENTITY),
            Some(US_PERSONAL_ADDRESS),
            &[],
        ),
        (
            US_LOCAL_REQUIREMENT,
            Some(US_BUSINESS_IDENTITY),
            Some(US_BUSINESS_ADDRESS),
            &["Company ID is required for Business Identity"],
        ),
        (
            US_LOCAL_REQUIREMENT,
            Some(PORTING_IDENTITY),
            Some(GUIDE_ADDRESS),
            &[
                "Identity from United States required",
                "Company ID is required for Business Identity",
                "Contact email is required for Business Identity",
                "Address in United States required",
            ],
        ),
        (
            DE_LOCAL_REQUIREMENT,
            Some(DE_PERSONAL_IDENTITY),
            Some(DE_PERSONAL_ADDRESS),
            &["Business Identity required"],
        ),
        (
            DE_MOBILE_REQUIREMENT,
            Some(DE_PERSONAL_IDENTITY),
            Some(DE_PERSONAL_ADDRESS),
            &[],
        ),
        (
            DE_MOBILE_REQUIREMENT,
            Some(PORTING_IDENTITY),
            None,
            &["Personal Identity required"],
        ),
        (
            GB_LOCAL_REQUIREMENT,
            Some(GB_PERSONAL_IDENTITY),
            Some(GB_PERSONAL_ADDRESS),
            &["contact_email is required for Personal Identity"],
        ),
        (
            FR_TOLL_FREE_REQUIREMENT,
            Some(PORTING_IDENTITY),
            Some(GUIDE_ADDRESS),
            &[],
        ),
        (
            NL_LOCAL_REQUIREMENT,
            Some(PORTING_IDENTITY),
            Some(GUIDE_ADDRESS),
            &["Address in Netherlands required"],
        ),
        (
            LT_LOCAL_REQUIREMENT,
            Some(LOCKED_IDENTITY),
            Some(GUIDE_ADDRESS),
            &["Address does not belong to the Identity"],
        ),
        // Only an address: its identity is checked too.
        (
            US_LOCAL_REQUIREMENT,
            None,
            Some(US_BUSINESS_ADDRESS),
            &["Company ID is required for Business Identity"],
        ),
    ];
    for (requirement, identity, address, expected) in cases {
        let body = validation_body(requirement, identity, address);
        let (status, document) = post(&mut simulator, "/emergency_requirement_validations", body);
        let context = format!("{requirement} {identity:?} {address:?}");
        if expected.is_empty() {
            assert_eq!(status, 201, "{context}: {document}");
        } else {
            assert_eq!(status, 422, "{context}");
            assert_eq!(messages(&document), expected, "{context}");
        }
    }
}

#[test]
fn a_validation_needs_a_known_requirement_and_an_identity_or_an_address() {
    let mut simulator = simulator();

    let cases = [
        (
            validation_body("missing", Some(PORTING_IDENTITY), None),
            "/data/relationships/emergency_requirement",
        ),
        (validation_body(LT_LOCAL_REQUIREMENT, None, None), "/data"),
        (
            validation_body(LT_LOCAL_REQUIREMENT, Some("nobody"), None),
            "/data/relationships/identity",
        ),
        (
            json!({ "data": { "type": "emergency_requirement_validations", "relationships": {
                "identity": one("identities", PORTING_IDENTITY) } } }),
            "/data/relationships/emergency_requirement",
        ),
    ];
    for (body, pointer) in cases {
        let (status, document) = post(
            &mut simulator,
            "/emergency_requirement_validations",
            body.clone(),
        );
        assert_eq!(status, 422, "{body}");
        assert_eq!(errors(&document)[0].1, pointer, "{body}");
    }
}

fn us_identity(simulator: &mut didww_emergency::sandbox::Simulator, extra: Value) -> String {
    let mut attributes = json!({
        "identity_type": "personal",
        "first_name": "Ana",
        "last_name": "Lopez",
        "phone_number": "12125550123",
    });
    attributes
        .as_object_mut()
        .expect("object")
        .extend(extra.as_object().expect("object").clone());
    let body = json!({ "data": { "type": "identities", "attributes": attributes,
        "relationships": { "country": one("countries", UNITED_STATES) } } });
    create(simulator, "/identities", body)
}

fn us_address(
    simulator: &mut didww_emergency::sandbox::Simulator,
    identity: &str,
    relationships: Value,
) -> String {
    let mut all = json!({
        "identity": one("identities", identity),
        "country": one("countries", UNITED_STATES),
    });
    all.as_object_mut()
        .expect("object")
        .extend(relationships.as_object().expect("object").clone());
    let body = json!({ "data": { "type": "addresses", "relationships": all, "attributes": {
        "address": "1 Liberty Plaza", "city_name": "New York", "postal_code": "10006" } } });
    create(simulator, "/addresses", body)
}

#[test]
fn label_named_fields_are_satisfied_by_the_matching_api_attributes() {
    let mut simulator = simulator();
    let incomplete = us_identity(&mut simulator, json!({}));
    let complete = us_identity(
        &mut simulator,
        json!({ "birth_date": "1980-01-02", "contact_email": "ana@example.com" }),
    );
    let located =
        json!({ "area": one("areas", NEW_YORK_STATE), "city": one("cities", NEW_YORK_CITY) });
    let incomplete_address = us_address(&mut simulator, &incomplete, located.clone());
    let complete_address = us_address(&mut simulator, &complete, located);

    let body = validation_body(
        US_LOCAL_REQUIREMENT,
        Some(&incomplete),
        Some(&incomplete_address),
    );
    let (_, document) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(
        messages(&document),
        [
            "Birth Date is required for Personal Identity",
            "Contact email is required for Personal Identity"
        ]
    );

    let body = validation_body(
        US_LOCAL_REQUIREMENT,
        Some(&complete),
        Some(&complete_address),
    );
    let (status, _) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(status, 201);
}

#[test]
fn api_named_fields_pass_once_an_unverified_identity_is_completed() {
    let mut simulator = simulator();
    let identity = create(
        &mut simulator,
        "/identities",
        json!({ "data": { "type": "identities",
            "attributes": { "identity_type": "personal", "first_name": "Amelia",
                "last_name": "Jones", "phone_number": "442071230001", "birth_date": "1991-05-06" },
            "relationships": { "country": one("countries", UNITED_KINGDOM) } } }),
    );
    let address = create(
        &mut simulator,
        "/addresses",
        json!({ "data": { "type": "addresses",
            "attributes": { "address": "1 Example Mews", "city_name": "London",
                "postal_code": "SW1A 2AA" },
            "relationships": { "identity": one("identities", &identity),
                "country": one("countries", UNITED_KINGDOM) } } }),
    );
    let body = validation_body(GB_LOCAL_REQUIREMENT, Some(&identity), Some(&address));
    let (status, _) = post(
        &mut simulator,
        "/emergency_requirement_validations",
        body.clone(),
    );
    assert_eq!(status, 422);

    let update = json!({ "data": {
        "type": "identities",
        "attributes": { "contact_email": "amelia@example.co.uk" },
    }});
    let (status, _) = patch(&mut simulator, &format!("/identities/{identity}"), update);
    assert_eq!(status, 200);

    let (status, _) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(status, 201);
}

#[test]
fn a_verified_identity_that_lacks_a_field_stays_refused() {
    let mut simulator = simulator();
    let update = json!({ "data": {
        "type": "identities",
        "attributes": { "contact_email": "oliver@example.co.uk" },
    }});

    let (status, document) = patch(
        &mut simulator,
        &format!("/identities/{GB_PERSONAL_IDENTITY}"),
        update,
    );

    assert_eq!(status, 422);
    assert_eq!(messages(&document), ["Verified Identity cannot be changed"]);
    let body = validation_body(
        GB_LOCAL_REQUIREMENT,
        Some(GB_PERSONAL_IDENTITY),
        Some(GB_PERSONAL_ADDRESS),
    );
    let (status, _) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(status, 422);
}

#[test]
fn area_and_city_levels_need_an_address_that_names_its_area_and_a_known_city() {
    let mut simulator = simulator();
    let identity = us_identity(
        &mut simulator,
        json!({ "birth_date": "1980-01-02", "contact_email": "ana@example.com" }),
    );

    // Relationships on the address, requirement, expected messages.
    let cases: [(Value, &str, &[&str]); 5] = [
        (json!({}), US_MOBILE_REQUIREMENT, &[]),
        (
            json!({ "area": one("areas", NEW_YORK_STATE) }),
            US_MOBILE_REQUIREMENT,
            &[],
        ),
        (
            json!({ "city": one("cities", LOS_ANGELES) }),
            US_LOCAL_REQUIREMENT,
            &[],
        ),
        (json!({}), US_LOCAL_REQUIREMENT, &[]),
        (json!({ "city": null }), US_MOBILE_REQUIREMENT, &[]),
    ];
    for (relationships, requirement, expected) in cases {
        let address = us_address(&mut simulator, &identity, relationships.clone());
        let body = validation_body(requirement, Some(&identity), Some(&address));
        let (status, document) = post(&mut simulator, "/emergency_requirement_validations", body);
        assert_eq!(
            status == 201,
            expected.is_empty(),
            "{relationships} {requirement}: {document}"
        );
    }

    // A city the account does not know, with no area: both levels refuse it.
    let body = json!({ "data": { "type": "addresses", "attributes": {
            "address": "1 Elm Street", "city_name": "Springfield", "postal_code": "62701" },
        "relationships": {
            "identity": one("identities", &identity),
            "country": one("countries", UNITED_STATES) } } });
    let address = create(&mut simulator, "/addresses", body);
    let body = validation_body(US_MOBILE_REQUIREMENT, Some(&identity), Some(&address));
    let (_, document) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(messages(&document), ["area is required for Address"]);
    let body = validation_body(US_LOCAL_REQUIREMENT, Some(&identity), Some(&address));
    let (_, document) = post(&mut simulator, "/emergency_requirement_validations", body);
    assert_eq!(
        messages(&document),
        [
            "Address must be linked to a City in United States",
            "State/Province/Region is required for Address"
        ]
    );
}
