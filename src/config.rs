//! Runtime configuration: where requests go, with which key, and whether the demo runs.
//!
//! Four layers, later ones winning: built-in defaults (the demo), `config.json` served next
//! to `index.html` (the operator's choice), the attributes of the `<didww-emergency>` element
//! (the embedding page's choice), and the settings the user saved on this device. Nothing here
//! needs a rebuild. The API key lives in memory only, unless the user asks for it to be
//! remembered on this device, and never at all when `send_api_key` is off.
//!
//! The keys, their checks and their spelling in each layer are in [`layer`]; the README's
//! configuration reference lists them.

mod layer;
mod settings;

use leptos::prelude::*;

pub use layer::{
    check_callback_method, check_locale, check_reference_prefix, check_request_timeout,
    parse_attributes, parse_config_file, unreadable_config_file, ConfigLayer, Key, LayerSource,
    MAX_REQUEST_TIMEOUT_MS, MIN_REQUEST_TIMEOUT_MS,
};
pub use settings::{check_settings, keep_changes, SettingsField, SettingsProblem};

use crate::api::{ApiError, Client, ClientConfig, RequestScope};
#[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
use crate::sandbox::Simulator;

/// Where the user's settings are saved (never the key).
const SETTINGS_STORAGE_KEY: &str = "didww-emergency.settings";
/// Where the key is saved when the user opted in.
const KEY_STORAGE_KEY: &str = "didww-emergency.api-key";

/// True when this build offers demo mode (the simulator in-process, or as a module of its own).
pub const DEMO_BUILT_IN: bool = cfg!(any(feature = "demo", not(target_arch = "wasm32")));

/// Which seeded account the built-in simulator holds in demo mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DemoAccount {
    /// DIDWW's guide account: a handful of numbers, one of each registration case.
    #[default]
    Guide,
    /// A generated account of 10,000 numbers over several countries and types.
    Large,
}

impl DemoAccount {
    /// Every demo account, in the order the settings list them.
    pub const ALL: [Self; 2] = [Self::Guide, Self::Large];

    /// Reads `guide` or `large`.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|account| account.as_str() == value.trim())
    }

    /// The value in `config.json` and in the settings.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Guide => "guide",
            Self::Large => "large",
        }
    }

    /// The account in words, for the settings panel.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Guide => "DIDWW's guide account (a few numbers, one of each case)",
            Self::Large => "A large account (10,000 numbers in several countries)",
        }
    }
}

/// Which account the client in force reaches; a change means the user switched accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountKey {
    /// A demo account of the built-in simulator.
    Demo(DemoAccount),
    /// The account behind this API base.
    Live(String),
    /// None is configured.
    Unconfigured,
}

/// Where requests go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The built-in simulator answers; nothing leaves the browser.
    Demo,
    /// Requests go to the configured API base (the proxy in front of DIDWW).
    Live,
    /// No API base is set and the demo is unavailable or switched off.
    Unconfigured,
}

/// The configuration in force, after all layers.
#[derive(Clone, PartialEq, Eq)]
pub struct AppConfig {
    /// The API base URL (the CORS proxy); empty means none.
    pub api_base_url: String,
    /// The API key, when the user entered one.
    pub api_key: Option<String>,
    /// Whether the key is also kept in this browser's local storage.
    pub remember_key: bool,
    /// Whether requests carry `X-DIDWW-API-Version`.
    pub send_version_header: bool,
    /// Whether the simulator may run while no API base is set.
    pub demo_allowed: bool,
    /// Which account the simulator holds in demo mode.
    pub demo_account: DemoAccount,
    /// How long one request may take before it counts as timed out.
    pub request_timeout_ms: u32,
    /// Whether the browser sends an API key at all; off when the proxy adds it.
    pub send_api_key: bool,
    /// The callback URL the submit step proposes; empty for none.
    pub callback_url: String,
    /// The callback method the submit step proposes: `"post"` or `"get"`.
    pub callback_method: String,
    /// What every external reference starts with.
    pub reference_prefix: String,
    /// The locale for dates and numbers; `None` follows the browser.
    pub locale: Option<String>,
}

