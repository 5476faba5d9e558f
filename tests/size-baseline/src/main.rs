//! A minimal Leptos client-side app, kept as the floor that the real app's bundle size and
//! start-up time are compared with. It does what the app's first step does at its simplest:
//! read `config.json`, fetch one page of numbers with the remembered API key, and show a form
//! whose rows can be ticked.

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

/// Where the app stores a remembered API key (the same key the real app uses).
const KEY_STORAGE_KEY: &str = "didww-emergency.api-key";

/// The member of `config.json` that this app reads.
#[derive(Deserialize)]
struct Config {
    api_base_url: String,
}

/// A JSON:API collection of numbers, reduced to what the form shows.
#[derive(Deserialize)]
struct Collection {
    data: Vec<Number>,
}

#[derive(Clone, Deserialize)]
struct Number {
    id: String,
    attributes: NumberAttributes,
}

#[derive(Clone, Deserialize)]
struct NumberAttributes {
    number: String,
}

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <main>
                <h1>"Numbers"</h1>
                <Routes fallback=NumbersPage>
                    <Route path=path!("/dids") view=NumbersPage />
                </Routes>
            </main>
        </Router>
    }
}

/// Reads the API base from `config.json`, then the first page of numbers.
async fn load_numbers() -> Result<Vec<Number>, String> {
    let config: Config = Request::get("/config.json")
        .send()
        .await
        .map_err(|error| error.to_string())?
        .json()
        .await
        .map_err(|error| error.to_string())?;

    let key = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(KEY_STORAGE_KEY).ok().flatten())
        .unwrap_or_default();
    let collection: Collection = Request::get(&format!("{}/dids", config.api_base_url))
        .query([("page[size]", "50")])
        .header("Accept", "application/vnd.api+json")
        .header("Api-Key", &key)
        .send()
        .await
        .map_err(|error| error.to_string())?
        .json()
        .await
        .map_err(|error| error.to_string())?;
    Ok(collection.data)
}

#[component]
fn NumbersPage() -> impl IntoView {
    let numbers = LocalResource::new(load_numbers);
    let chosen = RwSignal::new(0_usize);

    view! {
        <form data-testid="step-dids" on:submit=|event| event.prevent_default()>
            <Suspense fallback=|| view! { <p>"Loading numbers…"</p> }>
                {move || Suspend::new(async move {
                    match numbers.await {
                        Ok(list) => list
                            .into_iter()
                            .map(|number| view! { <NumberRow number chosen /> })
                            .collect_view()
                            .into_any(),
                        Err(problem) => view! { <p class="problem">{problem}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <p>{move || format!("{} chosen", chosen.get())}</p>
            <button type="submit" disabled=move || chosen.get() == 0>"Continue"</button>
        </form>
    }
}

#[component]
fn NumberRow(number: Number, chosen: RwSignal<usize>) -> impl IntoView {
    view! {
        <label>
            <input
                type="checkbox"
                data-testid=format!("did-select-{}", number.id)
                on:change=move |event| {
                    let delta = if event_target_checked(&event) { 1 } else { -1 };
                    chosen.update(|count| *count = count.saturating_add_signed(delta));
                }
            />
            " "
            {number.attributes.number}
        </label>
    }
}
