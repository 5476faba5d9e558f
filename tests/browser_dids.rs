//! The first step in a real browser: refusals, whole groups, batches and the API search, over
//! the built-in simulator of DIDWW's guide account (and, where a case needs more numbers, the
//! generated large account).

#![cfg(target_arch = "wasm32")]

mod browser_support;

use std::sync::{Arc, Mutex};

use browser_support::*;
use didww_emergency::api::{Client, EmergencyDidPages};
use didww_emergency::app::AppWithClient;
use didww_emergency::domain::selection::{classify, DidCase};
use didww_emergency::model::Did;
use didww_emergency::sandbox::seed::{
    DE_LOCAL_DID, US_CHANGES_REQUIRED_DID, US_NEW_YORK_DID, US_NEW_YORK_SECOND_DID,
};
use didww_emergency::sandbox::{Account, Simulator};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A wizard mounted over a simulator the test can look into.
struct App {
    simulator: Arc<Mutex<Simulator>>,
    _handle: Box<dyn std::any::Any>,
}

impl App {
    /// Mounts the wizard at `/dids` over a fresh simulator of `account`.
    fn mount(account: Account) -> Self {
        go_to("/dids");
        let document = web_sys::window()
            .and_then(|window| window.document())
            .expect("a document");
        // A test that failed leaves its app behind; its ids must not be found instead.
        while let Some(stale) = document.query_selector("[data-test-root]").ok().flatten() {
            stale.remove();
        }
        let wrapper = document.create_element("div").expect("a div");
        wrapper
            .set_attribute("data-test-root", "")
            .expect("an attribute");
        document
            .body()
            .expect("a body")
            .append_child(&wrapper)
            .expect("append");
        let simulator = Arc::new(Mutex::new(Simulator::with_account(account)));
        let client = Client::simulator(simulator.clone());
        let handle = mount_to(wrapper.unchecked_into(), move || {
            view! { <AppWithClient client=client.clone() /> }
        });
        Self {
            simulator,
            _handle: Box::new(handle),
        }
    }

    fn requests(&self) -> usize {
        self.simulator.lock().expect("not poisoned").request_count()
    }

    fn client(&self) -> Client {
        Client::simulator(self.simulator.clone())
    }
}

fn checkbox(id: &str) -> web_sys::HtmlInputElement {
    find(&format!("did-select-{id}"))
        .expect("the row's checkbox")
        .unchecked_into()
}

/// Picks the option of select `test_id` whose text starts with `text`, as a user would.
async fn choose_option(test_id: &str, text: &str) {
    let select: web_sys::HtmlSelectElement = wait_for(test_id).await.unchecked_into();
    // Read through JavaScript because web-sys's option collection is not enabled here.
    let options = js_sys::Reflect::get(&select, &"options".into()).expect("options");
    let value = js_sys::Array::from(&options)
        .iter()
        .filter_map(|option| option.dyn_into::<web_sys::Element>().ok())
        .find(|option| option.text_content().unwrap_or_default().starts_with(text))
        .and_then(|option| option.get_attribute("value"))
        .unwrap_or_else(|| panic!("{test_id} has no option starting with {text}"));
    select.set_value(&value);
    let event = web_sys::Event::new("change").expect("a change event");
    select.dispatch_event(&event).expect("dispatched");
    turn().await;
}

/// Waits until every page of numbers arrived.
async fn wait_for_the_whole_listing() {
    for _ in 0..20_000 {
        if find("did-load-progress").is_some_and(|p| p.inner_text().ends_with('.')) {
            return;
        }
        turn().await;
    }
    panic!("the numbers did not finish loading");
}

