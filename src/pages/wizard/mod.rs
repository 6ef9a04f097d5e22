//! The guided provisioning wizard: one module per step, plus end of life.

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
use crate::route::Section;
use er_core::Circuit;
use leptos::prelude::*;

/// Goes to a route: on this page by setting `location.hash` (the hashchange listener updates the
/// page), on another page by loading it ([`crate::app::load_page`]).
pub fn navigate(route: &Route) {
    if route.page() != crate::app::current_page() {
        crate::app::load_page(crate::store::use_store(), route, false);
    } else if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}

/// The wizard's steps and "Changes and end of life" (the timeline is on the tools page).
pub fn wizard_section(id: String, section: Section, circuit: Memo<Option<Circuit>>) -> AnyView {
    match section {
        Section::Step(1) => {
            view! { <crate::pages::wizard::provider::CreatedStep id=id circuit=circuit/> }
                .into_any()
        }
        Section::Step(2) => {
            view! { <crate::pages::wizard::provider::OrderStep id=id circuit=circuit/> }.into_any()
        }
        Section::Step(3) => {
            view! { <crate::pages::wizard::provider::VerifyStep id=id circuit=circuit/> }.into_any()
        }
        Section::Step(4) => {
            view! { <crate::pages::wizard::routing::RoutingStep id=id circuit=circuit/> }.into_any()
        }
        Section::Step(_) | Section::Timeline => {
            view! { <crate::pages::wizard::link::LinkStep id=id circuit=circuit/> }.into_any()
        }
        Section::Manage => {
            view! { <crate::pages::wizard::manage::ManagePage id=id circuit=circuit/> }.into_any()
        }
    }
}
