//! Step 1: choose the numbers to register.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api::list_emergency_dids;
use crate::components::{format_number, DidRow, EmptyState, ErrorState, LoadingState, StepHeading};
use crate::config::ConfigContext;
use crate::domain::selection::{check_addition, country_and_type};
use crate::model::Did;
use crate::state::{WizardContext, WizardStep};

/// Lists the account's emergency-capable numbers without emergency calling, with their
/// registration case, and lets the user pick numbers that can go into one registration.
#[component]
pub fn StepDids() -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let navigate = use_navigate();
    let (query, set_query) = signal(String::new());
    let (refusal, set_refusal) = signal(None::<(String, String)>);

    let selected_count = move || draft.selected_dids().with(Vec::len);
    let selection_summary = move || {
        draft.selected_dids().with(|selected| {
            let first = selected.first()?;
            let country = first.country.as_ref().map(|country| country.name.clone());
            let kind = first.group_type.as_ref().map(|kind| kind.name.clone());
            let count = selected.len();
            let noun = if count == 1 { "number" } else { "numbers" };
            let place = [country, kind]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            Some(format!("{count} {noun} selected · {place}"))
        })
    };

    let dids = LocalResource::new(move || {
        let client = config.client();
        async move { list_emergency_dids(&client?).await }
    });

    // Returns whether the new checkbox state stands; a refused selection is explained.
    let on_toggle = move |did: Did, is_checked: bool| -> bool {
        let mut selected = draft.selected_dids().get_untracked();
        if !is_checked {
            selected.retain(|chosen| chosen.id != did.id);
            set_refusal.set(None);
            draft.select_dids(selected);
            return true;
        }
        match check_addition(&selected, &did) {
            Ok(()) => {
                selected.push(did);
                set_refusal.set(None);
                draft.select_dids(selected);
                true
            }
            Err(refused) => {
                set_refusal.set(Some((did.id.clone(), refused.message())));
                false
            }
        }
    };

    let table_view = move |all_dids: Vec<Did>| {
        if all_dids.is_empty() {
            return view! {
                <EmptyState
                    title="No emergency-capable numbers without emergency calling"
                    advice="Numbers appear here when their DID group supports emergency calling \
                            and emergency calling is not active on them yet."
                />
            }
            .into_any();
        }
        let rows = move || {
            let digits: String = query.get().chars().filter(char::is_ascii_digit).collect();
            let visible: Vec<Did> = all_dids
                .iter()
                .filter(|did| digits.is_empty() || did.number.contains(&digits))
                .cloned()
                .collect();
            if visible.is_empty() {
                return view! {
                    <tr>
                        <td colspan="6" class="dwe-table__empty">
                            "No number matches this search."
                        </td>
                    </tr>
                }
                .into_any();
            }
            visible
                .into_iter()
                .map(|did| row_view(did, draft, refusal, on_toggle))
                .collect_view()
                .into_any()
        };
        view! {
            <div class="dwe-table-wrap">
                <table class="dwe-table" data-testid="did-table">
                    <caption class="dwe-visually-hidden">"Numbers that can be registered"</caption>
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
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let on_continue = move |_| {
        if draft
            .selected_dids()
            .with_untracked(|selected| !selected.is_empty())
        {
            navigate(WizardStep::Requirement.path(), NavigateOptions::default());
        }
    };

    view! {
        <section class="dwe-step" data-testid="step-dids">
            <StepHeading
                title="Choose the numbers to register"
                lead="Pick the numbers that need emergency calling. One registration covers \
                      numbers of the same country and type."
            />
            <div class="dwe-search">
                <label class="dwe-field__label" for="did-search">"Search by number"</label>
                <input
                    class="dwe-field__control dwe-search__input"
                    type="search"
                    id="did-search"
                    data-testid="did-search"
                    inputmode="numeric"
                    placeholder="For example 5203"
                    prop:value=move || query.get()
                    on:input=move |event| set_query.set(event_target_value(&event))
                />
            </div>
            <Transition fallback=|| view! { <LoadingState message="Loading your numbers…" /> }>
                {move || Suspend::new(async move {
                    match dids.await {
                        Ok(all_dids) => table_view(all_dids),
                        Err(error) => {
                            view! { <ErrorState error=error on_retry=move |_| dids.refetch() /> }
                                .into_any()
                        }
                    }
                })}
            </Transition>
            <CaseLegend />
            <div class="dwe-actions dwe-actions--end">
                <p
                    class="dwe-actions__summary"
                    aria-live="polite"
                    data-testid="did-selection-summary"
                >
                    {move || {
                        selection_summary().unwrap_or_else(|| "No numbers selected".to_owned())
                    }}
                </p>
                <button
                    type="button"
                    class="dwe-button dwe-button--primary"
                    data-testid="did-continue"
                    disabled=move || selected_count() == 0
                    on:click=on_continue
                >
                    "Continue"
                </button>
            </div>
        </section>
    }
}

fn row_view(
    did: Did,
    draft: WizardContext,
    refusal: ReadSignal<Option<(String, String)>>,
    on_toggle: impl Fn(Did, bool) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = did.id.clone();
    let is_selected = {
        let id = id.clone();
        Signal::derive(move || {
            draft
                .selected_dids()
                .with(|selected| selected.iter().any(|d| d.id == id))
        })
    };
    let row_refusal = {
        let id = id.clone();
        Signal::derive(move || {
            refusal.with(|refusal| {
                refusal
                    .as_ref()
                    .filter(|(refused, _)| *refused == id)
                    .map(|(_, message)| message.clone())
            })
        })
    };
    let toggled = did.clone();
    view! {
        <DidRow
            did=did
            is_selected=is_selected
            refusal=row_refusal
            on_toggle=move |is_checked: bool| on_toggle(toggled.clone(), is_checked)
        />
    }
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

/// The selection's numbers for reading, such as "+370 5203 2401, +370 5203 2400".
pub(super) fn numbers_for_reading(dids: &[Did]) -> String {
    dids.iter()
        .map(|did| {
            let prefix = did
                .country
                .as_ref()
                .and_then(|country| country.prefix.as_deref());
            format_number(&did.number, prefix)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The selection's country and type names, such as "Lithuania · Local".
pub(super) fn place_for_reading(dids: &[Did]) -> Option<String> {
    country_and_type(dids)?;
    let first = dids.first()?;
    let country = first.country.as_ref().map(|country| country.name.clone())?;
    let kind = first.group_type.as_ref().map(|kind| kind.name.clone())?;
    Some(format!("{country} · {kind}"))
}