#[wasm_bindgen_test]
async fn a_number_of_another_country_is_refused_and_batches_are_offered() {
    let _app = App::mount(Account::Guide);
    click(&format!("did-select-{}", CLEAN_DID)).await;
    click(&format!("did-select-{US_NEW_YORK_DID}")).await;

    let refusal = text_of(&format!("did-refusal-{US_NEW_YORK_DID}")).await;
    assert!(refusal.contains("United States"), "{refusal}");
    assert!(refusal.contains("Lithuania"), "{refusal}");
    assert!(!checkbox(US_NEW_YORK_DID).checked());
    let notice = text_of("did-notice").await;
    assert!(notice.contains("several batches"), "{notice}");
    wait_for("did-use-batches").await;
}

#[wasm_bindgen_test]
async fn a_number_of_another_type_is_refused_with_both_types_named() {
    let _app = App::mount(Account::Guide);
    click(&format!("did-select-{}", CLEAN_DID)).await;
    click(&format!("did-select-{NO_REQUIREMENT_DID}")).await;

    let refusal = text_of(&format!("did-refusal-{NO_REQUIREMENT_DID}")).await;
    assert!(refusal.contains("Mobile"), "{refusal}");
    assert!(refusal.contains("Local"), "{refusal}");
    assert!(!checkbox(NO_REQUIREMENT_DID).checked());
}

#[wasm_bindgen_test]
async fn a_number_in_a_calling_service_cannot_be_ticked_and_names_the_service() {
    let _app = App::mount(Account::Guide);
    let case = text_of(&format!("did-case-{US_CHANGES_REQUIRED_DID}")).await;

    assert_eq!(case, "In calling service Emergency Service for 12125550103");
    assert!(checkbox(US_CHANGES_REQUIRED_DID).disabled());
}

#[wasm_bindgen_test]
async fn every_free_number_of_a_group_is_selected_in_one_action() {
    let _app = App::mount(Account::Guide);
    wait_for_the_whole_listing().await;
    choose_option("did-filter-country", "Lithuania").await;
    choose_option("did-filter-type", "Local").await;
    let action = text_of("did-choose-group").await;
    assert_eq!(action, "Select all free numbers of Lithuania (Local)");
    click("did-choose-group").await;

    let summary = text_of("did-selection-summary").await;
    assert_eq!(summary, "3 numbers selected · Lithuania · Local");
    let notice = text_of("did-notice").await;
    assert!(
        notice.contains("Selected 3 numbers of Lithuania (Local)."),
        "{notice}"
    );
    assert!(
        notice.contains("locked to"),
        "the locked number's identity is named: {notice}"
    );
}

#[wasm_bindgen_test]
async fn a_mixed_choice_is_split_into_one_registration_per_country_and_type() {
    let _app = App::mount(Account::Guide);
    click(&format!("did-select-{}", CLEAN_DID)).await;
    click(&format!("did-select-{US_NEW_YORK_DID}")).await;
    click("did-use-batches").await;
    click(&format!("did-select-{DE_LOCAL_DID}")).await;

    assert!(checkbox(US_NEW_YORK_DID).checked());
    assert!(checkbox(DE_LOCAL_DID).checked());
    let queue = text_of("did-batch-queue").await;
    assert!(
        queue.contains("Now: 1 number in Lithuania (Local)"),
        "{queue}"
    );
    assert!(
        queue.contains("1 number in United States (Local)"),
        "{queue}"
    );
    assert!(queue.contains("1 number in Germany (Local)"), "{queue}");
    assert_eq!(
        text_of("did-selection-summary").await,
        "3 numbers in 3 registrations; first: 1 number in Lithuania (Local)"
    );

    click("did-continue").await;
    wait_for("requirement-details").await;
    let country: web_sys::HtmlSelectElement =
        wait_for("requirement-country").await.unchecked_into();
    assert_eq!(country.value(), "Lithuania");
}

