//! The form that creates an identity shaped by the requirement.

use leptos::prelude::*;

use super::record_form::{country_options, use_record_form, UseRecordFormReturn};
use crate::api::{create_identity, ApiError, Client, NewIdentity};
use crate::components::{ErrorSummary, FormActions, SchemaFields};
use crate::domain::form::{identity_schema, new_identity};
use crate::model::{Country, EmergencyRequirement, Identity, IdentityType};
use crate::state::WizardContext;

/// Type choice plus the fields the requirement asks for; checks them before sending and
/// puts the server's objections on the fields they concern. Typed values live in the draft,
/// so nothing is lost on an error or when the form is closed.
#[component]
pub(super) fn IdentityForm(
    /// The requirement that shapes the form.
    requirement: EmergencyRequirement,
    /// The identity kinds the requirement accepts.
    allowed: Vec<IdentityType>,
    /// The numbers' country, the default for the identity's country.
    country_id: String,
    /// Every country, for the country select.
    countries: LocalResource<Result<Vec<Country>, ApiError>>,
    /// Called with the identity once created.
    #[prop(into)]
    on_created: Callback<Identity>,
    /// Called when the user closes the form.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let draft = WizardContext::expect();

    let identity_type = Memo::new({
        let allowed = allowed.clone();
        move |_| match draft.identity_type().get() {
            Some(chosen) if allowed.contains(&chosen) => chosen,
            _ => allowed.first().cloned().unwrap_or(IdentityType::Personal),
        }
    });
    let schema = Memo::new(move |_| identity_schema(&requirement, &identity_type.get()));
    let country_options = country_options(countries);

    // The numbers' country is the likely answer, so it starts filled in.
    let has_country = draft
        .identity_values()
        .with_untracked(|values| values.get("country").is_some_and(|id| !id.is_empty()));
    if !has_country && !country_id.is_empty() {
        draft.set_identity_value("country", country_id);
    }

    // Sends the new identity; the hook checks the form first and routes DIDWW's objections.
    let send = |client: Client, identity: NewIdentity| async move {
        create_identity(&client, &identity).await
    };
    let UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    } = use_record_form(
        schema.into(),
        draft.identity_values().into(),
        |_| Vec::new(),
        move |values| new_identity(&identity_type.get_untracked(), values),
        send,
        on_created,
    );

    let type_choice = allowed
        .iter()
        .map(|kind| {
            let kind = kind.clone();
            let test_id = format!("identity-type-{}", kind.as_str());
            let label = format!("{} identity", kind.label());
            let hint = match kind {
                IdentityType::Business => "A company or organisation.",
                _ => "A private person.",
            };
            let checked_kind = kind.clone();
            view! {
                <div class="dwe-choice">
                    <input
                        type="radio"
                        class="dwe-radio"
                        name="identity_type"
                        id=test_id.clone()
                        data-testid=test_id.clone()
                        prop:checked=move || identity_type.get() == checked_kind
                        on:change=move |_| draft.choose_identity_type(kind.clone())
                    />
                    <label class="dwe-choice__label" for=test_id>
                        {label}
                        <span class="dwe-choice__hint">{hint}</span>
                    </label>
                </div>
            }
        })
        .collect_view();

    view! {
        <form
            class="dwe-form dwe-form--panel"
            data-testid="identity-form"
            on:submit=on_submit
            novalidate
        >
            <h2 class="dwe-form__title" id="identity-form-title" tabindex="-1">
                "New identity"
            </h2>
            <ErrorSummary entries=summary_entries />
            <fieldset class="dwe-fieldset">
                <legend class="dwe-fieldset__legend">"Identity type"</legend>
                {type_choice}
            </fieldset>
            <p class="dwe-form__note">"Fields marked * are required."</p>
            <SchemaFields
                schema=schema
                values=draft.identity_values()
                problems=problems
                countries=country_options
                on_change=move |(name, value): (String, String)| {
                    draft.set_identity_value(&name, value)
                }
            />
            <FormActions
                submit_label="Create identity"
                pending_label="Creating…"
                submit_test_id="identity-create"
                cancel_test_id="identity-cancel"
                is_pending=is_pending
                on_cancel=on_cancel
            />
        </form>
    }
}
