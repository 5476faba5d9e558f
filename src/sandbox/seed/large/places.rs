//! Where the large account's numbers and customers are: cities with their regulatory areas
//! and postal code ranges, and one numbering plan per DID group.
//!
//! The tables hold only what makes the data plausible (area codes, subscriber number lengths,
//! postal code ranges); every number and postal code is drawn from them at build time.

use crate::sandbox::seed::{CALIFORNIA, LOCAL, MOBILE, NEW_YORK_STATE, TOLL_FREE};

/// Postal codes of a city: a numeric range, or the outward codes of the British and Canadian
/// systems.
#[derive(Debug, Clone, Copy)]
pub(super) enum Postal {
    /// Codes in `low..high`, written in the country's [`PostalFormat`].
    Range(u32, u32),
    /// One of these outward codes, followed by a random inward part.
    Outward(&'static [&'static str]),
}

/// A city the large account has numbers or customers in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    /// The city's key; the guide's cities keep their ids.
    pub key: &'static str,
    pub name: &'static str,
    pub iso: &'static str,
    /// The regulatory area (a US state), by key.
    pub area: Option<&'static str>,
    pub postal: Postal,
}

/// A DID group of the large account.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    /// The group's key; the guide's groups keep their ids.
    pub group: &'static str,
    pub iso: &'static str,
    pub type_id: &'static str,
    pub city: Option<&'static str>,
    pub area_name: &'static str,
    pub numbering: Numbering,
    /// The group's share of the generated DIDs, relative to the other plans.
    pub weight: usize,
}

/// How a group's numbers are built: the country calling code, `prefix` (the area code), then
/// `digits` subscriber digits drawn from `subscribers`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numbering {
    pub prefix: &'static str,
    pub subscribers: (u64, u64),
    pub digits: usize,
}

/// The US states the large account's US cities are in: key and name.
pub(super) const AREAS: &[(&str, &str)] = &[
    ("new-york-state", "New York"),
    ("california", "California"),
    ("illinois", "Illinois"),
    ("texas", "Texas"),
    ("florida", "Florida"),
    ("washington", "Washington"),
    ("massachusetts", "Massachusetts"),
    ("colorado", "Colorado"),
];

const LONDON: &[&str] = &[
    "EC1A", "EC2V", "N1", "NW1", "SE1", "SW1A", "SW6", "W1D", "WC2H",
];
const MANCHESTER: &[&str] = &["M1", "M2", "M4", "M14", "M20"];
const BIRMINGHAM: &[&str] = &["B1", "B2", "B5", "B15"];
const EDINBURGH: &[&str] = &["EH1", "EH2", "EH3", "EH8"];
const GLASGOW: &[&str] = &["G1", "G2", "G3", "G12"];
const TORONTO: &[&str] = &["M5V", "M5H", "M4C", "M6G", "M4Y"];
const VANCOUVER: &[&str] = &["V6B", "V6E", "V5K", "V5T"];

/// Every city of the large account.
#[rustfmt::skip]
pub(super) const PLACES: &[Place] = &[
    city("new-york", "New York", "US", Some("new-york-state"), Postal::Range(10001, 10283)),
    city("los-angeles", "Los Angeles", "US", Some("california"), Postal::Range(90001, 90090)),
    city("chicago", "Chicago", "US", Some("illinois"), Postal::Range(60601, 60662)),
    city("houston", "Houston", "US", Some("texas"), Postal::Range(77002, 77100)),
    city("miami", "Miami", "US", Some("florida"), Postal::Range(33125, 33200)),
    city("seattle", "Seattle", "US", Some("washington"), Postal::Range(98101, 98200)),
    city("boston", "Boston", "US", Some("massachusetts"), Postal::Range(2108, 2138)),
    city("san-francisco", "San Francisco", "US", Some("california"), Postal::Range(94102, 94135)),
    city("denver", "Denver", "US", Some("colorado"), Postal::Range(80202, 80240)),
    city("london", "London", "GB", None, Postal::Outward(LONDON)),
    city("manchester", "Manchester", "GB", None, Postal::Outward(MANCHESTER)),
    city("birmingham", "Birmingham", "GB", None, Postal::Outward(BIRMINGHAM)),
    city("edinburgh", "Edinburgh", "GB", None, Postal::Outward(EDINBURGH)),
    city("glasgow", "Glasgow", "GB", None, Postal::Outward(GLASGOW)),
    city("berlin", "Berlin", "DE", None, Postal::Range(10115, 14200)),
    city("hamburg", "Hamburg", "DE", None, Postal::Range(20095, 22770)),
    city("munich", "München", "DE", None, Postal::Range(80331, 81930)),
    city("frankfurt", "Frankfurt am Main", "DE", None, Postal::Range(60306, 60600)),
    city("cologne", "Köln", "DE", None, Postal::Range(50667, 51150)),
    city("paris", "Paris", "FR", None, Postal::Range(75001, 75021)),
    city("lyon", "Lyon", "FR", None, Postal::Range(69001, 69010)),
    city("marseille", "Marseille", "FR", None, Postal::Range(13001, 13017)),
    city("amsterdam", "Amsterdam", "NL", None, Postal::Range(1011, 1110)),
    city("rotterdam", "Rotterdam", "NL", None, Postal::Range(3011, 3090)),
    city("the-hague", "Den Haag", "NL", None, Postal::Range(2511, 2600)),
    city("utrecht", "Utrecht", "NL", None, Postal::Range(3511, 3586)),
    city("vilnius", "Vilnius", "LT", None, Postal::Range(1001, 14192)),
    city("kaunas", "Kaunas", "LT", None, Postal::Range(44001, 52501)),
    city("klaipeda", "Klaipėda", "LT", None, Postal::Range(91001, 96001)),
    city("stockholm", "Stockholm", "SE", None, Postal::Range(11120, 11900)),
    city("gothenburg", "Göteborg", "SE", None, Postal::Range(41101, 41880)),
    city("madrid", "Madrid", "ES", None, Postal::Range(28001, 28056)),
    city("barcelona", "Barcelona", "ES", None, Postal::Range(8001, 8043)),
    city("rome", "Roma", "IT", None, Postal::Range(118, 200)),
    city("milan", "Milano", "IT", None, Postal::Range(20121, 20163)),
    city("toronto", "Toronto", "CA", None, Postal::Outward(TORONTO)),
    city("vancouver", "Vancouver", "CA", None, Postal::Outward(VANCOUVER)),
    city("warsaw", "Warszawa", "PL", None, Postal::Range(1, 5000)),
    city("krakow", "Kraków", "PL", None, Postal::Range(30001, 32000)),
];

