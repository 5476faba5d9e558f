//! Step 7: follow DIDWW's review until it is decided and the service settles.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos::Params;
use leptos_router::params::Params;

use super::dids::numbers_for_reading;
use super::next_batch::NextBatch;
use crate::api::{
    get_calling_service, get_verification_with_service, load_submitted_choices, now_ms,
    requirement_for, sleep_ms, ApiError, Client, ResubmissionError,
};
use crate::components::{
    AnnouncerContext, BadgeTone, ErrorState, LoadingState, StatusBadge, StepHeading,
};
use crate::config::ConfigContext;
use crate::domain::monitoring::{
    is_overdue, next_watch, parse_utc_timestamp_ms, wait_visible_time, Watch,
};
use crate::locale::date_time;
use crate::model::{EmergencyCallingService, EmergencyVerification, VerificationStatus};
use crate::routing::{use_navigate, use_params, NavigateOptions, A};
use crate::state::{PastSubmission, WizardContext, WizardStep};
use crate::widget::events;

/// The route's parameters.
#[derive(Params, Debug, Clone, PartialEq, Eq)]
struct StatusParams {
    verification_id: Option<String>,
}

/// What the page knows about the registration.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    verification: EmergencyVerification,
    service: Option<EmergencyCallingService>,
    /// The requirement's estimated setup time, when known.
    estimate: Option<String>,
    /// When the snapshot was taken, to judge whether the review is overdue.
    taken_at_ms: u64,
}

impl Snapshot {
    /// What to do next: ask again later, or stop because nothing will change without the
    /// user or DIDWW acting again.
    fn watch(&self, attempt: u32) -> Watch {
        let service_status = self
            .service
            .as_ref()
            .and_then(|service| service.status.as_ref());
        next_watch(
            self.verification.status.as_ref(),
            service_status,
            attempt,
            self.waited_ms(),
        )
    }

    /// How long the registration has waited since it was submitted (0 when unknown).
    fn waited_ms(&self) -> u64 {
        self.submitted_ms()
            .map_or(0, |submitted| self.taken_at_ms.saturating_sub(submitted))
    }

    fn submitted_ms(&self) -> Option<u64> {
        self.verification
            .created_at
            .as_deref()
            .and_then(parse_utc_timestamp_ms)
    }

    /// True when the registration is still under way past the requirement's estimate.
    fn is_overdue(&self) -> bool {
        let (Some(submitted), Some(estimate)) = (self.submitted_ms(), &self.estimate) else {
            return false;
        };
        self.watch(0) != Watch::Stop && is_overdue(submitted, self.taken_at_ms, estimate)
    }

    /// One sentence for the live region.
    fn announcement(&self) -> String {
        let verification = self
            .verification
            .status
            .as_ref()
            .map_or("Unknown", |s| s.label());
        let service = self
            .service
            .as_ref()
            .and_then(|service| service.status.as_ref())
            .map_or("not created yet", |status| status.label());
        format!("Review: {verification}. Emergency calling service: {service}.")
    }
}

/// Loads the verification and its calling service, and keeps them fresh until the review is
/// decided and the service settled. Works from a direct link: the id in the URL is enough.
#[component]
pub fn StepStatus() -> impl IntoView {
    let config = ConfigContext::expect();
    let draft = WizardContext::expect();
    let params = use_params::<StatusParams>();
    let (snapshot, set_snapshot) = signal(None::<Result<Snapshot, ApiError>>);
    let (announcement, set_announcement) = signal(String::new());
    let (restarts, set_restarts) = signal(0_u32);
    let announcer = AnnouncerContext::expect();

    let verification_id = Memo::new(move |_| {
        params.with(|params| params.as_ref().ok().and_then(|p| p.verification_id.clone()))
    });

    // Each run cancels the previous loop: leaving the page, another id, new settings, retry.
    Effect::new(move |_| {
        restarts.track();
        let client = config.client();
        let Some(id) = verification_id.get() else {
            return;
        };
        set_snapshot.set(None);
        let known_estimate = draft
            .past_submission()
            .get_untracked()
            .filter(|past| past.verification_id == id)
            .and_then(|past| past.requirement)
            .and_then(|requirement| requirement.estimate_setup_time);
        spawn_local_scoped_with_cancellation(follow(
            client,
            id,
            known_estimate,
            set_snapshot,
            set_announcement,
        ));
    });

    // Each poll repeats the announcement; only a change of status is read out.
    let news = Memo::new(move |_| announcement.get());
    Effect::new(move |_| announcer.announce(news.get()));

    let content = move || match snapshot.get() {
        None => view! { <LoadingState message="Loading the registration…" /> }.into_any(),
        Some(Err(error)) => view! {
            <ErrorState error=error on_retry=move |_| set_restarts.update(|count| *count += 1) />
        }
        .into_any(),
        Some(Ok(snapshot)) => view! { <StatusDetails snapshot=snapshot /> }.into_any(),
    };

    view! {
        <section class="dwe-step" data-testid="step-status">
            <StepHeading
                title="Registration status"
                lead="DIDWW reviews every emergency registration. This page updates by itself."
            />
            {content}
            <NextBatch />
            <p class="dwe-step__footer-link">
                <A href=WizardStep::Dids.path() attr:data-testid="status-start-new">
                    "Register other numbers"
                </A>
            </p>
        </section>
    }
}

