//! The account's numbers as they load, page by page, kept while the user moves between steps.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::api::{ApiError, EmergencyDidPages};
use crate::model::Did;

/// How far the listing got.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LoadProgress {
    /// Nothing asked for yet.
    #[default]
    Idle,
    /// Pages are arriving.
    Loading,
    /// Every page arrived.
    Complete,
    /// A page failed after its retries; what arrived before it is kept.
    Stopped(ApiError),
}

/// The numbers loaded so far, in the API's order, without repeats.
///
/// Each load run holds a ticket from [`DidListing::begin`]; a page from an older run (the
/// settings changed meanwhile) is refused, so two accounts' numbers never mix.
#[derive(Debug, Clone, Copy)]
pub struct DidListing {
    dids: RwSignal<Vec<Did>>,
    total: RwSignal<Option<u64>>,
    progress: RwSignal<LoadProgress>,
    ids: StoredValue<HashSet<String>>,
    ticket: StoredValue<u64>,
    loaded_for: StoredValue<Option<u64>>,
    parked: StoredValue<Option<(u64, EmergencyDidPages)>>,
}

impl Default for DidListing {
    fn default() -> Self {
        Self::new()
    }
}

impl DidListing {
    /// An empty listing.
    pub fn new() -> Self {
        Self {
            dids: RwSignal::new(Vec::new()),
            total: RwSignal::new(None),
            progress: RwSignal::new(LoadProgress::Idle),
            ids: StoredValue::new(HashSet::new()),
            ticket: StoredValue::new(0),
            loaded_for: StoredValue::new(None),
            parked: StoredValue::new(None),
        }
    }

    /// The numbers loaded so far.
    pub fn dids(&self) -> ReadSignal<Vec<Did>> {
        self.dids.read_only()
    }

    /// How many numbers the API says there are, once the first page arrived.
    pub fn total(&self) -> ReadSignal<Option<u64>> {
        self.total.read_only()
    }

    /// How far the listing got.
    pub fn progress(&self) -> ReadSignal<LoadProgress> {
        self.progress.read_only()
    }

    /// True unless this listing was started for the client of `generation`.
    pub fn needs_load(&self, generation: u64) -> bool {
        self.loaded_for.get_value() != Some(generation)
    }

    /// Empties the listing and starts a run for the client of `generation`; returns the
    /// run's ticket.
    pub fn begin(&self, generation: u64) -> u64 {
        let ticket = self.ticket.get_value() + 1;
        self.ticket.set_value(ticket);
        self.loaded_for.set_value(Some(generation));
        self.parked.set_value(None);
        self.ids.update_value(HashSet::clear);
        self.dids.set(Vec::new());
        self.total.set(None);
        self.progress.set(LoadProgress::Loading);
        ticket
    }

    /// Takes up the stopped run again, keeping what it loaded: its ticket and the pages
    /// still to read. `None` when no run is stopped.
    pub fn resume(&self) -> Option<(u64, EmergencyDidPages)> {
        let (ticket, pages) = self.parked.try_update_value(Option::take).flatten()?;
        if !self.is_current(ticket) {
            return None;
        }
        self.progress.set(LoadProgress::Loading);
        Some((ticket, pages))
    }

    /// True while `ticket` belongs to the latest run (false once the app is gone).
    pub fn is_current(&self, ticket: u64) -> bool {
        // A run outlives the page it started on; once the app is unmounted, it just stops.
        self.ticket.try_get_value() == Some(ticket)
    }

