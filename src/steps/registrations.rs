//! The account's registrations: every submission and every calling service, newest first,
//! a page at a time, filtered by status, each opening in the status view.
//!
//! The list, the status and the page live in the URL, so a reload or a shared link shows
//! the same view.

use leptos::prelude::*;

use super::status::readable_time;
use crate::api::{calling_services_page, verifications_page, ApiError, RecordPage};
use crate::components::{
    BadgeTone, EmptyState, ErrorState, LoadingState, StatusBadge, StepHeading,
};
use crate::config::ConfigContext;
use crate::domain::registrations::{
    is_past_the_end, page_count, page_summary, ListView, RecordKind, PAGE_SIZE,
};
use crate::model::{EmergencyCallingService, EmergencyVerification};
use crate::routing::{use_navigate, use_query_map, NavigateOptions, A};
use crate::state::WizardStep;

/// Where the page lives.
pub const REGISTRATIONS_PATH: &str = "/registrations";

/// One page of either kind of record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Listing {
    Verifications(RecordPage<EmergencyVerification>),
    Services(RecordPage<EmergencyCallingService>),
}

/// Lists the account's verifications or calling services.
#[component]
pub fn Registrations() -> impl IntoView {
    let config = ConfigContext::expect();
    let query = use_query_map();
    let navigate = use_navigate();

    let list_view = Memo::new(move |_| {
        query.with(|query| {
            ListView::from_query(
                query.get_str("kind"),
                query.get_str("status"),
                query.get_str("page"),
            )
        })
    });
    let listing = LocalResource::new(move || {
        let view = list_view.get();
        let client = config.client();
        async move { load(client?, view).await }
    });

    let on_status = move |event: leptos::ev::Event| {
        let wanted = event_target_value(&event);
        let current = list_view.get_untracked();
        let status = current
            .kind
            .statuses()
            .into_iter()
            .map(|(wire, _)| wire)
            .find(|wire| *wire == wanted);
        let path = format!(
            "{REGISTRATIONS_PATH}{}",
            current.with_status(status).to_query()
        );
        navigate(&path, NavigateOptions::default());
    };

    let tabs = move || {
        let current = list_view.get();
        [RecordKind::Verifications, RecordKind::Services]
            .into_iter()
            .map(|kind| {
                let href = format!("{REGISTRATIONS_PATH}{}", current.with_kind(kind).to_query());
                let is_current = kind == current.kind;
                view! {
                    <A
                        href=href
                        attr:class=if is_current {
                            "dwe-tabs__tab dwe-tabs__tab--current"
                        } else {
                            "dwe-tabs__tab"
                        }
                        attr:aria-current=is_current.then_some("page")
                        attr:data-testid=format!("registrations-tab-{}", kind.as_str())
                    >
                        {kind.label()}
                    </A>
                }
            })
            .collect_view()
    };
    let status_options = move || {
        let current = list_view.get();
        current
            .kind
            .statuses()
            .into_iter()
            .map(|(wire, label)| {
                view! {
                    <option value=wire selected=current.status == Some(wire)>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let content = move || match listing.get() {
        None => view! { <LoadingState message="Loading registrations…" /> }.into_any(),
        Some(Err(error)) => view! {
            <ErrorState error=error on_retry=move |_| listing.refetch() />
        }
        .into_any(),
        Some(Ok(listing)) => {
            view! { <ListingTable listing=listing view=list_view.get() /> }.into_any()
        }
    };

    view! {
        <section class="dwe-step" data-testid="registrations">
            <StepHeading
                title="Registrations"
                lead="Every emergency registration submitted from this account and the calling \
                      services they set up, newest first. Open one to follow it."
            />
            <nav class="dwe-tabs" aria-label="What to list">{tabs}</nav>
            <div class="dwe-filters">
                <label class="dwe-field__label" for="registrations-status">
                    "Status"
                </label>
                <select
                    id="registrations-status"
                    class="dwe-field__input"
                    data-testid="registrations-status"
                    on:change=on_status
                    prop:value=move || list_view.get().status.unwrap_or_default()
                >
                    <option value="" selected=move || list_view.get().status.is_none()>
                        "All"
                    </option>
                    {status_options}
                </select>
            </div>
            {content}
            <p class="dwe-step__footer-link">
                <A href=WizardStep::Dids.path() attr:data-testid="registrations-start-new">
                    "Register numbers"
                </A>
            </p>
        </section>
    }
}

async fn load(client: crate::api::Client, view: ListView) -> Result<Listing, ApiError> {
    match view.kind {
        RecordKind::Verifications => verifications_page(&client, view.status, view.page, PAGE_SIZE)
            .await
            .map(Listing::Verifications),
        RecordKind::Services => calling_services_page(&client, view.status, view.page, PAGE_SIZE)
            .await
            .map(Listing::Services),
    }
}

#[component]
fn ListingTable(listing: Listing, view: ListView) -> impl IntoView {
    let (rows, total, (one, noun)) = match listing {
        Listing::Verifications(page) => {
            let total = page.total.unwrap_or(page.records.len() as u64);
            let rows = page
                .records
                .into_iter()
                .map(verification_row)
                .collect::<Vec<_>>();
            (rows, total, ("submission", "submissions"))
        }
        Listing::Services(page) => {
            let total = page.total.unwrap_or(page.records.len() as u64);
            let rows = page
                .records
                .into_iter()
                .map(service_row)
                .collect::<Vec<_>>();
            (rows, total, ("calling service", "calling services"))
        }
    };
    let pages = page_count(total);
    let link_to =
        move |page: u32| format!("{REGISTRATIONS_PATH}{}", view.with_page(page).to_query());
    if rows.is_empty() && is_past_the_end(view.page, total) {
        let last = match pages {
            1 => format!("there is 1 page of {noun}"),
            pages => format!("there are {pages} pages of {noun}"),
        };
        let title = format!("Page {} is past the end: {last}.", view.page);
        return view! {
            <EmptyState title=title />
            <p class="dwe-step__footer-link">
                <A href=link_to(pages) attr:data-testid="registrations-last-page">
                    {format!("Go to the last page ({pages})")}
                </A>
            </p>
        }
        .into_any();
    }
    if rows.is_empty() {
        let title = match view.status {
            Some(_) => format!("No {noun} with this status."),
            None => format!("No {noun} yet."),
        };
        return view! { <EmptyState title=title /> }.into_any();
    }

    let previous = (view.page > 1).then(|| link_to(view.page - 1));
    let next = (view.page < pages).then(|| link_to(view.page + 1));
    view! {
        <div class="dwe-table-wrap">
            <table class="dwe-table" data-testid="registrations-table">
                <thead>
                    <tr>
                        <th scope="col">"Submitted"</th>
                        <th scope="col">"Name or reference"</th>
                        <th scope="col">"Numbers"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">
                            <span class="dwe-visually-hidden">"Open"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(row_view).collect_view()}</tbody>
            </table>
        </div>
        <nav class="dwe-pager" aria-label="Pages">
            {previous
                .map(|href| {
                    view! {
                        <A href=href attr:data-testid="registrations-previous">
                            "Previous"
                        </A>
                    }
                })}
            <span data-testid="registrations-page-status">
                {page_summary(view.page, total, one, noun)}
            </span>
            {next
                .map(|href| {
                    view! {
                        <A href=href attr:data-testid="registrations-next">
                            "Next"
                        </A>
                    }
                })}
        </nav>
    }
    .into_any()
}

/// One row, whichever the kind of record.
struct Row {
    id: String,
    created_at: String,
    title: String,
    /// How many numbers the record covers.
    numbers: usize,
    /// Their phone numbers, as far as DIDWW included them.
    did_numbers: Vec<String>,
    tone: BadgeTone,
    status: String,
    /// The verification the status view opens; `None` when there is none yet.
    opens: Option<String>,
}

fn verification_row(verification: EmergencyVerification) -> Row {
    Row {
        tone: BadgeTone::of_verification(verification.status.as_ref()),
        status: verification
            .status
            .as_ref()
            .map_or("Unknown", |status| status.label())
            .to_owned(),
        created_at: readable_created(verification.created_at.as_deref()),
        title: verification
            .reference
            .or(verification.external_reference_id)
            .unwrap_or_else(|| verification.id.clone()),
        numbers: verification.did_ids.len(),
        did_numbers: verification.did_numbers,
        opens: Some(verification.id.clone()),
        id: verification.id,
    }
}

fn service_row(service: EmergencyCallingService) -> Row {
    Row {
        tone: BadgeTone::of_service(service.status.as_ref()),
        status: service
            .status
            .as_ref()
            .map_or("Unknown", |status| status.label())
            .to_owned(),
        created_at: readable_created(service.created_at.as_deref()),
        title: service
            .name
            .or(service.reference)
            .unwrap_or_else(|| service.id.clone()),
        numbers: service.did_ids.len(),
        did_numbers: service.did_numbers,
        opens: service.verification_id,
        id: service.id,
    }
}

fn readable_created(stamp: Option<&str>) -> String {
    stamp.map_or_else(|| "Unknown".to_owned(), readable_time)
}

/// The numbers themselves, the first few of a long list with how many more; a count when
/// DIDWW named the DIDs without their numbers.
fn numbers_cell(count: usize, numbers: &[String]) -> String {
    const SHOWN: usize = 3;
    let total = count.max(numbers.len());
    let shown = &numbers[..SHOWN.min(numbers.len())];
    let rest = total - shown.len();
    match (shown.is_empty(), rest) {
        (true, 0) => "—".to_owned(),
        (true, 1) => "1 number".to_owned(),
        (true, rest) => format!("{rest} numbers"),
        (false, 0) => shown.join(", "),
        (false, rest) => format!("{} and {rest} more", shown.join(", ")),
    }
}

fn row_view(row: Row) -> impl IntoView {
    let numbers = numbers_cell(row.numbers, &row.did_numbers);
    let hidden_name = format!(" {}", row.title);
    let open = match row.opens {
        Some(verification_id) => view! {
            <A
                href=format!("{}/{verification_id}", WizardStep::Status.path())
                attr:data-testid=format!("registrations-open-{}", row.id)
            >
                "Open"
                <span class="dwe-visually-hidden">{hidden_name}</span>
            </A>
        }
        .into_any(),
        None => view! { <span>"Nothing submitted yet"</span> }.into_any(),
    };
    view! {
        <tr data-testid=format!("registrations-row-{}", row.id)>
            <td>{row.created_at}</td>
            <td>{row.title}</td>
            <td>{numbers}</td>
            <td>
                <StatusBadge
                    tone=row.tone
                    label=row.status
                    test_id=format!("registrations-status-{}", row.id)
                />
            </td>
            <td>{open}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::numbers_cell;

    fn numbers(list: &[&str]) -> Vec<String> {
        list.iter().map(|number| (*number).to_owned()).collect()
    }

    #[test]
    fn rows_show_the_numbers_and_count_what_is_left_out() {
        assert_eq!(numbers_cell(0, &[]), "—");
        assert_eq!(numbers_cell(1, &[]), "1 number");
        assert_eq!(numbers_cell(4, &[]), "4 numbers");
        assert_eq!(numbers_cell(1, &numbers(&["12125550100"])), "12125550100");
        assert_eq!(
            numbers_cell(2, &numbers(&["12125550100"])),
            "12125550100 and 1 more"
        );
        assert_eq!(
            numbers_cell(5, &numbers(&["1", "2", "3", "4", "5"])),
            "1, 2, 3 and 2 more"
        );
    }
}
