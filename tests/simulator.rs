//! Behaviour of the DIDWW simulator, driven only through its public API and its HTTP server.

#![cfg(not(target_arch = "wasm32"))]

#[path = "simulator/support.rs"]
mod support;

#[path = "simulator/listing.rs"]
mod listing;

#[path = "simulator/dids.rs"]
mod dids;

#[path = "simulator/identities.rs"]
mod identities;

#[path = "simulator/addresses.rs"]
mod addresses;

#[path = "simulator/validation.rs"]
mod validation;

#[path = "simulator/verification.rs"]
mod verification;

#[path = "simulator/resubmission.rs"]
mod resubmission;

#[path = "simulator/routing.rs"]
mod routing;

#[path = "simulator/review.rs"]
mod review;

#[path = "simulator/server.rs"]
mod server;

#[path = "simulator/large_account.rs"]
mod large_account;
