//! The settings panel, the last configuration layer: checking what the user typed before it
//! is saved on this device and applied.
//!
//! The panel goes through the same checks as `config.json` and the element's attributes, so a
//! value refused there is refused here too; a refusal names the field it is about, so the
//! panel shows it next to that field and keeps everything the user typed.

use super::{check_api_base, check_callback_method, check_locale, check_reference_prefix};
use super::{AppConfig, SavedSettings, SettingsInput};
use crate::domain::submission::check_callback;

/// A field of the settings panel, named by the refusal that is about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsField {
    /// The API base URL.
    ApiBaseUrl,
    /// The default callback URL.
    CallbackUrl,
    /// The default callback method.
    CallbackMethod,
    /// The external reference prefix.
    ReferencePrefix,
    /// The locale for dates and numbers.
    Locale,
    /// No one field: the browser refused to store the settings.
    Storage,
}

/// Why the settings were not saved, and which field to correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsProblem {
    /// The field the refusal is about.
    pub field: SettingsField,
    /// The refusal in plain words, as a sentence without its closing full stop.
    pub message: String,
}

impl SettingsProblem {
    fn new(field: SettingsField, label: &str, reason: &str) -> Self {
        Self {
            field,
            message: format!("{label} {}", lower_first(reason)),
        }
    }

    /// A refusal from the browser's storage.
    pub fn storage(message: String) -> Self {
        Self {
            field: SettingsField::Storage,
            message,
        }
    }
}

impl std::fmt::Display for SettingsProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

/// Checks the panel's values in the order the panel shows them and returns what to save
/// (never the key, which is stored apart), or the first refusal.
pub fn check_settings(input: &SettingsInput) -> Result<SavedSettings, SettingsProblem> {
    let api_base_url = check_api_base(&input.api_base_url).map_err(|reason| SettingsProblem {
        field: SettingsField::ApiBaseUrl,
        message: reason,
    })?;

    let callback_method = check_callback_method(&input.callback_method).map_err(|reason| {
        SettingsProblem::new(
            SettingsField::CallbackMethod,
            "the callback method",
            &reason,
        )
    })?;
    // An empty callback URL means none; a set one must be https, as in the submit step.
    let callback_url = match check_callback(&input.callback_url, Some(&callback_method)) {
        Ok(pair) => pair.map(|(url, _)| url).unwrap_or_default(),
        Err(reason) => {
            return Err(SettingsProblem {
                field: SettingsField::CallbackUrl,
                message: lower_first(&reason),
            })
        }
    };

    let reference_prefix = check_reference_prefix(&input.reference_prefix).map_err(|reason| {
        SettingsProblem::new(
            SettingsField::ReferencePrefix,
            "the reference prefix",
            &reason,
        )
    })?;
    // An empty locale follows the layers below it, then the browser.
    let locale = match input.locale.trim() {
        "" => String::new(),
        typed => check_locale(typed)
            .map_err(|reason| SettingsProblem::new(SettingsField::Locale, "the locale", &reason))?,
    };

    Ok(SavedSettings {
        api_base_url: Some(api_base_url),
        send_version_header: Some(input.send_version_header),
        demo_account: Some(input.demo_account),
        callback_url: Some(callback_url),
        callback_method: Some(callback_method),
        reference_prefix: Some(reference_prefix),
        locale: Some(locale),
    })
}

