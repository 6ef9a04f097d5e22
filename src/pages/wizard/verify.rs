//! Verify connectivity, on step 4 once a peering exists: for each peering and link the commands
//! that show the ARP table, the route table summary and the route table, a box to paste what they
//! print, and what it means, from the core's reading ([TROUBLE], [TROUBLE-ARP]). Pastes are read
//! in the page and kept only while it is open: they are never saved.

use er_core::{
    read_links, read_output, read_paste, verify_commands, Circuit, DevicePath, PastedOutput,
    PeeringType, Reading, Severity, VerifyError,
};
use leptos::prelude::*;

use crate::components::{SelectField, Sources, TextAreaField};
use crate::pages::wizard::commands::Command;

fn tone(s: Severity) -> &'static str {
    match s {
        Severity::Blocking => "error",
        Severity::Warning => "warning",
        Severity::Fine => "ok",
    }
}

/// One reading: severity, the link, what it means, what to check next and the source.
#[component]
pub fn ReadingCard(
    /// The reading.
    reading: Reading,
) -> impl IntoView {
    view! {
        <li class=format!("callout reading {}", tone(reading.severity))>
            <p class="callout-title">
                <span class=format!("badge badge-{}", match reading.severity { Severity::Blocking => "bad", Severity::Warning => "wait", Severity::Fine => "ok" })>
                    <span class="badge-value">{reading.severity.label()}</span>
                </span>
                " " {reading.title.clone()}
            </p>
            <p class="reading-where">{reading.where_text()}</p>
            <p>{reading.meaning.clone()}</p>
            <p><strong>"Check next: "</strong>{reading.next_check.clone()}</p>
            <Sources cited=reading.source/>
        </li>
    }
}

/// The "Verify connectivity" section for a circuit with at least one peering.
#[component]
pub fn VerifyConnectivity(circuit: Circuit) -> impl IntoView {
    let kinds: Vec<PeeringType> = circuit.peerings.iter().map(|p| p.peering_type).collect();
    let Some(first) = kinds.first().copied() else {
        return ().into_any();
    };
    let tier = circuit.sku.tier;
    let peering = RwSignal::new(first.as_str().to_string());
    let path = RwSignal::new(DevicePath::Primary.as_str().to_string());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<VerifyError>);
    let current = RwSignal::new(Vec::<Reading>::new());
    // Every paste read so far, with the peering and link it was for: both links together say
    // whether the peering is redundant.
    let pasted = RwSignal::new(Vec::<(PeeringType, DevicePath, PastedOutput)>::new());
    let chosen = move || {
        let k = peering.with(|p| {
            PeeringType::ALL
                .iter()
                .copied()
                .find(|k| k.as_str() == p)
                .unwrap_or(first)
        });
        let d = if path.get() == DevicePath::Secondary.as_str() {
            DevicePath::Secondary
        } else {
            DevicePath::Primary
        };
        (k, d)
    };
    let peering_options: Vec<(String, String)> = kinds
        .iter()
        .map(|k| (k.as_str().to_string(), k.as_str().to_string()))
        .collect();
    let path_options: Vec<(String, String)> = DevicePath::ALL
        .iter()
        .map(|d| (d.as_str().to_string(), format!("{d} link")))
        .collect();
    let c2 = circuit.clone();
    let read = move |_| {
        let (k, d) = chosen();
        match read_paste(&text.get_untracked()) {
            Ok(p) => {
                error.set(None);
                current.set(read_output(&p, k, d, tier));
                let (k, d) = (p.peering.unwrap_or(k), p.path.unwrap_or(d));
                pasted.update(|all| {
                    all.retain(|(k2, d2, p2)| {
                        !(*k2 == k && *d2 == d && p2.table.kind() == p.table.kind())
                    });
                    all.push((k, d, p));
                });
            }
            Err(e) => {
                error.set(Some(e));
                current.set(Vec::new());
            }
        }
    };
    let links = move || {
        pasted.with(|all| {
            let refs: Vec<(PeeringType, DevicePath, &PastedOutput)> =
                all.iter().map(|(k, d, p)| (*k, *d, p)).collect();
            read_links(&refs)
        })
    };
    view! {
        <section class="card verify" aria-labelledby="verify-heading">
            <h2 id="verify-heading">"Verify connectivity"</h2>
            <p>"For each peering and each link (primary and secondary), run these commands and paste what they print, as PowerShell text or JSON. The page reads it here and says what it means, following Microsoft's troubleshooting guides. Nothing you paste is saved."</p>
            <SelectField id="verify-peering" label="Peering" options=peering_options value=peering error=Signal::derive(|| None::<String>)/>
            <SelectField id="verify-path" label="Link" options=path_options value=path error=Signal::derive(|| None::<String>)/>
            {move || {
                let (k, d) = chosen();
                verify_commands(&c2, k, d).into_iter().map(|p| view! { <Command pair=p/> }).collect_view()
            }}
            <TextAreaField id="verify-output" label="What the command printed" hint="Paste one command's output: the ARP table, the route table summary or the route table. If you paste the command line too, its -PeeringType and -DevicePath (or --peering-name and --path) say which peering and link it is for." value=text error=Signal::derive(move || error.get().map(|e| format!("Line {}, column {}: {} Expected {}.", e.line, e.column, e.message, e.expected)))/>
            <button type="button" class="button" on:click=read>"Read the output"</button>
            <div role="status" class="verify-readings">
                {move || {
                    let rs = current.get();
                    (!rs.is_empty()).then(|| view! {
                        <h3>"What it means"</h3>
                        <ul class="readings">{rs.into_iter().map(|r| view! { <ReadingCard reading=r/> }).collect_view()}</ul>
                    })
                }}
                {move || {
                    let rs = links();
                    (!rs.is_empty()).then(|| view! {
                        <h3>"Both links"</h3>
                        <ul class="readings">{rs.into_iter().map(|r| view! { <ReadingCard reading=r/> }).collect_view()}</ul>
                    })
                }}
            </div>
        </section>
    }
    .into_any()
}
