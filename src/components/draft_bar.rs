//! The line that says the draft is kept, and the way to throw it away.

use leptos::prelude::*;

use super::focus::focus_when_ready;
use super::step_heading::STEP_HEADING_ID;

/// The first button of the bar, which asks to discard.
const DISCARD_ID: &str = "draft-discard";

/// The button that confirms discarding.
const CONFIRM_ID: &str = "draft-discard-confirm";

/// "Your draft is kept in this tab" with a Discard action that asks once more before
/// anything is lost, plus any notice about the restored draft.
#[component]
pub fn DraftBar(
    /// True while something is chosen or typed.
    #[prop(into)]
    has_draft: Signal<bool>,
    /// What the user should know about the restored draft, if anything.
    #[prop(into)]
    notice: Signal<Option<String>>,
    /// Called once the user confirmed discarding the draft.
    #[prop(into)]
    on_discard: Callback<()>,
    /// Called when the user closes the notice.
    #[prop(into)]
    on_dismiss_notice: Callback<()>,
) -> impl IntoView {
    let (is_confirming, set_is_confirming) = signal(false);
    let (announcement, set_announcement) = signal(String::new());

    let on_confirm = move |_| {
        set_is_confirming.set(false);
        on_discard.run(());
        set_announcement.set("The draft was discarded.".to_owned());
    };

    view! {
        <p class="dwe-visually-hidden" role="status" data-testid="draft-announcement">
            {move || announcement.get()}
        </p>
        {move || {
            notice
                .get()
                .map(|text| {
                    view! {
                        <div class="dwe-notice dwe-notice--warning" data-testid="draft-notice">
                            <p>{text}</p>
                            <button
                                type="button"
                                class="dwe-button dwe-button--ghost"
                                data-testid="draft-notice-dismiss"
                                on:click=move |_| {
                                    on_dismiss_notice.run(());
                                    // The notice and its button are gone: focus goes on from
                                    // the step's heading, never to the page.
                                    focus_when_ready(STEP_HEADING_ID);
                                }
                            >
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
        }}
        <Show when=move || has_draft.get()>
            <div class="dwe-draft-bar" data-testid="draft-bar">
                <Show
                    when=move || is_confirming.get()
                    fallback=move || {
                        view! {
                            <p class="dwe-draft-bar__text">
                                "Your choices and what you typed are kept as a draft in this \
                                 browser tab."
                            </p>
                            <button
                                type="button"
                                class="dwe-button dwe-button--ghost"
                                id=DISCARD_ID
                                data-testid="draft-discard"
                                on:click=move |_| {
                                    set_is_confirming.set(true);
                                    // The question replaces the button the user pressed.
                                    focus_when_ready(CONFIRM_ID);
                                }
                            >
                                "Discard draft"
                            </button>
                        }
                    }
                >
                    <p class="dwe-draft-bar__text" data-testid="draft-discard-question">
                        "Discard the chosen numbers, the choices and everything typed? This \
                         cannot be undone."
                    </p>
                    <button
                        type="button"
                        class="dwe-button dwe-button--danger"
                        id=CONFIRM_ID
                        data-testid="draft-discard-confirm"
                        on:click=on_confirm
                    >
                        "Discard draft"
                    </button>
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="draft-discard-cancel"
                        on:click=move |_| {
                            set_is_confirming.set(false);
                            // Back to the button that asked, as a dialog would.
                            focus_when_ready(DISCARD_ID);
                        }
                    >
                        "Keep it"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
