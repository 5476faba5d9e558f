//! Starts the app in the browser: logging, readable panics, then either the standalone page
//! ([`App`] on the body) or nothing until `public/widget.js` mounts `<didww-emergency>`
//! elements through [`mount_widget`].

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
fn main() {
    use didww_emergency::app::App;

    let level = if cfg!(debug_assertions) {
        log::Level::Debug
    } else {
        log::Level::Info
    };
    // Fails only when a logger is already installed, which leaves logging working.
    let _ = console_log::init_with_level(level);
    console_error_panic_hook::set_once();

    // The standalone index.html names the bundle in a meta tag; a partner's page that loads
    // the widget does not, and there the app waits for its elements instead of taking the body.
    let is_standalone = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=\"didww-app-js\"]")
                .ok()
                .flatten()
        })
        .is_some();
    if is_standalone {
        leptos::mount::mount_to_body(App);
    }
}

/// Mounts one `<didww-emergency>` instance: `host` is the element, `container` the node in
/// its shadow root that the wizard fills, `bundle_base` the folder the bundle is served from.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    bundle_base: String,
) -> didww_emergency::widget::MountedWidget {
    didww_emergency::widget::mount(host, container, &bundle_base)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("didww-emergency runs in the browser: build it with `trunk build`.");
}
