//! Emergency calling services: what a verification creates and, once approved, activates.

use super::{decode_list, decode_single, ApiError, Client};
use crate::model::EmergencyCallingService;
use crate::wire::ApiRequest;

/// One calling service with its verification, DIDs, country and number type (the last two
/// name its requirement).
pub async fn get_calling_service(
    client: &Client,
    id: &str,
) -> Result<EmergencyCallingService, ApiError> {
    let request = ApiRequest::get(format!("/emergency_calling_services/{id}")).param(
        "include",
        "emergency_verification,dids,country,did_group_type",
    );
    decode_single(&client.document(request).await?, 200)
}

/// The account's calling services, newest first, optionally of one status, all pages.
pub async fn list_calling_services(
    client: &Client,
    status: Option<&str>,
) -> Result<Vec<EmergencyCallingService>, ApiError> {
    let mut request = ApiRequest::get("/emergency_calling_services").param("sort", "-created_at");
    if let Some(status) = status {
        request = request.param("filter[status]", status);
    }
    decode_list(&client.all_pages(request).await?)
}
