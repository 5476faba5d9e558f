//! The flow's rules as plain functions: no DOM, no views, no HTTP, all host-tested.

pub mod attempt;
pub mod birth_date;
pub mod edit;
pub mod form;
pub mod locality;
pub mod monitoring;
pub mod problems;
pub mod registrations;
pub mod selection;
pub mod sorting;
pub mod submission;
pub mod validation;
