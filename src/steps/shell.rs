//! The frame around every step: title, banners, settings, stepper and the step itself.

use leptos::prelude::*;

use super::REGISTRATIONS_PATH;
use crate::api::RequestScope;
use crate::components::{
    focus_when_ready, ConfigProblems, DemoBanner, DraftBar, LiveRegion, LoadingState,
    SettingsPanel, StepState, Stepper, StepperItem, STEP_HEADING_ID,
};
use crate::config::{ConfigContext, Mode};
use crate::routing::{use_location, use_navigate, NavigateOptions, Outlet, A};
use crate::state::{DraftSession, WizardContext, WizardStep};
use crate::widget::events;

/// The wizard's layout; the current step comes from the URL.
#[component]
pub fn WizardShell() -> impl IntoView {
    let config = ConfigContext::expect();
    let draft = WizardContext::expect();
    let session = DraftSession::use_context();
    let location = use_location();
    let navigate = use_navigate();
    let (is_settings_open, set_is_settings_open) = signal(false);

    let current_step =
        Memo::new(move |_| location.pathname.with(|path| WizardStep::from_path(path)));
    // Each page the user opens gets its own request scope; leaving it cancels its reads,
    // so a late answer never lands on a step the user has left. Reading the memo in an
    // effect makes the old scope stop even when the new page sends nothing.
    let step_requests = Memo::new(move |previous: Option<&RequestScope>| {
        location.pathname.track();
        if let Some(previous) = previous {
            previous.abort();
        }
        RequestScope::new()
    });
    config.scope_requests(step_requests);
    Effect::new(move |_| step_requests.track());
    Effect::new(move |_| {
        let step = current_step.get();
        if let Some(session) = session {
            session.set_step(step);
        }
    });
    let is_draft_ready = move || session.is_none_or(|session| session.is_ready());
    let is_demo = move || config.mode() == Mode::Demo;
    let is_embedded = events::is_embedded();
    let send_exit = events::exit_sender();
    let shows_settings = move || is_settings_open.get() || config.mode() == Mode::Unconfigured;
    // The panel's buttons go away with it; focus returns to the button that opens it.
    let on_settings_close = move |_| {
        set_is_settings_open.set(false);
        focus_when_ready("settings-open");
    };
    let stepper_items = Signal::derive(move || {
        let current = current_step.get();
        WizardStep::ALL
            .into_iter()
            .map(|step| {
                let state = step_state(draft, step, current);
                StepperItem {
                    step,
                    state,
                    href: step_href(draft, step, state),
                }
            })
            .collect::<Vec<_>>()
    });

    // The host page hears that the instance is ready, then which step shows.
    Effect::new(move |_| {
        if config.is_ready() {
            events::ready(config.mode());
            if let Some(step) = current_step.get() {
                events::step_changed(step);
            }
        }
    });

    view! {
        <div class="dwe-app" lang=move || config.config().locale>
            <header class="dwe-topbar">
                <div class="dwe-topbar__inner">
                    <p class="dwe-topbar__brand">
                        <span class="dwe-topbar__mark" aria-hidden="true">"112"</span>
                        "Emergency calling registration"
                    </p>
                    <nav class="dwe-topbar__nav" aria-label="App">
                        <A href=REGISTRATIONS_PATH attr:data-testid="nav-registrations">
                            "Registrations"
                        </A>
                    </nav>
                    <button
                        type="button"
                        class="dwe-button dwe-button--ghost"
                        id="settings-open"
                        data-testid="settings-open"
                        aria-expanded=move || shows_settings().to_string()
                        aria-controls="settings-panel"
                        on:click=move |_| set_is_settings_open.update(|open| *open = !*open)
                    >
                        "Settings"
                    </button>
                    <Show when=move || is_embedded>
                        <button
                            type="button"
                            class="dwe-button dwe-button--ghost"
                            data-testid="widget-exit"
                            on:click=move |_| send_exit()
                        >
                            "Exit"
                        </button>
                    </Show>
                </div>
            </header>
            <Show when=is_demo>
                <DemoBanner />
            </Show>
            <ConfigProblems problems=Signal::derive(move || config.problems()) />
            <main class="dwe-page">
                <LiveRegion />
                <Show when=shows_settings>
                    <div class="dwe-card dwe-card--settings">
                        <SettingsPanel on_close=on_settings_close />
                    </div>
                </Show>
                <Stepper items=stepper_items />
                {session
                    .map(|session| {
                        let navigate = navigate.clone();
                        view! {
                            <DraftBar
                                has_draft=Signal::derive(move || session.has_draft())
                                notice=session.notice()
                                on_discard=move |_| {
                                    session.discard(draft);
                                    navigate(WizardStep::Dids.path(), NavigateOptions::default());
                                    // The discard buttons are gone: focus starts over at the top
                                    // of the (first) step rather than falling to the page.
                                    focus_when_ready(STEP_HEADING_ID);
                                }
                                on_dismiss_notice=move |_| session.dismiss_notice()
                            />
                        }
                    })}
                <div class="dwe-card">
                    <Show
                        when=move || config.is_ready() && is_draft_ready()
                        fallback=|| view! { <LoadingState message="Loading settings…" /> }
                    >
                        <Outlet />
                    </Show>
                </div>
            </main>
            <footer class="dwe-footer">
                <p>
                    "Registrations are reviewed by DIDWW's emergency team. Emergency calling \
                     works only once the service is active."
                </p>
            </footer>
        </div>
    }
}

fn step_state(draft: WizardContext, step: WizardStep, current: Option<WizardStep>) -> StepState {
    if current == Some(step) {
        StepState::Current
    } else if step == WizardStep::Status {
        // The status page needs a verification id, which only a submission provides.
        if draft.verification_id().with(Option::is_some) {
            StepState::Available
        } else {
            StepState::Locked
        }
    } else if draft.is_complete(step) {
        StepState::Complete
    } else if draft.blocker(step).is_none() {
        StepState::Available
    } else {
        StepState::Locked
    }
}

/// Where a step's link goes: its route, or the last submission's status page.
fn step_href(draft: WizardContext, step: WizardStep, state: StepState) -> Option<String> {
    if !matches!(state, StepState::Complete | StepState::Available) {
        return None;
    }
    if step == WizardStep::Status {
        let id = draft.verification_id().get()?;
        return Some(format!("{}/{id}", step.path()));
    }
    Some(step.path().to_owned())
}
