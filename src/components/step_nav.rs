//! The step indicator: "Step N of 5" and the list of steps, with `aria-current` on the current one.

use leptos::prelude::*;

use crate::route::{Route, Section, STEPS};

/// The names of the five workflow steps, in order.
pub const STEP_TITLES: [&str; STEPS as usize] = [
    "Create the circuit",
    "Order connectivity from the provider",
    "Verify the provisioning state",
    "Configure routing",
    "Link virtual networks",
];

/// The step indicator. Steps are links once the circuit exists (`circuit_id` is set).
#[component]
pub fn StepNav(
    /// The current step, 1–5.
    current: u8,
    /// The circuit whose steps these are; `None` while it is being created.
    circuit_id: Option<String>,
) -> impl IntoView {
    view! {
        <nav class="step-nav" aria-label="Wizard steps">
            <p class="step-count">{format!("Step {current} of {STEPS}")}</p>
            <ol>
                {STEP_TITLES
                    .iter()
                    .enumerate()
                    .map(|(i, title)| {
                        let n = i as u8 + 1;
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
        </nav>
    }
}
