//! Views of what the customer owns or entered: DIDs, identities and addresses.

use serde_json::Value;

use super::View;
use crate::sandbox::clock::format_timestamp;
use crate::sandbox::store::{find, Store, ADDRESS_TEXT_FIELDS, IDENTITY_TEXT_FIELDS};

pub(super) fn did(store: &Store, id: &str) -> Option<View> {
    let did = store.did(id)?;
    let view = View::new("dids", id)
        .attribute("blocked", false)
        .attribute("capacity_limit", Value::Null)
        .attribute("description", Value::Null)
        .attribute("terminated", false)
        .attribute("awaiting_registration", false)
        .attribute("created_at", format_timestamp(did.created_at))
        .attribute("billing_cycles_count", Value::Null)
        .attribute("number", did.number.as_str())
        .attribute("expires_at", format_timestamp(did.expires_at))
        .attribute("channels_included_count", 6)
        .attribute("dedicated_channels_count", 0)
        .attribute("emergency_enabled", did.emergency_enabled)
        // The guide's DIDs always carry data on these four, `null` when empty, because the
        // flow decides the registration scenario from them without asking for includes.
        .has_one_shown("did_group", "did_groups", Some(&did.did_group_id))
        .links_only("order")
        .links_only("capacity_pool")
        .links_only("shared_capacity_group")
        .has_one_shown(
            "address_verification",
            "address_verifications",
            did.address_verification_id.as_deref(),
        )
        .links_only("voice_in_trunk")
        .links_only("voice_in_trunk_group")
        .has_one_shown(
            "emergency_calling_service",
            "emergency_calling_services",
            did.emergency_calling_service_id.as_deref(),
        )
        .has_one(
            "emergency_verification",
            "emergency_verifications",
            did.emergency_verification_id.as_deref(),
        )
        .has_one_shown("identity", "identities", did.identity_id.as_deref());
    Some(view)
}

pub(super) fn identity(store: &Store, id: &str) -> Option<View> {
    let identity = find(&store.identities, id)?;
    let mut view = View::new("identities", id);
    for name in IDENTITY_TEXT_FIELDS {
        view = view.attribute(name, identity.text.get(*name).cloned());
    }
    let addresses: Vec<String> = store
        .addresses
        .iter()
        .filter(|address| address.identity_id == id)
        .map(|address| address.id.clone())
        .collect();
    let view = view
        .attribute("identity_type", identity.identity_type.as_str())
        .attribute("created_at", format_timestamp(identity.created_at))
        .attribute("verified", identity.verified)
        .has_one("country", "countries", identity.country_id.as_deref())
        .links_only("proofs")
        .has_many("addresses", "addresses", addresses)
        .links_only("permanent_documents")
        .has_one(
            "birth_country",
            "countries",
            identity.birth_country_id.as_deref(),
        );
    Some(view)
}

pub(super) fn address(store: &Store, id: &str) -> Option<View> {
    let address = find(&store.addresses, id)?;
    let mut view = View::new("addresses", id);
    for name in ADDRESS_TEXT_FIELDS {
        view = view.attribute(name, address.text.get(*name).cloned());
    }
    let view = view
        .attribute("created_at", format_timestamp(address.created_at))
        .attribute("verified", address.verified)
        .has_one("identity", "identities", Some(&address.identity_id))
        .has_one("country", "countries", Some(&address.country_id))
        .links_only("proofs")
        .has_one("area", "areas", address.area_id.as_deref())
        .has_one("city", "cities", address.city_id.as_deref());
    Some(view)
}
