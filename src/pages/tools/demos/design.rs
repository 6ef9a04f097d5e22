//! The design demo player: one or two scratch circuits moved step by step, with what a verify
//! command printed and what it means, and the resiliency review after each step. Nothing here
//! touches the saved circuits.

use er_core::design_demo::{DesignDemo, DesignPlayback};
use er_core::{explain_phase, Circuit, PeeringState};
use leptos::prelude::*;

use super::diagram::StateDiagram;
use crate::components::StateBadges;
use crate::components::{Sources, StateInfoPanel};
use crate::pages::home::meta_line;
use crate::pages::wizard::verify::ReadingCard;

/// One circuit of the demo as it stands: states, location, peerings and links.
#[component]
fn DemoCircuit(circuit: Circuit, current: bool) -> impl IntoView {
    let peerings: Vec<String> = circuit
        .peerings
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p.peering_type,
                if p.state == PeeringState::Enabled {
                    "Enabled"
                } else {
                    "Disabled"
                }
            )
        })
        .collect();
    let links: Vec<String> = circuit
        .vnet_links
        .iter()
        .map(|l| l.vnet_name.clone())
        .collect();
    view! {
        <li class="card demo-circuit" class:current=current>
            <p class="circuit-name">{circuit.name.clone()}</p>
            <StateBadges circuit=circuit.clone()/>
            <p class="meta">{format!("{} · {}", circuit.peering_location().unwrap_or("no peering location"), meta_line(&circuit))}</p>
            <p>{if peerings.is_empty() { "No peering yet.".to_string() } else { peerings.join(" · ") }}</p>
            <p>{if links.is_empty() { "No VNet linked.".to_string() } else { format!("Linked: {}", links.join(", ")) }}</p>
        </li>
    }
}

/// Plays one design demo.
#[component]
pub fn DesignPlayer(
    /// The demo.
    demo: DesignDemo,
) -> impl IntoView {
    let playback: DesignPlayback = match demo.play() {
        Ok(p) => p,
        Err(errors) => {
            let lines = errors.iter().map(|e| e.refusal.to_string()).collect();
            return super::player::cannot_start("This demo cannot start", lines);
        }
    };
    let total = playback.frames.len();
    let playback = StoredValue::new(playback);
    let step = RwSignal::new(0usize);
    // The circuit the current step is about (the first one at step 0).
    let about = Memo::new(move |_| {
        let n = step.get();
        playback.with_value(|p| {
            let i = n
                .checked_sub(1)
                .and_then(|k| p.frames.get(k))
                .map_or(0, |f| f.circuit);
            p.circuits_at(n)[i].clone()
        })
    });
    let steps_list = playback.with_value(|p| {
        p.frames
            .iter()
            .enumerate()
            .map(|(i, f)| (i + 1, f.label.clone(), f.result.is_err()))
            .collect::<Vec<_>>()
    });
    let narration = move || {
        let n = step.get();
        playback.with_value(|p| {
            if n == 0 {
                let mut info = explain_phase(p.start[0].phase());
                info.title = format!("Created: {}", info.title);
                let count = p.start.len();
                view! {
                    <p class="narration-step">{format!("Step 0 of {total}: {}", if count == 2 { "both circuits of the pair are created" } else { "the scratch circuit is created" })}</p>
                    <p class="presenter-line">{if count == 2 { "Two circuits, two service keys: both are billed from now on, each until it is deleted." } else { "A new circuit, just created: billing starts now, and the service key goes to the provider." }}</p>
                    <StateInfoPanel info=info level=3/>
                }
                .into_any()
            } else {
                let f = &p.frames[n - 1];
                let outcome = if f.result.is_err() { " — refused" } else { "" };
                let notes = f.result.clone().unwrap_or_default();
                view! {
                    <p class="narration-step">{format!("Step {n} of {total}: {}{outcome}", f.label)}</p>
                    <p class="presenter-line">{f.line}</p>
                    {f.narration.iter().map(|i| view! { <StateInfoPanel info=i.clone() level=3/> }).collect_view()}
                    {f.output.map(|o| view! {
                        <p class="shell">"What the command printed"</p>
                        <pre class="pasted" tabindex="0"><code>{o}</code></pre>
                    })}
                    {(!f.readings.is_empty()).then(|| view! {
                        <h3>"What it means"</h3>
                        <ul class="readings">{f.readings.iter().map(|r| view! { <ReadingCard reading=r.clone()/> }).collect_view()}</ul>
                    })}
                    {(!notes.is_empty()).then(|| view! {
                        <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    })}
                }
                .into_any()
            }
        })
    };
    let circuits = move || {
        let n = step.get();
        playback.with_value(|p| {
            let at = n
                .checked_sub(1)
                .and_then(|k| p.frames.get(k))
                .map_or(0, |f| f.circuit);
            p.circuits_at(n)
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let current = i == at;
                    view! { <DemoCircuit circuit=c.clone() current=current/> }
                })
                .collect_view()
        })
    };
    let review = move || {
        let n = step.get();
        playback.with_value(|p| {
            let findings = match n.checked_sub(1) {
                Some(k) => p.frames[k].findings.clone(),
                None => p.start_findings.clone(),
            };
            if findings.is_empty() {
                view! { <p>"Nothing to review for these circuits."</p> }.into_any()
            } else {
                view! {
                    <ul class="findings">
                        {findings.into_iter().map(|f| view! {
                            <li class="callout warning finding">
                                <h3 class="callout-title">{f.title.clone()}</h3>
                                <p>{f.why()}</p>
                                <p><strong>"What to do: "</strong>{f.what_to_do()}</p>
                                <Sources cited=f.source/>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    };
    let machines = demo.machines.clone();
    view! {
        <div class="player">
            <div class="player-controls" role="group" aria-label="Scenario controls">
                <button type="button" class="button secondary" on:click=move |_| step.set(0)
                    disabled=move || step.get() == 0>"Restart"</button>
                <button type="button" class="button secondary" on:click=move |_| step.update(|s| *s = s.saturating_sub(1))
                    disabled=move || step.get() == 0>"Previous"</button>
                <button type="button" class="button" on:click=move |_| step.update(|s| *s = (*s + 1).min(total))
                    disabled=move || { step.get() >= total }>"Next"</button>
            </div>
            <p class="player-status">
                <span class="step-count">{move || format!("Step {} of {total}", step.get())}</span>
                {move || (step.get() >= total).then_some(" · end of the scenario")}
            </p>
            <div class="narration" role="status" aria-live="polite" aria-atomic="true">{narration}</div>
            <ul class="demo-circuits" aria-label="The demo's circuits">{circuits}</ul>
            <section class="card review" aria-labelledby="demo-review-title">
                <h2 id="demo-review-title">"Resiliency review"</h2>
                {review}
            </section>
            <ol class="scenario-steps" start="0">
                <li class:current=move || step.get() == 0>
                    <button type="button" class="link-button" aria-current=move || (step.get() == 0).then_some("step")
                        on:click=move |_| step.set(0)>"Create the circuits"</button>
                </li>
                {steps_list.into_iter().map(|(i, label, refused)| view! {
                    <li class:current=move || step.get() == i class:refused=refused>
                        <button type="button" class="link-button" aria-current=move || (step.get() == i).then_some("step")
                            on:click=move |_| step.set(i)>
                            {label}{refused.then_some(" (refused)")}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
            {machines.into_iter().map(|m| view! { <StateDiagram machine=m circuit=about/> }).collect_view()}
        </div>
    }
    .into_any()
}
