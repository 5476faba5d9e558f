//! Where the user points the app at their proxy and enters the API key.

use leptos::html;
use leptos::prelude::*;

use super::{focus_by_id, AnnouncerContext, FormField, SelectOption};
use crate::config::{
    ConfigContext, DemoAccount, Mode, SettingsField, SettingsInput, SettingsProblem, DEMO_BUILT_IN,
};

/// The settings form: API base, key, whether to remember the key, the version header, and the
/// defaults new registrations start from (callback, reference prefix, locale).
///
/// Saving checks every value as `config.json` would, stores the settings on this device (the
/// key only when asked), and switches the app to the new client at once. A refused value is
/// explained next to its field, and everything typed stays in the form.
#[component]
pub fn SettingsPanel(
    /// Called when the user closes the panel or saved successfully.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let config_context = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let initial = config_context.config();
    let (api_base_url, set_api_base_url) = signal(initial.api_base_url.clone());
    let (api_key, set_api_key) = signal(initial.api_key.clone().unwrap_or_default());
    let (remember_key, set_remember_key) = signal(initial.remember_key);
    let (send_version_header, set_send_version_header) = signal(initial.send_version_header);
    let (demo_account, set_demo_account) = signal(initial.demo_account);
    let (callback_url, set_callback_url) = signal(initial.callback_url.clone());
    let (callback_method, set_callback_method) = signal(initial.callback_method.clone());
    let (reference_prefix, set_reference_prefix) = signal(initial.reference_prefix.clone());
    let (locale, set_locale) = signal(initial.locale.clone().unwrap_or_default());
    let (problem, set_problem) = signal(None::<SettingsProblem>);
    // The API base's own error also carries a refusal from the browser's storage.
    let save_error = Signal::derive(move || {
        problem.with(|problem| {
            problem
                .as_ref()
                .filter(|problem| {
                    matches!(
                        problem.field,
                        SettingsField::ApiBaseUrl | SettingsField::Storage
                    )
                })
                .map(|problem| format!("Not saved: {problem}."))
        })
    });
    let error_for = move |field: SettingsField| {
        Signal::derive(move || {
            problem.with(|problem| {
                problem
                    .as_ref()
                    .filter(|problem| problem.field == field)
                    .map(|problem| format!("Not saved: {problem}."))
            })
        })
    };
    let heading = NodeRef::<html::H2>::new();
    let sends_api_key = initial.send_api_key;

    let is_unconfigured = move || config_context.mode() == Mode::Unconfigured;
    let is_demo = move || config_context.mode() == Mode::Demo;
    let base_hint = if initial.demo_allowed && DEMO_BUILT_IN {
        "The address of your CORS proxy in front of DIDWW, such as \
         https://proxy.example.com/v3. Leave it empty to use the demo."
    } else {
        "The address of your CORS proxy in front of DIDWW, such as \
         https://proxy.example.com/v3."
    };

    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = SettingsInput {
            api_base_url: api_base_url.get_untracked(),
            api_key: api_key.get_untracked(),
            remember_key: remember_key.get_untracked(),
            send_version_header: send_version_header.get_untracked(),
            demo_account: demo_account.get_untracked(),
            callback_url: callback_url.get_untracked(),
            callback_method: callback_method.get_untracked(),
            reference_prefix: reference_prefix.get_untracked(),
            locale: locale.get_untracked(),
        };
        match config_context.save(input) {
            Ok(()) => {
                set_problem.set(None);
                announcer.announce("Settings saved.");
                on_close.run(());
            }
            Err(problem) => {
                // The user lands on the value to correct; nothing they typed is cleared.
                let control = control_id(problem.field);
                set_problem.set(Some(problem));
                focus_by_id(control);
            }
        }
    };

    // Escape closes the panel, as the Close button does (and, like it, only when there is a
    // configuration to go back to).
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && !is_unconfigured() {
            event.prevent_default();
            on_close.run(());
        }
    };

    view! {
        <section
            class="dwe-settings"
            id="settings-panel"
            aria-labelledby="settings-title"
            data-testid="settings-panel"
            on:keydown=on_keydown
        >
            <h2 class="dwe-settings__title" id="settings-title" tabindex="-1" node_ref=heading>
                "Settings"
            </h2>
            <Show when=is_unconfigured>
                <p class="dwe-notice dwe-notice--info" data-testid="settings-required">
                    "Set your proxy URL to begin."
                </p>
            </Show>
            <form class="dwe-form" on:submit=on_submit novalidate>
                <div
                    class="dwe-field"
                    class:dwe-field--invalid=move || save_error.with(Option::is_some)
                >
                    <label class="dwe-field__label" for="settings-api-base">
                        "API base URL"
                    </label>
                    <p class="dwe-field__hint" id="settings-api-base-hint">{base_hint}</p>
                    {move || {
                        save_error
                            .get()
                            .map(|message| {
                                view! {
                                    <p
                                        class="dwe-field__error"
                                        id="settings-api-base-error"
                                        role="alert"
                                        data-testid="settings-error"
                                    >
                                        {message}
                                    </p>
                                }
                            })
                    }}
                    <input
                        class="dwe-field__control"
                        type="url"
                        id="settings-api-base"
                        name="api_base_url"
                        data-testid="settings-api-base"
                        autocomplete="url"
                        placeholder="https://proxy.example.com/v3"
                        aria-invalid=move || save_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || {
                            if save_error.with(Option::is_some) {
                                "settings-api-base-hint settings-api-base-error"
                            } else {
                                "settings-api-base-hint"
                            }
                        }
                        prop:value=move || api_base_url.get()
                        on:input=move |event| set_api_base_url.set(event_target_value(&event))
                    />
                </div>
                // The operator's proxy adds the key: the browser never asks for one.
                <Show when=move || sends_api_key>
                    <div class="dwe-field">
                        <label class="dwe-field__label" for="settings-api-key">
                            "API key"
                            <span class="dwe-field__optional">" (optional)"</span>
                        </label>
                        <p class="dwe-field__hint" id="settings-api-key-hint">
                            "Kept in this tab's memory only. Leave it empty when your proxy \
                             adds the key itself."
                        </p>
                        <input
                            class="dwe-field__control"
                            type="password"
                            id="settings-api-key"
                            name="api_key"
                            data-testid="settings-api-key"
                            autocomplete="off"
                            aria-describedby="settings-api-key-hint"
                            prop:value=move || api_key.get()
                            on:input=move |event| set_api_key.set(event_target_value(&event))
                        />
                    </div>
                    <div class="dwe-choice">
                        <input
                            class="dwe-checkbox"
                            type="checkbox"
                            id="settings-remember-key"
                            data-testid="settings-remember-key"
                            aria-describedby=move || {
                                remember_key.get().then_some("settings-remember-warning")
                            }
                            prop:checked=move || remember_key.get()
                            on:change=move |event| {
                                set_remember_key.set(event_target_checked(&event))
                            }
                        />
                        <label class="dwe-choice__label" for="settings-remember-key">
                            "Remember the key on this device"
                        </label>
                    </div>
                    <Show when=move || remember_key.get()>
                        <p
                            class="dwe-notice dwe-notice--warning"
                            id="settings-remember-warning"
                            data-testid="settings-remember-warning"
                        >
                            "The key will be stored unencrypted in this browser. Anyone who \
                             uses this browser profile, and any script running on this site, can \
                             read it. Only do this on a device that only you use."
                        </p>
                    </Show>
                </Show>
                <div class="dwe-choice">
                    <input
                        class="dwe-checkbox"
                        type="checkbox"
                        id="settings-version-header"
                        data-testid="settings-version-header"
                        prop:checked=move || send_version_header.get()
                        on:change=move |event| {
                            set_send_version_header.set(event_target_checked(&event))
                        }
                    />
                    <label class="dwe-choice__label" for="settings-version-header">
                        "Send the API version header (X-DIDWW-API-Version: 2026-04-16)"
                    </label>
                </div>
                <fieldset class="dwe-fieldset" data-testid="settings-defaults">
                    <legend class="dwe-fieldset__legend">"Defaults for new registrations"</legend>
                    <FormField
                        name="settings_callback_url"
                        label="Callback URL"
                        input_type="url"
                        hint="Where DIDWW reports status changes, proposed on the submit step. \
                              It must start with https://. Leave it empty for none."
                        value=callback_url
                        error=error_for(SettingsField::CallbackUrl)
                        on_input=move |value| set_callback_url.set(value)
                    />
                    <FormField
                        name="settings_callback_method"
                        label="Callback method"
                        value=callback_method
                        error=error_for(SettingsField::CallbackMethod)
                        on_input=move |value| set_callback_method.set(value)
                        options=Some(Signal::derive(callback_methods))
                    />
                    <FormField
                        name="settings_reference_prefix"
                        label="External reference prefix"
                        hint="What every external reference starts with: letters, digits, - \
                              and _, up to 60 characters."
                        value=reference_prefix
                        error=error_for(SettingsField::ReferencePrefix)
                        on_input=move |value| set_reference_prefix.set(value)
                    />
                    <FormField
                        name="settings_locale"
                        label="Locale"
                        hint="The language tag for dates and numbers, such as en-GB or de-DE. \
                              Leave it empty to follow this browser."
                        value=locale
                        error=error_for(SettingsField::Locale)
                        on_input=move |value| set_locale.set(value)
                    />
                </fieldset>
                // Only the demo has accounts to choose from; a live base reaches one account.
                <Show when=is_demo>
                    <DemoAccountField
                        value=demo_account
                        on_change=move |account| set_demo_account.set(account)
                    />
                </Show>
                <div class="dwe-actions">
                    <button
                        type="submit"
                        class="dwe-button dwe-button--primary"
                        data-testid="settings-save"
                    >
                        "Save settings"
                    </button>
                    // Without a configuration there is nothing to go back to.
                    <Show when=move || !is_unconfigured()>
                        <button
                            type="button"
                            class="dwe-button dwe-button--secondary"
                            data-testid="settings-close"
                            on:click=move |_| on_close.run(())
                        >
                            "Close"
                        </button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// The control a refusal of `field` is about, where focus goes when saving fails.
fn control_id(field: SettingsField) -> &'static str {
    match field {
        SettingsField::ApiBaseUrl | SettingsField::Storage => "settings-api-base",
        SettingsField::CallbackUrl => "field-settings_callback_url",
        SettingsField::CallbackMethod => "field-settings_callback_method",
        SettingsField::ReferencePrefix => "field-settings_reference_prefix",
        SettingsField::Locale => "field-settings_locale",
    }
}

