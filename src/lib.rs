//! ExpressRoute Circuit Wizard: the browser app over the `er_core` circuit state core.
//!
//! The app renders what the core says and persists it; it holds no ExpressRoute rule itself.

pub mod app;
pub mod components;
pub mod export;
pub mod files;
pub mod guid;
pub mod pages;
pub mod persist;
pub mod route;
pub mod store;

/// Mounts one of the app's pages on `<body>`: `page` says which, `pages` draws its screens
/// ([`app::home_pages`], [`app::wizard_pages`] or [`app::tools_pages`]). The page's static
/// "Loading…" line, shown while its bundle was fetched, goes first.
pub fn mount(page: route::Page, pages: fn(route::Route) -> leptos::prelude::AnyView) {
    use leptos::prelude::*;
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    leptos::mount::mount_to_body(move || view! { <app::App page=page pages=pages/> });
}