/// Subscriber numbers of seven digits that do not start with 0 or 1, as NANP requires.
const NANP: (u64, u64) = (2_000_000, 10_000_000);
const EIGHT_DIGITS: (u64, u64) = (10_000_000, 100_000_000);
const SEVEN_DIGITS: (u64, u64) = (2_000_000, 10_000_000);
const STOCKHOLM_RANGE: (u64, u64) = (40_000_000, 80_000_000);
const GOTHENBURG_RANGE: (u64, u64) = (7_000_000, 8_000_000);

/// Every DID group of the large account. The weights put most numbers in the United States,
/// the United Kingdom and Germany, as a European carrier's wholesale customer might have them.
#[rustfmt::skip]
pub(super) const PLANS: &[Plan] = &[
    local("new-york", "US", "new-york", "New York", numbers("212", NANP, 7), 600),
    local("new-york-646", "US", "new-york", "New York", numbers("646", NANP, 7), 300),
    local("los-angeles", "US", "los-angeles", "Los Angeles", numbers("310", NANP, 7), 400),
    local("los-angeles-213", "US", "los-angeles", "Los Angeles", numbers("213", NANP, 7), 200),
    local("chicago", "US", "chicago", "Chicago", numbers("312", NANP, 7), 400),
    local("houston", "US", "houston", "Houston", numbers("713", NANP, 7), 300),
    local("miami", "US", "miami", "Miami", numbers("305", NANP, 7), 250),
    local("seattle", "US", "seattle", "Seattle", numbers("206", NANP, 7), 250),
    local("boston", "US", "boston", "Boston", numbers("617", NANP, 7), 250),
    local("san-francisco", "US", "san-francisco", "San Francisco", numbers("415", NANP, 7), 250),
    local("denver", "US", "denver", "Denver", numbers("303", NANP, 7), 200),
    mobile("us-mobile", "US", Some("new-york"), "New York", numbers("347", NANP, 7), 300),
    mobile("us-mobile-chicago", "US", Some("chicago"), "Chicago", numbers("872", NANP, 7), 200),
    mobile("us-mobile-houston", "US", Some("houston"), "Houston", numbers("832", NANP, 7), 150),
    local("london", "GB", "london", "London", numbers("20", (30_000_000, 90_000_000), 8), 700),
    local("manchester", "GB", "manchester", "Manchester", numbers("161", SEVEN_DIGITS, 7), 250),
    local("birmingham", "GB", "birmingham", "Birmingham", numbers("121", SEVEN_DIGITS, 7), 200),
    local("edinburgh", "GB", "edinburgh", "Edinburgh", numbers("131", SEVEN_DIGITS, 7), 150),
    local("glasgow", "GB", "glasgow", "Glasgow", numbers("141", SEVEN_DIGITS, 7), 150),
    local("berlin", "DE", "berlin", "Berlin", numbers("30", EIGHT_DIGITS, 8), 500),
    local("hamburg", "DE", "hamburg", "Hamburg", numbers("40", EIGHT_DIGITS, 8), 300),
    local("munich", "DE", "munich", "München", numbers("89", EIGHT_DIGITS, 8), 300),
    local("frankfurt", "DE", "frankfurt", "Frankfurt am Main", numbers("69", EIGHT_DIGITS, 8), 200),
    local("cologne", "DE", "cologne", "Köln", numbers("221", SEVEN_DIGITS, 7), 150),
    mobile("de-mobile", "DE", None, "Mobile", numbers("151", EIGHT_DIGITS, 8), 300),
    mobile("de-mobile-176", "DE", None, "Mobile", numbers("176", EIGHT_DIGITS, 8), 250),
    mobile("de-mobile-160", "DE", None, "Mobile", numbers("160", SEVEN_DIGITS, 7), 150),
    toll_free("fr-toll-free", "FR", "800", 300),
    toll_free("fr-toll-free-805", "FR", "805", 200),
    local("amsterdam", "NL", "amsterdam", "Amsterdam", numbers("20", SEVEN_DIGITS, 7), 300),
    local("rotterdam", "NL", "rotterdam", "Rotterdam", numbers("10", SEVEN_DIGITS, 7), 200),
    local("the-hague", "NL", "the-hague", "Den Haag", numbers("70", SEVEN_DIGITS, 7), 150),
    local("utrecht", "NL", "utrecht", "Utrecht", numbers("30", SEVEN_DIGITS, 7), 150),
    local("vilnius", "LT", "vilnius", "Vilnius", numbers("5", (2_000_000, 2_800_000), 7), 250),
    local("klaipeda", "LT", "klaipeda", "Klaipėda", numbers("46", (300_000, 500_000), 6), 100),
    local("stockholm", "SE", "stockholm", "Stockholm", numbers("8", STOCKHOLM_RANGE, 8), 200),
    local("gothenburg", "SE", "gothenburg", "Göteborg", numbers("31", GOTHENBURG_RANGE, 7), 100),
    local("madrid", "ES", "madrid", "Madrid", numbers("91", SEVEN_DIGITS, 7), 200),
    local("barcelona", "ES", "barcelona", "Barcelona", numbers("93", SEVEN_DIGITS, 7), 150),
    local("rome", "IT", "rome", "Roma", numbers("06", (40_000_000, 100_000_000), 8), 150),
    local("milan", "IT", "milan", "Milano", numbers("02", (40_000_000, 100_000_000), 8), 150),
    local("toronto", "CA", "toronto", "Toronto", numbers("416", NANP, 7), 150),
    local("vancouver", "CA", "vancouver", "Vancouver", numbers("604", NANP, 7), 100),
    mobile("pl-mobile-50", "PL", None, "Mobile", numbers("50", SEVEN_DIGITS, 7), 100),
    mobile("pl-mobile-60", "PL", None, "Mobile", numbers("60", SEVEN_DIGITS, 7), 100),
];

