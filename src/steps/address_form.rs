//! The form that creates an address for the chosen identity.

use leptos::prelude::*;

use super::record_form::{use_record_form, UseRecordFormReturn};
use crate::api::{create_address, list_areas, Client, NewAddress};
use crate::components::{ErrorSummary, SchemaFields, SelectOption};
use crate::config::ConfigContext;
use crate::domain::form::{address_schema, new_address, FieldKey};
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

    let schema = Signal::stored(address_schema(&requirement));

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

    let UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    } = use_record_form(
        schema,
        draft.address_values().into(),
        move |values| new_address(&identity_id, &country_id, values),
        |client: Client, address: NewAddress| async move { create_address(&client, &address).await },
        on_created,
    );

    view! {
        <form
            class="dwe-form dwe-form--panel"
            data-testid="address-form"
            on:submit=on_submit
            novalidate
        >
            <h2 class="dwe-form__title" id="address-form-title" tabindex="-1">
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
