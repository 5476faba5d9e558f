//! One layer of configuration, as `config.json` or the mount element's attributes give it.
//!
//! Both layers name the same keys (`api_base_url` in the file is `api-base-url` on the
//! element) and go through the same checks, so a value refused in one is refused in the
//! other with the same words. A bad value is reported and left out; the good ones stay.

use serde_json::Value;

use super::{check_api_base, DemoAccount};
use crate::domain::submission::check_callback;

/// Where a layer came from, for the messages that name a bad value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerSource {
    /// `config.json` next to `index.html`.
    File,
    /// The attributes of the `<didww-emergency>` element.
    Attributes,
}

impl LayerSource {
    /// How a key is spelled in this source: `api_base_url` or `api-base-url`.
    fn spelling(&self, key: Key) -> String {
        match self {
            Self::File => key.file_name().to_owned(),
            Self::Attributes => key.file_name().replace('_', "-"),
        }
    }

    /// How the source is named in a message.
    fn label(&self, key: Key) -> String {
        match self {
            Self::File => format!("config.json {}", self.spelling(key)),
            Self::Attributes => format!("the {} attribute", self.spelling(key)),
        }
    }
}

/// Every key a layer may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The API base URL (the proxy).
    ApiBaseUrl,
    /// Whether requests carry `X-DIDWW-API-Version`.
    SendVersionHeader,
    /// Whether the browser sends an API key at all.
    SendApiKey,
    /// The callback URL the submit step proposes.
    CallbackUrl,
    /// The callback method the submit step proposes.
    CallbackMethod,
    /// What every external reference starts with.
    ReferencePrefix,
    /// The locale for dates and numbers.
    Locale,
    /// Whether the demo may run while no API base is set.
    Demo,
    /// Which account the demo shows.
    DemoAccount,
    /// How long one request may take before the app treats it as lost.
    RequestTimeoutMs,
}

impl Key {
    /// Every key, in the order the README lists them.
    pub const ALL: [Self; 10] = [
        Self::ApiBaseUrl,
        Self::SendVersionHeader,
        Self::SendApiKey,
        Self::CallbackUrl,
        Self::CallbackMethod,
        Self::ReferencePrefix,
        Self::Locale,
        Self::Demo,
        Self::DemoAccount,
        Self::RequestTimeoutMs,
    ];

    /// The member name in `config.json`; the attribute is the same with dashes.
    pub fn file_name(&self) -> &'static str {
        match self {
            Self::ApiBaseUrl => "api_base_url",
            Self::SendVersionHeader => "send_api_version_header",
            Self::SendApiKey => "send_api_key",
            Self::CallbackUrl => "callback_url",
            Self::CallbackMethod => "callback_method",
            Self::ReferencePrefix => "reference_prefix",
            Self::Locale => "locale",
            Self::Demo => "demo",
            Self::DemoAccount => "demo_account",
            Self::RequestTimeoutMs => "request_timeout_ms",
        }
    }

    /// The attribute name on the mount element.
    pub fn attribute_name(&self) -> String {
        self.file_name().replace('_', "-")
    }

    fn from_name(name: &str, source: LayerSource) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|key| source.spelling(*key) == name)
    }

    fn is_number(&self) -> bool {
        matches!(self, Self::RequestTimeoutMs)
    }

    fn is_switch(&self) -> bool {
        matches!(
            self,
            Self::SendVersionHeader | Self::SendApiKey | Self::Demo
        )
    }
}

