//! The page for addresses the app does not have.

use leptos::prelude::*;

use crate::components::StepHeading;
use crate::routing::A;

/// A friendly "page not found" with the way back to the start.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="dwe-page">
            <section class="dwe-card" data-testid="not-found">
                <StepHeading
                    title="Page not found"
                    lead="This address is not part of the emergency calling registration."
                />
                <A href="/dids" attr:class="dwe-button dwe-button--primary">
                    "Start with your numbers"
                </A>
            </section>
        </main>
    }
}
