//! The whole registration flow through the typed client, answered by the in-process simulator:
//! what the browser does, minus the browser.

#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use didww_emergency::api::{
    calling_services_page, create_verification, find_verification_by_reference,
    get_calling_service, get_verification, get_verification_with_service, list_emergency_dids,
    list_verifications, load_submitted_choices, requirement_for, validate_requirement,
    verifications_page, ApiError, Client, NewVerification, RecordPage, ResubmissionError,
};
use didww_emergency::domain::attempt::submit_exactly_once;
use didww_emergency::domain::problems::{problems_from_api_error, ProblemTarget};
use didww_emergency::model::{EmergencyVerification, ServiceStatus, VerificationStatus};
use didww_emergency::sandbox::{seed, Simulator};

/// Runs a future that never waits: the simulator answers at once and, outside the browser,
/// the client's back-off sleeps return immediately.
fn run<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("a simulator request should never wait"),
    }
}

/// A client on a fresh guide account whose reviews happen on the next request.
fn client() -> Client {
    let mut simulator = Simulator::with_guide_account();
    simulator.set_review_delay_ms(0);
    Client::simulator(Arc::new(Mutex::new(simulator)))
}

fn submission(address_id: &str, did_id: &str, reference: &str) -> NewVerification {
    NewVerification {
        address_id: address_id.to_owned(),
        did_ids: vec![did_id.to_owned()],
        calling_service_id: None,
        callback: None,
        external_reference_id: reference.to_owned(),
    }
}

#[test]
fn the_guide_account_lists_its_three_scenarios_and_their_requirement() {
    let client = client();

    let dids = run(list_emergency_dids(&client)).expect("DIDs load");
    let clean = dids
        .iter()
        .find(|did| did.id == seed::CLEAN_DID)
        .expect("clean DID listed");
    let requirement = run(requirement_for(&client, seed::LITHUANIA, seed::LOCAL))
        .expect("requirement loads")
        .expect("Lithuania Local is offered");

    assert_eq!(clean.number, "37052032401");
    assert!(dids.iter().any(|did| did.id == seed::LOCKED_DID));
    assert!(dids.iter().any(|did| did.id == seed::PORTING_DID));
    assert_eq!(requirement.id, seed::LT_LOCAL_REQUIREMENT);
    assert_eq!(
        requirement.estimate_setup_time.as_deref(),
        Some("7-14 days")
    );
}

#[test]
fn an_address_of_another_identity_is_refused_for_a_locked_did_and_points_at_it() {
    let client = client();

    let error = run(create_verification(
        &client,
        &submission(seed::GUIDE_ADDRESS, seed::LOCKED_DID, "attempt-locked"),
    ))
    .expect_err("the locked DID refuses another identity");

    let problems = problems_from_api_error(&error, &[]);
    assert!(matches!(error, ApiError::Validation(_)));
    assert_eq!(
        problems[0].target,
        ProblemTarget::Did(seed::LOCKED_DID.to_owned())
    );
    assert!(
        problems[0]
            .message
            .contains("can be used only with Identity"),
        "{problems:?}"
    );
}

#[test]
fn a_validated_submission_is_approved_and_its_service_becomes_active() {
    let client = client();
    run(validate_requirement(
        &client,
        seed::LT_LOCAL_REQUIREMENT,
        seed::LOCKED_IDENTITY,
        seed::LOCKED_IDENTITY_ADDRESS,
    ))
    .expect("the locked identity's own address is valid");

    let created = run(create_verification(
        &client,
        &submission(
            seed::LOCKED_IDENTITY_ADDRESS,
            seed::LOCKED_DID,
            "attempt-approved",
        ),
    ))
    .expect("submitted");
    let reviewed = run(get_verification(&client, &created.id)).expect("verification loads");
    let service_id = reviewed
        .calling_service_id
        .clone()
        .expect("a service was created");
    let service = run(get_calling_service(&client, &service_id)).expect("service loads");
    let (_, included) = run(get_verification_with_service(&client, &created.id))
        .expect("verification loads with its service");

    assert_eq!(created.status, Some(VerificationStatus::Pending));
    assert_eq!(reviewed.status, Some(VerificationStatus::Approved));
    assert!(reviewed.reject_reasons.is_empty());
    assert_eq!(service.status, Some(ServiceStatus::Active));
    // The included copy carries what the status page shows; its own relationships are links.
    let included = included.expect("the service is included");
    assert_eq!(
        (
            &included.id,
            &included.status,
            &included.name,
            &included.reference
        ),
        (
            &service.id,
            &service.status,
            &service.name,
            &service.reference
        )
    );
}

