//! The table of numbers (one page of them at a time) and its page controls.

use leptos::prelude::*;

use super::choosing::Chooser;
use crate::components::{focus_when_ready, AnnouncerContext, DidRow};
use crate::domain::selection::thousands;
use crate::model::Did;

/// How many numbers one page of the table shows; more would slow the page down on big
/// accounts without helping anyone find a number.
pub(super) const ROWS_PER_PAGE: usize = 50;

/// A table of `dids` whose rows can be ticked through `chooser`.
#[component]
pub(super) fn DidTable(
    /// The rows to show.
    #[prop(into)]
    dids: Signal<Vec<Did>>,
    /// What ticking does.
    chooser: Chooser,
    /// The table's caption for screen readers.
    caption: &'static str,
    /// Shown in place of rows when there are none.
    empty_message: &'static str,
    /// The table's `data-testid`.
    test_id: &'static str,
) -> impl IntoView {
    let is_empty = move || dids.with(Vec::is_empty);

    view! {
        <div class="dwe-table-wrap">
            <table class="dwe-table" data-testid=test_id>
                <caption class="dwe-visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="dwe-table__select">
                            <span class="dwe-visually-hidden">"Select"</span>
                        </th>
                        <th scope="col">"Number"</th>
                        <th scope="col">"Country"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Registration"</th>
                    </tr>
                </thead>
                <tbody>
                    <Show when=is_empty>
                        <tr>
                            <td colspan="6" class="dwe-table__empty">{empty_message}</td>
                        </tr>
                    </Show>
                    <For
                        each=move || dids.get()
                        key=|did| did.id.clone()
                        children=move |did| row(did, chooser)
                    />
                </tbody>
            </table>
        </div>
    }
}

/// "Numbers 51–100 of 9,870", with buttons to the previous and next page.
#[component]
pub(super) fn Pager(
    /// The page shown, counted from 0.
    page: RwSignal<usize>,
    /// How many numbers the pages hold in all.
    #[prop(into)]
    count: Signal<usize>,
) -> impl IntoView {
    let announcer = AnnouncerContext::expect();
    let page_count = move || count.get().div_ceil(ROWS_PER_PAGE).max(1);
    let is_last_page = move || page.get() + 1 >= page_count();
    let shown = move || {
        let count = count.get();
        if count == 0 {
            return "No numbers".to_owned();
        }
        let first = page.get() * ROWS_PER_PAGE + 1;
        let last = (first + ROWS_PER_PAGE - 1).min(count);
        format!(
            "Numbers {}–{} of {} · page {} of {}",
            thousands(first),
            thousands(last),
            thousands(count),
            thousands(page.get() + 1),
            thousands(page_count())
        )
    };

    // The list can shrink under the page shown (a filter, another account).
    Effect::new(move |_| {
        let last = page_count() - 1;
        if page.get() > last {
            page.set(last);
        }
    });

    let go_to_page = move |next: usize| {
        page.set(next);
        announcer.announce(shown());
        // The button just pressed is disabled on the first and the last page; focus moves to
        // the other one instead of falling to the top of the page.
        if next == 0 {
            focus_when_ready("did-page-next");
        } else if next + 1 >= page_count() {
            focus_when_ready("did-page-previous");
        }
    };

    view! {
        <nav class="dwe-pager" aria-label="Pages of numbers">
            <button
                type="button"
                class="dwe-button dwe-button--secondary"
                id="did-page-previous"
                data-testid="did-page-previous"
                disabled=move || page.get() == 0
                on:click=move |_| go_to_page(page.get_untracked().saturating_sub(1))
            >
                "Previous"
            </button>
            <p class="dwe-pager__status" data-testid="did-page-status">
                {shown}
            </p>
            <button
                type="button"
                class="dwe-button dwe-button--secondary"
                id="did-page-next"
                data-testid="did-page-next"
                disabled=is_last_page
                on:click=move |_| go_to_page(page.get_untracked() + 1)
            >
                "Next"
            </button>
        </nav>
    }
}

fn row(did: Did, chooser: Chooser) -> impl IntoView {
    let id = did.id.clone();
    let is_selected = {
        let id = id.clone();
        Signal::derive(move || chooser.is_chosen(&id))
    };
    let refusal = Signal::derive(move || {
        chooser.refusal.with(|refusal| {
            refusal
                .as_ref()
                .filter(|refusal| refusal.did_id == id)
                .map(|refusal| refusal.message.clone())
        })
    });
    let toggled = did.clone();
    view! {
        <DidRow
            did=did
            is_selected=is_selected
            refusal=refusal
            on_toggle=move |is_checked: bool| chooser.toggle(toggled.clone(), is_checked)
        />
    }
}
