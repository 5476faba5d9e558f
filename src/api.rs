//! Typed calls to DIDWW's API, one module per resource, all through one [`Client`].

mod abort;
mod addresses;
mod calling_services;
mod catalog;
#[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
mod demo_module;
mod dids;
mod error;
mod identities;
mod registrations;
mod requirements;
mod resubmission;
mod transport;
mod verifications;

pub use abort::RequestScope;
pub use addresses::{create_address, list_addresses, update_address, AddressUpdate, NewAddress};
pub use calling_services::{get_calling_service, list_calling_services};
pub use catalog::{did_locality, list_areas, list_countries};
pub use dids::{
    list_emergency_dids, search_emergency_dids, DidPage, EmergencyDidPages, DID_INCLUDES,
};
pub use error::ApiError;
pub use identities::{
    create_identity, get_identity, list_identities, update_identity, IdentityUpdate, NewIdentity,
};
pub use registrations::{calling_services_page, verifications_page, RecordPage};
pub use requirements::{list_requirements, requirement_for};
pub use resubmission::{load_submitted_choices, ResubmissionError, SubmittedChoices};
pub use transport::{
    now_ms, read_document, sleep_ms, Client, ClientConfig, DEFAULT_TIMEOUT_MS, MAX_PAGE_SIZE,
};
pub use verifications::{
    create_verification, find_verification_by_reference, get_verification,
    get_verification_with_service, list_verifications, validate_requirement, NewVerification,
};

use crate::jsonapi::Document;
use crate::model::{decode_all, decode_one, FromResource};

/// Decodes every primary resource, reporting a shape problem as an unexpected response.
fn decode_list<T: FromResource>(document: &Document) -> Result<Vec<T>, ApiError> {
    decode_all(document).map_err(|error| ApiError::from_decode(200, error))
}

/// Decodes the single primary resource, reporting a shape problem as an unexpected response.
fn decode_single<T: FromResource>(document: &Document, status: u16) -> Result<T, ApiError> {
    decode_one(document).map_err(|error| ApiError::from_decode(status, error))
}
