//! The heading every step opens with.

use leptos::html;
use leptos::prelude::*;

/// The id of the open step's heading, where focus goes when what the user acted on is gone.
pub const STEP_HEADING_ID: &str = "step-heading";

/// The step's `<h1>`, focused when the step opens so that screen readers announce the new
/// page and keyboard users start from its top.
#[component]
pub fn StepHeading(
    /// The heading text.
    #[prop(into)]
    title: String,
    /// One sentence under the heading saying what the step is for.
    #[prop(optional, into)]
    lead: Option<String>,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();

    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            // Focus is a courtesy: a browser refusing it leaves the page fully usable.
            let _ = heading.focus();
        }
    });

    view! {
        <header class="dwe-step-heading">
            <h1
                class="dwe-step-heading__title"
                id=STEP_HEADING_ID
                tabindex="-1"
                node_ref=heading
            >
                {title}
            </h1>
            {lead.map(|lead| view! { <p class="dwe-step-heading__lead">{lead}</p> })}
        </header>
    }
}
