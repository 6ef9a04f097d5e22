//! GOV.UK-style error summary: "There is a problem", takes focus, links to each field.

use leptos::html;
use leptos::prelude::*;

/// One problem in the summary: the field's id and the message shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The id of the field the link moves focus to.
    pub field_id: String,
    /// The message, the same as shown beside the field.
    pub message: String,
}

/// The error summary shown above a form after a failed Continue. Renders nothing when `problems`
/// is empty; takes focus whenever a new set of problems appears, so screen readers announce it.
#[component]
pub fn ErrorSummary(
    /// The problems to list.
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !problems.get().is_empty() {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !problems.get().is_empty()>
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" node_ref=node>
                <h2 id="error-summary-title">"There is a problem"</h2>
                <ul>
                    <For
                        each=move || problems.get()
                        key=|p| (p.field_id.clone(), p.message.clone())
                        let(p)
                    >
                        <li>
                            <a
                                href=format!("#{}", p.field_id)
                                on:click={
                                    let id = p.field_id.clone();
                                    move |ev| {
                                        ev.prevent_default();
                                        super::focus_id(&id);
                                    }
                                }
                            >
                                {p.message.clone()}
                            </a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
