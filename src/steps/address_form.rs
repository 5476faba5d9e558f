//! The form that creates an address for the chosen identity.

use leptos::prelude::*;

use super::record_form::{use_record_form, UseRecordFormReturn};
use crate::api::{create_address, list_areas, Client, NewAddress};
use crate::components::{ErrorSummary, FormActions, SchemaFields, SelectOption};
use crate::config::ConfigContext;
use crate::domain::form::{address_schema, new_address, FieldKey, FormValues};
use crate::domain::locality::{names_city, scope_problem, AddressPlace, AddressScope};
use crate::domain::problems::{Problem, ProblemTarget};
use crate::model::{Address, DidLocality, EmergencyRequirement};
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
    /// Where the numbers are, once known, for area- and city-level requirements.
    #[prop(into)]
    locality: Signal<Option<DidLocality>>,
    /// Called with the address once created.
    #[prop(into)]
    on_created: Callback<Address>,
    /// Called when the user closes the form.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let draft = WizardContext::expect();

    let schema = Signal::stored(address_schema(&requirement));
    let scope = AddressScope::of(requirement.address_area_level.as_ref());
    let needs_area = schema.with_untracked(|schema| schema.is_required(FieldKey::Area));
    let area_options = use_area_options(country_id.clone(), needs_area);

    // The numbers' area and city are the answers the requirement wants, so they start
    // filled in; anything the user typed already is left alone.
    Effect::new(move |_| {
        let Some(locality) = locality.get() else {
            return;
        };
        let typed = draft.address_values().get_untracked();
        let is_blank = |name: &str| typed.get(name).is_none_or(|value| value.trim().is_empty());
        if let (true, true, Some(area)) = (needs_area, is_blank("area"), &locality.area) {
            draft.set_address_value("area", area.id.clone());
        }
        if let (AddressScope::City, true, Some(city)) =
            (scope, is_blank("city_name"), &locality.city)
        {
            draft.set_address_value("city_name", city.name.clone());
        }
    });

    let scope_country = country_id.clone();
    let check = move |typed: &FormValues| {
        locality.with_untracked(|locality| match locality {
            Some(locality) => check_scope(scope, locality, &scope_country, typed),
            None => Vec::new(),
        })
    };
    let build = move |typed: &FormValues| {
        let mut address = new_address(&identity_id, &country_id, typed);
        address.city_id = locality.with_untracked(|locality| city_named(locality, typed));
        address
    };

    // Sends the new address; the hook checks the form first and routes DIDWW's objections.
    let send = |client: Client, address: NewAddress| async move {
        create_address(&client, &address).await
    };
    let UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    } = use_record_form(
        schema,
        draft.address_values().into(),
        check,
        build,
        send,
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
            <FormActions
                submit_label="Create address"
                pending_label="Creating…"
                submit_test_id="address-create"
                cancel_test_id="address-cancel"
                is_pending=is_pending
                on_cancel=on_cancel
            />
        </form>
    }
}

/// The area choices of `country_id`, loaded only when the form asks for an area.
pub(super) fn use_area_options(country_id: String, needs_area: bool) -> Signal<Vec<SelectOption>> {
    let config = ConfigContext::expect();
    let areas = LocalResource::new(move || {
        let client = config.client();
        let country_id = country_id.clone();
        async move {
            if !needs_area {
                return Ok(Vec::new());
            }
            list_areas(&client?, &country_id).await
        }
    });
    Signal::derive(move || {
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
    })
}

/// Problems with where the typed address is, on the field that decides it.
pub(super) fn check_scope(
    scope: AddressScope,
    locality: &DidLocality,
    country_id: &str,
    typed: &FormValues,
) -> Vec<Problem> {
    let value = |name: &str| {
        typed
            .get(name)
            .map(|value| value.trim())
            .filter(|value| !value.is_empty())
    };
    let place = AddressPlace {
        country_id: Some(country_id),
        area_id: value("area"),
        city_id: None,
        city_name: value("city_name"),
    };
    // A blank field already has its own "Enter the …" message.
    scope_problem(scope, locality, &place)
        .filter(|problem| problem.field.is_none_or(|field| value(field).is_some()))
        .map(|problem| Problem {
            target: problem.field.map_or(ProblemTarget::Summary, |field| {
                ProblemTarget::Field(field.to_owned())
            }),
            message: problem.message,
        })
        .into_iter()
        .collect()
}

/// DIDWW's id for the city the typed name names, when it is the numbers' city.
pub(super) fn city_named(locality: &Option<DidLocality>, typed: &FormValues) -> Option<String> {
    let city = locality.as_ref()?.city.as_ref()?;
    let name = typed.get("city_name")?;
    names_city(name, city).then(|| city.id.clone())
}