/// The id of a large-account area, keeping the guide's ids for the guide's states.
pub(super) fn area_id(key: &str) -> String {
    match key {
        "new-york-state" => NEW_YORK_STATE.to_owned(),
        "california" => CALIFORNIA.to_owned(),
        other => crate::sandbox::ids::stable_uuid(&format!("area:{other}")),
    }
}

/// The place with this key; every key in [`PLANS`] names one.
pub(super) fn place(key: &str) -> &'static Place {
    PLACES
        .iter()
        .find(|place| place.key == key)
        .expect("plans name known places")
}

const fn city(
    key: &'static str,
    name: &'static str,
    iso: &'static str,
    area: Option<&'static str>,
    postal: Postal,
) -> Place {
    Place {
        key,
        name,
        iso,
        area,
        postal,
    }
}

pub(super) const fn numbers(
    prefix: &'static str,
    subscribers: (u64, u64),
    digits: usize,
) -> Numbering {
    Numbering {
        prefix,
        subscribers,
        digits,
    }
}

const fn local(
    group: &'static str,
    iso: &'static str,
    city: &'static str,
    area_name: &'static str,
    numbering: Numbering,
    weight: usize,
) -> Plan {
    Plan {
        group,
        iso,
        type_id: LOCAL,
        city: Some(city),
        area_name,
        numbering,
        weight,
    }
}

const fn mobile(
    group: &'static str,
    iso: &'static str,
    city: Option<&'static str>,
    area_name: &'static str,
    numbering: Numbering,
    weight: usize,
) -> Plan {
    Plan {
        type_id: MOBILE,
        city,
        ..local(group, iso, "", area_name, numbering, weight)
    }
}

/// French toll-free numbers: `0800 xxx xxx` nationally.
const fn toll_free(
    group: &'static str,
    iso: &'static str,
    prefix: &'static str,
    weight: usize,
) -> Plan {
    Plan {
        type_id: TOLL_FREE,
        city: None,
        ..local(
            group,
            iso,
            "",
            "Toll-free",
            numbers(prefix, (100_000, 1_000_000), 6),
            weight,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_names_a_known_city_and_a_unique_group() {
        for plan in PLANS {
            if let Some(city) = plan.city {
                assert_eq!(place(city).iso, plan.iso, "{}", plan.group);
            }
            let same_group = PLANS
                .iter()
                .filter(|other| other.group == plan.group)
                .count();
            assert_eq!(same_group, 1, "{}", plan.group);
        }
    }
}
