//! One labelled form control with its hint and error.

use leptos::prelude::*;

/// One choice of a select control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    /// The submitted value.
    pub value: String,
    /// What the user reads.
    pub label: String,
}

/// The longest text a field takes, the same limit the form's checks apply.
const MAX_TEXT_LENGTH: usize = crate::domain::form::MAX_VALUE_LENGTH;

/// A label, an optional hint, an error when there is one, and the control, wired together
/// for assistive technology: the control is named by its label, described by its hint and
/// error, and marked invalid while an error shows.
///
/// The control's id and `data-testid` are both `field-<name>`.
#[component]
pub fn FormField(
    /// The API name of the field, used for `name` and the ids.
    #[prop(into)]
    name: String,
    /// The label text.
    #[prop(into)]
    label: String,
    /// The input type (`text`, `email`, `tel`, `date`, `url`); ignored for selects.
    #[prop(optional, into)]
    input_type: Option<String>,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the new value on every change.
    #[prop(into)]
    on_input: Callback<String>,
    /// Choices, which turn the control into a select.
    #[prop(optional_no_strip)]
    options: Option<Signal<Vec<SelectOption>>>,
    /// The `autocomplete` token, when the browser can help fill the field.
    #[prop(optional, into)]
    autocomplete: MaybeProp<String>,
) -> impl IntoView {
    let control_id = format!("field-{name}");
    let hint_id = format!("{control_id}-hint");
    let error_id = format!("{control_id}-error");
    let hint = hint.get_untracked();
    let autocomplete = autocomplete.get_untracked();
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let is_invalid = move || error.with(Option::is_some);
    let aria_invalid = move || is_invalid().then_some("true");

    let control = match options {
        Some(options) => view! {
            <select
                class="dwe-field__control dwe-field__control--select"
                id=control_id.clone()
                name=name.clone()
                data-testid=control_id.clone()
                required=required
                aria-invalid=aria_invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:change=move |event| on_input.run(event_target_value(&event))
            >
                <option value="">"Choose…"</option>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|option| {
                            let is_selected = option.value == current;
                            view! {
                                <option value=option.value selected=is_selected>
                                    {option.label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any(),
        None => view! {
            <input
                class="dwe-field__control"
                type=input_type.unwrap_or_else(|| "text".to_owned())
                id=control_id.clone()
                name=name.clone()
                data-testid=control_id.clone()
                required=required
                autocomplete=autocomplete
                aria-invalid=aria_invalid
                aria-describedby=described_by
                maxlength=MAX_TEXT_LENGTH
                prop:value=move || value.get()
                on:input=move |event| on_input.run(event_target_value(&event))
            />
        }
        .into_any(),
    };

    view! {
        <div class="dwe-field" class:dwe-field--invalid=is_invalid>
            <label class="dwe-field__label" for=control_id.clone()>
                {label}
                {required
                    .then(|| {
                        view! {
                            <span class="dwe-field__required" aria-hidden="true">
                                " *"
                            </span>
                        }
                    })}
                {(!required)
                    .then(|| view! { <span class="dwe-field__optional">" (optional)"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="dwe-field__hint" id=hint_id>{hint}</p> })}
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="dwe-field__error" id=error_id.clone()>
                                <span class="dwe-visually-hidden">"Error: "</span>
                                {message}
                            </p>
                        }
                    })
            }}
            {control}
        </div>
    }
}
