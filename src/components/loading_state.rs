//! What a list shows while it loads.

use leptos::prelude::*;

/// A calm "loading" line that screen readers announce once.
#[component]
pub fn LoadingState(
    /// What is loading, such as "Loading your numbers…".
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <div class="dwe-state dwe-state--loading" role="status" data-testid="loading-state">
            <span class="dwe-state__spinner" aria-hidden="true"></span>
            <span class="dwe-state__message">{message}</span>
        </div>
    }
}
