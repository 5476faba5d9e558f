//! Loading the account's numbers page by page in the background, and saying how far it got.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{now_ms, sleep_ms, Client, EmergencyDidPages};
use crate::components::{AnnouncerContext, ErrorState};
use crate::config::ConfigContext;
use crate::domain::selection::{numbers_count, thousands};
use crate::state::{DidListing, LoadProgress};

/// Background pages are asked for at most this often (15 a second), so that a search or a
/// whole-group choice made meanwhile finds room in DIDWW's 20 requests a second.
const BACKGROUND_PAGE_INTERVAL_MS: f64 = 1000.0 / 15.0;

/// Keeps `listing` loaded for the client in force: starts a run when nothing was loaded for
/// it yet (first visit, new settings, another account) and leaves a run in progress alone,
/// also when the user moves to another step and back.
pub(super) fn keep_listing_loaded(listing: DidListing, config: ConfigContext) {
    Effect::new(move |_| {
        let generation = config.client_generation();
        // A reset for another account empties the listing; this effect must start it again.
        listing.progress().track();
        if !listing.needs_load(generation) {
            return;
        }
        let ticket = listing.begin(generation);
        match config.background_client() {
            Ok(client) => spawn_local(load_pages(
                listing,
                client,
                ticket,
                EmergencyDidPages::new(),
            )),
            Err(error) => listing.stop(ticket, error, None),
        }
    });
}

/// Goes on where a stopped run stopped, or starts afresh when there is nothing to resume.
pub(super) fn retry_listing(listing: DidListing, config: ConfigContext) {
    match (listing.resume(), config.background_client()) {
        (Some((ticket, pages)), Ok(client)) => {
            spawn_local(load_pages(listing, client, ticket, pages))
        }
        _ => listing.reset(),
    }
}

/// Reads pages until the last one, handing each to `listing` as it arrives.
async fn load_pages(
    listing: DidListing,
    client: Client,
    ticket: u64,
    mut pages: EmergencyDidPages,
) {
    loop {
        let started = now_ms();
        match pages.next_page(&client).await {
            Ok(Some(page)) => {
                if !listing.append(ticket, page.dids, page.total) {
                    return;
                }
            }
            Ok(None) => {}
            Err(error) => {
                log::warn!(
                    "loading the numbers stopped after {} of them: {error}",
                    pages.loaded()
                );
                listing.stop(ticket, error, Some(pages));
                return;
            }
        }
        if pages.is_done() {
            listing.finish(ticket);
            return;
        }
        // The demo answers at once and has no rate limit, but the page must still get a
        // turn to draw between pages.
        let pause = if client.is_demo() {
            0.0
        } else {
            BACKGROUND_PAGE_INTERVAL_MS - (now_ms() - started)
        };
        sleep_ms(pause.max(0.0).ceil() as u32).await;
        if !listing.is_current(ticket) {
            return;
        }
    }
}

/// "Loaded 300 of 10,000 numbers", with a progress bar while pages arrive, and what to do
/// when loading stopped.
#[component]
pub(super) fn LoadStatus(
    /// The listing to describe.
    listing: DidListing,
    /// Called when the user asks to go on after a failure.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let announcer = AnnouncerContext::expect();
    let loaded = move || listing.dids().with(Vec::len);
    let total = move || listing.total().get();
    let words = move || {
        let loaded = loaded();
        match total() {
            Some(total) => format!(
                "Loaded {} of {} numbers",
                thousands(loaded),
                thousands(total as usize)
            ),
            None => format!("Loaded {} numbers", thousands(loaded)),
        }
    };

    // The end of a load is announced once; every page on the way would be too chatty.
    Effect::new(move |was_complete: Option<bool>| {
        let is_complete = listing.progress().get() == LoadProgress::Complete;
        if was_complete == Some(false) && is_complete {
            let loaded = listing.dids().with_untracked(Vec::len);
            announcer.announce(format!("All {} loaded.", numbers_count(loaded)));
        }
        is_complete
    });

    view! {
        <div class="dwe-load-status" data-testid="did-load-status">
            {move || match listing.progress().get() {
                LoadProgress::Idle => ().into_any(),
                LoadProgress::Loading => view! {
                    <p class="dwe-load-status__text" data-testid="did-load-progress">
                        {move || format!("{}…", words())}
                    </p>
                    <progress
                        class="dwe-load-status__bar"
                        max=move || total().unwrap_or(0).max(1).to_string()
                        value=move || loaded().to_string()
                        aria-hidden="true"
                    ></progress>
                }
                .into_any(),
                LoadProgress::Complete => view! {
                    <p class="dwe-load-status__text" data-testid="did-load-progress">
                        {move || format!("{}.", words())}
                    </p>
                }
                .into_any(),
                LoadProgress::Stopped(error) => view! {
                    <p class="dwe-load-status__text" data-testid="did-load-progress">
                        {move || format!("{}; loading stopped.", words())}
                    </p>
                    <ErrorState error=error on_retry=move |_| on_retry.run(()) />
                }
                .into_any(),
            }}
        </div>
    }
}
