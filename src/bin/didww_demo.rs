//! `didww-demo`: demo mode's simulator as a WebAssembly module of its own.
//!
//! The app fetches this module (`didww-demo.js` and `didww-demo_bg.wasm`) the first time demo
//! mode sends a request, so a page that talks to DIDWW never downloads the simulator. Trunk
//! builds it next to the app with the `simulator` feature (see `index.html`).
//!
//! Requests and answers cross between the two modules as JSON text: the app's `ApiRequest`
//! in, an `ApiResponse` out. Each demo account is created on its first request and keeps what
//! the user creates for as long as the page is open (`config::shared_simulator`).

#[cfg(all(target_arch = "wasm32", feature = "simulator"))]
mod demo {
    use didww_emergency::config::{shared_simulator, DemoAccount};
    use didww_emergency::wire::{ApiRequest, ApiResponse};
    use wasm_bindgen::prelude::*;

    /// Answers one request: `account` is `guide` or `large` (anything else reads as the guide
    /// account), `request` an `ApiRequest` as JSON, `now_ms` the time in milliseconds since
    /// the Unix epoch. Returns an `ApiResponse` as JSON.
    #[wasm_bindgen]
    pub fn handle(account: &str, request: &str, now_ms: f64) -> String {
        let account = DemoAccount::parse(account).unwrap_or_default();
        let response = match serde_json::from_str::<ApiRequest>(request) {
            Ok(request) => {
                // The same per-account simulators as in-process demo mode: each is created
                // on its first request and kept while the page is open.
                let simulator = shared_simulator(account);
                let mut simulator = simulator
                    .lock()
                    .unwrap_or_else(|poison| poison.into_inner());
                simulator.handle(&request, now_ms as u64)
            }
            Err(error) => unreadable_request(&error.to_string()),
        };
        serde_json::to_string(&response).unwrap_or_else(|error| {
            // Only reachable if a response could not be written as JSON: answer with a 500
            // that the app reports as a server failure.
            format!(r#"{{"status":500,"headers":[],"body":"{}"}}"#, error.line())
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
