//! Helpers for the browser tests: mount the wizard over a fresh simulator, find elements by
//! `data-testid`, act like a user, and wait (a bounded number of ticks) for the DOM to follow.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use didww_emergency::api::Client;
use didww_emergency::app::AppWithClient;
use didww_emergency::sandbox::Simulator;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// 37052032401, Lithuania Local, with no earlier registration.
pub const CLEAN_DID: &str = "3d2bb4b1-7c8d-4ec0-9d5d-c2a0d8b8a901";
/// Locked to [`LOCKED_IDENTITY`] by end-user registration.
pub const LOCKED_DID: &str = "9f81f2ef-ad6c-402b-97af-06fff514454e";
/// The identity [`LOCKED_DID`] is locked to.
pub const LOCKED_IDENTITY: &str = "1193bf05-f01c-467f-b688-d0526ab50414";
/// Being ported in with a porting identity.
pub const PORTING_DID: &str = "cc4c423f-68b5-4e1a-878c-2328eb24f3fa";
/// The porting identity of [`PORTING_DID`], "Example Company Ltd".
pub const PORTING_IDENTITY: &str = "beca16fb-0385-462f-9e2c-0d1918f6c8af";
/// The guide's Vilnius address of [`PORTING_IDENTITY`].
pub const GUIDE_ADDRESS: &str = "a4dcb4e3-1c7f-44ea-a60c-0d6f2a1c7d91";
/// A Lithuania Mobile number; the account has no emergency offer for that type.
pub const NO_REQUIREMENT_DID: &str = "ed47525e-0b8e-4454-91b3-5e4e76573474";

/// How many scheduler turns a wait may take before the test fails.
const MAX_TURNS: usize = 400;

/// A mounted wizard; dropping it unmounts the app.
pub struct MountedApp {
    /// The client the app uses, for looking at the simulator's records.
    pub client: Client,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts the wizard at `path` over a fresh simulator of DIDWW's guide account.
pub fn mount_app_at(path: &str) -> MountedApp {
    go_to(path);
    let document = document();
    let wrapper = document
        .create_element("div")
        .expect("a div can be created");
    document
        .body()
        .expect("the test page has a body")
        .append_child(&wrapper)
        .expect("append");
    let wrapper: web_sys::HtmlElement = wrapper.unchecked_into();
    let simulator = Arc::new(Mutex::new(Simulator::with_guide_account()));
    let client = Client::simulator(simulator);
    let app_client = client.clone();
    let handle = mount_to(
        wrapper,
        move || view! { <AppWithClient client=app_client /> },
    );
    MountedApp {
        client,
        _handle: Box::new(handle),
    }
}

/// Changes the page's path without reloading it, as the router expects at mount time.
pub fn go_to(path: &str) {
    let window = web_sys::window().expect("a window");
    let history = js_sys::Reflect::get(&window, &JsValue::from_str("history")).expect("history");
    let replace = js_sys::Reflect::get(&history, &JsValue::from_str("replaceState"))
        .expect("replaceState")
        .unchecked_into::<js_sys::Function>();
    replace
        .call3(
            &history,
            &JsValue::NULL,
            &JsValue::from_str(""),
            &JsValue::from_str(path),
        )
        .expect("replaceState accepts the path");
}

/// The element with `data-testid` = `test_id`, if present.
pub fn find(test_id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into().ok())
}

/// Every `data-testid` that starts with `prefix`.
pub fn test_ids_with_prefix(prefix: &str) -> Vec<String> {
    // Called through JavaScript because web-sys's NodeList is not enabled for this crate.
    let document = document();
    let query = js_sys::Reflect::get(&document, &JsValue::from_str("querySelectorAll"))
        .expect("querySelectorAll")
        .unchecked_into::<js_sys::Function>();
    let selector = JsValue::from_str(&format!("[data-testid^=\"{prefix}\"]"));
    let found = query.call1(&document, &selector).expect("a valid selector");
    js_sys::Array::from(&found)
        .iter()
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .filter_map(|element| element.get_attribute("data-testid"))
        .collect()
}

/// Waits until `test_id` is in the page and returns it; fails the test after a bound.
pub async fn wait_for(test_id: &str) -> web_sys::HtmlElement {
    for _ in 0..MAX_TURNS {
        if let Some(element) = find(test_id) {
            return element;
        }
        turn().await;
    }
    panic!("{test_id} did not appear; page text: {}", page_text());
}

/// Waits until `condition` holds; fails the test with `what` after a bound.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..MAX_TURNS {
        if condition() {
            return;
        }
        turn().await;
    }
    panic!("{what} did not happen; page text: {}", page_text());
}

/// Clicks `test_id` once it is present, then lets the app react.
pub async fn click(test_id: &str) {
    wait_for(test_id).await.click();
    turn().await;
}

/// Types `value` into the input `test_id`, as a user would (one input event).
pub async fn type_into(test_id: &str, value: &str) {
    let input: web_sys::HtmlInputElement = wait_for(test_id).await.unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").expect("an input event");
    input
        .dispatch_event(&event)
        .expect("the event is dispatched");
    turn().await;
}

/// The visible text of `test_id`, once present.
pub async fn text_of(test_id: &str) -> String {
    wait_for(test_id).await.inner_text().trim().to_owned()
}

/// The `data-testid` of the focused element, if it has one.
pub fn focused_test_id() -> Option<String> {
    document()
        .active_element()
        .and_then(|element| element.get_attribute("data-testid"))
}

/// Lets the reactive system and pending futures run one round.
pub async fn turn() {
    leptos::task::tick().await;
    // A macrotask boundary, so futures woken by promises get their turn as well.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

fn page_text() -> String {
    document()
        .body()
        .map(|body| body.inner_text())
        .unwrap_or_default()
}