/// Leaves out of `saved` the callback, prefix and locale that only repeat what the layers
/// below give (`below`), so a later change to `config.json` or the element still reaches a
/// user who never changed those fields.
pub fn keep_changes(mut saved: SavedSettings, below: &AppConfig) -> SavedSettings {
    fn drop_if_same(value: &mut Option<String>, below: &str) {
        if value.as_deref() == Some(below) {
            *value = None;
        }
    }

    drop_if_same(&mut saved.callback_url, &below.callback_url);
    drop_if_same(&mut saved.callback_method, &below.callback_method);
    drop_if_same(&mut saved.reference_prefix, &below.reference_prefix);
    drop_if_same(&mut saved.locale, below.locale.as_deref().unwrap_or(""));
    saved
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ConfigLayer, DemoAccount};

    fn input() -> SettingsInput {
        SettingsInput {
            api_base_url: "https://proxy.example/v3/".into(),
            api_key: "secret-key".into(),
            remember_key: false,
            send_version_header: true,
            demo_account: DemoAccount::Guide,
            callback_url: " https://hooks.example/emergency ".into(),
            callback_method: "GET".into(),
            reference_prefix: " acme_1 ".into(),
            locale: "de_de".into(),
        }
    }

    #[test]
    fn good_values_are_saved_as_the_other_layers_would_read_them() {
        let saved = check_settings(&input()).unwrap();
        assert_eq!(
            saved.api_base_url.as_deref(),
            Some("https://proxy.example/v3")
        );
        assert_eq!(
            saved.callback_url.as_deref(),
            Some("https://hooks.example/emergency")
        );
        assert_eq!(saved.callback_method.as_deref(), Some("get"));
        assert_eq!(saved.reference_prefix.as_deref(), Some("acme_1"));
        assert_eq!(saved.locale.as_deref(), Some("de-DE"));
        let stored = serde_json::to_string(&saved).unwrap();
        assert!(
            !stored.contains("secret-key"),
            "the key is never in the saved settings"
        );
    }

    #[test]
    fn each_bad_value_is_refused_with_its_field_and_a_reason() {
        type Case = (fn(&mut SettingsInput), SettingsField, &'static str);
        let cases: [Case; 6] = [
            (
                |input| input.callback_url = "http://hooks.example/e".into(),
                SettingsField::CallbackUrl,
                "the callback URL must start with https://",
            ),
            (
                |input| input.callback_url = "https://".into(),
                SettingsField::CallbackUrl,
                "enter a complete callback URL",
            ),
            (
                |input| input.callback_method = "put".into(),
                SettingsField::CallbackMethod,
                "the callback method must be POST or GET",
            ),
            (
                |input| input.reference_prefix = "acme corp".into(),
                SettingsField::ReferencePrefix,
                "the reference prefix may hold only letters",
            ),
            (
                |input| input.reference_prefix = "  ".into(),
                SettingsField::ReferencePrefix,
                "the reference prefix must not be empty",
            ),
            (
                |input| input.locale = "english".into(),
                SettingsField::Locale,
                "the locale must be a language tag",
            ),
        ];
        for (spoil, field, start) in cases {
            let mut typed = input();
            spoil(&mut typed);
            let problem = check_settings(&typed).unwrap_err();
            assert_eq!(problem.field, field, "{problem}");
            assert!(problem.message.starts_with(start), "{problem}");
        }
        let mut typed = input();
        typed.api_base_url = "ftp://proxy.example".into();
        assert_eq!(
            check_settings(&typed).unwrap_err().field,
            SettingsField::ApiBaseUrl
        );
    }

    #[test]
    fn empty_callback_and_locale_mean_none_and_the_browser() {
        let mut typed = input();
        typed.callback_url = "  ".into();
        typed.locale = String::new();
        let saved = check_settings(&typed).unwrap();
        let layers = ConfigLayer {
            callback_url: Some("https://file.example/hook".into()),
            locale: Some("fr-FR".into()),
            ..ConfigLayer::default()
        };
        let config = AppConfig::layered(&layers, &saved, None);
        assert_eq!(config.callback_url, "");
        assert_eq!(config.locale, None);
    }

    #[test]
    fn the_panel_wins_over_the_file_and_the_attributes() {
        let mut layers = ConfigLayer {
            callback_url: Some("https://file.example/hook".into()),
            callback_method: Some("post".into()),
            reference_prefix: Some("file".into()),
            locale: Some("fr-FR".into()),
            ..ConfigLayer::default()
        };
        layers.overlay(&ConfigLayer {
            reference_prefix: Some("element".into()),
            ..ConfigLayer::default()
        });
        let below = AppConfig::layered(&layers, &SavedSettings::default(), None);
        assert_eq!(below.reference_prefix, "element");
        assert_eq!(below.callback_method, "post");
        assert_eq!(below.locale.as_deref(), Some("fr-FR"));

        let saved = check_settings(&input()).unwrap();
        let config = AppConfig::layered(&layers, &saved, None);
        assert_eq!(config.callback_url, "https://hooks.example/emergency");
        assert_eq!(config.callback_method, "get");
        assert_eq!(config.reference_prefix, "acme_1");
        assert_eq!(config.locale.as_deref(), Some("de-DE"));
    }

    #[test]
    fn values_that_repeat_the_layers_below_are_not_pinned() {
        let layers = ConfigLayer {
            reference_prefix: Some("acme_1".into()),
            locale: Some("de-DE".into()),
            ..ConfigLayer::default()
        };
        let below = AppConfig::layered(&layers, &SavedSettings::default(), None);
        let mut typed = input();
        typed.callback_method = "post".into();
        let saved = keep_changes(check_settings(&typed).unwrap(), &below);
        assert_eq!(saved.reference_prefix, None);
        assert_eq!(saved.locale, None);
        assert_eq!(saved.callback_method, None);
        assert_eq!(
            saved.callback_url.as_deref(),
            Some("https://hooks.example/emergency")
        );

        // Without a locale below, an empty one repeats the browser's and is not kept either.
        typed.locale = String::new();
        let below = AppConfig::default();
        assert_eq!(
            keep_changes(check_settings(&typed).unwrap(), &below).locale,
            None
        );
    }

    #[test]
    fn settings_saved_before_these_fields_existed_still_load_and_change_nothing() {
        let saved: SavedSettings =
            serde_json::from_str(r#"{"api_base_url":"https://mine.example/v3"}"#).unwrap();
        let layers = ConfigLayer {
            reference_prefix: Some("file".into()),
            locale: Some("fr-FR".into()),
            ..ConfigLayer::default()
        };
        let config = AppConfig::layered(&layers, &saved, None);
        assert_eq!(config.reference_prefix, "file");
        assert_eq!(config.locale.as_deref(), Some("fr-FR"));
        assert_eq!(config.callback_method, "post");
    }
}
