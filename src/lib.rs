//! ExpressRoute Circuit Wizard: the browser app over the `er_core` circuit state core.
//!
//! The app renders what the core says and persists it; it holds no ExpressRoute rule itself.

pub mod app;
pub mod route;
pub mod storage;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