    /// Adds a page; `false` when `ticket` is stale and the page was dropped.
    pub fn append(&self, ticket: u64, page: Vec<Did>, total: Option<u64>) -> bool {
        if !self.is_current(ticket) {
            return false;
        }
        // A number can show up twice when the account changes between two page requests.
        let fresh: Vec<Did> = self
            .ids
            .try_update_value(|ids| {
                page.into_iter()
                    .filter(|did| ids.insert(did.id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if !fresh.is_empty() {
            self.dids.try_update(|dids| dids.extend(fresh));
        }
        if total.is_some() {
            self.total.try_set(total);
        }
        true
    }

    /// Marks run `ticket` as complete.
    pub fn finish(&self, ticket: u64) {
        if self.is_current(ticket) {
            self.progress.try_set(LoadProgress::Complete);
        }
    }

    /// Marks run `ticket` as stopped by `error`, keeping `pages` (where it stopped) so that
    /// [`DidListing::resume`] can go on from there.
    pub fn stop(&self, ticket: u64, error: ApiError, pages: Option<EmergencyDidPages>) {
        if self.is_current(ticket) {
            self.parked
                .try_set_value(pages.map(|pages| (ticket, pages)));
            self.progress.try_set(LoadProgress::Stopped(error));
        }
    }

    /// Forgets everything, so the next visit loads again (another account was chosen).
    pub fn reset(&self) {
        self.ticket.update_value(|ticket| *ticket += 1);
        self.loaded_for.set_value(None);
        self.parked.set_value(None);
        self.ids.update_value(HashSet::clear);
        self.dids.set(Vec::new());
        self.total.set(None);
        self.progress.set(LoadProgress::Idle);
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    fn did(id: &str) -> Did {
        Did {
            id: id.to_owned(),
            ..Did::default()
        }
    }

    fn ids(listing: &DidListing) -> Vec<String> {
        listing
            .dids()
            .with_untracked(|dids| dids.iter().map(|did| did.id.clone()).collect())
    }

    #[test]
    fn pages_add_up_without_repeats_and_the_total_is_kept() {
        let owner = Owner::new();
        owner.set();
        let listing = DidListing::new();
        assert!(listing.needs_load(1));

        let ticket = listing.begin(1);
        assert!(!listing.needs_load(1));
        assert!(listing.append(ticket, vec![did("a"), did("b")], Some(3)));
        assert!(listing.append(ticket, vec![did("b"), did("c")], None));
        listing.finish(ticket);

        assert_eq!(ids(&listing), ["a", "b", "c"]);
        assert_eq!(listing.total().get_untracked(), Some(3));
        assert_eq!(listing.progress().get_untracked(), LoadProgress::Complete);
    }

    #[test]
    fn a_page_of_an_older_run_is_dropped() {
        let owner = Owner::new();
        owner.set();
        let listing = DidListing::new();
        let old = listing.begin(1);
        listing.append(old, vec![did("a")], Some(1));

        let new = listing.begin(2);
        assert!(!listing.append(old, vec![did("stale")], Some(9)));
        listing.stop(old, ApiError::Timeout, None);
        listing.append(new, vec![did("b")], Some(1));

        assert_eq!(ids(&listing), ["b"]);
        assert_eq!(listing.progress().get_untracked(), LoadProgress::Loading);
        assert!(listing.needs_load(1));
    }

    #[test]
    fn a_stopped_run_keeps_its_pages_and_can_resume() {
        let owner = Owner::new();
        owner.set();
        let listing = DidListing::new();
        let ticket = listing.begin(1);
        listing.append(ticket, vec![did("a")], Some(2));
        listing.stop(ticket, ApiError::Timeout, Some(EmergencyDidPages::new()));
        assert_eq!(
            listing.progress().get_untracked(),
            LoadProgress::Stopped(ApiError::Timeout)
        );

        let (resumed, _pages) = listing.resume().expect("the stopped run can go on");
        assert_eq!(resumed, ticket);
        assert!(listing.resume().is_none(), "a run resumes once");
        listing.append(ticket, vec![did("b")], Some(2));
        assert_eq!(ids(&listing), ["a", "b"]);

        listing.stop(ticket, ApiError::Timeout, Some(EmergencyDidPages::new()));
        listing.reset();
        assert!(listing.resume().is_none());
        assert!(ids(&listing).is_empty());
        assert!(listing.needs_load(1));
    }
}
