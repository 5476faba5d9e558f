//! `GET /dids`: the guide's three registration cases, and the filters the first step relies on.

use didww_emergency::sandbox::seed::{
    ACTIVE_SERVICE, ADDRESS_VERIFICATION, CLEAN_DID, LITHUANIA, LOCAL, LOCKED_DID, LOCKED_IDENTITY,
    MOBILE, NO_FEATURE_DID, PORTING_DID, PORTING_IDENTITY, UNITED_STATES, US_ACTIVE_DID,
    US_CHANGES_REQUIRED_DID, US_MOBILE_DID, US_NEW_YORK_DID,
};
use serde_json::{json, Value};

use crate::support::{first_code, get, ids, simulator};

const GUIDE_QUERY: &str = "include=did_group.country%2Cdid_group.did_group_type%2C\
    emergency_calling_service%2Cidentity%2Caddress_verification\
    &filter%5Bdid_group.features%5D=emergency&filter%5Bemergency_enabled%5D=false";

fn find<'a>(document: &'a Value, kind: &str, id: &str) -> &'a Value {
    let included = document["included"].as_array().expect("included resources");
    included
        .iter()
        .find(|resource| resource["type"] == kind && resource["id"] == id)
        .unwrap_or_else(|| panic!("{kind} {id} is included"))
}

#[test]
fn the_guide_dids_show_their_registration_case_through_their_relationships() {
    let mut simulator = simulator();
    let (status, document) = get(
        &mut simulator,
        &format!("/dids?{GUIDE_QUERY}&filter[number]=370520324"),
    );
    assert_eq!(status, 200);

    // DID, identity, address verification: the clean, locked and porting cases.
    let cases = [
        (CLEAN_DID, "37052032401", None, None),
        (
            LOCKED_DID,
            "37052032400",
            Some(LOCKED_IDENTITY),
            Some(ADDRESS_VERIFICATION),
        ),
        (PORTING_DID, "37052032403", Some(PORTING_IDENTITY), None),
    ];
    for (id, number, identity, verification) in cases {
        let did = document["data"]
            .as_array()
            .expect("a collection")
            .iter()
            .find(|did| did["id"] == id)
            .unwrap_or_else(|| panic!("{id} is listed"));
        let relationships = &did["relationships"];
        assert_eq!(did["attributes"]["number"], number);
        assert_eq!(did["attributes"]["emergency_enabled"], false);
        assert_eq!(
            relationships["emergency_calling_service"]["data"],
            Value::Null,
            "{id}"
        );
        assert_eq!(
            relationships["identity"]["data"]["id"].as_str(),
            identity,
            "{id}"
        );
        assert_eq!(
            relationships["address_verification"]["data"]["id"].as_str(),
            verification
        );
        assert!(relationships["identity"]["links"]["related"].is_string());
        assert!(relationships["emergency_verification"]
            .get("data")
            .is_none());
    }

    let group = find(
        &document,
        "did_groups",
        "8c76122b-402d-4217-880a-4050ee884acb",
    );
    assert_eq!(
        group["attributes"]["features"],
        json!(["voice_in", "voice_out", "emergency"])
    );
    assert_eq!(group["relationships"]["country"]["data"]["id"], LITHUANIA);
    assert_eq!(
        group["relationships"]["did_group_type"]["data"]["id"],
        LOCAL
    );
    assert!(
        group["relationships"]["city"].get("data").is_none(),
        "not included, no data"
    );
    assert_eq!(
        find(&document, "countries", LITHUANIA)["attributes"]["iso"],
        "LT"
    );
    assert_eq!(
        find(&document, "address_verifications", ADDRESS_VERIFICATION)["attributes"]["status"],
        "approved"
    );
    let locked_identity = find(&document, "identities", LOCKED_IDENTITY);
    assert_eq!(locked_identity["attributes"]["identity_type"], "business");
    assert_eq!(
        find(&document, "identities", PORTING_IDENTITY)["attributes"]["company_name"],
        "Example Company Ltd"
    );
}

