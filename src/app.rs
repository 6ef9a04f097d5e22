//! Root component: header, notices, route switch, and the app-wide context.

use std::cell::Cell;

use leptos::prelude::*;

use crate::components::circuit_page::CircuitPage;
use crate::pages::home::CircuitsPage;
use crate::pages::wizard::create::{CreatePage, CreateReviewPage};
use crate::route::{Page, Route};
use crate::store::{use_store, Store};

/// The current screen, kept in sync with `location.hash`.
#[derive(Clone, Copy)]
pub struct RouteCtx(pub RwSignal<Route>);

thread_local! {
    static CURRENT_PAGE: Cell<Page> = const { Cell::new(Page::Home) };
}

/// The page this bundle serves (set once at mount).
pub fn current_page() -> Page {
    CURRENT_PAGE.with(Cell::get)
}

/// The full address of a route, resolved against the document's base (the public URL), for
/// loading another of the app's pages or copying a link.
pub fn absolute(route: &Route) -> String {
    let href = route.href();
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(&href, &base).ok())
        .map(|u| u.href())
        .unwrap_or(href)
}

/// Loads the page that shows `route` (another of the app's pages), handing it what this page
/// carries ([`Store::carry`]: notices, and the circuits when saving is off). `replace` loads it
/// in place of this history entry (an address this page does not show) instead of after it.
pub fn load_page(store: Store, route: &Route, replace: bool) {
    store.carry();
    if let Some(w) = web_sys::window() {
        let url = absolute(route);
        let _ = if replace {
            w.location().replace(&url)
        } else {
            w.location().assign(&url)
        };
    }
}

/// The screen of the home page (`index.html`): "Your circuits".
pub fn home_pages(_route: Route) -> AnyView {
    view! { <CircuitsPage/> }.into_any()
}

/// The screens of the wizard's page (`wizard.html`). [`App`] sends every other route to its page.
pub fn wizard_pages(route: Route) -> AnyView {
    match route {
        Route::CreateReview => view! { <CreateReviewPage/> }.into_any(),
        Route::Circuit { id, section } => {
            view! { <CircuitPage id=id section=section body=crate::pages::wizard::wizard_section/> }
                .into_any()
        }
        _ => view! { <CreatePage/> }.into_any(),
    }
}

/// The screens of the tools page (`tools.html`): import, demos, and a circuit's timeline.
pub fn tools_pages(route: Route) -> AnyView {
    match route {
        Route::Circuit { id, section } => view! { <CircuitPage id=id section=section body=crate::pages::tools::timeline_section/> }.into_any(),
        Route::Import => view! { <crate::pages::tools::import::ImportPage/> }.into_any(),
        Route::Share(payload) => view! { <crate::pages::tools::demos::SharePage payload=payload/> }.into_any(),
        Route::Demos(name) => view! { <crate::pages::tools::demos::DemosPage name=name/> }.into_any(),
        _ => view! { <crate::pages::tools::demos::DemosPage name=None/> }.into_any(),
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole app, as one of its three pages: `page` says which, `pages` draws its screens. A route
/// of another page (an old link, a typed address) loads that page.
#[component]
pub fn App(page: Page, pages: fn(Route) -> AnyView) -> impl IntoView {
    CURRENT_PAGE.with(|p| p.set(page));
    let store = Store::init();
    provide_context(store);
    let route = RwSignal::new(Route::parse(&current_hash()));
    provide_context(RouteCtx(route));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        // In-page anchors (#field-id) are not routes.
        if Route::is_route(&hash) {
            route.set(Route::parse(&hash));
            // Move focus to the new page's heading so keyboard and screen-reader users start there.
            request_animation_frame(crate::components::focus_after_route_change);
        }
    });

    // A link to another of the app's pages loads it: hand it what this page carries (notices, and
    // the circuits when saving is off). A link opened in a new tab or window is left alone.
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        use wasm_bindgen::JsCast;
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let href = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(other) = href.as_deref().and_then(Page::of_href) {
            if other != page {
                store.carry();
            }
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| { ev.prevent_default(); crate::components::focus_id("main"); }>"Skip to main content"</a>
        <header class="app-header">
            <a class="brand" href=Route::Circuits.href()>"ExpressRoute Circuit Wizard"</a>
            <nav aria-label="Main">
                <ul>
                    <li><a href=Route::Circuits.href()>"Your circuits"</a></li>
                    <li><a href=Route::Import.href()>"Import"</a></li>
                    <li><a href=Route::Demos(None).href()>"Demos"</a></li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <Notices/>
            {move || {
                let r = route.get();
                if r.page() == page {
                    pages(r)
                } else {
                    load_page(store, &r, true);
                    view! { <p>"Opening…"</p> }.into_any()
                }
            }}
        </main>
    }
}

/// Storage and merge notices, with a dismiss button each. Announced politely.
#[component]
fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <Show when=move || !store.persistent.get()>
                <p class="notice warning">"Saving is off: circuits are kept in this tab only."</p>
            </Show>
            <For each=move || store.notices.get() key=|n| n.id let(n)>
                <div class=format!("notice {}", n.kind)>
                    <p>{n.text.clone()}</p>
                    <button type="button" class="link-button" on:click=move |_| store.notices.update(|v| v.retain(|x| x.id != n.id))>
                        "Dismiss"
                    </button>
                </div>
            </For>
        </div>
    }
}