/// The external reference prefix when no layer sets one.
pub const DEFAULT_REFERENCE_PREFIX: &str = "dwe";

impl std::fmt::Debug for AppConfig {
    // Written by hand so that the key never reaches a log line.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("AppConfig")
            .field("api_base_url", &self.api_base_url)
            .field("has_api_key", &self.api_key.is_some())
            .field("remember_key", &self.remember_key)
            .field("send_version_header", &self.send_version_header)
            .field("demo_allowed", &self.demo_allowed)
            .field("demo_account", &self.demo_account)
            .field("request_timeout_ms", &self.request_timeout_ms)
            .field("send_api_key", &self.send_api_key)
            .field("callback_url", &self.callback_url)
            .field("callback_method", &self.callback_method)
            .field("reference_prefix", &self.reference_prefix)
            .field("locale", &self.locale)
            .finish()
    }
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            api_base_url: String::new(),
            api_key: None,
            remember_key: false,
            send_version_header: true,
            demo_allowed: DEMO_BUILT_IN,
            demo_account: DemoAccount::Guide,
            request_timeout_ms: crate::api::DEFAULT_TIMEOUT_MS,
            send_api_key: true,
            callback_url: String::new(),
            callback_method: "post".to_owned(),
            reference_prefix: DEFAULT_REFERENCE_PREFIX.to_owned(),
            locale: None,
        }
    }
}

impl AppConfig {
    /// Where requests go under this configuration.
    pub fn mode(&self) -> Mode {
        if !self.api_base_url.is_empty() {
            Mode::Live
        } else if self.demo_allowed && DEMO_BUILT_IN {
            Mode::Demo
        } else {
            Mode::Unconfigured
        }
    }

    /// Which account this configuration reaches.
    pub fn account(&self) -> AccountKey {
        match self.mode() {
            Mode::Live => AccountKey::Live(self.api_base_url.clone()),
            Mode::Demo => AccountKey::Demo(self.demo_account),
            Mode::Unconfigured => AccountKey::Unconfigured,
        }
    }

    /// The transport settings for a live client.
    pub fn client_config(&self) -> ClientConfig {
        ClientConfig {
            api_base_url: self.api_base_url.clone(),
            api_key: self
                .api_key
                .clone()
                .filter(|key| self.send_api_key && !key.trim().is_empty()),
            send_version_header: self.send_version_header,
            request_timeout_ms: Some(self.request_timeout_ms),
        }
    }

    /// Applies the layers in order (`config.json`, then the element's attributes), then the
    /// user's saved settings and key.
    pub fn layered(layers: &ConfigLayer, saved: &SavedSettings, key: Option<String>) -> Self {
        let mut config = Self::default();
        if let Some(base) = &layers.api_base_url {
            config.api_base_url = base.clone();
        }
        if let Some(send) = layers.send_version_header {
            config.send_version_header = send;
        }
        if let Some(demo) = layers.demo {
            config.demo_allowed = demo && DEMO_BUILT_IN;
        }
        if let Some(account) = layers.demo_account {
            config.demo_account = account;
        }
        if let Some(timeout_ms) = layers.request_timeout_ms {
            config.request_timeout_ms = timeout_ms;
        }
        if let Some(send) = layers.send_api_key {
            config.send_api_key = send;
        }
        if let Some(url) = &layers.callback_url {
            config.callback_url = url.clone();
        }
        if let Some(method) = &layers.callback_method {
            config.callback_method = method.clone();
        }
        if let Some(prefix) = &layers.reference_prefix {
            config.reference_prefix = prefix.clone();
        }
        config.locale = layers.locale.clone();

        if let Some(base) = &saved.api_base_url {
            config.api_base_url = base.clone();
        }
        if let Some(send) = saved.send_version_header {
            config.send_version_header = send;
        }
        if let Some(account) = saved.demo_account {
            config.demo_account = account;
        }
        if let Some(url) = &saved.callback_url {
            config.callback_url = url.clone();
        }
        if let Some(method) = &saved.callback_method {
            config.callback_method = method.clone();
        }
        if let Some(prefix) = &saved.reference_prefix {
            config.reference_prefix = prefix.clone();
        }
        // An empty saved locale is the user's choice to follow the browser.
        if let Some(locale) = &saved.locale {
            config.locale = Some(locale.clone()).filter(|locale| !locale.is_empty());
        }
        // A key is never kept when the operator said the browser sends none.
        let key = key.filter(|_| config.send_api_key);
        config.remember_key = key.is_some();
        config.api_key = key;
        config
    }
}

