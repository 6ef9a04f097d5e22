//! Import a real circuit's output, diagnose it, and back up or restore all data.

use leptos::prelude::*;

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    view! { <h1>"Import a circuit"</h1> }
}
