//! The real Az PowerShell and Azure CLI commands for a step, from the core's generator, each with a
//! copy button.

use er_core::commands::CommandPair;
use er_core::Circuit;
use leptos::prelude::*;

use crate::components::CopyButton;
use crate::components::Sources;

/// One command pair: its title, the PowerShell and Azure CLI text each with a copy button, and
/// its sources.
#[component]
pub fn Command(
    /// The command pair.
    pair: CommandPair,
) -> impl IntoView {
    let p = pair;
    view! {
        <section class="command">
            <h3>{p.title.clone()}</h3>
            <p class="shell">"Az PowerShell " <CopyButton text=p.powershell.clone() what=format!("PowerShell command: {}", p.title)/></p>
            <pre><code>{p.powershell.clone()}</code></pre>
            <p class="shell">"Azure CLI " <CopyButton text=p.cli.clone() what=format!("Azure CLI command: {}", p.title)/></p>
            <pre><code>{p.cli.clone()}</code></pre>
            <Sources cited=p.source/>
        </section>
    }
}

/// A list of command pairs under a "Do it for real" heading, collapsed by default.
#[component]
pub fn CommandList(
    /// The commands.
    pairs: Vec<CommandPair>,
    /// The heading of the collapsed list.
    #[prop(into)]
    heading: String,
) -> impl IntoView {
    if pairs.is_empty() {
        return ().into_any();
    }
    view! {
        <details class="commands">
            <summary>{heading}</summary>
            {pairs.into_iter().map(|p| view! { <Command pair=p/> }).collect_view()}
        </details>
    }
    .into_any()
}

/// The commands that do a wizard step for real.
#[component]
pub fn CommandsFor(circuit: Circuit, step: u8) -> impl IntoView {
    view! { <CommandList pairs=er_core::commands::for_step(&circuit, step) heading="Do it for real: Az PowerShell and Azure CLI"/> }
}

/// The commands for changes and end of life.
#[component]
pub fn LifecycleCommands(circuit: Circuit) -> impl IntoView {
    view! { <CommandList pairs=er_core::commands::lifecycle(&circuit) heading="Do it for real: Az PowerShell and Azure CLI"/> }
}