/// The settings a user saved on this device (never the key, which is stored apart).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SavedSettings {
    /// The API base; an empty string means the user chose none (the demo).
    #[serde(default)]
    pub api_base_url: Option<String>,
    /// Whether to send the version header.
    #[serde(default)]
    pub send_version_header: Option<bool>,
    /// Which demo account to use.
    #[serde(default)]
    pub demo_account: Option<DemoAccount>,
    /// The callback URL the submit step proposes; an empty string means none.
    #[serde(default)]
    pub callback_url: Option<String>,
    /// The callback method the submit step proposes: `"post"` or `"get"`.
    #[serde(default)]
    pub callback_method: Option<String>,
    /// What every external reference starts with.
    #[serde(default)]
    pub reference_prefix: Option<String>,
    /// The locale for dates and numbers; an empty string follows the browser.
    #[serde(default)]
    pub locale: Option<String>,
}

/// What the settings form submits.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SettingsInput {
    /// The API base as typed.
    pub api_base_url: String,
    /// The key as typed; empty means none.
    pub api_key: String,
    /// Whether to keep the key in local storage.
    pub remember_key: bool,
    /// Whether to send the version header.
    pub send_version_header: bool,
    /// Which demo account to use while no API base is set.
    pub demo_account: DemoAccount,
    /// The default callback URL as typed; empty means none.
    pub callback_url: String,
    /// The default callback method: `"post"` or `"get"`.
    pub callback_method: String,
    /// The external reference prefix as typed.
    pub reference_prefix: String,
    /// The locale as typed; empty follows the browser.
    pub locale: String,
}

/// Checks an API base URL and returns it without a trailing slash.
///
/// The key travels with every request, so only https is accepted, except plain http to
/// this machine, which is how a local proxy or the simulator server runs during development.
pub fn check_api_base(input: &str) -> Result<String, String> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    if url.chars().any(char::is_whitespace) {
        return Err("the address must not contain spaces".to_owned());
    }
    let lowered = url.to_ascii_lowercase();
    let (secure, rest) = if lowered.starts_with("https://") {
        (true, &url["https://".len()..])
    } else if lowered.starts_with("http://") {
        (false, &url["http://".len()..])
    } else {
        return Err("the address must start with https://".to_owned());
    };
    if rest.contains(['?', '#']) {
        return Err("the address must not contain ? or #".to_owned());
    }
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err("the address must not contain a user name or password".to_owned());
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Err(
            "the address has no host name, for example https://proxy.example.com/v3".into(),
        );
    }
    if !secure && !is_local_host(&host) {
        return Err(
            "use https://; plain http:// is allowed only for localhost or 127.0.0.1".to_owned(),
        );
    }
    Ok(url.trim_end_matches('/').to_owned())
}

fn host_of(authority: &str) -> String {
    let host = if let Some(bracketed) = authority.strip_prefix('[') {
        bracketed.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    host.to_ascii_lowercase()
}

fn is_local_host(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1")
}

/// Where the app runs and what its embedding page already decided.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// The folder the bundle is served from, ending in `/`; `config.json` is read there.
    pub bundle_base: String,
    /// What the mount element's attributes set.
    pub attributes: ConfigLayer,
    /// Attribute values refused, in plain words.
    pub attribute_problems: Vec<String>,
    /// What this instance adds to its local storage keys; `None` keeps its settings in
    /// memory only (a widget without an `id`, which could not tell its settings apart from
    /// another's).
    pub storage_scope: Option<String>,
}

