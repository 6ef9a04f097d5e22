//! The guided provisioning wizard: one module per step, plus end of life.

pub mod circuit;
pub mod commands;
pub mod create;
pub mod form;
pub mod global_reach;
pub mod link;
pub mod manage;
pub mod provider;
pub mod route_filter;
pub mod routing;
pub mod verify;

use crate::route::Route;

/// Goes to a route: on this page by setting `location.hash` (the hashchange listener updates the
/// page), on another page by loading it ([`crate::app::load_page`]).
pub fn navigate(route: &Route) {
    if route.page() != crate::app::current_page() {
        crate::app::load_page(crate::store::use_store(), route, false);
    } else if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}
