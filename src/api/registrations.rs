//! One page at a time of the account's verifications and calling services, newest first,
//! for the registrations page.

use super::{decode_list, ApiError, Client};
use crate::model::{EmergencyCallingService, EmergencyVerification, FromResource};
use crate::wire::ApiRequest;

/// One page of a collection and the size of the whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPage<T> {
    /// The records on this page, in the server's order.
    pub records: Vec<T>,
    /// How many records match in all, when the server said.
    pub total: Option<u64>,
}

/// Page `page` (from 1) of `page_size` verifications, newest first, of one status or all.
pub async fn verifications_page(
    client: &Client,
    status: Option<&str>,
    page: u32,
    page_size: u32,
) -> Result<RecordPage<EmergencyVerification>, ApiError> {
    record_page(
        client,
        "/emergency_verifications",
        "dids",
        status,
        page,
        page_size,
    )
    .await
}

/// Page `page` (from 1) of `page_size` calling services, newest first, of one status or all.
pub async fn calling_services_page(
    client: &Client,
    status: Option<&str>,
    page: u32,
    page_size: u32,
) -> Result<RecordPage<EmergencyCallingService>, ApiError> {
    record_page(
        client,
        "/emergency_calling_services",
        "dids,emergency_verification",
        status,
        page,
        page_size,
    )
    .await
}

async fn record_page<T: FromResource>(
    client: &Client,
    path: &str,
    include: &str,
    status: Option<&str>,
    page: u32,
    page_size: u32,
) -> Result<RecordPage<T>, ApiError> {
    let mut request = ApiRequest::get(path)
        // Relationships carry their ids only when included: without these, the rows could
        // name neither the numbers nor the verification to open.
        .param("include", include)
        .param("sort", "-created_at")
        .param("page[number]", page.max(1).to_string())
        .param(
            "page[size]",
            page_size.clamp(1, super::MAX_PAGE_SIZE).to_string(),
        );
    if let Some(status) = status {
        request = request.param("filter[status]", status);
    }
    let document = client.document(request).await?;
    Ok(RecordPage {
        records: decode_list(&document)?,
        total: document.total_records(),
    })
}
