//! What an instance tells its host page: bubbling, composed `CustomEvent`s dispatched on the
//! `<didww-emergency>` element (on the standalone page, on the document).
//!
//! | event | `detail` |
//! |---|---|
//! | `didww:ready` | `{mode}`: `"live"`, `"demo"` or `"unconfigured"` |
//! | `didww:step-change` | `{step, number, path}` |
//! | `didww:submitted` | `{verification_id, external_reference}` |
//! | `didww:status-change` | `{verification_id, verification_status, service_status}` |
//! | `didww:error` | `{kind, message}` |
//! | `didww:exit` | `{}` |
//!
//! Every function here is one call for a step to make; each finds its instance's host
//! through context, so two widgets on one page each hear only their own events.

use leptos::prelude::*;
use serde_json::{json, Value};

use crate::api::ApiError;
use crate::config::Mode;
use crate::model::{ServiceStatus, VerificationStatus};
use crate::state::WizardStep;

/// Where an instance's events go, and what it last reported.
#[derive(Debug, Clone, Copy)]
pub struct HostEvents {
    target: StoredValue<Option<web_sys::EventTarget>, LocalStorage>,
    last_status: StoredValue<Option<Value>>,
    last_step: StoredValue<Option<WizardStep>>,
    has_announced_ready: StoredValue<bool>,
}

impl HostEvents {
    /// Sends this instance's events to `target` (the custom element), or to the document
    /// when `None`.
    pub fn provide(target: Option<web_sys::EventTarget>) {
        provide_context(Self {
            target: StoredValue::new_local(target),
            last_status: StoredValue::new(None),
            last_step: StoredValue::new(None),
            has_announced_ready: StoredValue::new(false),
        });
    }

    fn dispatch(&self, name: &str, detail: Value) {
        dispatch(self.target.get_value(), name, &detail);
    }
}

/// True inside a `<didww-emergency>` element, where the host page hears the events.
pub fn is_embedded() -> bool {
    use_context::<HostEvents>().is_some_and(|events| events.target.with_value(Option::is_some))
}

/// The instance is configured and shows its first step (sent once).
pub fn ready(mode: Mode) {
    let Some(events) = use_context::<HostEvents>() else {
        return;
    };
    if events.has_announced_ready.get_value() {
        return;
    }
    events.has_announced_ready.set_value(true);
    let mode = match mode {
        Mode::Live => "live",
        Mode::Demo => "demo",
        Mode::Unconfigured => "unconfigured",
    };
    events.dispatch("didww:ready", json!({ "mode": mode }));
}

/// Another step shows; sent only when it differs from the last one reported.
pub fn step_changed(step: WizardStep) {
    let Some(events) = use_context::<HostEvents>() else {
        return;
    };
    if events.last_step.get_value() == Some(step) {
        return;
    }
    events.last_step.set_value(Some(step));
    events.dispatch(
        "didww:step-change",
        json!({
            "step": step.path().trim_start_matches('/'),
            "number": step.number(),
            "path": step.path(),
        }),
    );
}

/// DIDWW accepted the emergency verification.
pub fn submitted(verification_id: &str, external_reference: Option<&str>) {
    send(
        "didww:submitted",
        json!({
            "verification_id": verification_id,
            "external_reference": external_reference,
        }),
    );
}

/// The verification or its calling service shows a status; sent only when it differs from
/// the last one reported.
pub fn status_changed(
    verification_id: &str,
    verification: Option<&VerificationStatus>,
    service: Option<&ServiceStatus>,
) {
    let Some(events) = use_context::<HostEvents>() else {
        return;
    };
    let detail = json!({
        "verification_id": verification_id,
        "verification_status": verification.map(VerificationStatus::as_str),
        "service_status": service.map(ServiceStatus::as_str),
    });
    if events
        .last_status
        .with_value(|last| last.as_ref() == Some(&detail))
    {
        return;
    }
    events.last_status.set_value(Some(detail.clone()));
    events.dispatch("didww:status-change", detail);
}

/// Something failed and the user was told; `kind` names the class of failure.
pub fn error(kind: &str, message: &str) {
    send("didww:error", json!({ "kind": kind, "message": message }));
}

/// An API failure the user was shown.
pub fn api_error(error: &ApiError) {
    // A read cancelled because the user left its step is no failure the host must hear of.
    if matches!(error, ApiError::Aborted) {
        return;
    }
    self::error(error_kind(error), &error.message());
}

/// What to call when the user asks to leave the registration; made where the context is
/// at hand, so that it works from a click handler.
pub fn exit_sender() -> impl Fn() + Copy + 'static {
    let events = use_context::<HostEvents>();
    move || {
        if let Some(events) = events {
            events.dispatch("didww:exit", json!({}));
        }
    }
}

fn send(name: &str, detail: Value) {
    if let Some(events) = use_context::<HostEvents>() {
        events.dispatch(name, detail);
    }
}

/// The `kind` of an API failure in the `didww:error` event.
pub fn error_kind(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network(_) => "network",
        ApiError::Timeout => "timeout",
        ApiError::Aborted => "aborted",
        ApiError::Unauthorized => "unauthorized",
        ApiError::Forbidden(_) => "forbidden",
        ApiError::NotFound(_) => "not_found",
        ApiError::Validation(_) => "validation",
        ApiError::RateLimited { .. } => "rate_limited",
        ApiError::Refused { .. } => "refused",
        ApiError::Server { .. } => "server",
        ApiError::UnexpectedResponse { .. } => "unexpected_response",
        ApiError::Configuration(_) => "configuration",
        ApiError::DemoUnavailable(_) => "demo_unavailable",
    }
}

#[cfg(target_arch = "wasm32")]
fn dispatch(target: Option<web_sys::EventTarget>, name: &str, detail: &Value) {
    use wasm_bindgen::JsCast;

    let target = match target {
        Some(target) => target,
        None => match web_sys::window().and_then(|window| window.document()) {
            Some(document) => document.unchecked_into(),
            None => return,
        },
    };
    // The detail crosses as plain JSON, so host pages read ordinary objects.
    let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(wasm_bindgen::JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => {
            let _ = target.dispatch_event(&event);
        }
        Err(_) => log::error!("the browser refused to create the {name} event"),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn dispatch(_target: Option<web_sys::EventTarget>, name: &str, detail: &Value) {
    log::debug!("{name}: {detail}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_failures_have_a_stable_kind() {
        assert_eq!(error_kind(&ApiError::Unauthorized), "unauthorized");
        assert_eq!(
            error_kind(&ApiError::RateLimited {
                retry_after_seconds: None
            }),
            "rate_limited"
        );
        assert_eq!(error_kind(&ApiError::Server { status: 502 }), "server");
    }

    #[test]
    fn a_status_is_reported_once_until_it_changes() {
        let owner = Owner::new();
        owner.set();
        HostEvents::provide(None);
        let events = use_context::<HostEvents>().expect("provided above");

        status_changed("v1", Some(&VerificationStatus::Pending), None);
        let first = events.last_status.get_value();
        status_changed("v1", Some(&VerificationStatus::Pending), None);
        assert_eq!(events.last_status.get_value(), first);
        status_changed("v1", Some(&VerificationStatus::Approved), None);
        let last = events.last_status.get_value().expect("a status was sent");
        assert_eq!(last["verification_status"], "approved");
    }
}
