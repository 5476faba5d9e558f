//! A status shown as a coloured badge with an icon and words.

use leptos::prelude::*;

use crate::model::{ServiceStatus, VerificationStatus};

/// How a status feels: the colour and icon follow from it, the words never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeTone {
    /// Waiting for someone else.
    Waiting,
    /// Done and good.
    Success,
    /// Refused or stopped; the user must act.
    Danger,
    /// Not known yet, or neither good nor bad.
    Neutral,
}

impl BadgeTone {
    /// The CSS modifier.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Success => "success",
            Self::Danger => "danger",
            Self::Neutral => "neutral",
        }
    }

    /// A text icon, so that colour is never the only signal.
    pub fn icon(&self) -> &'static str {
        match self {
            Self::Waiting => "◷",
            Self::Success => "✓",
            Self::Danger => "✕",
            Self::Neutral => "•",
        }
    }

    /// The tone of a verification status.
    pub fn of_verification(status: Option<&VerificationStatus>) -> Self {
        match status {
            Some(VerificationStatus::Pending) => Self::Waiting,
            Some(VerificationStatus::Approved) => Self::Success,
            Some(VerificationStatus::Rejected) => Self::Danger,
            _ => Self::Neutral,
        }
    }

    /// The tone of a calling service status.
    pub fn of_service(status: Option<&ServiceStatus>) -> Self {
        match status {
            Some(ServiceStatus::New | ServiceStatus::InProcess | ServiceStatus::PendingUpdate) => {
                Self::Waiting
            }
            Some(ServiceStatus::Active) => Self::Success,
            Some(ServiceStatus::ChangesRequired | ServiceStatus::Canceled) => Self::Danger,
            _ => Self::Neutral,
        }
    }
}

/// The badge: icon plus label, coloured by tone.
#[component]
pub fn StatusBadge(
    /// The tone.
    #[prop(into)]
    tone: Signal<BadgeTone>,
    /// The words, such as "Pending review".
    #[prop(into)]
    label: Signal<String>,
    /// The `data-testid` of the badge.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let class = move || format!("dwe-badge dwe-badge--{}", tone.get().as_str());

    view! {
        <span class=class data-testid=test_id>
            <span class="dwe-badge__icon" aria-hidden="true">{move || tone.get().icon()}</span>
            <span class="dwe-badge__label">{move || label.get()}</span>
        </span>
    }
}
