//! What a list shows while it loads.

use leptos::prelude::*;

/// A calm "loading" line. It is not a live region: what finished loading is announced
/// through the app's one live region by the step that loaded it.
#[component]
pub fn LoadingState(
    /// What is loading, such as "Loading your numbers…".
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <div class="dwe-state dwe-state--loading" data-testid="loading-state">
            <span class="dwe-state__spinner" aria-hidden="true"></span>
            <span class="dwe-state__message">{message}</span>
        </div>
    }
}
