//! The row of wizard steps at the top of every page.

use leptos::prelude::*;

use crate::routing::A;
use crate::state::WizardStep;

/// Where a step stands relative to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Done; can be revisited.
    Complete,
    /// Being shown.
    Current,
    /// Can be opened.
    Available,
    /// Needs an earlier step first.
    Locked,
}

impl StepState {
    /// The CSS modifier.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Complete => "complete",
            Self::Current => "current",
            Self::Available => "available",
            Self::Locked => "locked",
        }
    }

    /// Words for screen readers, after the step's name.
    fn spoken(&self) -> &'static str {
        match self {
            Self::Complete => "done",
            Self::Current => "current step",
            Self::Available => "available",
            Self::Locked => "not available yet",
        }
    }
}

/// One step as the stepper shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepperItem {
    /// The step.
    pub step: WizardStep,
    /// Its state.
    pub state: StepState,
    /// Where its link goes; `None` shows it as plain text.
    pub href: Option<String>,
}

/// The numbered steps; reachable ones are links, locked ones plain text.
#[component]
pub fn Stepper(
    /// The steps in order.
    #[prop(into)]
    items: Signal<Vec<StepperItem>>,
) -> impl IntoView {
    let item_view = |item: StepperItem| {
        let StepperItem { step, state, href } = item;
        let class = format!("dwe-stepper__item dwe-stepper__item--{}", state.as_str());
        let marker = match state {
            StepState::Complete => "✓".to_owned(),
            _ => step.number().to_string(),
        };
        let body = view! {
            <span class="dwe-stepper__marker" aria-hidden="true">{marker}</span>
            <span class="dwe-stepper__title">{step.title()}</span>
            <span class="dwe-visually-hidden">{format!(", {}", state.spoken())}</span>
        };
        let content = match href {
            Some(href) => view! {
                <A href=href attr:class="dwe-stepper__link">
                    {body}
                </A>
            }
            .into_any(),
            None => view! { <span class="dwe-stepper__link">{body}</span> }.into_any(),
        };
        view! {
            <li
                class=class
                aria-current=(state == StepState::Current).then_some("step")
                data-testid=format!("stepper-{}", step.path().trim_start_matches('/'))
            >
                {content}
            </li>
        }
    };

    view! {
        <nav class="dwe-stepper" aria-label="Registration steps">
            <ol class="dwe-stepper__list">
                {move || items.get().into_iter().map(item_view).collect_view()}
            </ol>
        </nav>
    }
}