/// The callback methods DIDWW accepts.
fn callback_methods() -> Vec<SelectOption> {
    [("post", "POST"), ("get", "GET")]
        .into_iter()
        .map(|(value, label)| SelectOption {
            value: value.to_owned(),
            label: label.to_owned(),
        })
        .collect()
}

/// The choice of demo account; saving another one reloads the numbers.
#[component]
fn DemoAccountField(
    /// The account chosen in the form.
    value: ReadSignal<DemoAccount>,
    /// Called with the account picked.
    #[prop(into)]
    on_change: Callback<DemoAccount>,
) -> impl IntoView {
    view! {
        <div class="dwe-field">
            <label class="dwe-field__label" for="settings-demo-account">"Demo account"</label>
            <p class="dwe-field__hint" id="settings-demo-account-hint">
                "Which made-up account the demo shows. Switching loads its numbers afresh."
            </p>
            <select
                class="dwe-field__control dwe-field__control--select"
                id="settings-demo-account"
                data-testid="settings-demo-account"
                aria-describedby="settings-demo-account-hint"
                prop:value=move || value.get().as_str()
                on:change=move |event| {
                    if let Some(account) = DemoAccount::parse(&event_target_value(&event)) {
                        on_change.run(account);
                    }
                }
            >
                {DemoAccount::ALL
                    .into_iter()
                    .map(|account| {
                        view! {
                            <option
                                value=account.as_str()
                                selected=move || value.get() == account
                            >
                                {account.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
