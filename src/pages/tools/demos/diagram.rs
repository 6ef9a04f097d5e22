//! The live state diagram: an SVG drawn from the core's transition table
//! ([`er_core::Diagram`]), with the current state highlighted, the transitions
//! available now told apart from the refused ones, and the same information as
//! lists of buttons that show each state's or transition's explanation.

use std::sync::Arc;

use er_core::{
    Circuit, Diagram, DiagramState, LiveTransition, Machine, Refusal, Segment, StateInfo, NODE_H,
    NODE_W,
};
use leptos::prelude::*;

use crate::components::StateInfoPanel;

/// What the person selected in a diagram.
#[derive(Clone, Debug, PartialEq)]
enum Selected {
    State(DiagramState),
    /// A transition from the current state, by trigger label.
    Transition(String),
}

type Live = (DiagramState, Vec<LiveTransition>);

/// One machine's diagram for a circuit, with its accessible lists and explanation panel.
#[component]
pub fn StateDiagram(
    /// Which machine.
    machine: Machine,
    /// The circuit whose state is shown (changes as it moves).
    #[prop(into)]
    circuit: Signal<Circuit>,
    /// A prefix that keeps ids unique when a page shows the same machine twice.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let wide = Arc::new(Diagram::new(machine, false));
    let tall = Arc::new(Diagram::new(machine, true));
    let id = format!("{id_prefix}diagram-{}", machine.id());
    let live: Memo<Live> = {
        let d = wide.clone();
        Memo::new(move |_| circuit.with(|c| d.live(c)))
    };
    let selected: RwSignal<Option<Selected>> = RwSignal::new(None);
    let explanation = {
        move || -> Option<StateInfo> {
            let (current, transitions) = live.get();
            match selected.get()? {
                Selected::State(s) => {
                    let mut info = s.explain();
                    if s == current {
                        info.title = format!("{} (current state)", s.title());
                    }
                    Some(info)
                }
                Selected::Transition(label) => transitions
                    .iter()
                    .find(|t| t.trigger.label == label)
                    .map(|t| t.explain(current)),
            }
        }
    };
    let heading_id = format!("{id}-heading");
    let explain_id = format!("{id}-explain");
    let states = machine.states();
    let labelled_by = heading_id.clone();
    view! {
        <section class="diagram" aria-labelledby=labelled_by>
            <h2 id=heading_id>{machine.title()}</h2>
            <p class="diagram-legend" aria-hidden="true">
                <span class="key key-current">"current state"</span>
                <span class="key key-available">"available now"</span>
                <span class="key key-refused">"refused now"</span>
                <span class="key key-other">"other transitions"</span>
            </p>
            <div class="diagram-figure diagram-wide">
                {svg_view(wide, live, selected, format!("{id}-w"))}
            </div>
            <div class="diagram-figure diagram-tall">
                {svg_view(tall, live, selected, format!("{id}-t"))}
            </div>
            <div id=explain_id.clone() class="diagram-explain" aria-live="polite">
                {move || match explanation() {
                    Some(info) => view! { <StateInfoPanel info=info level=3/> }.into_any(),
                    None => view! { <p class="meta">"Select a state or a transition (in the lists, or click the diagram) to see what it means."</p> }.into_any(),
                }}
            </div>
            <div class="diagram-lists">
                <div>
                    <h3>"States"</h3>
                    <ul class="diagram-list">
                        {states.into_iter().map(|s| {
                            let is_current = move || live.with(|(c, _)| *c == s);
                            view! {
                                <li class:current=is_current>
                                    <button type="button" class="link-button"
                                        aria-pressed=move || (selected.get() == Some(Selected::State(s))).to_string()
                                        aria-controls=explain_id.clone()
                                        on:click=move |_| selected.set(Some(Selected::State(s)))>
                                        {s.title()}
                                    </button>
                                    {move || is_current().then_some(view! { <strong class="tag tag-current">" current"</strong> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
                <div>
                    <h3>{move || format!("Transitions from {}", live.with(|(c, _)| c.title()))}</h3>
                    <ul class="diagram-list">
                        {
                            let explain_id = explain_id.clone();
                            move || {
                                let (current, transitions) = live.get();
                                let mut transitions = transitions;
                                // Available first, then state-changing refusals, then the rest.
                                transitions.sort_by_key(|t| (t.result.is_err(), t.to.is_none_or(|to| to == current)));
                                transitions.into_iter().map(|t| {
                                    let label = t.trigger.label.clone();
                                    let sel = Selected::Transition(label.clone());
                                    let sel2 = sel.clone();
                                    let target = match t.to {
                                        Some(to) if to != current => format!(" → {}", to.title()),
                                        _ => String::new(),
                                    };
                                    let status = match &t.result {
                                        Ok(()) => view! { <span class="tag tag-available">"available"</span> }.into_any(),
                                        Err(r) => view! { <span class="tag tag-refused">"refused: "{r.to_string()}</span> }.into_any(),
                                    };
                                    view! {
                                        <li class=if t.result.is_ok() { "available" } else { "refused" }>
                                            <button type="button" class="link-button"
                                                aria-pressed=move || (selected.get() == Some(sel2.clone())).to_string()
                                                aria-controls=explain_id.clone()
                                                on:click=move |_| selected.set(Some(sel.clone()))>
                                                {label}{target}
                                            </button>
                                            " "{status}
                                        </li>
                                    }
                                }).collect_view()
                            }
                        }
                    </ul>
                </div>
            </div>
        </section>
    }
}

fn node_class(s: DiagramState, live: &Live, selected: &Option<Selected>) -> String {
    let mut class = String::from("node");
    if live.0 == s {
        class.push_str(" current");
    } else if live.1.iter().any(|t| t.result.is_ok() && t.to == Some(s)) {
        class.push_str(" reachable");
    }
    if *selected == Some(Selected::State(s)) {
        class.push_str(" selected");
    }
    class
}

/// "available", "refused" or "other" for an arrow of the table, given the circuit now.
fn edge_status(
    from: DiagramState,
    to: DiagramState,
    labels: &[String],
    live: &Live,
) -> &'static str {
    if live.0 != from {
        return "other";
    }
    let mine: Vec<&LiveTransition> = live
        .1
        .iter()
        .filter(|t| labels.contains(&t.trigger.label))
        .collect();
    if mine.iter().any(|t| t.result.is_ok() && t.to == Some(to)) {
        "available"
    } else {
        "refused"
    }
}

/// An arrow label, one line per trigger, centred on the label point.
fn label_text(s: &Segment, lines: Vec<String>) -> impl IntoView {
    const LINE: i32 = 14;
    let n = i32::try_from(lines.len()).unwrap_or(1);
    let top = s.ly - (n - 1) * LINE / 2;
    let x = s.lx;
    view! {
        <text class="edge-label" x=x y=top text-anchor=s.anchor dominant-baseline="central">
            {lines.into_iter().enumerate().map(|(i, l)| {
                let dy = if i == 0 { 0 } else { LINE };
                view! { <tspan x=x dy=dy>{l}</tspan> }
            }).collect_view()}
        </text>
    }
}

fn svg_view(
    d: Arc<Diagram>,
    live: Memo<Live>,
    selected: RwSignal<Option<Selected>>,
    id: String,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let marker = {
        let id = id.clone();
        move |status: &str| format!("url(#{id}-arrow-{status})")
    };
    let title = format!("State diagram: {}", d.machine.title());
    let desc = move || {
        let (current, transitions) = live.get();
        let avail: Vec<String> = transitions
            .iter()
            .filter(|t| t.result.is_ok() && t.to.is_some_and(|to| to != current))
            .map(|t| t.trigger.label.clone())
            .collect();
        format!(
            "Current state: {}. State changes available now: {}. The lists below give every state and transition.",
            current.title(),
            if avail.is_empty() { "none".to_string() } else { avail.join("; ") }
        )
    };
    let edges = d.edges.clone();
    let edges_view = edges
        .into_iter()
        .map(|e| {
            let labels: Vec<String> = e.triggers.iter().map(|t| t.label.clone()).collect();
            let s = e.segment;
            let text = label_text(&s, e.label_lines().into_iter().map(String::from).collect());
            let tip = format!("{} → {}: {}", e.from.title(), e.to.title(), labels.join("; "));
            let (from, to) = (e.from, e.to);
            let status = Memo::new(move |_| live.with(|l| edge_status(from, to, &labels, l)));
            let marker = marker.clone();
            let first = e.triggers.first().map(|t| t.label.clone()).unwrap_or_default();
            view! {
                <g class=move || format!("edge edge-{}", status.get())
                    on:click=move |_| {
                        if live.with_untracked(|l| l.0 == from) {
                            selected.set(Some(Selected::Transition(first.clone())));
                        } else {
                            selected.set(Some(Selected::State(to)));
                        }
                    }>
                    <title>{tip}</title>
                    <line x1=s.x1 y1=s.y1 x2=s.x2 y2=s.y2 marker-end=move || marker(status.get())></line>
                    {text}
                </g>
            }
        })
        .collect_view();
    // Refused transitions from the current state that would change it: drawn dashed,
    // so the presenter can point at where people get stuck.
    let refused_view = {
        let d = d.clone();
        let marker = marker.clone();
        move || {
            let (current, transitions) = live.get();
            // One dashed arrow per target, listing every refused trigger that leads there.
            let mut groups: Vec<(DiagramState, Vec<&LiveTransition>)> = Vec::new();
            // A trigger that does not apply to this kind of circuit at all (the provider's
            // steps on ExpressRoute Direct) is not drawn: it stays in the list with its reason.
            let applies =
                |t: &&LiveTransition| !matches!(t.result, Err(Refusal::NoProviderOnDirect));
            for t in transitions
                .iter()
                .filter(|t| t.result.is_err())
                .filter(applies)
            {
                let Some(to) = t.to.filter(|to| *to != current) else {
                    continue;
                };
                if d.edges.iter().any(|e| e.from == current && e.to == to) {
                    continue;
                }
                match groups.iter_mut().find(|(g, _)| *g == to) {
                    Some((_, v)) => v.push(t),
                    None => groups.push((to, vec![t])),
                }
            }
            groups
                .into_iter()
                .map(|(to, ts)| {
                    let s = d.segment(current, to);
                    let tip = ts
                        .iter()
                        .map(|t| format!("{} (refused): {}", t.trigger.label, t.result.as_ref().err().map(ToString::to_string).unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let mut shorts: Vec<&str> = Vec::new();
                    for t in &ts {
                        if !shorts.contains(&t.trigger.short) {
                            shorts.push(t.trigger.short);
                        }
                    }
                    let short = label_text(&s, shorts.iter().map(|x| format!("✕ {x}")).collect());
                    let label = ts.first().map(|t| t.trigger.label.clone()).unwrap_or_default();
                    let marker = marker.clone();
                    view! {
                        <g class="edge edge-refused edge-refused-live" on:click=move |_| selected.set(Some(Selected::Transition(label.clone())))>
                            <title>{tip}</title>
                            <line x1=s.x1 y1=s.y1 x2=s.x2 y2=s.y2 marker-end=marker("refused")></line>
                            {short}
                        </g>
                    }
                })
                .collect_view()
        }
    };
    let nodes_view = d
        .nodes
        .iter()
        .map(|n| {
            let s = n.state;
            let (x, y) = (n.x - NODE_W / 2, n.y - NODE_H / 2);
            let tip = move || {
                let current = live.with(|l| l.0 == s);
                let info = s.explain();
                format!(
                    "{}{}: {}",
                    s.title(),
                    if current { " (current state)" } else { "" },
                    info.meaning
                )
            };
            let class = move || selected.with(|sel| live.with(|l| node_class(s, l, sel)));
            view! {
                <g class=class on:click=move |_| selected.set(Some(Selected::State(s)))>
                    <title>{tip}</title>
                    <rect x=x y=y width=NODE_W height=NODE_H rx="8"></rect>
                    <text x=n.x y=n.y text-anchor="middle" dominant-baseline="central">{s.title()}</text>
                </g>
            }
        })
        .collect_view();
    let markers = ["other", "available", "refused"]
        .into_iter()
        .map(|status| {
            view! {
                <marker id=format!("{id}-arrow-{status}") viewBox="0 0 10 10" refX="9" refY="5"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path class=format!("arrowhead arrowhead-{status}") d="M0,0 L10,5 L0,10 z"></path>
                </marker>
            }
        })
        .collect_view();
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <svg role="img" aria-labelledby=labelled_by
            viewBox=format!("0 0 {} {}", d.width, d.height) width=d.width height=d.height
            class="state-diagram">
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <defs>{markers}</defs>
            <g class="edges">{edges_view}{refused_view}</g>
            <g class="nodes">{nodes_view}</g>
        </svg>
    }
}
