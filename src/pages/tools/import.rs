//! Import a real circuit's output and see what state it is in and what to do next; back up and
//! restore all of the app's data.

use er_core::{Imported, ImportedKind, ImportedResource};
use leptos::html;
use leptos::prelude::*;

use crate::components::error_summary::Problem;
use crate::components::StateBadges;
use crate::components::{CitedText, ErrorSummary, TextAreaField};
use crate::persist::model::{AppData, Resolution, RestorePlan, SavedCircuit};
use crate::route::{Route, Section};
use crate::store::{now, use_store};

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
        <p>"Accepted: the JSON of " <code>"az network express-route show"</code> " or " <code>"list"</code> ", a REST API response, " <code>"Get-AzExpressRouteCircuit | ConvertTo-Json"</code> ", or the plain output of " <code>"Get-AzExpressRouteCircuit"</code> " (or of " <code>"Get-AzExpressRoutePort"</code> " for an ExpressRoute Direct port). Keys in what you paste (the service key, authorization keys, MD5 keys) stay in this browser: nothing is sent anywhere, and share links leave them out. Remove them first if you like: redacted values (" <code>"****"</code> ", " <code>"123##"</code> ", " <code>"xxxx"</code> ", " <code>"<...>"</code> ") are shown as unknown."</p>
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

/// What the card says the paste is, when it is not a whole circuit.
fn kind_note(imported: &Imported) -> Option<String> {
    match &imported.resource {
        ImportedResource::Circuit(_) => None,
        ImportedResource::Peering { .. } => Some("This is a peering, not a whole circuit: it is read alone, and none of its circuit's states is shown because the paste does not have them. Paste the circuit itself to save it.".into()),
        ImportedResource::Authorization { .. } => Some("This is an authorization, not a whole circuit: it is read alone. Paste the circuit itself to save it.".into()),
        // The diagnosis says what these are ("Good to know").
        ImportedResource::RouteFilter(_) => Some("This is a route filter, a resource of its own: it is read alone. A circuit's Microsoft peering names the filter attached to it; paste the circuit to save it.".into()),
        ImportedResource::DirectPort(_) | ImportedResource::Other(_) => None,
    }
}

fn or_unknown(v: Option<String>) -> String {
    v.unwrap_or_else(|| "unknown".into())
}

