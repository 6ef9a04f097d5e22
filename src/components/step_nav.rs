//! The step indicator: "Step N of 5" and the list of steps, with `aria-current` on the current one.

use leptos::prelude::*;

use er_core::steps::{STEPS, STEP_COUNT};

use crate::route::{Route, Section};

/// The step indicator. Steps are links once the circuit exists (`circuit_id` is set). The
/// workflow's numbers are kept: a step that does not apply to the circuit (the provider's, on
/// ExpressRoute Direct) is left out of the list and said so.
#[component]
pub fn StepNav(
    /// The current step, 1–5.
    current: u8,
    /// The circuit whose steps these are; `None` while it is being created.
    circuit_id: Option<String>,
    /// The steps that apply, from `er_core::steps::steps_for` (all of them while creating).
    #[prop(default = STEPS.to_vec())]
    steps: Vec<(u8, &'static str)>,
) -> impl IntoView {
    let skipped: Vec<String> = STEPS
        .iter()
        .filter(|(n, _)| !steps.iter().any(|(m, _)| m == n))
        .map(|(n, title)| format!("{n}. {title}"))
        .collect();
    view! {
        <nav class="step-nav" aria-label="Wizard steps">
            <p class="step-count">{format!("Step {current} of {STEP_COUNT}")}</p>
            <ol>
                {steps
                    .into_iter()
                    .map(|(n, title)| {
                        let is_current = n == current;
                        let class = if is_current { "step current" } else if n < current { "step done" } else { "step" };
                        let inner = match &circuit_id {
                            Some(id) if !is_current => {
                                let href = Route::Circuit { id: id.clone(), section: Section::Step(n) }.href();
                                view! { <a href=href>{format!("{n}. {title}")}</a> }.into_any()
                            }
                            _ => view! { <span>{format!("{n}. {title}")}</span> }.into_any(),
                        };
                        view! {
                            <li class=class aria-current=is_current.then_some("step")>{inner}</li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(!skipped.is_empty()).then(|| view! {
                <p class="step-skipped">{format!("Not needed for this circuit: {}.", skipped.join(", "))}</p>
            })}
        </nav>
    }
}
