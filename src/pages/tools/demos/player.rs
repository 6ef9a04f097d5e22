//! The scenario player: a scratch circuit moved step by step through a built-in
//! scenario (next / previous / play / pause at an adjustable pace), narrated by the
//! core's explanations. Nothing here touches the saved circuits.

use std::time::Duration;

use er_core::{encode_share, explain_phase, Circuit, Playback, Scenario, Shared};
use leptos::prelude::*;

use super::diagram::StateDiagram;
use super::SaveCopy;
use crate::components::StateInfoPanel;
use crate::route::Route;

/// Seconds per step the pace control offers.
const PACES: [u32; 4] = [1, 2, 4, 8];

/// Plays one scenario, starting after `initial_step` steps.
#[component]
pub fn ScenarioPlayer(
    /// The scenario.
    scenario: Scenario,
    /// Steps already played when the player opens (from a shared link).
    #[prop(default = 0)]
    initial_step: usize,
) -> impl IntoView {
    let playback: Playback = match scenario.play() {
        Ok(p) => p,
        Err(errors) => {
            let lines = errors.iter().map(|e| e.refusal.to_string()).collect();
            return cannot_start("This scenario cannot start", lines);
        }
    };
    let total = playback.frames.len();
    let playback = StoredValue::new(playback);
    let step = RwSignal::new(initial_step.min(total));
    let playing = RwSignal::new(false);
    let pace = RwSignal::new(2u32);
    let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    let circuit: Memo<Circuit> =
        Memo::new(move |_| playback.with_value(|p| p.circuit_at(step.get()).clone()));

    let stop = move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
        playing.set(false);
    };
    let start = move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        if step.get_untracked() >= total {
            step.set(0);
        }
        playing.set(true);
        let handle = set_interval_with_handle(
            move || {
                let next = step.get_untracked() + 1;
                if next <= total {
                    step.set(next);
                }
                if next >= total {
                    if let Some(h) = timer.get_value() {
                        h.clear();
                    }
                    timer.set_value(None);
                    playing.set(false);
                }
            },
            Duration::from_secs(u64::from(pace.get_untracked())),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });

    let slug = scenario.slug;
    let share_href = move || {
        Route::Share(encode_share(&Shared::Scenario {
            slug: slug.to_string(),
            step: step.get(),
        }))
        .href()
    };
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
                let mut info = explain_phase(p.start.phase());
                info.title = format!("Created: {}", info.title);
                view! {
                    <p class="narration-step">{format!("Step 0 of {total}: the scratch circuit is created")}</p>
                    <p class="presenter-line">"A new circuit, just created: billing starts now, and the service key goes to the provider."</p>
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
                    {(!notes.is_empty()).then(|| view! {
                        <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    })}
                }
                .into_any()
            }
        })
    };
    let machines = scenario.machines.clone();
    view! {
        <div class="player">
            <div class="player-controls" role="group" aria-label="Scenario controls">
                <button type="button" class="button secondary" on:click=move |_| { stop(); step.set(0); }
                    disabled=move || step.get() == 0>"Restart"</button>
                <button type="button" class="button secondary" on:click=move |_| { stop(); step.update(|s| *s = s.saturating_sub(1)); }
                    disabled=move || step.get() == 0>"Previous"</button>
                <button type="button" class="button" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| if playing.get_untracked() { stop() } else { start() }>
                    <span aria-hidden="true" class="play-icon">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
                    "Play"
                </button>
                <button type="button" class="button secondary" on:click=move |_| { stop(); step.update(|s| *s = (*s + 1).min(total)); }
                    disabled=move || { step.get() >= total }>"Next"</button>
                <span class="pace">
                    <label for="pace">"Pace"</label>
                    <select id="pace" on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                            pace.set(v);
                            if playing.get_untracked() { start(); }
                        }
                    }>
                        {PACES.iter().map(|p| view! {
                            <option value=p.to_string() selected=*p == 2>{format!("{p} s per step")}</option>
                        }).collect_view()}
                    </select>
                </span>
            </div>
            <p class="player-status">
                <span class="step-count">{move || format!("Step {} of {total}", step.get())}</span>
                {move || playing.get().then_some(" · playing")}
                {move || (step.get() >= total).then_some(" · end of the scenario")}
            </p>
            <div class="narration" role="status" aria-live="polite" aria-atomic="true">{narration}</div>
            // Numbered from 0 like "Step N of M": step 0 is the circuit as created.
            <ol class="scenario-steps" start="0">
                <li class:current=move || step.get() == 0>
                    <button type="button" class="link-button" aria-current=move || (step.get() == 0).then_some("step")
                        on:click=move |_| { stop(); step.set(0); }>"Create the circuit"</button>
                </li>
                {steps_list.into_iter().map(|(i, label, refused)| view! {
                    <li class:current=move || step.get() == i class:refused=refused>
                        <button type="button" class="link-button" aria-current=move || (step.get() == i).then_some("step")
                            on:click=move |_| { stop(); step.set(i); }>
                            {label}{refused.then_some(" (refused)")}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
            <p class="share-line">
                <a href=share_href class="button secondary">"Share a link to this step"</a>
                <SaveCopy circuit=Signal::from(circuit)/>
            </p>
            {machines.into_iter().map(|m| view! { <StateDiagram machine=m circuit=circuit/> }).collect_view()}
        </div>
    }
    .into_any()
}

/// A demo whose steps the core refused before it started, with each refusal.
pub fn cannot_start(title: &'static str, lines: Vec<String>) -> AnyView {
    view! {
        <div class="callout error"><p class="callout-title">{title}</p>
        {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</div>
    }
    .into_any()
}
