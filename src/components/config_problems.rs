//! The banner for a broken `config.json`.

use leptos::prelude::*;

/// Lists what was wrong with the operator's configuration file, in plain words.
#[component]
pub fn ConfigProblems(
    /// Each problem found.
    #[prop(into)]
    problems: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || problems.with(|problems| !problems.is_empty())>
            <div class="dwe-banner dwe-banner--warning" role="alert" data-testid="config-problems">
                <strong class="dwe-banner__label">"The configuration file has problems."</strong>
                " The parts below were ignored; the app uses its defaults or your settings."
                <ul class="dwe-banner__list">
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|problem| view! { <li>{problem}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