/// What one layer sets; absent members leave the layers below alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConfigLayer {
    /// `api_base_url`.
    pub api_base_url: Option<String>,
    /// `send_api_version_header`.
    pub send_version_header: Option<bool>,
    /// `send_api_key`: false when a proxy adds the key and the browser must never hold one.
    pub send_api_key: Option<bool>,
    /// `callback_url`: an https address, or empty for none.
    pub callback_url: Option<String>,
    /// `callback_method`: `"post"` or `"get"`.
    pub callback_method: Option<String>,
    /// `reference_prefix`: letters, digits, `-` and `_`.
    pub reference_prefix: Option<String>,
    /// `locale`: a language tag such as `en-GB` or `de`.
    pub locale: Option<String>,
    /// `demo`: whether the simulator may run while no API base is set.
    pub demo: Option<bool>,
    /// `demo_account`: `"guide"` or `"large"`.
    pub demo_account: Option<DemoAccount>,
    /// `request_timeout_ms`: how long one request may take, checked by
    /// [`check_request_timeout`].
    pub request_timeout_ms: Option<u32>,
}

impl ConfigLayer {
    /// Copies into `self` every member `other` sets.
    pub fn overlay(&mut self, other: &Self) {
        fn take<T: Clone>(target: &mut Option<T>, value: &Option<T>) {
            if value.is_some() {
                target.clone_from(value);
            }
        }
        take(&mut self.api_base_url, &other.api_base_url);
        take(&mut self.send_version_header, &other.send_version_header);
        take(&mut self.send_api_key, &other.send_api_key);
        take(&mut self.callback_url, &other.callback_url);
        take(&mut self.callback_method, &other.callback_method);
        take(&mut self.reference_prefix, &other.reference_prefix);
        take(&mut self.locale, &other.locale);
        take(&mut self.demo, &other.demo);
        take(&mut self.demo_account, &other.demo_account);
        take(&mut self.request_timeout_ms, &other.request_timeout_ms);
    }

    /// Checks that the callback URL and method make sense together, once every member of the
    /// layer is read; a pair that does not is dropped as a whole.
    fn check_callback_pair(&mut self, source: LayerSource, problems: &mut Vec<String>) {
        let Some(url) = self.callback_url.as_deref().filter(|url| !url.is_empty()) else {
            return;
        };
        let method = self.callback_method.as_deref().unwrap_or("post");
        if let Err(problem) = check_callback(url, Some(method)) {
            problems.push(format!(
                "{}: {}; it was ignored",
                source.label(Key::CallbackUrl),
                lower_first(&problem)
            ));
            self.callback_url = None;
        }
    }
}

/// The layer of a `config.json` that exists but could not be read (a 5xx, a refused
/// request): the operator meant something by it, so the made-up demo is not offered in its
/// place, and the problem says what happened and what to do.
pub fn unreadable_config_file(reason: &str) -> (ConfigLayer, Vec<String>) {
    let problem = format!(
        "config.json could not be read ({reason}). Reload the page; if it keeps happening, \
         tell whoever runs this page, or set the API base in Settings"
    );
    (without_demo(ConfigLayer::default()), vec![problem])
}

/// Reads `config.json`. Good members are kept even when another is bad; every problem is
/// reported in plain words.
pub fn parse_config_file(text: &str) -> (ConfigLayer, Vec<String>) {
    let mut layer = ConfigLayer::default();
    let mut problems = Vec::new();
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            problems
                .push("config.json must be a JSON object, like {\"api_base_url\": \"…\"}".into());
            return (without_demo(layer), problems);
        }
        Err(error) => {
            problems.push(format!("config.json is not valid JSON ({error})"));
            return (without_demo(layer), problems);
        }
    };

    for (name, value) in object {
        let Some(key) = Key::from_name(&name, LayerSource::File) else {
            log::warn!("config.json: unknown member {name} ignored");
            continue;
        };
        let text = match (key.is_switch(), key.is_number(), value) {
            (_, _, Value::Null) => continue,
            (true, _, Value::Bool(switch)) => switch.to_string(),
            (false, true, Value::Number(number)) => number.to_string(),
            (false, false, Value::String(text)) => text,
            (_, _, other) => {
                let expected = if key.is_switch() {
                    "true or false"
                } else if key.is_number() {
                    "a number"
                } else {
                    "text"
                };
                problems.push(format!(
                    "config.json {name} must be {expected}, not {}; it was ignored",
                    json_type(&other)
                ));
                if key == Key::ApiBaseUrl {
                    layer = without_demo(layer);
                }
                continue;
            }
        };
        if let Err(problem) = set(&mut layer, key, &text, LayerSource::File) {
            problems.push(problem);
            if key == Key::ApiBaseUrl {
                layer = without_demo(layer);
            }
        }
    }
    layer.check_callback_pair(LayerSource::File, &mut problems);
    (layer, problems)
}

