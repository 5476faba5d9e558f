//! The identity and address forms in a real browser, shaped by the guide account's
//! requirements: required fields, date checks, the error summary, editing a record, and
//! addresses held to the numbers' city.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use didww_emergency::api::get_identity;
use didww_emergency::sandbox::seed::{
    CALIFORNIA, DE_LOCAL_DID, GB_DID, GB_PERSONAL_IDENTITY, LOS_ANGELES, US_LOS_ANGELES_DID,
    US_NEW_YORK_DID, US_PERSONAL_ADDRESS, US_PERSONAL_IDENTITY,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the wizard, picks `did` and goes on to the identity step.
async fn identity_step_for(did: &str) -> MountedApp {
    let app = mount_app_at("/dids");
    click(&format!("did-select-{did}")).await;
    click("did-continue").await;
    wait_for("requirement-details").await;
    click("requirement-continue").await;
    wait_for("step-identity").await;
    app
}

fn input(test_id: &str) -> web_sys::HtmlInputElement {
    find(test_id)
        .unwrap_or_else(|| panic!("{test_id} is on the page"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_personal_us_identity_asks_for_birth_date_and_contact_email() {
    let _app = identity_step_for(US_NEW_YORK_DID).await;
    click("identity-new").await;
    click("identity-type-personal").await;

    for field in [
        "field-birth_date",
        "field-contact_email",
        "field-first_name",
    ] {
        assert!(
            wait_for(field).await.has_attribute("required"),
            "{field} is required"
        );
    }
    assert!(!input("field-description").has_attribute("required"));
}

#[wasm_bindgen_test]
async fn an_impossible_birth_date_is_refused_and_kept_as_typed() {
    let _app = identity_step_for(US_NEW_YORK_DID).await;
    click("identity-new").await;
    click("identity-type-personal").await;
    type_into("field-birth_date", "1990-02-30").await;
    click("identity-create").await;

    let summary = wait_for("error-summary").await;
    assert!(
        summary
            .inner_text()
            .contains("that day is not in the calendar"),
        "{}",
        summary.inner_text()
    );
    let link = summary
        .query_selector("a[href='#field-birth_date']")
        .ok()
        .flatten();
    assert!(link.is_some(), "the message links to the birth date");
    let field = input("field-birth_date");
    assert_eq!(field.value(), "1990-02-30", "nothing typed is lost");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = field.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described_by.contains("field-birth_date-error"),
        "{described_by}"
    );
}

#[wasm_bindgen_test]
async fn a_birth_date_in_the_future_is_refused() {
    let _app = identity_step_for(US_NEW_YORK_DID).await;
    click("identity-new").await;
    click("identity-type-personal").await;
    type_into("field-birth_date", "2999-01-01").await;
    click("identity-create").await;

    let summary = wait_for("error-summary").await;
    assert!(
        summary.inner_text().contains("today or in the past"),
        "{}",
        summary.inner_text()
    );
}

#[wasm_bindgen_test]
async fn a_german_business_needs_its_registration_and_vat_numbers() {
    let _app = identity_step_for(DE_LOCAL_DID).await;
    click("identity-new").await;
    assert!(
        find("identity-type-personal").is_none(),
        "Germany Local takes businesses only"
    );
    type_into("field-first_name", "Jörg").await;
    type_into("field-last_name", "Weiß").await;
    type_into("field-company_name", "Straßenbau GmbH").await;
    type_into("field-phone_number", "+49 30 1234567").await;
    click("identity-create").await;

    let summary = wait_for("error-summary").await.inner_text();
    assert!(
        summary.contains("Enter the company registration number"),
        "{summary}"
    );
    assert!(summary.contains("Enter the vat / tax number"), "{summary}");
    assert_eq!(input("field-last_name").value(), "Weiß");
}

#[wasm_bindgen_test]
async fn a_created_identity_can_be_edited_and_only_the_change_is_saved() {
    let app = identity_step_for(US_NEW_YORK_DID).await;
    click("identity-new").await;
    click("identity-type-personal").await;
    for (field, value) in [
        ("field-first_name", "Zoë"),
        ("field-last_name", "Nguyễn"),
        ("field-phone_number", "+1 212 555 0100"),
        ("field-contact_email", "zoe@example.com"),
        ("field-birth_date", "1991-7-4"),
    ] {
        type_into(field, value).await;
    }
    click("identity-create").await;
    wait_until("the new identity is chosen", || {
        find("identity-created").is_some_and(|notice| notice.inner_text().contains("Zoë"))
    })
    .await;
    // The created identity is the chosen one.
    let identity_id = test_ids_with_prefix("identity-option-")
        .into_iter()
        .find(|test_id| input(test_id).checked())
        .expect("an identity is chosen")
        .trim_start_matches("identity-option-")
        .to_owned();
    let edit_id = format!("identity-edit-{identity_id}");

    click(&edit_id).await;
    wait_for("identity-edit-form").await;
    assert_eq!(input("field-birth_date").value(), "1991-07-04");
    assert_eq!(input("field-phone_number").value(), "12125550100");
    type_into("field-description", "Night shift · 夜班").await;
    click("identity-save").await;
    wait_until("the changes are saved", || {
        find("identity-created").is_some_and(|notice| notice.inner_text().contains("saved"))
    })
    .await;

    let stored = get_identity(&app.client, &identity_id)
        .await
        .expect("the identity is there");
    assert_eq!(stored.description.as_deref(), Some("Night shift · 夜班"));
    assert_eq!(stored.last_name.as_deref(), Some("Nguyễn"));
    assert_eq!(stored.birth_date.as_deref(), Some("1991-07-04"));
    assert!(find("identity-edit-form").is_none(), "the form closes");
}

#[wasm_bindgen_test]
async fn a_verified_locked_identity_that_lacks_a_field_says_why_it_cannot_change() {
    let _app = identity_step_for(GB_DID).await;

    let note = text_of(&format!("identity-verified-{GB_PERSONAL_IDENTITY}")).await;
    assert!(note.contains("DIDWW support"), "{note}");
    assert!(find(&format!("identity-edit-{GB_PERSONAL_IDENTITY}")).is_none());
    let fit = wait_for("identity-options").await.inner_text();
    assert!(fit.contains("Missing: Contact email"), "{fit}");
}

#[wasm_bindgen_test]
async fn a_new_us_local_address_starts_in_the_numbers_city_and_must_stay_there() {
    let _app = identity_step_for(US_NEW_YORK_DID).await;
    click(&format!("identity-option-{US_PERSONAL_IDENTITY}")).await;
    click("identity-continue").await;
    wait_for("step-address").await;

    // Jane Doe's New York address fits New York numbers.
    let existing = wait_for(&format!("address-option-{US_PERSONAL_ADDRESS}")).await;
    assert!(!existing.has_attribute("disabled"));

    click("address-new").await;
    wait_until("the city is filled in", || {
        find("field-city_name").is_some_and(|field| {
            field.unchecked_into::<web_sys::HtmlInputElement>().value() == "New York"
        })
    })
    .await;
    wait_until("the state is chosen", || {
        find("field-area").is_some_and(|field| {
            let select: web_sys::HtmlSelectElement = field.unchecked_into();
            select.value() != ""
        })
    })
    .await;
    type_into("field-address", "1 Beacon Street").await;
    type_into("field-city_name", "Boston").await;
    type_into("field-postal_code", "02108").await;
    click("address-create").await;

    let summary = wait_for("error-summary").await.inner_text();
    assert!(
        summary.contains("must be in New York, where the numbers are"),
        "{summary}"
    );
    assert_eq!(
        input("field-city_name")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(input("field-postal_code").value(), "02108");
}

#[wasm_bindgen_test]
async fn an_address_in_another_city_is_refused_and_can_be_corrected_in_place() {
    let app = identity_step_for(US_LOS_ANGELES_DID).await;
    click(&format!("identity-option-{US_PERSONAL_IDENTITY}")).await;
    click("identity-continue").await;
    wait_for("step-address").await;

    // Jane Doe's address is in New York; the numbers are in Los Angeles.
    let misfit = text_of(&format!("address-misfit-{US_PERSONAL_ADDRESS}")).await;
    assert!(misfit.contains("Los Angeles"), "{misfit}");
    let option = wait_for(&format!("address-option-{US_PERSONAL_ADDRESS}")).await;
    assert!(option.has_attribute("disabled"));

    click(&format!("address-edit-{US_PERSONAL_ADDRESS}")).await;
    wait_for("address-edit-form").await;
    assert_eq!(input("field-postal_code").value(), "10118");
    type_into("field-address", "500 West 5th Street").await;
    type_into("field-city_name", "Los Angeles").await;
    type_into("field-postal_code", "90071").await;
    let area: web_sys::HtmlSelectElement = wait_for("field-area").await.unchecked_into();
    wait_until("the areas load", || area.length() > 2).await;
    area.set_value(CALIFORNIA);
    area.dispatch_event(&web_sys::Event::new("change").expect("a change event"))
        .expect("the event is dispatched");
    turn().await;
    click("address-save").await;

    wait_until("the address fits the numbers", || {
        find(&format!("address-misfit-{US_PERSONAL_ADDRESS}")).is_none()
            && find(&format!("address-option-{US_PERSONAL_ADDRESS}"))
                .is_some_and(|option| !option.has_attribute("disabled"))
    })
    .await;
    let stored = didww_emergency::api::list_addresses(&app.client, US_PERSONAL_IDENTITY, None)
        .await
        .expect("the addresses are there")
        .into_iter()
        .find(|address| address.id == US_PERSONAL_ADDRESS)
        .expect("the address is kept");
    assert_eq!(stored.city_id.as_deref(), Some(LOS_ANGELES));
    assert_eq!(stored.area_id.as_deref(), Some(CALIFORNIA));
    assert_eq!(stored.postal_code.as_deref(), Some("90071"));
}
