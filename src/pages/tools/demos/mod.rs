//! Onboarding demos: the timeline with undo, the live state diagram, scripted scenarios and shared
//! links.
//!
//! - [`diagram`]: the SVG state diagram drawn from the core's transition table, with lists.
//! - [`player`]: a built-in scenario played step by step on a scratch circuit.
//! - Shared links: `#/share/<payload>`, a circuit (or a scenario and step) as base64url JSON,
//!   encoded and decoded by the core ([`er_core::encode_share`], [`er_core::decode_share`]).

pub mod design;
pub mod diagram;
pub mod player;

use er_core::{
    decode_share, scenario, scenarios, share_circuit, Circuit, CircuitPhase, Machine, PeeringType,
    Shared,
};
use leptos::prelude::*;

use crate::app::absolute;
use crate::components::StateBadges;
use crate::components::{Sources, StateInfoPanel};
use crate::persist::model::SavedCircuit;
use crate::route::{Route, Section};
use crate::store::{now, use_store};
use design::DesignPlayer;
use diagram::StateDiagram;
use player::ScenarioPlayer;

fn time_text(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let t: String = d.to_locale_time_string("en-GB").into();
    t
}

/// The machines worth drawing for a circuit: its phase, each configured peering's BGP state, and
/// Microsoft peering's prefixes.
fn machines_for(c: &Circuit) -> Vec<Machine> {
    let mut out = vec![Machine::Circuit];
    for kind in [
        PeeringType::AzurePrivatePeering,
        PeeringType::MicrosoftPeering,
    ] {
        if c.peering(kind).is_some() {
            out.push(Machine::Bgp(kind));
        }
    }
    if c.peering(PeeringType::MicrosoftPeering).is_some() {
        out.push(Machine::Prefixes);
    }
    out
}

/// The timeline of a circuit, newest first, with undo of the last applied action, its state
/// diagrams, and a link to share it.
#[component]
pub fn TimelinePage(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    let store = use_store();
    let id2 = id.clone();
    let saved = Memo::new(move |_| store.data.with(|d| d.get(&id2).cloned()));
    let undo_id = id.clone();
    // The core redacts the circuit and says what it left out; the page only shows both.
    let share = Memo::new(move |_| {
        circuit.with(|c| {
            c.as_ref().map(|c| {
                let (payload, withheld) = share_circuit(c);
                (Route::Share(payload), withheld)
            })
        })
    });
    let machines =
        Memo::new(move |_| circuit.with(|c| c.as_ref().map(machines_for).unwrap_or_default()));
    let diagrams = circuit.get_untracked().map(|initial| {
        let current = Signal::derive(move || circuit.get().unwrap_or_else(|| initial.clone()));
        view! {
            {move || machines.get().into_iter().map(|m| view! { <StateDiagram machine=m circuit=current/> }).collect_view()}
        }
    });
    view! {
        <h1>"Timeline"</h1>
        <p class="lead">"Every action taken on this circuit, with the states before and after, and every refusal shown. Undo restores the exact previous state."</p>
        {move || saved.get().map(|s| {
            let can_undo = !s.history.is_empty();
            let undo_id = undo_id.clone();
            view! {
                <p>
                    <button type="button" class="button secondary" disabled=!can_undo on:click=move |_| {
                        store.update_circuit(&undo_id, |c| { c.undo(now()); });
                    }>"Undo last action"</button>
                </p>
                {s.timeline.is_empty().then(|| view! { <p class="empty">"No action has been taken on this circuit yet."</p> })}
                <ol class="timeline" reversed>
                    {s.timeline.iter().rev().map(|e| view! {
                        <li class=if e.refusal.is_some() { "refused" } else { "applied" }>
                            <p><time>{time_text(e.at)}</time>" · "<strong>{e.action.clone()}</strong>{if e.refusal.is_some() { " — refused" } else { "" }}</p>
                            <p class="meta">"Before: "{e.before.clone()}</p>
                            {e.after.clone().map(|a| view! { <p class="meta">"After: "{a}</p> })}
                            {e.refusal.clone().map(|r| view! { <p class="refusal">{r}</p> })}
                            {e.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
                        </li>
                    }).collect_view()}
                </ol>
            }
        })}
        <section class="share-box" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share this circuit"</h2>
            <p>"The link carries the circuit itself (not its timeline): it opens the same state in another browser, with no server. Anyone with the link sees the circuit's names and settings. A link never carries a key: links are forwarded in chats and tickets and stay in browser history."</p>
            {move || share.get().map(|(r, withheld)| {
                let url = absolute(&r);
                let copy_url = url.clone();
                view! {
                    {if withheld.is_empty() {
                        view! { <p id="share-withheld">"This circuit holds no key, so nothing is left out."</p> }.into_any()
                    } else {
                        view! {
                            <div id="share-withheld">
                                <p>"Left out of the link (the circuit opens with them shown as not shared):"</p>
                                <ul>{withheld.iter().map(|s| view! { <li>{s.label()}</li> }).collect_view()}</ul>
                            </div>
                        }.into_any()
                    }}
                    <p><a class="button secondary" href=r.href()>"Share this circuit"</a>
                    <button type="button" class="button secondary" on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.navigator().clipboard().write_text(&copy_url);
                        }
                    }>"Copy link"</button></p>
                    <div class="field">
                        <label for="share-url">"Link to share"</label>
                        <input id="share-url" type="text" readonly prop:value=url class="input-long" aria-describedby="share-withheld"/>
                    </div>
                }
            })}
        </section>
        {move || circuit.get().map(|c| view! { <crate::export::ExportSection circuit=c/> })}
        {diagrams}
    }
}

