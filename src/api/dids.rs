//! DIDs that can be registered for emergency calling.

use super::{decode_list, ApiError, Client};
use crate::model::Did;
use crate::wire::ApiRequest;

/// What every DID listing includes, so the four registration cases can be told apart.
pub const DID_INCLUDES: &str = "did_group,did_group.country,did_group.did_group_type,\
                                emergency_calling_service,identity,address_verification";

fn emergency_dids_request() -> ApiRequest {
    ApiRequest::get("/dids")
        .param("include", DID_INCLUDES)
        .param("filter[did_group.features]", "emergency")
        .param("filter[emergency_enabled]", "false")
        .param("sort", "number")
}

/// Every emergency-capable DID of the account without emergency calling yet, all pages.
///
/// `emergency_enabled=false` does not prove a DID is free: callers must still look at
/// [`crate::model::Did::calling_service_id`].
pub async fn list_emergency_dids(client: &Client) -> Result<Vec<crate::model::Did>, ApiError> {
    let document = client.all_pages(emergency_dids_request()).await?;
    decode_list(&document)
}

/// Emergency-capable DIDs whose number matches `number` exactly, found with the API's filter.
pub async fn search_emergency_dids(client: &Client, number: &str) -> Result<Vec<Did>, ApiError> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let request = emergency_dids_request().param("filter[number]", digits);
    let document = client.all_pages(request).await?;
    decode_list(&document)
}