impl Placement {
    /// The standalone page: served from `bundle_base`, no attributes, the page's own storage.
    pub fn standalone(bundle_base: String) -> Self {
        Self {
            bundle_base,
            storage_scope: Some(String::new()),
            ..Self::default()
        }
    }
}

/// The app-wide configuration and the client built from it.
#[derive(Debug, Clone, Copy)]
pub struct ConfigContext {
    config: RwSignal<AppConfig>,
    client: RwSignal<Option<Client>>,
    problems: RwSignal<Vec<String>>,
    is_ready: RwSignal<bool>,
    file: StoredValue<ConfigLayer>,
    placement: StoredValue<Placement>,
    generation: RwSignal<u64>,
    step_requests: StoredValue<Option<Memo<RequestScope>>>,
}

impl ConfigContext {
    /// Starts from defaults, the element's attributes and saved settings, provides the
    /// context, then loads `config.json` in the background.
    pub fn start(placement: Placement) -> Self {
        let scope = placement.storage_scope.clone();
        let saved = storage::load_settings(scope.as_deref());
        let key = storage::load_key(scope.as_deref());
        let context = Self::new(
            AppConfig::layered(&placement.attributes, &saved, key),
            false,
        );
        context.problems.set(placement.attribute_problems.clone());
        context.file.set_value(placement.attributes.clone());
        context.placement.set_value(placement);
        provide_context(context);
        context.load_file();
        context
    }

    /// A context around a ready-made client, for tests and embedding (no file is loaded).
    pub fn with_client(client: Client) -> Self {
        let context = Self::new(AppConfig::default(), true);
        context.client.set(Some(client));
        provide_context(context);
        context
    }

    fn new(config: AppConfig, is_ready: bool) -> Self {
        let client = build_client(&config);
        Self {
            config: RwSignal::new(config),
            client: RwSignal::new(client),
            problems: RwSignal::new(Vec::new()),
            is_ready: RwSignal::new(is_ready),
            file: StoredValue::new(ConfigLayer::default()),
            placement: StoredValue::new(Placement::default()),
            generation: RwSignal::new(0),
            step_requests: StoredValue::new(None),
        }
    }

    /// The context provided by `App`.
    pub fn expect() -> Self {
        use_context::<Self>().expect("ConfigContext is provided by App")
    }

    /// The client in force, or why there is none (read reactively). Its reads are
    /// cancelled when the user leaves the step (see [`ConfigContext::scope_requests`]).
    pub fn client(&self) -> Result<Client, ApiError> {
        self.client
            .get()
            .map(|client| self.within_step(client))
            .ok_or_else(not_configured)
    }

    /// The client in force, read without subscribing (for actions and event handlers); its
    /// reads are cancelled when the user leaves the step.
    pub fn client_untracked(&self) -> Result<Client, ApiError> {
        self.client
            .get_untracked()
            .map(|client| self.within_step(client))
            .ok_or_else(not_configured)
    }

    /// The client in force for work that outlives a step (the account's numbers loading in
    /// the background), read without subscribing.
    pub fn background_client(&self) -> Result<Client, ApiError> {
        self.client.get_untracked().ok_or_else(not_configured)
    }

    /// Makes `step_requests` the scope of the steps' reads: the frame around the steps
    /// starts a new scope, and aborts the last one, whenever the user moves to another step.
    pub fn scope_requests(&self, step_requests: Memo<RequestScope>) {
        self.step_requests.set_value(Some(step_requests));
    }

    fn within_step(&self, client: Client) -> Client {
        match self.step_requests.get_value() {
            Some(scope) => scope.with_untracked(|scope| client.within(scope)),
            None => client,
        }
    }

