//! Export of one circuit in Azure's REST resource shape, on the tools page (with its timeline and
//! share link), so the JSON builder stays off the wizard's first load.
//!
//! The full export keeps every key (importing it elsewhere must lose nothing) and says which
//! before the download; "Export without keys" writes the core's redacted copy.

use er_core::{redact, Circuit, SecretCount};
use leptos::prelude::*;

/// Export the circuit in the REST resource shape, with Azure's enum spellings.
#[component]
pub fn ExportSection(circuit: Circuit) -> impl IntoView {
    let json = er_core::export_azure_json(&circuit);
    let without = er_core::export_azure_json(&redact(&circuit).circuit);
    let keys = SecretCount::of([&circuit]);
    let filename = format!("{}.json", circuit.name);
    let filename_without = format!("{}-without-keys.json", circuit.name);
    let status = RwSignal::new(None::<String>);
    let save = move |name: &str, text: &str, what: &str| {
        status.set(Some(
            match crate::files::download(name, text, "application/json") {
                Ok(()) => format!("Downloaded {what}."),
                Err(e) => format!("The file could not be made ({e})."),
            },
        ));
    };
    let shown = without.clone();
    let warning = if keys.is_empty() {
        "This circuit holds no key: both files are the same.".to_string()
    } else {
        format!(
            "The Azure JSON contains {}: anyone who gets the file can use them. Keep it as safe as the circuit itself, or export without keys to share it.",
            keys.describe()
        )
    };
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>"The circuit as Azure's REST API shapes it (the same fields as az network express-route show --output json), to keep or to import into this app elsewhere."</p>
            <p id="export-keys" class=if keys.is_empty() { "" } else { "callout warning" }>{warning}</p>
            <p class="button-row">
                <button type="button" class="button secondary" aria-describedby="export-keys" on:click=move |_| save(&filename, &json, "the Azure JSON")>"Download as Azure JSON"</button>
                " "
                <button type="button" class="button secondary" on:click=move |_| save(&filename_without, &without, "the Azure JSON without keys")>"Export without keys"</button>
            </p>
            <span role="status">{move || status.get()}</span>
            <details class="commands">
                <summary>"Show the JSON (without keys)"</summary>
                <pre><code>{shown}</code></pre>
            </details>
        </section>
    }
}
