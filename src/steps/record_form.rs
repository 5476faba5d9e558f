//! The submit cycle the identity and address forms share: check the typed values against the
//! requirement's form, send the record once, and put the server's objections on the fields.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{ApiError, Client};
use crate::components::{SelectOption, SummaryEntry};
use crate::config::ConfigContext;
use crate::domain::form::{check_form, FormSchema, FormValues};
use crate::domain::problems::{problems_from_api_error, Problem};
use crate::model::Country;

/// What [`use_record_form`] gives a form to render.
pub(super) struct UseRecordFormReturn<Submit> {
    /// Problems from the checks or from DIDWW, by field.
    pub problems: ReadSignal<Vec<Problem>>,
    /// The same problems as error-summary entries.
    pub summary_entries: Signal<Vec<SummaryEntry>>,
    /// True while the record is being created.
    pub is_pending: Memo<bool>,
    /// The form's submit handler.
    pub on_submit: Submit,
}

/// Wires a record form: `check` adds checks the schema cannot express (where the address
/// is), `build` turns checked values into the request, `create` sends it (a POST or a
/// PATCH), and `on_created` receives the record. A second submit while one is in flight is
/// ignored.
pub(super) fn use_record_form<Request, Record, Create, Reply>(
    schema: Signal<FormSchema>,
    values: Signal<FormValues>,
    check: impl Fn(&FormValues) -> Vec<Problem> + 'static,
    build: impl Fn(&FormValues) -> Request + 'static,
    create: Create,
    on_created: Callback<Record>,
) -> UseRecordFormReturn<impl FnMut(SubmitEvent) + 'static>
where
    Request: Clone + Send + Sync + 'static,
    Record: Clone + Send + Sync + 'static,
    Create: Fn(Client, Request) -> Reply + Clone + 'static,
    Reply: Future<Output = Result<Record, ApiError>> + 'static,
{
    let config = ConfigContext::expect();
    let (problems, set_problems) = signal(Vec::<Problem>::new());
    let summary_entries = Signal::derive(move || {
        SummaryEntry::from_problems(&problems.get(), &schema.with(|schema| schema.api_names()))
    });

    let create_record_action = Action::new_local(move |request: &Request| {
        let request = request.clone();
        let client = config.client_untracked();
        let create = create.clone();
        async move { create(client?, request).await }
    });
    let is_pending = create_record_action.pending();

    Effect::new(move |_| match create_record_action.value().get() {
        Some(Ok(record)) => on_created.run(record),
        Some(Err(error)) => {
            let fields = schema.with_untracked(|schema| schema.api_names());
            set_problems.set(problems_from_api_error(&error, &fields));
        }
        None => {}
    });

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if is_pending.get_untracked() {
            return;
        }
        let typed = values.get_untracked();
        let mut found = schema.with_untracked(|schema| check_form(schema, &typed, &today()));
        found.extend(check(&typed));
        if !found.is_empty() {
            set_problems.set(found);
            return;
        }
        set_problems.set(Vec::new());
        create_record_action.dispatch(build(&typed));
    };

    UseRecordFormReturn {
        problems,
        summary_entries,
        is_pending,
        on_submit,
    }
}

/// Sends an edit with `send`, unless `is_unchanged`: then `record` comes back as it was, and
/// no request is spent on it.
pub(super) async fn unless_unchanged<Record, Sent>(
    record: Record,
    is_unchanged: bool,
    send: Sent,
) -> Result<Record, ApiError>
where
    Sent: Future<Output = Result<Record, ApiError>>,
{
    if is_unchanged {
        return Ok(record);
    }
    send.await
}

/// Every country as an option of a country select; none until the list has loaded.
pub(super) fn country_options(
    countries: LocalResource<Result<Vec<Country>, ApiError>>,
) -> Signal<Vec<SelectOption>> {
    Signal::derive(move || {
        countries
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|country| SelectOption {
                value: country.id,
                label: country.name,
            })
            .collect()
    })
}

/// The user's calendar day as `YYYY-MM-DD`, in the browser's own time zone: a birth date
/// "in the future" is judged by the day the user is living in.
pub(super) fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }
    // Outside a browser nothing renders a form; an unknown day skips only the future check.
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;

    /// Polls a future that needs no waiting once, and returns its output.
    fn finish<Output>(future: impl Future<Output = Output>) -> Output {
        let mut future = pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the future waited"),
        }
    }

    #[test]
    fn an_unchanged_record_comes_back_as_it_was_and_nothing_is_sent() {
        let sent = Cell::new(false);
        let send = async {
            sent.set(true);
            Ok("as DIDWW answered")
        };

        let result = finish(unless_unchanged("as it was", true, send));

        assert_eq!(result.ok(), Some("as it was"));
        assert!(!sent.get(), "no request for an edit that changes nothing");
    }

    #[test]
    fn a_change_is_sent_and_its_answer_or_error_returned() {
        let answered = finish(unless_unchanged("as it was", false, async {
            Ok("as DIDWW answered")
        }));
        assert_eq!(answered.ok(), Some("as DIDWW answered"));

        let refused = finish(unless_unchanged("as it was", false, async {
            Err(ApiError::Unauthorized)
        }));
        assert!(matches!(refused, Err(ApiError::Unauthorized)));
    }
}
