//! Identities: creation rules, updates, and bodies DIDWW refuses outright.

use didww_emergency::sandbox::seed::{
    GUIDE_ADDRESS, LITHUANIA, PORTING_IDENTITY, US_PERSONAL_IDENTITY,
};
use didww_emergency::wire::{ApiRequest, Method};
use serde_json::{json, Value};

use crate::support::{create, errors, first_code, get, one, patch, post, send, simulator, NOW};

fn personal_identity(attributes: Value) -> Value {
    let mut base = json!({
        "identity_type": "personal",
        "first_name": "Jane",
        "last_name": "Smith",
        "phone_number": "15551234567",
    });
    base.as_object_mut()
        .expect("an object")
        .extend(attributes.as_object().expect("an object").clone());
    json!({ "data": {
        "type": "identities",
        "attributes": base,
        "relationships": { "country": one("countries", LITHUANIA) },
    }})
}

#[test]
fn the_guide_personal_identity_is_created_unverified_with_every_attribute() {
    let mut simulator = simulator();
    let body = personal_identity(json!({
        "birth_date": "1990-01-01",
        "description": "Emergency registration identity",
        "contact_email": "jane.smith@example.com",
    }));

    let (status, document) = post(&mut simulator, "/identities?include=country", body);

    assert_eq!(status, 201);
    let attributes = &document["data"]["attributes"];
    assert_eq!(attributes["identity_type"], "personal");
    assert_eq!(attributes["birth_date"], "1990-01-01");
    assert_eq!(attributes["company_name"], Value::Null);
    assert_eq!(attributes["verified"], false);
    assert!(attributes["created_at"]
        .as_str()
        .is_some_and(|at| at.starts_with("2026-04-22T10:00:00")));
    assert_eq!(
        document["data"]["relationships"]["country"]["data"]["id"],
        LITHUANIA
    );
    assert_eq!(document["included"][0]["attributes"]["name"], "Lithuania");
}

#[test]
fn identity_rules_point_at_every_offending_field_at_once() {
    let mut simulator = simulator();

    let cases = [
        (
            json!({ "first_name": " ", "phone_number": "" }),
            vec!["first_name", "phone_number"],
        ),
        (
            json!({ "phone_number": "+1 555 123" }),
            vec!["phone_number"],
        ),
        (json!({ "birth_date": "01/02/1990" }), vec!["birth_date"]),
        (json!({ "birth_date": "1990-02-30" }), vec!["birth_date"]),
        (
            json!({ "contact_email": "jane-at-example" }),
            vec!["contact_email"],
        ),
        (
            json!({ "external_reference_id": "x".repeat(101) }),
            vec!["external_reference_id"],
        ),
        (json!({ "identity_type": "company" }), vec!["identity_type"]),
        (json!({ "identity_type": "business" }), vec!["company_name"]),
        (json!({ "first_name": 7 }), vec!["first_name"]),
    ];
    for (attributes, fields) in cases {
        let (status, document) = post(
            &mut simulator,
            "/identities",
            personal_identity(attributes.clone()),
        );
        assert_eq!(status, 422, "{attributes}");
        let pointers: Vec<String> = errors(&document)
            .into_iter()
            .map(|(_, pointer)| pointer)
            .collect();
        let expected: Vec<String> = fields
            .iter()
            .map(|field| format!("/data/attributes/{field}"))
            .collect();
        assert_eq!(pointers, expected, "{attributes}");
    }
    let (_, document) = post(
        &mut simulator,
        "/identities",
        personal_identity(json!({ "last_name": null })),
    );
    assert_eq!(
        errors(&document),
        [(
            "last_name - can't be blank".to_owned(),
            "/data/attributes/last_name".to_owned()
        )]
    );
}

#[test]
fn an_identity_needs_an_existing_country_and_a_business_needs_one_at_all() {
    let mut simulator = simulator();

    let mut unknown = personal_identity(json!({}));
    unknown["data"]["relationships"]["country"] = one("countries", "no-such-country");
    let (status, document) = post(&mut simulator, "/identities", unknown);
    assert_eq!(status, 422);
    assert_eq!(
        errors(&document),
        [(
            "country - is invalid".to_owned(),
            "/data/relationships/country".to_owned()
        )]
    );

    let mut business = personal_identity(
        json!({ "identity_type": "business", "company_name": "Example Services UAB" }),
    );
    business["data"]["relationships"] = json!({});
    let (_, document) = post(&mut simulator, "/identities", business);
    assert_eq!(errors(&document)[0].1, "/data/relationships/country");
}

#[test]
fn unknown_attributes_are_refused_as_params_not_allowed() {
    let mut simulator = simulator();

    let (status, document) = post(
        &mut simulator,
        "/identities",
        personal_identity(json!({ "nickname": "J" })),
    );

    assert_eq!(status, 400);
    assert_eq!(first_code(&document), "105");
    assert_eq!(document["errors"][0]["detail"], "nickname is not allowed.");
}

#[test]
fn a_birth_date_sent_as_a_date_time_is_stored_as_a_date() {
    let mut simulator = simulator();
    let body = personal_identity(json!({ "birth_date": "1990-05-17T00:00:00.000Z" }));

    let (_, document) = post(&mut simulator, "/identities", body);

    assert_eq!(document["data"]["attributes"]["birth_date"], "1990-05-17");
}

#[test]
fn unicode_text_is_kept_exactly_as_sent() {
    let mut simulator = simulator();
    let body = personal_identity(json!({
        "first_name": "Žydrūnė",
        "last_name": " O'Brien-Łukasiewicz ",
        "description": "日本語 · emoji 🚑",
    }));

    let id = create(&mut simulator, "/identities", body);
    let (_, document) = get(&mut simulator, &format!("/identities/{id}"));

    assert_eq!(document["data"]["attributes"]["first_name"], "Žydrūnė");
    assert_eq!(
        document["data"]["attributes"]["last_name"],
        " O'Brien-Łukasiewicz "
    );
    assert_eq!(
        document["data"]["attributes"]["description"],
        "日本語 · emoji 🚑"
    );
}

