//! Helpers shared by the simulator tests: requests in one line, answers as JSON.

use didww_emergency::sandbox::Simulator;
use didww_emergency::wire::{parse_query, split_target, ApiRequest, Method};
use serde_json::{json, Value};

/// 2026-04-22T10:00:00Z, the day after the guide's examples.
pub const NOW: u64 = 1_776_852_000_000;

/// Long enough for any pending verification to be reviewed.
pub const LATER: u64 = NOW + 60_000;

/// A fresh guide account.
pub fn simulator() -> Simulator {
    Simulator::with_guide_account()
}

/// Sends `method` to `target` (path and optional query) with an optional JSON body.
pub fn send(
    simulator: &mut Simulator,
    method: Method,
    target: &str,
    body: Option<Value>,
) -> (u16, Value) {
    send_at(simulator, method, target, body, NOW)
}

/// Like [`send`], at a given time.
pub fn send_at(
    simulator: &mut Simulator,
    method: Method,
    target: &str,
    body: Option<Value>,
    now: u64,
) -> (u16, Value) {
    let (path, query) = split_target(target);
    let request = ApiRequest {
        method,
        path: path.to_owned(),
        query: parse_query(query),
        headers: vec![(
            "Content-Type".to_owned(),
            "application/vnd.api+json".to_owned(),
        )],
        body: body.map(|body| body.to_string()),
    };
    let response = simulator.handle(&request, now);
    let json = if response.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&response.body).expect("the simulator always answers JSON")
    };
    (response.status, json)
}

pub fn get(simulator: &mut Simulator, target: &str) -> (u16, Value) {
    send(simulator, Method::Get, target, None)
}

pub fn post(simulator: &mut Simulator, target: &str, body: Value) -> (u16, Value) {
    send(simulator, Method::Post, target, Some(body))
}

pub fn patch(simulator: &mut Simulator, target: &str, body: Value) -> (u16, Value) {
    send(simulator, Method::Patch, target, Some(body))
}

/// `(detail, pointer)` of every error in a document.
pub fn errors(document: &Value) -> Vec<(String, String)> {
    let errors = document["errors"].as_array().expect("an error document");
    errors
        .iter()
        .map(|error| {
            let detail = error["detail"].as_str().unwrap_or_default().to_owned();
            let pointer = error["source"]["pointer"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            (detail, pointer)
        })
        .collect()
}

/// The `code` of the first error.
pub fn first_code(document: &Value) -> String {
    document["errors"][0]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The ids of the primary data of a collection.
pub fn ids(document: &Value) -> Vec<String> {
    let data = document["data"].as_array().expect("a collection");
    data.iter()
        .map(|resource| resource["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A to-one relationship object.
pub fn one(kind: &str, id: &str) -> Value {
    json!({ "data": { "type": kind, "id": id } })
}

/// A to-many relationship object.
pub fn many(kind: &str, ids: &[&str]) -> Value {
    let data: Vec<Value> = ids
        .iter()
        .map(|id| json!({ "type": kind, "id": id }))
        .collect();
    json!({ "data": data })
}

/// An emergency verification body for new-service mode.
pub fn verification_body(address: &str, dids: &[&str]) -> Value {
    json!({ "data": {
        "type": "emergency_verifications",
        "relationships": { "address": one("addresses", address), "dids": many("dids", dids) },
    }})
}

/// A requirement validation body; `None` leaves a relationship out.
pub fn validation_body(requirement: &str, identity: Option<&str>, address: Option<&str>) -> Value {
    let mut relationships =
        json!({ "emergency_requirement": one("emergency_requirements", requirement) });
    if let Some(identity) = identity {
        relationships["identity"] = one("identities", identity);
    }
    if let Some(address) = address {
        relationships["address"] = one("addresses", address);
    }
    json!({ "data": {
        "type": "emergency_requirement_validations",
        "relationships": relationships,
    }})
}

/// Creates a resource and returns its id, failing the test when creation fails.
pub fn create(simulator: &mut Simulator, target: &str, body: Value) -> String {
    let (status, document) = post(simulator, target, body);
    assert_eq!(status, 201, "creating at {target}: {document}");
    document["data"]["id"]
        .as_str()
        .expect("a created id")
        .to_owned()
}
