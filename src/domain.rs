//! The flow's rules as plain functions: no DOM, no views, no HTTP, all host-tested.

pub mod birth_date;
pub mod edit;
pub mod form;
pub mod locality;
pub mod problems;
pub mod selection;
pub mod sorting;
pub mod submission;