/// An operator who serves a `config.json` means the app to reach their proxy. When the file
/// cannot be read, or its API base is refused, falling back to the made-up demo account would
/// let people "register" numbers that go nowhere: the demo is switched off instead, and the
/// problem stays on screen until the operator fixes the file or the user sets a base.
fn without_demo(mut layer: ConfigLayer) -> ConfigLayer {
    layer.demo = Some(false);
    layer
}

/// Reads the mount element's attributes, given as (name, value) pairs. Attributes that are no
/// configuration key (`id`, `class`, …) are left alone.
pub fn parse_attributes<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (ConfigLayer, Vec<String>) {
    let mut layer = ConfigLayer::default();
    let mut problems = Vec::new();
    for (name, value) in attributes {
        let name = name.to_ascii_lowercase();
        let Some(key) = Key::from_name(&name, LayerSource::Attributes) else {
            continue;
        };
        if let Err(problem) = set(&mut layer, key, value, LayerSource::Attributes) {
            problems.push(problem);
        }
    }
    layer.check_callback_pair(LayerSource::Attributes, &mut problems);
    (layer, problems)
}

/// Checks one value and sets it, or says in plain words why it was refused.
fn set(layer: &mut ConfigLayer, key: Key, text: &str, source: LayerSource) -> Result<(), String> {
    let refuse = |reason: String| format!("{}: {reason}; it was ignored", source.label(key));
    match key {
        Key::ApiBaseUrl => layer.api_base_url = Some(check_api_base(text).map_err(refuse)?),
        Key::SendVersionHeader => layer.send_version_header = Some(parse_switch(text, refuse)?),
        Key::SendApiKey => layer.send_api_key = Some(parse_switch(text, refuse)?),
        Key::Demo => layer.demo = Some(parse_switch(text, refuse)?),
        Key::CallbackUrl => layer.callback_url = Some(text.trim().to_owned()),
        Key::CallbackMethod => {
            layer.callback_method = Some(check_callback_method(text).map_err(refuse)?);
        }
        Key::ReferencePrefix => {
            layer.reference_prefix = Some(check_reference_prefix(text).map_err(refuse)?);
        }
        Key::Locale => layer.locale = Some(check_locale(text).map_err(refuse)?),
        Key::DemoAccount => {
            let account = DemoAccount::parse(text).ok_or_else(|| {
                refuse(format!(
                    "must be \"guide\" or \"large\", not \"{}\"",
                    text.trim()
                ))
            })?;
            layer.demo_account = Some(account);
        }
        Key::RequestTimeoutMs => {
            layer.request_timeout_ms = Some(check_request_timeout(text).map_err(refuse)?);
        }
    }
    Ok(())
}

/// The shortest request timeout accepted: below it, a slow but healthy answer would be taken
/// for a lost one.
pub const MIN_REQUEST_TIMEOUT_MS: u32 = 1_000;

/// The longest request timeout accepted: beyond it, a user waits too long to learn anything.
pub const MAX_REQUEST_TIMEOUT_MS: u32 = 120_000;

