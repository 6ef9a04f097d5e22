//! The one confirmation asked before a circuit is deleted, on the list and on its own page.

use leptos::prelude::*;

/// "Delete NAME? …" with "Yes, delete the circuit" and "Cancel", shown while `open` is true.
/// Shown only when the core allows the delete: a refused delete is explained instead.
#[component]
pub fn DeleteConfirmation(
    /// The circuit's name, as the person gave it.
    name: String,
    /// Whether the question is shown; Cancel closes it.
    open: RwSignal<bool>,
    /// Deletes the circuit.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let question = format!(
        "Delete {name}? In Azure this removes the circuit resource and stops billing. It cannot be undone."
    );
    view! {
        <Show when=move || open.get()>
            <div class="callout warning" role="alertdialog" aria-label="Confirm delete">
                <p>{question.clone()}</p>
                <button type="button" class="button warning" on:click=move |_| on_confirm.run(())>"Yes, delete the circuit"</button>
                <button type="button" class="button secondary" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Show>
    }
}