/// "Save a copy to your circuits": adds the circuit as a new saved circuit through the store.
#[component]
pub fn SaveCopy(
    /// The circuit to copy.
    #[prop(into)]
    circuit: Signal<Circuit>,
) -> impl IntoView {
    let store = use_store();
    let saved_id: RwSignal<Option<String>> = RwSignal::new(None);
    // A new copy can be saved again after the shown circuit changes.
    Effect::watch(
        move || circuit.get(),
        move |_, _, _| saved_id.set(None),
        false,
    );
    let deleting = move || circuit.with(|c| c.phase() == CircuitPhase::Deleting);
    view! {
        <button type="button" class="button secondary" disabled=deleting on:click=move |_| {
            let c = circuit.get_untracked();
            let id = crate::guid::new_id();
            let step = match c.phase() {
                CircuitPhase::NotProvisioned => 2,
                CircuitPhase::Provisioning | CircuitPhase::Deprovisioning => 3,
                CircuitPhase::Provisioned | CircuitPhase::Direct => 4,
                CircuitPhase::Deleting => 1,
            };
            let saved = SavedCircuit::new(id.clone(), c, step, now());
            store.update(|d| d.circuits.push(saved));
            saved_id.set(Some(id));
        }>"Save a copy to your circuits"</button>
        <span role="status" class="save-status">
            {move || saved_id.get().map(|id| view! {
                "Saved as a new circuit. "
                <a href=Route::Circuit { id, section: Section::Timeline }.href()>"Open the saved copy"</a>
            })}
            {move || deleting().then_some("A circuit being deleted cannot be saved.")}
        </span>
    }
}

