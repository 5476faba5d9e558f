//! DIDs that can be registered for emergency calling.

use super::{decode_list, ApiError, Client, MAX_PAGE_SIZE};
use crate::model::Did;
use crate::wire::ApiRequest;

/// What every DID listing includes, so the four registration cases can be told apart.
pub const DID_INCLUDES: &str = "did_group,did_group.country,did_group.did_group_type,\
                                emergency_calling_service,identity,address_verification";

/// Upper bound on pages followed, so a broken `next` link cannot loop (100,000 numbers).
const MAX_PAGES: u32 = 1_000;

fn emergency_dids_request() -> ApiRequest {
    ApiRequest::get("/dids")
        .param("include", DID_INCLUDES)
        .param("filter[did_group.features]", "emergency")
        .param("filter[emergency_enabled]", "false")
        .param("sort", "number")
}

/// Every emergency-capable DID of the account without emergency calling yet, all pages.
///
/// `emergency_enabled=false` does not prove a DID is free: callers must still look at
/// [`crate::model::Did::calling_service_id`].
pub async fn list_emergency_dids(client: &Client) -> Result<Vec<Did>, ApiError> {
    let document = client.all_pages(emergency_dids_request()).await?;
    decode_list(&document)
}

/// One page of numbers and what the listing said about the whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DidPage {
    /// The numbers on this page.
    pub dids: Vec<Did>,
    /// `meta.total_records`: how many numbers match in all, when the server said.
    pub total: Option<u64>,
}

/// The emergency-capable DIDs without emergency calling, read one page at a time, so the
/// first page can be shown while the rest loads.
///
/// Paging follows [`Client::all_pages`]: `links.next` first; when a server leaves it out
/// but `meta.total_records` says more exist, the next page number is asked for, so a short
/// page is never taken for the last one. A failed page stays next, so calling
/// [`EmergencyDidPages::next_page`] again resumes where the listing stopped.
#[derive(Debug, Clone)]
pub struct EmergencyDidPages {
    next: Option<ApiRequest>,
    page_number: u32,
    loaded: u64,
}

impl Default for EmergencyDidPages {
    fn default() -> Self {
        Self::new()
    }
}

impl EmergencyDidPages {
    /// A listing that starts at the first page.
    pub fn new() -> Self {
        Self {
            next: Some(with_page(emergency_dids_request(), 1)),
            page_number: 1,
            loaded: 0,
        }
    }

    /// True once every page was read.
    pub fn is_done(&self) -> bool {
        self.next.is_none()
    }

    /// How many numbers the pages read so far held.
    pub fn loaded(&self) -> u64 {
        self.loaded
    }

    /// Reads the next page; `Ok(None)` once there is none.
    pub async fn next_page(&mut self, client: &Client) -> Result<Option<DidPage>, ApiError> {
        let Some(request) = self.next.clone() else {
            return Ok(None);
        };
        let document = client.document(request).await?;
        let dids: Vec<Did> = decode_list(&document)?;
        let total = document.total_records();
        self.loaded += dids.len() as u64;
        self.next = if dids.is_empty() || self.page_number >= MAX_PAGES {
            None
        } else if let Some(link) = document.next_link() {
            Some(ApiRequest::from_link(link))
        } else if total.is_some_and(|total| self.loaded < total) {
            Some(with_page(emergency_dids_request(), self.page_number + 1))
        } else {
            None
        };
        self.page_number += 1;
        Ok(Some(DidPage { dids, total }))
    }
}

/// The emergency-capable DIDs whose number contains the digits of `number`, found with the
/// API's `filter[number]` in one request: the first page of up to 100 matches, with the
/// count of all matches in [`DidPage::total`].
pub async fn search_emergency_dids(client: &Client, number: &str) -> Result<DidPage, ApiError> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let request = with_page(emergency_dids_request(), 1).param("filter[number]", digits);
    let document = client.document(request).await?;
    Ok(DidPage {
        dids: decode_list(&document)?,
        total: document.total_records(),
    })
}

/// Sets `page[number]` and the largest `page[size]` on a listing request.
fn with_page(request: ApiRequest, page: u32) -> ApiRequest {
    request
        .param("page[number]", page.to_string())
        .param("page[size]", MAX_PAGE_SIZE.to_string())
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::sandbox::{Account, Simulator};

    /// Runs a future that never waits on anything outside: the simulator answers at once
    /// and natively `sleep_ms` returns at once.
    fn run<T>(future: impl Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        for _ in 0..1_000 {
            if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
                return value;
            }
        }
        panic!("the future kept waiting although nothing outside could wake it");
    }

    fn client(account: Account) -> (Client, Arc<Mutex<Simulator>>) {
        let simulator = Arc::new(Mutex::new(Simulator::with_account(account)));
        (Client::simulator(simulator.clone()), simulator)
    }

    fn requests(simulator: &Arc<Mutex<Simulator>>) -> usize {
        simulator.lock().expect("not poisoned").request_count()
    }

    #[test]
    fn the_large_account_arrives_page_by_page_without_gaps_or_repeats() {
        let (client, simulator) = client(Account::Large);

        let mut pages = EmergencyDidPages::new();
        let mut numbers = Vec::new();
        let mut ids = std::collections::HashSet::new();
        let mut total = None;
        while let Some(page) = run(pages.next_page(&client)).expect("each page loads") {
            assert!(page.dids.len() <= MAX_PAGE_SIZE as usize);
            total = total.or(page.total);
            assert_eq!(page.total, total, "the total stays the same");
            for did in page.dids {
                assert!(ids.insert(did.id), "no number comes twice");
                numbers.push(did.number);
            }
        }

        let total = total.expect("the listing counts its numbers") as usize;
        assert!(pages.is_done());
        assert!(total > 1_000, "the large account is large");
        assert_eq!(numbers.len(), total);
        assert!(numbers.is_sorted(), "sorted by number, as asked");
        assert_eq!(
            requests(&simulator),
            total.div_ceil(MAX_PAGE_SIZE as usize),
            "one request per page"
        );
    }

    #[test]
    fn a_number_far_down_the_list_is_found_with_one_request() {
        let (client, simulator) = client(Account::Large);
        let last_request = ApiRequest::get("/dids")
            .param("include", DID_INCLUDES)
            .param("filter[did_group.features]", "emergency")
            .param("filter[emergency_enabled]", "false")
            .param("sort", "-number")
            .param("page[size]", "1");
        let document = run(client.document(last_request)).expect("the last number loads");
        let last: Did = decode_list(&document)
            .expect("a DID")
            .pop()
            .expect("the account has numbers");
        let before = requests(&simulator);

        let found = run(search_emergency_dids(&client, &format!("+{}", last.number)))
            .expect("the search answers");

        assert_eq!(requests(&simulator) - before, 1);
        assert!(found.dids.iter().any(|did| did.id == last.id));
        assert_eq!(found.total, Some(found.dids.len() as u64));
    }

    #[test]
    fn a_short_search_brings_one_page_and_the_count_of_all_matches() {
        let (client, _) = client(Account::Large);
        let found = run(search_emergency_dids(&client, "1")).expect("the search answers");
        assert_eq!(found.dids.len(), MAX_PAGE_SIZE as usize);
        assert!(found
            .total
            .is_some_and(|total| total > u64::from(MAX_PAGE_SIZE)));
    }
}
