//! Step 6: submit the emergency verification, exactly once.

use leptos::html;
use leptos::prelude::*;

use super::dids::numbers_for_reading;
use crate::api::{
    create_verification, find_verification_by_reference, get_identity, now_ms, sleep_ms, ApiError,
    Client, NewVerification,
};
use crate::components::{
    format_number, BlockedStep, ErrorSummary, FormField, SelectOption, StepHeading, SummaryEntry,
};
use crate::config::ConfigContext;
use crate::domain::attempt::submit_exactly_once;
use crate::domain::problems::{problems_from_api_error, Problem, ProblemTarget};
use crate::domain::submission::{
    check_callback, check_partner_reference, did_needing_its_own_identity, new_attempt_reference,
};
use crate::model::{Did, EmergencyVerification};
use crate::routing::{use_navigate, use_query_map, NavigateOptions};
use crate::state::{CompleteChoices, WizardContext, WizardStep};
use crate::widget::events;

/// The form's own fields, for routing server errors.
const CALLBACK_FIELDS: [&str; 2] = ["callback_url", "callback_method"];

/// Sums up what will be submitted, takes an optional callback, and submits the verification
/// with protection against double submission and lost answers.
#[component]
pub fn StepSubmit() -> impl IntoView {
    let draft = WizardContext::expect();
    let blocker = Memo::new(move |_| draft.blocker(WizardStep::Submit));

    view! {
        <section class="dwe-step" data-testid="step-submit">
            <StepHeading
                title="Submit for review"
                lead="DIDWW's emergency team reviews the registration. Emergency calling starts \
                      only once it is approved and the service is active."
            />
            {move || match blocker.get() {
                Some(blocker) => view! { <BlockedStep blocker=blocker /> }.into_any(),
                None => match draft.complete_choices() {
                    Some(choices) => view! { <SubmitForm choices=choices /> }.into_any(),
                    None => ().into_any(),
                },
            }}
        </section>
    }
}

