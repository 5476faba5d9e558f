//! Finding a number through the API's `filter[number]`, so a number far down a big list is
//! found with one request, before the background load reaches it.

use std::time::Duration;

use leptos::prelude::*;

use super::choosing::Chooser;
use super::table::DidTable;
use crate::api::{search_emergency_dids, DidPage};
use crate::components::{AnnouncerContext, ErrorState, LoadingState};
use crate::config::ConfigContext;
use crate::domain::selection::{numbers_count, thousands};

/// How long typing must pause before a search is sent, so one number typed is one request.
const SEARCH_DELAY: Duration = Duration::from_millis(300);

/// The id of the line under the search box that says what was left out of the search.
const SEARCH_HINT_ID: &str = "did-search-hint";

/// Characters people type into phone numbers that carry no digits: left out silently.
const NUMBER_PUNCTUATION: &str = " +-().";

/// What the search box says about `typed` when it holds more than digits and the usual
/// punctuation of phone numbers, since only digits are searched; `None` when nothing was
/// left out.
fn search_hint(typed: &str) -> Option<String> {
    let is_left_out =
        |character: char| !character.is_ascii_digit() && !NUMBER_PUNCTUATION.contains(character);
    if !typed.chars().any(is_left_out) {
        return None;
    }
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    Some(if digits.is_empty() {
        "Numbers are searched by their digits only: type some digits, such as 5203.".to_owned()
    } else {
        format!("Only digits are searched: looking for {digits}.")
    })
}

/// The search box; reports the digits to look for once typing pauses.
#[component]
pub(super) fn SearchBox(
    /// Called with the digits typed (possibly none) after a pause.
    #[prop(into)]
    on_search: Callback<String>,
) -> impl IntoView {
    let (query, set_query) = signal(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // A search still waiting when the step goes away (typing, then Continue within the pause)
    // must never run: its callback reaches into the step that is gone.
    on_cleanup(move || {
        if let Some(pending) = timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    });

    let on_input = move |event| {
        let text = event_target_value(&event);
        set_query.set(text.clone());
        if let Some(pending) = timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        match set_timeout_with_handle(move || on_search.run(digits), SEARCH_DELAY) {
            Ok(handle) => timer.set_value(Some(handle)),
            Err(_) => log::warn!("the browser refused a timer; the search waits for Enter"),
        }
    };

    let hint = Memo::new(move |_| query.with(|typed| search_hint(typed)));

    view! {
        <div class="dwe-search">
            <label class="dwe-field__label" for="did-search">"Search by number"</label>
            <input
                class="dwe-field__control dwe-search__input"
                type="search"
                id="did-search"
                data-testid="did-search"
                inputmode="numeric"
                autocomplete="off"
                placeholder="For example 5203"
                aria-describedby=move || hint.with(|hint| hint.as_ref().map(|_| SEARCH_HINT_ID))
                prop:value=move || query.get()
                on:input=on_input
            />
            {move || {
                hint.get()
                    .map(|hint| {
                        view! {
                            <p class="dwe-field__hint" id=SEARCH_HINT_ID data-testid=SEARCH_HINT_ID>
                                {hint}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The numbers that contain `digits`, asked of the API, with the same rows as the table.
#[component]
pub(super) fn SearchResults(
    /// The digits to look for (not empty).
    digits: String,
    /// What ticking does.
    chooser: Chooser,
) -> impl IntoView {
    let config = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let wanted = digits.clone();
    let results = LocalResource::new(move || {
        let client = config.client();
        let digits = wanted.clone();
        async move { search_emergency_dids(&client?, &digits).await }
    });

    let found = move |page: DidPage| {
        let count = page.total.map_or(page.dids.len(), |total| total as usize);
        let summary = if count > page.dids.len() {
            format!(
                "Showing the first {} of {} that contain {digits}; type more digits to narrow \
                 the search.",
                thousands(page.dids.len()),
                numbers_count(count)
            )
        } else {
            let verb = if count == 1 { "contains" } else { "contain" };
            format!("{} {verb} {digits}.", numbers_count(count))
        };
        announcer.announce(summary.clone());
        view! {
            <p class="dwe-search__summary" data-testid="did-search-summary">
                {summary}
            </p>
            <DidTable
                dids=Signal::stored(page.dids)
                chooser=chooser
                caption="Numbers found"
                empty_message="No number contains these digits."
                test_id="did-search-results"
            />
        }
        .into_any()
    };

    view! {
        <Transition fallback=|| view! { <LoadingState message="Searching…" /> }>
            {move || {
                let found = found.clone();
                Suspend::new(async move {
                    match results.await {
                        Ok(page) => found(page),
                        Err(error) => view! {
                            <ErrorState error=error on_retry=move |_| results.refetch() />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use super::search_hint;

    #[test]
    fn digits_and_phone_punctuation_need_no_hint() {
        for typed in ["", "5203", "+370 5203-2401", "(212) 555.0100"] {
            assert_eq!(search_hint(typed), None, "{typed}");
        }
    }

    #[test]
    fn letters_are_named_as_left_out_with_the_digits_still_searched() {
        assert_eq!(
            search_hint("ext 5203").as_deref(),
            Some("Only digits are searched: looking for 5203.")
        );
        let hint = search_hint("vilnius").unwrap_or_default();
        assert!(hint.contains("digits only"), "{hint}");
    }
}
