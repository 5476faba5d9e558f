//! The banner that makes demo mode impossible to miss.

use leptos::prelude::*;

/// Says that nothing is sent to DIDWW while the simulator answers.
#[component]
pub fn DemoBanner() -> impl IntoView {
    view! {
        <div class="dwe-banner dwe-banner--demo" role="note" data-testid="demo-banner">
            <strong class="dwe-banner__label">"Demo mode"</strong>
            " — nothing is sent to DIDWW; data comes from a built-in simulator."
        </div>
    }
}
