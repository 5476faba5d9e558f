//! The generated large account: its size, its mix of registration cases, and lists that stay
//! correct (paging, filters, number search) at ten thousand DIDs.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

use didww_emergency::sandbox::seed::{
    GENERATED_ADDRESS_COUNT, GENERATED_DID_COUNT, GENERATED_IDENTITY_COUNT, LOCAL, MOBILE,
    NETHERLANDS, UNITED_STATES,
};
use didww_emergency::sandbox::{Account, Simulator};
use didww_emergency::wire::ApiRequest;
use serde_json::Value;

use crate::support::{get, ids, post, simulator, verification_body};

/// Every DID of the large account, read once by paging through `/dids` 100 at a time, with
/// what each page said about the total.
struct Walk {
    dids: Vec<Value>,
    pages: usize,
    totals: BTreeSet<u64>,
}

/// Reading ten thousand DIDs takes a hundred requests; the tests share one reading.
fn walk() -> &'static Walk {
    static WALK: OnceLock<Walk> = OnceLock::new();
    WALK.get_or_init(|| {
        let mut simulator = Simulator::with_large_account();
        let mut walk = Walk {
            dids: Vec::new(),
            pages: 0,
            totals: BTreeSet::new(),
        };
        let mut target = "/dids?page[size]=100".to_owned();
        loop {
            let (status, page) = get(&mut simulator, &target);
            assert_eq!(status, 200, "{target}");
            walk.pages += 1;
            walk.totals
                .insert(page["meta"]["total_records"].as_u64().expect("a total"));
            walk.dids.extend(
                page["data"]
                    .as_array()
                    .expect("a collection")
                    .iter()
                    .cloned(),
            );
            match page["links"]["next"].as_str() {
                Some(next) => target = ApiRequest::from_link(next).path_and_query(),
                None => break walk,
            }
        }
    })
}

/// How many DIDs the guide account has, all of them and those with the emergency feature.
fn guide_totals() -> (u64, u64) {
    let mut guide = simulator();
    let (_, all) = get(&mut guide, "/dids?page[size]=1");
    let (_, emergency) = get(
        &mut guide,
        "/dids?page[size]=1&filter[did_group.features]=emergency",
    );
    (total(&all), total(&emergency))
}

fn total(document: &Value) -> u64 {
    document["meta"]["total_records"]
        .as_u64()
        .expect("a total_records")
}

fn related_id<'a>(resource: &'a Value, relationship: &str) -> Option<&'a str> {
    resource["relationships"][relationship]["data"]["id"].as_str()
}

/// The DID groups of the large account by id: country, DID group type, features and prefix.
fn groups(simulator: &mut Simulator) -> BTreeMap<String, (String, String, Value, String)> {
    let (_, document) = get(
        simulator,
        "/did_groups?page[size]=100&include=country,did_group_type",
    );
    assert!(
        document["links"]["next"].is_null(),
        "one page holds them all"
    );
    let data = document["data"].as_array().expect("a collection");
    data.iter()
        .map(|group| {
            let country = related_id(group, "country").expect("a country").to_owned();
            let kind = related_id(group, "did_group_type")
                .expect("a type")
                .to_owned();
            let features = group["attributes"]["features"].clone();
            let prefix = group["attributes"]["prefix"].as_str().unwrap_or_default();
            let id = group["id"].as_str().expect("an id").to_owned();
            (id, (country, kind, features, prefix.to_owned()))
        })
        .collect()
}

#[test]
fn the_account_names_parse_and_the_simulator_remembers_its_account() {
    assert_eq!(Account::parse("guide"), Some(Account::Guide));
    assert_eq!(Account::parse("large"), Some(Account::Large));
    assert_eq!(Account::parse("huge"), None);
    assert_eq!(Account::Large.as_str(), "large");
    assert_eq!(Account::default(), Account::Guide);
    assert_eq!(Simulator::default().account(), Account::Guide);
    assert_eq!(
        Simulator::with_account(Account::Large).account(),
        Account::Large
    );
}

