//! The banner for a broken `config.json` or bad attributes on the widget element.

use leptos::prelude::*;

use crate::widget::events;

/// Lists what was wrong with the operator's configuration, in plain words, and tells the
/// host page.
#[component]
pub fn ConfigProblems(
    /// Each problem found.
    #[prop(into)]
    problems: Signal<Vec<String>>,
) -> impl IntoView {
    Effect::new(move |_| {
        for problem in problems.get() {
            events::error("configuration", &problem);
        }
    });

    view! {
        <Show when=move || problems.with(|problems| !problems.is_empty())>
            <div class="dwe-banner dwe-banner--warning" role="alert" data-testid="config-problems">
                <strong class="dwe-banner__label">"The configuration has problems."</strong>
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
