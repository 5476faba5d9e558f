//! didww-emergency: registers emergency calling (112/911) for DIDWW numbers from the browser.
//!
//! Layers, from the ground up: [`jsonapi`] and [`wire`] describe documents and requests;
//! [`sandbox`] is a DIDWW simulator that answers those requests; `api` sends them (through the
//! proxy, or to the simulator in demo mode) and decodes typed models; `domain` holds the flow's
//! rules as plain functions; the UI modules wire it all to the screen.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod domain;
pub mod jsonapi;
pub mod locale;
pub mod model;
pub mod routing;
#[cfg(any(feature = "simulator", not(target_arch = "wasm32")))]
pub mod sandbox;
pub mod state;
pub mod steps;
pub mod widget;
pub mod wire;