#[wasm_bindgen_test]
async fn after_the_first_batch_is_submitted_the_status_page_offers_the_next() {
    let _app = App::mount(Account::Guide);
    click(&format!("did-select-{CLEAN_DID}")).await;
    click(&format!("did-select-{US_NEW_YORK_DID}")).await;
    click("did-use-batches").await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;
    click(&format!("identity-option-{PORTING_IDENTITY}")).await;
    click("identity-continue").await;
    click(&format!("address-option-{GUIDE_ADDRESS}")).await;
    click("address-continue").await;
    click("validate-run").await;
    wait_until("the validation passes", || {
        find("validate-continue").is_some_and(|button| !button.has_attribute("disabled"))
    })
    .await;
    click("validate-continue").await;
    click("submit-verification").await;
    wait_for("step-status").await;

    let next = text_of("next-batch").await;
    assert_eq!(
        next,
        "Continue with the next batch: 1 number in United States (Local)"
    );
    click("next-batch").await;
    wait_for("requirement-details").await;
    let country: web_sys::HtmlSelectElement =
        wait_for("requirement-country").await.unchecked_into();
    assert_eq!(country.value(), "United States");
    assert!(find("next-batch").is_none(), "the queue is empty now");
}

#[wasm_bindgen_test]
async fn the_search_asks_the_api_once_and_its_results_can_be_ticked() {
    let app = App::mount(Account::Guide);
    wait_for_the_whole_listing().await;
    let before = app.requests();

    type_into("did-search", "+1 212 555 0101").await;
    let summary = text_of("did-search-summary").await;

    assert_eq!(summary, "1 number contains 12125550101.");
    assert_eq!(app.requests() - before, 1, "one request for the search");
    click(&format!("did-select-{US_NEW_YORK_SECOND_DID}")).await;
    assert_eq!(
        text_of("did-selection-summary").await,
        "1 number selected · United States · Local"
    );
}

#[wasm_bindgen_test]
async fn the_numbers_decide_country_and_type_and_one_request_loads_the_requirement() {
    let app = App::mount(Account::Guide);
    wait_for_the_whole_listing().await;
    click(&format!("did-select-{DE_LOCAL_DID}")).await;
    let before = app.requests();
    click("did-continue").await;
    wait_for("requirement-details").await;

    assert_eq!(app.requests() - before, 1, "one request with both filters");
    let country: web_sys::HtmlSelectElement =
        wait_for("requirement-country").await.unchecked_into();
    assert_eq!(country.value(), "Germany");
    assert!(country.disabled(), "fixed by the numbers");
    assert_eq!(text_of("requirement-identity-type").await, "Business");
    assert_eq!(text_of("requirement-personal-level").await, "Not accepted");
}

// The large account is the one with several identities locking numbers of one group.
#[wasm_bindgen_test]
async fn numbers_locked_to_different_identities_cannot_go_together() {
    let app = App::mount(Account::Large);
    let (first, second) = two_identities_in_one_group(&app.client()).await;

    type_into("did-search", &first.number).await;
    click(&format!("did-select-{}", first.id)).await;
    type_into("did-search", &second.number).await;
    click(&format!("did-select-{}", second.id)).await;

    let refusal = text_of(&format!("did-refusal-{}", second.id)).await;
    assert!(refusal.contains("different identity"), "{refusal}");
    assert!(!checkbox(&second.id).checked());
}

/// Two numbers of one country and type, locked to different identities.
async fn two_identities_in_one_group(client: &Client) -> (Did, Did) {
    let mut pages = EmergencyDidPages::new();
    let mut locked: Vec<(Did, String)> = Vec::new();
    while let Some(page) = pages.next_page(client).await.expect("a page") {
        for did in page.dids {
            let DidCase::Locked { identity_id, .. } = classify(&did) else {
                continue;
            };
            let partner = locked.iter().find(|(other, other_identity)| {
                other.country == did.country
                    && other.group_type == did.group_type
                    && *other_identity != identity_id
            });
            if let Some((partner, _)) = partner {
                return (partner.clone(), did);
            }
            locked.push((did, identity_id));
        }
    }
    panic!("the large account has no group locked to two identities");
}