/// Checks a request timeout in milliseconds: a whole number within the accepted range.
pub fn check_request_timeout(text: &str) -> Result<u32, String> {
    let range = format!("between {MIN_REQUEST_TIMEOUT_MS} and {MAX_REQUEST_TIMEOUT_MS}");
    match text.trim().parse::<u32>() {
        Ok(timeout_ms)
            if (MIN_REQUEST_TIMEOUT_MS..=MAX_REQUEST_TIMEOUT_MS).contains(&timeout_ms) =>
        {
            Ok(timeout_ms)
        }
        Ok(other) => Err(format!("{other} is not {range} milliseconds")),
        Err(_) => Err(format!(
            "must be a whole number of milliseconds {range}, not \"{}\"",
            text.trim()
        )),
    }
}

/// Reads a switch: `true`/`false`, also `on`/`off`, `yes`/`no`, `1`/`0`; an attribute present
/// with no value means on, as HTML's boolean attributes do.
fn parse_switch(text: &str, refuse: impl Fn(String) -> String) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" => Ok(false),
        other => Err(refuse(format!("must be true or false, not \"{other}\""))),
    }
}

/// Checks a callback method: `post` or `get`, in any case.
pub fn check_callback_method(text: &str) -> Result<String, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        method @ ("post" | "get") => Ok(method.to_owned()),
        other => Err(format!("must be POST or GET, not \"{other}\"")),
    }
}

/// Checks an external reference prefix: up to 60 letters, digits, `-` or `_`.
pub fn check_reference_prefix(text: &str) -> Result<String, String> {
    let prefix = text.trim();
    if prefix.is_empty() {
        return Err("must not be empty".to_owned());
    }
    if prefix.chars().count() > 60 {
        return Err("must be at most 60 characters".to_owned());
    }
    if let Some(bad) = prefix
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "may hold only letters, digits, - and _ (found \"{bad}\")"
        ));
    }
    Ok(prefix.to_owned())
}

