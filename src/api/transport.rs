//! The one request path: headers, key, version, rate limit, retries and status mapping.
//!
//! A [`Client`] either calls the configured API base (the CORS proxy in front of DIDWW) with
//! `fetch`, or, in demo mode, hands the same request to the simulator: in-process (native
//! tests and browser tests) or as a module of its own (the shipped bundle). Everything above
//! this file sees only [`Document`]s and [`ApiError`]s.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use super::abort::RequestScope;
use super::error::ApiError;
use crate::jsonapi::Document;
#[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
use crate::sandbox::Simulator;
use crate::wire::{
    ApiRequest, ApiResponse, Method, API_KEY_HEADER, API_VERSION, API_VERSION_HEADER, MEDIA_TYPE,
};

/// DIDWW allows 20 requests per second per key; staying one below leaves room for clock skew.
const REQUESTS_PER_SECOND: usize = 19;

/// The largest page DIDWW serves.
pub const MAX_PAGE_SIZE: u32 = 100;

/// How many times a GET is tried before its error is shown.
const GET_ATTEMPTS: u32 = 3;

/// How long a request may take before it counts as timed out, unless configured.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Upper bound on pages followed for one collection, so a broken `next` link cannot loop.
const MAX_PAGES: usize = 500;

/// Where requests go and what they carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientConfig {
    /// The API base URL (the proxy), such as `https://proxy.example.com/v3`.
    pub api_base_url: String,
    /// The API key, when the browser sends one (a proxy may inject it instead).
    pub api_key: Option<String>,
    /// Whether to send `X-DIDWW-API-Version`.
    pub send_version_header: bool,
    /// How long a request may take before it counts as timed out; `None` means
    /// [`DEFAULT_TIMEOUT_MS`].
    pub request_timeout_ms: Option<u32>,
}

/// Sends API requests; cheap to clone and safe to share.
#[derive(Clone)]
pub struct Client {
    backend: Backend,
    recent_requests: Arc<Mutex<VecDeque<f64>>>,
    scope: Option<RequestScope>,
}

#[derive(Clone)]
enum Backend {
    Http(Arc<ClientConfig>),
    #[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
    Simulator(Arc<Mutex<Simulator>>),
    /// The simulator's own module, answering as this demo account.
    #[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
    DemoModule(&'static str),
}

impl std::fmt::Debug for Client {
    // Written by hand so that the API key can never reach a log line through `{:?}`.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backend {
            Backend::Http(config) => formatter
                .debug_struct("Client")
                .field("api_base_url", &config.api_base_url)
                .field("has_api_key", &config.api_key.is_some())
                .finish(),
            #[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
            Backend::Simulator(_) => formatter.write_str("Client(demo simulator)"),
            #[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
            Backend::DemoModule(account) => write!(formatter, "Client(demo module, {account})"),
        }
    }
}

impl Client {
    /// A client that calls a real API base through `fetch`.
    pub fn http(config: ClientConfig) -> Self {
        Self::with_backend(Backend::Http(Arc::new(config)))
    }

    /// A client answered by an in-process simulator (demo mode and tests).
    #[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
    pub fn simulator(simulator: Arc<Mutex<Simulator>>) -> Self {
        Self::with_backend(Backend::Simulator(simulator))
    }

    /// A client answered by the simulator's own module, which is fetched on the first
    /// request (demo mode in the shipped bundle). `account` is `guide` or `large`.
    #[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
    pub fn demo_module(account: &'static str) -> Self {
        Self::with_backend(Backend::DemoModule(account))
    }

    fn with_backend(backend: Backend) -> Self {
        Self {
            backend,
            recent_requests: Arc::new(Mutex::new(VecDeque::new())),
            scope: None,
        }
    }

    /// The same client (sharing its rate limit), whose reads belong to `scope`: once the
    /// scope is aborted they are cancelled in flight, not retried, and not started.
    ///
    /// Writes are left to finish: cutting a POST short would leave its outcome unknown
    /// (the record may or may not exist), which is worse than an answer nobody reads.
    pub fn within(&self, scope: &RequestScope) -> Self {
        Self {
            scope: Some(scope.clone()),
            ..self.clone()
        }
    }

    /// The scope of a read: the client's scope for GETs, none for writes.
    fn scope_of(&self, request: &ApiRequest) -> Option<&RequestScope> {
        self.scope
            .as_ref()
            .filter(|_| request.method == Method::Get)
    }

    /// True when answers come from the built-in simulator, not from DIDWW.
    pub fn is_demo(&self) -> bool {
        !matches!(self.backend, Backend::Http(_))
    }

