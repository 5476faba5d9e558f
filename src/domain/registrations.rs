//! The registrations page's view of the account: which list, which status, which page, all
//! read from and written to the URL so that a reload or a shared link shows the same view.

use crate::model::{ServiceStatus, VerificationStatus};

/// Rows per page: small enough to read, and well under DIDWW's 100.
pub const PAGE_SIZE: u32 = 25;

/// The highest page number accepted from a URL; DIDWW accounts never hold this many.
const MAX_PAGE: u32 = 10_000;

/// Which records the page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecordKind {
    /// Emergency verifications: each submission and its review.
    #[default]
    Verifications,
    /// Emergency calling services: what each registration set up.
    Services,
}

impl RecordKind {
    /// The value in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verifications => "verifications",
            Self::Services => "services",
        }
    }

    /// Words for the tab.
    pub fn label(self) -> &'static str {
        match self {
            Self::Verifications => "Submissions",
            Self::Services => "Calling services",
        }
    }

    /// The statuses the list can be filtered by: wire value and words.
    pub fn statuses(self) -> Vec<(&'static str, String)> {
        match self {
            Self::Verifications => [
                VerificationStatus::Pending,
                VerificationStatus::Approved,
                VerificationStatus::Rejected,
            ]
            .into_iter()
            .map(|status| (wire_of_verification(&status), status.label().to_owned()))
            .collect(),
            Self::Services => [
                ServiceStatus::New,
                ServiceStatus::InProcess,
                ServiceStatus::ChangesRequired,
                ServiceStatus::PendingUpdate,
                ServiceStatus::Active,
                ServiceStatus::Canceled,
            ]
            .into_iter()
            .map(|status| (wire_of_service(&status), status.label().to_owned()))
            .collect(),
        }
    }
}

fn wire_of_verification(status: &VerificationStatus) -> &'static str {
    match status {
        VerificationStatus::Pending => "pending",
        VerificationStatus::Approved => "approved",
        VerificationStatus::Rejected => "rejected",
        VerificationStatus::Other(_) => "",
    }
}

fn wire_of_service(status: &ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::New => "new",
        ServiceStatus::InProcess => "in_process",
        ServiceStatus::ChangesRequired => "changes_required",
        ServiceStatus::PendingUpdate => "pending_update",
        ServiceStatus::Active => "active",
        ServiceStatus::Canceled => "canceled",
        ServiceStatus::Other(_) => "",
    }
}

/// One view of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListView {
    /// Which records.
    pub kind: RecordKind,
    /// Only records of this status (a wire value of `kind`); `None` lists all.
    pub status: Option<&'static str>,
    /// The page, from 1.
    pub page: u32,
}

impl ListView {
    /// Reads the view from URL query values; anything not understood falls back to the
    /// first page of every verification, so an old or mistyped link still opens.
    pub fn from_query(kind: Option<&str>, status: Option<&str>, page: Option<&str>) -> Self {
        let kind = match kind.map(str::trim) {
            Some("services") => RecordKind::Services,
            _ => RecordKind::Verifications,
        };
        let status = status.and_then(|wanted| {
            let wanted = wanted.trim().to_ascii_lowercase().replace(' ', "_");
            kind.statuses()
                .into_iter()
                .map(|(wire, _)| wire)
                .find(|wire| *wire == wanted)
        });
        let page = page
            .and_then(|page| page.trim().parse::<u32>().ok())
            .filter(|page| (1..=MAX_PAGE).contains(page))
            .unwrap_or(1);
        Self { kind, status, page }
    }

    /// The query string that shows this view, such as `?kind=services&status=active&page=2`.
    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("kind={}", self.kind.as_str())];
        if let Some(status) = self.status {
            parts.push(format!("status={status}"));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        format!("?{}", parts.join("&"))
    }

    /// The same list from its first page with another status filter.
    pub fn with_status(&self, status: Option<&'static str>) -> Self {
        Self {
            kind: self.kind,
            status,
            page: 1,
        }
    }

    /// The first page of another kind of record, unfiltered.
    pub fn with_kind(&self, kind: RecordKind) -> Self {
        Self {
            kind,
            status: None,
            page: 1,
        }
    }

    /// The same list on page `page`.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..*self
        }
    }
}

