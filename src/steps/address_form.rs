//! The form that creates an address for the chosen identity.

use leptos::prelude::*;

use crate::api::{create_address, list_areas, NewAddress};
use crate::components::{ErrorSummary, SchemaFields, SelectOption, SummaryEntry};
use crate::config::ConfigContext;
use crate::domain::form::{address_schema, check_form, new_address, FieldKey};
use crate::domain::problems::{problems_from_api_error, Problem};
use crate::model::{Address, EmergencyRequirement};
use crate::state::WizardContext;

/// The address fields the requirement asks for, checked before sending; server objections
/// land on their fields. Typed values live in the draft, so nothing is lost on an error.
#[component]
pub(super) fn AddressForm(
    /// The requirement that shapes the form.
    requirement: EmergencyRequirement,
    /// The identity the address belongs to.
    identity_id: String,
    /// The numbers' country, where the address must be.
    country_id: String,
    /// The country's name, for the form's wording.
    #[prop(into)]
    country_name: Signal<String>,
    /// Called with the address once created.
    #[prop(into)]
    on_created: Callback<Address>,
    /// Called when the user closes the form.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let (problems, set_problems) = signal(Vec::<Problem>::new());

    let schema = Signal::stored(address_schema(&requirement));
    let summary_entries = Signal::derive(move || {
        SummaryEntry::from_problems(&problems.get(), &schema.with(|schema| schema.api_names()))
    });

    // Areas are only fetched when the requirement asks for one.
    let needs_area = schema.with_untracked(|schema| schema.is_required(FieldKey::Area));
    let area_country_id = country_id.clone();
    let areas = LocalResource::new(move || {
        let client = config.client();
        let country_id = area_country_id.clone();
        async move {
            if !needs_area {
                return Ok(Vec::new());
            }
            list_areas(&client?, &country_id).await
        }
    });
    let area_options = Signal::derive(move || {
        let mut options = vec![SelectOption {
            value: String::new(),
            label: "Choose a state, province or region".to_owned(),
        }];
        match areas.get() {
            Some(Ok(found)) => options.extend(found.into_iter().map(|area| SelectOption {
                value: area.id,
                label: area.name,
            })),
            Some(Err(error)) => {
                options[0].label = format!("Areas could not load: {}", error.message())
            }
            None => options[0].label = "Loading areas…".to_owned(),
        }
        options
    });

    let create_address_action = Action::new_local(move |address: &NewAddress| {
        let address = address.clone();
        let client = config.client_untracked();
        async move { create_address(&client?, &address).await }
    });
    let is_pending = create_address_action.pending();

    Effect::new(move |_| match create_address_action.value().get() {
        Some(Ok(address)) => on_created.run(address),
        Some(Err(error)) => {
            let fields = schema.with_untracked(|schema| schema.api_names());
            set_problems.set(problems_from_api_error(&error, &fields));
        }
        None => {}
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if is_pending.get_untracked() {
            return;
        }
        let values = draft.address_values().get_untracked();
        let found = schema.with_untracked(|schema| check_form(schema, &values));
        if !found.is_empty() {
            set_problems.set(found);
            return;
        }
        set_problems.set(Vec::new());
        create_address_action.dispatch(new_address(&identity_id, &country_id, &values));
    };

    view! {
        <form
            class="dwe-form dwe-form--panel"
            data-testid="address-form"
            on:submit=on_submit
            novalidate
        >
            <h2 class="dwe-form__title">
                {move || format!("New address in {}", country_name.get())}
            </h2>
            <ErrorSummary entries=summary_entries />
            <p class="dwe-form__note">"Fields marked * are required."</p>
            <SchemaFields
                schema=schema
                values=draft.address_values()
                problems=problems
                countries=Signal::stored(Vec::new())
                areas=area_options
                on_change=move |(name, value): (String, String)| {
                    draft.set_address_value(&name, value)
                }
            />
            <div class="dwe-actions">
                <button
                    type="submit"
                    class="dwe-button dwe-button--primary"
                    data-testid="address-create"
                    disabled=move || is_pending.get()
                >
                    {move || if is_pending.get() { "Creating…" } else { "Create address" }}
                </button>
                <button
                    type="button"
                    class="dwe-button dwe-button--secondary"
                    on:click=move |_| on_cancel.run(())
                >
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
