//! Inline explanations of a state, exactly as the core words them, and state badges.

use er_core::StateInfo;

use crate::components::Sources;
use leptos::prelude::*;

/// A state badge: the state's Azure spelling, coloured by how it stands.
#[component]
pub fn Badge(
    /// What the state is of, read by screen readers before the value ("Provider status").
    #[prop(into)]
    label: String,
    /// The state's Azure spelling.
    #[prop(into)]
    value: String,
    /// "ok", "wait", "bad" or "neutral".
    #[prop(into)]
    tone: String,
) -> impl IntoView {
    view! {
        <span class=format!("badge badge-{tone}")>
            <span class="badge-label">{label}": "</span>
            <span class="badge-value">{value}</span>
        </span>
    }
}

/// A state's title, meaning, next steps and source, from the core's `explain`.
#[component]
pub fn StateInfoPanel(
    /// The explanation.
    info: StateInfo,
    /// Heading level for the title (2 or 3).
    #[prop(default = 3)]
    level: u8,
    /// What the state is of ("Provider status"), put before the title where several states
    /// are explained side by side.
    #[prop(optional, into)]
    of: Option<String>,
) -> impl IntoView {
    let title = match of {
        Some(of) => format!("{of}: {}", info.title),
        None => info.title.clone(),
    };
    let heading = match level {
        2 => view! { <h2>{title}</h2> }.into_any(),
        4 => view! { <h4>{title}</h4> }.into_any(),
        _ => view! { <h3>{title}</h3> }.into_any(),
    };
    view! {
        <section class="state-info">
            {heading}
            <p>{info.meaning.clone()}</p>
            {(!info.next_steps.is_empty()).then(|| view! {
                <p class="next-label">"What to do"</p>
                <ul class="next-steps">
                    {info.next_steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
            })}
            <Sources cited=info.source/>
        </section>
    }
}
