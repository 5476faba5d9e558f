//! The app's front door: it opens the step the draft was left on.

use leptos::prelude::*;

use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{DraftSession, WizardContext, WizardStep};

/// Sends the user to the step the restored draft was left on (or to the first step still
/// missing a choice on the way there), and to the numbers when there is no draft.
#[component]
pub fn ResumeDraft() -> impl IntoView {
    let draft = WizardContext::expect();
    let stored = DraftSession::use_context().and_then(|session| session.resume_step());

    let step = stored.unwrap_or(WizardStep::Dids);
    let step = draft.blocker(step).map_or(step, |blocker| blocker.back_to);

    // After this render, so the router does not change its path while drawing it.
    let navigate = use_navigate();
    Effect::new(move |_| navigate(step.path(), NavigateOptions { replace: true }));
}
