//! The list of problems at the top of a form (the GOV.UK error summary pattern).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::problems::{Problem, ProblemTarget};

/// One line of the summary, with the field it belongs to when there is one on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryEntry {
    /// What is wrong.
    pub message: String,
    /// The element id of the field to jump to.
    pub field_id: Option<String>,
}

impl SummaryEntry {
    /// Summary lines for `problems` on a form whose fields are `form_fields` (API names);
    /// problems about other things are listed without a link.
    pub fn from_problems(problems: &[Problem], form_fields: &[&str]) -> Vec<Self> {
        problems
            .iter()
            .map(|problem| {
                let field = match &problem.target {
                    ProblemTarget::Field(name) | ProblemTarget::Relationship(name) => form_fields
                        .contains(&name.as_str())
                        .then(|| format!("field-{name}")),
                    ProblemTarget::Did(_) | ProblemTarget::Summary => None,
                };
                Self {
                    message: problem.message.clone(),
                    field_id: field,
                }
            })
            .collect()
    }
}

/// Lists every problem, takes focus whenever a new list arrives, and links each message to
/// its field.
#[component]
pub fn ErrorSummary(
    /// The lines to show; nothing is rendered while empty.
    #[prop(into)]
    entries: Signal<Vec<SummaryEntry>>,
    /// The heading above the list.
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let title = title.unwrap_or_else(|| "There is a problem".to_owned());

    // Every new list is announced by moving focus to it, as after a failed submit.
    Effect::new(move |_| {
        let has_entries = entries.with(|entries| !entries.is_empty());
        if let (true, Some(summary)) = (has_entries, summary.get()) {
            let _ = summary.focus();
        }
    });

    let entry_view = |entry: SummaryEntry| match entry.field_id {
        Some(field_id) => {
            let href = format!("#{field_id}");
            view! {
                <li>
                    <a
                        class="dwe-error-summary__link"
                        href=href
                        on:click=move |event| {
                            event.prevent_default();
                            focus_element(&event, &field_id);
                        }
                    >
                        {entry.message}
                    </a>
                </li>
            }
            .into_any()
        }
        None => view! { <li>{entry.message}</li> }.into_any(),
    };

    view! {
        <Show when=move || entries.with(|entries| !entries.is_empty())>
            <div
                class="dwe-error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                data-testid="error-summary"
                node_ref=summary
            >
                <h2 class="dwe-error-summary__title" id="error-summary-title">
                    {title.clone()}
                </h2>
                <ul class="dwe-error-summary__list">
                    {move || entries.get().into_iter().map(entry_view).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Moves focus to the element with `id` in the clicked link's own document, which inside the
/// `<didww-emergency>` widget is its shadow root rather than the page.
fn focus_element(event: &web_sys::MouseEvent, id: &str) {
    let root = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
        .map(|node| node.get_root_node());
    let element = match root {
        Some(root) => match root.dyn_into::<web_sys::DocumentFragment>() {
            Ok(fragment) => fragment.get_element_by_id(id),
            Err(root) => root
                .dyn_into::<web_sys::Document>()
                .ok()
                .and_then(|document| document.get_element_by_id(id)),
        },
        None => None,
    };
    if let Some(element) =
        element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
