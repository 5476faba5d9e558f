//! Leaving a step cancels its reads: what a request scope does to the client's requests,
//! answered by the in-process simulator.

#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use didww_emergency::api::{
    create_identity, list_emergency_dids, list_identities, ApiError, Client, NewIdentity,
    RequestScope,
};
use didww_emergency::model::IdentityType;
use didww_emergency::sandbox::Simulator;

/// Runs a future that never waits (the simulator answers at once).
fn run<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("a simulator request should never wait"),
    }
}

fn client() -> Client {
    Client::simulator(Arc::new(Mutex::new(Simulator::with_guide_account())))
}

fn new_identity() -> NewIdentity {
    NewIdentity {
        identity_type: IdentityType::Personal,
        attributes: vec![
            ("first_name".to_owned(), "Ona".to_owned()),
            ("last_name".to_owned(), "Petraitė".to_owned()),
            ("phone_number".to_owned(), "37052032401".to_owned()),
        ],
        country_id: None,
    }
}

#[test]
fn reads_of_a_live_scope_are_answered() {
    let scope = RequestScope::new();
    let client = client().within(&scope);
    let dids = run(list_emergency_dids(&client)).expect("the guide account lists its numbers");
    assert!(!dids.is_empty());
}

#[test]
fn reads_of_an_aborted_scope_are_cancelled_without_reaching_the_api() {
    let scope = RequestScope::new();
    let client = client().within(&scope);
    scope.abort();

    assert_eq!(run(list_emergency_dids(&client)), Err(ApiError::Aborted));
    assert_eq!(
        run(list_identities(&client, None, None)),
        Err(ApiError::Aborted)
    );
}

#[test]
fn a_write_of_an_aborted_scope_still_goes_through_and_other_scopes_are_untouched() {
    let shared = client();
    let left = RequestScope::new();
    let current = RequestScope::new();
    left.abort();

    // A write cut short would leave its outcome unknown, so it is not cancelled.
    let created = run(create_identity(&shared.within(&left), &new_identity()))
        .expect("the identity is created");
    let listed = run(list_identities(&shared.within(&current), None, None))
        .expect("the current step reads on");
    assert!(listed.iter().any(|identity| identity.id == created.id));
    assert!(run(list_identities(&shared, None, None)).is_ok());
}
