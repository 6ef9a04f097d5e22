//! ExpressRoute Circuit Wizard: the browser app over the `er_core` circuit state core.
//!
//! The app renders what the core says and persists it; it holds no ExpressRoute rule itself.

pub mod app;
pub mod circuits;
pub mod components;
pub mod demos;
pub mod files;
pub mod fuzz;
pub mod ids;
pub mod import;
pub mod route;
pub mod state;
pub mod storage;
pub mod store;
pub mod wizard;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
