//! The tools page (tools.html): import and backup, the demos (scenarios, state diagrams, shared
//! links) and each circuit's timeline.

use crate::route::Section;
use er_core::Circuit;
use leptos::prelude::*;

pub mod demos;
pub mod import;

/// A circuit's timeline and state diagrams (the tools page).
pub fn timeline_section(id: String, _section: Section, circuit: Memo<Option<Circuit>>) -> AnyView {
    view! { <crate::pages::tools::demos::TimelinePage id=id circuit=circuit/> }.into_any()
}
