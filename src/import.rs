//! Import a real circuit's output and see what state it is in and what to do next; back up and
//! restore all of the app's data.

use er_core::{Imported, ImportedKind};
use leptos::html;
use leptos::prelude::*;

use crate::circuits::StateBadges;
use crate::components::error_summary::Problem;
use crate::components::{CitedText, ErrorSummary, TextAreaField};
use crate::route::{Route, Section};
use crate::state::{AppData, Resolution, RestorePlan, SavedCircuit};
use crate::store::{now, use_store};

/// The wizard step where an imported circuit's person most likely is.
fn step_for(c: &er_core::Circuit) -> u8 {
    use er_core::CircuitPhase as P;
    match c.phase() {
        P::NotProvisioned | P::Provisioning | P::Deprovisioning => 2,
        P::Provisioned | P::Direct if c.peerings.is_empty() => 4,
        P::Provisioned | P::Direct => 5,
        P::Deleting => 3,
    }
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let results = RwSignal::new(Vec::<Imported>::new());
    let file_input = NodeRef::<html::Input>::new();
    let read = move |t: String| match er_core::import(&t) {
        Ok(found) => {
            problems.set(Vec::new());
            results.set(found);
        }
        Err(e) => {
            results.set(Vec::new());
            problems.set(vec![Problem {
                    field_id: "import-text".into(),
                    message: format!("The text could not be read: {e}. Nothing was imported, and your saved circuits are unchanged."),
                }]);
        }
    };
    let on_read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        read(text.get_untracked());
    };
    let on_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match crate::files::read_chosen_file(&input).await {
                Ok(Some(t)) => {
                    text.set(t.clone());
                    read(t);
                }
                Ok(None) => {}
                Err(e) => problems.set(vec![Problem {
                    field_id: "import-file".into(),
                    message: format!("The file could not be read ({e}). Nothing was imported."),
                }]),
            }
        });
    };
    view! {
        <h1>"Import a circuit"</h1>
        <p class="lead">"Paste what Azure shows for a real circuit, and see what state it is in, what is blocking it and what to do next. Nothing leaves this page."</p>
        <p>"Accepted: the JSON of " <code>"az network express-route show"</code> " or " <code>"list"</code> ", a REST API response, " <code>"Get-AzExpressRouteCircuit | ConvertTo-Json"</code> ", or the plain output of " <code>"Get-AzExpressRouteCircuit"</code> ". Remove secrets first if you like: redacted values are shown as unknown."</p>
        <ErrorSummary problems=Signal::from(problems)/>
        <form novalidate on:submit=on_read>
            <TextAreaField id="import-text" label="Paste the circuit's output" value=text error=Signal::derive(move || problems.with(|p| p.iter().find(|p| p.field_id == "import-text").map(|p| p.message.clone())))/>
            <div class="field">
                <label for="import-file">"Or choose a file"</label>
                <input type="file" id="import-file" accept=".json,.txt,application/json,text/plain" node_ref=file_input on:change=on_file/>
            </div>
            <button type="submit" class="button">"Read the output"</button>
        </form>
        {move || {
            let found = results.get();
            (!found.is_empty()).then(|| view! {
                <h2 id="import-results">{format!("Found {} item{}", found.len(), if found.len() == 1 { "" } else { "s" })}</h2>
                {found.into_iter().map(|i| view! { <ImportedCard imported=i/> }).collect_view()}
            })
        }}
        <BackupSection/>
    }
}

