//! Reference data of the guide account: countries, DID group types, areas, cities and groups.

use super::{
    CALIFORNIA, FRANCE, GERMANY, LITHUANIA, LOCAL, LOS_ANGELES, MOBILE, NATIONAL, NETHERLANDS,
    NEW_YORK_CITY, NEW_YORK_STATE, TOLL_FREE, UNITED_KINGDOM, UNITED_STATES, VILNIUS,
    VILNIUS_GROUP,
};
use crate::sandbox::ids::stable_uuid;
use crate::sandbox::store::{Area, City, Country, DidGroup, DidGroupType};

/// Countries that only carry generated requirements: ISO code, name, calling prefix.
pub(super) const GENERATED_COUNTRIES: &[(&str, &str, &str)] = &[
    ("AT", "Austria", "43"),
    ("BE", "Belgium", "32"),
    ("BR", "Brazil", "55"),
    ("CA", "Canada", "1"),
    ("CL", "Chile", "56"),
    ("CZ", "Czech Republic", "420"),
    ("DK", "Denmark", "45"),
    ("EE", "Estonia", "372"),
    ("FI", "Finland", "358"),
    ("IE", "Ireland", "353"),
    ("IL", "Israel", "972"),
    ("IT", "Italy", "39"),
    ("LV", "Latvia", "371"),
    ("MX", "Mexico", "52"),
    ("NO", "Norway", "47"),
    ("PL", "Poland", "48"),
    ("PT", "Portugal", "351"),
    ("ES", "Spain", "34"),
    ("CH", "Switzerland", "41"),
];

/// The id of a country that only carries generated requirements.
pub(super) fn generated_country_id(iso: &str) -> String {
    stable_uuid(&format!("country:{iso}"))
}

/// The id of a seeded DID group, by its short key.
pub(super) fn group_id(key: &str) -> String {
    match key {
        "vilnius" => VILNIUS_GROUP.to_owned(),
        other => stable_uuid(&format!("did-group:{other}")),
    }
}

/// The id of a seeded city, by its short key.
pub(super) fn city_id(key: &str) -> String {
    match key {
        "new-york" => NEW_YORK_CITY.to_owned(),
        "los-angeles" => LOS_ANGELES.to_owned(),
        "vilnius" => VILNIUS.to_owned(),
        other => stable_uuid(&format!("city:{other}")),
    }
}

pub(super) fn countries() -> Vec<Country> {
    let named = [
        (LITHUANIA, "LT", "Lithuania", "370"),
        (super::ARGENTINA, "AR", "Argentina", "54"),
        (super::SWEDEN, "SE", "Sweden", "46"),
        (UNITED_STATES, "US", "United States", "1"),
        (GERMANY, "DE", "Germany", "49"),
        (UNITED_KINGDOM, "GB", "United Kingdom", "44"),
        (FRANCE, "FR", "France", "33"),
        (NETHERLANDS, "NL", "Netherlands", "31"),
    ];
    let named = named
        .iter()
        .map(|(id, iso, name, prefix)| country(id, iso, name, prefix));
    let generated = GENERATED_COUNTRIES
        .iter()
        .map(|(iso, name, prefix)| country(&generated_country_id(iso), iso, name, prefix));
    named.chain(generated).collect()
}

pub(super) fn did_group_types() -> Vec<DidGroupType> {
    let named = [
        (LOCAL, "Local"),
        (MOBILE, "Mobile"),
        (NATIONAL, "National"),
        (TOLL_FREE, "Toll-free"),
    ];
    let shared_cost = stable_uuid("did-group-type:shared-cost");
    let global = stable_uuid("did-group-type:global");
    named
        .iter()
        .map(|(id, name)| (id.to_string(), *name))
        .chain([(shared_cost, "Shared Cost"), (global, "Global")])
        .map(|(id, name)| DidGroupType {
            id,
            name: name.to_owned(),
        })
        .collect()
}

pub(super) fn areas() -> Vec<Area> {
    [(NEW_YORK_STATE, "New York"), (CALIFORNIA, "California")]
        .iter()
        .map(|(id, name)| Area {
            id: id.to_string(),
            name: name.to_string(),
            country_id: UNITED_STATES.to_owned(),
        })
        .collect()
}

pub(super) fn cities() -> Vec<City> {
    #[rustfmt::skip]
    let rows = [
        // City, country, area.
        ("new-york", "New York", UNITED_STATES, Some(NEW_YORK_STATE)),
        ("los-angeles", "Los Angeles", UNITED_STATES, Some(CALIFORNIA)),
        ("vilnius", "Vilnius", LITHUANIA, None),
        ("kaunas", "Kaunas", LITHUANIA, None),
        ("london", "London", UNITED_KINGDOM, None),
        ("berlin", "Berlin", GERMANY, None),
        ("amsterdam", "Amsterdam", NETHERLANDS, None),
    ];
    rows.into_iter()
        .map(|(key, name, country_id, area_id)| City {
            id: city_id(key),
            name: name.to_owned(),
            country_id: country_id.to_owned(),
            area_id: area_id.map(str::to_owned),
        })
        .collect()
}

pub(super) fn did_groups() -> Vec<DidGroup> {
    const EMERGENCY: &[&str] = &["voice_in", "voice_out", "emergency"];
    const MOBILE_EMERGENCY: &[&str] = &["voice_in", "voice_out", "sms_in", "emergency"];
    const VOICE_ONLY: &[&str] = &["voice_in", "voice_out"];

    #[rustfmt::skip]
    let rows = [
        // Group, prefix, area name, features, country, type, city.
        ("vilnius", "5", "Vilnius", EMERGENCY, LITHUANIA, LOCAL, Some("vilnius")),
        ("kaunas", "37", "Kaunas", VOICE_ONLY, LITHUANIA, LOCAL, Some("kaunas")),
        ("lt-mobile", "6", "Mobile", MOBILE_EMERGENCY, LITHUANIA, MOBILE, None),
        ("new-york", "212", "New York", EMERGENCY, UNITED_STATES, LOCAL, Some("new-york")),
        ("los-angeles", "310", "Los Angeles", EMERGENCY, UNITED_STATES, LOCAL, Some("los-angeles")),
        ("us-mobile", "347", "New York", MOBILE_EMERGENCY, UNITED_STATES, MOBILE, Some("new-york")),
        ("london", "20", "London", EMERGENCY, UNITED_KINGDOM, LOCAL, Some("london")),
        ("berlin", "30", "Berlin", EMERGENCY, GERMANY, LOCAL, Some("berlin")),
        ("de-mobile", "151", "Mobile", MOBILE_EMERGENCY, GERMANY, MOBILE, None),
        ("fr-toll-free", "800", "Toll-free", EMERGENCY, FRANCE, TOLL_FREE, None),
        ("amsterdam", "20", "Amsterdam", EMERGENCY, NETHERLANDS, LOCAL, Some("amsterdam")),
    ];
    rows.into_iter()
        .map(
            |(key, prefix, area_name, features, country_id, type_id, city)| DidGroup {
                id: group_id(key),
                prefix: prefix.to_owned(),
                area_name: area_name.to_owned(),
                features: features.iter().map(|feature| feature.to_string()).collect(),
                country_id: country_id.to_owned(),
                did_group_type_id: type_id.to_owned(),
                city_id: city.map(city_id),
            },
        )
        .collect()
}

fn country(id: &str, iso: &str, name: &str, prefix: &str) -> Country {
    Country {
        id: id.to_owned(),
        name: name.to_owned(),
        prefix: prefix.to_owned(),
        iso: iso.to_owned(),
    }
}
