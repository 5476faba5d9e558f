//! One page per step of DIDWW's registration guide, plus the shell around them.
//!
//! Steps own their data loading (reads through `LocalResource`, writes through actions)
//! and keep the wizard's draft in [`crate::state::WizardContext`]; the widgets they use are
//! in [`crate::components`] and the rules they apply in [`crate::domain`].

mod address;
mod address_edit;
mod address_form;
mod dids;
mod identity;
mod identity_edit;
mod identity_form;
mod next_batch;
mod not_found;
mod record_form;
mod registrations;
mod requirement;
mod requirement_details;
mod resume;
mod shell;
mod status;
mod submit;
mod validate;

pub use address::StepAddress;
pub use dids::StepDids;
pub use identity::StepIdentity;
pub use not_found::NotFound;
pub use registrations::{Registrations, REGISTRATIONS_PATH};
pub use requirement::StepRequirement;
pub use resume::ResumeDraft;
pub use shell::WizardShell;
pub use status::StepStatus;
pub use submit::StepSubmit;
pub use validate::StepValidate;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::config::ConfigContext;
use crate::model::Country;

/// Country names by id, loaded once per client, for showing identities and addresses.
fn load_countries() -> LocalResource<Result<Vec<Country>, ApiError>> {
    let config = ConfigContext::expect();
    LocalResource::new(move || {
        let client = config.client();
        async move { crate::api::list_countries(&client?).await }
    })
}

/// The name of country `id` among `countries`, or the id itself when unknown.
fn country_name(countries: &[Country], id: &str) -> String {
    countries
        .iter()
        .find(|country| country.id == id)
        .map_or_else(|| id.to_owned(), |country| country.name.clone())
}
