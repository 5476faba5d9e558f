//! Narrowing the table to one country and type, and choosing all of a group in one action.

use leptos::prelude::*;

use super::choosing::GroupRequest;
use crate::domain::selection::{thousands, GroupSummary};

/// Country and type pickers built from the numbers loaded, and the whole-group action once
/// both are chosen.
#[component]
pub(super) fn GroupFilters(
    /// The groups among the numbers loaded.
    #[prop(into)]
    groups: Signal<Vec<GroupSummary>>,
    /// The country id chosen; empty for every country.
    country: RwSignal<String>,
    /// The DID group type id chosen; empty for every type.
    group_type: RwSignal<String>,
    /// True while a whole-group choice waits for the remaining numbers.
    #[prop(into)]
    is_waiting: Signal<bool>,
    /// Called when the user chooses the whole group.
    #[prop(into)]
    on_choose_group: Callback<GroupRequest>,
) -> impl IntoView {
    let countries = move || groups.with(|groups| country_options(groups));
    let types = move || groups.with(|groups| type_options(groups, &country.get()));
    let chosen_group = move || {
        let (country, group_type) = (country.get(), group_type.get());
        groups.with(|groups| {
            groups
                .iter()
                .find(|group| {
                    group.country_id.as_deref() == Some(country.as_str())
                        && group.type_id.as_deref() == Some(group_type.as_str())
                })
                .cloned()
        })
    };

    let on_country = move |event| {
        country.set(event_target_value(&event));
        // A type chosen for another country may not exist in this one.
        let still_there = types()
            .iter()
            .any(|(id, _)| *id == group_type.get_untracked());
        if !still_there {
            group_type.set(String::new());
        }
    };

    let group_action = move || {
        let group = chosen_group()?;
        let place = format!("{} ({})", group.country_name, group.type_name);
        let label = format!("Select all free numbers of {place}");
        let selectable = group.selectable;
        let request = GroupRequest {
            country_id: group.country_id.clone().unwrap_or_default(),
            type_id: group.type_id.clone().unwrap_or_default(),
            place,
        };
        Some(view! {
            <button
                type="button"
                class="dwe-button dwe-button--secondary"
                data-testid="did-choose-group"
                disabled=selectable == 0
                // Busy while the group waits for the rest of the numbers: marked, not disabled,
                // so the button keeps keyboard focus.
                aria-disabled=move || is_waiting.get().then_some("true")
                on:click=move |_| {
                    if !is_waiting.get_untracked() {
                        on_choose_group.run(request.clone());
                    }
                }
            >
                {label}
            </button>
        })
    };

    view! {
        <div class="dwe-did-filters">
            <div class="dwe-field">
                <label class="dwe-field__label" for="did-filter-country">"Country"</label>
                <select
                    class="dwe-field__control dwe-field__control--select"
                    id="did-filter-country"
                    data-testid="did-filter-country"
                    prop:value=move || country.get()
                    on:change=on_country
                >
                    <option value="">"All countries"</option>
                    {move || options(countries(), &country.get())}
                </select>
            </div>
            <div class="dwe-field">
                <label class="dwe-field__label" for="did-filter-type">"Number type"</label>
                <select
                    class="dwe-field__control dwe-field__control--select"
                    id="did-filter-type"
                    data-testid="did-filter-type"
                    prop:value=move || group_type.get()
                    on:change=move |event| group_type.set(event_target_value(&event))
                >
                    <option value="">"All types"</option>
                    {move || options(types(), &group_type.get())}
                </select>
            </div>
            <div class="dwe-did-filters__action">{group_action}</div>
        </div>
    }
}

/// `<option>`s for `(id, text)` pairs, with `current` selected.
fn options(choices: Vec<(String, String)>, current: &str) -> impl IntoView {
    choices
        .into_iter()
        .map(|(id, text)| {
            let is_selected = id == current;
            view! { <option value=id selected=is_selected>{text}</option> }
        })
        .collect_view()
}

/// Each country once, with how many numbers it has: ("id", "Germany (2,340)").
fn country_options(groups: &[GroupSummary]) -> Vec<(String, String)> {
    let mut countries: Vec<(String, String, usize)> = Vec::new();
    for group in groups {
        let Some(id) = &group.country_id else {
            continue;
        };
        match countries.iter_mut().find(|(known, _, _)| known == id) {
            Some((_, _, count)) => *count += group.total,
            None => countries.push((id.clone(), group.country_name.clone(), group.total)),
        }
    }
    countries
        .into_iter()
        .map(|(id, name, count)| (id, format!("{name} ({})", thousands(count))))
        .collect()
}

/// The types of `country` (of every country when it is empty), with their counts.
fn type_options(groups: &[GroupSummary], country: &str) -> Vec<(String, String)> {
    let mut types: Vec<(String, String, usize)> = Vec::new();
    let in_country = groups
        .iter()
        .filter(|group| country.is_empty() || group.country_id.as_deref() == Some(country));
    for group in in_country {
        let Some(id) = &group.type_id else { continue };
        match types.iter_mut().find(|(known, _, _)| known == id) {
            Some((_, _, count)) => *count += group.total,
            None => types.push((id.clone(), group.type_name.clone(), group.total)),
        }
    }
    crate::domain::sorting::sort_by(&mut types, |a, b| a.1.cmp(&b.1));
    types
        .into_iter()
        .map(|(id, name, count)| (id, format!("{name} ({})", thousands(count))))
        .collect()
}
