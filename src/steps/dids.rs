//! Step 1: choose the numbers to register.
//!
//! Big accounts are the rule, not the exception: the first page of numbers shows as soon as
//! it arrives while the rest loads in the background, the table shows one page of rows at a
//! time, a search asks the API directly, and a whole country-and-type group is chosen in one
//! action. Choices that cannot share one registration can be split into batches.

mod batches;
mod choosing;
mod filters;
mod loading;
mod search;
mod table;

use leptos::prelude::*;

use self::batches::{BatchPanel, ChoiceNotice};
use self::choosing::Chooser;
use self::filters::GroupFilters;
use self::loading::{keep_listing_loaded, retry_listing, LoadStatus};
use self::search::{SearchBox, SearchResults};
use self::table::{DidTable, Pager, ROWS_PER_PAGE};
use super::next_batch::NextBatch;
use crate::components::{format_number, AnnouncerContext, EmptyState, LoadingState, StepHeading};
use crate::config::ConfigContext;
use crate::domain::selection::{
    country_and_type, describe_batch, matches_group, numbers_count, summarize_groups,
};
use crate::model::Did;
use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{LoadProgress, WizardContext, WizardStep};

/// How many numbers a summary spells out before it only counts the rest.
const NUMBERS_SPELLED_OUT: usize = 10;

/// Lists the account's emergency-capable numbers without emergency calling, with their
/// registration case, and lets the user pick numbers that can go into one registration (or,
/// in batches, into several).
#[component]
pub fn StepDids() -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let navigate = use_navigate();
    let listing = draft.listing();
    let chooser = Chooser::new(draft);
    keep_listing_loaded(listing, config);

    let (search_digits, set_search_digits) = signal(String::new());
    let country = RwSignal::new(String::new());
    let group_type = RwSignal::new(String::new());
    let page = RwSignal::new(0_usize);

    let groups = Memo::new(move |_| listing.dids().with(|dids| summarize_groups(dids)));
    let filtered = Memo::new(move |_| {
        let (country, group_type) = (country.get(), group_type.get());
        let country = Some(country.as_str()).filter(|id| !id.is_empty());
        let group_type = Some(group_type.as_str()).filter(|id| !id.is_empty());
        listing.dids().with(|dids| {
            dids.iter()
                .enumerate()
                .filter(|(_, did)| matches_group(did, country, group_type))
                .map(|(index, _)| index)
                .collect::<Vec<usize>>()
        })
    });
    let visible = Memo::new(move |_| {
        let start = page.get() * ROWS_PER_PAGE;
        filtered.with(|indices| {
            listing.dids().with(|dids| {
                indices
                    .iter()
                    .skip(start)
                    .take(ROWS_PER_PAGE)
                    .filter_map(|index| dids.get(*index).cloned())
                    .collect::<Vec<Did>>()
            })
        })
    });
    let selected_count = move || draft.selected_dids().with(Vec::len);
    let has_queue = move || draft.batch_queue().with(|queue| !queue.is_empty());

    // A new filter starts at its first page.
    Effect::new(move |_| {
        country.track();
        group_type.track();
        page.set(0);
    });

    // A changed choice is read out; the selection as the step opens is on screen already.
    let summary = Memo::new(move |_| selection_summary(draft));
    Effect::new(move |was_shown: Option<()>| {
        let summary = summary.get();
        if was_shown.is_some() {
            announcer.announce(summary);
        }
    });

    let on_search = move |digits: String| {
        if search_digits.get_untracked() != digits {
            set_search_digits.set(digits);
        }
    };
    let on_continue = move |_| {
        if selected_count() > 0 {
            navigate(WizardStep::Requirement.path(), NavigateOptions::default());
        }
    };

    // Only a change of phase redraws the table, not every page that arrives.
    let phase = Memo::new(move |_| {
        let has_rows = listing.dids().with(|dids| !dids.is_empty());
        listing.progress().with(|progress| match progress {
            _ if has_rows => Phase::Rows,
            LoadProgress::Idle | LoadProgress::Loading => Phase::Waiting,
            LoadProgress::Stopped(_) => Phase::Failed,
            LoadProgress::Complete => Phase::Empty,
        })
    });

    let numbers_view = move || match phase.get() {
        Phase::Waiting => view! { <LoadingState message="Loading your numbers…" /> }.into_any(),
        // The load status above says what went wrong.
        Phase::Failed => ().into_any(),
        Phase::Empty => view! {
            <EmptyState
                title="No emergency-capable numbers without emergency calling"
                advice="Numbers appear here when their DID group supports emergency calling \
                        and emergency calling is not active on them yet."
            />
        }
        .into_any(),
        Phase::Rows => view! {
            <GroupFilters
                groups=groups
                country=country
                group_type=group_type
                is_waiting=Signal::derive(move || chooser.pending_group.with(Option::is_some))
                on_choose_group=move |request| chooser.choose_group(request)
            />
            <ChoiceNotice chooser=chooser />
            <DidTable
                dids=visible
                chooser=chooser
                caption="Numbers that can be registered"
                empty_message="No number matches these filters."
                test_id="did-table"
            />
            <Pager page=page count=Signal::derive(move || filtered.with(Vec::len)) />
        }
        .into_any(),
    };

    view! {
        <section class="dwe-step" data-testid="step-dids">
            <StepHeading
                title="Choose the numbers to register"
                lead="Pick the numbers that need emergency calling. One registration covers \
                      numbers of the same country and type."
            />
            <Show when=move || selected_count() == 0>
                <NextBatch />
            </Show>
            <SearchBox on_search=on_search />
            <LoadStatus listing=listing on_retry=move |_| retry_listing(listing, config) />
            {move || {
                let digits = search_digits.get();
                if digits.is_empty() {
                    numbers_view.into_any()
                } else {
                    view! {
                        <ChoiceNotice chooser=chooser />
                        <SearchResults digits=digits chooser=chooser />
                    }
                    .into_any()
                }
            }}
            <BatchPanel chooser=chooser />
            <CaseLegend />
            <div class="dwe-actions dwe-actions--end">
                <p class="dwe-actions__summary" data-testid="did-selection-summary">
                    {move || summary.get()}
                </p>
                <button
                    type="button"
                    class="dwe-button dwe-button--primary"
                    data-testid="did-continue"
                    disabled=move || selected_count() == 0
                    on:click=on_continue
                >
                    {move || if has_queue() { "Continue with the first batch" } else { "Continue" }}
                </button>
            </div>
        </section>
    }
}