#[test]
fn a_rejected_registration_is_corrected_on_its_existing_service() {
    let client = client();
    let rejected = run(create_verification(
        &client,
        &submission(
            seed::EXPIRED_IDENTITY_ADDRESS,
            seed::US_NEW_YORK_DID,
            "attempt-1",
        ),
    ))
    .expect("submitted");
    let rejected = run(get_verification(&client, &rejected.id)).expect("verification loads");
    let service_id = rejected
        .calling_service_id
        .clone()
        .expect("a service was created");

    // Sending the numbers again is refused: they stay assigned to the rejected service.
    let again = run(create_verification(
        &client,
        &submission(
            seed::US_PERSONAL_ADDRESS,
            seed::US_NEW_YORK_DID,
            "attempt-2",
        ),
    ));
    let corrected = run(create_verification(
        &client,
        &NewVerification {
            calling_service_id: Some(service_id.clone()),
            ..submission(
                seed::US_PERSONAL_ADDRESS,
                seed::US_NEW_YORK_DID,
                "attempt-3",
            )
        },
    ))
    .expect("the correction is accepted");
    let corrected = run(get_verification(&client, &corrected.id)).expect("verification loads");
    let service = run(get_calling_service(&client, &service_id)).expect("service loads");

    assert_eq!(rejected.status, Some(VerificationStatus::Rejected));
    assert!(!rejected.reject_reasons.is_empty());
    assert!(matches!(again, Err(ApiError::Validation(_))));
    assert_eq!(corrected.status, Some(VerificationStatus::Approved));
    assert_eq!(
        corrected.calling_service_id.as_deref(),
        Some(service_id.as_str())
    );
    assert_eq!(service.status, Some(ServiceStatus::Active));
}

#[test]
fn a_rejected_registration_is_read_back_and_corrected_without_the_page_that_sent_it() {
    let client = client();

    // Nothing of the original submission is at hand: only the verification's id, as a
    // link or another tab would have it.
    let choices = run(load_submitted_choices(&client, seed::REJECTED_VERIFICATION))
        .expect("the rejected registration is read back");
    let service_id = choices
        .verification
        .calling_service_id
        .clone()
        .expect("the rejected verification names its service");
    let did_ids: Vec<&str> = choices.dids.iter().map(|did| did.id.as_str()).collect();
    let corrected = run(create_verification(
        &client,
        &NewVerification {
            calling_service_id: Some(service_id.clone()),
            ..submission(seed::US_PERSONAL_ADDRESS, did_ids[0], "read-back-fix")
        },
    ))
    .expect("the correction is accepted");
    let corrected = run(get_verification(&client, &corrected.id)).expect("verification loads");
    let service = run(get_calling_service(&client, &service_id)).expect("service loads");

    assert_eq!(service_id, seed::CHANGES_REQUIRED_SERVICE);
    assert_eq!(did_ids, vec![seed::US_CHANGES_REQUIRED_DID]);
    assert_eq!(choices.requirement.id, seed::US_LOCAL_REQUIREMENT);
    assert_eq!(
        choices.address.identity_id.as_deref(),
        Some(choices.identity.id.as_str())
    );
    assert_eq!(
        choices.verification.address_id.as_deref(),
        Some(choices.address.id.as_str())
    );
    assert_eq!(
        corrected.calling_service_id.as_deref(),
        Some(seed::CHANGES_REQUIRED_SERVICE)
    );
    assert_ne!(service.status, Some(ServiceStatus::ChangesRequired));
}

