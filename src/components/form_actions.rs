//! The submit and cancel buttons under a record form.

use leptos::prelude::*;

/// The form's submit button (disabled while its request runs, with a label saying so) and a
/// cancel button beside it.
#[component]
pub fn FormActions(
    /// The submit button's label, such as "Create identity".
    submit_label: &'static str,
    /// The label while the request runs, such as "Creating…".
    pending_label: &'static str,
    /// `data-testid` of the submit button.
    submit_test_id: &'static str,
    /// `data-testid` of the cancel button.
    cancel_test_id: &'static str,
    /// Whether the form's request is on its way.
    #[prop(into)]
    is_pending: Signal<bool>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="dwe-actions">
            <button
                type="submit"
                class="dwe-button dwe-button--primary"
                data-testid=submit_test_id
                disabled=move || is_pending.get()
            >
                {move || if is_pending.get() { pending_label } else { submit_label }}
            </button>
            <button
                type="button"
                class="dwe-button dwe-button--secondary"
                data-testid=cancel_test_id
                on:click=move |_| on_cancel.run(())
            >
                "Cancel"
            </button>
        </div>
    }
}
