//! Routing: unknown paths and ids, wrong methods, path spellings and the API key.

use didww_emergency::wire::{ApiRequest, Method};
use serde_json::{json, Value};

use crate::support::{get, ids, send, simulator, NOW};

#[test]
fn unknown_paths_are_404_and_known_paths_with_the_wrong_method_are_405() {
    let mut simulator = simulator();

    let cases = [
        (Method::Get, "/numbers", 404),
        (Method::Get, "/dids/a/b/c", 404),
        (Method::Post, "/dids", 405),
        (Method::Delete, "/identities/x", 405),
        (Method::Get, "/emergency_requirement_validations", 405),
        (Method::Patch, "/emergency_calling_services/x", 405),
    ];
    for (method, target, expected) in cases {
        let (status, document) = send(&mut simulator, method, target, None);
        assert_eq!(status, expected, "{} {target}", method.as_str());
        assert_eq!(document["errors"][0]["status"], expected.to_string());
    }
}

#[test]
fn an_unknown_id_is_a_record_not_found_for_every_kind() {
    let mut simulator = simulator();

    for kind in [
        "dids",
        "emergency_requirements",
        "identities",
        "addresses",
        "emergency_verifications",
        "emergency_calling_services",
        "countries",
        "cities",
    ] {
        let (status, document) = get(&mut simulator, &format!("/{kind}/no-such-id"));
        assert_eq!(status, 404, "{kind}");
        assert_eq!(
            document,
            json!({ "errors": [{
                "title": "Record not found",
                "detail": "The record identified by no-such-id could not be found.",
                "code": "404",
                "status": "404",
            }]}),
            "{kind}"
        );
    }
}

#[test]
fn paths_are_accepted_with_the_v3_prefix_and_with_the_query_left_on_the_path() {
    let mut simulator = simulator();

    let (status, with_prefix) = get(&mut simulator, "/v3/emergency_requirements?page[size]=3");
    assert_eq!(status, 200);
    assert_eq!(ids(&with_prefix).len(), 3);

    let request = ApiRequest::get("/v3/emergency_requirements?page%5Bsize%5D=4");
    let response = simulator.handle(&request, NOW);
    let document: Value = serde_json::from_str(&response.body).expect("JSON");
    assert_eq!(ids(&document).len(), 4);
}

#[test]
fn a_required_api_key_must_match_exactly_whatever_the_header_case() {
    let mut simulator = simulator();
    simulator.set_required_api_key(Some("sandbox-key".to_owned()));

    let without = simulator.handle(&ApiRequest::get("/countries"), NOW);
    assert_eq!(without.status, 401);
    assert_eq!(
        serde_json::from_str::<Value>(&without.body).expect("JSON"),
        json!({ "errors": [{
            "title": "Unauthorized",
            "detail": "Authorization failed",
            "code": "401",
            "status": "401",
        }]})
    );

    let mut wrong = ApiRequest::get("/countries");
    wrong
        .headers
        .push(("Api-Key".to_owned(), "other".to_owned()));
    assert_eq!(simulator.handle(&wrong, NOW).status, 401);

    let mut right = ApiRequest::get("/countries");
    right
        .headers
        .push(("api-key".to_owned(), "sandbox-key".to_owned()));
    let response = simulator.handle(&right, NOW);
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-type"),
        Some("application/vnd.api+json")
    );
}