#[component]
fn ImportedCard(imported: Imported) -> impl IntoView {
    let store = use_store();
    let circuit = imported.circuit().cloned();
    let title = imported.title();
    let note = kind_note(&imported);
    let d = imported.diagnosis.clone();
    let keys = circuit.as_ref().map(|c| er_core::SecretCount::of([c]));
    let saved_to = RwSignal::new(None::<String>);
    let format = imported.format;
    let heading_id = format!(
        "imported-{}",
        title.replace(|ch: char| !ch.is_ascii_alphanumeric(), "-")
    );
    let labelledby = heading_id.clone();
    let facts_caption = match imported.kind() {
        ImportedKind::DirectPort => "What identifies this port",
        ImportedKind::RouteFilter => "What identifies this route filter",
        ImportedKind::Circuit => "What identifies this circuit",
        ImportedKind::PeeringOnly | ImportedKind::AuthorizationOnly | ImportedKind::Other => {
            "What the paste says"
        }
    };
    let facts = imported.facts.clone();
    let peerings = imported.peerings.clone();
    let port = match &imported.resource {
        ImportedResource::DirectPort(p) => Some(p.clone()),
        _ => None,
    };
    let save_part = match circuit.clone() {
        Some(to_save) => {
            let save = move |_| {
                let id = crate::guid::new_id();
                let mut s = SavedCircuit::new(
                    id.clone(),
                    to_save.clone(),
                    er_core::steps::step_for(&to_save),
                    now(),
                );
                s.imported = true;
                s.timeline.push(crate::persist::model::TimelineEntry {
                    at: now(),
                    action: format!("Imported from {}", format.label()),
                    before: "Not in this browser".into(),
                    after: Some(crate::persist::model::state_summary(&s.circuit)),
                    refusal: None,
                    notes: Vec::new(),
                });
                store.update(|d| d.circuits.push(s));
                saved_to.set(Some(id));
            };
            (move || match saved_to.get() {
                None => view! { <button type="button" class="button" on:click=save.clone()>"Save to your circuits"</button> }.into_any(),
                Some(id) => view! {
                    <p class="callout ok" role="status">"Saved. "<a href=Route::Circuit { id, section: Section::Step(3) }.href()>"Open it"</a></p>
                }.into_any(),
            }).into_any()
        }
        None => view! { <p class="meta">"Only a whole circuit can be saved to your circuits."</p> }
            .into_any(),
    };
    view! {
        <section class="card" aria-labelledby=labelledby>
            <h3 id=heading_id>{title.clone()}" "<span class="meta">{format!("({})", format.label())}</span></h3>
            {circuit.as_ref().map(|c| view! {
                <StateBadges circuit=c.clone()/>
            })}
            {note.map(|n| view! { <p>{n}</p> })}
            {keys.filter(|k| !k.is_empty()).map(|k| view! {
                <p class="callout info">{format!("This output contains {}. It stays in this browser only: saving keeps it in this browser's storage, and share links and exports without keys leave it out.", k.describe())}</p>
            })}
            {(!facts.is_empty()).then(|| view! {
                <table class="table facts" tabindex="0">
                    <caption>{facts_caption}</caption>
                    <tbody>{facts.into_iter().map(|f| {
                        let unknown = f.value.is_none();
                        view! { <tr><th scope="row">{f.label}</th><td class:unknown=unknown>{or_unknown(f.value)}</td></tr> }
                    }).collect_view()}</tbody>
                </table>
            })}
            {(!peerings.is_empty()).then(|| view! {
                <table class="table" tabindex="0">
                    <caption>"Peerings in the paste"</caption>
                    <thead><tr><th scope="col">"Peering"</th><th scope="col">"State"</th><th scope="col">"VLAN ID"</th><th scope="col">"Peer ASN"</th><th scope="col">"Could not be read"</th></tr></thead>
                    <tbody>{peerings.into_iter().map(|p| {
                        let gaps = p.gaps.iter().map(|g| match &g.value {
                            Some(v) => format!("{} ('{v}')", g.label),
                            None => format!("{} (not in the paste)", g.label),
                        }).collect::<Vec<_>>().join(", ");
                        view! { <tr>
                            <th scope="row">{p.peering_type.to_string()}</th>
                            <td>{p.state.to_string()}</td>
                            <td class:unknown=p.vlan_id.is_none()>{or_unknown(p.vlan_id.map(|v| v.to_string()))}</td>
                            <td class:unknown=p.peer_asn.is_none()>{or_unknown(p.peer_asn.map(|v| v.to_string()))}</td>
                            <td>{if gaps.is_empty() { "—".to_string() } else { gaps }}</td>
                        </tr> }
                    }).collect_view()}</tbody>
                </table>
            })}
            {port.map(|p| view! {
                <table class="table" tabindex="0">
                    <caption>"Links of the port"</caption>
                    <thead><tr><th scope="col">"Link"</th><th scope="col">"Admin state"</th><th scope="col">"Microsoft router"</th><th scope="col">"Interface"</th><th scope="col">"Patch panel"</th></tr></thead>
                    <tbody>{p.links.into_iter().map(|l| view! { <tr>
                        <th scope="row">{l.name}</th>
                        <td class:unknown=l.admin_state.is_none()>{or_unknown(l.admin_state.map(|a| a.to_string()))}</td>
                        <td>{or_unknown(l.router_name)}</td>
                        <td>{or_unknown(l.interface_name)}</td>
                        <td>{or_unknown(l.patch_panel_id)}</td>
                    </tr> }).collect_view()}</tbody>
                </table>
            })}
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
                <table class="table" tabindex="0">
                    <caption>"Values shown as unknown"</caption>
                    <thead><tr><th scope="col">"Field"</th><th scope="col">"Value given"</th><th scope="col">"Used instead"</th></tr></thead>
                    <tbody>{imported.unknown_values.iter().map(|u| view! { <tr><td><code>{u.field.clone()}</code></td><td>{u.value.clone()}</td><td>{u.used_instead.clone()}</td></tr> }).collect_view()}</tbody>
                </table>
            })}
            {save_part}
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
    // Every key the file will hold: the circuits as they are and their undo history.
    let keys = Memo::new(move |_| {
        store.data.with(|d| {
            er_core::SecretCount::of(
                d.circuits
                    .iter()
                    .flat_map(|s| std::iter::once(&s.circuit).chain(s.history.iter())),
            )
        })
    });
    let download = move |_| {
        let text = store.data.with_untracked(|d| {
            serde_json::to_string_pretty(&crate::persist::storage::Envelope {
                version: crate::persist::storage::VERSION,
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
            let decoded = crate::persist::storage::decode::<AppData>(&text, |v, _| {
                Err(format!("schema {v} is not known"))
            });
            let backup = match decoded {
                crate::persist::storage::Decoded::Current(e)
                | crate::persist::storage::Decoded::Migrated(e) => e.data,
                crate::persist::storage::Decoded::Newer(v) => {
                    message.set(Some((false, format!("This backup was made by a newer version of the app (schema {v}). Nothing was restored."))));
                    return;
                }
                crate::persist::storage::Decoded::Corrupt(why) => {
                    message.set(Some((false, format!("This file is not a backup made by this app ({why}). Nothing was restored."))));
                    return;
                }
            };
            let p = store.data.with_untracked(|d| d.restore_plan(&backup));
            choices.set(vec![Resolution::KeepMine; p.conflicts.len()]);
            if p.conflicts.is_empty() {
                let added = p.added.len();
                store.update(|d| d.apply_restore(&p, &[], crate::guid::new_id, now()));
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
            store.update(|d| d.apply_restore(&p, &res, crate::guid::new_id, now()));
            message.set(Some((true, format!("Restored: {added} circuit(s) added and {} conflict(s) settled. Nothing was removed.", p.conflicts.len()))));
            plan.set(None);
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Back up and restore"</h2>
            <p>"Your circuits live only in this browser. Download a backup to keep them safe or to move them to another browser. Restoring adds what the backup has; it never removes a circuit."</p>
            <p id="backup-keys" class=move || if keys.get().is_empty() { "" } else { "callout warning" }>{move || {
                let k = keys.get();
                if k.is_empty() {
                    "The backup holds no key.".to_string()
                } else {
                    format!("The backup contains {}, so that restoring loses nothing: anyone who gets the file can use them. Keep it as safe as your Azure credentials.", k.describe())
                }
            }}</p>
            <button type="button" class="button secondary" aria-describedby="backup-keys" on:click=download>"Download a backup"</button>
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
                                <legend>{format!("{}: here {}, in the backup {}", mine.circuit.name, crate::persist::model::state_summary(&mine.circuit), crate::persist::model::state_summary(&theirs.circuit))}</legend>
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