/// The list of demos, or one scenario playing.
#[component]
pub fn DemosPage(name: Option<String>) -> impl IntoView {
    match name {
        None => view! {
            <h1>"Demos"</h1>
            <p class="lead">"Scripted scenarios that show how a circuit moves through its states and where people get stuck. Each plays on a scratch circuit: your saved circuits are never touched. No Azure subscription is needed."</p>
            <ul class="scenario-list">
                {scenarios().into_iter().map(|s| view! {
                    <li class="card">
                        <h2><a href=Route::Demos(Some(s.slug.to_string())).href()>{s.title}</a></h2>
                        <p>{s.summary}</p>
                        <p class="meta">{format!("{} steps", s.steps.len())}</p>
                    </li>
                }).collect_view()}
                {er_core::design_demo::design_demos().into_iter().map(|s| view! {
                    <li class="card">
                        <h2><a href=Route::Demos(Some(s.slug.to_string())).href()>{s.title}</a></h2>
                        <p>{s.summary}</p>
                        <p class="meta">{format!("{} steps · {} circuit{}", s.steps.len(), s.forms.len(), if s.forms.len() == 1 { "" } else { "s" })}</p>
                    </li>
                }).collect_view()}
            </ul>
            <section class="card" aria-labelledby="peers-title">
                <h2 id="peers-title">"If you know another cloud"</h2>
                <p>"The nearest state in AWS Direct Connect, Google Cloud Interconnect and Oracle FastConnect. These are analogies to help you find your way, not equivalences: each service has its own rules."</p>
                <table class="table">
                    <caption>"Azure ExpressRoute states and their nearest counterparts"</caption>
                    <thead><tr>
                        <th scope="col">"Azure ExpressRoute"</th>
                        <th scope="col">"AWS Direct Connect"</th>
                        <th scope="col">"Google Cloud Interconnect"</th>
                        <th scope="col">"Oracle FastConnect"</th>
                    </tr></thead>
                    <tbody>
                        {er_core::PEER_ANALOGIES.iter().map(|a| view! {
                            <tr>
                                <th scope="row">{a.azure}</th>
                                <td>{a.aws}</td>
                                <td>{a.gcp}</td>
                                <td>{a.oci}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <Sources cited=er_core::peer_analogy_sources()/>
            </section>
        }
        .into_any(),
        Some(slug) => match scenario(&slug) {
            Some(s) => view! {
                <p><a class="back-link" href=Route::Demos(None).href()>"All demos"</a></p>
                <h1>{s.title}</h1>
                <p class="lead">{s.summary}" "<span class="meta">"(A scratch circuit: nothing is saved.)"</span></p>
                <ScenarioPlayer scenario=s/>
            }
            .into_any(),
            None => match er_core::design_demo::design_demo(&slug) {
                Some(d) => view! {
                    <p><a class="back-link" href=Route::Demos(None).href()>"All demos"</a></p>
                    <h1>{d.title}</h1>
                    <p class="lead">{d.summary}" "<span class="meta">"(Scratch circuits: nothing is saved.)"</span></p>
                    <DesignPlayer demo=d/>
                }
                .into_any(),
                None => view! {
                <h1>"Demo not found"</h1>
                <p>"There is no built-in scenario called “"{slug}"”."</p>
                <a class="button" href=Route::Demos(None).href()>"See all demos"</a>
            }
            .into_any(),
            },
        },
    }
}

/// Opens a shared link's state: a circuit, or a scenario at a step. Nothing saved is touched
/// unless the person presses "Save a copy to your circuits".
#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    match decode_share(&payload) {
        Err(e) => view! {
            <h1>"This shared link cannot be opened"</h1>
            <div class="callout error" role="alert">
                <p>{e.to_string()}</p>
                <p>"Ask for the link again, and copy all of it. Your saved circuits were not changed."</p>
            </div>
            <p><a class="button" href=Route::Circuits.href()>"Go to your circuits"</a>" "<a class="button secondary" href=Route::Demos(None).href()>"See the demos"</a></p>
        }
        .into_any(),
        Ok(Shared::Scenario { slug, step }) => match scenario(&slug) {
            Some(s) => view! {
                <h1>"Shared demo: "{s.title}</h1>
                <p class="lead">{s.summary}" "<span class="meta">"(A scratch circuit: nothing is saved unless you save a copy.)"</span></p>
                <ScenarioPlayer scenario=s initial_step=step/>
            }
            .into_any(),
            None => view! { <h1>"This shared link cannot be opened"</h1> }.into_any(),
        },
        Ok(Shared::Circuit { circuit, withheld }) => {
            let circuit = *circuit;
            let info = er_core::explain_circuit(&circuit);
            let name = circuit.name.clone();
            let badges = circuit.clone();
            let signal = Signal::derive(move || circuit.clone());
            let machines = signal.with_untracked(machines_for);
            view! {
                <h1>"Shared circuit: "{name}</h1>
                <p class="lead">"This circuit was shared as a link. It is shown here as it was when shared; it is not saved in this browser unless you save a copy."</p>
                <div class="circuit-head"><StateBadges circuit=badges/></div>
                <p class="share-line"><SaveCopy circuit=signal/></p>
                {(!withheld.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="not-shared-title">
                        <h2 id="not-shared-title">"Keys not shared"</h2>
                        <p>"A shared link never carries a key. Ask the circuit's owner, or read them in Azure, if you need them."</p>
                        <dl class="summary-list">
                            {withheld.iter().map(|s| view! {
                                <div class="summary-row"><dt>{s.label()}</dt><dd>"Not shared"</dd></div>
                            }).collect_view()}
                        </dl>
                    </section>
                })}
                <details class="explain">
                    <summary>"Every state of this circuit, explained"</summary>
                    {info.into_iter().map(|i| view! { <StateInfoPanel info=i level=3/> }).collect_view()}
                </details>
                {machines.into_iter().map(|m| view! { <StateDiagram machine=m circuit=signal/> }).collect_view()}
            }
            .into_any()
        }
    }
}
