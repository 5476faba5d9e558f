//! Step 4: choose or create the address, which must belong to the chosen identity.

use leptos::prelude::*;

use super::address_edit::AddressEditForm;
use super::address_form::AddressForm;
use super::{country_name, load_countries};
use crate::api::{did_locality, list_addresses};
use crate::components::{
    focus_when_ready, AnnouncerContext, BlockedStep, ErrorState, LoadingState, StepHeading,
};
use crate::config::ConfigContext;
use crate::domain::edit::{can_edit_address, VERIFIED_ADDRESS};
use crate::domain::locality::{scope_problem, AddressPlace, AddressScope};
use crate::domain::selection::country_and_type;
use crate::model::{Address, Did, DidLocality, EmergencyRequirement, Identity};
use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{WizardContext, WizardStep};

/// Lists the chosen identity's addresses in the numbers' country and offers to add one.
#[component]
pub fn StepAddress() -> impl IntoView {
    let draft = WizardContext::expect();
    let blocker = Memo::new(move |_| draft.blocker(WizardStep::Address));

    view! {
        <section class="dwe-step" data-testid="step-address">
            <StepHeading
                title="Choose the address"
                lead="Where emergency services should be sent. It must belong to the identity \
                      you chose."
            />
            {move || match blocker.get() {
                Some(blocker) => view! { <BlockedStep blocker=blocker /> }.into_any(),
                None => {
                    let requirement = draft.requirement().get_untracked();
                    let identity = draft.identity().get_untracked();
                    let country_id = draft
                        .selected_dids()
                        .with_untracked(|dids| country_and_type(dids))
                        .map(|(country, _)| country)
                        .or_else(|| requirement.as_ref().and_then(|r| r.country_id.clone()))
                        .unwrap_or_default();
                    match (requirement, identity) {
                        (Some(requirement), Some(identity)) => view! {
                            <AddressChoice
                                requirement=requirement
                                identity=identity
                                country_id=country_id
                            />
                        }
                        .into_any(),
                        _ => ().into_any(),
                    }
                }
            }}
        </section>
    }
}

