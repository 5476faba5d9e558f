//! Views of the reference data: countries, DID group types, areas, cities, DID groups and the
//! address verifications that lock DIDs to an identity.

use serde_json::Value;

use super::View;
use crate::sandbox::store::{find, Store};

pub(super) fn country(store: &Store, id: &str) -> Option<View> {
    let country = find(&store.countries, id)?;
    let view = View::new("countries", id)
        .attribute("name", country.name.as_str())
        .attribute("prefix", country.prefix.as_str())
        .attribute("iso", country.iso.as_str());
    Some(view.links_only("regions"))
}

pub(super) fn did_group_type(store: &Store, id: &str) -> Option<View> {
    let did_group_type = find(&store.did_group_types, id)?;
    Some(View::new("did_group_types", id).attribute("name", did_group_type.name.as_str()))
}

pub(super) fn area(store: &Store, id: &str) -> Option<View> {
    let area = find(&store.areas, id)?;
    let view = View::new("areas", id).attribute("name", area.name.as_str());
    Some(view.has_one("country", "countries", Some(&area.country_id)))
}

pub(super) fn city(store: &Store, id: &str) -> Option<View> {
    let city = find(&store.cities, id)?;
    let view = View::new("cities", id)
        .attribute("name", city.name.as_str())
        .has_one("country", "countries", Some(&city.country_id))
        .links_only("region")
        .has_one("area", "areas", city.area_id.as_deref());
    Some(view)
}

pub(super) fn did_group(store: &Store, id: &str) -> Option<View> {
    let group = find(&store.did_groups, id)?;
    let features: Vec<Value> = group
        .features
        .iter()
        .map(|f| Value::from(f.as_str()))
        .collect();
    let view = View::new("did_groups", id)
        .attribute("prefix", group.prefix.as_str())
        .attribute("features", features)
        .attribute("is_metered", false)
        .attribute("area_name", group.area_name.as_str())
        .attribute("allow_additional_channels", true)
        .attribute("service_restrictions", Value::Null)
        .has_one("country", "countries", Some(&group.country_id))
        .has_one("city", "cities", group.city_id.as_deref())
        .has_one(
            "did_group_type",
            "did_group_types",
            Some(&group.did_group_type_id),
        )
        .links_only("region")
        .links_only("stock_keeping_units")
        .links_only("address_requirement")
        .meta("available_dids_enabled", true)
        .meta("needs_registration", true)
        .meta("is_available", true)
        .meta("total_count", 254);
    Some(view)
}

pub(super) fn address_verification(store: &Store, id: &str) -> Option<View> {
    let verification = find(&store.address_verifications, id)?;
    let view = View::new("address_verifications", id)
        .attribute("status", verification.status.as_str())
        .attribute("reference", verification.reference.as_str())
        .attribute("external_reference_id", Value::Null);
    Some(view)
}
