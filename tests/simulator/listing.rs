//! Collections: pagination, links, filters, includes and the errors DIDWW gives for bad queries.

use didww_emergency::sandbox::seed::{
    CLEAN_DID, LITHUANIA, LOCAL, LT_LOCAL_REQUIREMENT, REQUIREMENT_COUNT, US_LOCAL_REQUIREMENT,
};
use didww_emergency::wire::ApiRequest;
use serde_json::{json, Value};

use crate::support::{first_code, get, ids, simulator};

#[test]
fn sixty_five_requirements_come_in_two_pages_of_fifty() {
    let mut simulator = simulator();

    let (status, first) = get(&mut simulator, "/emergency_requirements");
    assert_eq!(status, 200);
    assert_eq!(REQUIREMENT_COUNT, 65);
    assert_eq!(ids(&first).len(), 50);
    assert_eq!(first["meta"]["total_records"], 65);
    assert_eq!(first["meta"]["api_version"], "2026-04-16");
    assert!(first["links"]["prev"].is_null());
    let next = first["links"]["next"].as_str().expect("a next link");

    let (_, second) = get(
        &mut simulator,
        ApiRequest::from_link(next).path_and_query().as_str(),
    );
    assert_eq!(ids(&second).len(), 15);
    assert!(second["links"]["next"].is_null());
    assert!(second["links"]["prev"].is_string());
    let mut all = ids(&first);
    all.extend(ids(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 65, "the two pages do not overlap");
}

#[test]
fn a_page_size_of_one_hundred_returns_every_requirement_on_one_page() {
    let mut simulator = simulator();

    let (status, page) = get(&mut simulator, "/emergency_requirements?page[size]=100");

    assert_eq!(status, 200);
    assert_eq!(ids(&page).len(), 65);
    assert_eq!(page["links"]["first"], page["links"]["last"]);
    assert!(page["links"]["next"].is_null());
}

#[test]
fn page_values_outside_the_allowed_range_are_refused_with_code_118() {
    let mut simulator = simulator();

    for target in [
        "/emergency_requirements?page[size]=101",
        "/dids?page[size]=0",
        "/identities?page[number]=0",
        "/addresses?page[number]=two",
    ] {
        let (status, document) = get(&mut simulator, target);
        assert_eq!(status, 400, "{target}");
        assert_eq!(first_code(&document), "118", "{target}");
    }
    let (_, document) = get(&mut simulator, "/emergency_requirements?page[size]=101");
    let detail = document["errors"][0]["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("maximum page size of 100"), "{detail}");
}

#[test]
fn pagination_links_are_absolute_and_keep_every_other_query_parameter() {
    let mut simulator = simulator();

    let target =
        "/emergency_requirements?include=country,did_group_type&page[size]=20&page[number]=2";
    let (_, page) = get(&mut simulator, target);

    let base =
        "https://sandbox.didww.invalid/v3/emergency_requirements?include=country%2Cdid_group_type";
    let expected = |number: u32| format!("{base}&page%5Bnumber%5D={number}&page%5Bsize%5D=20");
    assert_eq!(page["links"]["first"], expected(1));
    assert_eq!(page["links"]["prev"], expected(1));
    assert_eq!(page["links"]["next"], expected(3));
    assert_eq!(page["links"]["last"], expected(4));
}

#[test]
fn a_page_past_the_end_is_empty_but_still_links_back() {
    let mut simulator = simulator();

    let (status, page) = get(&mut simulator, "/emergency_requirements?page[number]=9");

    assert_eq!(status, 200);
    assert!(ids(&page).is_empty());
    assert_eq!(page["meta"]["total_records"], 65);
    assert!(page["links"]["prev"]
        .as_str()
        .is_some_and(|link| link.contains("page%5Bnumber%5D=2")));
}

#[test]
fn countries_come_in_one_unpaginated_list() {
    let mut simulator = simulator();

    let (status, countries) = get(&mut simulator, "/countries?page[size]=5");

    assert_eq!(status, 200);
    assert!(ids(&countries).len() > 20);
    assert!(countries["links"].is_null());
    assert_eq!(countries["meta"]["total_records"], ids(&countries).len());
}

#[test]
fn the_guide_requirement_is_found_by_country_and_did_group_type() {
    let mut simulator = simulator();

    let target = format!(
        "/emergency_requirements?include=country,did_group_type\
         &filter[country.id]={LITHUANIA}&filter[did_group_type.id]={LOCAL}"
    );
    let (_, document) = get(&mut simulator, &target);

    assert_eq!(ids(&document), [LT_LOCAL_REQUIREMENT]);
    let requirement = &document["data"][0];
    assert_eq!(requirement["attributes"]["identity_type"], "any");
    assert_eq!(requirement["attributes"]["address_area_level"], "country");
    assert_eq!(
        requirement["attributes"]["personal_area_level"],
        "world_wide"
    );
    assert_eq!(
        requirement["attributes"]["address_mandatory_fields"],
        json!([])
    );
    assert_eq!(
        requirement["attributes"]["estimate_setup_time"],
        "7-14 days"
    );
    assert_eq!(
        requirement["meta"],
        json!({ "setup_price": 0, "monthly_price": "1.0" })
    );
    assert_eq!(
        requirement["relationships"]["country"]["data"]["id"],
        LITHUANIA
    );
    let included: Vec<&Value> = document["included"]
        .as_array()
        .expect("included")
        .iter()
        .collect();
    assert!(included
        .iter()
        .any(|resource| resource["attributes"]["name"] == "Lithuania"));
    assert!(included
        .iter()
        .any(|resource| resource["attributes"]["name"] == "Local"));
}

#[test]
fn requirement_prices_arrive_as_numbers_decimal_strings_and_nulls() {
    let mut simulator = simulator();

    let (_, document) = get(&mut simulator, "/emergency_requirements?page[size]=100");

    let prices: Vec<&Value> = document["data"]
        .as_array()
        .expect("a collection")
        .iter()
        .flat_map(|requirement| {
            [
                &requirement["meta"]["setup_price"],
                &requirement["meta"]["monthly_price"],
            ]
        })
        .collect();
    assert!(prices.iter().any(|price| price.is_number()));
    assert!(prices
        .iter()
        .any(|price| price.as_str().is_some_and(|text| text.contains('.'))));
    assert!(prices.iter().any(|price| price.is_null()));
}

#[test]
fn the_us_requirement_uses_labels_and_a_multi_line_restriction_message() {
    let mut simulator = simulator();

    let (_, document) = get(
        &mut simulator,
        &format!("/emergency_requirements/{US_LOCAL_REQUIREMENT}"),
    );

    let attributes = &document["data"]["attributes"];
    assert_eq!(
        attributes["personal_mandatory_fields"],
        json!(["Birth Date", "Contact email"])
    );
    assert_eq!(
        attributes["business_mandatory_fields"],
        json!(["Company ID", "Contact email"])
    );
    assert_eq!(
        attributes["address_mandatory_fields"],
        json!(["State/Province/Region"])
    );
    assert_eq!(attributes["address_area_level"], "city");
    let message = attributes["requirement_restriction_message"]
        .as_str()
        .expect("a message");
    assert!(message.contains("\r\n"));
}

#[test]
fn queries_an_endpoint_does_not_allow_are_refused_with_didww_codes() {
    let mut simulator = simulator();
    let show_with_filter = format!("/dids/{CLEAN_DID}?filter[id]=x");

    let cases = [
        ("/dids?filter[color]=red", "102"),
        ("/emergency_requirements?filter[name]=x", "102"),
        ("/identities?filter[phone]=1", "102"),
        ("/emergency_verifications?filter[address.id]=x", "102"),
        ("/dids?include=order", "112"),
        ("/emergency_requirements?sort=country.name", "114"),
        ("/dids?sort=color", "114"),
        ("/dids?colour=red", "105"),
        ("/dids?filter[emergency_enabled]=maybe", "107"),
        (show_with_filter.as_str(), "105"),
    ];
    for (target, code) in cases {
        let (status, document) = get(&mut simulator, target);
        assert_eq!(status, 400, "{target}");
        assert_eq!(first_code(&document), code, "{target}");
    }
    let (_, document) = get(&mut simulator, "/dids?filter[color]=red");
    assert_eq!(document["errors"][0]["title"], "Filter not allowed");
}
