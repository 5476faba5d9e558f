//! The simulator behind a local HTTP/1.1 server, for browser and end-to-end tests (native
//! builds only).
//!
//! The API lives under `/v3/`. CORS is answered like a permissive proxy would: the request's
//! `Origin` is reflected, and preflights get `204`. Two control endpoints sit outside the API:
//! `GET /__sim/stats` and `POST /__sim/reset`. One line per request goes to stderr (method,
//! path, status); API keys and bodies are never logged.
//!
//! A third control endpoint injects faults: `POST /__sim/faults` with a rule (see
//! [`faults::FaultRequest`]) makes the next matching API requests lose their answer, hang,
//! get a proxy's HTML `502`, an empty or cut-off body, or a `429`; `GET` lists the armed
//! rules and `DELETE` disarms them. A reset disarms them too.
//!
//! API requests are counted per API key over a rolling second, as DIDWW limits them. With a
//! [`ServerConfig::rate_limit`] the server answers `429` beyond it, so clients can test their
//! back-off; either way the stats report the busiest second, so tests can check a client
//! stays under DIDWW's 20 requests per second. Preflights and the control endpoints are not
//! counted: browsers send preflights without the key.

pub mod faults;
mod http;
mod rate_limit;

use std::collections::HashMap;
use std::io::{self, BufReader};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use faults::{Fault, FaultKind, Faults};
use http::{read_request, write_response, HttpRequest, Incoming};
use rate_limit::RateLimiter;

use super::{Account, Simulator, DEFAULT_REVIEW_DELAY_MS};
use crate::jsonapi::{Document, ErrorObject};
use crate::wire::{parse_query, split_target, ApiRequest, Method, API_KEY_HEADER, MEDIA_TYPE};

/// The address the server listens on unless told otherwise.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

/// Methods a browser may use across origins.
const ALLOWED_METHODS: &str = "GET, POST, PATCH, DELETE, OPTIONS";

/// Headers a browser may send across origins.
const ALLOWED_HEADERS: &str = "Accept, Content-Type, Api-Key, X-DIDWW-API-Version";

/// How long an idle keep-alive connection is kept open.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// DIDWW's answer to a request over the rate limit, word for word.
const TOO_MANY_REQUESTS: &str = r#"{"errors":[{"status":"429","detail":"Too Many Requests"}]}"#;

/// How the server sets up (and resets) its simulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// The `Api-Key` every API request must carry; `None` accepts any.
    pub api_key: Option<String>,
    /// How long after submission a verification is reviewed.
    pub review_delay_ms: u64,
    /// The account the simulator starts from, and goes back to on reset.
    pub account: Account,
    /// The most API requests one key may send in any rolling second before getting `429`;
    /// `None` admits everything.
    pub rate_limit: Option<usize>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            api_key: None,
            review_delay_ms: DEFAULT_REVIEW_DELAY_MS,
            account: Account::Guide,
            rate_limit: None,
        }
    }
}

/// What all connections share.
struct State {
    config: ServerConfig,
    simulator: Mutex<Simulator>,
    limiter: Mutex<RateLimiter>,
    last_api_key_seen: AtomicBool,
    /// The limiter's clock: monotonic, unlike the wall clock the simulator is given.
    started: Instant,
    faults: Mutex<Faults>,
    idle: Mutex<IdleConnections>,
}

/// Open connections waiting for their next request, so that arming a fault that loses a
/// connection can close them first (see [`Faults::will_lose_a_connection`]).
#[derive(Default)]
struct IdleConnections {
    next_id: u64,
    streams: HashMap<u64, TcpStream>,
}

impl IdleConnections {
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Closes every idle connection; their threads see the end of the stream and finish.
    fn close_all(&mut self) {
        for (_, stream) in self.streams.drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

/// What the server does with one request.
enum Outcome {
    /// Answer with a status, headers and a body.
    Answer(u16, Vec<(String, String)>, String),
    /// Say nothing for a while, then close the connection.
    Silence(Duration),
}

impl State {
    fn fresh_simulator(config: &ServerConfig) -> Simulator {
        let mut simulator = Simulator::with_account(config.account);
        simulator.set_required_api_key(config.api_key.clone());
        simulator.set_review_delay_ms(config.review_delay_ms);
        simulator
    }

    /// The simulator; a thread that panicked while holding it cannot have left it half
    /// updated in a way that matters for a test server, so poisoning is ignored.
    fn simulator(&self) -> MutexGuard<'_, Simulator> {
        self.simulator
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The rate limiter; poisoning is ignored for the same reason as the simulator's.
    fn limiter(&self) -> MutexGuard<'_, RateLimiter> {
        self.limiter
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The armed faults; poisoning is ignored for the same reason as the simulator's.
    fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The idle connections; poisoning is ignored for the same reason as the simulator's.
    fn idle(&self) -> MutexGuard<'_, IdleConnections> {
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records connection `id` as waiting for its next request, unless it was `reused` and an
    /// armed fault asks for connections to close, in which case it says `false`. Fault rules
    /// are checked while the idle list is held, so a connection either sees a new rule or is
    /// on the list when arming the rule closes them.
    fn park(&self, id: u64, stream: &TcpStream, reused: bool) -> bool {
        let mut idle = self.idle();
        if reused && self.faults().will_lose_a_connection() {
            return false;
        }
        let Ok(clone) = stream.try_clone() else {
            return false;
        };
        idle.streams.insert(id, clone);
        true
    }

    /// Whether an API request carrying `key` may go through now.
    fn admit(&self, key: &str) -> bool {
        let elapsed = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.limiter().admit(key, elapsed)
    }
}

/// Serves requests on `listener` until the process ends, one thread per connection.
pub fn serve(listener: TcpListener, config: ServerConfig) -> io::Result<()> {
    let state = Arc::new(State {
        simulator: Mutex::new(State::fresh_simulator(&config)),
        limiter: Mutex::new(RateLimiter::new(config.rate_limit)),
        config,
        last_api_key_seen: AtomicBool::new(false),
        started: Instant::now(),
        faults: Mutex::new(Faults::default()),
        idle: Mutex::new(IdleConnections::default()),
    });
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let state = Arc::clone(&state);
                thread::spawn(move || serve_connection(stream, &state));
            }
            Err(error) => eprintln!("didww-sim: could not accept a connection: {error}"),
        }
    }
    Ok(())
}