    /// Sends one request and returns the raw response, whatever its status.
    pub async fn send(&self, mut request: ApiRequest) -> Result<ApiResponse, ApiError> {
        request
            .headers
            .push(("Accept".to_owned(), MEDIA_TYPE.to_owned()));
        if request.body.is_some() {
            request
                .headers
                .push(("Content-Type".to_owned(), MEDIA_TYPE.to_owned()));
        }

        let scope = self.scope_of(&request);
        if scope.is_some_and(RequestScope::is_aborted) {
            return Err(ApiError::Aborted);
        }
        match &self.backend {
            Backend::Http(config) => {
                if let Some(key) = config.api_key.as_ref().filter(|key| !key.is_empty()) {
                    request
                        .headers
                        .push((API_KEY_HEADER.to_owned(), key.clone()));
                }
                if config.send_version_header {
                    request
                        .headers
                        .push((API_VERSION_HEADER.to_owned(), API_VERSION.to_owned()));
                }
                self.wait_for_rate_limit().await;
                if scope.is_some_and(RequestScope::is_aborted) {
                    return Err(ApiError::Aborted);
                }
                let timeout_ms = config.request_timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS);
                http::fetch(&config.api_base_url, &request, scope, timeout_ms).await
            }
            #[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
            Backend::Simulator(simulator) => {
                let mut simulator = simulator
                    .lock()
                    .unwrap_or_else(|poison| poison.into_inner());
                Ok(simulator.handle(&request, now_ms() as u64))
            }
            #[cfg(all(target_arch = "wasm32", feature = "demo", not(feature = "simulator")))]
            Backend::DemoModule(account) => {
                super::demo_module::send(account, &request, now_ms()).await
            }
        }
    }

    /// Sends a request and decodes the document, mapping every failure to an [`ApiError`].
    ///
    /// GETs are retried with back-off on network failures, 429 and 5xx; other methods are
    /// never retried here, because repeating a POST could create a second record.
    pub async fn document(&self, request: ApiRequest) -> Result<Document, ApiError> {
        let mut attempt = 1;
        loop {
            let result = match self.send(request.clone()).await {
                Ok(response) => read_document(&response),
                Err(error) => Err(error),
            };
            let retry = request.method == Method::Get && attempt < GET_ATTEMPTS;
            match result {
                Err(error) if retry && error.is_transient() => {
                    let wait_ms = match &error {
                        ApiError::RateLimited {
                            retry_after_seconds: Some(seconds),
                        } => seconds.saturating_mul(1000).min(60_000) as u32,
                        _ => 400 * 2u32.pow(attempt),
                    };
                    log::warn!("retrying {} after {error}", request.path);
                    sleep_ms(wait_ms).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// GETs every page of a collection (100 per page) and returns them as one document.
    ///
    /// Pages are followed through `links.next`; when a server leaves that link out but
    /// `meta.total_records` says more exist, the next page number is requested anyway, so a
    /// short page is never taken for the last one.
    pub async fn all_pages(&self, request: ApiRequest) -> Result<Document, ApiError> {
        let first = with_page(request.clone(), 1);
        let mut merged = self.document(first).await?;
        let mut resources = merged.primary().to_vec();
        let total = merged.total_records();
        let mut page = 1;

        while page < MAX_PAGES {
            let next = match merged.next_link() {
                Some(link) => Some(ApiRequest::from_link(link)),
                None if total.is_some_and(|total| (resources.len() as u64) < total) => {
                    Some(with_page(request.clone(), page as u32 + 1))
                }
                None => None,
            };
            let Some(next) = next else { break };
            let document = self.document(next).await?;
            if document.primary().is_empty() {
                break;
            }
            resources.extend(document.primary().iter().cloned());
            merged.included.extend(document.included.iter().cloned());
            merged.links = document.links.clone();
            page += 1;
        }

        merged.data = crate::jsonapi::PrimaryData::Many(resources);
        merged.links = None;
        Ok(merged)
    }

    /// Waits until one more request fits in DIDWW's per-second budget.
    async fn wait_for_rate_limit(&self) {
        loop {
            let now = now_ms();
            let wait = {
                let mut recent = self
                    .recent_requests
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                while recent.front().is_some_and(|sent| now - sent >= 1000.0) {
                    recent.pop_front();
                }
                if recent.len() < REQUESTS_PER_SECOND {
                    recent.push_back(now);
                    return;
                }
                recent
                    .front()
                    .map(|oldest| 1000.0 - (now - oldest))
                    .unwrap_or(0.0)
            };
            sleep_ms(wait.ceil().max(1.0) as u32).await;
        }
    }
}

/// Sets `page[number]` and the largest `page[size]` on a collection request.
fn with_page(mut request: ApiRequest, page: u32) -> ApiRequest {
    request
        .query
        .retain(|(name, _)| name != "page[number]" && name != "page[size]");
    request
        .param("page[number]", page.to_string())
        .param("page[size]", MAX_PAGE_SIZE.to_string())
}

/// Maps a response to a document or an error by its status and body.
pub fn read_document(response: &ApiResponse) -> Result<Document, ApiError> {
    let status = response.status;
    if (200..300).contains(&status) {
        if response.body.trim().is_empty() {
            return if status == 204 || status == 202 {
                Ok(Document::default())
            } else {
                Err(unexpected(status, "the body was empty"))
            };
        }
        return parse_body(status, &response.body);
    }

    let errors = parse_body(status, &response.body).map(|document| document.errors);
    match status {
        401 => Err(ApiError::Unauthorized),
        403 => Err(ApiError::Forbidden(errors.unwrap_or_default())),
        404 => Err(ApiError::NotFound(errors.unwrap_or_default())),
        422 => Err(match errors {
            Ok(errors) => ApiError::Validation(errors),
            Err(unexpected) => unexpected,
        }),
        429 => Err(ApiError::RateLimited {
            retry_after_seconds: response
                .header("Retry-After")
                .and_then(|value| value.trim().parse().ok()),
        }),
        // A proxy's own error page (HTML, or a cut-off body) is not DIDWW's answer: it says
        // so, with the status, and a GET is still retried like any 5xx.
        500..=599 => Err(match errors {
            Err(unexpected) if !response.body.trim().is_empty() => unexpected,
            _ => ApiError::Server { status },
        }),
        _ => Err(match errors {
            Err(unexpected) if !response.body.trim().is_empty() => unexpected,
            errors => ApiError::Refused {
                status,
                errors: errors.unwrap_or_default(),
            },
        }),
    }
}

fn parse_body(status: u16, body: &str) -> Result<Document, ApiError> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('<') {
        return Err(unexpected(status, "an HTML page arrived instead of JSON"));
    }
    Document::parse(body).map_err(|error| {
        let reason = if error.is_eof() {
            "the JSON document was cut short".to_owned()
        } else {
            format!("the body was not a JSON:API document ({error})")
        };
        ApiError::UnexpectedResponse { status, reason }
    })
}

fn unexpected(status: u16, reason: &str) -> ApiError {
    ApiError::UnexpectedResponse {
        status,
        reason: reason.to_owned(),
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_millis() as f64)
            .unwrap_or(0.0)
    }
}

/// Waits `milliseconds` without blocking the page (returns at once outside the browser).
pub async fn sleep_ms(milliseconds: u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &resolve,
                    milliseconds as i32,
                );
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = milliseconds;
    }
}