#[test]
fn the_emergency_feature_filter_leaves_out_groups_without_it() {
    let mut simulator = simulator();

    let (_, all) = get(&mut simulator, "/dids?page[size]=100");
    let (_, emergency) = get(
        &mut simulator,
        "/dids?filter[did_group.features]=emergency&page[size]=100",
    );

    assert!(ids(&all).contains(&NO_FEATURE_DID.to_owned()));
    assert!(!ids(&emergency).contains(&NO_FEATURE_DID.to_owned()));
    assert_eq!(ids(&all).len(), ids(&emergency).len() + 1);
}

#[test]
fn emergency_enabled_false_still_lists_dids_that_already_sit_in_a_service() {
    let mut simulator = simulator();

    let (_, disabled) = get(
        &mut simulator,
        "/dids?filter[emergency_enabled]=false&page[size]=100",
    );
    let (_, enabled) = get(&mut simulator, "/dids?filter[emergency_enabled]=true");

    assert_eq!(ids(&enabled), [US_ACTIVE_DID]);
    assert!(ids(&disabled).contains(&US_CHANGES_REQUIRED_DID.to_owned()));
    let did = &document_item(&disabled, US_CHANGES_REQUIRED_DID)["relationships"];
    assert!(did["emergency_calling_service"]["data"]["id"].is_string());
}

fn document_item<'a>(document: &'a Value, id: &str) -> &'a Value {
    document["data"]
        .as_array()
        .expect("a collection")
        .iter()
        .find(|item| item["id"] == id)
        .expect("listed")
}

#[test]
fn dids_filter_by_country_type_id_number_prefix_and_service() {
    let mut simulator = simulator();

    let cases = [
        (
            format!("/dids?filter[country.id]={UNITED_STATES}&filter[did_group_type.id]={MOBILE}"),
            vec![US_MOBILE_DID],
        ),
        (
            format!(
                "/dids?filter[did_group.did_group_type.id]={MOBILE}\
                 &filter[country.id]={UNITED_STATES}"
            ),
            vec![US_MOBILE_DID],
        ),
        (
            format!("/dids?filter[id]={CLEAN_DID},{LOCKED_DID}&sort=number"),
            vec![LOCKED_DID, CLEAN_DID],
        ),
        (
            "/dids?filter[number]=12125550100".to_owned(),
            vec![US_NEW_YORK_DID],
        ),
        (
            format!("/dids?filter[emergency_calling_service.id]={ACTIVE_SERVICE}"),
            vec![US_ACTIVE_DID],
        ),
        (
            "/dids?filter[number]=3705203240&sort=-created_at".to_owned(),
            vec![CLEAN_DID, PORTING_DID, LOCKED_DID],
        ),
    ];
    for (target, expected) in cases {
        let (status, document) = get(&mut simulator, &target);
        assert_eq!(status, 200, "{target}");
        assert_eq!(ids(&document), expected, "{target}");
    }
}

#[test]
fn a_us_did_can_include_its_city_and_the_area_behind_it() {
    let mut simulator = simulator();

    let target = format!("/dids/{US_NEW_YORK_DID}?include=did_group.city.area");
    let (status, document) = get(&mut simulator, &target);

    assert_eq!(status, 200);
    let kinds: Vec<&str> = document["included"]
        .as_array()
        .expect("included")
        .iter()
        .map(|resource| resource["type"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(kinds, ["did_groups", "cities", "areas"]);
    assert_eq!(document["included"][1]["attributes"]["name"], "New York");
    assert_eq!(document["included"][2]["attributes"]["name"], "New York");
}

#[test]
fn a_boolean_filter_with_a_list_or_a_word_is_an_invalid_filter_value() {
    let mut simulator = simulator();

    for value in ["yes", "true,false"] {
        let (status, document) = get(
            &mut simulator,
            &format!("/dids?filter[emergency_enabled]={value}"),
        );
        assert_eq!(status, 400, "{value}");
        assert_eq!(first_code(&document), "107", "{value}");
    }
}
