//! A button that copies a text to the clipboard and says so.

use leptos::prelude::*;

/// Copies text to the clipboard and says so in a live region.
#[component]
pub fn CopyButton(
    /// What is copied.
    text: String,
    /// What the button copies, for its accessible name ("service key").
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let what2 = what.clone();
    view! {
        <button type="button" class="button secondary small" on:click=move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&text);
                copied.set(true);
            }
        }>"Copy"<span class="visually-hidden">{format!(" {what}")}</span></button>
        <span class="copied" role="status">{move || copied.get().then(|| format!("Copied the {what2}."))}</span>
    }
}
