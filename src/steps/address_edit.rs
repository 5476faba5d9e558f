//! The form that corrects an address the customer already has.

use leptos::prelude::*;

use super::address_form::{check_scope, city_named, use_area_options};
use super::record_form::{unless_unchanged, use_record_form, UseRecordFormReturn};
use crate::api::{update_address, AddressUpdate, Client};
use crate::components::{ErrorSummary, FormActions, SchemaFields};
use crate::domain::edit::{address_form_values, address_update};
use crate::domain::form::{address_schema, FieldKey, FormValues};
use crate::domain::locality::AddressScope;
use crate::model::{Address, DidLocality, EmergencyRequirement};

/// The requirement's address form filled with `address`'s details. Saving sends only the
/// changed attributes; its identity and country stay, as DIDWW requires.
#[component]
pub(super) fn AddressEditForm(
    /// The address to change.
    address: Address,
    /// The requirement that shapes the form.
    requirement: EmergencyRequirement,
    /// The numbers' country, where the address is.
    country_id: String,
    /// Where the numbers are, once known, for area- and city-level requirements.
    #[prop(into)]
    locality: Signal<Option<DidLocality>>,
    /// Called with the address as DIDWW holds it after saving.
    #[prop(into)]
    on_saved: Callback<Address>,
    /// Called when the user closes the form.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let values = RwSignal::new(address_form_values(&address));
    let schema = Signal::stored(address_schema(&requirement));
    let scope = AddressScope::of(requirement.address_area_level.as_ref());
    let needs_area = schema.with_untracked(|schema| schema.is_required(FieldKey::Area));
    let area_options = use_area_options(country_id.clone(), needs_area);
    let line = address.one_line();

    let check = move |typed: &FormValues| {
        locality.with_untracked(|locality| match locality {
            Some(locality) => check_scope(scope, locality, &country_id, typed),
            None => Vec::new(),
        })
    };
    let original = address.clone();
    let build = move |typed: &FormValues| {
        let city_id = locality.with_untracked(|locality| city_named(locality, typed));
        address_update(&original, typed, city_id)
    };
    let UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    } = use_record_form(
        schema,
        values.into(),
        check,
        build,
        move |client: Client, update: AddressUpdate| {
            let is_unchanged = update.is_empty();
            let send = async move { update_address(&client, &update).await };
            unless_unchanged(address.clone(), is_unchanged, send)
        },
        on_saved,
    );

    view! {
        <form
            class="dwe-form dwe-form--panel"
            data-testid="address-edit-form"
            on:submit=on_submit
            novalidate
        >
            <h2 class="dwe-form__title">{format!("Correct {line}")}</h2>
            <ErrorSummary entries=summary_entries />
            <p class="dwe-form__note">
                "Fields marked * are required; only what you change is sent."
            </p>
            <SchemaFields
                schema=schema
                values=values
                problems=problems
                countries=Signal::stored(Vec::new())
                areas=area_options
                on_change=move |(name, value): (String, String)| {
                    values.update(|values| {
                        values.insert(name, value);
                    })
                }
            />
            <FormActions
                submit_label="Save changes"
                pending_label="Saving…"
                submit_test_id="address-save"
                cancel_test_id="address-edit-cancel"
                is_pending=is_pending
                on_cancel=on_cancel
            />
        </form>
    }
}
