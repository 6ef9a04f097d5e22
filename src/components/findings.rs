//! The resiliency review of the saved circuits ([`er_core::resiliency::review`]): each finding
//! with why it matters, what to do and its source, and a button that dismisses it for its
//! circuit on purpose (remembered with the circuit).

use er_core::resiliency::{open_findings, review, Finding, Member, NOT_KNOWN};
use leptos::prelude::*;

use crate::persist::model::AppData;
use crate::store::use_store;

/// The open findings of the saved circuits (those of `only` when given) and how many of theirs
/// were dismissed.
pub fn findings(data: &AppData, only: Option<&str>) -> (Vec<Finding>, usize) {
    let members: Vec<Member> = data
        .circuits
        .iter()
        .map(|s| Member {
            id: &s.id,
            circuit: &s.circuit,
            resiliency: s.resiliency,
            pair: s.pair.as_deref(),
        })
        .collect();
    let all: Vec<Finding> = review(&members)
        .into_iter()
        .filter(|f| only.is_none_or(|id| f.circuit == id))
        .collect();
    let before = all.len();
    let open = open_findings(all, |id| data.get(id).map_or(&[], |s| &s.dismissed[..]));
    let dismissed = before - open.len();
    (open, dismissed)
}

/// The review: every open finding, or a line saying there is nothing to review.
#[component]
pub fn ResiliencyFindings(
    /// Only this circuit's findings (its page); all of them when `None` ("Your circuits").
    #[prop(optional)]
    only: Option<String>,
    /// The heading level of each finding's title (the section's own heading is the caller's).
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let store = use_store();
    let only2 = only.clone();
    let state = Memo::new(move |_| store.data.with(|d| findings(d, only.as_deref())));
    let restore = move |_| {
        let ids: Vec<String> = match &only2 {
            Some(id) => vec![id.clone()],
            None => store
                .data
                .with_untracked(|d| d.circuits.iter().map(|c| c.id.clone()).collect()),
        };
        for id in ids {
            store.update_circuit(&id, |c| c.dismissed.clear());
        }
    };
    view! {
        {move || {
            let (open, dismissed) = state.get();
            let restore = restore.clone();
            let nothing = open.is_empty().then(|| view! {
                <p class="resiliency-clear">"Nothing to review for this circuit in what is saved here."</p>
            });
            let list = open.into_iter().map(|f| {
                let name = store.data.with_untracked(|d| d.get(&f.circuit).map(|c| c.circuit.name.clone()).unwrap_or_default());
                let (id, key) = (f.circuit.clone(), f.key());
                let dismiss = move |_| store.update_circuit(&id, |c| if !c.dismissed.contains(&key) { c.dismissed.push(key.clone()) });
                let title = f.title.clone();
                view! {
                    <li class="callout warning finding">
                        {if level == 2 { view! { <h2 class="callout-title">{title}</h2> }.into_any() } else { view! { <h3 class="callout-title">{title}</h3> }.into_any() }}
                        <p>{f.why()}</p>
                        <p><strong>"What to do: "</strong>{f.what_to_do()}</p>
                        {
                            // One link, not the Sources table: this list is on the first page.
                            let (title, url) = f.rule.guidance();
                            view! { <p class="source">"Source: "<a href=url rel="noopener noreferrer">{format!("{title} (Microsoft Learn)")}</a></p> }
                        }
                        <button type="button" class="link-button" on:click=dismiss>"Dismiss"<span class="visually-hidden">{format!(": {}", f.title)}</span>{format!(" for {name}")}</button>
                    </li>
                }
            }).collect_view();
            view! {
                {nothing}
                <ul class="findings">{list}</ul>
                {(dismissed > 0).then(|| view! {
                    <p class="meta">{format!("{dismissed} finding{} dismissed on purpose. ", if dismissed == 1 { "" } else { "s" })}
                        <button type="button" class="link-button" on:click=restore>"Show them again"</button></p>
                })}
            }
        }}
        <details class="explain">
            <summary>"What the review cannot know"</summary>
            <p>{NOT_KNOWN}</p>
        </details>
    }
}