fn serve_connection(stream: TcpStream, state: &State) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    // Idle keep-alive connections must not hold a thread forever.
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let id = state.idle().new_id();
    let mut reader = BufReader::new(stream);
    let mut answered_one = false;
    loop {
        if !state.park(id, &writer, answered_one) {
            return;
        }
        answered_one = true;
        let incoming = read_request(&mut reader);
        state.idle().streams.remove(&id);
        let request = match incoming {
            Incoming::Request(request) => request,
            Incoming::Closed => return,
            Incoming::Malformed(status, reason) => {
                eprintln!("- malformed request {status} ({reason})");
                let body = error_body(status, "Bad request", reason);
                let _ = write_response(&mut writer, status, &json_headers(), &body, false);
                return;
            }
        };

        let path = split_target(&request.target).0.to_owned();
        let fault = if path.starts_with("/__sim/") {
            None
        } else {
            state.faults().take(&request.method, &path)
        };
        let outcome = match fault {
            Some(fault) => faulted(&request, state, fault),
            None => {
                let (status, headers, body) = answer(&request, state);
                Outcome::Answer(status, headers, body)
            }
        };
        let fault_note = fault
            .map(|fault| format!(" (injected fault: {:?})", fault.kind))
            .unwrap_or_default();

        let (status, mut headers, body) = match outcome {
            Outcome::Answer(status, headers, body) => (status, headers, body),
            Outcome::Silence(duration) => {
                eprintln!("{} {path} -{fault_note}", request.method);
                thread::sleep(duration);
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        };
        headers.extend(cors_headers(&request));
        eprintln!("{} {path} {status}{fault_note}", request.method);
        let keep_alive = request.keep_alive && !state.faults().will_lose_a_connection();
        let written = write_response(&mut writer, status, &headers, &body, keep_alive);
        if written.is_err() || !keep_alive {
            return;
        }
    }
}

