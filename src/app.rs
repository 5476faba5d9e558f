//! The app: its providers and its routes, all on one screen.

use leptos::prelude::*;

use crate::api::Client;
use crate::components::AnnouncerContext;
use crate::config::{ConfigContext, Placement};
use crate::routing::{self, Route, Router, RouterPlace, Routes};
use crate::state::{WizardContext, WizardStep};
use crate::steps::{
    NotFound, Registrations, ResumeDraft, StepAddress, StepDids, StepIdentity, StepRequirement,
    StepStatus, StepSubmit, StepValidate, WizardShell,
};
use crate::widget::events::HostEvents;

/// The standalone page: configured from defaults, `config.json` and saved settings, with the
/// current step in the page URL under whatever folder the bundle is served from.
#[component]
pub fn App() -> impl IntoView {
    let base = routing::page_bundle_base();
    HostEvents::provide(None);
    ConfigContext::start(Placement::standalone(base.clone()));
    WizardContext::provide();
    AnnouncerContext::provide();

    view! { <AppRoutes place=RouterPlace::PageUrl { base } /> }
}

/// One embedded instance (the `<didww-emergency>` element): configured by its placement,
/// with the current step in memory so that the host page's URL and other instances are left
/// alone.
#[component]
pub fn EmbeddedApp(
    /// Where the bundle lives, the element's attributes, and the instance's storage scope.
    placement: Placement,
) -> impl IntoView {
    // An element with an id finds its draft again when it is mounted anew; one without an
    // id keeps its draft in memory, as it could not tell its draft apart from another's.
    let draft_scope = placement
        .storage_scope
        .as_ref()
        .map(|scope| format!("widget:{scope}"));
    ConfigContext::start(placement);
    WizardContext::provide_in(draft_scope);
    AnnouncerContext::provide();

    // The start opens the step a re-mounted instance's draft was left on.
    let start = "/".to_owned();
    view! { <AppRoutes place=RouterPlace::Memory { start } /> }
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

    view! { <AppRoutes place=RouterPlace::PageUrl { base: "/".to_owned() } /> }
}

#[component]
fn AppRoutes(place: RouterPlace) -> impl IntoView {
    view! {
        <Router place=place>
            <Routes shell=WizardShell fallback=NotFound step_view=step_view />
        </Router>
    }
}

/// The page of each step route.
fn step_view(route: Route) -> AnyView {
    let step = match route {
        Route::Step(step, _) => step,
        Route::Start => return view! { <ResumeDraft /> }.into_any(),
        Route::Registrations => return view! { <Registrations /> }.into_any(),
        Route::NotFound => return ().into_any(),
    };
    match step {
        WizardStep::Dids => view! { <StepDids /> }.into_any(),
        WizardStep::Requirement => view! { <StepRequirement /> }.into_any(),
        WizardStep::Identity => view! { <StepIdentity /> }.into_any(),
        WizardStep::Address => view! { <StepAddress /> }.into_any(),
        WizardStep::Validate => view! { <StepValidate /> }.into_any(),
        WizardStep::Submit => view! { <StepSubmit /> }.into_any(),
        WizardStep::Status => view! { <StepStatus /> }.into_any(),
    }
}
