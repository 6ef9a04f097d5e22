//! ExpressRoute Circuit Wizard: the browser app over the `er_core` circuit state core.
//!
//! The app renders what the core says and persists it; it holds no ExpressRoute rule itself.

pub mod app;
pub mod circuits;
pub mod codec;
pub mod components;
pub mod demos;
pub mod export;
pub mod files;
pub mod fuzz;
pub mod ids;
pub mod import;
pub mod route;
pub mod state;
pub mod storage;
pub mod store;
pub mod wizard;

/// Mounts the home page (`index.html`: "Your circuits") on `<body>`.
pub fn mount_home() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(
        || view! { <app::App page=route::Page::Home pages=app::home_pages/> },
    );
}

/// Mounts the wizard's page (`wizard.html`) on `<body>`.
pub fn mount() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(
        || view! { <app::App page=route::Page::Wizard pages=app::wizard_pages/> },
    );
}

/// Mounts the tools page (`tools.html`: import, demos, timelines) on `<body>`.
pub fn mount_tools() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(
        || view! { <app::App page=route::Page::Tools pages=app::tools_pages/> },
    );
}
