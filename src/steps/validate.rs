//! Step 5: let DIDWW check the identity and address against the requirement.

use leptos::prelude::*;

use super::dids::{numbers_for_reading, place_for_reading};
use crate::api::{validate_requirement, ApiError};
use crate::components::{AnnouncerContext, AppRoot, BlockedStep, ErrorState, StepHeading};
use crate::config::ConfigContext;
use crate::domain::form::FieldKey;
use crate::domain::problems::problems_from_api_error;
use crate::domain::validation::{route_objections, FixStep, Objection};
use crate::routing::{use_navigate, NavigateOptions, A};
use crate::state::{CompleteChoices, WizardContext, WizardStep};

/// Sums up the choices and asks DIDWW whether identity and address meet the requirement.
#[component]
pub fn StepValidate() -> impl IntoView {
    let draft = WizardContext::expect();
    let blocker = Memo::new(move |_| draft.blocker(WizardStep::Validate));

    view! {
        <section class="dwe-step" data-testid="step-validate">
            <StepHeading
                title="Validate with DIDWW"
                lead="DIDWW checks the identity and address against the requirement before \
                      anything is submitted. Nothing is registered by this check."
            />
            {move || match blocker.get() {
                Some(blocker) => view! { <BlockedStep blocker=blocker /> }.into_any(),
                None => match draft.complete_choices() {
                    Some(choices) => view! { <Review choices=choices /> }.into_any(),
                    None => ().into_any(),
                },
            }}
        </section>
    }
}