/// Polls until the snapshot settles; stops at once when its owner is cleaned up.
async fn follow(
    client: Result<Client, ApiError>,
    id: String,
    known_estimate: Option<String>,
    set_snapshot: WriteSignal<Option<Result<Snapshot, ApiError>>>,
    set_announcement: WriteSignal<String>,
) {
    let client = match client {
        Ok(client) => client,
        Err(error) => {
            set_snapshot.set(Some(Err(error)));
            return;
        }
    };
    let mut estimate = known_estimate;
    let mut attempt = 0;
    let mut has_shown = false;
    loop {
        let delay_ms = match load_snapshot(&client, &id, &mut estimate).await {
            Ok(snapshot) => {
                let watch = snapshot.watch(attempt);
                set_announcement.set(snapshot.announcement());
                set_snapshot.set(Some(Ok(snapshot)));
                has_shown = true;
                match watch {
                    Watch::Stop => return,
                    Watch::AskAgainIn(delay_ms) => delay_ms,
                }
            }
            // A passing outage never ends the watch: what is on screen stays (or the error
            // shows until the first answer arrives), and the loop tries again later.
            Err(error) if error.is_transient() => {
                log::warn!("status refresh failed: {error}");
                if !has_shown {
                    set_snapshot.set(Some(Err(error)));
                }
                crate::domain::monitoring::poll_delay_ms(attempt, 0)
            }
            Err(error) => {
                set_snapshot.set(Some(Err(error)));
                return;
            }
        };
        wait_for_next_poll(delay_ms).await;
        attempt += 1;
    }
}

/// How often a waiting status page checks whether it is due or visible again; checking
/// costs no request.
const VISIBILITY_CHECK_MS: u32 = 500;

/// Waits `delay_ms` of visible time, asking nothing while the tab is hidden and ending at
/// once when it shows again (see [`wait_visible_time`]).
async fn wait_for_next_poll(delay_ms: u32) {
    wait_visible_time(delay_ms, VISIBILITY_CHECK_MS, page_is_hidden, sleep_ms).await;
}

/// True when the page is in a background tab or a minimised window (Page Visibility API).
fn page_is_hidden() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.hidden())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// The estimated setup time of the requirement behind `service`: `Some("")` when there is
/// none to read, `None` when it could not be read now and is worth another try.
async fn setup_estimate(
    client: &Client,
    service: Option<&EmergencyCallingService>,
) -> Option<String> {
    let service = service?;
    // An included service may carry its relationships as links only; the service itself
    // names its country and number type.
    let fetched;
    let service = if service.country_id.is_some() && service.group_type_id.is_some() {
        service
    } else {
        fetched = match get_calling_service(client, &service.id).await {
            Ok(fetched) => fetched,
            Err(error) => {
                log::warn!("the requirement's setup time is unknown: {error}");
                return None;
            }
        };
        &fetched
    };
    let (Some(country), Some(group_type)) = (&service.country_id, &service.group_type_id) else {
        return Some(String::new());
    };
    match requirement_for(client, country, group_type).await {
        Ok(requirement) => Some(
            requirement
                .and_then(|requirement| requirement.estimate_setup_time)
                .unwrap_or_default(),
        ),
        Err(error) => {
            log::warn!("the requirement's setup time is unknown: {error}");
            None
        }
    }
}

async fn load_snapshot(
    client: &Client,
    id: &str,
    estimate: &mut Option<String>,
) -> Result<Snapshot, ApiError> {
    let (verification, included_service) = get_verification_with_service(client, id).await?;
    // The service normally arrives included; a server that leaves it out costs one more call.
    let service = match (included_service, &verification.calling_service_id) {
        (Some(service), _) => Some(service),
        (None, Some(service_id)) => Some(get_calling_service(client, service_id).await?),
        (None, None) => None,
    };
    // Opened from a link, the page does not know the requirement: its estimate is read once
    // through the service's country and number type. Without it the page still works.
    if estimate.is_none() {
        *estimate = setup_estimate(client, service.as_ref()).await;
    }
    Ok(Snapshot {
        verification,
        service,
        estimate: estimate.clone().filter(|estimate| !estimate.is_empty()),
        taken_at_ms: now_ms().max(0.0) as u64,
    })
}

