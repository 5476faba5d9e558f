//! The way from one finished registration to the next queued batch.

use leptos::prelude::*;

use crate::domain::selection::describe_batch;
use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{WizardContext, WizardStep};

/// "Continue with the next batch: 3 numbers in Germany (Local)", shown while batches wait;
/// it makes that batch the selection and opens its requirement.
#[component]
pub(super) fn NextBatch() -> impl IntoView {
    let draft = WizardContext::expect();
    let navigate = use_navigate();
    let next = move || {
        draft
            .batch_queue()
            .with(|queue| queue.first().map(|b| describe_batch(b)))
    };
    let waiting = move || draft.batch_queue().with(Vec::len);

    let on_continue = move |_| {
        if draft.take_next_batch() {
            navigate(WizardStep::Requirement.path(), NavigateOptions::default());
        }
    };

    move || {
        let next = next()?;
        let more = match waiting() {
            1 => "This is the last batch waiting.".to_owned(),
            count => format!("{count} batches are waiting, this one first."),
        };
        let on_continue = on_continue.clone();
        Some(view! {
            <div class="dwe-notice dwe-notice--info" data-testid="next-batch-panel">
                <p>{more}</p>
                <button
                    type="button"
                    class="dwe-button dwe-button--primary"
                    data-testid="next-batch"
                    on:click=on_continue
                >
                    {format!("Continue with the next batch: {next}")}
                </button>
            </div>
        })
    }
}
