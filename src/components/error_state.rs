//! What a step shows when loading failed.

use leptos::prelude::*;

use crate::api::ApiError;
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
    events::api_error(&error);

    view! {
        <div class="dwe-state dwe-state--error" role="alert" data-testid="error-state">
            <p class="dwe-state__title">{message}</p>
            <p class="dwe-state__message">{next_action}</p>
            {on_retry.map(|on_retry| {
                view! {
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="retry"
                        on:click=move |_| on_retry.run(())
                    >
                        "Retry"
                    </button>
                }
            })}
        </div>
    }
}
