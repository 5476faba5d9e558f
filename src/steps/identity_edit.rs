//! The form that completes or corrects an identity the customer already has.

use leptos::prelude::*;

use super::record_form::{
    country_options, today, unless_unchanged, use_record_form, UseRecordFormReturn,
};
use crate::api::{update_identity, ApiError, Client, IdentityUpdate};
use crate::components::{ErrorSummary, FormActions, SchemaFields};
use crate::domain::edit::{identity_form_values, identity_update};
use crate::domain::form::identity_schema;
use crate::model::{Country, EmergencyRequirement, Identity, IdentityType};

/// The requirement's identity form filled with `identity`'s details. Saving sends only the
/// changed attributes; DIDWW's objections land on their fields, and what was typed stays
/// while the form is open. The type cannot change, so it is shown, not offered.
#[component]
pub(super) fn IdentityEditForm(
    /// The identity to change.
    identity: Identity,
    /// The requirement that shapes the form.
    requirement: EmergencyRequirement,
    /// Every country, for the country select.
    countries: LocalResource<Result<Vec<Country>, ApiError>>,
    /// Called with the identity as DIDWW holds it after saving.
    #[prop(into)]
    on_saved: Callback<Identity>,
    /// Called when the user closes the form.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let identity_type = identity
        .identity_type
        .clone()
        .unwrap_or(IdentityType::Personal);
    let values = RwSignal::new(identity_form_values(&identity));
    let schema = Signal::stored(identity_schema(&requirement, &identity_type));
    let country_options = country_options(countries);
    let name = identity.display_name();
    let kind = format!("{} identity", identity_type.label());

    let original = identity.clone();
    let UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    } = use_record_form(
        schema,
        values.into(),
        |_| Vec::new(),
        move |typed| identity_update(&original, typed, &today()),
        move |client: Client, update: IdentityUpdate| {
            let is_unchanged = update.is_empty();
            let send = async move { update_identity(&client, &update).await };
            unless_unchanged(identity.clone(), is_unchanged, send)
        },
        on_saved,
    );

    view! {
        <form
            class="dwe-form dwe-form--panel"
            data-testid="identity-edit-form"
            on:submit=on_submit
            novalidate
        >
            <h2 class="dwe-form__title">{format!("Complete or correct {name}")}</h2>
            <ErrorSummary entries=summary_entries />
            <p class="dwe-form__note" data-testid="identity-edit-type">
                {format!("{kind}. Fields marked * are required; only what you change is sent.")}
            </p>
            <SchemaFields
                schema=schema
                values=values
                problems=problems
                countries=country_options
                on_change=move |(name, value): (String, String)| {
                    values.update(|values| {
                        values.insert(name, value);
                    })
                }
            />
            <FormActions
                submit_label="Save changes"
                pending_label="Saving…"
                submit_test_id="identity-save"
                cancel_test_id="identity-edit-cancel"
                is_pending=is_pending
                on_cancel=on_cancel
            />
        </form>
    }
}