#[component]
fn AddressChoice(
    requirement: EmergencyRequirement,
    identity: Identity,
    country_id: String,
) -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let navigate = use_navigate();
    // Whether the form is open is part of the draft, so a reload shows the half-filled form.
    let is_creating = draft.address_form_open();
    let set_is_creating = move |is_open: bool| draft.set_address_form_open(is_open);
    let (editing, set_editing) = signal(None::<Address>);
    let (created_notice, set_created_notice) = signal(None::<String>);
    let has_announced_list = StoredValue::new(false);
    let countries = load_countries();
    let identity_name = identity.display_name();
    let scope = AddressScope::of(requirement.address_area_level.as_ref());

    let addresses = LocalResource::new({
        let (identity_id, country_id) = (identity.id.clone(), country_id.clone());
        move || {
            let client = config.client();
            let (identity_id, country_id) = (identity_id.clone(), country_id.clone());
            async move {
                // A world-wide requirement takes an address in any country.
                let country =
                    Some(country_id.as_str()).filter(|id| !id.is_empty() && scope.needs_country());
                list_addresses(&client?, &identity_id, country).await
            }
        }
    });
    let locality = load_locality(scope, country_id.clone());

    let country_label = Signal::derive({
        let country_id = country_id.clone();
        move || {
            countries.get().and_then(Result::ok).map_or_else(
                || "the numbers' country".to_owned(),
                |all| country_name(&all, &country_id),
            )
        }
    });

    let on_created = move |address: Address| {
        let notice = format!("{} was created and selected.", address.one_line());
        announcer.announce(notice.clone());
        set_created_notice.set(Some(notice));
        // The form goes away; focus goes to the new address once the list shows it.
        focus_when_ready(format!("address-option-{}", address.id));
        draft.choose_address(Some(address));
        set_is_creating(false);
        addresses.refetch();
    };
    let on_saved = move |address: Address| {
        set_created_notice.set(Some(format!(
            "Changes to {} were saved.",
            address.one_line()
        )));
        set_editing.set(None);
        draft.address_changed(address);
        addresses.refetch();
    };
    let on_open_form = move |_| {
        set_is_creating(true);
        focus_when_ready("address-form-title");
    };
    let on_cancel_form = move |_| {
        set_is_creating(false);
        focus_when_ready("address-new");
    };
    let on_continue = move |_| {
        if draft.address().with_untracked(Option::is_some) {
            navigate(WizardStep::Validate.path(), NavigateOptions::default());
        }
    };

    let option_view = move |address: Address, locality: &DidLocality| {
        let id = address.id.clone();
        let option_id = format!("address-option-{id}");
        let line = address.one_line();
        let description = address.description.clone();
        let place = AddressPlace {
            country_id: address.country_id.as_deref(),
            area_id: address.area_id.as_deref(),
            city_id: address.city_id.as_deref(),
            city_name: address.city_name.as_deref(),
        };
        let problem = scope_problem(scope, locality, &place).map(|problem| problem.message);
        let misfit_id = format!("address-misfit-{id}");
        let fits = problem.is_none();
        let edit_view = address_edit_action(&address, fits, set_editing);
        let verified_note = (!fits && !can_edit_address(&address)).then(|| {
            view! {
                <span
                    class="dwe-option__note"
                    data-testid=format!("address-verified-{}", address.id)
                >
                    {VERIFIED_ADDRESS}
                </span>
            }
        });
        let is_checked = move || {
            draft
                .address()
                .with(|chosen| chosen.as_ref().is_some_and(|c| c.id == id))
        };
        view! {
            <div class="dwe-option" class:dwe-option--disabled=!fits>
                <input
                    type="radio"
                    class="dwe-radio"
                    name="address"
                    id=option_id.clone()
                    data-testid=option_id.clone()
                    disabled=!fits
                    prop:checked=is_checked
                    on:change=move |_| draft.choose_address(Some(address.clone()))
                />
                <label class="dwe-option__label" for=option_id>
                    <span class="dwe-option__title">{line}</span>
                    {description.map(|text| view! { <span class="dwe-option__meta">{text}</span> })}
                    {problem
                        .map(|problem| {
                            view! {
                                <span
                                    class="dwe-option__fit dwe-option__fit--missing"
                                    data-testid=misfit_id
                                >
                                    {format!("✕ Cannot be used. {problem}.")}
                                </span>
                            }
                        })}
                    {verified_note}
                </label>
                {edit_view}
            </div>
        }
    };

    let list_view = move |found: Vec<Address>, locality: DidLocality| {
        // The first list is announced; a reload after creating one is covered by that news.
        if !has_announced_list.get_value() {
            has_announced_list.set_value(true);
            announcer.announce(match found.len() {
                0 => "This identity has no address here yet.".to_owned(),
                1 => "1 address listed.".to_owned(),
                count => format!("{count} addresses listed."),
            });
        }
        if found.is_empty() {
            return view! {
                <p class="dwe-state dwe-state--empty" data-testid="address-empty">
                    {move || format!(
                        "This identity has no address in {} yet. Add one below.",
                        country_label.get()
                    )}
                </p>
            }
            .into_any();
        }
        view! {
            <fieldset class="dwe-options" data-testid="address-options">
                <legend class="dwe-visually-hidden">"Address"</legend>
                {found
                    .into_iter()
                    .map(|address| option_view(address, &locality))
                    .collect_view()}
            </fieldset>
        }
        .into_any()
    };

    let (identity_id, form_country) = (identity.id.clone(), country_id.clone());
    let country_for_list = country_id.clone();
    let known_locality = Signal::derive(move || locality.get().flatten());
    let edit_requirement = requirement.clone();
    let edit_country = country_id.clone();
    view! {
        <p class="dwe-step__context" data-testid="address-identity">
            "Addresses of "
            <strong>{identity_name}</strong>
        </p>
        <p class="dwe-live" data-testid="address-created">
            {move || created_notice.get()}
        </p>
        <Transition fallback=|| view! { <LoadingState message="Loading addresses…" /> }>
            {move || {
                let country_id = country_for_list.clone();
                Suspend::new(async move {
                    let loaded = addresses.await;
                    // Where the numbers are only sharpens the list: unknown, DIDWW checks it.
                    let where_numbers_are = locality.await.unwrap_or_else(|| DidLocality {
                        country_id,
                        ..DidLocality::default()
                    });
                    match loaded {
                        Ok(found) => list_view(found, where_numbers_are),
                        Err(error) => view! {
                            <ErrorState error=error on_retry=move |_| addresses.refetch() />
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
        {move || {
            editing
                .get()
                .map(|address| {
                    view! {
                        <AddressEditForm
                            address=address
                            requirement=edit_requirement.clone()
                            country_id=edit_country.clone()
                            locality=known_locality
                            on_saved=on_saved
                            on_cancel=move |_| set_editing.set(None)
                        />
                    }
                })
        }}
        <Show
            when=move || is_creating.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        id="address-new"
                        data-testid="address-new"
                        on:click=on_open_form
                    >
                        "Add a new address"
                    </button>
                }
            }
        >
            <AddressForm
                requirement=requirement.clone()
                identity_id=identity_id.clone()
                country_id=form_country.clone()
                country_name=country_label
                locality=known_locality
                on_created=on_created
                on_cancel=on_cancel_form
            />
        </Show>
        <div class="dwe-actions dwe-actions--end">
            <button
                type="button"
                class="dwe-button dwe-button--primary"
                data-testid="address-continue"
                disabled=move || draft.address().with(Option::is_none)
                on:click=on_continue
            >
                "Continue"
            </button>
        </div>
    }
}

/// Where the selected numbers are, read from DIDWW only when the requirement's level needs
/// more than the country; `None` when that could not be read (DIDWW still checks it).
fn load_locality(scope: AddressScope, country_id: String) -> LocalResource<Option<DidLocality>> {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    LocalResource::new(move || {
        let client = config.client();
        let dids: Vec<Did> = draft.selected_dids().get_untracked();
        let country_id = country_id.clone();
        async move {
            if !matches!(scope, AddressScope::Area | AddressScope::City) {
                return Some(DidLocality {
                    country_id,
                    ..DidLocality::default()
                });
            }
            let found = match client {
                Ok(client) => did_locality(&client, &dids).await,
                Err(error) => Err(error),
            };
            found
                .inspect_err(|error| log::warn!("where the numbers are is unknown: {error}"))
                .ok()
        }
    })
}

/// The button that opens an unverified address for correcting; nothing for a verified one.
fn address_edit_action(
    address: &Address,
    fits: bool,
    set_editing: WriteSignal<Option<Address>>,
) -> impl IntoView {
    if !can_edit_address(address) {
        return ().into_any();
    }
    let label = if fits { "Edit" } else { "Correct this address" };
    let test_id = format!("address-edit-{}", address.id);
    let address = address.clone();
    view! {
        <button
            type="button"
            class="dwe-button dwe-button--secondary dwe-button--small"
            data-testid=test_id
            on:click=move |_| set_editing.set(Some(address.clone()))
        >
            {label}
        </button>
    }
    .into_any()
}
