//! Addresses: creation rules, locality relationships and updates.

use didww_emergency::sandbox::seed::{
    GUIDE_ADDRESS, LITHUANIA, NEW_YORK_STATE, PORTING_IDENTITY, UNITED_STATES, US_PERSONAL_IDENTITY,
};
use serde_json::{json, Value};

use crate::support::{create, errors, get, ids, one, patch, post, simulator};

fn address(attributes: Value, identity: &str, country: &str) -> Value {
    json!({ "data": {
        "type": "addresses",
        "attributes": attributes,
        "relationships": {
            "identity": one("identities", identity),
            "country": one("countries", country),
        },
    }})
}

#[test]
fn an_address_keeps_its_postal_code_as_text_with_leading_zeros() {
    let mut simulator = simulator();
    let body = address(
        json!({ "address": "10 Example Street", "city_name": "Vilnius", "postal_code": "01100" }),
        PORTING_IDENTITY,
        LITHUANIA,
    );

    let id = create(&mut simulator, "/addresses", body);
    let (_, document) = get(&mut simulator, &format!("/addresses/{id}?include=identity"));

    assert_eq!(document["data"]["attributes"]["postal_code"], "01100");
    assert_eq!(document["data"]["attributes"]["verified"], false);
    assert_eq!(document["included"][0]["id"], PORTING_IDENTITY);
}

#[test]
fn address_rules_point_at_every_offending_field_and_relationship() {
    let mut simulator = simulator();

    let cases = [
        (
            address(json!({}), PORTING_IDENTITY, LITHUANIA),
            vec![
                "/data/attributes/address",
                "/data/attributes/city_name",
                "/data/attributes/postal_code",
            ],
        ),
        (
            address(
                json!({ "address": "a", "city_name": "b", "postal_code": 1100 }),
                PORTING_IDENTITY,
                LITHUANIA,
            ),
            vec!["/data/attributes/postal_code"],
        ),
        (
            address(
                json!({ "address": "a", "city_name": "b", "postal_code": "1" }),
                "nobody",
                "nowhere",
            ),
            vec![
                "/data/relationships/identity",
                "/data/relationships/country",
            ],
        ),
    ];
    for (body, expected) in cases {
        let (status, document) = post(&mut simulator, "/addresses", body.clone());
        assert_eq!(status, 422, "{body}");
        let pointers: Vec<String> = errors(&document)
            .into_iter()
            .map(|(_, pointer)| pointer)
            .collect();
        assert_eq!(pointers, expected, "{body}");
    }

    let mut area_elsewhere = address(
        json!({ "address": "a", "city_name": "Vilnius", "postal_code": "01100" }),
        PORTING_IDENTITY,
        LITHUANIA,
    );
    area_elsewhere["data"]["relationships"]["area"] = one("areas", NEW_YORK_STATE);
    let (_, document) = post(&mut simulator, "/addresses", area_elsewhere);
    assert_eq!(
        errors(&document),
        [(
            "area - is invalid".to_owned(),
            "/data/relationships/area".to_owned()
        )]
    );
}

#[test]
fn an_address_cannot_move_to_another_identity_or_country() {
    let mut simulator = simulator();
    let target = format!("/addresses/{GUIDE_ADDRESS}");

    let moved = json!({ "data": { "type": "addresses", "relationships": {
        "identity": one("identities", US_PERSONAL_IDENTITY),
        "country": one("countries", UNITED_STATES),
    } } });
    let (status, document) = patch(&mut simulator, &target, moved);
    assert_eq!(status, 422);
    assert_eq!(errors(&document).len(), 2);

    let renamed = json!({ "data": {
        "type": "addresses",
        "attributes": { "address": "21 Example Street" },
    }});
    let (status, document) = patch(&mut simulator, &target, renamed);
    assert_eq!(status, 200);
    assert_eq!(
        document["data"]["attributes"]["address"],
        "21 Example Street"
    );
    assert_eq!(document["data"]["attributes"]["postal_code"], "01100");
}

#[test]
fn the_guide_lists_addresses_by_identity_and_country() {
    let mut simulator = simulator();

    let target = format!(
        "/addresses?filter[identity.id]={PORTING_IDENTITY}\
         &filter[country.id]={LITHUANIA}&sort=postal_code"
    );
    let (_, document) = get(&mut simulator, &target);

    assert_eq!(ids(&document)[0], GUIDE_ADDRESS);
    assert_eq!(
        document["data"][0]["attributes"]["address"],
        "20 Example Street"
    );
    assert_eq!(document["meta"]["total_records"], 2);
}
