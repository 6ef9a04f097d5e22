//! "Your circuits": every saved circuit with both states, SKU, bandwidth and the next thing to do.

use crate::components::StateBadges;
use er_core::Circuit;
use leptos::prelude::*;

use crate::components::DeleteConfirmation;
use crate::persist::model::{AppData, Outcome, SavedCircuit};
use crate::route::{Route, Section};
use crate::store::{now, use_store};

/// "Standard_MeteredData · 200 Mbps · West US", leaving out what is unknown.
pub fn meta_line(c: &Circuit) -> String {
    [c.sku.name(), c.bandwidth_text(), c.region.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The start page.
#[component]
pub fn CircuitsPage() -> impl IntoView {
    let store = use_store();
    // A Maximum resiliency pair is one design: its second circuit is listed right after its first,
    // and the two cards are drawn as one (CircuitRow).
    let ids = move || {
        store.data.with(|d| {
            let mut out: Vec<String> = Vec::with_capacity(d.circuits.len());
            for c in &d.circuits {
                if out.contains(&c.id) {
                    continue;
                }
                out.push(c.id.clone());
                if let Some(p) = partner(d, c) {
                    out.push(p.id.clone());
                }
            }
            out
        })
    };
    view! {
        <h1>"Your circuits"</h1>
        {move || {
            let warnings = store.data.with(|d| {
                er_core::limits_across_circuits(&d.circuits.iter().map(|c| &c.circuit).collect::<Vec<_>>())
            });
            (!warnings.is_empty()).then(|| view! {
                <div class="callout warning">
                    <p class="callout-title">"Azure limits across these circuits"</p>
                    {warnings.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                </div>
            })
        }}
        <Show
            when=move || !ids().is_empty()
            fallback=|| view! {
                <p class="empty">"You have no circuits yet. Create one to be walked through ordering it, following the provider's provisioning, configuring routing and linking virtual networks — or import a real circuit's output to see where it stands."</p>
            }
        >
            <ul class="circuit-list">
                <For each=ids key=|id| id.clone() let(id)>
                    <CircuitRow id=id/>
                </For>
            </ul>
            <section class="review" aria-labelledby="review-title">
                <h2 id="review-title">"Resiliency review"</h2>
                // A short list here, each finding's title linking to its circuit's page, where it
                // says why it matters and what to do, cites Microsoft's guidance and can be
                // dismissed (that page's bundle carries those words).
                {move || {
                    let (open, dismissed) = store.data.with(|d| crate::components::findings::findings(d, None));
                    let items = store.data.with(|d| open.iter().map(|f| {
                        let step = d.get(&f.circuit).map_or(1, |c| c.step);
                        (Route::Circuit { id: f.circuit.clone(), section: Section::Step(step) }.href(), f.title.clone())
                    }).collect::<Vec<_>>());
                    view! {
                        <p>{match items.len() {
                            0 => "Nothing to review in what is saved here.".to_string(),
                            1 => "1 finding. Open its circuit for why it matters, what to do and Microsoft's guidance, or to dismiss it.".to_string(),
                            n => format!("{n} findings. Open each circuit for why it matters, what to do and Microsoft's guidance, or to dismiss one."),
                        }}{(dismissed > 0).then(|| format!(" {dismissed} dismissed on purpose."))}</p>
                        <ul class="findings-short">
                            {items.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}
                        </ul>
                    }
                }}
            </section>
        </Show>
        <p class="actions">
            <a class="button" href=Route::Create.href()>"Create circuit"</a>
            <a class="button secondary" href=Route::Import.href()>"Import a circuit"</a>
        </p>
    }
}

#[component]
fn CircuitRow(id: String) -> impl IntoView {
    let store = use_store();
    let refusal = RwSignal::new(None::<er_core::DeleteRefusal>);
    let confirming = RwSignal::new(false);
    let id_for_view = id.clone();
    let saved = move || store.data.with(|d| d.get(&id_for_view).cloned());
    let delete_id = id.clone();
    let do_delete = move || {
        let mut outcome = None;
        store.update_circuit(&delete_id, |c| {
            outcome = Some(c.act_delete("Delete circuit", now()));
        });
        match outcome {
            Some(Outcome::Deleted { .. }) => store.update(|d| d.remove(&delete_id, now())),
            Some(Outcome::Refused(r)) => {
                confirming.set(false);
                refusal.set(Some(r));
            }
            _ => confirming.set(false),
        }
    };
    let ask_id = id.clone();
    let ask = move |_| {
        // The core decides: a refused delete is explained at once, without asking to confirm.
        let check = store
            .data
            .with_untracked(|d| d.get(&ask_id).map(|c| er_core::apply_delete(&c.circuit)));
        match check {
            Some(Err(r)) => {
                refusal.set(Some(r));
                store.update_circuit(&ask_id, |c| {
                    c.act_delete("Delete circuit", now());
                });
            }
            _ => confirming.set(true),
        }
    };
    view! {
        {move || saved().map(|s| {
            let (ask, do_delete) = (ask.clone(), do_delete.clone());
            let c = s.circuit.clone();
            let name = c.name.clone();
            let open = Route::Circuit { id: s.id.clone(), section: Section::Step(s.step) }.href();
            let next = er_core::next_step(&c);
            let heading_id = format!("circuit-{}", s.id);
            let labelledby = heading_id.clone();
            // The first card of a pair (the one listed first) names the design; both are framed as one.
            let (class, design) = store.data.with_untracked(|d| match partner(d, &s) {
                Some(p) if d.circuits.iter().position(|c| c.id == s.id) < d.circuits.iter().position(|c| c.id == p.id) => (
                    "circuit-card design design-first",
                    Some(format!("Maximum resiliency design: {} and {}", c.name, p.circuit.name)),
                ),
                Some(_) => ("circuit-card design design-second", None),
                None => ("circuit-card", None),
            });
            view! {
                <li class=class aria-labelledby=labelledby>
                    {design.map(|t| view! { <p class="design-title">{t}</p> })}
                    <h2 id=heading_id><a href=open.clone()>{name.clone()}</a></h2>
                    <StateBadges circuit=c.clone()/>
                    <p class="meta">{meta_line(&c)}</p>
                    <p class="resiliency-line">{store.data.with_untracked(|d| {
                        let partner = s.pair.as_deref().and_then(|p| d.get(p)).map(|p| p.circuit.name.clone());
                        er_core::resiliency::describe(&er_core::resiliency::Member { id: &s.id, circuit: &s.circuit, resiliency: s.resiliency, pair: s.pair.as_deref() }, partner.as_deref())
                    })}</p>
                    <p class="next"><strong>"Next: "</strong>{next.next_steps.first().cloned().unwrap_or_else(|| next.title.clone())}</p>
                    {global_reach_line(&s.id, &c)}
                    <div class="row-actions">
                        <a class="button secondary" href=open>"Open"<span class="visually-hidden">{format!(" {name}")}</span></a>
                        <button type="button" class="button warning" on:click=ask.clone()>"Delete"<span class="visually-hidden">{format!(" {name}")}</span></button>
                    </div>
                    <DeleteConfirmation name=name.clone() open=confirming on_confirm=Callback::new(move |()| do_delete())/>
                    {move || refusal.get().map(|r| {
                        let (title, href) = r.guidance();
                        view! {
                            <div class="callout error" role="alert">
                                <h3>"The circuit cannot be deleted yet"</h3>
                                <p>{r.to_string()}</p>
                                <p><strong>"What to do: "</strong>{r.remedy()}</p>
                                <p class="source">"Source: "<a href=href>{title}</a></p>
                            </div>
                        }
                    })}
                </li>
            }
        })}
    }
}

/// The other circuit of a saved circuit's Maximum resiliency pair, when both name each other.
fn partner<'a>(d: &'a AppData, c: &SavedCircuit) -> Option<&'a SavedCircuit> {
    c.pair
        .as_deref()
        .and_then(|p| d.get(p))
        .filter(|p| p.pair.as_deref() == Some(c.id.as_str()))
}

/// The circuit's Global Reach connections in a line ("Global Reach: sf-to-london with
/// office-london"), or, when another saved circuit has private peering too, a link to add one on
/// step 5. [GR-PS]
fn global_reach_line(id: &str, c: &Circuit) -> Option<impl IntoView> {
    let names: Vec<String> = er_core::global_reach::all_connections(c)
        .map(|g| match g.peer_circuit_name() {
            "" => g.name.clone(),
            other => format!("{} with {other}", g.name),
        })
        .collect();
    let step5 = Route::Circuit {
        id: id.to_string(),
        section: Section::Step(5),
    }
    .href();
    if !names.is_empty() {
        return Some(view! { <p class="meta global-reach-line">{format!("Global Reach: {}", names.join(", "))}</p> }.into_any());
    }
    let offer = use_store().data.with_untracked(|d| {
        d.circuits
            .iter()
            .any(|o| er_core::global_reach::can_offer(c, &o.circuit))
    });
    offer.then(|| {
        view! {
            <p class="meta global-reach-line">
                <a href=step5>"Add Global Reach"<span class="visually-hidden">{format!(" to {}", c.name)}</span></a>
                " to join its private peering to another of your circuits."
            </p>
        }
        .into_any()
    })
}