#[test]
fn reading_back_an_unknown_registration_fails_in_plain_words() {
    let client = client();

    let outcome = run(load_submitted_choices(&client, "0d0c4a57-missing"));

    let problem = outcome.expect_err("an unknown id cannot be read back");
    assert!(matches!(
        problem,
        ResubmissionError::Api(ApiError::NotFound(_))
    ));
    assert!(problem.message().contains("not found"));
}

#[test]
fn a_lost_answer_after_the_simulator_created_the_verification_sends_no_second_post() {
    let client = client();
    let verification = submission(
        seed::LOCKED_IDENTITY_ADDRESS,
        seed::LOCKED_DID,
        "attempt-lost-answer",
    );
    let posts = std::cell::Cell::new(0);
    let before = run(list_verifications(&client))
        .expect("verifications load")
        .len();

    // The simulator handles the POST, then the answer is lost as a timeout would lose it.
    let outcome = run(submit_exactly_once(
        false,
        || {
            posts.set(posts.get() + 1);
            let (client, verification) = (client.clone(), verification.clone());
            async move {
                create_verification(&client, &verification).await?;
                Err::<EmergencyVerification, _>(ApiError::Timeout)
            }
        },
        || find_verification_by_reference(&client, "attempt-lost-answer"),
        |_| async {},
    ));

    let found = outcome.expect("the created verification is found");
    assert_eq!(posts.get(), 1, "no second POST");
    assert_eq!(
        found.external_reference_id.as_deref(),
        Some("attempt-lost-answer")
    );
    let after = run(list_verifications(&client))
        .expect("verifications load")
        .len();
    assert_eq!(after, before + 1, "exactly one verification was created");
}

#[test]
fn the_registrations_pages_are_newest_first_filtered_and_counted() {
    let client = client();
    for (index, did) in [seed::LOCKED_DID, seed::CLEAN_DID].into_iter().enumerate() {
        let address = if did == seed::LOCKED_DID {
            seed::LOCKED_IDENTITY_ADDRESS
        } else {
            seed::GUIDE_ADDRESS
        };
        let reference = format!("attempt-page-{index}");
        run(create_verification(
            &client,
            &submission(address, did, &reference),
        ))
        .expect("submitted");
    }

    let first = run(verifications_page(&client, None, 1, 1)).expect("a page");
    let second = run(verifications_page(&client, None, 2, 1)).expect("a page");
    let pending = run(verifications_page(&client, Some("pending"), 1, 25)).expect("a page");
    let services = run(calling_services_page(&client, Some("active"), 1, 25)).expect("a page");

    assert_eq!(first.records.len(), 1);
    assert_eq!(first.total, second.total);
    let stamps = |page: &RecordPage<EmergencyVerification>| page.records[0].created_at.clone();
    assert!(stamps(&first) >= stamps(&second), "newest first");
    assert!(pending
        .records
        .iter()
        .all(|verification| { verification.status == Some(VerificationStatus::Pending) }));
    assert!(!services.records.is_empty());
    assert!(services
        .records
        .iter()
        .all(|service| service.status == Some(ServiceStatus::Active)));
    // Every row names its numbers, and every service the verification it opens.
    assert!(first.records[0].did_numbers.len() == first.records[0].did_ids.len());
    assert!(!first.records[0].did_numbers.is_empty());
    assert!(services.records.iter().all(|service| {
        service.verification_id.is_some()
            && !service.did_numbers.is_empty()
            && service.did_numbers.len() == service.did_ids.len()
    }));
    // The status page reads a service's requirement through these two.
    let service = run(get_calling_service(&client, &services.records[0].id)).expect("a service");
    assert!(service.country_id.is_some() && service.group_type_id.is_some());
}