    /// Counts the clients built so far (read reactively): data loaded under an older
    /// number came through other settings and may need loading again.
    pub fn client_generation(&self) -> u64 {
        self.generation.get()
    }

    /// Which account the configuration in force reaches (read reactively).
    pub fn account(&self) -> AccountKey {
        self.config.with(AppConfig::account)
    }

    /// The configuration in force (read reactively).
    pub fn config(&self) -> AppConfig {
        self.config.get()
    }

    /// The configuration in force, read without subscribing (for event handlers).
    pub fn config_untracked(&self) -> AppConfig {
        self.config.get_untracked()
    }

    /// Where requests go (read reactively), judged by the client actually in force.
    pub fn mode(&self) -> Mode {
        self.client.with(|client| match client {
            Some(client) if client.is_demo() => Mode::Demo,
            Some(_) => Mode::Live,
            None => Mode::Unconfigured,
        })
    }

    /// Problems found in `config.json`, in plain words.
    pub fn problems(&self) -> Vec<String> {
        self.problems.get()
    }

    /// False until `config.json` was read (or found missing).
    pub fn is_ready(&self) -> bool {
        self.is_ready.get()
    }

    /// Checks and applies the user's settings, saves them on this device, and rebuilds the
    /// client.
    pub fn save(&self, input: SettingsInput) -> Result<(), SettingsProblem> {
        let below = AppConfig::layered(&self.file.get_value(), &SavedSettings::default(), None);
        let saved = keep_changes(check_settings(&input)?, &below);
        let scope = self
            .placement
            .with_value(|placement| placement.storage_scope.clone());
        let send_api_key = self.config.with_untracked(|config| config.send_api_key);
        let key =
            Some(input.api_key.trim().to_owned()).filter(|key| send_api_key && !key.is_empty());
        storage::save_settings(scope.as_deref(), &saved).map_err(SettingsProblem::storage)?;
        let remembered = if input.remember_key {
            key.clone()
        } else {
            None
        };
        storage::save_key(scope.as_deref(), remembered.as_deref())
            .map_err(SettingsProblem::storage)?;

        let mut config = AppConfig::layered(&self.file.get_value(), &saved, key);
        config.remember_key = input.remember_key && config.api_key.is_some();
        self.apply(config);
        Ok(())
    }

    fn apply(&self, config: AppConfig) {
        log::info!("configuration in force: {config:?}");
        self.client.set(build_client(&config));
        self.generation.update(|generation| *generation += 1);
        self.config.set(config);
    }

    fn load_file(self) {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            let placement = self.placement.get_value();
            let address = format!("{}config.json", placement.bundle_base);
            let (mut layers, mut problems) = match storage::fetch_config_file(&address).await {
                storage::ConfigFile::Text(text) => parse_config_file(&text),
                storage::ConfigFile::Absent => (ConfigLayer::default(), Vec::new()),
                storage::ConfigFile::Unreadable(reason) => unreadable_config_file(&reason),
            };
            for problem in &problems {
                log::warn!("{problem}");
            }

            // The element's attributes come after the file and win over it.
            layers.overlay(&placement.attributes);
            problems.extend(placement.attribute_problems.iter().cloned());
            self.file.set_value(layers.clone());
            let current = self.config.get_untracked();
            let scope = placement.storage_scope.as_deref();
            let saved = storage::load_settings(scope);
            let mut config = AppConfig::layered(&layers, &saved, current.api_key.clone());
            config.remember_key = current.remember_key && config.api_key.is_some();
            self.apply(config);
            self.problems.set(problems);
            self.is_ready.set(true);
        });
        #[cfg(not(target_arch = "wasm32"))]
        self.is_ready.set(true);
    }
}

fn not_configured() -> ApiError {
    ApiError::Configuration("set your proxy URL in Settings to begin".to_owned())
}