#[cfg(target_arch = "wasm32")]
mod http {
    //! `fetch` through gloo-net, with a timeout enforced by an abort signal.

    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use super::{ApiError, RequestScope};
    use crate::api::abort::in_flight;
    use crate::wire::{ApiRequest, ApiResponse, Method};

    /// Sends `request`, cancelling it after `timeout_ms` or when `scope` is aborted.
    pub(super) async fn fetch(
        base: &str,
        request: &ApiRequest,
        scope: Option<&RequestScope>,
        timeout_ms: u32,
    ) -> Result<ApiResponse, ApiError> {
        let controller = web_sys::AbortController::new()
            .map_err(|_| ApiError::Network("the browser cannot abort requests".to_owned()))?;
        let filed = scope.map(|scope| (scope.id(), in_flight::add(scope.id(), controller.clone())));
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            Closure::once(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let timer_id = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    timer.as_ref().unchecked_ref(),
                    timeout_ms as i32,
                )
                .ok()
        });

        let result = send(base, request, &controller.signal()).await;

        if let (Some(window), Some(id)) = (web_sys::window(), timer_id) {
            window.clear_timeout_with_handle(id);
        }
        if let Some((scope, number)) = filed {
            in_flight::remove(scope, number);
        }
        match result {
            Err(_) if timed_out.get() => Err(ApiError::Timeout),
            other => other,
        }
    }

    async fn send(
        base: &str,
        request: &ApiRequest,
        signal: &web_sys::AbortSignal,
    ) -> Result<ApiResponse, ApiError> {
        let method = match request.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Patch => gloo_net::http::Method::PATCH,
            Method::Delete => gloo_net::http::Method::DELETE,
            Method::Options => gloo_net::http::Method::OPTIONS,
        };
        let mut builder = gloo_net::http::RequestBuilder::new(&request.url(base))
            .method(method)
            .abort_signal(Some(signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let prepared = match &request.body {
            Some(body) => builder.body(body.clone()),
            None => builder.build(),
        }
        .map_err(|error| ApiError::Network(error.to_string()))?;

        let response = prepared
            .send()
            .await
            .map_err(|error| network_error(&error))?;
        let status = response.status();
        let headers = ["Retry-After", "Content-Type"]
            .into_iter()
            .filter_map(|name| Some((name.to_owned(), response.headers().get(name)?)))
            .collect();
        let body = response
            .text()
            .await
            .map_err(|error| network_error(&error))?;
        Ok(ApiResponse {
            status,
            headers,
            body,
        })
    }

    fn network_error(error: &gloo_net::Error) -> ApiError {
        let text = error.to_string();
        if text.contains("AbortError") {
            ApiError::Aborted
        } else {
            ApiError::Network(text)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod http {
    //! Outside the browser there is no `fetch`; native code talks to the simulator directly.

    use super::{ApiError, RequestScope};
    use crate::wire::{ApiRequest, ApiResponse};

    pub(super) async fn fetch(
        _base: &str,
        _request: &ApiRequest,
        _scope: Option<&RequestScope>,
        _timeout_ms: u32,
    ) -> Result<ApiResponse, ApiError> {
        Err(ApiError::Configuration(
            "HTTP requests are only sent from the browser".to_owned(),
        ))
    }
}