/// Which part of the first step the numbers' loading calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No number yet, more on the way.
    Waiting,
    /// No number, and loading failed.
    Failed,
    /// Every page arrived and none had a number.
    Empty,
    /// Some numbers are there to show.
    Rows,
}

/// What is chosen, in a line: "3 numbers selected · Lithuania · Local", or the batches.
fn selection_summary(draft: WizardContext) -> String {
    let queued: usize = draft.batch_queue().with(Vec::len);
    draft.selected_dids().with(|selected| {
        if selected.is_empty() {
            return "No numbers selected".to_owned();
        }
        if queued == 0 {
            let place = place_for_reading(selected)
                .map(|place| format!(" · {place}"))
                .unwrap_or_default();
            return format!("{} selected{place}", numbers_count(selected.len()));
        }
        let total: usize = selected.len()
            + draft
                .batch_queue()
                .with(|queue| queue.iter().map(Vec::len).sum::<usize>());
        format!(
            "{} in {} registrations; first: {}",
            numbers_count(total),
            queued + 1,
            describe_batch(selected)
        )
    })
}

/// What the registration cases mean, in the guide's words.
#[component]
fn CaseLegend() -> impl IntoView {
    view! {
        <details class="dwe-legend">
            <summary class="dwe-legend__summary">"What do the registration cases mean?"</summary>
            <dl class="dwe-legend__list">
                <dt>"Free"</dt>
                <dd>
                    "No earlier registration: any identity that meets the requirement can be \
                     used."
                </dd>
                <dt>"Locked to identity"</dt>
                <dd>
                    "The number was activated with end-user registration for this identity, so \
                     emergency calling must use the same identity and one of its addresses."
                </dd>
                <dt>"Porting identity"</dt>
                <dd>
                    "The number came with this identity; it is preselected, but you can choose \
                     another."
                </dd>
                <dt>"In calling service"</dt>
                <dd>
                    "The number already belongs to an emergency calling service and cannot be \
                     added again."
                </dd>
            </dl>
        </details>
    }
}

/// The selection's numbers for reading, such as "+370 5203 2401, +370 5203 2400"; past ten
/// numbers, the rest are only counted.
pub(super) fn numbers_for_reading(dids: &[Did]) -> String {
    let spelled = dids
        .iter()
        .take(NUMBERS_SPELLED_OUT)
        .map(|did| {
            let prefix = did
                .country
                .as_ref()
                .and_then(|country| country.prefix.as_deref());
            format_number(&did.number, prefix)
        })
        .collect::<Vec<_>>()
        .join(", ");
    match dids.len().saturating_sub(NUMBERS_SPELLED_OUT) {
        0 => spelled,
        rest => format!("{spelled} and {} more", numbers_count(rest)),
    }
}

/// The selection's country and type names, such as "Lithuania · Local".
pub(super) fn place_for_reading(dids: &[Did]) -> Option<String> {
    country_and_type(dids)?;
    let first = dids.first()?;
    let country = first.country.as_ref().map(|country| country.name.clone())?;
    let kind = first.group_type.as_ref().map(|kind| kind.name.clone())?;
    Some(format!("{country} · {kind}"))
}
