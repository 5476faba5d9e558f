//! Moving keyboard focus to where the user's next action is, when the control they used goes
//! away (a form that opens in place of its button, a record that appears after saving).
//!
//! Without this a removed control drops focus to the page's body, and a keyboard user starts
//! over from the top of the page.
//!
//! Every lookup goes through the instance's [`AppRoot`]: the page's document for the
//! standalone app, the element's shadow root for each `<didww-emergency>` widget. The page's
//! document cannot see into a shadow root, and two widgets on one page hold the same ids, so
//! an instance only ever looks in, and moves focus within, its own root.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How often [`focus_when_ready`] looks for its element.
const RETRY_INTERVAL: Duration = Duration::from_millis(50);
/// How many times it looks before giving up (5 seconds: a list may reload over the network).
const MAX_TRIES: u32 = 100;

/// The node an instance of the app lives in, shared through context: the page's document, or
/// the shadow root of its `<didww-emergency>` element.
#[derive(Debug, Clone, Copy)]
pub struct AppRoot {
    node: StoredValue<Option<web_sys::Node>, LocalStorage>,
}

impl AppRoot {
    /// Makes `node` (a document or a shadow root) the root the instance's lookups use; `None`
    /// means the page's document.
    pub fn provide(node: Option<web_sys::Node>) {
        provide_context(Self {
            node: StoredValue::new_local(node),
        });
    }

    /// The root of the instance running now; the page's document when none was provided (an
    /// app mounted straight on the page, as in tests).
    pub fn current() -> Option<Self> {
        use_context::<Self>()
    }

    /// Focuses the element with `id` in this root; answers whether it took focus.
    pub fn focus_by_id(root: Option<Self>, id: &str) -> bool {
        let element = element_by_id(root, id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(element) = element else {
            return false;
        };
        // Focus is a courtesy: a browser refusing it (a disabled control, say) leaves the page
        // fully usable, and the answer says it did not happen.
        let _ = element.focus();
        active_element(root)
            .is_some_and(|active| &active == element.unchecked_ref::<web_sys::Element>())
    }
}

/// The node lookups go to: the provided root, else the page's document.
fn root_node(root: Option<AppRoot>) -> Option<web_sys::Node> {
    let provided = root.and_then(|root| root.node.try_get_value().flatten());
    provided.or_else(|| document().map(Into::into))
}

/// The element with `id` inside `root` (a shadow root is a document fragment).
pub fn element_by_id(root: Option<AppRoot>, id: &str) -> Option<web_sys::Element> {
    let node = root_node(root)?;
    match node.dyn_into::<web_sys::Document>() {
        Ok(document) => document.get_element_by_id(id),
        Err(node) => node
            .dyn_into::<web_sys::DocumentFragment>()
            .ok()?
            .get_element_by_id(id),
    }
}

/// The focused element inside `root`: a shadow root answers only for its own elements, and
/// `None` when focus is elsewhere (the page tells only its host element).
fn active_element(root: Option<AppRoot>) -> Option<web_sys::Element> {
    let node = root_node(root)?;
    // `activeElement` is read as a property because a document and a shadow root both carry
    // it under the same name.
    js_sys::Reflect::get(&node, &"activeElement".into())
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()
}

/// Focuses the element with `id` in this instance's root; answers whether it took focus.
pub fn focus_by_id(id: &str) -> bool {
    AppRoot::focus_by_id(AppRoot::current(), id)
}

/// Focuses the element with `id` once it is in the instance (now, after the next render, or
/// after a list reloads). It steps aside when the user has moved focus somewhere else
/// meanwhile, so it never pulls focus away from where someone went on their own.
pub fn focus_when_ready(id: impl Into<String>) {
    // The root is read now: the retries run outside the component that asked.
    let root = AppRoot::current();
    let started_on = active_element(root);
    try_focus(root, id.into(), started_on, MAX_TRIES);
}

fn try_focus(
    root: Option<AppRoot>,
    id: String,
    started_on: Option<web_sys::Element>,
    tries_left: u32,
) {
    if user_moved_focus(root, started_on.as_ref())
        || AppRoot::focus_by_id(root, &id)
        || tries_left == 0
    {
        return;
    }
    set_timeout(
        move || try_focus(root, id, started_on, tries_left - 1),
        RETRY_INTERVAL,
    );
}

/// True when focus sits on a control other than the one it was on at the start (or the body
/// it falls to when that control is removed or disabled), inside this root or anywhere else on
/// the page, such as another widget.
fn user_moved_focus(root: Option<AppRoot>, started_on: Option<&web_sys::Element>) -> bool {
    let page_active = document().and_then(|document| document.active_element());
    let is_body = |element: &web_sys::Element| {
        document()
            .and_then(|document| document.body())
            .is_some_and(|body| body.unchecked_ref::<web_sys::Element>() == element)
    };
    match active_element(root) {
        Some(active) => !is_body(&active) && Some(&active) != started_on,
        // Nothing inside a shadow root has focus: the user went elsewhere on the page unless
        // focus fell to the body.
        None => page_active.is_some_and(|active| !is_body(&active)),
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
