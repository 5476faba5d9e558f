//! Demo mode's backend in the browser: the simulator, compiled as a WebAssembly module of its
//! own (`didww-demo.js` and `didww-demo_bg.wasm`, in the bundle's root folder next to the
//! app's files).
//!
//! The module is fetched the first time demo mode sends a request, so a page that talks to
//! DIDWW never downloads it. It is loaded once per page and shared by every widget on it; its
//! accounts keep what the user creates until the page is closed.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::error::ApiError;
use crate::wire::{ApiRequest, ApiResponse};

// A snippet file, not inline script, so the page's CSP needs nothing beyond 'self'. wasm-bindgen
// places snippets two folders below the bundle's root (`snippets/<crate>-<hash>/`), which is
// where the relative import starts from, whatever folder or CDN serves the bundle.
//
// One load is shared by all callers: instantiating the module twice would split the demo's
// records between two copies. A failed load is forgotten, so the next request tries again,
// with both files under new URLs: a browser may remember a failed module import for its URL,
// and may hold a broken copy of the WebAssembly file in its cache.
#[wasm_bindgen(inline_js = r#"
let loading = null;
let failures = 0;

function loadDemoModule() {
  if (loading === null) {
    const retry = failures === 0 ? "" : `?retry=${failures}`;
    const wasm = new URL(`../../didww-demo_bg.wasm${retry}`, import.meta.url);
    loading = import(`../../didww-demo.js${retry}`)
      .then(async (module) => {
        await module.default({ module_or_path: wasm });
        return module.handle;
      })
      .catch((error) => {
        loading = null;
        failures += 1;
        throw error;
      });
  }
  return loading;
}

export async function demoRequest(account, request, nowMs) {
  const handle = await loadDemoModule();
  return handle(account, request, nowMs);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = demoRequest)]
    fn demo_request(account: &str, request: &str, now_ms: f64) -> js_sys::Promise;
}

/// Hands `request` to the simulator module's `account` and returns its answer.
pub async fn send(
    account: &str,
    request: &ApiRequest,
    now_ms: f64,
) -> Result<ApiResponse, ApiError> {
    let request = serde_json::to_string(request)
        .map_err(|error| ApiError::DemoUnavailable(error.to_string()))?;
    let answer = JsFuture::from(demo_request(account, &request, now_ms))
        .await
        .map_err(|error| ApiError::DemoUnavailable(describe(&error)))?;
    let answer = answer.as_string().ok_or_else(|| {
        ApiError::DemoUnavailable("the demo module answered something other than text".into())
    })?;
    serde_json::from_str(&answer).map_err(|error| ApiError::DemoUnavailable(error.to_string()))
}

/// A thrown JavaScript value in words: an `Error`'s message, or the value as text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