/// Builds the client for `config`; `None` when nothing is configured.
fn build_client(config: &AppConfig) -> Option<Client> {
    match config.mode() {
        Mode::Live => Some(Client::http(config.client_config())),
        Mode::Demo => demo_client(config.demo_account),
        Mode::Unconfigured => None,
    }
}

#[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
fn demo_client(account: DemoAccount) -> Option<Client> {
    Some(Client::simulator(shared_simulator(account)))
}

/// In the browser the simulator is a module of its own, fetched on the first demo request.
#[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
fn demo_client(account: DemoAccount) -> Option<Client> {
    Some(Client::demo_module(account.as_str()))
}

#[cfg(all(target_arch = "wasm32", not(feature = "demo")))]
fn demo_client(_account: DemoAccount) -> Option<Client> {
    None
}

/// The demo account, created once so that what the user creates survives settings changes
/// for as long as the page is open. The large account is only generated when first chosen.
#[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
pub fn shared_simulator(account: DemoAccount) -> std::sync::Arc<std::sync::Mutex<Simulator>> {
    use std::sync::{Arc, Mutex, OnceLock};

    use crate::sandbox::Account;

    static GUIDE: OnceLock<Arc<Mutex<Simulator>>> = OnceLock::new();
    static LARGE: OnceLock<Arc<Mutex<Simulator>>> = OnceLock::new();
    let (cell, seeded) = match account {
        DemoAccount::Guide => (&GUIDE, Account::Guide),
        DemoAccount::Large => (&LARGE, Account::Large),
    };
    cell.get_or_init(|| Arc::new(Mutex::new(Simulator::with_account(seeded))))
        .clone()
}

mod storage {
    //! This browser's local storage and the `config.json` request.

    use super::{SavedSettings, KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY};

