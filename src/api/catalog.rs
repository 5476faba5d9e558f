//! Reference data used to name things on screen.

use super::{decode_list, ApiError, Client};
use crate::model::{Area, Country, Did, DidLocality, Place};
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

/// Where the DIDs are: their country, and the city and area of their DID groups when every
/// group names the same city (two requests per group at most, usually one group).
pub async fn did_locality(client: &Client, dids: &[Did]) -> Result<DidLocality, ApiError> {
    let mut locality = DidLocality {
        country_id: dids
            .iter()
            .find_map(|did| did.country.as_ref().map(|country| country.id.clone()))
            .unwrap_or_default(),
        ..DidLocality::default()
    };
    let mut group_ids: Vec<&str> = dids
        .iter()
        .filter_map(|did| did.did_group_id.as_deref())
        .collect();
    group_ids.sort_unstable();
    group_ids.dedup();

    let mut cities = Vec::new();
    for group_id in group_ids {
        let request = ApiRequest::get(format!("/did_groups/{group_id}")).param("include", "city");
        let document = client.document(request).await?;
        let city = document
            .primary()
            .first()
            .and_then(|group| document.follow(group, "city"))
            .map(Place::from_resource);
        cities.push(city);
    }
    // Numbers in different cities (or in none DIDWW names) have no one city to match.
    let Some(Some(city)) = cities.first().cloned() else {
        return Ok(locality);
    };
    if cities.iter().any(|other| other.as_ref() != Some(&city)) {
        return Ok(locality);
    }

    let request = ApiRequest::get(format!("/cities/{}", city.id)).param("include", "area");
    let document = client.document(request).await?;
    locality.area = document
        .primary()
        .first()
        .and_then(|found| document.follow(found, "area"))
        .map(Place::from_resource);
    locality.city = Some(city);
    Ok(locality)
}
