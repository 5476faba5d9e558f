//! The wizard in a real browser, over the built-in simulator of DIDWW's guide account.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_did_list_shows_the_guide_dids_with_their_case_labels() {
    let _app = mount_app_at("/dids");
    wait_for("step-dids").await;

    assert_eq!(text_of(&format!("did-case-{CLEAN_DID}")).await, "Free");
    let locked = text_of(&format!("did-case-{LOCKED_DID}")).await;
    assert!(locked.starts_with("Locked to identity"), "{locked}");
    let porting = text_of(&format!("did-case-{PORTING_DID}")).await;
    assert!(porting.starts_with("Porting identity"), "{porting}");
    let continue_button = wait_for("did-continue").await;
    assert!(
        continue_button.has_attribute("disabled"),
        "nothing is selected yet"
    );
}

#[wasm_bindgen_test]
async fn a_did_of_another_country_is_refused_with_a_reason_and_stays_unticked() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;

    // The first free number outside Lithuania in the list.
    let other = test_ids_with_prefix("did-row-")
        .into_iter()
        .map(|test_id| test_id.trim_start_matches("did-row-").to_owned())
        .find(|id| {
            let row = find(&format!("did-row-{id}"))
                .map(|row| row.inner_text())
                .unwrap_or_default();
            !row.contains("Lithuania") && row.contains("Free")
        })
        .expect("the guide account has free numbers outside Lithuania");
    click(&format!("did-select-{other}")).await;

    let refusal = text_of(&format!("did-refusal-{other}")).await;
    assert!(refusal.contains("Lithuania"), "{refusal}");
    let checkbox: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(wait_for(&format!("did-select-{other}")).await);
    assert!(!checkbox.checked(), "a refused number is not left ticked");
}

#[wasm_bindgen_test]
async fn the_requirement_details_show_prices_and_setup_time() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;
    click("did-continue").await;

    wait_for("requirement-details").await;
    assert_eq!(text_of("requirement-setup-price").await, "USD 0.00");
    assert_eq!(text_of("requirement-monthly-price").await, "USD 1.00");
    assert_eq!(
        text_of("requirement-setup-time").await,
        "Estimated setup time: 7-14 days"
    );
    assert_eq!(
        text_of("requirement-identity-type").await,
        "Personal or business"
    );
}

#[wasm_bindgen_test]
async fn selecting_the_locked_did_offers_only_its_identity() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{LOCKED_DID}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;

    wait_for("identity-locked-notice").await;
    wait_for(&format!("identity-option-{LOCKED_IDENTITY}")).await;
    assert_eq!(
        test_ids_with_prefix("identity-option-"),
        vec![format!("identity-option-{LOCKED_IDENTITY}")]
    );
    assert!(
        find("identity-new").is_none(),
        "no other identity can be created here"
    );
}

#[wasm_bindgen_test]
async fn an_empty_identity_form_shows_a_focused_error_summary_linked_to_its_fields() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;
    click("identity-new").await;
    click("identity-create").await;

    let summary = wait_for("error-summary").await;
    wait_until("the summary takes focus", || {
        focused_test_id().as_deref() == Some("error-summary")
    })
    .await;
    assert!(summary.inner_text().contains("Enter the first name"));
    let link = summary
        .query_selector("a[href='#field-first_name']")
        .ok()
        .flatten();
    assert!(link.is_some(), "the message links to its field");
    let first_name = wait_for("field-first_name").await;
    assert_eq!(
        first_name.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn typed_values_survive_a_failed_check() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;
    click("identity-new").await;
    type_into("field-first_name", "Ona").await;
    click("identity-create").await;

    wait_for("error-summary").await;
    let first_name: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(wait_for("field-first_name").await);
    assert_eq!(first_name.value(), "Ona");
}

#[wasm_bindgen_test]
async fn the_address_step_without_an_identity_sends_the_user_back() {
    let _app = mount_app_at("/address");
    wait_for("step-address").await;
    let blocked = text_of("step-blocked").await;
    assert!(blocked.contains("first"), "{blocked}");
}

#[wasm_bindgen_test]
async fn an_unknown_verification_shows_an_error_instead_of_a_blank_page() {
    let _app = mount_app_at("/status/00000000-0000-4000-8000-000000000000");
    wait_for("step-status").await;
    let error = text_of("error-state").await;
    assert!(error.contains("not found"), "{error}");
}

#[wasm_bindgen_test]
async fn numbers_without_an_emergency_offer_say_so_in_words() {
    let _app = mount_app_at("/dids");
    click(&format!("did-select-{NO_REQUIREMENT_DID}")).await;
    click("did-continue").await;

    let message = text_of("requirement-none").await;
    assert_eq!(
        message.lines().next(),
        Some("Emergency calling is not offered for Mobile numbers in Lithuania.")
    );
    let continue_button = wait_for("requirement-continue").await;
    assert!(continue_button.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_double_click_on_submit_creates_exactly_one_verification() {
    let app = mount_app_at("/dids");
    click(&format!("did-select-{CLEAN_DID}")).await;
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

    let count_verifications = || async {
        didww_emergency::api::list_verifications(&app.client)
            .await
            .expect("the simulator lists verifications")
            .len()
    };
    let before = count_verifications().await;

    let submit = wait_for("submit-verification").await;
    submit.click();
    // Checked before the app gets a turn: the button must already refuse a second press.
    assert!(
        submit.has_attribute("disabled"),
        "disabled synchronously by the first click"
    );
    submit.click();
    wait_for("step-status").await;

    let badge = text_of("status-badge-verification").await;
    assert!(
        badge.contains("Pending review") || badge.contains("Approved"),
        "{badge}"
    );
    assert_eq!(
        count_verifications().await,
        before + 1,
        "one click's worth of verifications"
    );
}
