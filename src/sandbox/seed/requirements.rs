//! The emergency requirements of the guide account.
//!
//! Prices deliberately come in every JSON shape DIDWW has been seen to use: the number `0`,
//! decimal strings with one or two places, and `null`.

use serde_json::{json, Value};

use super::catalog::{generated_country_id, GENERATED_COUNTRIES};
use super::*;
use crate::sandbox::ids::stable_uuid;
use crate::sandbox::store::{Requirement, Store};

const US_LOCAL_MESSAGE: &str = "US Local DID emergency registration requirements:\r\n\r\n\
    1. First name, last name and a contact phone number.\r\n\
    2. The address must be in the same city as the DIDs (street, building number, postal \
    code, city and state).\r\n\r\n\
    Emergency calling stays disabled until the registration is approved.";

pub(super) fn requirements(store: &Store) -> Vec<Requirement> {
    let mut requirements = named();
    let types = [LOCAL, MOBILE, NATIONAL];
    let combinations = GENERATED_COUNTRIES
        .iter()
        .flat_map(|(iso, _, _)| types.iter().map(move |type_id| (*iso, *type_id)));
    for (index, (iso, type_id)) in combinations.enumerate() {
        if requirements.len() == REQUIREMENT_COUNT {
            break;
        }
        requirements.push(generated(index, iso, type_id, store));
    }
    requirements
}

fn named() -> Vec<Requirement> {
    let us_local = Requirement {
        personal_area_level: Some("country".to_owned()),
        business_area_level: Some("country".to_owned()),
        address_area_level: "city".to_owned(),
        address_mandatory_fields: texts(&["State/Province/Region"]),
        personal_mandatory_fields: texts(&["Birth Date", "Contact email"]),
        business_mandatory_fields: texts(&["Company ID", "Contact email"]),
        estimate_setup_time: "1-2 business days".to_owned(),
        restriction_message: Some(US_LOCAL_MESSAGE.to_owned()),
        ..base(
            US_LOCAL_REQUIREMENT,
            UNITED_STATES,
            LOCAL,
            json!("0.00"),
            json!("1.50"),
        )
    };
    let us_mobile = Requirement {
        address_area_level: "area".to_owned(),
        address_mandatory_fields: texts(&["area"]),
        estimate_setup_time: "3-5 business days".to_owned(),
        ..base(
            US_MOBILE_REQUIREMENT,
            UNITED_STATES,
            MOBILE,
            json!(0),
            json!("2.00"),
        )
    };
    let germany_local = Requirement {
        identity_type: "business".to_owned(),
        personal_area_level: None,
        business_area_level: Some("country".to_owned()),
        business_mandatory_fields: texts(&["Company ID", "VAT Number / TAX Code"]),
        restriction_message: Some(
            "Only companies registered in Germany can register German local numbers.".to_owned(),
        ),
        ..base(
            DE_LOCAL_REQUIREMENT,
            GERMANY,
            LOCAL,
            json!("0.0"),
            json!("1.20"),
        )
    };
    let germany_mobile = Requirement {
        identity_type: "personal".to_owned(),
        business_area_level: None,
        personal_mandatory_fields: texts(&["Birth Date", "Proof of ID"]),
        ..base(
            DE_MOBILE_REQUIREMENT,
            GERMANY,
            MOBILE,
            json!(0),
            json!("0.80"),
        )
    };
    let united_kingdom = Requirement {
        personal_mandatory_fields: texts(&["birth_date", "contact_email"]),
        business_mandatory_fields: texts(&["company_reg_number", "vat_id"]),
        estimate_setup_time: "3-5 business days".to_owned(),
        ..base(
            GB_LOCAL_REQUIREMENT,
            UNITED_KINGDOM,
            LOCAL,
            json!("0.50"),
            json!("1.00"),
        )
    };
    let france = Requirement {
        address_area_level: "world_wide".to_owned(),
        ..base(
            FR_TOLL_FREE_REQUIREMENT,
            FRANCE,
            TOLL_FREE,
            Value::Null,
            json!("3.00"),
        )
    };
    // A level this simulator (and today's client) does not know; checked like `country`.
    let netherlands = Requirement {
        address_area_level: "postal_district".to_owned(),
        ..base(
            NL_LOCAL_REQUIREMENT,
            NETHERLANDS,
            LOCAL,
            json!(0),
            json!("1.10"),
        )
    };
    let lithuania = Requirement {
        restriction_message: Some("Requirement restriction message".to_owned()),
        ..base(
            LT_LOCAL_REQUIREMENT,
            LITHUANIA,
            LOCAL,
            json!(0),
            json!("1.0"),
        )
    };
    let sweden = Requirement {
        restriction_message: Some("Requirement restriction message".to_owned()),
        ..base(SE_LOCAL_REQUIREMENT, SWEDEN, LOCAL, json!(0), json!("0.75"))
    };
    vec![
        lithuania,
        base(
            AR_LOCAL_REQUIREMENT,
            ARGENTINA,
            LOCAL,
            json!(0),
            json!("0.5"),
        ),
        sweden,
        us_local,
        us_mobile,
        germany_local,
        germany_mobile,
        united_kingdom,
        france,
        netherlands,
    ]
}

/// A plain requirement for a country that is only there to fill the list.
fn generated(index: usize, iso: &str, type_id: &str, store: &Store) -> Requirement {
    let type_name = crate::sandbox::store::find(&store.did_group_types, type_id)
        .map(|did_group_type| did_group_type.name.clone())
        .unwrap_or_default();
    let id = stable_uuid(&format!("requirement:{iso}:{type_name}"));
    let setup = [json!(0), json!("0.0"), Value::Null][index % 3].clone();
    let monthly = [json!("0.50"), json!("1.00"), json!("0.75"), json!("2.5")][index % 4].clone();
    let setup_times = ["3-5 business days", "7-14 days", "1-2 business days"];
    Requirement {
        estimate_setup_time: setup_times[index % 3].to_owned(),
        ..base(&id, &generated_country_id(iso), type_id, setup, monthly)
    }
}

/// The guide's shape: any identity from anywhere, an address in the country, nothing more.
fn base(id: &str, country_id: &str, type_id: &str, setup: Value, monthly: Value) -> Requirement {
    Requirement {
        id: id.to_owned(),
        country_id: country_id.to_owned(),
        did_group_type_id: type_id.to_owned(),
        identity_type: "any".to_owned(),
        address_area_level: "country".to_owned(),
        personal_area_level: Some("world_wide".to_owned()),
        business_area_level: Some("world_wide".to_owned()),
        address_mandatory_fields: Vec::new(),
        personal_mandatory_fields: Vec::new(),
        business_mandatory_fields: Vec::new(),
        estimate_setup_time: "7-14 days".to_owned(),
        restriction_message: None,
        setup_price: setup,
        monthly_price: monthly,
    }
}

fn texts(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}
