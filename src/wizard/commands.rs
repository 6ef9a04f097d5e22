//! The real Az PowerShell and Azure CLI commands for a step (generator pending in the core).
use er_core::Circuit;
use leptos::prelude::*;

/// The commands that do a wizard step for real.
#[component]
pub fn CommandsFor(circuit: Circuit, step: u8) -> impl IntoView {
    let _ = (circuit, step);
}

/// The commands for changes and end of life.
#[component]
pub fn LifecycleCommands(circuit: Circuit) -> impl IntoView {
    let _ = circuit;
}
