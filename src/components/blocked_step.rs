//! What a step shows when an earlier choice is missing.

use leptos::prelude::*;

use crate::routing::A;
use crate::state::Blocker;

/// A short "do this first" with a link back, instead of a half-working page.
#[component]
pub fn BlockedStep(
    /// What is missing and where to go.
    blocker: Blocker,
) -> impl IntoView {
    let href = blocker.back_to.path();
    let link_text = format!("Go to {}", blocker.back_to.title());

    view! {
        <div class="dwe-state dwe-state--blocked" data-testid="step-blocked">
            <p class="dwe-state__title">{blocker.message}</p>
            <A href=href attr:class="dwe-button dwe-button--secondary">
                {link_text}
            </A>
        </div>
    }
}