#[component]
fn SubmitForm(choices: CompleteChoices) -> impl IntoView {
    let CompleteChoices {
        dids,
        requirement,
        identity,
        address,
    } = choices;
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let navigate = use_navigate();
    let query = use_query_map();
    let (problems, set_problems) = signal(Vec::<Problem>::new());
    let (locked_did, set_locked_did) = signal(None::<Did>);

    // The operator's default callback is proposed while the user has entered none.
    let defaults = config.config_untracked();
    if draft.callback_url().get_untracked().is_empty() && !defaults.callback_url.is_empty() {
        draft.set_callback_url(defaults.callback_url);
        draft.set_callback_method(defaults.callback_method);
    }
    let is_in_flight = StoredValue::new(false);
    let submit_button = NodeRef::<html::Button>::new();

    let summary_entries =
        Signal::derive(move || SummaryEntry::from_problems(&problems.get(), &CALLBACK_FIELDS));
    let field_error = move |name: &'static str| {
        Signal::derive(move || {
            problems.with(|problems| crate::components::field_error(problems, name))
        })
    };
    let method_options = Signal::stored(vec![
        SelectOption {
            value: "post".to_owned(),
            label: "POST".to_owned(),
        },
        SelectOption {
            value: "get".to_owned(),
            label: "GET".to_owned(),
        },
    ]);

    let submit_verification_action =
        Action::new_local(move |(verification, is_repeat): &(NewVerification, bool)| {
            let (verification, is_repeat) = (verification.clone(), *is_repeat);
            let client = config.client_untracked();
            async move { submit_once(client?, verification, is_repeat).await }
        });
    let is_pending = submit_verification_action.pending();

    // The identity a locked number requires is chosen for the user, then the identity step
    // opens so they can check it and pick one of its addresses.
    let navigate_to_identity = navigate.clone();
    let choose_required_identity_action = Action::new_local(move |did: &Option<Did>| {
        let did = did.clone();
        let client = config.client_untracked();
        let navigate = navigate_to_identity.clone();
        async move {
            let identity = match did.as_ref().and_then(|did| did.identity.clone()) {
                Some(identity) => Some(identity),
                None => match (client, did.and_then(|did| did.identity_id)) {
                    (Ok(client), Some(id)) => get_identity(&client, &id).await.ok(),
                    _ => None,
                },
            };
            if identity.is_some() {
                draft.choose_identity(identity);
            }
            navigate(WizardStep::Identity.path(), NavigateOptions::default());
        }
    });

    let numbers = dids.clone();
    Effect::new(move |_| match submit_verification_action.value().get() {
        Some(Ok(created)) => {
            let path = format!("{}/{}", WizardStep::Status.path(), created.id);
            events::submitted(&created.id, created.external_reference_id.as_deref());
            draft.finish_submission(created.id);
            navigate(&path, NavigateOptions::default());
        }
        Some(Err(error)) => {
            events::api_error(&error);
            is_in_flight.set_value(false);
            let locked = did_needing_its_own_identity(error.errors())
                .and_then(|id| numbers.iter().find(|did| did.id == id).cloned());
            set_locked_did.set(locked);
            set_problems.set(readable_problems(&error, &numbers));
        }
        None => {}
    });

    let address_id = address.id.clone();
    let did_ids: Vec<String> = dids.iter().map(|did| did.id.clone()).collect();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // Checked and set before anything else, so a double click or a second Enter cannot
        // send a second request while the first is on its way.
        if is_in_flight.get_value() {
            return;
        }
        let url = draft.callback_url().get_untracked();
        let method = draft.callback_method().get_untracked();
        let prefix = config.config_untracked().reference_prefix;
        let callback = match check_callback(&url, Some(&method)) {
            Ok(callback) => callback,
            Err(message) => {
                let field = if check_callback(&url, Some("post")).is_ok() {
                    "callback_method"
                } else {
                    "callback_url"
                };
                set_problems.set(vec![Problem {
                    target: ProblemTarget::Field(field.to_owned()),
                    message,
                }]);
                return;
            }
        };
        is_in_flight.set_value(true);
        if let Some(button) = submit_button.get_untracked() {
            button.set_disabled(true);
        }
        set_problems.set(Vec::new());
        set_locked_did.set(None);
        // A reference that already existed belongs to an earlier try of this attempt, whose
        // answer may have been lost: that try is looked for before anything is posted.
        let mut is_repeat = true;
        let external_reference_id = draft.attempt_reference(|| {
            is_repeat = false;
            // A partner that tracks registrations in its own system may name the attempt
            // (`?external_reference_id=` on this page); otherwise the app names it.
            let supplied = query.with_untracked(|query| query.get("external_reference_id"));
            match supplied.map(|supplied| check_partner_reference(&supplied)) {
                Some(Ok(reference)) => reference,
                Some(Err(problem)) => {
                    log::warn!("{problem}; the app names the attempt instead");
                    new_attempt_reference(&prefix, now_ms(), random_entropy())
                }
                None => new_attempt_reference(&prefix, now_ms(), random_entropy()),
            }
        });
        let verification = NewVerification {
            address_id: address_id.clone(),
            did_ids: did_ids.clone(),
            calling_service_id: draft.resubmitted_service().get_untracked(),
            callback,
            external_reference_id,
        };
        submit_verification_action.dispatch((verification, is_repeat));
    };

    let setup_time = requirement.estimate_setup_time.clone();
    // A number DIDWW refused is marked in the list of numbers, with the reason beside it.
    let refused_numbers = move || {
        let refused: Vec<(String, String)> = problems.with(|problems| {
            problems
                .iter()
                .filter_map(|problem| match &problem.target {
                    ProblemTarget::Did(id) => Some((id.clone(), problem.message.clone())),
                    _ => None,
                })
                .collect()
        });
        (!refused.is_empty()).then(|| {
            view! {
                <ul class="dwe-notice__list dwe-refused-numbers" data-testid="submit-refused-dids">
                    {refused
                        .into_iter()
                        .map(|(id, message)| {
                            view! {
                                <li
                                    class="dwe-refused-numbers__row"
                                    data-testid=format!("submit-did-{id}")
                                >
                                    <span aria-hidden="true">"✕ "</span>
                                    {message}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    view! {
        <dl class="dwe-summary-list" data-testid="submit-summary">
            <div class="dwe-summary-list__row">
                <dt>"Numbers"</dt>
                <dd>
                    {numbers_for_reading(&dids)}
                    {refused_numbers}
                </dd>
            </div>
            <div class="dwe-summary-list__row">
                <dt>"Identity"</dt>
                <dd>{identity.display_name()}</dd>
            </div>
            <div class="dwe-summary-list__row">
                <dt>"Address"</dt>
                <dd>{address.one_line()}</dd>
            </div>
            <div class="dwe-summary-list__row">
                <dt>"Price, per number"</dt>
                <dd>
                    {format!(
                        "{} setup, {} monthly",
                        requirement.setup_price.display(),
                        requirement.monthly_price.display()
                    )}
                </dd>
            </div>
            {setup_time
                .map(|time| {
                    view! {
                        <div class="dwe-summary-list__row">
                            <dt>"Estimated setup time"</dt>
                            <dd>{time}</dd>
                        </div>
                    }
                })}
        </dl>
        <form class="dwe-form" data-testid="submit-form" on:submit=on_submit novalidate>
            <ErrorSummary entries=summary_entries title="The registration was not submitted" />
            <Show when=move || locked_did.with(Option::is_some)>
                <div class="dwe-notice dwe-notice--warning" data-testid="submit-locked-identity">
                    <p>
                        "A number is tied to another identity through its end-user registration, \
                         so DIDWW accepts only that identity and one of its addresses."
                    </p>
                    <button
                        type="button"
                        class="dwe-button dwe-button--secondary"
                        data-testid="submit-fix-identity"
                        on:click=move |_| {
                            choose_required_identity_action.dispatch(locked_did.get_untracked());
                        }
                    >
                        "Choose the required identity"
                    </button>
                </div>
            </Show>
            <fieldset class="dwe-fieldset">
                <legend class="dwe-fieldset__legend">
                    "Status updates by callback (optional)"
                </legend>
                <FormField
                    name="callback_url"
                    label="Callback URL"
                    input_type="url"
                    hint="DIDWW calls this address when the review is approved or rejected. \
                          It must start with https://."
                    value=draft.callback_url()
                    error=field_error("callback_url")
                    on_input=move |url: String| draft.set_callback_url(url)
                    autocomplete="url"
                />
                <FormField
                    name="callback_method"
                    label="Callback method"
                    hint="Needed when a callback URL is set."
                    value=draft.callback_method()
                    error=field_error("callback_method")
                    options=Some(method_options)
                    on_input=move |method: String| draft.set_callback_method(method)
                />
            </fieldset>
            <div class="dwe-actions dwe-actions--end">
                <button
                    type="submit"
                    class="dwe-button dwe-button--primary"
                    data-testid="submit-verification"
                    node_ref=submit_button
                    disabled=move || is_pending.get()
                >
                    {move || if is_pending.get() { "Submitting…" } else { "Submit registration" }}
                </button>
            </div>
        </form>
    }
}

/// Sends the verification exactly once (see [`submit_exactly_once`]); `is_repeat` says an
/// earlier try of the same attempt may have landed, so it is looked up before any `POST`.
async fn submit_once(
    client: Client,
    verification: NewVerification,
    is_repeat: bool,
) -> Result<EmergencyVerification, ApiError> {
    let reference = verification.external_reference_id.clone();
    submit_exactly_once(
        is_repeat,
        || create_verification(&client, &verification),
        || find_verification_by_reference(&client, &reference),
        sleep_ms,
    )
    .await
    .map_err(|failure| failure.error)
}

/// The submission's problems in plain words: a refused number is named by its number, and a
/// missing emergency plan is explained.
fn readable_problems(error: &ApiError, dids: &[Did]) -> Vec<Problem> {
    if matches!(error, ApiError::Forbidden(_)) {
        return vec![Problem {
            target: ProblemTarget::Summary,
            message: "DIDWW refused the registration because this account has no emergency \
                      calling plan. Contact your DIDWW account manager or provider to add one, \
                      then submit again."
                .to_owned(),
        }];
    }
    problems_from_api_error(error, &CALLBACK_FIELDS)
        .into_iter()
        .map(|problem| match &problem.target {
            ProblemTarget::Did(id) => {
                let did = dids.iter().find(|did| &did.id == id);
                let number = did.map_or_else(
                    || "A selected number".to_owned(),
                    |did| {
                        let prefix = did.country.as_ref().and_then(|c| c.prefix.as_deref());
                        format_number(&did.number, prefix)
                    },
                );
                // DIDWW repeats the pointer ("dids/<id> - ") at the start of the detail.
                let message = problem
                    .message
                    .split_once(" - ")
                    .filter(|(head, _)| head.contains(id.as_str()))
                    .map_or(problem.message.as_str(), |(_, rest)| rest);
                Problem {
                    target: problem.target.clone(),
                    message: format!("{number}: {message}"),
                }
            }
            _ => problem,
        })
        .collect()
}

/// A random number for the attempt reference (not for security: it only keeps references
/// of attempts made in the same millisecond apart).
fn random_entropy() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (now_ms() as u64 % u64::from(u32::MAX)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonapi::ErrorObject;

    fn did(id: &str, number: &str) -> Did {
        Did {
            id: id.to_owned(),
            number: number.to_owned(),
            ..Did::default()
        }
    }

    fn summary_text(error: &ApiError) -> String {
        let problems = readable_problems(error, &[]);
        assert!(problems
            .iter()
            .all(|problem| problem.target == ProblemTarget::Summary));
        problems
            .into_iter()
            .map(|problem| problem.message)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_refused_number_is_named_by_its_number_and_marks_its_row() {
        let refusal = ErrorObject::validation(
            422,
            "/data/relationships/dids/did-1",
            "is already assigned to another Emergency Calling Service",
            "dids/did-1 - is already assigned to another Emergency Calling Service",
        );

        let problems = readable_problems(
            &ApiError::Validation(vec![refusal]),
            &[did("did-1", "12125550123")],
        );

        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].target, ProblemTarget::Did("did-1".to_owned()));
        assert!(
            problems[0]
                .message
                .ends_with(": is already assigned to another Emergency Calling Service"),
            "{}",
            problems[0].message
        );
        assert!(!problems[0].message.contains("dids/did-1"));
    }

    #[test]
    fn refusals_and_failures_read_in_plain_words_with_what_to_do() {
        let cases = [
            (ApiError::Forbidden(Vec::new()), "no emergency calling plan"),
            (ApiError::Unauthorized, "API key"),
            (
                ApiError::RateLimited {
                    retry_after_seconds: Some(3),
                },
                "wait 3 seconds",
            ),
            (ApiError::Server { status: 503 }, "try again"),
            (ApiError::Network("offline".to_owned()), "try again"),
            (ApiError::Timeout, "try again"),
        ];
        for (error, expected) in cases {
            let text = summary_text(&error).to_lowercase();
            assert!(text.contains(&expected.to_lowercase()), "{error:?}: {text}");
        }
    }
}
