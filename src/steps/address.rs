//! Step 4: choose or create the address, which must belong to the chosen identity.

use leptos::prelude::*;

use super::address_form::AddressForm;
use super::{country_name, load_countries};
use crate::api::list_addresses;
use crate::components::{BlockedStep, ErrorState, LoadingState, StepHeading};
use crate::config::ConfigContext;
use crate::domain::selection::country_and_type;
use crate::model::{Address, EmergencyRequirement, Identity};
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
    let navigate = use_navigate();
    let (is_creating, set_is_creating) = signal(false);
    let (created_notice, set_created_notice) = signal(None::<String>);
    let countries = load_countries();
    let identity_name = identity.display_name();

    let addresses = LocalResource::new({
        let (identity_id, country_id) = (identity.id.clone(), country_id.clone());
        move || {
            let client = config.client();
            let (identity_id, country_id) = (identity_id.clone(), country_id.clone());
            async move {
                let country = Some(country_id.as_str()).filter(|id| !id.is_empty());
                list_addresses(&client?, &identity_id, country).await
            }
        }
    });

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
        set_created_notice.set(Some(format!(
            "{} was created and selected.",
            address.one_line()
        )));
        draft.choose_address(Some(address));
        set_is_creating.set(false);
        addresses.refetch();
    };
    let on_continue = move |_| {
        if draft.address().with_untracked(Option::is_some) {
            navigate(WizardStep::Validate.path(), NavigateOptions::default());
        }
    };

    let option_view = move |address: Address| {
        let id = address.id.clone();
        let option_id = format!("address-option-{id}");
        let line = address.one_line();
        let description = address.description.clone();
        let is_checked = move || {
            draft
                .address()
                .with(|chosen| chosen.as_ref().is_some_and(|c| c.id == id))
        };
        view! {
            <div class="dwe-option">
                <input
                    type="radio"
                    class="dwe-radio"
                    name="address"
                    id=option_id.clone()
                    data-testid=option_id.clone()
                    prop:checked=is_checked
                    on:change=move |_| draft.choose_address(Some(address.clone()))
                />
                <label class="dwe-option__label" for=option_id>
                    <span class="dwe-option__title">{line}</span>
                    {description.map(|text| view! { <span class="dwe-option__meta">{text}</span> })}
                </label>
            </div>
        }
    };

    let list_view = move |found: Vec<Address>| {
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
                {found.into_iter().map(option_view).collect_view()}
            </fieldset>
        }
        .into_any()
    };

    let (identity_id, form_country) = (identity.id.clone(), country_id.clone());
    view! {
        <p class="dwe-step__context" data-testid="address-identity">
            "Addresses of "
            <strong>{identity_name}</strong>
        </p>
        <p class="dwe-live" role="status" data-testid="address-created">
            {move || created_notice.get()}
        </p>
        <Transition fallback=|| view! { <LoadingState message="Loading addresses…" /> }>
            {move || Suspend::new(async move {
                match addresses.await {
                    Ok(found) => list_view(found),
                    Err(error) => view! {
                        <ErrorState error=error on_retry=move |_| addresses.refetch() />
                    }
                    .into_any(),
                }
            })}
        </Transition>
        <Show
            when=move || is_creating.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="address-new"
                        on:click=move |_| set_is_creating.set(true)
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
                on_created=on_created
                on_cancel=move |_| set_is_creating.set(false)
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
