//! Reading back what a past registration chose, so a rejected one can be corrected from any
//! page, not only the one that submitted it.

use super::dids::DID_INCLUDES;
use super::{decode_list, decode_single, get_identity, requirement_for, ApiError, Client};
use crate::model::{
    Address, Did, EmergencyRequirement, EmergencyVerification, FromResource, Identity,
};
use crate::wire::ApiRequest;

/// The numbers, requirement, identity and address a verification was submitted with.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedChoices {
    /// The verification read back.
    pub verification: EmergencyVerification,
    /// Its numbers: those of its calling service, which keeps them after a rejection.
    pub dids: Vec<Did>,
    /// The requirement for the numbers' country and DID group type.
    pub requirement: EmergencyRequirement,
    /// The identity the address belongs to.
    pub identity: Identity,
    /// The address submitted.
    pub address: Address,
}

/// Why the choices of a past registration could not be read back.
#[derive(Debug, Clone, PartialEq)]
pub enum ResubmissionError {
    /// DIDWW did not answer, or refused.
    Api(ApiError),
    /// Something the registration used is gone or was never recorded; the words say what.
    Missing(&'static str),
}

impl ResubmissionError {
    /// A plain-words explanation for the page.
    pub fn message(&self) -> String {
        match self {
            Self::Api(error) => error.message(),
            Self::Missing(what) => format!(
                "{what} Start a new registration for these numbers instead, or contact your \
                 DIDWW account manager."
            ),
        }
    }
}

impl From<ApiError> for ResubmissionError {
    fn from(error: ApiError) -> Self {
        Self::Api(error)
    }
}

/// Reads back verification `verification_id` with its address and the address's identity
/// (one request, through `include`), its numbers with their groups, and their requirement.
pub async fn load_submitted_choices(
    client: &Client,
    verification_id: &str,
) -> Result<SubmittedChoices, ResubmissionError> {
    let request = ApiRequest::get(format!("/emergency_verifications/{verification_id}")).param(
        "include",
        "address,address.identity,emergency_calling_service",
    );
    let document = client.document(request).await?;
    let verification: EmergencyVerification = decode_single(&document, 200)?;

    let address_resource = document
        .primary()
        .first()
        .and_then(|resource| document.follow(resource, "address"))
        .ok_or(ResubmissionError::Missing(
            "The address of this registration can no longer be found.",
        ))?;
    let address = Address::from_resource(address_resource, &document)
        .map_err(|error| ApiError::from_decode(200, error))?;
    let included_identity = document
        .follow(address_resource, "identity")
        .map(|resource| Identity::from_resource(resource, &document))
        .transpose()
        .map_err(|error| ApiError::from_decode(200, error))?;
    let identity = match (included_identity, address.identity_id.as_deref()) {
        (Some(identity), _) => identity,
        // A server that ignores the nested include still names the identity.
        (None, Some(identity_id)) => get_identity(client, identity_id).await?,
        (None, None) => {
            return Err(ResubmissionError::Missing(
                "The identity of this registration can no longer be found.",
            ))
        }
    };

    let dids = submitted_dids(client, &verification).await?;
    let first = dids.first().ok_or(ResubmissionError::Missing(
        "The numbers of this registration can no longer be found.",
    ))?;
    let (Some(country), Some(group_type)) = (&first.country, &first.group_type) else {
        return Err(ResubmissionError::Missing(
            "The country or type of these numbers is no longer known.",
        ));
    };
    let requirement = requirement_for(client, &country.id, &group_type.id)
        .await?
        .ok_or(ResubmissionError::Missing(
            "Emergency calling is no longer offered for these numbers.",
        ))?;

    Ok(SubmittedChoices {
        verification,
        dids,
        requirement,
        identity,
        address,
    })
}

/// The numbers of a verification, with the groups that say their country and type.
///
/// The calling service holds the numbers for good (a correction names only the service), so
/// its numbers are asked for first; a verification without one names its own.
async fn submitted_dids(
    client: &Client,
    verification: &EmergencyVerification,
) -> Result<Vec<Did>, ApiError> {
    let (filter, value) = match &verification.calling_service_id {
        Some(service_id) => ("filter[emergency_calling_service.id]", service_id.as_str()),
        None => (
            "filter[emergency_verification.id]",
            verification.id.as_str(),
        ),
    };
    let request = ApiRequest::get("/dids")
        .param("include", DID_INCLUDES)
        .param(filter, value)
        .param("sort", "number");
    let document = client.all_pages(request).await?;
    decode_list(&document)
}