#[component]
fn ImportedCard(imported: Imported) -> impl IntoView {
    let store = use_store();
    let c = imported.circuit.clone();
    let kind_note = match imported.kind {
        ImportedKind::Circuit => None,
        ImportedKind::PeeringOnly => Some("This is a peering, not a whole circuit: the circuit around it was assumed from the peering's resource ID."),
        ImportedKind::AuthorizationOnly => Some("This is an authorization, not a whole circuit: the circuit around it was assumed."),
    };
    let d = imported.diagnosis.clone();
    let saved_to = RwSignal::new(None::<String>);
    let to_save = c.clone();
    let save = move |_| {
        let id = crate::ids::new_id();
        let mut s = SavedCircuit::new(id.clone(), to_save.clone(), step_for(&to_save), now());
        s.imported = true;
        s.timeline.push(crate::state::TimelineEntry {
            at: now(),
            action: format!("Imported from {}", imported.format.label()),
            before: "Not in this browser".into(),
            after: Some(crate::state::state_summary(&s.circuit)),
            refusal: None,
            notes: Vec::new(),
        });
        store.update(|d| d.circuits.push(s));
        saved_to.set(Some(id));
    };
    let heading_id = format!(
        "imported-{}",
        c.name.replace(|ch: char| !ch.is_ascii_alphanumeric(), "-")
    );
    let labelledby = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelledby>
            <h3 id=heading_id>{c.name.clone()}" "<span class="meta">{format!("({})", imported.format.label())}</span></h3>
            <StateBadges circuit=c.clone()/>
            <p class="meta">{crate::circuits::meta_line(&c)}</p>
            {kind_note.map(|n| view! { <p>{n}</p> })}
            <h4>"Next step"</h4>
            <p class="next">{d.next_step.clone()}</p>
            {(!d.blocking.is_empty()).then(|| view! {
                <h4>"What is blocking"</h4>
                <ul>{d.blocking.iter().map(|b| view! { <li><CitedText text=b.clone()/></li> }).collect_view()}</ul>
            })}
            {(!d.fine.is_empty()).then(|| view! {
                <h4>"What is fine"</h4>
                <ul>{d.fine.iter().map(|b| view! { <li><CitedText text=b.clone()/></li> }).collect_view()}</ul>
            })}
            {(!d.notes.is_empty()).then(|| view! {
                <h4>"Good to know"</h4>
                <ul>{d.notes.iter().map(|b| view! { <li><CitedText text=b.clone()/></li> }).collect_view()}</ul>
            })}
            {(!imported.warnings.is_empty()).then(|| view! {
                <div class="callout warning">
                    <p class="callout-title">{format!("{} value{} could not be read as given", imported.warnings.len(), if imported.warnings.len() == 1 { "" } else { "s" })}</p>
                    <ul>{imported.warnings.iter().map(|w| view! { <li><code>{w.field.clone()}</code>": "{w.message.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            {(!imported.unknown_values.is_empty()).then(|| view! {
                <table class="table">
                    <caption>"Values shown as unknown"</caption>
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Value given"</th><th scope="col">"Used instead"</th></tr></thead>
                    <tbody>{imported.unknown_values.iter().map(|u| view! { <tr><td><code>{u.field.clone()}</code></td><td>{u.value.clone()}</td><td>{u.used_instead.clone()}</td></tr> }).collect_view()}</tbody>
                </table>
            })}
            {move || match saved_to.get() {
                None => view! { <button type="button" class="button" on:click=save.clone()>"Save to your circuits"</button> }.into_any(),
                Some(id) => view! {
                    <p class="callout ok" role="status">"Saved. "<a href=Route::Circuit { id, section: Section::Step(3) }.href()>"Open it"</a></p>
                }.into_any(),
            }}
        </section>
    }
}

/// Download all data as one file; restore from such a file, merging without losing anything.
#[component]
fn BackupSection() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<(bool, String)>);
    let plan = RwSignal::new(None::<RestorePlan>);
    let choices = RwSignal::new(Vec::<Resolution>::new());
    let file_input = NodeRef::<html::Input>::new();
    let download = move |_| {
        let text = store.data.with_untracked(|d| {
            serde_json::to_string_pretty(&crate::storage::Envelope {
                version: crate::storage::VERSION,
                revision: 0,
                data: d,
            })
        });
        let result = text.map_err(|e| e.to_string()).and_then(|t| {
            crate::files::download("expressroute-circuits-backup.json", &t, "application/json")
        });
        message.set(Some(match result {
            Ok(()) => (true, "The backup file was downloaded.".into()),
            Err(e) => (false, format!("The backup could not be made ({e}).")),
        }));
    };
    let on_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match crate::files::read_chosen_file(&input).await {
                Ok(Some(t)) => t,
                Ok(None) => return,
                Err(e) => {
                    message.set(Some((
                        false,
                        format!("The file could not be read ({e}). Nothing was restored."),
                    )));
                    return;
                }
            };
            let decoded = crate::storage::decode::<AppData>(&text, |v, _| {
                Err(format!("schema {v} is not known"))
            });
            let backup = match decoded {
                crate::storage::Decoded::Current(e) | crate::storage::Decoded::Migrated(e) => {
                    e.data
                }
                crate::storage::Decoded::Newer(v) => {
                    message.set(Some((false, format!("This backup was made by a newer version of the app (schema {v}). Nothing was restored."))));
                    return;
                }
                crate::storage::Decoded::Corrupt(why) => {
                    message.set(Some((false, format!("This file is not a backup made by this app ({why}). Nothing was restored."))));
                    return;
                }
            };
            let p = store.data.with_untracked(|d| d.restore_plan(&backup));
            choices.set(vec![Resolution::KeepMine; p.conflicts.len()]);
            if p.conflicts.is_empty() {
                let added = p.added.len();
                store.update(|d| d.apply_restore(&p, &[], crate::ids::new_id, now()));
                message.set(Some((
                    true,
                    format!(
                        "Restored: {added} circuit(s) added, {} already here. Nothing was removed.",
                        p.unchanged
                    ),
                )));
            } else {
                plan.set(Some(p));
            }
        });
    };
    let finish = move |_| {
        if let Some(p) = plan.get_untracked() {
            let added = p.added.len();
            let res = choices.get_untracked();
            store.update(|d| d.apply_restore(&p, &res, crate::ids::new_id, now()));
            message.set(Some((true, format!("Restored: {added} circuit(s) added and {} conflict(s) settled. Nothing was removed.", p.conflicts.len()))));
            plan.set(None);
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Back up and restore"</h2>
            <p>"Your circuits live only in this browser. Download a backup to keep them safe or to move them to another browser. Restoring adds what the backup has; it never removes a circuit."</p>
            <button type="button" class="button secondary" on:click=download>"Download a backup"</button>
            <div class="field">
                <label for="restore-file">"Restore from a backup file"</label>
                <input type="file" id="restore-file" accept=".json,application/json" node_ref=file_input on:change=on_file/>
            </div>
            <div role="status">
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "callout ok" } else { "callout error" }>{m}</p> })}
            </div>
            {move || plan.get().map(|p| view! {
                <div class="callout warning">
                    <h3>"Some circuits differ between this browser and the backup"</h3>
                    <p>{format!("{} circuit(s) will be added. Choose what to do with each circuit below.", p.added.len())}</p>
                    {p.conflicts.iter().enumerate().map(|(i, (mine, theirs))| {
                        let name = format!("conflict-{i}");
                        let opts = [
                            (Resolution::KeepMine, "Keep this browser's copy"),
                            (Resolution::UseBackup, "Use the backup's copy"),
                            (Resolution::KeepBoth, "Keep both"),
                        ];
                        view! {
                            <fieldset class="radios">
                                <legend>{format!("{}: here {}, in the backup {}", mine.circuit.name, crate::state::state_summary(&mine.circuit), crate::state::state_summary(&theirs.circuit))}</legend>
                                {opts.into_iter().map(|(r, label)| {
                                    let rid = format!("{name}-{r:?}");
                                    view! {
                                        <div class="radio">
                                            <input type="radio" id=rid.clone() name=name.clone()
                                                prop:checked=move || choices.with(|c| c.get(i) == Some(&r))
                                                on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = r; })/>
                                            <label for=rid>{label}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }
                    }).collect_view()}
                    <button type="button" class="button" on:click=finish>"Restore"</button>
                </div>
            })}
        </section>
    }
}
