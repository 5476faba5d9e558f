//! Step 6: submit the emergency verification, exactly once.

use leptos::html;
use leptos::prelude::*;

use super::dids::numbers_for_reading;
use crate::api::{
    create_verification, find_verification_by_reference, now_ms, sleep_ms, ApiError, Client,
    NewVerification,
};
use crate::components::{
    format_number, BlockedStep, ErrorSummary, FormField, SelectOption, StepHeading, SummaryEntry,
};
use crate::config::ConfigContext;
use crate::domain::problems::{problems_from_api_error, Problem, ProblemTarget};
use crate::domain::submission::{check_callback, new_attempt_reference, poll_delay_ms};
use crate::model::{Did, EmergencyVerification};
use crate::routing::{use_navigate, NavigateOptions, A};
use crate::state::{CompleteChoices, WizardContext, WizardStep};
use crate::widget::events;

/// The form's own fields, for routing server errors.
const CALLBACK_FIELDS: [&str; 2] = ["callback_url", "callback_method"];
/// How many times a POST whose answer was lost is sent again after checking it did not land.
const MAX_RESENDS: u32 = 2;

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
    let (problems, set_problems) = signal(Vec::<Problem>::new());

    // The operator's default callback is proposed while the user has entered none.
    let defaults = config.config_untracked();
    if draft.callback_url().get_untracked().is_empty() && !defaults.callback_url.is_empty() {
        draft.set_callback_url(defaults.callback_url);
        draft.set_callback_method(defaults.callback_method);
    }
    let (needs_locked_identity, set_needs_locked_identity) = signal(false);
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

    let submit_verification_action = Action::new_local(move |verification: &NewVerification| {
        let verification = verification.clone();
        let client = config.client_untracked();
        async move { submit_once(client?, verification).await }
    });
    let is_pending = submit_verification_action.pending();

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
            set_needs_locked_identity.set(mentions_locked_identity(&error));
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
        set_needs_locked_identity.set(false);
        let external_reference_id =
            draft.attempt_reference(|| new_attempt_reference(&prefix, now_ms(), random_entropy()));
        submit_verification_action.dispatch(NewVerification {
            address_id: address_id.clone(),
            did_ids: did_ids.clone(),
            calling_service_id: draft.resubmitted_service().get_untracked(),
            callback,
            external_reference_id,
        });
    };

    let setup_time = requirement.estimate_setup_time.clone();
    view! {
        <dl class="dwe-summary-list" data-testid="submit-summary">
            <div class="dwe-summary-list__row">
                <dt>"Numbers"</dt>
                <dd>{numbers_for_reading(&dids)}</dd>
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
            <Show when=move || needs_locked_identity.get()>
                <div class="dwe-notice dwe-notice--warning" data-testid="submit-locked-identity">
                    <p>
                        "A number is tied to another identity through its end-user registration, \
                         so DIDWW accepts only that identity and one of its addresses."
                    </p>
                    <A href=WizardStep::Identity.path() attr:data-testid="submit-fix-identity">
                        "Choose the required identity"
                    </A>
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

/// Sends the verification; when the answer is lost, looks for it by the attempt's reference
/// and sends again only if DIDWW has no record of it.
async fn submit_once(
    client: Client,
    verification: NewVerification,
) -> Result<EmergencyVerification, ApiError> {
    let mut resends = 0;
    loop {
        let error = match create_verification(&client, &verification).await {
            Ok(created) => return Ok(created),
            Err(error) if answer_was_lost(&error) => error,
            Err(error) => return Err(error),
        };
        log::warn!("verification answer lost ({error}); looking it up by reference");
        match find_verification_by_reference(&client, &verification.external_reference_id).await {
            Ok(Some(found)) => return Ok(found),
            Ok(None) if resends < MAX_RESENDS => {
                resends += 1;
                sleep_ms(poll_delay_ms(resends)).await;
            }
            // Without a clear "not created", sending again could register twice.
            Ok(None) | Err(_) => return Err(error),
        }
    }
}

/// True when the request may have reached DIDWW although no usable answer came back.
fn answer_was_lost(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Timeout
            | ApiError::Network(_)
            | ApiError::Server { .. }
            | ApiError::UnexpectedResponse { .. }
    )
}

/// True when DIDWW refused because a number is tied to another identity.
fn mentions_locked_identity(error: &ApiError) -> bool {
    error
        .errors()
        .iter()
        .filter_map(|error| error.message())
        .any(|message| {
            message
                .to_lowercase()
                .contains("can be used only with identity")
        })
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
