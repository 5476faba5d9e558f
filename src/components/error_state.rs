//! What a step shows when loading failed.

use leptos::prelude::*;

use super::focus::focus_when_ready;
use super::step_heading::STEP_HEADING_ID;
use crate::api::ApiError;
use crate::config::{ConfigContext, Mode};
use crate::widget::events;

/// The failure in plain words, what to do next, and a Retry button when retrying can help.
#[component]
pub fn ErrorState(
    /// The failure.
    error: ApiError,
    /// Called when the user asks to try again; no button without it.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let message = error.message();
    let next_action = error.next_action();
    // In demo mode a record "not found" is usually one created before a reload: the
    // made-up account starts afresh with every page load.
    let is_demo = use_context::<ConfigContext>().is_some_and(|config| {
        config.mode() == Mode::Demo && matches!(error, ApiError::NotFound(_))
    });
    events::api_error(&error);

    view! {
        <div class="dwe-state dwe-state--error" role="alert" data-testid="error-state">
            <p class="dwe-state__title">{message}</p>
            <p class="dwe-state__message">{next_action}</p>
            {is_demo
                .then(|| {
                    view! {
                        <p class="dwe-state__message" data-testid="error-demo-reset">
                            "The demo's made-up account starts afresh whenever the page loads, \
                             so records and registrations created before a reload no longer \
                             exist."
                        </p>
                    }
                })}
            {on_retry.map(|on_retry| {
                view! {
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="retry"
                        on:click=move |_| {
                            on_retry.run(());
                            // The button goes away while the step loads again: focus goes on
                            // from the step's heading instead of falling to the page.
                            focus_when_ready(STEP_HEADING_ID);
                        }
                    >
                        "Retry"
                    </button>
                }
            })}
        </div>
    }
}
