//! The client against the responses DIDWW documents.
//!
//! `fixtures/guide` reproduces every response printed in DIDWW's "Register Emergency Calling
//! Service" guide (API 2026-04-16), one file per step. `fixtures/didww` holds compact responses
//! written in DIDWW's shapes that exercise the quirks the client must tolerate: mandatory fields
//! as labels or API names, prices as strings, numbers or null, reject reasons in four shapes,
//! statuses with spaces, unknown members, and the error bodies of 401, 400, 404, 422 and 429.
//!
//! Every test parses a fixture with the crate's own code (`Document::parse`, `read_document`,
//! the typed models and the domain rules) and checks the exact values the flow relies on.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use didww_emergency::api::{read_document, ApiError};
use didww_emergency::domain::form::{
    address_schema, allowed_identity_types, identity_fit, identity_schema, map_mandatory, FieldKey,
    FieldSpec,
};
use didww_emergency::domain::problems::{
    problems_from_api_error, problems_from_errors, Problem, ProblemTarget,
};
use didww_emergency::domain::selection::{
    check_addition, classify, country_and_type, forced_identity, suggested_identity, DidCase,
    SelectionRefusal,
};
use didww_emergency::jsonapi::{Document, Identifier, RelationshipData};
use didww_emergency::model::{
    decode_all, decode_one, Address, AreaLevel, CallbackMethod, Country, DecodeError, Did,
    DidGroupType, EmergencyCallingService, EmergencyRequirement, EmergencyVerification, Identity,
    IdentityType, ServiceStatus, VerificationStatus,
};
use didww_emergency::wire::{ApiRequest, ApiResponse, Method};

macro_rules! fixture {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/",
                $path
            )),
        )
    };
}

/// Every fixture, by its path below `tests/fixtures`.
const FIXTURES: &[(&str, &str)] = &[
    fixture!("guide/step1_dids_clean.json"),
    fixture!("guide/step1_dids_locked.json"),
    fixture!("guide/step1_dids_porting.json"),
    fixture!("guide/step2_requirements_page1.json"),
    fixture!("guide/step2_requirement_filtered.json"),
    fixture!("guide/step3_identities_business.json"),
    fixture!("guide/step3_identity_created_personal.json"),
    fixture!("guide/step3_identity_created_business.json"),
    fixture!("guide/step4_addresses.json"),
    fixture!("guide/step4_address_created.json"),
    fixture!("guide/step5_validation_created.json"),
    fixture!("guide/step6_verification_created.json"),
    fixture!("guide/step6_verification_identity_mismatch_422.json"),
    fixture!("guide/step7_verification_approved.json"),
    fixture!("guide/step7_calling_service_active.json"),
    fixture!("didww/requirements_us_labels.json"),
    fixture!("didww/requirements_api_names.json"),
    fixture!("didww/verification_rejected.json"),
    fixture!("didww/verification_reject_reasons_null.json"),
    fixture!("didww/verification_reject_reasons_empty.json"),
    fixture!("didww/verification_reject_reasons_string.json"),
    fixture!("didww/calling_services_statuses.json"),
    fixture!("didww/dids_in_service_and_unknown_members.json"),
    fixture!("didww/error_400_invalid_filter.json"),
    fixture!("didww/error_401_unauthorized.json"),
    fixture!("didww/error_404_record_not_found.json"),
    fixture!("didww/error_422_identity_attributes.json"),
    fixture!("didww/error_422_requirement_validation.json"),
    fixture!("didww/error_422_verification_dids.json"),
    fixture!("didww/error_429_too_many_requests.json"),
];

// Ids from the guide.
const LITHUANIA: &str = "661d8448-8897-4765-acda-00cc1740148d";
const LOCAL_LT: &str = "994ea201-4a4d-4b27-ac4b-b5916ac969a3";
const DID_GROUP_VILNIUS: &str = "8c76122b-402d-4217-880a-4050ee884acb";
const DID_CLEAN: &str = "3d2bb4b1-7c8d-4ec0-9d5d-c2a0d8b8a901";
const DID_LOCKED: &str = "9f81f2ef-ad6c-402b-97af-06fff514454e";
const DID_PORTING: &str = "cc4c423f-68b5-4e1a-878c-2328eb24f3fa";
const IDENTITY_LOCKED: &str = "1193bf05-f01c-467f-b688-d0526ab50414";
const IDENTITY_EXAMPLE: &str = "beca16fb-0385-462f-9e2c-0d1918f6c8af";
const ADDRESS_VERIFICATION: &str = "8ee9ea68-992c-442d-84b3-37d69a2ba8f5";
const REQUIREMENT_LT_LOCAL: &str = "f788cef0-b278-4f21-a870-23950e67d0a1";
const VERIFICATION: &str = "dcef19d7-0d81-4cbc-9cf4-9cccf2ba3f03";
const CALLING_SERVICE: &str = "2ab4b9db-7f16-47ad-a7fe-b23dbfa0bb59";

// Ids of the hand-written DIDWW-shaped fixtures.
const UNITED_STATES: &str = "c4146a8d-4cf2-4979-9859-b06684c5740c";
const LOCAL_US: &str = "1b36edfe-a99a-4053-9fc9-61160dc44e3f";
const NATIONAL_US: &str = "cdf5af4d-34e8-4136-9346-8f4e73d69eac";
const GERMANY: &str = "82d02323-d25e-4b3e-ac86-a3e0936df913";
const US_DID_A: &str = "2dbc7416-6097-49c7-a37a-15b7d800b848";
const US_DID_B: &str = "df046268-d039-423a-b3c1-b85033aca80d";
const US_DID_C: &str = "1889379f-7a6c-4db8-b9c0-9553a8aa8b97";
const US_ADDRESS: &str = "1e052286-4c12-4629-b903-2693273fdd1c";
const SERVICE_CHANGES_REQUIRED: &str = "2b484c5f-414b-448a-8556-db37014032a1";
const SERVICE_IN_PROCESS: &str = "cfb4bd22-ff01-4a2c-bf39-31147e5511e0";
const SERVICE_PENDING_UPDATE: &str = "1ef3f1f8-1767-40dd-87cc-e300386144b4";

fn body(path: &str) -> &'static str {
    FIXTURES
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, body)| *body)
        .unwrap_or_else(|| panic!("no fixture {path}"))
}

fn response(status: u16, path: &str) -> ApiResponse {
    ApiResponse::json(status, body(path).to_owned())
}

/// Reads a fixture the way the client reads an answer with `status`.
fn read(status: u16, path: &str) -> Result<Document, ApiError> {
    read_document(&response(status, path))
}

fn document(status: u16, path: &str) -> Document {
    read(status, path).unwrap_or_else(|error| panic!("{path}: {error:?}"))
}

fn guide(status: u16, step: &str) -> Document {
    document(status, &format!("guide/{step}.json"))
}

fn didww(path: &str) -> Document {
    document(200, &format!("didww/{path}.json"))
}

