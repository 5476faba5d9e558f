//! The frame around every step: title, banners, settings, stepper and the step itself.

use leptos::prelude::*;

use crate::components::{
    ConfigProblems, DemoBanner, LoadingState, SettingsPanel, StepState, Stepper, StepperItem,
};
use crate::config::{ConfigContext, Mode};
use crate::routing::{use_location, Outlet};
use crate::state::{WizardContext, WizardStep};
use crate::widget::events;

/// The wizard's layout; the current step comes from the URL.
#[component]
pub fn WizardShell() -> impl IntoView {
    let config = ConfigContext::expect();
    let draft = WizardContext::expect();
    let location = use_location();
    let (is_settings_open, set_is_settings_open) = signal(false);

    let current_step =
        Memo::new(move |_| location.pathname.with(|path| WizardStep::from_path(path)));
    let is_demo = move || config.mode() == Mode::Demo;
    let is_embedded = events::is_embedded();
    let send_exit = events::exit_sender();
    let shows_settings = move || is_settings_open.get() || config.mode() == Mode::Unconfigured;
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
                    <button
                        type="button"
                        class="dwe-button dwe-button--ghost"
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
                <Show when=shows_settings>
                    <div class="dwe-card dwe-card--settings">
                        <SettingsPanel on_close=move |_| set_is_settings_open.set(false) />
                    </div>
                </Show>
                <Stepper items=stepper_items />
                <div class="dwe-card">
                    <Show
                        when=move || config.is_ready()
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
