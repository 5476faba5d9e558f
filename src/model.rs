//! Typed views of the DIDWW resources the flow reads, decoded leniently from JSON:API documents.
//!
//! Every model is built from a [`Resource`] plus the [`Document`] it came in (to resolve
//! included resources). Unknown attributes are ignored, unknown enumeration values are kept
//! verbatim, and values DIDWW sends in several shapes (prices, reject reasons, statuses with
//! spaces) are normalised here so that nothing above this layer has to care.

mod decode;
mod enums;
mod place;
mod price;
mod resources;

pub use decode::DecodeError;
pub use enums::{AreaLevel, CallbackMethod, IdentityType, ServiceStatus, VerificationStatus};
pub use place::{DidLocality, Place};
pub use price::Price;
pub use resources::{
    Address, Area, Country, Did, DidGroupType, EmergencyCallingService, EmergencyRequirement,
    EmergencyVerification, Identity,
};

use crate::jsonapi::{Document, Resource};

/// A model that can be decoded from a JSON:API resource.
pub trait FromResource: Sized {
    /// The JSON:API type this model reads, such as `dids`.
    const KIND: &'static str;

    /// Decodes `resource`, resolving included relationships through `document`.
    fn from_resource(resource: &Resource, document: &Document) -> Result<Self, DecodeError>;
}

/// Decodes every primary resource of `document` as `T`.
pub fn decode_all<T: FromResource>(document: &Document) -> Result<Vec<T>, DecodeError> {
    document
        .primary()
        .iter()
        .map(|resource| T::from_resource(resource, document))
        .collect()
}

/// Decodes the single primary resource of `document` as `T`.
pub fn decode_one<T: FromResource>(document: &Document) -> Result<T, DecodeError> {
    match document.primary() {
        [resource] => T::from_resource(resource, document),
        [] => Err(DecodeError::MissingData),
        _ => Err(DecodeError::UnexpectedCollection),
    }
}
