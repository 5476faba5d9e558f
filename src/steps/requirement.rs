//! Step 2: what DIDWW requires for the numbers' country and type.

use leptos::prelude::*;

use super::requirement_details::RequirementDetails;
use crate::api::{list_requirements, requirement_for};
use crate::components::{ErrorState, LoadingState, StepHeading};
use crate::config::ConfigContext;
use crate::domain::selection::country_and_type;
use crate::model::{Did, EmergencyRequirement};
use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{WizardContext, WizardStep};

/// Loads the requirement for the chosen numbers' country and type; without numbers, lets the
/// user look one up by country and type.
#[component]
pub fn StepRequirement() -> impl IntoView {
    let draft = WizardContext::expect();
    let navigate = use_navigate();

    let dids_key = Memo::new(move |_| draft.selected_dids().with(|dids| country_and_type(dids)));
    let has_requirement = move || draft.requirement().with(Option::is_some);

    let on_continue = move |_| {
        if draft.requirement().with_untracked(Option::is_some) {
            navigate(WizardStep::Identity.path(), NavigateOptions::default());
        }
    };

    view! {
        <section class="dwe-step" data-testid="step-requirement">
            <StepHeading
                title="Check the emergency requirement"
                lead="Each country and number type has its own rules for emergency registration: \
                      who can register, where the address must be, and what it costs."
            />
            {move || match dids_key.get() {
                Some(key) => view! { <FromNumbers key=key /> }.into_any(),
                None => view! { <Lookup /> }.into_any(),
            }}
            <div class="dwe-actions dwe-actions--end">
                <button
                    type="button"
                    class="dwe-button dwe-button--primary"
                    data-testid="requirement-continue"
                    disabled=move || !has_requirement()
                    on:click=on_continue
                >
                    "Continue"
                </button>
            </div>
        </section>
    }
}