/// How many pages `total` records fill (at least one, so an empty list still has a page).
pub fn page_count(total: u64) -> u32 {
    u32::try_from(total.div_ceil(u64::from(PAGE_SIZE)))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// "Page 2 of 5 (112 submissions)" for the pager: `one` names a single record, `many` more.
pub fn page_summary(page: u32, total: u64, one: &str, many: &str) -> String {
    let noun = if total == 1 { one } else { many };
    format!("Page {page} of {} ({total} {noun})", page_count(total))
}

/// True when `page` lies past the last page of `total` records, as an old link or a typed
/// URL can ask for; an empty listing then means "too far", not "nothing there".
pub fn is_past_the_end(page: u32, total: u64) -> bool {
    total > 0 && page > page_count(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_round_trips_through_the_url() {
        let view = ListView {
            kind: RecordKind::Services,
            status: Some("changes_required"),
            page: 3,
        };

        let query = view.to_query();
        let read = ListView::from_query(Some("services"), Some("changes_required"), Some("3"));

        assert_eq!(query, "?kind=services&status=changes_required&page=3");
        assert_eq!(read, view);
        assert_eq!(
            ListView::default().with_page(1).to_query(),
            "?kind=verifications"
        );
    }

    #[test]
    fn odd_urls_fall_back_to_something_that_opens() {
        let cases = [
            (
                (None, None, None),
                ListView::from_query(Some("verifications"), None, Some("1")),
            ),
            (
                (Some("orders"), Some("approved"), Some("0")),
                ListView {
                    kind: RecordKind::Verifications,
                    status: Some("approved"),
                    page: 1,
                },
            ),
            (
                (Some("services"), Some("approved"), Some("-2")),
                ListView {
                    kind: RecordKind::Services,
                    status: None,
                    page: 1,
                },
            ),
            (
                (Some("services"), Some("In Process"), Some("99999999")),
                ListView {
                    kind: RecordKind::Services,
                    status: Some("in_process"),
                    page: 1,
                },
            ),
        ];
        for ((kind, status, page), expected) in cases {
            assert_eq!(ListView::from_query(kind, status, page), expected);
        }
    }

    #[test]
    fn a_new_filter_or_kind_starts_on_the_first_page() {
        let view = ListView::from_query(Some("services"), Some("active"), Some("4"));

        assert_eq!(view.with_status(Some("canceled")).page, 1);
        assert_eq!(view.with_status(None).status, None);
        let other = view.with_kind(RecordKind::Verifications);
        assert_eq!((other.page, other.status), (1, None));
    }

    #[test]
    fn every_status_of_each_kind_can_be_chosen() {
        let services: Vec<&str> = RecordKind::Services
            .statuses()
            .into_iter()
            .map(|(wire, _)| wire)
            .collect();
        assert_eq!(
            services,
            [
                "new",
                "in_process",
                "changes_required",
                "pending_update",
                "active",
                "canceled"
            ]
        );
        assert_eq!(RecordKind::Verifications.statuses().len(), 3);
        assert!(RecordKind::Services
            .statuses()
            .iter()
            .all(|(wire, label)| !wire.is_empty() && !label.is_empty()));
    }

    #[test]
    fn pages_are_counted_and_summed_up() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(25), 1);
        assert_eq!(page_count(26), 2);
        assert_eq!(
            page_summary(2, 60, "submission", "submissions"),
            "Page 2 of 3 (60 submissions)"
        );
        assert_eq!(
            page_summary(1, 1, "submission", "submissions"),
            "Page 1 of 1 (1 submission)"
        );
        assert!(is_past_the_end(999, 60));
        assert!(!is_past_the_end(3, 60));
        assert!(!is_past_the_end(2, 0));
    }
}
