//! Onboarding demos: the timeline with undo, the live state diagram, scripted scenarios and shared
//! links.

use er_core::Circuit;
use leptos::prelude::*;

use crate::store::{now, use_store};

fn time_text(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let t: String = d.to_locale_time_string("en-GB").into();
    t
}

/// The timeline of a circuit, newest first, with undo of the last applied action.
#[component]
pub fn TimelinePage(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    let store = use_store();
    let id2 = id.clone();
    let saved = Memo::new(move |_| store.data.with(|d| d.get(&id2).cloned()));
    let undo_id = id.clone();
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
        {move || circuit.get().map(|_| ())}
    }
}

/// The list of demos, or one scenario playing.
#[component]
pub fn DemosPage(name: Option<String>) -> impl IntoView {
    let _ = name;
    view! { <h1>"Demos"</h1> }
}

/// Opens a shared link's state.
#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    let _ = payload;
    view! { <h1>"Shared circuit"</h1> }
}