#[test]
fn an_identity_can_be_updated_but_never_change_its_type() {
    let mut simulator = simulator();
    let id = create(
        &mut simulator,
        "/identities",
        personal_identity(json!({ "description": "Front desk" })),
    );
    let target = format!("/identities/{id}");

    let change_type = json!({ "data": { "type": "identities", "id": id,
        "attributes": { "identity_type": "business" } } });
    let (status, document) = patch(&mut simulator, &target, change_type);
    assert_eq!(status, 422);
    assert_eq!(errors(&document)[0].1, "/data/attributes/identity_type");

    let add_field = json!({ "data": { "type": "identities", "id": id,
        "attributes": { "personal_tax_id": "123-45-6789", "description": null } } });
    let (status, document) = patch(&mut simulator, &target, add_field);
    assert_eq!(status, 200);
    assert_eq!(
        document["data"]["attributes"]["personal_tax_id"],
        "123-45-6789"
    );
    assert_eq!(document["data"]["attributes"]["description"], Value::Null);
    assert_eq!(document["data"]["attributes"]["first_name"], "Jane");

    let other_id =
        json!({ "data": { "type": "identities", "id": PORTING_IDENTITY, "attributes": {} } });
    let (status, _) = patch(&mut simulator, &target, other_id);
    assert_eq!(status, 400);
    let (status, _) = patch(
        &mut simulator,
        "/identities/missing",
        json!({ "data": { "type": "identities" } }),
    );
    assert_eq!(status, 404);
}

#[test]
fn a_patch_is_checked_like_a_create_and_keeps_unicode_exactly() {
    let mut simulator = simulator();
    let id = create(&mut simulator, "/identities", personal_identity(json!({})));
    let target = format!("/identities/{id}");

    let broken = json!({ "data": { "type": "identities", "id": id, "attributes": {
        "phone_number": "+370 5 203 2401",
        "contact_email": "not an email",
        "birth_date": "1990-02-30",
        "last_name": null,
    } } });
    let (status, document) = patch(&mut simulator, &target, broken);
    assert_eq!(status, 422);
    let pointers: Vec<String> = errors(&document)
        .into_iter()
        .map(|(_, pointer)| pointer)
        .collect();
    for name in ["last_name", "phone_number", "birth_date", "contact_email"] {
        assert!(
            pointers.contains(&format!("/data/attributes/{name}")),
            "{name} in {pointers:?}"
        );
    }
    let (_, unchanged) = get(&mut simulator, &target);
    assert_eq!(unchanged["data"]["attributes"]["last_name"], "Smith");

    let name = "Rene\u{301}e Müller-Straße 王";
    let fixed = json!({ "data": { "type": "identities", "id": id, "attributes": {
        "first_name": name,
        "birth_date": "1990-01-31T00:00:00.000Z",
    } } });
    let (status, document) = patch(&mut simulator, &target, fixed);
    assert_eq!(status, 200, "{document}");
    assert_eq!(document["data"]["attributes"]["first_name"], name);
    assert_eq!(document["data"]["attributes"]["birth_date"], "1990-01-31");
}

#[test]
fn a_verified_identity_cannot_be_changed() {
    let mut simulator = simulator();
    let target = format!("/identities/{US_PERSONAL_IDENTITY}");

    let add_field = json!({ "data": { "type": "identities", "id": US_PERSONAL_IDENTITY,
        "attributes": { "personal_tax_id": "123-45-6789" } } });
    let (status, document) = patch(&mut simulator, &target, add_field);

    assert_eq!(status, 422);
    assert_eq!(
        errors(&document),
        [(
            "Verified Identity cannot be changed".to_owned(),
            "/data".to_owned()
        )]
    );
    let (_, unchanged) = get(&mut simulator, &target);
    assert_eq!(
        unchanged["data"]["attributes"]["personal_tax_id"],
        Value::Null
    );
}

#[test]
fn bodies_that_are_not_a_single_json_api_resource_are_refused() {
    let mut simulator = simulator();

    let cases: [(Option<&str>, Option<&str>, u16, &str); 7] = [
        (None, None, 400, "400"),
        (Some("  "), None, 400, "400"),
        (Some("{\"data\": {"), None, 400, "400"),
        (Some("{\"meta\": {}}"), None, 400, "106"),
        (Some("{\"data\": []}"), None, 400, "400"),
        (
            Some("{\"data\": {\"type\": \"addresses\"}}"),
            None,
            400,
            "101",
        ),
        (
            Some("{\"data\": {\"type\": \"identities\"}}"),
            Some("application/json"),
            415,
            "415",
        ),
    ];
    for (body, content_type, status, code) in cases {
        let mut request = ApiRequest {
            body: body.map(str::to_owned),
            ..ApiRequest::get("/identities")
        };
        request.method = Method::Post;
        if let Some(content_type) = content_type {
            request
                .headers
                .push(("Content-Type".to_owned(), content_type.to_owned()));
        }
        let response = simulator.handle(&request, NOW);
        let document: Value = serde_json::from_str(&response.body).expect("a JSON:API error");
        assert_eq!(response.status, status, "{body:?}");
        assert_eq!(first_code(&document), code, "{body:?}");
    }
    let (status, _) = send(
        &mut simulator,
        Method::Patch,
        &format!("/addresses/{GUIDE_ADDRESS}"),
        None,
    );
    assert_eq!(status, 400);
}