#[component]
fn StatusDetails(snapshot: Snapshot) -> impl IntoView {
    let draft = WizardContext::expect();
    let navigate = use_navigate();
    let is_overdue = snapshot.is_overdue();
    let Snapshot {
        verification,
        service,
        estimate,
        ..
    } = snapshot;

    let verification_status = verification.status.clone();
    let service_status = service.as_ref().and_then(|service| service.status.clone());
    events::status_changed(
        &verification.id,
        verification_status.as_ref(),
        service_status.as_ref(),
    );
    let verification_label = verification_status
        .as_ref()
        .map_or("Unknown", |status| status.label())
        .to_owned();
    let service_label = service_status
        .as_ref()
        .map_or("Not created yet", |status| status.label())
        .to_owned();
    let verification_tone = BadgeTone::of_verification(verification_status.as_ref());
    let service_tone = BadgeTone::of_service(service_status.as_ref());
    let past = draft
        .past_submission()
        .get_untracked()
        .filter(|past| past.verification_id == verification.id);
    let numbers = match &past {
        Some(past) => numbers_for_reading(&past.dids),
        // Opened by link: the numbers DIDWW included with the verification (a correction
        // names only its service, which then holds them).
        None => {
            let included = if verification.did_numbers.is_empty() {
                service
                    .as_ref()
                    .map(|service| service.did_numbers.clone())
                    .unwrap_or_default()
            } else {
                verification.did_numbers.clone()
            };
            match (included.is_empty(), verification.did_ids.len()) {
                (false, _) => included.join(", "),
                (true, 1) => "1 number".to_owned(),
                (true, count) => format!("{count} numbers"),
            }
        }
    };
    let setup_time = estimate;
    let is_rejected = matches!(verification_status, Some(VerificationStatus::Rejected));
    let explanation = explain(&verification_status, service.as_ref());
    let verification_id = verification.id.clone();
    let reference = verification
        .reference
        .clone()
        .unwrap_or_else(|| "Not assigned yet".to_owned());
    let locale = ConfigContext::expect().config_untracked().locale;
    let submitted = verification.created_at.as_deref().map_or_else(
        || "Unknown".to_owned(),
        |iso| {
            locale
                .as_deref()
                .and_then(|locale| date_time(iso, locale))
                .unwrap_or_else(|| readable_time(iso))
        },
    );

    // DIDWW takes the correction of a rejected registration as a new verification for the
    // existing calling service, which still holds the numbers.
    let rejected_service_id = verification.calling_service_id.clone();
    let (resubmit_problem, set_resubmit_problem) = signal(None::<String>);
    let (is_reading_back, set_reading_back) = signal(false);
    let on_resubmit = move |_| {
        if draft.restore_for_resubmission(&verification_id, rejected_service_id.clone()) {
            navigate(WizardStep::Identity.path(), NavigateOptions::default());
            return;
        }

        // Another page submitted it (or this one was reloaded): DIDWW still knows the
        // numbers, address and identity, so read them back rather than start from nothing.
        let client = ConfigContext::expect().client();
        let verification_id = verification_id.clone();
        let service_id = rejected_service_id.clone();
        let navigate = navigate.clone();
        set_resubmit_problem.set(None);
        set_reading_back.set(true);
        spawn_local_scoped_with_cancellation(async move {
            let loaded = match &client {
                Ok(client) => load_submitted_choices(client, &verification_id).await,
                Err(error) => Err(ResubmissionError::Api(error.clone())),
            };
            set_reading_back.set(false);
            match loaded {
                Ok(choices) => {
                    let past = PastSubmission {
                        verification_id,
                        dids: choices.dids,
                        requirement: Some(choices.requirement),
                        identity: Some(choices.identity),
                        address: Some(choices.address),
                    };
                    draft.restore_submission(past, service_id);
                    navigate(WizardStep::Identity.path(), NavigateOptions::default());
                }
                Err(problem) => set_resubmit_problem.set(Some(problem.message())),
            }
        });
    };

    view! {
        <div class="dwe-status__badges">
            <div class="dwe-status__badge-row">
                <span class="dwe-status__badge-label">"Review"</span>
                <StatusBadge
                    tone=verification_tone
                    label=verification_label
                    test_id="status-badge-verification"
                />
            </div>
            <div class="dwe-status__badge-row">
                <span class="dwe-status__badge-label">"Emergency calling service"</span>
                <StatusBadge tone=service_tone label=service_label test_id="status-badge-service" />
            </div>
        </div>
        <p class="dwe-status__explanation" data-testid="status-explanation">{explanation}</p>
        {is_overdue
            .then(|| {
                let estimate = setup_time.clone().unwrap_or_default();
                view! {
                    <div class="dwe-notice dwe-notice--warning" data-testid="status-overdue">
                        <p class="dwe-notice__title">"This is taking longer than estimated"</p>
                        <p>
                            {format!(
                                "DIDWW estimates {estimate} for this kind of number. The \
                                 registration is still being processed; if it stays like this, \
                                 contact your DIDWW account manager or provider with the \
                                 reference below."
                            )}
                        </p>
                    </div>
                }
            })}
        <dl class="dwe-summary-list">
            <div class="dwe-summary-list__row">
                <dt>"Reference"</dt>
                <dd data-testid="status-reference">
                    {reference}
                </dd>
            </div>
            <div class="dwe-summary-list__row">
                <dt>"Submitted"</dt>
                <dd data-testid="status-submitted">
                    {submitted}
                </dd>
            </div>
            <div class="dwe-summary-list__row">
                <dt>"Numbers"</dt>
                <dd>{numbers}</dd>
            </div>
            {setup_time
                .map(|time| {
                    view! {
                        <div class="dwe-summary-list__row">
                            <dt>"Estimated setup time"</dt>
                            <dd data-testid="status-setup-time">{time}</dd>
                        </div>
                    }
                })}
            {service
                .as_ref()
                .and_then(|service| service.name.clone())
                .map(|name| {
                    view! {
                        <div class="dwe-summary-list__row">
                            <dt>"Service"</dt>
                            <dd>{name}</dd>
                        </div>
                    }
                })}
        </dl>
        {is_rejected
            .then(|| {
                let reasons = verification.reject_reasons.clone();
                let comment = verification.reject_comment.clone();
                view! {
                    <div class="dwe-notice dwe-notice--danger" data-testid="status-reject-reasons">
                        <p class="dwe-notice__title">"Why DIDWW rejected it"</p>
                        {if reasons.is_empty() {
                            view! { <p>"DIDWW gave no reason."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="dwe-notice__list">
                                    {reasons
                                        .into_iter()
                                        .map(|reason| view! { <li>{reason}</li> })
                                        .collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                        {comment
                            .map(|comment| {
                                view! {
                                    <p class="dwe-notice__comment">
                                        <strong>"Reviewer's comment: "</strong>
                                        {comment}
                                    </p>
                                }
                            })}
                        <button
                            type="button"
                            class="dwe-button dwe-button--primary"
                            data-testid="status-resubmit"
                            on:click=on_resubmit.clone()
                            disabled=move || is_reading_back.get()
                        >
                            {move || {
                                if is_reading_back.get() {
                                    "Loading the registration…"
                                } else {
                                    "Fix and resubmit"
                                }
                            }}
                        </button>
                        {move || {
                            resubmit_problem
                                .get()
                                .map(|problem| {
                                    view! {
                                        <p
                                            class="dwe-notice__problem"
                                            role="alert"
                                            data-testid="status-resubmit-problem"
                                        >
                                            {problem}
                                        </p>
                                    }
                                })
                        }}
                    </div>
                }
            })}
    }
}

/// What the combination of statuses means for the user.
fn explain(
    verification: &Option<VerificationStatus>,
    service: Option<&EmergencyCallingService>,
) -> &'static str {
    use crate::model::ServiceStatus;
    let service_status = service.and_then(|service| service.status.as_ref());
    match (verification, service_status) {
        (_, Some(ServiceStatus::Canceled)) => {
            "The emergency calling service was canceled. Emergency calling does not work for \
             these numbers."
        }
        (Some(VerificationStatus::Approved), Some(ServiceStatus::Active)) => {
            "Approved. Emergency calling is active for these numbers."
        }
        (Some(VerificationStatus::Approved), _) => {
            "Approved. DIDWW is activating the emergency calling service; this can take a while."
        }
        (Some(VerificationStatus::Rejected), _) => {
            "Rejected. Correct what DIDWW asked for, then submit again."
        }
        (Some(VerificationStatus::Pending), _) => {
            "Submitted. DIDWW's emergency team is reviewing it. Emergency calling is not active \
             yet."
        }
        _ => "DIDWW reported a status this page does not know; it is shown as received.",
    }
}

/// `2026-04-21T08:10:43.079Z` as `2026-04-21 08:10 UTC`; anything else as received.
pub(super) fn readable_time(iso: &str) -> String {
    let bytes = iso.as_bytes();
    let is_utc_stamp = bytes.len() >= 17 && bytes[10] == b'T' && iso.ends_with('Z');
    match (is_utc_stamp, iso.get(..10), iso.get(11..16)) {
        (true, Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamps_read_as_date_and_minutes() {
        assert_eq!(
            readable_time("2026-04-21T08:10:43.079Z"),
            "2026-04-21 08:10 UTC"
        );
        assert_eq!(
            readable_time("2026-04-21T08:10:43+02:00"),
            "2026-04-21T08:10:43+02:00"
        );
        assert_eq!(readable_time("soon"), "soon");
    }
}