    fn local_storage() -> Option<web_sys::Storage> {
        #[cfg(target_arch = "wasm32")]
        {
            web_sys::window().and_then(|window| window.local_storage().ok().flatten())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }

    /// The storage key of `name` for an instance with `scope`; `None` when the instance keeps
    /// nothing in storage.
    fn scoped(name: &str, scope: Option<&str>) -> Option<String> {
        scope.map(|scope| format!("{name}{scope}"))
    }

    pub(super) fn load_settings(scope: Option<&str>) -> SavedSettings {
        let name = scoped(SETTINGS_STORAGE_KEY, scope);
        local_storage()
            .zip(name)
            .and_then(|(storage, name)| storage.get_item(&name).ok().flatten())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub(super) fn load_key(scope: Option<&str>) -> Option<String> {
        let name = scoped(KEY_STORAGE_KEY, scope)?;
        local_storage()
            .and_then(|storage| storage.get_item(&name).ok().flatten())
            .filter(|key| !key.trim().is_empty())
    }

    pub(super) fn save_settings(
        scope: Option<&str>,
        settings: &SavedSettings,
    ) -> Result<(), String> {
        let (Some(storage), Some(name)) = (local_storage(), scoped(SETTINGS_STORAGE_KEY, scope))
        else {
            return Ok(());
        };
        let text = serde_json::to_string(settings).map_err(|error| error.to_string())?;
        storage
            .set_item(&name, &text)
            .map_err(|_| "this browser refused to save the settings".to_owned())
    }

    pub(super) fn save_key(scope: Option<&str>, key: Option<&str>) -> Result<(), String> {
        let (Some(storage), Some(name)) = (local_storage(), scoped(KEY_STORAGE_KEY, scope)) else {
            return Ok(());
        };
        let result = match key {
            Some(key) => storage.set_item(&name, key),
            None => storage.remove_item(&name),
        };
        result.map_err(|_| "this browser refused to store the API key".to_owned())
    }

    /// The text of `config.json`, or `None` when there is none.
    ///
    /// What the page's folder holds as `config.json`.
    #[cfg(target_arch = "wasm32")]
    pub(super) enum ConfigFile {
        /// No file (404), or a host that answers every path with its page: the demo may run.
        Absent,
        /// The file's text, to be parsed.
        Text(String),
        /// A file the host failed to serve (another error status, or no answer): why.
        Unreadable(String),
    }

    /// Fetches `config.json`. A missing file or an HTML page (a server that answers every path
    /// with index.html) mean "no file": the defaults apply and nothing is shown. Any other
    /// failure means a file the operator wrote could not be read.
    #[cfg(target_arch = "wasm32")]
    pub(super) async fn fetch_config_file(address: &str) -> ConfigFile {
        let response = match gloo_net::http::Request::get(address).send().await {
            Ok(response) => response,
            Err(_) => return ConfigFile::Unreadable("no answer from the server".to_owned()),
        };
        if response.status() == 404 {
            return ConfigFile::Absent;
        }
        if !response.ok() {
            let reason = format!("the server answered status {}", response.status());
            return ConfigFile::Unreadable(reason);
        }
        let text = match response.text().await {
            Ok(text) => text,
            Err(_) => return ConfigFile::Unreadable("the answer broke off".to_owned()),
        };
        if text.trim_start().starts_with('<') {
            return ConfigFile::Absent;
        }
        ConfigFile::Text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_bases_are_accepted_and_lose_their_trailing_slash() {
        assert_eq!(
            check_api_base(" https://proxy.example.com/v3/ "),
            Ok("https://proxy.example.com/v3".to_owned())
        );
        assert_eq!(check_api_base(""), Ok(String::new()));
    }

    #[test]
    fn plain_http_is_accepted_only_for_this_machine() {
        assert!(check_api_base("http://localhost:8080/v3").is_ok());
        assert!(check_api_base("http://127.0.0.1:9000").is_ok());
        assert!(check_api_base("http://[::1]:9000").is_ok());
        assert!(check_api_base("http://proxy.example.com/v3").is_err());
        assert!(check_api_base("http://localhost.example.com").is_err());
    }

    #[test]
    fn odd_bases_are_refused_with_a_reason() {
        for bad in [
            "ftp://x",
            "proxy.example.com",
            "https://",
            "https://a b",
            "https://u:p@x/v3",
        ] {
            let refusal = check_api_base(bad).expect_err(bad);
            assert!(!refusal.is_empty());
        }
        assert!(check_api_base("https://x/v3?key=1").is_err());
    }

    #[test]
    fn the_file_layer_reports_bad_values_and_keeps_good_ones() {
        let (file, problems) = parse_config_file(
            r#"{"api_base_url": "http://evil.example", "send_api_version_header": false}"#,
        );
        assert_eq!(file.api_base_url, None);
        assert_eq!(file.send_version_header, Some(false));
        assert_eq!(problems.len(), 1);

        let (_, problems) = parse_config_file("{not json");
        assert_eq!(problems.len(), 1);
        let (_, problems) = parse_config_file(r#"{"demo": "yes"}"#);
        assert_eq!(problems.len(), 1);
        let (_, problems) = parse_config_file("[1]");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_config_file_the_host_failed_to_serve_switches_the_demo_off_and_says_why() {
        let (file, problems) = unreadable_config_file("the server answered status 502");
        let config = AppConfig::layered(&file, &SavedSettings::default(), None);

        assert_eq!(
            config.mode(),
            Mode::Unconfigured,
            "no made-up demo in its place"
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("status 502"), "{}", problems[0]);
        assert!(problems[0].contains("Settings"), "{}", problems[0]);
    }

    #[test]
    fn later_layers_win_and_the_key_is_never_in_the_settings() {
        let file = ConfigLayer {
            api_base_url: Some("https://file.example/v3".into()),
            send_version_header: Some(false),
            ..ConfigLayer::default()
        };
        let saved = SavedSettings {
            api_base_url: Some("https://mine.example/v3".into()),
            send_version_header: None,
            demo_account: None,
            ..SavedSettings::default()
        };
        let config = AppConfig::layered(&file, &saved, Some("secret".into()));
        assert_eq!(config.api_base_url, "https://mine.example/v3");
        assert!(!config.send_version_header);
        assert!(config.remember_key);
        assert!(!serde_json::to_string(&saved).unwrap().contains("secret"));
        assert!(!format!("{config:?}").contains("secret"));
    }

    #[test]
    fn the_demo_runs_only_without_a_base_and_when_allowed() {
        let mut config = AppConfig::default();
        assert_eq!(config.mode(), Mode::Demo);
        config.api_base_url = "https://proxy.example/v3".into();
        assert_eq!(config.mode(), Mode::Live);
        let file = ConfigLayer {
            demo: Some(false),
            ..ConfigLayer::default()
        };
        let config = AppConfig::layered(&file, &SavedSettings::default(), None);
        assert_eq!(config.mode(), Mode::Unconfigured);
    }

    #[test]
    fn the_request_timeout_comes_from_the_file_within_its_range() {
        assert_eq!(
            AppConfig::default().client_config().request_timeout_ms,
            Some(30_000)
        );
        let (file, problems) = parse_config_file(r#"{"request_timeout_ms": 2500}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let config = AppConfig::layered(&file, &SavedSettings::default(), None);
        assert_eq!(config.client_config().request_timeout_ms, Some(2_500));

        for bad in ["999", "120001", "2.5", "-1", "\"2500\""] {
            let (file, problems) =
                parse_config_file(&format!(r#"{{"request_timeout_ms": {bad}}}"#));
            assert_eq!(file.request_timeout_ms, None, "{bad}");
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(problems[0].contains("request_timeout_ms"), "{problems:?}");
        }
    }

    #[test]
    fn the_demo_account_comes_from_the_file_then_the_saved_settings() {
        let (file, problems) = parse_config_file(r#"{"demo_account": "large"}"#);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(file.demo_account, Some(DemoAccount::Large));
        let config = AppConfig::layered(&file, &SavedSettings::default(), None);
        assert_eq!(config.account(), AccountKey::Demo(DemoAccount::Large));

        let saved = SavedSettings {
            demo_account: Some(DemoAccount::Guide),
            ..SavedSettings::default()
        };
        let config = AppConfig::layered(&file, &saved, None);
        assert_eq!(config.demo_account, DemoAccount::Guide);
        let text = serde_json::to_string(&saved).expect("settings serialise");
        assert!(text.contains(r#""demo_account":"guide""#), "{text}");

        for bad in [r#"{"demo_account": "huge"}"#, r#"{"demo_account": 2}"#] {
            let (file, problems) = parse_config_file(bad);
            assert_eq!(file.demo_account, None);
            assert_eq!(problems.len(), 1, "{bad}");
        }
    }

    #[test]
    fn a_live_base_decides_the_account_whatever_the_demo_choice() {
        let config = AppConfig {
            api_base_url: "https://proxy.example/v3".into(),
            demo_account: DemoAccount::Large,
            ..AppConfig::default()
        };
        assert_eq!(
            config.account(),
            AccountKey::Live("https://proxy.example/v3".into())
        );
    }

    #[test]
    fn a_browser_that_sends_no_key_keeps_none() {
        let layers = ConfigLayer {
            api_base_url: Some("https://proxy.example/v3".into()),
            send_api_key: Some(false),
            reference_prefix: Some("acme".into()),
            ..ConfigLayer::default()
        };
        let config = AppConfig::layered(&layers, &SavedSettings::default(), Some("k".into()));
        assert_eq!(config.api_key, None);
        assert!(!config.remember_key);
        assert_eq!(config.client_config().api_key, None);
        assert_eq!(config.reference_prefix, "acme");

        let mut config =
            AppConfig::layered(&ConfigLayer::default(), &SavedSettings::default(), None);
        config.api_key = Some("k".into());
        config.send_api_key = false;
        assert_eq!(config.client_config().api_key, None);
    }
}
