//! Starts the app in the browser: logging, readable panics, then [`App`].

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
    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("didww-emergency runs in the browser: build it with `trunk build`.");
}