fn api_error(status: u16, path: &str, headers: &[(&str, &str)]) -> ApiError {
    let mut response = response(status, &format!("didww/{path}.json"));
    response
        .headers
        .extend(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    read_document(&response).expect_err("an error status must not read as a document")
}

fn only<T: Clone>(items: &[T]) -> T {
    assert_eq!(items.len(), 1, "exactly one record expected");
    items[0].clone()
}

fn guide_did(step: &str) -> Did {
    only(&decode_all::<Did>(&guide(200, step)).expect("the DIDs decode"))
}

fn lithuania() -> Country {
    Country {
        id: LITHUANIA.to_owned(),
        name: "Lithuania".to_owned(),
        iso: "LT".to_owned(),
        prefix: Some("370".to_owned()),
    }
}

fn local_lt() -> DidGroupType {
    DidGroupType {
        id: LOCAL_LT.to_owned(),
        name: "Local".to_owned(),
    }
}

fn requirements(path: &str) -> Vec<EmergencyRequirement> {
    decode_all(&didww(path)).expect("the requirements decode")
}

fn filtered_requirement() -> EmergencyRequirement {
    let document = guide(200, "step2_requirement_filtered");
    only(&decode_all::<EmergencyRequirement>(&document).expect("the requirement decodes"))
}

fn targets(problems: &[Problem]) -> Vec<ProblemTarget> {
    problems
        .iter()
        .map(|problem| problem.target.clone())
        .collect()
}

fn required_keys(fields: &[FieldSpec]) -> Vec<FieldKey> {
    fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.key)
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// Every fixture

#[test]
fn every_fixture_on_disk_is_listed_here_and_parses_as_a_json_api_document() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut on_disk = BTreeSet::new();
    for folder in ["guide", "didww"] {
        for entry in std::fs::read_dir(format!("{root}/{folder}")).expect("fixture folder") {
            let name = entry.expect("directory entry").file_name();
            on_disk.insert(format!("{folder}/{}", name.to_string_lossy()));
        }
    }
    let listed: BTreeSet<String> = FIXTURES.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(on_disk, listed);
    assert_eq!(listed.len(), 30);

    for (name, body) in FIXTURES {
        let document = Document::parse(body).unwrap_or_else(|error| panic!("{name}: {error}"));
        let has_data = !document.primary().is_empty();
        assert_ne!(
            has_data,
            !document.errors.is_empty(),
            "{name}: data xor errors"
        );
        if has_data {
            let version = document
                .meta
                .as_ref()
                .and_then(|meta| meta.api_version.clone());
            assert_eq!(version.as_deref(), Some("2026-04-16"), "{name}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 1: the DIDs and their four cases

#[test]
fn the_clean_did_is_free_and_names_lithuania_local_through_the_included_did_group() {
    let document = guide(200, "step1_dids_clean");
    let did = guide_did("step1_dids_clean");

    assert_eq!(did.id, DID_CLEAN);
    assert_eq!(did.number, "37052032401");
    assert_eq!(did.description, None);
    assert!(!did.emergency_enabled);
    assert_eq!(did.did_group_id.as_deref(), Some(DID_GROUP_VILNIUS));
    assert_eq!(did.area_name.as_deref(), Some("Vilnius"));
    assert!(did.supports_emergency);
    assert_eq!(did.country, Some(lithuania()));
    assert_eq!(did.group_type, Some(local_lt()));
    assert_eq!((did.city_id.clone(), did.region_id.clone()), (None, None));
    assert_eq!(did.identity_id, None);
    assert_eq!(did.identity, None);
    assert_eq!(did.address_verification_id, None);
    assert_eq!(did.calling_service_id, None);

    let resource = &document.primary()[0];
    for empty in [
        "identity",
        "address_verification",
        "emergency_calling_service",
    ] {
        assert_eq!(
            resource.relationship(empty),
            RelationshipData::Null,
            "{empty}"
        );
    }
    assert_eq!(resource.relationship("order"), RelationshipData::Absent);
    assert_eq!(document.total_records(), Some(1));
    assert_eq!(document.next_link(), None);

    let case = classify(&did);
    assert_eq!(case, DidCase::Free);
    assert_eq!(case.label(), "Free");
    assert!(case.is_selectable());
    assert_eq!(
        country_and_type(&[did]),
        Some((LITHUANIA.to_owned(), LOCAL_LT.to_owned()))
    );
}

#[test]
fn the_end_user_registration_did_is_locked_to_identity_1193bf05() {
    let document = guide(200, "step1_dids_locked");
    let did = guide_did("step1_dids_locked");

    assert_eq!(did.id, DID_LOCKED);
    assert_eq!(did.number, "37052032400");
    assert_eq!(did.country, Some(lithuania()));
    assert_eq!(did.group_type, Some(local_lt()));
    assert_eq!(did.identity_id.as_deref(), Some(IDENTITY_LOCKED));
    assert_eq!(
        did.address_verification_id.as_deref(),
        Some(ADDRESS_VERIFICATION)
    );
    assert_eq!(did.calling_service_id, None);

    let identity = did.identity.clone().expect("the identity is included");
    assert_eq!(identity.id, IDENTITY_LOCKED);
    assert_eq!(identity.identity_type, Some(IdentityType::Business));
    assert_eq!(identity.company_name.as_deref(), Some("test"));
    assert_eq!(identity.first_name.as_deref(), Some("string"));
    assert_eq!(identity.phone_number.as_deref(), Some("12345678901"));
    assert_eq!(identity.description.as_deref(), Some("string"));
    assert_eq!(identity.contact_email, None);
    assert!(identity.verified);

    let verification = document
        .follow(&document.primary()[0], "address_verification")
        .expect("the address verification is included");
    assert_eq!(verification.text("status").as_deref(), Some("approved"));
    assert_eq!(
        verification.text("reference").as_deref(),
        Some("DFH-637703")
    );

    let case = classify(&did);
    assert_eq!(
        case,
        DidCase::Locked {
            identity_id: IDENTITY_LOCKED.to_owned(),
            identity_name: Some("test (string string)".to_owned()),
        }
    );
    assert_eq!(case.label(), "Locked to identity test (string string)");
    assert_eq!(forced_identity(&[did]).as_deref(), Some(IDENTITY_LOCKED));
}

#[test]
fn the_ported_did_suggests_identity_beca16fb_without_forcing_it() {
    let did = guide_did("step1_dids_porting");

    assert_eq!(did.id, DID_PORTING);
    assert_eq!(did.number, "37052032403");
    assert_eq!(did.country, Some(lithuania()));
    assert_eq!(did.group_type, Some(local_lt()));
    assert_eq!(did.identity_id.as_deref(), Some(IDENTITY_EXAMPLE));
    assert_eq!(did.address_verification_id, None);
    let identity = did.identity.clone().expect("the identity is included");
    assert_eq!(identity.vat_id.as_deref(), Some("BE0123456789"));

    let case = classify(&did);
    assert_eq!(
        case,
        DidCase::Porting {
            identity_id: IDENTITY_EXAMPLE.to_owned(),
            identity_name: Some("Example Company Ltd (John Smith)".to_owned()),
        }
    );
    assert_eq!(
        case.label(),
        "Porting identity Example Company Ltd (John Smith) (replaceable)"
    );
    assert_eq!(forced_identity(std::slice::from_ref(&did)), None);
    assert_eq!(
        suggested_identity(&[did]).as_deref(),
        Some(IDENTITY_EXAMPLE)
    );
}

#[test]
fn the_three_guide_dids_can_share_a_registration_and_the_locked_one_forces_its_identity() {
    let clean = guide_did("step1_dids_clean");
    let locked = guide_did("step1_dids_locked");
    let porting = guide_did("step1_dids_porting");

    assert_eq!(
        check_addition(std::slice::from_ref(&clean), &locked),
        Ok(())
    );
    let two = [clean.clone(), locked.clone()];
    assert_eq!(check_addition(&two, &porting), Ok(()));

    let all = [clean, locked, porting];
    assert_eq!(forced_identity(&all).as_deref(), Some(IDENTITY_LOCKED));
    assert_eq!(suggested_identity(&all), None);
}

// ---------------------------------------------------------------------------------------------
// Step 2: emergency requirements

#[test]
fn the_requirement_listing_has_65_records_and_a_next_page_rebased_onto_our_own_base() {
    let document = guide(200, "step2_requirements_page1");

    assert_eq!(document.total_records(), Some(65));
    assert_eq!(document.primary().len(), 3);
    let next = document.next_link().expect("a next link");
    assert!(next.starts_with("https://staging-api.didww.com/v3/emergency_requirements?"));

    let request = ApiRequest::from_link(next);
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.path, "/emergency_requirements");
    assert_eq!(request.query_value("page[number]"), Some("2"));
    assert_eq!(request.query_value("page[size]"), Some("50"));
    assert_eq!(
        request.query_value("include"),
        Some("country,did_group_type")
    );
    assert_eq!(
        request.url("https://proxy.example/v3"),
        "https://proxy.example/v3/emergency_requirements?include=country%2Cdid_group_type\
         &page%5Bnumber%5D=2&page%5Bsize%5D=50"
    );
}

#[test]
fn the_requirement_listing_resolves_each_country_and_shows_prices_per_number() {
    let listed: Vec<EmergencyRequirement> =
        decode_all(&guide(200, "step2_requirements_page1")).expect("the requirements decode");

    let seen: Vec<String> = listed
        .iter()
        .map(|requirement| {
            let country = requirement.country.as_ref().expect("country included");
            let kind = requirement.group_type.as_ref().expect("type included");
            format!(
                "{} {} ({}) {}: setup {}, monthly {} from {:?}",
                requirement.id,
                country.name,
                country.iso,
                kind.name,
                requirement.setup_price.display(),
                requirement.monthly_price.display(),
                requirement.monthly_price.amount().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            "37067e8b-c9c4-4b77-af7f-f514d28e68fd Argentina (AR) Local: \
             setup USD 0.00, monthly USD 0.50 from \"0.5\"",
            "a80051e5-5f77-4003-b164-63b1ccfc5377 Sweden (SE) Local: \
             setup USD 0.00, monthly USD 0.75 from \"0.75\"",
            "f788cef0-b278-4f21-a870-23950e67d0a1 Lithuania (LT) Local: \
             setup USD 0.00, monthly USD 1.00 from \"1.0\"",
        ]
    );
    assert_eq!(listed[0].setup_price.amount(), Some("0"));
    assert_eq!(listed[0].restriction_message, None);
    assert_eq!(
        listed[1].restriction_message.as_deref(),
        Some("Requirement restriction message")
    );
    assert_eq!(listed[2].country_id.as_deref(), Some(LITHUANIA));
    assert_eq!(listed[2].group_type_id.as_deref(), Some(LOCAL_LT));
}

#[test]
fn the_filtered_requirement_for_lithuania_local_accepts_either_identity_with_no_extra_fields() {
    let requirement = filtered_requirement();

    assert_eq!(requirement.id, REQUIREMENT_LT_LOCAL);
    assert_eq!(requirement.identity_type, Some(IdentityType::Any));
    assert_eq!(requirement.address_area_level, Some(AreaLevel::Country));
    assert_eq!(requirement.personal_area_level, Some(AreaLevel::WorldWide));
    assert_eq!(requirement.business_area_level, Some(AreaLevel::WorldWide));
    assert!(requirement.personal_mandatory_fields.is_empty());
    assert!(requirement.business_mandatory_fields.is_empty());
    assert!(requirement.address_mandatory_fields.is_empty());
    assert_eq!(
        requirement.estimate_setup_time.as_deref(),
        Some("7-14 days")
    );
    assert_eq!(requirement.restriction_message, None);
    assert_eq!(requirement.country, Some(lithuania()));
    assert_eq!(requirement.group_type, Some(local_lt()));
    assert_eq!(requirement.setup_price.display(), "USD 0.00");
    assert_eq!(requirement.monthly_price.display(), "USD 1.00");

    assert_eq!(
        allowed_identity_types(&requirement),
        vec![IdentityType::Personal, IdentityType::Business]
    );
    let personal = identity_schema(&requirement, &IdentityType::Personal);
    assert_eq!(
        required_keys(&personal.fields),
        vec![
            FieldKey::FirstName,
            FieldKey::LastName,
            FieldKey::PhoneNumber
        ]
    );
    assert!(personal.extra_requirements.is_empty());
    assert_eq!(personal.required_country_id, None);

    let address = address_schema(&requirement);
    assert_eq!(
        required_keys(&address.fields),
        vec![FieldKey::Address, FieldKey::CityName, FieldKey::PostalCode]
    );
    assert_eq!(address.required_country_id.as_deref(), Some(LITHUANIA));
}

// ---------------------------------------------------------------------------------------------
// Step 3: identities

#[test]
fn the_business_identity_listing_reads_every_attribute_the_flow_shows() {
    let document = guide(200, "step3_identities_business");
    let identity: Identity = only(&decode_all(&document).expect("the identities decode"));

    assert_eq!(document.total_records(), Some(1));
    assert_eq!(
        identity,
        Identity {
            id: IDENTITY_EXAMPLE.to_owned(),
            identity_type: Some(IdentityType::Business),
            first_name: Some("John".to_owned()),
            last_name: Some("Smith".to_owned()),
            phone_number: Some("3233461111".to_owned()),
            contact_email: None,
            company_name: Some("Example Company Ltd".to_owned()),
            company_reg_number: None,
            vat_id: Some("BE0123456789".to_owned()),
            id_number: None,
            personal_tax_id: None,
            birth_date: None,
            description: None,
            verified: true,
            country_id: None,
        }
    );
    assert_eq!(identity.display_name(), "Example Company Ltd (John Smith)");
    assert!(identity_fit(&filtered_requirement(), &identity, LITHUANIA).is_empty());
}

#[test]
fn a_created_personal_identity_keeps_its_birth_date_and_contact_email() {
    let identity: Identity =
        decode_one(&guide(201, "step3_identity_created_personal")).expect("the identity decodes");

    assert_eq!(identity.id, IDENTITY_EXAMPLE);
    assert_eq!(identity.identity_type, Some(IdentityType::Personal));
    assert_eq!(identity.first_name.as_deref(), Some("Jane"));
    assert_eq!(identity.last_name.as_deref(), Some("Smith"));
    assert_eq!(identity.phone_number.as_deref(), Some("15551234567"));
    assert_eq!(identity.birth_date.as_deref(), Some("1990-01-01"));
    assert_eq!(
        identity.contact_email.as_deref(),
        Some("jane.smith@example.com")
    );
    assert_eq!(
        identity.description.as_deref(),
        Some("Emergency registration identity")
    );
    assert_eq!(identity.company_name, None);
    assert!(!identity.verified);
    assert_eq!(identity.display_name(), "Jane Smith");
    assert!(identity_fit(&filtered_requirement(), &identity, LITHUANIA).is_empty());
}

#[test]
fn a_created_business_identity_reads_the_company_and_its_contact() {
    let identity: Identity =
        decode_one(&guide(201, "step3_identity_created_business")).expect("the identity decodes");

    assert_eq!(identity.id, "e4b5f0b1-6543-4a9e-85cd-2ac0e7d0a112");
    assert_eq!(identity.identity_type, Some(IdentityType::Business));
    assert_eq!(
        identity.company_name.as_deref(),
        Some("Example Services UAB")
    );
    assert_eq!(identity.contact_email.as_deref(), Some("ops@example.com"));
    assert_eq!(identity.phone_number.as_deref(), Some("12345678901"));
    assert_eq!(identity.birth_date, None);
    assert!(!identity.verified);
    assert_eq!(
        identity.display_name(),
        "Example Services UAB (Alex Example)"
    );
}

// ---------------------------------------------------------------------------------------------
// Step 4: addresses

#[test]
fn the_address_listing_keeps_postal_code_01100_as_text() {
    let address: Address =
        only(&decode_all(&guide(200, "step4_addresses")).expect("the addresses decode"));

    assert_eq!(address.id, "a4dcb4e3-1c7f-44ea-a60c-0d6f2a1c7d91");
    assert_eq!(address.postal_code.as_deref(), Some("01100"));
    assert_eq!(address.address.as_deref(), Some("20 Example Street"));
    assert_eq!(address.city_name.as_deref(), Some("Vilnius"));
    assert_eq!(
        address.description.as_deref(),
        Some("Emergency service address")
    );
    assert!(!address.verified);
    assert_eq!(address.one_line(), "20 Example Street, 01100, Vilnius");
    // The guide's listing sends relationship links only, so no ids are known from it.
    assert_eq!((address.identity_id, address.country_id), (None, None));
}

#[test]
fn the_created_address_reads_its_id_street_and_postal_code() {
    let address: Address =
        decode_one(&guide(201, "step4_address_created")).expect("the address decodes");

    assert_eq!(address.id, "f2b7f0f4-2e98-4cef-a2b4-5661c3887fb3");
    assert_eq!(address.address.as_deref(), Some("10 Example Street"));
    assert_eq!(address.city_name.as_deref(), Some("Vilnius"));
    assert_eq!(address.postal_code.as_deref(), Some("76511"));
    assert_eq!(address.area_id, None);
}

// ---------------------------------------------------------------------------------------------
// Step 5: validation

#[test]
fn the_requirement_validation_answers_201_with_the_requirement_id_and_no_fields() {
    let document = guide(201, "step5_validation_created");

    let resource = only(document.primary());
    assert_eq!(resource.id, REQUIREMENT_LT_LOCAL);
    assert_eq!(resource.kind, "emergency_requirement_validations");
    assert!(resource.attributes.is_empty());
    assert!(resource.relationships.is_empty());
    assert!(document.errors.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Step 6: submission

#[test]
fn the_created_verification_is_pending_with_its_reference_and_no_reject_reasons() {
    let verification: EmergencyVerification =
        decode_one(&guide(201, "step6_verification_created")).expect("the verification decodes");

    assert_eq!(verification.id, VERIFICATION);
    assert_eq!(verification.reference.as_deref(), Some("EGZ-696952"));
    assert_eq!(verification.status, Some(VerificationStatus::Pending));
    assert!(!VerificationStatus::Pending.is_final());
    assert_eq!(VerificationStatus::Pending.label(), "Pending review");
    assert_eq!(verification.reject_reasons, Vec::<String>::new());
    assert_eq!(verification.reject_comment, None);
    assert_eq!(
        verification.callback_url.as_deref(),
        Some("https://example.com/callbacks/emergency")
    );
    assert_eq!(verification.callback_method, Some(CallbackMethod::Post));
    assert_eq!(
        verification.created_at.as_deref(),
        Some("2026-04-21T08:10:43.079Z")
    );
    assert_eq!(verification.external_reference_id, None);
    // The documented 201 carries relationship links only: the created calling service must be
    // read later, from the verification fetched with `include=emergency_calling_service`.
    assert_eq!(verification.calling_service_id, None);
    assert!(verification.did_ids.is_empty());
    assert_eq!(verification.address_id, None);
}

#[test]
fn the_identity_mismatch_422_points_at_did_9f81f2ef_with_the_detail() {
    let detail = "dids/9f81f2ef-ad6c-402b-97af-06fff514454e - can be used only with Identity \
                  Business - Example Company Ltd";
    let error = read(422, "guide/step6_verification_identity_mismatch_422.json")
        .expect_err("a 422 is an error");

    let ApiError::Validation(errors) = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    let object = only(errors);
    assert_eq!(
        object.title.as_deref(),
        Some("can be used only with Identity Business - Example Company Ltd")
    );
    assert_eq!(object.detail.as_deref(), Some(detail));
    assert_eq!(object.code.as_deref(), Some("100"));
    assert_eq!(object.status.as_deref(), Some("422"));
    assert_eq!(
        object.pointer(),
        Some("/data/relationships/dids/9f81f2ef-ad6c-402b-97af-06fff514454e")
    );

    let problems = problems_from_errors(errors, &["callback_url"]);
    assert_eq!(
        problems,
        vec![Problem {
            target: ProblemTarget::Did(DID_LOCKED.to_owned()),
            message: detail.to_owned(),
        }]
    );
    assert_eq!(problems_from_api_error(&error, &[]), problems);
    assert_eq!(error.message(), format!("The data was refused: {detail}"));
    assert!(!error.is_transient());
}

// ---------------------------------------------------------------------------------------------
// Step 7: monitoring

#[test]
fn the_approved_verification_links_calling_service_2ab4b9db_and_did_cc4c423f() {
    let verification: EmergencyVerification =
        decode_one(&guide(200, "step7_verification_approved")).expect("the verification decodes");

    assert_eq!(verification.id, VERIFICATION);
    assert_eq!(verification.status, Some(VerificationStatus::Approved));
    assert!(VerificationStatus::Approved.is_final());
    assert_eq!(verification.reference.as_deref(), Some("EGZ-696952"));
    assert_eq!(
        verification.calling_service_id.as_deref(),
        Some(CALLING_SERVICE)
    );
    assert_eq!(verification.did_ids, strings(&[DID_PORTING]));
    assert!(verification.reject_reasons.is_empty());
    assert_eq!(verification.reject_comment, None);
}

#[test]
fn the_active_calling_service_shows_its_status_renewal_and_prices() {
    let service: EmergencyCallingService =
        decode_one(&guide(200, "step7_calling_service_active")).expect("the service decodes");

    assert_eq!(service.id, CALLING_SERVICE);
    assert_eq!(
        service.name.as_deref(),
        Some("Emergency Service for 37052032401")
    );
    assert_eq!(service.reference.as_deref(), Some("SHB-485120"));
    assert_eq!(service.status, Some(ServiceStatus::Active));
    assert_eq!(ServiceStatus::Active.label(), "Active");
    assert!(ServiceStatus::Active.is_settled());
    assert_eq!(
        service.activated_at.as_deref(),
        Some("2026-04-21T09:02:15.000Z")
    );
    assert_eq!(service.canceled_at, None);
    assert_eq!(service.renew_date.as_deref(), Some("2026-05-21"));
    assert_eq!(service.setup_price.display(), "USD 0.00");
    assert_eq!(service.monthly_price.display(), "USD 2.50");
    assert_eq!(service.monthly_price.amount(), Some("2.50"));
    assert_eq!(service.verification_id.as_deref(), Some(VERIFICATION));
    assert_eq!(service.did_ids, strings(&[DID_PORTING]));
}

// ---------------------------------------------------------------------------------------------
// DIDWW quirks: requirements

#[test]
fn us_requirements_with_labels_read_levels_lists_prices_and_the_crlf_message_verbatim() {
    let listed = requirements("requirements_us_labels");
    let [local, national] = listed.as_slice() else {
        panic!("two requirements expected, got {}", listed.len());
    };

    assert_eq!(local.identity_type, Some(IdentityType::Personal));
    assert_eq!(local.address_area_level, Some(AreaLevel::City));
    assert_eq!(local.personal_area_level, Some(AreaLevel::Country));
    assert_eq!(local.business_area_level, None);
    assert_eq!(
        local.address_mandatory_fields,
        strings(&["State/Province/Region"])
    );
    assert_eq!(
        local.personal_mandatory_fields,
        strings(&["Birth Date", "Contact email"])
    );
    assert!(local.business_mandatory_fields.is_empty());
    assert_eq!(
        local.estimate_setup_time.as_deref(),
        Some("1-2 business days")
    );
    assert_eq!(
        local.restriction_message.as_deref(),
        Some(
            "USA Local DID emergency registration requirements:\r\n\r\n1. Name, last name and \
             contact phone number.\r\n2. Current address must be from the same city as the DID \
             ordered.\r\n\r\nEmergency calling will not be activated until full registration \
             details are approved."
        )
    );
    assert_eq!(local.setup_price.amount(), Some("0.00"));
    assert_eq!(local.setup_price.display(), "USD 0.00");
    assert_eq!(local.monthly_price.display(), "USD 2.50");
    assert_eq!(
        local
            .country
            .as_ref()
            .map(|country| (country.name.as_str(), country.iso.as_str())),
        Some(("United States", "US"))
    );
    assert_eq!(local.country_id.as_deref(), Some(UNITED_STATES));
    assert_eq!(
        local.group_type,
        Some(DidGroupType {
            id: LOCAL_US.to_owned(),
            name: "Local".to_owned()
        })
    );

    assert_eq!(national.identity_type, Some(IdentityType::Business));
    assert_eq!(national.personal_area_level, None);
    assert_eq!(national.business_area_level, Some(AreaLevel::WorldWide));
    assert_eq!(
        national.business_mandatory_fields,
        strings(&["Company ID", "Contact email"])
    );
    assert_eq!(national.setup_price.amount(), Some("0"));
    assert_eq!(national.setup_price.display(), "USD 0.00");
    assert_eq!(
        national
            .group_type
            .as_ref()
            .map(|kind| (kind.id.as_str(), kind.name.as_str())),
        Some((NATIONAL_US, "National"))
    );
    assert!(national
        .restriction_message
        .as_deref()
        .is_some_and(|message| message.contains("requirements:\r\n\r\n1. Business name")));
}

#[test]
fn a_null_area_level_removes_that_identity_type_from_the_offer() {
    let listed = requirements("requirements_us_labels");

    assert_eq!(
        allowed_identity_types(&listed[0]),
        vec![IdentityType::Personal]
    );
    assert_eq!(
        allowed_identity_types(&listed[1]),
        vec![IdentityType::Business]
    );
}

#[test]
fn label_and_api_name_mandatory_fields_build_the_same_forms() {
    let labels = requirements("requirements_us_labels");
    let names = requirements("requirements_api_names");
    let (by_label, by_name) = (&labels[0], &names[0]);
    assert_eq!(
        by_name.personal_mandatory_fields,
        strings(&["birth_date", "contact_email"])
    );
    assert_eq!(by_name.address_mandatory_fields, strings(&["area"]));

    let personal_by_label = identity_schema(by_label, &IdentityType::Personal);
    let personal_by_name = identity_schema(by_name, &IdentityType::Personal);
    assert_eq!(personal_by_label.fields, personal_by_name.fields);
    assert_eq!(
        personal_by_label.extra_requirements,
        personal_by_name.extra_requirements
    );
    assert!(personal_by_label.extra_requirements.is_empty());
    assert_eq!(
        required_keys(&personal_by_name.fields),
        vec![
            FieldKey::FirstName,
            FieldKey::LastName,
            FieldKey::PhoneNumber,
            FieldKey::ContactEmail,
            FieldKey::Country,
            FieldKey::BirthDate,
        ]
    );

    let address_by_label = address_schema(by_label);
    let address_by_name = address_schema(by_name);
    assert_eq!(address_by_label.fields, address_by_name.fields);
    assert!(address_by_name.is_required(FieldKey::Area));

    let business = identity_schema(&labels[1], &IdentityType::Business);
    assert!(business.is_required(FieldKey::CompanyRegNumber));
    assert!(business.is_required(FieldKey::ContactEmail));
    assert!(business.extra_requirements.is_empty());

    let pairs = [
        ("Birth Date", "birth_date", FieldKey::BirthDate),
        ("Contact email", "contact_email", FieldKey::ContactEmail),
        (
            "Company ID",
            "company_reg_number",
            FieldKey::CompanyRegNumber,
        ),
        ("State/Province/Region", "area", FieldKey::Area),
    ];
    for (label, name, key) in pairs {
        assert_eq!(
            (map_mandatory(label), map_mandatory(name)),
            (Some(key), Some(key))
        );
    }
}

#[test]
fn api_name_requirements_map_known_names_and_keep_unknown_ones_verbatim() {
    let requirement = &requirements("requirements_api_names")[1];

    assert_eq!(requirement.identity_type, Some(IdentityType::Any));
    assert_eq!(requirement.address_area_level, Some(AreaLevel::WorldWide));
    assert_eq!(requirement.business_area_level, Some(AreaLevel::Country));

    let personal = identity_schema(requirement, &IdentityType::Personal);
    assert!(personal.is_required(FieldKey::PersonalTaxId));
    assert!(personal.is_required(FieldKey::IdNumber));
    assert!(!personal.is_required(FieldKey::BirthDate));
    assert_eq!(
        personal.extra_requirements,
        strings(&["country_of_tax_residence"])
    );
    assert_eq!(personal.required_country_id, None);

    let business = identity_schema(requirement, &IdentityType::Business);
    assert!(business.is_required(FieldKey::CompanyRegNumber));
    assert!(business.is_required(FieldKey::VatId));
    assert!(business.is_required(FieldKey::Country));
    assert_eq!(
        business.extra_requirements,
        strings(&["company_representative_date_of_birth"])
    );
    assert_eq!(business.required_country_id.as_deref(), Some(GERMANY));

    assert_eq!(address_schema(requirement).required_country_id, None);
}

#[test]
fn prices_read_from_strings_numbers_and_null_and_links_only_relationships_leave_ids_unknown() {
    let listed = requirements("requirements_api_names");
    let (unpriced, priced) = (&listed[0], &listed[1]);

    assert_eq!(unpriced.setup_price.amount(), None);
    assert_eq!(unpriced.setup_price.display(), "Not available");
    assert_eq!(unpriced.monthly_price.display(), "Not available");
    assert_eq!(
        (unpriced.country_id.clone(), unpriced.group_type_id.clone()),
        (None, None)
    );
    assert_eq!(
        (unpriced.country.clone(), unpriced.group_type.clone()),
        (None, None)
    );

    assert_eq!(priced.setup_price.amount(), Some("0.0"));
    assert_eq!(priced.setup_price.display(), "USD 0.00");
    assert_eq!(priced.monthly_price.amount(), Some("1.25"));
    assert_eq!(priced.monthly_price.display(), "USD 1.25");
    // The related country is named but not included: its id is known, its record is not.
    assert_eq!(priced.country_id.as_deref(), Some(GERMANY));
    assert_eq!(priced.country, None);
    // A blank restriction message is no message.
    assert_eq!(priced.restriction_message, None);
    assert_eq!(
        priced.estimate_setup_time.as_deref(),
        Some("3 business days")
    );
}

// ---------------------------------------------------------------------------------------------
// DIDWW quirks: verifications and calling services

#[test]
fn a_rejected_verification_lists_every_reason_and_the_reviewers_comment() {
    let verification: EmergencyVerification =
        decode_one(&didww("verification_rejected")).expect("the verification decodes");

    assert_eq!(verification.status, Some(VerificationStatus::Rejected));
    assert!(VerificationStatus::Rejected.is_final());
    assert_eq!(verification.reference.as_deref(), Some("EGE-310842"));
    assert_eq!(
        verification.reject_reasons,
        strings(&[
            "The provided address does not match the DID area",
            "Identity document has expired",
        ])
    );
    assert_eq!(
        verification.reject_comment.as_deref(),
        Some("Please upload a current utility bill for the address.")
    );
    assert_eq!(verification.callback_method, Some(CallbackMethod::Get));
    assert_eq!(
        verification.calling_service_id.as_deref(),
        Some(SERVICE_CHANGES_REQUIRED)
    );
    assert_eq!(verification.did_ids, strings(&[US_DID_A, US_DID_C]));
    assert_eq!(verification.address_id.as_deref(), Some(US_ADDRESS));
}

#[test]
fn reject_reasons_read_as_a_list_whether_null_empty_a_list_or_one_string() {
    let null: EmergencyVerification =
        decode_one(&didww("verification_reject_reasons_null")).expect("decodes");
    assert_eq!(null.status, Some(VerificationStatus::Pending));
    assert!(null.reject_reasons.is_empty());
    assert_eq!((null.callback_url, null.callback_method), (None, None));
    assert_eq!(
        null.external_reference_id.as_deref(),
        Some("partner-19db8f2a3c1-0000002a")
    );

    let empty: EmergencyVerification =
        decode_one(&didww("verification_reject_reasons_empty")).expect("decodes");
    assert_eq!(empty.status, Some(VerificationStatus::Approved));
    assert!(empty.reject_reasons.is_empty());
    assert!(empty.did_ids.is_empty());
    assert_eq!(
        empty.calling_service_id.as_deref(),
        Some(SERVICE_PENDING_UPDATE)
    );

    let texts: Vec<EmergencyVerification> =
        decode_all(&didww("verification_reject_reasons_string")).expect("decodes");
    assert_eq!(
        texts[0].reject_reasons,
        strings(&["Identity document has expired"])
    );
    assert_eq!(texts[0].callback_method, Some(CallbackMethod::Post));
    assert_eq!(
        texts[1].reject_reasons,
        strings(&["Address is outside the DID city", "Company ID is missing"])
    );
    assert_eq!(texts[1].status, Some(VerificationStatus::Rejected));
    assert_eq!(texts[1].reject_comment, None);
}

#[test]
fn calling_service_statuses_with_spaces_read_as_canonical_values_and_unknown_ones_stay_verbatim() {
    let services: Vec<EmergencyCallingService> =
        decode_all(&didww("calling_services_statuses")).expect("the services decode");

    let statuses: Vec<(String, String, bool)> = services
        .iter()
        .map(|service| {
            let status = service.status.clone().expect("a status");
            (
                status.as_str().to_owned(),
                status.label().to_owned(),
                status.is_settled(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("changes_required".into(), "Changes required".into(), true),
            ("in_process".into(), "In process".into(), false),
            ("pending_update".into(), "Pending update".into(), false),
            ("suspended".into(), "suspended".into(), false),
        ]
    );
    assert_eq!(services[0].status, Some(ServiceStatus::ChangesRequired));
    assert_eq!(services[2].status, Some(ServiceStatus::PendingUpdate));
    assert_eq!(
        services[3].status,
        Some(ServiceStatus::Other("suspended".to_owned()))
    );

    let prices: Vec<(String, String)> = services
        .iter()
        .map(|service| {
            (
                service.setup_price.display(),
                service.monthly_price.display(),
            )
        })
        .collect();
    assert_eq!(
        prices,
        vec![
            ("USD 0.00".into(), "USD 2.50".into()),
            ("USD 0.00".into(), "USD 2.50".into()),
            ("Not available".into(), "Not available".into()),
            ("USD 0.00".into(), "USD 3.00".into()),
        ]
    );
    assert_eq!(services[1].id, SERVICE_IN_PROCESS);
    assert_eq!(services[0].did_ids, strings(&[US_DID_A, US_DID_C]));
    assert!(services[1].did_ids.is_empty());
    assert_eq!(services[2].renew_date.as_deref(), Some("2026-06-02"));
    assert_eq!(services[2].verification_id, None);
}

// ---------------------------------------------------------------------------------------------
// DIDWW quirks: DIDs with a service or with unknown members

#[test]
fn a_did_already_in_a_calling_service_cannot_be_selected() {
    let dids: Vec<Did> =
        decode_all(&didww("dids_in_service_and_unknown_members")).expect("the DIDs decode");
    let in_service = &dids[0];

    assert_eq!(in_service.id, US_DID_A);
    assert!(!in_service.emergency_enabled);
    assert_eq!(
        in_service.calling_service_id.as_deref(),
        Some(SERVICE_IN_PROCESS)
    );
    let case = classify(in_service);
    assert_eq!(
        case,
        DidCase::InService {
            service_name: Some("E911 Service - Front Desk".to_owned())
        }
    );
    assert_eq!(case.label(), "In calling service E911 Service - Front Desk");
    assert!(!case.is_selectable());
    assert_eq!(
        check_addition(&[], in_service),
        Err(SelectionRefusal::InService {
            number: "12125550100".to_owned()
        })
    );
}

#[test]
fn unknown_attributes_relationships_and_included_types_do_not_disturb_the_did() {
    let document = didww("dids_in_service_and_unknown_members");
    let dids: Vec<Did> = decode_all(&document).expect("the DIDs decode");
    let did = &dids[1];

    assert_eq!(did.id, US_DID_B);
    assert_eq!(did.number, "12125550101");
    assert_eq!(did.description.as_deref(), Some("Front desk line"));
    assert_eq!(did.area_name.as_deref(), Some("New York"));
    assert!(did.supports_emergency);
    assert_eq!(
        did.country.as_ref().map(|country| country.name.as_str()),
        Some("United States")
    );
    assert_eq!(
        did.group_type.as_ref().map(|kind| kind.id.as_str()),
        Some(LOCAL_US)
    );
    assert_eq!(
        did.city_id.as_deref(),
        Some("139d66d9-8266-47ef-82e8-4e5ffc7c323a")
    );
    assert_eq!(did.region_id, None);
    assert_eq!(did.identity_id, None);
    assert_eq!(did.address_verification_id, None);
    assert_eq!(did.calling_service_id, None);
    assert_eq!(classify(did), DidCase::Free);

    let resource = &document.primary()[1];
    assert_eq!(resource.relationship("identity"), RelationshipData::Absent);
    assert_eq!(
        resource.relationship("address_verification"),
        RelationshipData::Null
    );
    let number_type = resource.to_one("number_type").expect("an unknown to-one");
    assert_eq!(number_type, Identifier::new("number_types", "local"));
    assert_eq!(
        document
            .lookup(&number_type)
            .and_then(|kind| kind.text("name"))
            .as_deref(),
        Some("Local")
    );
    assert_eq!(
        resource.to_many("sip_profiles"),
        vec![Identifier::new(
            "sip_profiles",
            "a85bd2fa-6cd4-4edb-864d-d77fb172010d"
        )]
    );
    assert_eq!(resource.attribute::<bool>("sms_enabled"), Some(true));
    assert_eq!(
        resource
            .meta
            .get("porting_state")
            .and_then(|value| value.as_str()),
        Some("completed")
    );
    assert_eq!(document.included.len(), 6);
    assert_eq!(document.total_records(), Some(2));
}

#[test]
fn a_document_of_another_type_or_shape_is_refused_with_the_reason() {
    let dids = didww("dids_in_service_and_unknown_members");

    assert_eq!(
        decode_all::<Identity>(&dids),
        Err(DecodeError::WrongType {
            expected: "identities",
            found: "dids".to_owned(),
        })
    );
    assert_eq!(
        decode_one::<Did>(&dids),
        Err(DecodeError::UnexpectedCollection)
    );
    let errors_only = Document::parse(body("didww/error_404_record_not_found.json")).unwrap();
    assert_eq!(
        decode_one::<EmergencyVerification>(&errors_only),
        Err(DecodeError::MissingData)
    );
}

// ---------------------------------------------------------------------------------------------
// Error bodies through `read_document`

#[test]
fn a_401_body_reads_as_unauthorized() {
    let error = api_error(401, "error_401_unauthorized", &[]);

    assert_eq!(error, ApiError::Unauthorized);
    assert_eq!(error.message(), "The API key is missing or was refused.");
    assert!(!error.is_transient());
    let parsed = Document::parse(body("didww/error_401_unauthorized.json")).unwrap();
    assert_eq!(
        parsed.errors[0].detail.as_deref(),
        Some("Authorization failed")
    );
}

#[test]
fn a_429_reads_as_rate_limited_with_the_retry_after_header() {
    let with_header = api_error(
        429,
        "error_429_too_many_requests",
        &[("retry-after", " 7 ")],
    );
    assert_eq!(
        with_header,
        ApiError::RateLimited {
            retry_after_seconds: Some(7)
        }
    );
    assert!(with_header.is_transient());
    assert_eq!(
        with_header.message(),
        "Too many requests. Please wait 7 seconds."
    );

    let without = api_error(429, "error_429_too_many_requests", &[]);
    assert_eq!(
        without,
        ApiError::RateLimited {
            retry_after_seconds: None
        }
    );
    let http_date = api_error(
        429,
        "error_429_too_many_requests",
        &[("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")],
    );
    assert_eq!(
        http_date,
        ApiError::RateLimited {
            retry_after_seconds: None
        }
    );

    let parsed = Document::parse(body("didww/error_429_too_many_requests.json")).unwrap();
    let object = only(&parsed.errors);
    assert_eq!(
        (
            object.status.as_deref(),
            object.detail.as_deref(),
            object.title
        ),
        (Some("429"), Some("Too Many Requests"), None)
    );
}

#[test]
fn a_400_invalid_filter_reads_as_refused_with_code_107_and_its_parameter() {
    let error = api_error(400, "error_400_invalid_filter", &[]);

    let ApiError::Refused { status, errors } = &error else {
        panic!("expected Refused, got {error:?}");
    };
    assert_eq!(*status, 400);
    let object = only(errors);
    assert_eq!(object.code.as_deref(), Some("107"));
    assert_eq!(object.title.as_deref(), Some("Invalid filter value"));
    assert_eq!(
        object
            .source
            .as_ref()
            .and_then(|source| source.parameter.as_deref()),
        Some("filter[emergency_enabled]")
    );
    assert_eq!(object.pointer(), None);
    assert_eq!(
        error.message(),
        "maybe is not a valid value for emergency_enabled."
    );
    assert_eq!(
        problems_from_api_error(&error, &[]),
        vec![Problem {
            target: ProblemTarget::Summary,
            message: "maybe is not a valid value for emergency_enabled. Correct the marked \
                      fields and retry."
                .to_owned(),
        }]
    );
}

#[test]
fn a_404_reads_as_not_found_with_the_record_detail() {
    let error = api_error(404, "error_404_record_not_found", &[]);

    let ApiError::NotFound(errors) = &error else {
        panic!("expected NotFound, got {error:?}");
    };
    let object = only(errors);
    assert_eq!(object.title.as_deref(), Some("Record not found"));
    assert_eq!(
        object.detail.as_deref(),
        Some(
            "The record identified by 9b2d6c1e-5f4a-4e8b-a7c3-2d1f0e9b8a76 could not be \
             found."
        )
    );
    assert_eq!(object.code.as_deref(), Some("404"));
    assert_eq!(
        error.message(),
        "The record was not found. It may have been removed."
    );
}

#[test]
fn a_422_with_several_verification_errors_routes_each_pointer() {
    let error = api_error(422, "error_422_verification_dids", &[]);
    let ApiError::Validation(errors) = &error else {
        panic!("expected Validation, got {error:?}");
    };
    assert_eq!(errors.len(), 5);

    assert_eq!(
        targets(&problems_from_errors(errors, &[])),
        vec![
            ProblemTarget::Summary,
            ProblemTarget::Relationship("dids".to_owned()),
            ProblemTarget::Did(US_DID_C.to_owned()),
            ProblemTarget::Relationship("address".to_owned()),
            ProblemTarget::Summary,
        ]
    );
    let with_callback = problems_from_errors(errors, &["callback_url"]);
    assert_eq!(
        with_callback[4],
        Problem {
            target: ProblemTarget::Field("callback_url".to_owned()),
            message: "callback_url - is not a valid URL".to_owned(),
        }
    );
    assert_eq!(
        with_callback[2].message,
        format!("dids/{US_DID_C} - does not support Emergency feature")
    );
    assert_eq!(
        error.message(),
        "The data was refused: Emergency Rate not found"
    );
}

#[test]
fn a_422_on_identity_creation_routes_attribute_and_country_errors_to_form_fields() {
    let error = api_error(422, "error_422_identity_attributes", &[]);
    let schema = identity_schema(&filtered_requirement(), &IdentityType::Personal);

    let problems = problems_from_api_error(&error, &schema.api_names());
    assert_eq!(
        targets(&problems),
        vec![
            ProblemTarget::Field("first_name".to_owned()),
            ProblemTarget::Field("phone_number".to_owned()),
            ProblemTarget::Field("contact_email".to_owned()),
            ProblemTarget::Field("country".to_owned()),
            ProblemTarget::Summary,
        ]
    );
    assert_eq!(
        problems[1].message,
        "phone_number - must contain only digits"
    );
    assert_eq!(problems[4].message, "nickname - is not allowed");
}

#[test]
fn a_requirement_validation_422_routes_sentences_that_name_a_field_to_that_field() {
    let error = api_error(422, "error_422_requirement_validation", &[]);
    let schema = identity_schema(
        &requirements("requirements_us_labels")[0],
        &IdentityType::Personal,
    );

    let problems = problems_from_api_error(&error, &schema.api_names());
    assert_eq!(
        targets(&problems),
        vec![
            ProblemTarget::Summary,
            ProblemTarget::Field("birth_date".to_owned()),
            ProblemTarget::Field("contact_email".to_owned()),
        ]
    );
    assert_eq!(problems[0].message, "Address in United States required");
}

// ---------------------------------------------------------------------------------------------
// Bodies that are not JSON:API documents

const PROXY_ERROR_PAGE: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n\
    <body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
    </body>\r\n</html>\r\n";

fn unexpected_status(error: &ApiError) -> Option<u16> {
    match error {
        ApiError::UnexpectedResponse { status, .. } => Some(*status),
        _ => None,
    }
}

#[test]
fn html_empty_and_truncated_bodies_read_as_unexpected_responses_with_their_status() {
    let html_ok = read_document(&ApiResponse::json(200, PROXY_ERROR_PAGE.to_owned())).unwrap_err();
    assert_eq!(
        html_ok,
        ApiError::UnexpectedResponse {
            status: 200,
            reason: "an HTML page arrived instead of JSON".to_owned(),
        }
    );

    let empty = read_document(&ApiResponse::json(200, String::new())).unwrap_err();
    assert_eq!(
        empty,
        ApiError::UnexpectedResponse {
            status: 200,
            reason: "the body was empty".to_owned(),
        }
    );

    let whole = body("guide/step7_calling_service_active.json");
    let cut = whole[..whole.len() / 2].to_owned();
    let truncated = read_document(&ApiResponse::json(200, cut)).unwrap_err();
    assert_eq!(
        truncated,
        ApiError::UnexpectedResponse {
            status: 200,
            reason: "the JSON document was cut short".to_owned(),
        }
    );
    assert_eq!(
        truncated.message(),
        "The proxy or API answered something unexpected (status 200): \
         the JSON document was cut short."
    );

    let html_422 = read_document(&ApiResponse::json(422, PROXY_ERROR_PAGE.to_owned()));
    assert_eq!(unexpected_status(&html_422.unwrap_err()), Some(422));

    let cut_201 = body("guide/step6_verification_created.json")[..200].to_owned();
    let truncated_201 = read_document(&ApiResponse::json(201, cut_201)).unwrap_err();
    assert_eq!(unexpected_status(&truncated_201), Some(201));

    assert_eq!(
        read_document(&ApiResponse::json(204, String::new())),
        Ok(Document::default())
    );
}

#[test]
fn an_html_502_page_from_the_proxy_reads_as_an_unexpected_answer_that_is_retried() {
    let error = read_document(&ApiResponse {
        status: 502,
        headers: vec![("Content-Type".to_owned(), "text/html".to_owned())],
        body: PROXY_ERROR_PAGE.to_owned(),
    })
    .unwrap_err();

    assert_eq!(unexpected_status(&error), Some(502));
    assert!(error.is_transient());
    assert_eq!(
        error.message(),
        "The proxy or API answered something unexpected (status 502): \
         an HTML page arrived instead of JSON."
    );
    assert!(error.next_action().contains("try again"));

    // A 5xx with an empty body or with DIDWW's own error document is a server failure.
    let empty = read_document(&ApiResponse::json(503, String::new())).unwrap_err();
    assert_eq!(empty, ApiError::Server { status: 503 });
    let listed = r#"{"errors": [{"title": "Internal error", "status": "500"}]}"#;
    let didww = read_document(&ApiResponse::json(500, listed.to_owned())).unwrap_err();
    assert_eq!(didww, ApiError::Server { status: 500 });
    assert_eq!(didww.message(), "The API or the proxy failed (status 500).");

    // A proxy's page on a 4xx is not retried: the same request would get the same page.
    let html_400 = read_document(&ApiResponse::json(400, PROXY_ERROR_PAGE.to_owned()));
    assert!(!html_400.unwrap_err().is_transient());
}
