//! The draft and the API's text in a real browser: a re-mounted app finds its draft in
//! session storage, another instance does not, and markup sent by the API shows as text.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::sync::{Arc, Mutex};

use browser_support::*;
use didww_emergency::api::{create_identity, ApiError, Client, NewIdentity};
use didww_emergency::app::AppWithClient;
use didww_emergency::components::ErrorState;
use didww_emergency::jsonapi::ErrorObject;
use didww_emergency::model::IdentityType;
use didww_emergency::sandbox::{seed, Simulator};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the wizard at `path` over `client`, keeping its draft under `scope`; dropping the
/// returned handle unmounts it.
fn mount_with_draft(path: &str, client: Client, scope: &str) -> Box<dyn std::any::Any> {
    go_to(path);
    let wrapper = fresh_wrapper();
    let scope = scope.to_owned();
    Box::new(mount_to(wrapper, move || {
        view! { <AppWithClient client=client.clone() draft_scope=scope.clone() /> }
    }))
}

fn fresh_wrapper() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let wrapper = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&wrapper)
        .expect("append");
    wrapper.unchecked_into()
}

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.session_storage().ok().flatten())
        .expect("session storage")
}

fn guide_client() -> Client {
    Client::simulator(Arc::new(Mutex::new(Simulator::with_guide_account())))
}

fn input_value(test_id: &str) -> String {
    find(test_id)
        .map(|element| {
            element
                .unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        })
        .unwrap_or_default()
}

/// Chooses the clean Lithuanian number and goes on to the identity step.
async fn reach_identity_step() {
    click(&format!("did-select-{CLEAN_DID}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;
    wait_for("step-identity").await;
}

#[wasm_bindgen_test]
async fn a_remounted_app_opens_the_step_it_was_left_on_with_the_typing_kept() {
    session_storage().clear().expect("storage can be cleared");
    let client = guide_client();
    let first = mount_with_draft("/dids", client.clone(), "remount");
    reach_identity_step().await;
    click("identity-new").await;
    type_into("field-first_name", "Ona").await;
    type_into("field-last_name", "Petraitė").await;

    drop(first);
    turn().await;
    assert!(find("step-identity").is_none(), "the first app is gone");

    // Mounted again at the root, as a widget is when its host page shows it again.
    let _second = mount_with_draft("/", client, "remount");
    wait_for("step-identity").await;
    wait_for("field-first_name").await;
    assert_eq!(input_value("field-first_name"), "Ona");
    assert_eq!(input_value("field-last_name"), "Petraitė");
    let bar = text_of("draft-bar").await;
    assert!(bar.contains("kept as a draft"), "{bar}");
}

#[wasm_bindgen_test]
async fn another_instance_name_keeps_its_own_draft() {
    session_storage().clear().expect("storage can be cleared");
    let client = guide_client();
    let first = mount_with_draft("/dids", client.clone(), "first-instance");
    click(&format!("did-select-{CLEAN_DID}")).await;
    wait_until("the draft to be saved", || {
        session_storage().length().unwrap_or(0) > 0
    })
    .await;
    drop(first);
    turn().await;

    let _other = mount_with_draft("/", client, "second-instance");
    wait_for("step-dids").await;
    let checkbox: web_sys::HtmlInputElement = wait_for(&format!("did-select-{CLEAN_DID}"))
        .await
        .unchecked_into();
    assert!(
        !checkbox.checked(),
        "the other instance's choice is not this one's"
    );
    assert!(find("draft-bar").is_none());
}

#[wasm_bindgen_test]
async fn a_discarded_draft_is_gone_from_the_page_and_from_storage() {
    session_storage().clear().expect("storage can be cleared");
    let client = guide_client();
    let _app = mount_with_draft("/dids", client, "discard");
    click(&format!("did-select-{CLEAN_DID}")).await;
    wait_for("draft-bar").await;

    click("draft-discard").await;
    click("draft-discard-cancel").await;
    assert!(
        find("draft-discard").is_some(),
        "keeping it changes nothing"
    );
    click("draft-discard").await;
    click("draft-discard-confirm").await;

    wait_until("the draft bar to go", || find("draft-bar").is_none()).await;
    let checkbox: web_sys::HtmlInputElement = wait_for(&format!("did-select-{CLEAN_DID}"))
        .await
        .unchecked_into();
    assert!(!checkbox.checked());
    assert_eq!(session_storage().length().unwrap_or(1), 0);
}

#[wasm_bindgen_test]
async fn markup_in_an_identity_name_from_the_api_is_shown_as_text() {
    let client = guide_client();
    let company = "<b>Bold</b> & <img src=x onerror=\"document.title='hacked'\"> UAB";
    let created = create_identity(
        &client,
        &NewIdentity {
            identity_type: IdentityType::Business,
            attributes: vec![
                ("first_name".to_owned(), "<i>Ona</i>".to_owned()),
                ("last_name".to_owned(), "Petraitė".to_owned()),
                ("phone_number".to_owned(), "37052032401".to_owned()),
                ("company_name".to_owned(), company.to_owned()),
            ],
            country_id: Some(seed::LITHUANIA.to_owned()),
        },
    )
    .await
    .expect("the simulator stores any text");

    let _app = mount_with_draft("/dids", client, "markup");
    reach_identity_step().await;
    let option = wait_for(&format!("identity-option-{}", created.id)).await;
    let label = option
        .parent_element()
        .expect("the option has its row")
        .unchecked_into::<web_sys::HtmlElement>();

    let shown = label.inner_text();
    assert!(shown.contains(company), "{shown}");
    assert!(shown.contains("<i>Ona</i>"), "{shown}");
    for tag in ["b", "i", "img"] {
        let element = label.query_selector(tag).expect("a valid selector");
        assert!(
            element.is_none(),
            "a <{tag}> element was made from API text"
        );
    }
}

#[wasm_bindgen_test]
async fn markup_in_an_api_error_message_is_shown_as_text() {
    let detail = "<strong>No plan</strong> <a href=\"https://example.com\">fix</a>";
    let error = ApiError::Forbidden(vec![ErrorObject {
        detail: Some(detail.to_owned()),
        ..ErrorObject::default()
    }]);
    let wrapper = fresh_wrapper();
    let container = wrapper.clone();
    let _handle = mount_to(
        wrapper,
        move || view! { <ErrorState error=error.clone() /> },
    );
    turn().await;

    let shown = container.inner_text();
    assert!(shown.contains(detail), "{shown}");
    assert!(container
        .query_selector("strong")
        .expect("selector")
        .is_none());
    assert!(container.query_selector("a").expect("selector").is_none());
}
