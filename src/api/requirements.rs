//! Emergency requirements per country and DID group type.

use super::{decode_list, ApiError, Client};
use crate::model::EmergencyRequirement;
use crate::wire::ApiRequest;

/// Every requirement priced for the account, with countries and types included, all pages.
pub async fn list_requirements(client: &Client) -> Result<Vec<EmergencyRequirement>, ApiError> {
    let request =
        ApiRequest::get("/emergency_requirements").param("include", "country,did_group_type");
    let document = client.all_pages(request).await?;
    decode_list(&document)
}

/// The requirement for one country and DID group type; `None` when emergency calling is not
/// offered there.
pub async fn requirement_for(
    client: &Client,
    country_id: &str,
    group_type_id: &str,
) -> Result<Option<EmergencyRequirement>, ApiError> {
    let request = ApiRequest::get("/emergency_requirements")
        .param("include", "country,did_group_type")
        .param("filter[country.id]", country_id)
        .param("filter[did_group_type.id]", group_type_id);
    let document = client.document(request).await?;
    Ok(decode_list(&document)?.into_iter().next())
}
