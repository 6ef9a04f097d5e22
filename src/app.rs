//! Root component: header, route switch, and the app-wide context.

use leptos::prelude::*;

use crate::route::Route;

/// The current screen, kept in sync with `location.hash`.
#[derive(Clone, Copy)]
pub struct RouteCtx(pub RwSignal<Route>);

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&current_hash()));
    provide_context(RouteCtx(route));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });

    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="app-header">
            <a class="brand" href="#/">"ExpressRoute Circuit Wizard"</a>
        </header>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Circuits => view! { <CircuitsPage/> }.into_any(),
                Route::Create => view! { <CreatePage/> }.into_any(),
            }}
        </main>
    }
}

/// "Your circuits": every saved circuit, and the way to create one.
#[component]
fn CircuitsPage() -> impl IntoView {
    view! {
        <h1>"Your circuits"</h1>
        <p class="empty">"You have no circuits yet. Create one to be walked through ordering, provisioning, routing and linking virtual networks."</p>
        <a class="button" href="#/create">"Create circuit"</a>
    }
}

#[component]
fn CreatePage() -> impl IntoView {
    view! {
        <p class="step-count">"Step 1 of 5"</p>
        <h1>"Create the circuit"</h1>
    }
}
