//! Reference data used to name things on screen.

use super::{decode_list, ApiError, Client};
use crate::model::{Area, Country};
use crate::wire::ApiRequest;

/// Every country DIDWW knows (this endpoint is not paginated).
pub async fn list_countries(client: &Client) -> Result<Vec<Country>, ApiError> {
    let document = client
        .document(ApiRequest::get("/countries").param("sort", "name"))
        .await?;
    decode_list(&document)
}

/// The regulatory areas (states, provinces, regions) of a country, all pages, by name.
pub async fn list_areas(client: &Client, country_id: &str) -> Result<Vec<Area>, ApiError> {
    let request = ApiRequest::get("/areas")
        .param("filter[country.id]", country_id)
        .param("sort", "name");
    decode_list(&client.all_pages(request).await?)
}