/// What a request gets under an injected fault, after the simulator handled it if the fault
/// says so.
fn faulted(request: &HttpRequest, state: &State, fault: Fault) -> Outcome {
    let (status, headers, body) = if fault.handle {
        answer(request, state)
    } else {
        (200, json_headers(), r#"{"data":null}"#.to_owned())
    };
    match fault.kind {
        FaultKind::Drop => Outcome::Silence(Duration::ZERO),
        FaultKind::Hang => Outcome::Silence(fault.hang),
        FaultKind::BadGateway => {
            let headers = vec![("Content-Type".to_owned(), "text/html".to_owned())];
            Outcome::Answer(502, headers, faults::BAD_GATEWAY_PAGE.to_owned())
        }
        FaultKind::Empty => Outcome::Answer(200, json_headers(), String::new()),
        FaultKind::Truncated => {
            Outcome::Answer(status, headers, faults::truncate(&body).to_owned())
        }
        FaultKind::RateLimit => {
            let mut headers = json_headers();
            let wait = fault.retry_after_seconds.to_string();
            headers.push(("Retry-After".to_owned(), wait));
            Outcome::Answer(429, headers, TOO_MANY_REQUESTS.to_owned())
        }
    }
}

/// Status, headers and body for one request.
fn answer(request: &HttpRequest, state: &State) -> (u16, Vec<(String, String)>, String) {
    let (path, query) = split_target(&request.target);
    if request.method.eq_ignore_ascii_case("OPTIONS") {
        return (204, Vec::new(), String::new());
    }
    match (request.method.as_str(), path) {
        ("GET", "/__sim/stats") => return (200, plain_json_headers(), stats(state)),
        ("POST", "/__sim/reset") => {
            *state.simulator() = State::fresh_simulator(&state.config);
            *state.limiter() = RateLimiter::new(state.config.rate_limit);
            *state.faults() = Faults::default();
            state.last_api_key_seen.store(false, Ordering::Relaxed);
            return (200, plain_json_headers(), stats(state));
        }
        ("GET", "/__sim/faults") => {
            return (
                200,
                plain_json_headers(),
                state.faults().to_json().to_string(),
            );
        }
        ("POST", "/__sim/faults") => return arm_fault(request, state),
        ("DELETE", "/__sim/faults") => {
            state.faults().clear();
            return (
                200,
                plain_json_headers(),
                state.faults().to_json().to_string(),
            );
        }
        _ => {}
    }
    let Some(api_path) = path
        .strip_prefix("/v3")
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
    else {
        let detail = format!(
            "No route matches {} {path}; the API is served under /v3/",
            request.method
        );
        return (404, json_headers(), error_body(404, "Not found", &detail));
    };
    if !state.admit(request.header(API_KEY_HEADER).unwrap_or_default()) {
        let mut headers = json_headers();
        headers.push(("Retry-After".to_owned(), "1".to_owned()));
        return (429, headers, TOO_MANY_REQUESTS.to_owned());
    }
    let Some(method) = Method::parse(&request.method) else {
        let detail = format!("{} is not allowed on {path}", request.method);
        return (
            405,
            json_headers(),
            error_body(405, "Method not allowed", &detail),
        );
    };
    let Ok(body) = String::from_utf8(request.body.clone()) else {
        let detail = "The request body is not UTF-8";
        return (400, json_headers(), error_body(400, "Bad request", detail));
    };

    let api_request = ApiRequest {
        method,
        path: api_path.to_owned(),
        query: parse_query(query),
        headers: request.headers.clone(),
        body: (!body.is_empty()).then_some(body),
    };
    let key_sent = request
        .header(API_KEY_HEADER)
        .is_some_and(|key| !key.is_empty());
    state.last_api_key_seen.store(key_sent, Ordering::Relaxed);
    let response = state.simulator().handle(&api_request, now_ms());
    (response.status, response.headers, response.body)
}

/// Arms the fault rule in the request's body.
fn arm_fault(request: &HttpRequest, state: &State) -> (u16, Vec<(String, String)>, String) {
    let body = String::from_utf8_lossy(&request.body);
    let armed = state.faults().arm(&body);
    if let Err(reason) = armed {
        let refusal = serde_json::json!({ "error": reason }).to_string();
        return (400, plain_json_headers(), refusal);
    }

    // A connection opened before now could carry the faulted request and be resent by the
    // browser once it closes; closing them makes the page open fresh ones. The fault lock is
    // released first: `State::park` takes the two locks in the other order.
    let loses_connections = state.faults().will_lose_a_connection();
    if loses_connections {
        state.idle().close_all();
    }
    (
        200,
        plain_json_headers(),
        state.faults().to_json().to_string(),
    )
}

/// The control endpoint's counters. The key itself is never echoed, only whether one came.
///
/// `requests` counts what reached the simulator; requests refused with `429` are counted in
/// `rate_limited` instead, and both in `max_requests_per_second`.
fn stats(state: &State) -> String {
    let (rate_limited, busiest_second) = {
        let limiter = state.limiter();
        (limiter.refused(), limiter.busiest_second())
    };
    let simulator = state.simulator();
    serde_json::json!({
        "requests": simulator.request_count(),
        "verifications": simulator.verification_count(),
        "last_api_key_seen": state.last_api_key_seen.load(Ordering::Relaxed),
        "account": simulator.account().as_str(),
        "rate_limited": rate_limited,
        "max_requests_per_second": busiest_second,
        "faults_injected": state.faults().injected(),
    })
    .to_string()
}

/// CORS headers for a request that carries an `Origin`, reflecting it.
fn cors_headers(request: &HttpRequest) -> Vec<(String, String)> {
    let mut headers = vec![("Vary".to_owned(), "Origin".to_owned())];
    if let Some(origin) = request.header("Origin") {
        headers.extend([
            ("Access-Control-Allow-Origin".to_owned(), origin.to_owned()),
            (
                "Access-Control-Allow-Methods".to_owned(),
                ALLOWED_METHODS.to_owned(),
            ),
            (
                "Access-Control-Allow-Headers".to_owned(),
                ALLOWED_HEADERS.to_owned(),
            ),
            ("Access-Control-Max-Age".to_owned(), "600".to_owned()),
            // Without this a page could not read how long a 429 asks it to wait.
            (
                "Access-Control-Expose-Headers".to_owned(),
                "Retry-After".to_owned(),
            ),
        ]);
    }
    headers
}

fn json_headers() -> Vec<(String, String)> {
    vec![("Content-Type".to_owned(), MEDIA_TYPE.to_owned())]
}

fn plain_json_headers() -> Vec<(String, String)> {
    vec![("Content-Type".to_owned(), "application/json".to_owned())]
}

fn error_body(status: u16, title: &str, detail: &str) -> String {
    let error = ErrorObject {
        title: Some(title.to_owned()),
        detail: Some(detail.to_owned()),
        code: Some(status.to_string()),
        status: Some(status.to_string()),
        source: None,
    };
    Document::from_errors(vec![error]).to_json()
}

fn now_ms() -> u64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX)
}
