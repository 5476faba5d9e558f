//! Presentational widgets shared by the steps: they take props and report through
//! callbacks, and never load data themselves (the settings panel, which edits the app's
//! configuration, is the one exception).

mod blocked_step;
mod config_problems;
mod demo_banner;
mod did_row;
mod draft_bar;
mod empty_state;
mod error_state;
mod error_summary;
mod focus;
mod form_actions;
mod form_field;
mod live_region;
mod loading_state;
mod schema_fields;
mod settings_panel;
mod status_badge;
mod step_heading;
mod stepper;

pub use blocked_step::BlockedStep;
pub use config_problems::ConfigProblems;
pub use demo_banner::DemoBanner;
pub use did_row::{format_number, DidRow};
pub use draft_bar::DraftBar;
pub use empty_state::EmptyState;
pub use error_state::ErrorState;
pub use error_summary::{ErrorSummary, SummaryEntry};
pub use focus::{element_by_id, focus_by_id, focus_when_ready, AppRoot};
pub use form_actions::FormActions;
pub use form_field::{FormField, SelectOption};
pub use live_region::{AnnouncerContext, LiveRegion};
pub use loading_state::LoadingState;
pub use schema_fields::{field_error, SchemaFields};
pub use settings_panel::SettingsPanel;
pub use status_badge::{BadgeTone, StatusBadge};
pub use step_heading::{StepHeading, STEP_HEADING_ID};
pub use stepper::{StepState, Stepper, StepperItem};
