//! Cancelling the reads of a step the user has left.
//!
//! Every step's requests belong to a [`RequestScope`]; when the user moves to another step,
//! the scope is aborted: the reads still in flight are cancelled with their
//! `AbortController`s, retries stop, and a late answer never reaches the page. Writes are
//! left to finish (see [`super::Client::within`]).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// Numbers the scopes, so the browser's controllers can be filed under their scope.
static NEXT_SCOPE: AtomicU64 = AtomicU64::new(1);

/// A group of requests cancelled together, such as the reads of one visit to a step.
#[derive(Debug, Clone)]
pub struct RequestScope {
    id: u64,
    is_aborted: Arc<AtomicBool>,
}

impl PartialEq for RequestScope {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for RequestScope {}

impl Default for RequestScope {
    fn default() -> Self {
        Self::new()
    }
}

impl RequestScope {
    /// A new scope, not aborted.
    pub fn new() -> Self {
        Self {
            id: NEXT_SCOPE.fetch_add(1, Ordering::Relaxed),
            is_aborted: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Cancels every request of the scope in flight, and every one started later.
    pub fn abort(&self) {
        self.is_aborted.store(true, Ordering::Relaxed);
        in_flight::abort_all(self.id);
    }

    /// True once [`RequestScope::abort`] was called.
    pub fn is_aborted(&self) -> bool {
        self.is_aborted.load(Ordering::Relaxed)
    }

    /// The scope's number, for filing its requests.
    #[cfg(target_arch = "wasm32")]
    pub(super) fn id(&self) -> u64 {
        self.id
    }
}

#[cfg(target_arch = "wasm32")]
pub(super) mod in_flight {
    //! The `AbortController`s of requests in flight, by scope. The page has one thread, so
    //! they live in a thread-local list rather than in the (shareable) client.

    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        static CONTROLLERS: RefCell<HashMap<u64, Vec<(u64, web_sys::AbortController)>>> =
            RefCell::new(HashMap::new());
        static NEXT_REQUEST: RefCell<u64> = const { RefCell::new(0) };
    }

    /// Files `controller` under scope `scope`; returns the number to [`remove`] it by.
    pub(in crate::api) fn add(scope: u64, controller: web_sys::AbortController) -> u64 {
        let request = NEXT_REQUEST.with(|next| {
            let mut next = next.borrow_mut();
            *next += 1;
            *next
        });
        CONTROLLERS.with(|controllers| {
            controllers
                .borrow_mut()
                .entry(scope)
                .or_default()
                .push((request, controller));
        });
        request
    }

    /// Forgets a finished request.
    pub(in crate::api) fn remove(scope: u64, request: u64) {
        CONTROLLERS.with(|controllers| {
            let mut controllers = controllers.borrow_mut();
            if let Some(list) = controllers.get_mut(&scope) {
                list.retain(|(number, _)| *number != request);
                if list.is_empty() {
                    controllers.remove(&scope);
                }
            }
        });
    }

    pub(super) fn abort_all(scope: u64) {
        let aborted = CONTROLLERS.with(|controllers| controllers.borrow_mut().remove(&scope));
        for (_, controller) in aborted.unwrap_or_default() {
            controller.abort();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) mod in_flight {
    //! Outside the browser requests are answered at once; there is nothing to cancel.

    pub(super) fn abort_all(_scope: u64) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_is_its_own_and_stays_aborted() {
        let first = RequestScope::new();
        let second = RequestScope::new();
        let copy = first.clone();
        assert_ne!(first, second);
        assert_eq!(first, copy);

        copy.abort();
        assert!(first.is_aborted());
        assert!(!second.is_aborted());
    }
}
