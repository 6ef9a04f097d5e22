//! Export of one circuit in Azure's REST resource shape, on the tools page (with its timeline and
//! share link), so the JSON builder stays off the wizard's first load.

use er_core::Circuit;
use leptos::prelude::*;

/// Export the circuit in the REST resource shape, with Azure's enum spellings.
#[component]
pub fn ExportSection(circuit: Circuit) -> impl IntoView {
    let json = er_core::export_azure_json(&circuit);
    let filename = format!("{}.json", circuit.name);
    let status = RwSignal::new(None::<String>);
    let text = json.clone();
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>"The circuit as Azure's REST API shapes it (the same fields as az network express-route show --output json), ready to share or to import into this app elsewhere."</p>
            <button type="button" class="button secondary" on:click=move |_| {
                status.set(Some(match crate::files::download(&filename, &text, "application/json") {
                    Ok(()) => "Downloaded.".to_string(),
                    Err(e) => format!("The file could not be made ({e})."),
                }));
            }>"Download as Azure JSON"</button>
            <span role="status">{move || status.get()}</span>
            <details class="commands">
                <summary>"Show the JSON"</summary>
                <pre><code>{json}</code></pre>
            </details>
        </section>
    }
}
