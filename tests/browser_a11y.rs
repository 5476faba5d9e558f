//! Accessibility wiring in a real browser: the shared live region, how a form field links its
//! label, hint and error, where focus goes when a step or a form opens or closes.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::cell::Cell;
use std::rc::Rc;

use browser_support::*;
use didww_emergency::components::{
    focus_when_ready, AnnouncerContext, FormField, LiveRegion, StepHeading,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh wrapper, removing what an earlier (failed) test left behind.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Box<dyn std::any::Any> {
    let document = document();
    while let Some(stale) = document.query_selector("[data-a11y-root]").ok().flatten() {
        stale.remove();
    }
    while let Some(stale) = document.query_selector(".dwe-app").ok().flatten() {
        match stale.parent_element() {
            Some(wrapper) => wrapper.remove(),
            None => stale.remove(),
        }
    }
    let wrapper = document.create_element("div").expect("a div");
    wrapper
        .set_attribute("data-a11y-root", "")
        .expect("an attribute");
    document
        .body()
        .expect("a body")
        .append_child(&wrapper)
        .expect("append");
    Box::new(mount_to(wrapper.unchecked_into(), view))
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// The texts of the live region's paragraphs, oldest first.
fn live_messages() -> Vec<String> {
    let region = find("live-region").expect("the live region is in the page");
    std::iter::successors(region.first_element_child(), |paragraph| {
        paragraph.next_element_sibling()
    })
    .map(|paragraph| paragraph.text_content().unwrap_or_default())
    .collect()
}

/// The id of the focused element, if it has one.
fn focused_id() -> Option<String> {
    document()
        .active_element()
        .map(|element| element.id())
        .filter(|id| !id.is_empty())
}

#[wasm_bindgen_test]
async fn the_live_region_is_polite_and_reads_each_message_as_a_new_paragraph() {
    let announcer = Rc::new(Cell::new(None::<AnnouncerContext>));
    let handed_out = announcer.clone();
    let _mounted = mount(move || {
        handed_out.set(Some(AnnouncerContext::provide()));
        view! { <LiveRegion /> }
    });
    let announcer = announcer.get().expect("the announcer was provided");
    let region = wait_for("live-region").await;
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert!(
        live_messages().is_empty(),
        "nothing is said before the first message"
    );

    announcer.announce("Saved.");
    turn().await;
    let first = region
        .first_element_child()
        .expect("a paragraph for the message");

    // The same words again are a new paragraph, so a screen reader says them again, and the
    // paragraph already there is left alone (not read twice).
    announcer.announce("Saved.");
    turn().await;
    assert_eq!(live_messages(), ["Saved.", "Saved."]);
    assert!(
        first.is_connected(),
        "the earlier message is not re-created"
    );

    // Only the last three stay; an empty message is not announced at all.
    announcer.announce("Loaded.");
    announcer.announce("   ");
    announcer.announce("Checked.");
    turn().await;
    assert_eq!(live_messages(), ["Saved.", "Loaded.", "Checked."]);
    assert!(!first.is_connected(), "the oldest message is dropped");
    assert_eq!(announcer.latest_text().as_deref(), Some("Checked."));
}

#[wasm_bindgen_test]
async fn a_form_field_is_named_by_its_label_and_described_by_its_hint_and_error() {
    let error = Rc::new(Cell::new(None::<RwSignal<Option<String>>>));
    let handed_out = error.clone();
    let _mounted = mount(move || {
        let field_error = RwSignal::new(None::<String>);
        handed_out.set(Some(field_error));
        view! {
            <FormField
                name="city_name"
                label="City"
                hint="As on the address."
                required=true
                value=Signal::stored(String::new())
                error=field_error
                on_input=|_: String| {}
            />
        }
    });
    let error = error.get().expect("the error signal");
    let input: web_sys::HtmlInputElement = wait_for("field-city_name").await.unchecked_into();
    let label = document()
        .query_selector("label[for=\"field-city_name\"]")
        .ok()
        .flatten()
        .expect("a label for the control");
    assert!(label.text_content().unwrap_or_default().starts_with("City"));
    assert!(
        input.required(),
        "a required field says so to assistive technology"
    );
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("field-city_name-hint")
    );
    assert_eq!(input.get_attribute("aria-invalid"), None);

    error.set(Some("Enter the city".to_owned()));
    turn().await;
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("field-city_name-hint field-city_name-error")
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = document()
        .get_element_by_id("field-city_name-error")
        .expect("the error has the id the control points at");
    // The error is words, not only a red border: "Error:" for screen readers, then the text.
    assert_eq!(
        message.text_content().unwrap_or_default(),
        "Error: Enter the city"
    );

    error.set(None);
    turn().await;
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("field-city_name-hint")
    );
    assert!(document()
        .get_element_by_id("field-city_name-error")
        .is_none());
}

#[wasm_bindgen_test]
async fn a_step_heading_takes_focus_when_the_step_opens() {
    let _mounted = mount(|| {
        view! {
            <input data-testid="elsewhere" />
            <StepHeading title="Choose the address" />
        }
    });
    wait_until("the heading to take focus", || {
        document()
            .active_element()
            .is_some_and(|element| element.tag_name() == "H1")
    })
    .await;
    let heading = document().active_element().expect("a focused element");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("Choose the address")
    );
    // Focusable from script only: Tab does not stop on it.
    assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
}

#[wasm_bindgen_test]
async fn focus_waits_for_an_element_that_appears_later_but_never_takes_it_from_the_user() {
    let (is_shown, set_is_shown) = signal(false);
    let _mounted = mount(move || {
        view! {
            <input id="elsewhere" data-testid="elsewhere" />
            <Show when=move || is_shown.get()>
                <button id="appears-later">"Later"</button>
                <button id="also-later">"Also later"</button>
            </Show>
        }
    });
    wait_for("elsewhere").await;

    // Nothing is focused: the element takes focus as soon as it shows up.
    focus_when_ready("appears-later");
    turn().await;
    set_is_shown.set(true);
    wait_until("the late element to take focus", || {
        focused_id().as_deref() == Some("appears-later")
    })
    .await;

    // The user moved on before the element showed: focus stays where they put it.
    set_is_shown.set(false);
    turn().await;
    focus_when_ready("also-later");
    find("elsewhere")
        .expect("the input")
        .focus()
        .expect("focus");
    turn().await;
    set_is_shown.set(true);
    for _ in 0..10 {
        turn().await;
    }
    assert_eq!(focused_id().as_deref(), Some("elsewhere"));
}

#[wasm_bindgen_test]
async fn the_identity_form_takes_focus_when_it_opens_and_gives_it_back_when_it_closes() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;

    click("identity-new").await;
    wait_until("focus on the form's heading", || {
        focused_id().as_deref() == Some("identity-form-title")
    })
    .await;

    let cancel: web_sys::HtmlElement = document()
        .query_selector("[data-testid=\"identity-form\"] button[type=\"button\"]")
        .ok()
        .flatten()
        .expect("the form's Cancel button")
        .unchecked_into();
    cancel.click();
    wait_until("focus back on the button that opens the form", || {
        focused_test_id().as_deref() == Some("identity-new")
    })
    .await;

    // The list that loaded on the way was read out.
    let announced = live_messages();
    assert!(
        announced.iter().any(|message| message.contains("identit")),
        "the identity list was announced: {announced:?}"
    );
}
