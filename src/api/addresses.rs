//! Addresses of an identity.

use super::{decode_list, decode_single, ApiError, Client};
use crate::jsonapi::{Document, RelationshipData, Resource};
use crate::model::Address;
use crate::wire::ApiRequest;

/// An address about to be created for an identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAddress {
    /// Owning identity id.
    pub identity_id: String,
    /// Country id.
    pub country_id: String,
    /// Area (region) id, when the requirement needs one.
    pub area_id: Option<String>,
    /// City id, when known.
    pub city_id: Option<String>,
    /// Attribute name and value pairs, already cleaned (blank ones left out).
    pub attributes: Vec<(String, String)>,
}

impl NewAddress {
    /// The JSON:API body for `POST /addresses`.
    pub fn to_body(&self) -> String {
        let mut resource = Resource::new("addresses", "");
        for (name, value) in &self.attributes {
            resource = resource.with_attribute(name, value.as_str());
        }
        resource = resource
            .with_relationship(
                "identity",
                RelationshipData::one("identities", &self.identity_id),
            )
            .with_relationship(
                "country",
                RelationshipData::one("countries", &self.country_id),
            );
        if let Some(area_id) = &self.area_id {
            resource = resource.with_relationship("area", RelationshipData::one("areas", area_id));
        }
        if let Some(city_id) = &self.city_id {
            resource = resource.with_relationship("city", RelationshipData::one("cities", city_id));
        }
        Document::single(resource).to_json()
    }
}

/// The changes to send for an address: only what differs from the stored record. Its
/// identity and country cannot change, so they are never sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddressUpdate {
    /// The address's id.
    pub id: String,
    /// Changed attributes: a new value, or `None` to clear an optional one.
    pub attributes: Vec<(String, Option<String>)>,
    /// A new area id, when it changed.
    pub area_id: Option<String>,
    /// A new city id, when it changed.
    pub city_id: Option<String>,
}

impl AddressUpdate {
    /// True when nothing differs, so no request is needed.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.area_id.is_none() && self.city_id.is_none()
    }

    /// The JSON:API body for `PATCH /addresses/{id}`.
    pub fn to_body(&self) -> String {
        let mut resource = Resource::new("addresses", &self.id);
        for (name, value) in &self.attributes {
            resource = resource.with_attribute(name, value.as_deref());
        }
        if let Some(area_id) = &self.area_id {
            resource = resource.with_relationship("area", RelationshipData::one("areas", area_id));
        }
        if let Some(city_id) = &self.city_id {
            resource = resource.with_relationship("city", RelationshipData::one("cities", city_id));
        }
        Document::single(resource).to_json()
    }
}

/// Addresses of `identity_id`, optionally in one country, all pages.
pub async fn list_addresses(
    client: &Client,
    identity_id: &str,
    country_id: Option<&str>,
) -> Result<Vec<Address>, ApiError> {
    // Area and city data are only sent for included relationships, and the requirement's
    // area or city level is checked against them.
    let mut request = ApiRequest::get("/addresses")
        .param("filter[identity.id]", identity_id)
        .param("include", "area,city")
        .param("sort", "-created_at");
    if let Some(country_id) = country_id {
        request = request.param("filter[country.id]", country_id);
    }
    let document = client.all_pages(request).await?;
    decode_list(&document)
}

/// Creates an address.
pub async fn create_address(client: &Client, address: &NewAddress) -> Result<Address, ApiError> {
    let request = ApiRequest::post("/addresses", address.to_body()).param("include", "area,city");
    let document = client.document(request).await?;
    decode_single(&document, 201)
}

/// Sends the changed attributes of an address and returns it as DIDWW now holds it.
pub async fn update_address(client: &Client, update: &AddressUpdate) -> Result<Address, ApiError> {
    let path = format!("/addresses/{}", update.id);
    let request = ApiRequest::patch(path, update.to_body()).param("include", "area,city");
    let document = client.document(request).await?;
    decode_single(&document, 200)
}
