//! Validating identity and address against a requirement, and submitting verifications.

use super::{decode_list, decode_single, ApiError, Client};
use crate::jsonapi::{Document, Identifier, RelationshipData, Resource};
use crate::model::{CallbackMethod, EmergencyCallingService, EmergencyVerification, FromResource};
use crate::wire::ApiRequest;

/// An emergency verification about to be submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVerification {
    /// The address (its identity is implied).
    pub address_id: String,
    /// The DIDs to register (new-service mode).
    pub did_ids: Vec<String>,
    /// The existing calling service to verify again, after a rejection (existing-service
    /// mode). DIDWW refuses a body with both this and DIDs, so the DIDs are then left out.
    pub calling_service_id: Option<String>,
    /// Where DIDWW reports the outcome, with its method.
    pub callback: Option<(String, CallbackMethod)>,
    /// The attempt's own reference, used to find it again after a lost answer.
    pub external_reference_id: String,
}

impl NewVerification {
    /// The JSON:API body for `POST /emergency_verifications`.
    pub fn to_body(&self) -> String {
        let mut resource = Resource::new("emergency_verifications", "")
            .with_attribute("external_reference_id", self.external_reference_id.as_str());
        if let Some((url, method)) = &self.callback {
            resource = resource
                .with_attribute("callback_url", url.as_str())
                .with_attribute("callback_method", method.as_str());
        }
        resource = resource.with_relationship(
            "address",
            RelationshipData::one("addresses", &self.address_id),
        );
        resource = match &self.calling_service_id {
            Some(service_id) => resource.with_relationship(
                "emergency_calling_service",
                RelationshipData::one("emergency_calling_services", service_id),
            ),
            None => {
                let dids = self
                    .did_ids
                    .iter()
                    .map(|id| Identifier::new("dids", id))
                    .collect();
                resource.with_relationship("dids", RelationshipData::Many(dids))
            }
        };
        Document::single(resource).to_json()
    }
}

/// Asks DIDWW whether the identity and address satisfy the requirement.
///
/// Success only means the data is acceptable; nothing is stored or verified by it.
pub async fn validate_requirement(
    client: &Client,
    requirement_id: &str,
    identity_id: &str,
    address_id: &str,
) -> Result<(), ApiError> {
    let resource = Resource::new("emergency_requirement_validations", "")
        .with_relationship(
            "emergency_requirement",
            RelationshipData::one("emergency_requirements", requirement_id),
        )
        .with_relationship("identity", RelationshipData::one("identities", identity_id))
        .with_relationship("address", RelationshipData::one("addresses", address_id));
    let request = ApiRequest::post(
        "/emergency_requirement_validations",
        Document::single(resource).to_json(),
    );
    client.document(request).await.map(|_| ())
}

/// Submits a verification; DIDWW creates its calling service.
pub async fn create_verification(
    client: &Client,
    verification: &NewVerification,
) -> Result<EmergencyVerification, ApiError> {
    let request = ApiRequest::post("/emergency_verifications", verification.to_body());
    decode_single(&client.document(request).await?, 201)
}

/// One verification and, in the same request, the calling service it created (included by
/// DIDWW; `None` until there is one), so that following a registration costs one request.
pub async fn get_verification_with_service(
    client: &Client,
    id: &str,
) -> Result<(EmergencyVerification, Option<EmergencyCallingService>), ApiError> {
    let request = ApiRequest::get(format!("/emergency_verifications/{id}"))
        .param("include", "emergency_calling_service,dids");
    let document = client.document(request).await?;
    let verification: EmergencyVerification = decode_single(&document, 200)?;
    let service = document
        .primary()
        .first()
        .and_then(|resource| document.follow(resource, "emergency_calling_service"))
        .map(|service| EmergencyCallingService::from_resource(service, &document))
        .transpose()
        .map_err(|error| ApiError::from_decode(200, error))?;
    Ok((verification, service))
}

/// One verification with its service and DIDs.
pub async fn get_verification(
    client: &Client,
    id: &str,
) -> Result<EmergencyVerification, ApiError> {
    let request = ApiRequest::get(format!("/emergency_verifications/{id}"))
        .param("include", "emergency_calling_service,dids");
    decode_single(&client.document(request).await?, 200)
}

/// The verification created by the attempt `external_reference_id`, if any was.
pub async fn find_verification_by_reference(
    client: &Client,
    external_reference_id: &str,
) -> Result<Option<EmergencyVerification>, ApiError> {
    let request = ApiRequest::get("/emergency_verifications")
        .param("filter[external_reference_id]", external_reference_id);
    Ok(decode_list(&client.document(request).await?)?
        .into_iter()
        .next())
}

/// The account's verifications, newest first, all pages.
pub async fn list_verifications(client: &Client) -> Result<Vec<EmergencyVerification>, ApiError> {
    let request = ApiRequest::get("/emergency_verifications").param("sort", "-created_at");
    decode_list(&client.all_pages(request).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verification(calling_service_id: Option<&str>) -> NewVerification {
        NewVerification {
            address_id: "address-1".to_owned(),
            did_ids: vec!["did-1".to_owned()],
            calling_service_id: calling_service_id.map(str::to_owned),
            callback: None,
            external_reference_id: "attempt-1".to_owned(),
        }
    }

    #[test]
    fn a_new_service_sends_the_dids_and_no_service() {
        let body: serde_json::Value =
            serde_json::from_str(&verification(None).to_body()).expect("valid JSON");
        let relationships = &body["data"]["relationships"];

        assert_eq!(relationships["dids"]["data"][0]["id"], "did-1");
        assert!(relationships.get("emergency_calling_service").is_none());
    }

    #[test]
    fn a_resubmission_names_the_service_and_leaves_the_dids_out() {
        let body: serde_json::Value =
            serde_json::from_str(&verification(Some("service-1")).to_body()).expect("valid JSON");
        let relationships = &body["data"]["relationships"];

        assert_eq!(
            relationships["emergency_calling_service"]["data"]["id"],
            "service-1"
        );
        assert!(relationships.get("dids").is_none());
        assert_eq!(relationships["address"]["data"]["id"], "address-1");
    }
}