#[test]
fn the_large_account_adds_ten_thousand_emergency_capable_dids_to_the_guides() {
    let (guide_all, guide_emergency) = guide_totals();
    let mut large = Simulator::with_large_account();

    let (_, all) = get(&mut large, "/dids?page[size]=1");
    let (_, emergency) = get(
        &mut large,
        "/dids?page[size]=1&filter[did_group.features]=emergency",
    );

    assert_eq!(GENERATED_DID_COUNT, 10_000);
    assert_eq!(total(&all), guide_all + 10_000);
    assert_eq!(total(&emergency), guide_emergency + 10_000);

    // Emergency-capable also means priced: a requirement exists for each DID's country and
    // DID group type, except for the guide's one DID kept without a requirement.
    let (_, requirements) = get(&mut large, "/emergency_requirements?page[size]=100");
    let priced: HashSet<(&str, &str)> = requirements["data"]
        .as_array()
        .expect("a collection")
        .iter()
        .map(|requirement| {
            let country = related_id(requirement, "country").expect("a country");
            let kind = related_id(requirement, "did_group_type").expect("a type");
            (country, kind)
        })
        .collect();
    let groups = groups(&mut large);
    let unpriced = walk()
        .dids
        .iter()
        .filter(|did| {
            let group = &groups[related_id(did, "did_group").expect("a group")];
            let emergency = group
                .2
                .as_array()
                .is_some_and(|features| features.iter().any(|feature| feature == "emergency"));
            emergency && !priced.contains(&(group.0.as_str(), group.1.as_str()))
        })
        .count();
    assert_eq!(unpriced, 1);
}

