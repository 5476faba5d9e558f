//! `didww-demo`: demo mode's simulator as a WebAssembly module of its own.
//!
//! The app fetches this module (`didww-demo.js` and `didww-demo_bg.wasm`) the first time demo
//! mode sends a request, so a page that talks to DIDWW never downloads the simulator. Trunk
//! builds it next to the app with the `simulator` feature (see `index.html`).
//!
//! Requests and answers cross between the two modules as JSON text: the app's `ApiRequest`
//! in, an `ApiResponse` out. Each demo account is created on its first request and keeps what
//! the user creates for as long as the page is open.

#[cfg(all(target_arch = "wasm32", feature = "simulator"))]
mod demo {
    use std::cell::RefCell;

    use didww_emergency::sandbox::{Account, Simulator};
    use didww_emergency::wire::{ApiRequest, ApiResponse};
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// One simulator per account, each created when first asked for; the large account
        /// takes a moment to generate, so it is only built when chosen.
        static ACCOUNTS: RefCell<Vec<(Account, Simulator)>> = const { RefCell::new(Vec::new()) };
    }

    /// Answers one request: `account` is `guide` or `large` (anything else reads as the guide
    /// account), `request` an `ApiRequest` as JSON, `now_ms` the time in milliseconds since
    /// the Unix epoch. Returns an `ApiResponse` as JSON.
    #[wasm_bindgen]
    pub fn handle(account: &str, request: &str, now_ms: f64) -> String {
        let account = Account::parse(account).unwrap_or_default();
        let response = match serde_json::from_str::<ApiRequest>(request) {
            Ok(request) => answer(account, &request, now_ms as u64),
            Err(error) => unreadable_request(&error.to_string()),
        };
        serde_json::to_string(&response).unwrap_or_else(|error| {
            // Only reachable if a response could not be written as JSON: answer with a 500
            // that the app reports as a server failure.
            format!(r#"{{"status":500,"headers":[],"body":"{}"}}"#, error.line())
        })
    }

    fn answer(account: Account, request: &ApiRequest, now_ms: u64) -> ApiResponse {
        ACCOUNTS.with(|accounts| {
            let mut accounts = accounts.borrow_mut();
            let index = match accounts.iter().position(|(seeded, _)| *seeded == account) {
                Some(index) => index,
                None => {
                    accounts.push((account, Simulator::with_account(account)));
                    accounts.len() - 1
                }
            };
            accounts[index].1.handle(request, now_ms)
        })
    }

    /// A JSON:API 400 for a request this module could not read (the app and the module
    /// come from different builds).
    fn unreadable_request(detail: &str) -> ApiResponse {
        let document = serde_json::json!({
            "errors": [{
                "status": "400",
                "title": "The demo could not read the request",
                "detail": detail,
            }]
        });
        ApiResponse::json(400, document.to_string())
    }
}

/// Everything happens in the exported `handle`; starting the module does nothing.
fn main() {}