/// Checks a locale: a BCP 47 language tag such as `en`, `en-GB` or `pt-BR`, returned in its
/// usual case. The browser's Intl formats dates and numbers with it.
pub fn check_locale(text: &str) -> Result<String, String> {
    let tag = text.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    let is_language =
        (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
    let subtags: Vec<&str> = parts.collect();
    // Single-letter extension subtags are left out: the browser's Intl needs more after them.
    let are_subtags = subtags.iter().all(|subtag| {
        (2..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if !is_language || !are_subtags {
        return Err(format!(
            "must be a language tag such as en, en-GB or de-DE, not \"{}\"",
            text.trim()
        ));
    }

    // en-gb → en-GB: the region in capitals, the language in lower case, as Intl prints them.
    let mut canonical = language.to_ascii_lowercase();
    for subtag in subtags {
        canonical.push('-');
        if subtag.len() == 2 && subtag.chars().all(|c| c.is_ascii_alphabetic()) {
            canonical.push_str(&subtag.to_ascii_uppercase());
        } else {
            canonical.push_str(subtag);
        }
    }
    Ok(canonical)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read_from_the_file_and_from_attributes_alike() {
        let (from_file, problems) = parse_config_file(
            r#"{"api_base_url": "https://proxy.example/v3/", "send_api_version_header": false,
                "send_api_key": false, "callback_url": "https://partner.example/cb",
                "callback_method": "GET", "reference_prefix": "acme_7", "locale": "de_de",
                "demo": false, "demo_account": "large"}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let (from_attributes, problems) = parse_attributes([
            ("api-base-url", "https://proxy.example/v3/"),
            ("send-api-version-header", "off"),
            ("SEND-API-KEY", "false"),
            ("callback-url", "https://partner.example/cb"),
            ("callback-method", "get"),
            ("reference-prefix", "acme_7"),
            ("locale", "de-DE"),
            ("demo", "no"),
            ("demo-account", "large"),
            ("id", "first"),
            ("class", "console__widget"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(from_file, from_attributes);
        assert_eq!(
            from_file.api_base_url.as_deref(),
            Some("https://proxy.example/v3")
        );
        assert_eq!(from_file.send_api_key, Some(false));
        assert_eq!(from_file.callback_method.as_deref(), Some("get"));
        assert_eq!(from_file.locale.as_deref(), Some("de-DE"));
    }

    #[test]
    fn a_bare_attribute_switches_on() {
        let (layer, problems) = parse_attributes([("demo", ""), ("send-api-key", "")]);
        assert!(problems.is_empty());
        assert_eq!(layer.demo, Some(true));
        assert_eq!(layer.send_api_key, Some(true));
    }

    #[test]
    fn bad_values_are_refused_by_name_and_the_rest_is_kept() {
        let (layer, problems) = parse_attributes([
            ("api-base-url", "http://proxy.example/v3"),
            ("send-api-key", "maybe"),
            ("callback-method", "PUT"),
            ("reference-prefix", "acme corp!"),
            ("locale", "english please"),
            ("demo-account", "huge"),
            ("locale", "fr"),
        ]);
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert!(problems[0].starts_with("the api-base-url attribute: use https://"));
        assert!(problems
            .iter()
            .all(|problem| problem.ends_with("it was ignored")));
        assert_eq!(layer.api_base_url, None);
        assert_eq!(layer.locale.as_deref(), Some("fr"));

        let (layer, problems) =
            parse_config_file(r#"{"send_api_key": "no", "locale": 7, "demo": true}"#);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("config.json"), "{problems:?}");
        assert_eq!(layer.demo, Some(true));
    }

    #[test]
    fn a_callback_default_must_be_https_and_is_dropped_whole_otherwise() {
        let (layer, problems) = parse_config_file(r#"{"callback_url": "http://partner.example"}"#);
        assert_eq!(layer.callback_url, None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("https://"), "{problems:?}");

        // No method given: DIDWW's usual POST is what the submit step proposes.
        let (layer, problems) = parse_attributes([("callback-url", "https://partner.example/e")]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            layer.callback_url.as_deref(),
            Some("https://partner.example/e")
        );
    }

    #[test]
    fn locales_are_language_tags_in_their_usual_case() {
        assert_eq!(check_locale("en-gb"), Ok("en-GB".to_owned()));
        assert_eq!(check_locale(" pt_BR "), Ok("pt-BR".to_owned()));
        assert_eq!(check_locale("zh-Hant-TW"), Ok("zh-Hant-TW".to_owned()));
        for bad in ["", "e", "english", "en-", "en GB", "12-34", "en-x-a"] {
            assert!(check_locale(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reference_prefixes_are_short_and_plain() {
        assert_eq!(check_reference_prefix(" acme-1 "), Ok("acme-1".to_owned()));
        assert!(check_reference_prefix("").is_err());
        assert!(check_reference_prefix(&"x".repeat(61)).is_err());
        assert!(check_reference_prefix("a/b").is_err());
    }

    #[test]
    fn a_later_layer_wins_member_by_member() {
        let mut layers = ConfigLayer {
            api_base_url: Some("https://file.example/v3".into()),
            locale: Some("en-GB".into()),
            ..ConfigLayer::default()
        };
        layers.overlay(&ConfigLayer {
            locale: Some("de".into()),
            ..ConfigLayer::default()
        });
        assert_eq!(
            layers.api_base_url.as_deref(),
            Some("https://file.example/v3")
        );
        assert_eq!(layers.locale.as_deref(), Some("de"));
    }

    #[test]
    fn a_config_file_whose_base_is_refused_switches_the_demo_off() {
        for text in [
            r#"{"api_base_url": "http://proxy.example.com/v3"}"#,
            r#"{"api_base_url": 42}"#,
            "{not json",
            "[1]",
        ] {
            let (layer, problems) = parse_config_file(text);
            assert_eq!(layer.demo, Some(false), "{text}");
            assert_eq!(problems.len(), 1, "{text}");
        }

        let (layer, problems) = parse_config_file(r#"{"locale": "??"}"#);
        assert_eq!(layer.demo, None, "other mistakes leave the demo alone");
        assert_eq!(problems.len(), 1);
    }
}
