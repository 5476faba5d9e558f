//! Registering a mixed choice in several batches: the switch, the queue and the notice that
//! offers it.

use leptos::prelude::*;

use super::choosing::Chooser;
use crate::components::{focus_when_ready, AnnouncerContext};
use crate::domain::selection::describe_batch;
use crate::state::WizardContext;

/// The batch switch and, when batches wait, the queue in order.
#[component]
pub(super) fn BatchPanel(
    /// What the switch changes.
    chooser: Chooser,
) -> impl IntoView {
    let draft = WizardContext::expect();
    let queue = draft.batch_queue();
    let has_queue = move || queue.with(|queue| !queue.is_empty());
    // Right after a registration the current batch is empty until the next one is taken.
    let current = move || {
        draft
            .selected_dids()
            .with(|dids| (!dids.is_empty()).then(|| format!("Now: {}", describe_batch(dids))))
    };

    view! {
        <div class="dwe-batches">
            <div class="dwe-choice">
                <input
                    class="dwe-checkbox"
                    type="checkbox"
                    id="did-batch-mode"
                    data-testid="did-batch-mode"
                    aria-describedby="did-batch-mode-hint"
                    prop:checked=move || chooser.is_batch_mode.get()
                    on:change=move |event| chooser.set_batch_mode(event_target_checked(&event))
                />
                <label class="dwe-choice__label" for="did-batch-mode">
                    "Register in several batches"
                </label>
            </div>
            <p class="dwe-choice__hint" id="did-batch-mode-hint">
                "Lets you choose numbers of different countries, types or locked identities. \
                 They are split into one registration per country and type (and per locked \
                 identity), registered one after the other."
            </p>
            <Show when=has_queue>
                <div class="dwe-batches__queue" data-testid="did-batch-queue">
                    <p class="dwe-batches__title">"Registrations, in order"</p>
                    <ol class="dwe-batches__list">
                        {move || {
                            current()
                                .map(|current| {
                                    view! { <li data-testid="did-batch-current">{current}</li> }
                                })
                        }}
                        {move || {
                            queue
                                .get()
                                .iter()
                                .map(|batch| view! { <li>{describe_batch(batch)}</li> })
                                .collect_view()
                        }}
                    </ol>
                    <button
                        type="button"
                        class="dwe-button dwe-button--ghost"
                        data-testid="did-queue-clear"
                        on:click=move |_| {
                            chooser.set_batch_mode(false);
                            // This button goes away with the queue.
                            focus_when_ready("did-batch-mode");
                        }
                    >
                        "Keep only the first batch"
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The last refusal or whole-group result, with the offer to use batches when they help.
#[component]
pub(super) fn ChoiceNotice(
    /// Where the notice comes from.
    chooser: Chooser,
) -> impl IntoView {
    let announcer = AnnouncerContext::expect();

    // A new notice is read out; one that was there before this view opened is not repeated.
    Effect::new(move |was_shown: Option<()>| {
        let sentences = chooser
            .notice
            .with(|notice| notice.as_ref().map(|notice| notice.sentences.join(" ")));
        if let (Some(_), Some(sentences)) = (was_shown, sentences) {
            announcer.announce(sentences);
        }
    });

    move || {
        let notice = chooser.notice.get()?;
        let offers_batches = !notice.batch_offer.is_empty() && !chooser.is_batch_mode.get();
        Some(view! {
            <div class="dwe-notice dwe-notice--info" data-testid="did-notice">
                {notice
                    .sentences
                    .into_iter()
                    .map(|sentence| view! { <p>{sentence}</p> })
                    .collect_view()}
                <Show when=move || offers_batches>
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="did-use-batches"
                        on:click=move |_| {
                            chooser.accept_batches();
                            // This button goes away once batches are on.
                            focus_when_ready("did-batch-mode");
                        }
                    >
                        "Register in several batches"
                    </button>
                </Show>
            </div>
        })
    }
}
