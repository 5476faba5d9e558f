//! The second step in a real browser: the requirement that applies to the numbers chosen, or
//! one looked up by country and type, shown in words over the guide account's simulator.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::collections::HashSet;

use browser_support::*;
use didww_emergency::api::list_requirements;
use didww_emergency::sandbox::seed::{FR_DID, US_NEW_YORK_DID};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The `(value, text)` of every option of select `test_id`, once it is there.
async fn options_of(test_id: &str) -> Vec<(String, String)> {
    let select = wait_for(test_id).await;
    // Read through JavaScript because web-sys's option collection is not enabled here.
    let options = js_sys::Reflect::get(&select, &"options".into()).expect("options");
    js_sys::Array::from(&options)
        .iter()
        .filter_map(|option| option.dyn_into::<web_sys::Element>().ok())
        .map(|option| {
            let value = option.get_attribute("value").unwrap_or_default();
            (value, option.text_content().unwrap_or_default())
        })
        .collect()
}

/// Picks the option of select `test_id` whose text is `text`, as a user would.
async fn choose(test_id: &str, text: &str) {
    let value = options_of(test_id)
        .await
        .into_iter()
        .find(|(_, option)| option == text)
        .map(|(value, _)| value)
        .unwrap_or_else(|| panic!("{test_id} has no option {text}"));
    let select: web_sys::HtmlSelectElement = wait_for(test_id).await.unchecked_into();
    select.set_value(&value);
    let event = web_sys::Event::new("change").expect("a change event");
    select.dispatch_event(&event).expect("dispatched");
    turn().await;
}

/// Mounts the wizard at `path`, first removing any app a failed test left behind, so that
/// its elements are not found instead.
fn fresh_app(path: &str) -> MountedApp {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    while let Some(stale) = document.query_selector(".dwe-app").ok().flatten() {
        match stale.parent_element() {
            Some(wrapper) => wrapper.remove(),
            None => stale.remove(),
        }
    }
    mount_app_at(path)
}

async fn requirement_of(did: &str) {
    click(&format!("did-select-{did}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
}

#[wasm_bindgen_test]
async fn the_us_requirement_keeps_its_line_breaks_and_lists_what_to_provide() {
    let _app = fresh_app("/dids");
    requirement_of(US_NEW_YORK_DID).await;

    let restriction = text_of("requirement-restriction").await;
    assert!(
        restriction.starts_with("US Local DID emergency registration requirements:\n"),
        "{restriction:?}"
    );
    assert_eq!(text_of("requirement-monthly-price").await, "USD 1.50");
    assert_eq!(
        text_of("requirement-setup-time").await,
        "Estimated setup time: 1-2 business days"
    );
    assert_eq!(
        text_of("requirement-address-level").await,
        "In the DIDs' city"
    );
    let fields = text_of("requirement-fields").await;
    assert!(
        fields.contains("Personal identity: Birth date, Contact email"),
        "{fields}"
    );
    assert!(
        fields.contains("Address: State / province / region"),
        "{fields}"
    );
}

#[wasm_bindgen_test]
async fn a_setup_price_that_is_not_set_is_not_available_rather_than_free() {
    let _app = fresh_app("/dids");
    requirement_of(FR_DID).await;

    assert_eq!(text_of("requirement-setup-price").await, "Not available");
    assert_eq!(text_of("requirement-monthly-price").await, "USD 3.00");
    assert_eq!(
        text_of("requirement-address-level").await,
        "Anywhere in the world"
    );
}

#[wasm_bindgen_test]
async fn the_country_picker_holds_every_country_of_every_requirement_page() {
    let app = fresh_app("/requirement");
    let requirements = list_requirements(&app.client)
        .await
        .expect("the simulator lists requirements");
    let countries: HashSet<String> = requirements
        .iter()
        .filter_map(|requirement| requirement.country_id.clone())
        .collect();
    assert!(requirements.len() > 50, "more than one page of 50");

    wait_for("requirement-country").await;
    let offered = options_of("requirement-country").await;
    assert_eq!(
        offered.len(),
        countries.len() + 1,
        "one option each, and a prompt"
    );

    choose("requirement-country", "Netherlands").await;
    let types = options_of("requirement-type").await;
    assert_eq!(
        types
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>(),
        ["Choose a type…", "Local"]
    );
    // An area level this app does not know is shown as DIDWW sent it.
    assert_eq!(
        text_of("requirement-address-level").await,
        "postal_district"
    );
}
