//! Identities: the customer records an emergency registration is made for.

use super::{decode_list, decode_single, ApiError, Client};
use crate::jsonapi::{Document, RelationshipData, Resource};
use crate::model::{Identity, IdentityType};
use crate::wire::ApiRequest;

/// An identity about to be created: its type, the attributes typed, and its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIdentity {
    /// Personal or business.
    pub identity_type: IdentityType,
    /// Attribute name and value pairs, already cleaned (blank ones left out).
    pub attributes: Vec<(String, String)>,
    /// Country id, when chosen.
    pub country_id: Option<String>,
}

impl NewIdentity {
    /// The JSON:API body for `POST /identities`.
    pub fn to_body(&self) -> String {
        let mut resource = Resource::new("identities", "")
            .with_attribute("identity_type", self.identity_type.as_str());
        for (name, value) in &self.attributes {
            resource = resource.with_attribute(name, value.as_str());
        }
        if let Some(country_id) = &self.country_id {
            resource = resource
                .with_relationship("country", RelationshipData::one("countries", country_id));
        }
        Document::single(resource).to_json()
    }
}

/// The changes to send for an identity: only what differs from the stored record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdentityUpdate {
    /// The identity's id.
    pub id: String,
    /// Changed attributes: a new value, or `None` to clear an optional one.
    pub attributes: Vec<(String, Option<String>)>,
    /// A new country id, when it changed.
    pub country_id: Option<String>,
}

impl IdentityUpdate {
    /// True when nothing differs, so no request is needed.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.country_id.is_none()
    }

    /// The JSON:API body for `PATCH /identities/{id}`; `identity_type` is never sent because
    /// DIDWW does not let it change.
    pub fn to_body(&self) -> String {
        let mut resource = Resource::new("identities", &self.id);
        for (name, value) in &self.attributes {
            resource = resource.with_attribute(name, value.as_deref());
        }
        if let Some(country_id) = &self.country_id {
            resource = resource
                .with_relationship("country", RelationshipData::one("countries", country_id));
        }
        Document::single(resource).to_json()
    }
}

/// Identities of the account, optionally of one type and country, all pages.
pub async fn list_identities(
    client: &Client,
    identity_type: Option<&IdentityType>,
    country_id: Option<&str>,
) -> Result<Vec<Identity>, ApiError> {
    // Relationship data is only sent for included relationships, and the country is needed to
    // check a requirement's country scope.
    let mut request = ApiRequest::get("/identities")
        .param("include", "country")
        .param("sort", "-created_at");
    if let Some(identity_type) = identity_type {
        request = request.param("filter[identity_type]", identity_type.as_str());
    }
    if let Some(country_id) = country_id {
        request = request.param("filter[country.id]", country_id);
    }
    let document = client.all_pages(request).await?;
    decode_list(&document)
}

/// One identity by id.
pub async fn get_identity(client: &Client, id: &str) -> Result<Identity, ApiError> {
    let request = ApiRequest::get(format!("/identities/{id}")).param("include", "country");
    let document = client.document(request).await?;
    decode_single(&document, 200)
}

/// Creates an identity.
pub async fn create_identity(
    client: &Client,
    identity: &NewIdentity,
) -> Result<Identity, ApiError> {
    let request = ApiRequest::post("/identities", identity.to_body()).param("include", "country");
    let document = client.document(request).await?;
    decode_single(&document, 201)
}

/// Sends the changed attributes of an identity and returns it as DIDWW now holds it.
pub async fn update_identity(
    client: &Client,
    update: &IdentityUpdate,
) -> Result<Identity, ApiError> {
    let path = format!("/identities/{}", update.id);
    let request = ApiRequest::patch(path, update.to_body()).param("include", "country");
    let document = client.document(request).await?;
    decode_single(&document, 200)
}