#[component]
fn Review(choices: CompleteChoices) -> impl IntoView {
    let CompleteChoices {
        dids,
        requirement,
        identity,
        address,
    } = choices;
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let navigate = use_navigate();

    let ids = (
        requirement.id.clone(),
        identity.id.clone(),
        address.id.clone(),
    );
    let validate_requirement_action = Action::new_local(move |_: &()| {
        let (requirement_id, identity_id, address_id) = ids.clone();
        let client = config.client_untracked();
        async move {
            let client = client?;
            validate_requirement(&client, &requirement_id, &identity_id, &address_id).await
        }
    });
    let is_pending = validate_requirement_action.pending();

    Effect::new(move |_| {
        if let Some(result) = validate_requirement_action.value().get() {
            draft.set_validated(result.is_ok());
            announce_outcome(announcer, &result);
        }
    });

    let on_continue = move |_| {
        if draft.is_validated().get_untracked() {
            navigate(WizardStep::Submit.path(), NavigateOptions::default());
        }
    };

    let result_view = move || {
        if is_pending.get() {
            return view! { <p class="dwe-state dwe-state--loading">"Checking with DIDWW…"</p> }
                .into_any();
        }
        match validate_requirement_action.value().get() {
            Some(Err(error)) => failure_view(error, validate_requirement_action).into_any(),
            _ if draft.is_validated().get() => view! {
                <div class="dwe-notice dwe-notice--success">
                    <p class="dwe-notice__title">
                        <span aria-hidden="true">"✓ "</span>
                        "The identity and address meet the requirement."
                    </p>
                    <p>"Next, submit them to DIDWW for review."</p>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };

    let place = place_for_reading(&dids).unwrap_or_else(|| "Not known".to_owned());
    view! {
        <dl class="dwe-summary-list" data-testid="validate-summary">
            <SummaryRow label="Numbers" value=numbers_for_reading(&dids) step=WizardStep::Dids />
            <SummaryRow label="Requirement" value=place step=WizardStep::Requirement />
            <SummaryRow label="Identity" value=identity.display_name() step=WizardStep::Identity />
            <SummaryRow label="Address" value=address.one_line() step=WizardStep::Address />
        </dl>
        <div class="dwe-actions">
            <button
                type="button"
                class="dwe-button dwe-button--secondary"
                data-testid="validate-run"
                // Marked busy rather than disabled, so the button keeps keyboard focus.
                aria-disabled=move || is_pending.get().then_some("true")
                on:click=move |_| {
                    if !is_pending.get_untracked() {
                        validate_requirement_action.dispatch(());
                    }
                }
            >
                "Check with DIDWW"
            </button>
        </div>
        <div class="dwe-result" data-testid="validate-result">
            {result_view}
        </div>
        <div class="dwe-actions dwe-actions--end">
            <button
                type="button"
                class="dwe-button dwe-button--primary"
                data-testid="validate-continue"
                disabled=move || !draft.is_validated().get()
                on:click=on_continue
            >
                "Continue"
            </button>
        </div>
    }
}

/// One row of the summary, with a link to change it.
#[component]
fn SummaryRow(label: &'static str, value: String, step: WizardStep) -> impl IntoView {
    view! {
        <div class="dwe-summary-list__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd class="dwe-summary-list__action">
                <A href=step.path()>
                    "Change"
                    <span class="dwe-visually-hidden">{format!(" {}", label.to_lowercase())}</span>
                </A>
            </dd>
        </div>
    }
}

/// Reads the check's outcome out through the live region; other failures show as an alert.
fn announce_outcome(announcer: AnnouncerContext, result: &Result<(), ApiError>) {
    match result {
        Ok(()) => announcer
            .announce("The identity and address meet the requirement. Next, submit them to DIDWW."),
        Err(error @ ApiError::Validation(_)) => {
            let problems = problems_from_api_error(error, &[])
                .into_iter()
                .map(|problem| problem.message)
                .collect::<Vec<_>>()
                .join(" ");
            announcer.announce(format!(
                "DIDWW found problems with the identity or address: {problems}"
            ));
        }
        Err(_) => {}
    }
}

/// DIDWW's objections, each as it was sent, with the way back to the step (and the field,
/// when the objection names one) that fixes it. Everything typed stays in the draft.
fn failure_view(error: ApiError, action: Action<(), Result<(), ApiError>>) -> impl IntoView {
    if !matches!(error, ApiError::Validation(_)) {
        return view! { <ErrorState error=error on_retry=move |_| { action.dispatch(()); } /> }
            .into_any();
    }
    let objections = route_objections(error.errors());
    view! {
        <div class="dwe-notice dwe-notice--danger" data-testid="validate-problems">
            <p class="dwe-notice__title">"DIDWW found problems with the identity or address:"</p>
            <ul class="dwe-notice__list">
                {objections.into_iter().enumerate().map(objection_view).collect_view()}
            </ul>
            <p class="dwe-notice__links">
                <A href=WizardStep::Identity.path() attr:data-testid="validate-fix-identity">
                    "Review the identity"
                </A>
                " · "
                <A href=WizardStep::Address.path() attr:data-testid="validate-fix-address">
                    "Review the address"
                </A>
            </p>
        </div>
    }
    .into_any()
}

/// One objection: the field it names, DIDWW's words, and a link to where it is fixed.
fn objection_view((index, objection): (usize, Objection)) -> impl IntoView {
    let step = match objection.step {
        FixStep::Identity => Some(WizardStep::Identity),
        FixStep::Address => Some(WizardStep::Address),
        FixStep::Summary => None,
    };
    let field = objection.field;
    let prefix = field.map(|key| format!("{}: ", key.label()));
    let link = step.map(|step| {
        let href = match field {
            Some(key) => format!("{}#field-{}", step.path(), key.api_name()),
            None => step.path().to_owned(),
        };
        let words = match (step, field) {
            (_, Some(key)) => format!("Fix {}", key.label().to_lowercase()),
            (WizardStep::Identity, None) => "Fix the identity".to_owned(),
            _ => "Fix the address".to_owned(),
        };
        view! {
            " "
            <A
                href=href
                on:click=move |_| focus_field_soon(field)
                attr:data-testid=format!("validate-fix-{index}")
            >
                {words}
            </A>
        }
    });
    view! {
        <li data-testid=format!("validate-problem-{index}")>
            {prefix.map(|prefix| view! { <strong>{prefix}</strong> })}
            {objection.message}
            {link}
        </li>
    }
}

/// Moves focus to the field once the step it belongs to has rendered, so the user lands on
/// what to correct; when that step shows no such field (an existing record is chosen), the
/// step itself is where they land.
fn focus_field_soon(field: Option<FieldKey>) {
    let Some(key) = field else {
        return;
    };
    let id = format!("field-{}", key.api_name());
    // The root is read now: the timer runs outside the component that asked.
    let root = AppRoot::current();
    set_timeout(
        move || {
            #[cfg(target_arch = "wasm32")]
            AppRoot::focus_by_id(root, &id);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (root, id);
        },
        std::time::Duration::from_millis(150),
    );
}
