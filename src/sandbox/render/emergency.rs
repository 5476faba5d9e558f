//! Views of the emergency resources: requirements, verifications and calling services.

use serde_json::Value;

use super::View;
use crate::sandbox::clock::format_timestamp;
use crate::sandbox::store::{find, Store};

pub(super) fn requirement(store: &Store, id: &str) -> Option<View> {
    let requirement = find(&store.requirements, id)?;
    let list = |fields: &[String]| Value::from(fields.to_vec());
    let view = View::new("emergency_requirements", id)
        .attribute("identity_type", requirement.identity_type.as_str())
        .attribute(
            "address_area_level",
            requirement.address_area_level.as_str(),
        )
        .attribute(
            "personal_area_level",
            requirement.personal_area_level.clone(),
        )
        .attribute(
            "business_area_level",
            requirement.business_area_level.clone(),
        )
        .attribute(
            "address_mandatory_fields",
            list(&requirement.address_mandatory_fields),
        )
        .attribute(
            "personal_mandatory_fields",
            list(&requirement.personal_mandatory_fields),
        )
        .attribute(
            "business_mandatory_fields",
            list(&requirement.business_mandatory_fields),
        )
        .attribute(
            "estimate_setup_time",
            requirement.estimate_setup_time.as_str(),
        )
        .attribute(
            "requirement_restriction_message",
            requirement.restriction_message.clone(),
        )
        .has_one_shown("country", "countries", Some(&requirement.country_id))
        .has_one_shown(
            "did_group_type",
            "did_group_types",
            Some(&requirement.did_group_type_id),
        )
        .meta("setup_price", requirement.setup_price.clone())
        .meta("monthly_price", requirement.monthly_price.clone());
    Some(view)
}

pub(super) fn verification(store: &Store, id: &str) -> Option<View> {
    let verification = find(&store.verifications, id)?;
    let view = View::new("emergency_verifications", id)
        .attribute("reference", verification.reference.as_str())
        .attribute("status", verification.status.as_str())
        .attribute("reject_reasons", verification.reject_reasons.clone())
        .attribute("reject_comment", verification.reject_comment.clone())
        .attribute("callback_url", verification.callback_url.clone())
        .attribute("callback_method", verification.callback_method.clone())
        .attribute("created_at", format_timestamp(verification.created_at))
        .attribute(
            "external_reference_id",
            verification.external_reference_id.clone(),
        )
        .has_one("address", "addresses", Some(&verification.address_id))
        .has_one(
            "emergency_calling_service",
            "emergency_calling_services",
            Some(&verification.service_id),
        )
        .has_many("dids", "dids", verification.did_ids.clone());
    Some(view)
}

/// A calling service; `dids` are the ids of the DIDs attached to it, which the caller knows
/// from the DIDs' side of the relationship.
pub(super) fn service(store: &Store, id: &str, dids: Vec<String>) -> Option<View> {
    let service = find(&store.services, id)?;
    let requirement = find(&store.requirements, &service.requirement_id);
    let setup_price = requirement.map(|requirement| price_text(&requirement.setup_price));
    let monthly_price = requirement.map(|requirement| price_text(&requirement.monthly_price));
    let view = View::new("emergency_calling_services", id)
        .attribute("name", service.name.as_str())
        .attribute("reference", service.reference.as_str())
        .attribute("status", service.status.as_str())
        .attribute("activated_at", service.activated_at.map(format_timestamp))
        .attribute("canceled_at", service.canceled_at.map(format_timestamp))
        .attribute("renew_date", service.renew_date.clone())
        .attribute("created_at", format_timestamp(service.created_at))
        .has_one("country", "countries", Some(&service.country_id))
        .has_one(
            "did_group_type",
            "did_group_types",
            Some(&service.did_group_type_id),
        )
        .links_only("order")
        .has_one(
            "emergency_requirement",
            "emergency_requirements",
            Some(&service.requirement_id),
        )
        .has_one(
            "emergency_verification",
            "emergency_verifications",
            service.verification_id.as_deref(),
        )
        .has_many("dids", "dids", dids)
        .meta("setup_price", setup_price)
        .meta("monthly_price", monthly_price);
    Some(view)
}

/// A calling service states its prices as decimal strings ("0.00"), whatever shape the
/// requirement used.
fn price_text(value: &Value) -> Value {
    match value {
        Value::Number(number) => Value::from(format!("{:.2}", number.as_f64().unwrap_or(0.0))),
        other => other.clone(),
    }
}
