//! What a list shows when it has nothing in it.

use leptos::prelude::*;

/// A short explanation of why there is nothing to show, and what to do about it.
#[component]
pub fn EmptyState(
    /// The main sentence.
    #[prop(into)]
    title: String,
    /// Optional further advice.
    #[prop(optional, into)]
    advice: Option<String>,
) -> impl IntoView {
    view! {
        <div class="dwe-state dwe-state--empty" data-testid="empty-state">
            <p class="dwe-state__title">{title}</p>
            {advice.map(|advice| view! { <p class="dwe-state__message">{advice}</p> })}
        </div>
    }
}