#[test]
fn paging_by_one_hundred_visits_every_did_exactly_once_with_the_right_total() {
    let (guide_all, _) = guide_totals();
    let walk = walk();
    let expected = guide_all + GENERATED_DID_COUNT as u64;

    assert_eq!(walk.totals, BTreeSet::from([expected]));
    assert_eq!(walk.dids.len() as u64, expected);
    assert_eq!(walk.pages as u64, expected.div_ceil(100));
    let unique: HashSet<&str> = walk
        .dids
        .iter()
        .map(|did| did["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(unique.len(), walk.dids.len());
}

#[test]
fn the_four_registration_cases_all_occur_and_most_dids_are_free() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for did in &walk().dids {
        let case = match (
            related_id(did, "emergency_calling_service"),
            related_id(did, "identity"),
            related_id(did, "address_verification"),
        ) {
            (Some(_), _, _) => "in a calling service",
            (None, Some(_), Some(_)) => "locked to an identity",
            (None, Some(_), None) => "porting",
            (None, None, _) => "free",
        };
        *counts.entry(case).or_default() += 1;
    }

    assert_eq!(counts.len(), 4, "{counts:?}");
    let total: usize = counts.values().sum();
    assert!(counts["free"] * 2 > total, "{counts:?}");
    for case in ["in a calling service", "locked to an identity", "porting"] {
        assert!(counts[case] * 20 > total, "{case} is rare: {counts:?}");
    }
    let enabled = walk()
        .dids
        .iter()
        .filter(|did| did["attributes"]["emergency_enabled"] == true)
        .count();
    assert!(enabled > 0 && enabled < counts["in a calling service"]);
}

#[test]
fn numbers_are_unique_digits_that_start_with_their_country_and_area_code() {
    let mut large = Simulator::with_large_account();
    let groups = groups(&mut large);
    let (_, countries) = get(&mut large, "/countries");
    let calling_codes: BTreeMap<&str, &str> = countries["data"]
        .as_array()
        .expect("a collection")
        .iter()
        .map(|country| {
            let id = country["id"].as_str().expect("an id");
            (
                id,
                country["attributes"]["prefix"].as_str().unwrap_or_default(),
            )
        })
        .collect();

    let mut seen = HashSet::new();
    for did in &walk().dids {
        let number = did["attributes"]["number"].as_str().expect("a number");
        let (country, _, _, prefix) = &groups[related_id(did, "did_group").expect("a group")];
        let start = format!("{}{prefix}", calling_codes[country.as_str()]);
        assert!(number.bytes().all(|byte| byte.is_ascii_digit()), "{number}");
        assert!((11..=13).contains(&number.len()), "{number}");
        assert!(
            number.starts_with(&start),
            "{number} should start with {start}"
        );
        assert!(seen.insert(number), "{number} is used twice");
    }
}

#[test]
fn a_number_from_page_forty_or_the_last_page_is_found_with_one_request() {
    let mut large = Simulator::with_large_account();
    let (_, page_forty) = get(&mut large, "/dids?page[size]=100&page[number]=40");
    let last_link = page_forty["links"]["last"].as_str().expect("a last link");
    let (_, last_page) = get(
        &mut large,
        &ApiRequest::from_link(last_link).path_and_query(),
    );

    for did in [&page_forty["data"][57], &last_page["data"][0]] {
        let id = did["id"].as_str().expect("a DID");
        let number = did["attributes"]["number"].as_str().expect("a number");

        let (status, found) = get(&mut large, &format!("/dids?filter[number]={number}"));
        assert_eq!(status, 200);
        assert_eq!(ids(&found), [id]);

        // The last digits alone find it too, among the few numbers that share them.
        let tail = &number[number.len() - 7..];
        let (_, by_tail) = get(&mut large, &format!("/dids?filter[number]={tail}"));
        assert!(ids(&by_tail).contains(&id.to_owned()), "{tail}");
        assert!(total(&by_tail) < 10, "{tail} matched {}", total(&by_tail));
    }
}

#[test]
fn country_and_did_group_type_filters_keep_exactly_the_matching_dids() {
    let mut large = Simulator::with_large_account();
    let groups = groups(&mut large);
    let expected = |country: &str, kind: Option<&str>| {
        walk()
            .dids
            .iter()
            .filter(|did| {
                let group = &groups[related_id(did, "did_group").expect("a group")];
                group.0 == country && kind.is_none_or(|kind| group.1 == kind)
            })
            .count() as u64
    };

    let by_country = format!("/dids?page[size]=100&filter[country.id]={UNITED_STATES}");
    let (_, united_states) = get(&mut large, &by_country);
    let (_, us_mobile) = get(
        &mut large,
        &format!("{by_country}&filter[did_group_type.id]={MOBILE}&include=did_group"),
    );

    assert_eq!(total(&united_states), expected(UNITED_STATES, None));
    assert_eq!(total(&us_mobile), expected(UNITED_STATES, Some(MOBILE)));
    assert!(total(&us_mobile) > 100 && total(&us_mobile) < total(&united_states));
    for did in us_mobile["data"].as_array().expect("a collection") {
        let group = &groups[related_id(did, "did_group").expect("a group")];
        assert_eq!(
            (group.0.as_str(), group.1.as_str()),
            (UNITED_STATES, MOBILE)
        );
    }
}

#[test]
fn the_large_account_has_its_generated_customers_across_countries_and_types() {
    let mut guide = simulator();
    let mut large = Simulator::with_large_account();
    let count = |simulator: &mut Simulator, kind: &str| {
        let (_, document) = get(simulator, &format!("/{kind}?page[size]=1"));
        total(&document)
    };

    assert_eq!(
        count(&mut large, "identities"),
        count(&mut guide, "identities") + GENERATED_IDENTITY_COUNT as u64
    );
    assert_eq!(
        count(&mut large, "addresses"),
        count(&mut guide, "addresses") + GENERATED_ADDRESS_COUNT as u64
    );
    let mut countries = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for page in 1..=4 {
        let (_, identities) = get(
            &mut large,
            &format!("/identities?page[size]=100&page[number]={page}&include=country"),
        );
        for identity in identities["data"].as_array().expect("a collection") {
            countries.insert(
                related_id(identity, "country")
                    .unwrap_or_default()
                    .to_owned(),
            );
            kinds.insert(identity["attributes"]["identity_type"].to_string());
        }
    }
    assert!(countries.len() >= 10, "{countries:?}");
    assert_eq!(kinds.len(), 2);
}

#[test]
fn building_the_large_account_twice_gives_the_same_records() {
    let mut first = Simulator::with_large_account();
    let mut second = Simulator::with_large_account();

    for target in [
        "/dids?page[size]=100&page[number]=77&include=identity",
        "/addresses?page[size]=100&page[number]=3",
        "/emergency_calling_services?page[size]=100&include=dids",
    ] {
        assert_eq!(
            get(&mut first, target),
            get(&mut second, target),
            "{target}"
        );
    }
}

#[test]
fn a_free_generated_did_registers_with_an_address_in_its_country() {
    let mut large = Simulator::with_large_account();
    let (_, free) = get(
        &mut large,
        &format!(
            "/dids?filter[country.id]={NETHERLANDS}&filter[did_group_type.id]={LOCAL}\
             &filter[emergency_enabled]=false&page[size]=100"
        ),
    );
    let did = free["data"]
        .as_array()
        .expect("a collection")
        .iter()
        .find(|did| {
            related_id(did, "identity").is_none()
                && related_id(did, "emergency_calling_service").is_none()
        })
        .expect("a free Dutch DID");
    let (_, addresses) = get(
        &mut large,
        &format!("/addresses?filter[country.id]={NETHERLANDS}"),
    );
    let address = addresses["data"][0]["id"]
        .as_str()
        .expect("a Dutch address");

    let did_id = did["id"].as_str().expect("an id");
    let (status, document) = post(
        &mut large,
        "/emergency_verifications",
        verification_body(address, &[did_id]),
    );

    assert_eq!(status, 201, "{document}");
}
