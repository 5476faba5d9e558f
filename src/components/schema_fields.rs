//! The fields of a form generated from a requirement.

use leptos::prelude::*;

use super::{FormField, SelectOption};
use crate::domain::form::{FieldKey, FormSchema, FormValues};
use crate::domain::problems::{Problem, ProblemTarget};

/// The message of the first problem about field `name`, if any.
pub fn field_error(problems: &[Problem], name: &str) -> Option<String> {
    problems.iter().find_map(|problem| match &problem.target {
        ProblemTarget::Field(target) | ProblemTarget::Relationship(target) if target == name => {
            Some(problem.message.clone())
        }
        _ => None,
    })
}

/// Renders every field of `schema` as a [`FormField`]; the country field is a select of
/// `countries`.
#[component]
pub fn SchemaFields(
    /// The form to render.
    #[prop(into)]
    schema: Signal<FormSchema>,
    /// The values typed so far.
    #[prop(into)]
    values: Signal<FormValues>,
    /// The problems found, by field.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
    /// Country choices for [`FieldKey::Country`].
    #[prop(into)]
    countries: Signal<Vec<SelectOption>>,
    /// Area choices for [`FieldKey::Area`]; the area is a record of DIDWW's, so it is picked
    /// from a list rather than typed.
    #[prop(optional, into)]
    areas: Option<Signal<Vec<SelectOption>>>,
    /// Called with the API name and new value of a changed field.
    #[prop(into)]
    on_change: Callback<(String, String)>,
) -> impl IntoView {
    let field_view = move |key: FieldKey, required: bool| {
        let name = key.api_name();
        let value = Signal::derive(move || {
            values.with(|values| values.get(name).cloned().unwrap_or_default())
        });
        let error = Signal::derive(move || problems.with(|problems| field_error(problems, name)));
        let options = match key {
            FieldKey::Country => Some(countries),
            FieldKey::Area => areas,
            _ => None,
        };
        view! {
            <FormField
                name=name
                label=key.label()
                input_type=key.input_type()
                hint=key.hint().map(str::to_owned)
                required=required
                value=value
                error=error
                options=options
                autocomplete=autocomplete_for(key)
                on_input=move |text: String| on_change.run((name.to_owned(), text))
            />
        }
    };

    view! {
        <div class="dwe-form__fields">
            {move || {
                schema
                    .get()
                    .fields
                    .into_iter()
                    .map(|field| field_view(field.key, field.required))
                    .collect_view()
            }}
        </div>
        {move || {
            let extras = schema.get().extra_requirements;
            (!extras.is_empty())
                .then(|| {
                    view! {
                        <div class="dwe-notice dwe-notice--info" data-testid="extra-requirements">
                            <p class="dwe-notice__title">
                                "DIDWW also asks for the following, which this form cannot \
                                 collect. Add them in your DIDWW account:"
                            </p>
                            <ul class="dwe-notice__list">
                                {extras
                                    .into_iter()
                                    .map(|extra| view! { <li>{extra}</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
        }}
    }
}

/// The browser's autofill token for a field, where one exists.
fn autocomplete_for(key: FieldKey) -> Option<String> {
    let token = match key {
        FieldKey::FirstName => "given-name",
        FieldKey::LastName => "family-name",
        FieldKey::PhoneNumber => "tel",
        FieldKey::ContactEmail => "email",
        FieldKey::CompanyName => "organization",
        FieldKey::BirthDate => "bday",
        FieldKey::Address => "street-address",
        FieldKey::CityName => "address-level2",
        FieldKey::PostalCode => "postal-code",
        FieldKey::Area => "address-level1",
        _ => return None,
    };
    Some(token.to_owned())
}
