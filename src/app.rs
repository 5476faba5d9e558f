//! The app: its providers and its routes, all on one screen.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api::Client;
use crate::components::AnnouncerContext;
use crate::config::ConfigContext;
use crate::state::WizardContext;
use crate::steps::{
    NotFound, Registrations, ResumeDraft, StepAddress, StepDids, StepIdentity, StepRequirement,
    StepStatus, StepSubmit, StepValidate, WizardShell,
};

/// The registration wizard, configured from defaults, `config.json` and saved settings.
#[component]
pub fn App() -> impl IntoView {
    ConfigContext::start();
    WizardContext::provide();
    AnnouncerContext::provide();

    view! { <AppRoutes /> }
}

/// The wizard over a ready-made client, without configuration loading (tests, embedding).
#[component]
pub fn AppWithClient(
    /// The client every step uses.
    client: Client,
    /// The instance name the draft is kept under in session storage; without one the draft
    /// lives in memory only.
    #[prop(optional, into)]
    draft_scope: Option<String>,
) -> impl IntoView {
    ConfigContext::with_client(client);
    WizardContext::provide_in(draft_scope);
    AnnouncerContext::provide();

    view! { <AppRoutes /> }
}

#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFound>
                <ParentRoute path=path!("") view=WizardShell>
                    <Route path=path!("") view=ResumeDraft />
                    <Route path=path!("dids") view=StepDids />
                    <Route path=path!("requirement") view=StepRequirement />
                    <Route path=path!("identity") view=StepIdentity />
                    <Route path=path!("address") view=StepAddress />
                    <Route path=path!("validate") view=StepValidate />
                    <Route path=path!("submit") view=StepSubmit />
                    <Route path=path!("status/:verification_id") view=StepStatus />
                    <Route path=path!("registrations") view=Registrations />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
