//! Reference data used to name things on screen.

use super::{decode_list, ApiError, Client};
use crate::model::Country;
use crate::wire::ApiRequest;

/// Every country DIDWW knows (this endpoint is not paginated).
pub async fn list_countries(client: &Client) -> Result<Vec<Country>, ApiError> {
    let document = client
        .document(ApiRequest::get("/countries").param("sort", "name"))
        .await?;
    decode_list(&document)
}
