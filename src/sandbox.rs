//! A DIDWW API v3 simulator for the emergency registration flow.
//!
//! [`Simulator`] answers the same [`ApiRequest`]s the real API does, with DIDWW's document
//! shapes, error codes and wording, from a seeded [`Account`] (see [`seed`]). It backs the
//! demo mode in the browser and, behind [`server`], the end-to-end tests. It never reads a
//! clock: each request brings its own time, so runs are reproducible.
//!
//! What it simulates beyond plain storage:
//! - DIDWW's rules for identities, addresses, requirement validations and emergency
//!   verifications, answered with 422 errors shaped like DIDWW's;
//! - the review: a pending verification is approved or rejected once the review delay has
//!   passed (rejected when the seed marks its identity or address as bad, or when the address
//!   is outside the DIDs' city or area on a city- or area-level requirement);
//! - pagination, filters, sorting and includes, refusing what DIDWW refuses.
//!
//! Not simulated: HTTP callbacks (the browser build cannot send them), orders and billing,
//! proofs and documents, and relationship endpoints such as `/dids/{id}/identity`.

mod body;
mod clock;
mod errors;
mod ids;
mod query;
mod random;
mod render;
mod review;
mod routes;
mod rules;
pub mod seed;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
mod store;

use crate::jsonapi::DocumentMeta;
use crate::wire::{ApiRequest, ApiResponse, Method, API_KEY_HEADER, API_VERSION};
use errors::{Failure, Reply};
use store::Store;

/// How long after submission a verification is reviewed, unless told otherwise.
pub const DEFAULT_REVIEW_DELAY_MS: u64 = 4_000;

/// Which seeded account a [`Simulator`] starts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Account {
    /// The records of DIDWW's emergency registration guide and their neighbours: a few DIDs
    /// for each branch of the flow.
    #[default]
    Guide,
    /// The guide account plus generated DIDs, identities and addresses at the size of a big
    /// customer (see [`seed::GENERATED_DID_COUNT`]), for trying lists, paging and search.
    Large,
}

impl Account {
    /// Reads `guide` or `large`, as the server's flag and the demo settings spell them.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "guide" => Some(Self::Guide),
            "large" => Some(Self::Large),
            _ => None,
        }
    }

    /// The name [`Account::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Guide => "guide",
            Self::Large => "large",
        }
    }
}

/// An in-memory DIDWW account that answers API requests.
#[derive(Debug, Clone)]
pub struct Simulator {
    account: Account,
    store: Store,
    review_delay_ms: u64,
    required_api_key: Option<String>,
    request_count: usize,
    seeded_verifications: usize,
    ids_mixed_with_time: bool,
}

impl Default for Simulator {
    fn default() -> Self {
        Self::with_guide_account()
    }
}

impl Simulator {
    /// A simulator holding the seeded guide account, accepting any API key.
    pub fn with_guide_account() -> Self {
        Self::with_account(Account::Guide)
    }

    /// A simulator holding the generated large account, accepting any API key.
    pub fn with_large_account() -> Self {
        Self::with_account(Account::Large)
    }

    /// A simulator holding `account`, accepting any API key.
    pub fn with_account(account: Account) -> Self {
        let store = match account {
            Account::Guide => seed::guide_store(),
            Account::Large => seed::large_store(),
        };
        Self {
            account,
            seeded_verifications: store.verifications.len(),
            store,
            review_delay_ms: DEFAULT_REVIEW_DELAY_MS,
            required_api_key: None,
            request_count: 0,
            ids_mixed_with_time: false,
        }
    }

    /// The account this simulator was seeded with.
    pub fn account(&self) -> Account {
        self.account
    }

    /// Sets how long after submission a verification is reviewed.
    pub fn set_review_delay_ms(&mut self, ms: u64) {
        self.review_delay_ms = ms;
    }

    /// Requires this exact `Api-Key` header on every request (`None` accepts anything).
    pub fn set_required_api_key(&mut self, key: Option<String>) {
        self.required_api_key = key;
    }

    /// How many emergency verifications were submitted through [`Simulator::handle`]; the
    /// seeded ones do not count.
    pub fn verification_count(&self) -> usize {
        self.store.verifications.len() - self.seeded_verifications
    }

    /// How many requests [`Simulator::handle`] has answered.
    pub fn request_count(&self) -> usize {
        self.request_count
    }

    /// Answers one request at `now_ms` (milliseconds since the Unix epoch).
    ///
    /// `request.path` is relative to the API base (`/dids`); a leading `/v3` is accepted too,
    /// and so is a query string left on the path.
    pub fn handle(&mut self, request: &ApiRequest, now_ms: u64) -> ApiResponse {
        self.request_count += 1;
        if request.method == Method::Options {
            return ApiResponse {
                status: 204,
                headers: Vec::new(),
                body: String::new(),
            };
        }
        if let Some(required) = &self.required_api_key {
            if request.header(API_KEY_HEADER) != Some(required.as_str()) {
                return failure_response(&Failure::unauthorized());
            }
        }
        if !self.ids_mixed_with_time {
            self.store.ids.mix(now_ms);
            self.ids_mixed_with_time = true;
        }
        review::review_due(&mut self.store, now_ms, self.review_delay_ms);

        let request = normalized(request);
        match routes::dispatch(&mut self.store, &request, &request.path, now_ms) {
            Ok(reply) => reply_response(reply),
            Err(failure) => failure_response(&failure),
        }
    }
}

/// The request with its path relative to the API base and any query string moved into
/// `query`, so the routes see one canonical shape.
fn normalized(request: &ApiRequest) -> ApiRequest {
    let mut request = request.clone();
    if let Some((path, query)) = request.path.clone().split_once('?') {
        let mut pairs = crate::wire::parse_query(query);
        pairs.append(&mut request.query);
        request.path = path.to_owned();
        request.query = pairs;
    }
    let path = match request.path.strip_prefix("/v3") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => request.path.as_str(),
    };
    let path = path.trim_end_matches('/');
    request.path = if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    };
    request
}

fn reply_response(reply: Reply) -> ApiResponse {
    let Some(mut document) = reply.document else {
        return ApiResponse {
            status: reply.status,
            headers: Vec::new(),
            body: String::new(),
        };
    };
    let meta = document.meta.get_or_insert_with(DocumentMeta::default);
    meta.api_version = Some(API_VERSION.to_owned());
    ApiResponse::json(reply.status, document.to_json())
}

fn failure_response(failure: &Failure) -> ApiResponse {
    ApiResponse::json(failure.status, failure.document().to_json())
}