/// The requirement that applies to the selected numbers (their country and type are fixed).
#[component]
fn FromNumbers(
    /// Country id and DID group type id of the selection.
    key: (String, String),
) -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let (country_id, type_id) = key;
    let dids = draft.selected_dids().get_untracked();
    let (country_name, type_name) = names_of(&dids);

    let requirement = LocalResource::new(move || {
        let client = config.client();
        let (country_id, type_id) = (country_id.clone(), type_id.clone());
        async move { requirement_for(&client?, &country_id, &type_id).await }
    });

    Effect::new(move |_| {
        if let Some(Ok(found)) = requirement.get() {
            draft.choose_requirement(found);
        }
    });

    let not_offered =
        format!("Emergency calling is not offered for {type_name} numbers in {country_name}.");
    view! {
        <div class="dwe-form__row">
            <FixedSelect name="requirement-country" label="Country" value=country_name />
            <FixedSelect name="requirement-type" label="Number type" value=type_name />
        </div>
        <p class="dwe-field__hint" id=FIXED_HINT_ID>
            "Set by the numbers you chose."
        </p>
        <Transition fallback=|| view! { <LoadingState message="Loading the requirement…" /> }>
            {move || {
                let not_offered = not_offered.clone();
                Suspend::new(async move {
                    match requirement.await {
                        Ok(Some(found)) => {
                            view! { <RequirementDetails requirement=found /> }.into_any()
                        }
                        Ok(None) => view! {
                            <div class="dwe-state dwe-state--empty" data-testid="requirement-none">
                                <p class="dwe-state__title">{not_offered}</p>
                                <p class="dwe-state__message">
                                    "Choose numbers of another country or type, or ask DIDWW \
                                     whether it can be enabled for your account."
                                </p>
                            </div>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <ErrorState error=error on_retry=move |_| requirement.refetch() />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The id of the hint that says why the country and type cannot be changed.
const FIXED_HINT_ID: &str = "requirement-fixed-hint";

/// A select that shows one fixed choice, so the page looks the same with or without numbers.
#[component]
fn FixedSelect(name: &'static str, label: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="dwe-field">
            <label class="dwe-field__label" for=name>{label}</label>
            <select
                class="dwe-field__control dwe-field__control--select"
                id=name
                data-testid=name
                aria-describedby=FIXED_HINT_ID
                disabled
            >
                <option selected>{value}</option>
            </select>
        </div>
    }
}

/// Country and type pickers over every requirement priced for the account.
#[component]
fn Lookup() -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let initial = draft.requirement().get_untracked();
    let (country_id, set_country_id) = signal(
        initial
            .as_ref()
            .and_then(|found| found.country_id.clone())
            .unwrap_or_default(),
    );
    let (type_id, set_type_id) = signal(
        initial
            .as_ref()
            .and_then(|found| found.group_type_id.clone())
            .unwrap_or_default(),
    );

    let requirements = LocalResource::new(move || {
        let client = config.client();
        async move { list_requirements(&client?).await }
    });

    // Whenever the pair changes, the matching requirement (or none) becomes the draft's.
    Effect::new(move |_| {
        let Some(Ok(all)) = requirements.get() else {
            return;
        };
        let (country, kind) = (country_id.get(), type_id.get());
        let found = all.into_iter().find(|requirement| {
            requirement.country_id.as_deref() == Some(country.as_str())
                && requirement.group_type_id.as_deref() == Some(kind.as_str())
        });
        draft.choose_requirement(found);
    });

    let on_country = move |id: String, all: &[EmergencyRequirement]| {
        let types = types_of(all, &id);
        // A country with a single number type needs no second choice.
        let next_type = match types.as_slice() {
            [(only, _)] => only.clone(),
            _ => String::new(),
        };
        set_country_id.set(id);
        set_type_id.set(next_type);
    };

    let pickers = move |all: Vec<EmergencyRequirement>| {
        let countries = countries_of(&all);
        let all_for_types = all.clone();
        let types = move || types_of(&all_for_types, &country_id.get());
        let selected = move || {
            let (country, kind) = (country_id.get(), type_id.get());
            all.iter()
                .find(|requirement| {
                    requirement.country_id.as_deref() == Some(country.as_str())
                        && requirement.group_type_id.as_deref() == Some(kind.as_str())
                })
                .cloned()
        };
        view! {
            <div class="dwe-form__row">
                <div class="dwe-field">
                    <label class="dwe-field__label" for="requirement-country">"Country"</label>
                    <select
                        class="dwe-field__control dwe-field__control--select"
                        id="requirement-country"
                        data-testid="requirement-country"
                        prop:value=move || country_id.get()
                        on:change=move |event| {
                            let id = event_target_value(&event);
                            if let Some(Ok(all)) = requirements.get_untracked() {
                                on_country(id, &all);
                            }
                        }
                    >
                        <option value="">"Choose a country…"</option>
                        {countries
                            .into_iter()
                            .map(|(id, name)| {
                                let is_selected = id == country_id.get_untracked();
                                view! { <option value=id selected=is_selected>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="dwe-field">
                    <label class="dwe-field__label" for="requirement-type">"Number type"</label>
                    <select
                        class="dwe-field__control dwe-field__control--select"
                        id="requirement-type"
                        data-testid="requirement-type"
                        disabled=move || country_id.with(String::is_empty)
                        prop:value=move || type_id.get()
                        on:change=move |event| set_type_id.set(event_target_value(&event))
                    >
                        <option value="">"Choose a type…"</option>
                        {move || {
                            let current = type_id.get();
                            types()
                                .into_iter()
                                .map(|(id, name)| {
                                    let is_selected = id == current;
                                    view! { <option value=id selected=is_selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </div>
            {move || match selected() {
                Some(found) => view! { <RequirementDetails requirement=found /> }.into_any(),
                None => view! {
                    <p class="dwe-field__hint">
                        "Choose a country and a number type to see what DIDWW requires."
                    </p>
                }
                .into_any(),
            }}
        }
        .into_any()
    };

    view! {
        <p class="dwe-notice dwe-notice--info">
            "No numbers are selected, so you can look up any country and type. To register, \
             choose numbers first."
        </p>
        <Transition fallback=|| view! { <LoadingState message="Loading requirements…" /> }>
            {move || Suspend::new(async move {
                match requirements.await {
                    Ok(all) => pickers(all),
                    Err(error) => view! {
                        <ErrorState error=error on_retry=move |_| requirements.refetch() />
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

/// Country and type names of the selection, as the DID list included them.
fn names_of(dids: &[Did]) -> (String, String) {
    let first = dids.first();
    let country = first
        .and_then(|did| did.country.as_ref())
        .map_or_else(|| "this country".to_owned(), |country| country.name.clone());
    let kind = first
        .and_then(|did| did.group_type.as_ref())
        .map_or_else(|| "these".to_owned(), |kind| kind.name.clone());
    (country, kind)
}

/// Each country that has a requirement, once, sorted by name.
fn countries_of(all: &[EmergencyRequirement]) -> Vec<(String, String)> {
    let mut countries: Vec<(String, String)> = all
        .iter()
        .filter_map(|requirement| {
            let id = requirement.country_id.clone()?;
            let name = requirement
                .country
                .as_ref()
                .map_or_else(|| id.clone(), |c| c.name.clone());
            Some((id, name))
        })
        .collect();
    crate::domain::sorting::sort_by(&mut countries, |a, b| {
        a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0))
    });
    countries.dedup_by(|a, b| a.0 == b.0);
    countries
}

/// The number types that have a requirement in `country_id`, sorted by name.
fn types_of(all: &[EmergencyRequirement], country_id: &str) -> Vec<(String, String)> {
    let mut types: Vec<(String, String)> = all
        .iter()
        .filter(|requirement| requirement.country_id.as_deref() == Some(country_id))
        .filter_map(|requirement| {
            let id = requirement.group_type_id.clone()?;
            let name = requirement
                .group_type
                .as_ref()
                .map_or_else(|| id.clone(), |t| t.name.clone());
            Some((id, name))
        })
        .collect();
    crate::domain::sorting::sort_by(&mut types, |a, b| a.1.cmp(&b.1));
    types.dedup_by(|a, b| a.0 == b.0);
    types
}
