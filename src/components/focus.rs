//! Moving keyboard focus to where the user's next action is, when the control they used goes
//! away (a form that opens in place of its button, a record that appears after saving).
//!
//! Without this a removed control drops focus to the page's body, and a keyboard user starts
//! over from the top of the page.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How often [`focus_when_ready`] looks for its element.
const RETRY_INTERVAL: Duration = Duration::from_millis(50);
/// How many times it looks before giving up (5 seconds: a list may reload over the network).
const MAX_TRIES: u32 = 100;

/// Focuses the element with `id`; answers whether there was one to take focus.
pub fn focus_by_id(id: &str) -> bool {
    let element = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(element) = element else {
        return false;
    };
    // Focus is a courtesy: a browser refusing it (a disabled control, say) leaves the page
    // fully usable, and the answer says it did not happen.
    let _ = element.focus();
    active_element().is_some_and(|active| &active == element.unchecked_ref::<web_sys::Element>())
}

/// Focuses the element with `id` once it is in the page (now, after the next render, or after
/// a list reloads). It steps aside when the user has moved focus somewhere else meanwhile, so
/// it never pulls focus away from where someone went on their own.
pub fn focus_when_ready(id: impl Into<String>) {
    let started_on = active_element();
    try_focus(id.into(), started_on, MAX_TRIES);
}

fn try_focus(id: String, started_on: Option<web_sys::Element>, tries_left: u32) {
    if user_moved_focus(started_on.as_ref()) || focus_by_id(&id) || tries_left == 0 {
        return;
    }
    set_timeout(
        move || try_focus(id, started_on, tries_left - 1),
        RETRY_INTERVAL,
    );
}

/// True when focus sits on a control other than the one it was on at the start (or the body
/// it falls to when that control is removed or disabled).
fn user_moved_focus(started_on: Option<&web_sys::Element>) -> bool {
    let Some(active) = active_element() else {
        return false;
    };
    let is_body = document()
        .and_then(|document| document.body())
        .is_some_and(|body| body.unchecked_ref::<web_sys::Element>() == &active);
    !is_body && Some(&active) != started_on
}

fn active_element() -> Option<web_sys::Element> {
    document()?.active_element()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
