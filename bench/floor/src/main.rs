//! The benchmark's floor app: a heading and a button with a click handler, nothing else.
//! `scripts/bench.sh` measures it beside the wizard to tell Leptos's own cost from the app's.

use leptos::prelude::*;

#[component]
fn Floor() -> impl IntoView {
    let count = RwSignal::new(0u32);
    view! {
        <main>
            <h1>"Floor"</h1>
            <button type="button" on:click=move |_| count.update(|n| *n += 1)>"Pressed "{count}</button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Floor);
}
