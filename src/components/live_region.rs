//! The page's one polite live region: how status changes reach screen-reader users.
//!
//! Steps say what changed (numbers loaded, a record saved, a validation passed, a review
//! decided) through [`AnnouncerContext::announce`]; the region reads it out after whatever
//! the screen reader is saying, without moving focus. One region for the whole app keeps
//! announcements from talking over each other, which many scattered regions would do.

use leptos::prelude::*;

/// How many recent messages stay in the region. A screen reader reads each new paragraph as
/// it arrives and ignores the ones already there, so two messages from one change (a number
/// ticked and a notice about it) are both heard; older ones are dropped to keep it small.
const KEPT_MESSAGES: usize = 3;

/// One message for the region; the serial tells two identical messages apart.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Announcement {
    serial: u64,
    text: String,
}

/// Hands messages to the [`LiveRegion`]; provided once for the whole app.
#[derive(Debug, Clone, Copy)]
pub struct AnnouncerContext {
    recent: RwSignal<Vec<Announcement>>,
}

impl AnnouncerContext {
    /// Creates the announcer and provides it to everything below the calling component.
    pub fn provide() -> Self {
        let announcer = Self {
            recent: RwSignal::new(Vec::new()),
        };
        provide_context(announcer);
        announcer
    }

    /// The announcer that [`AnnouncerContext::provide`] gave to the app.
    pub fn expect() -> Self {
        use_context::<Self>()
            .expect("AnnouncerContext is provided by App (AnnouncerContext::provide)")
    }

    /// Says `text` politely, after whatever the screen reader is reading. Saying the same
    /// text again is heard again, so a second "Saved." after a second save is not swallowed.
    pub fn announce(&self, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            return;
        }
        self.recent.update(|recent| {
            let serial = recent.last().map_or(0, |last| last.serial + 1);
            recent.push(Announcement { serial, text });
            let excess = recent.len().saturating_sub(KEPT_MESSAGES);
            recent.drain(..excess);
        });
    }

    /// The text announced last, if any (read reactively).
    pub fn latest_text(&self) -> Option<String> {
        self.recent
            .with(|recent| recent.last().map(|last| last.text.clone()))
    }
}

/// The live region itself, hidden from sight. It must be in the page before its first
/// message, because screen readers only watch regions that existed when the page settled.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = AnnouncerContext::expect();

    // Each message is a paragraph of its own, kept by its serial: a new one is an addition
    // (read out, even when its words repeat the last one), the ones before stay untouched
    // (not read again), and dropping old ones is silent.
    view! {
        <div class="dwe-visually-hidden" role="status" aria-live="polite" data-testid="live-region">
            <For
                each=move || announcer.recent.get()
                key=|announcement| announcement.serial
                children=|announcement| view! { <p>{announcement.text}</p> }
            />
        </div>
    }
}
