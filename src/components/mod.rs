//! Shared widgets, one per file.

pub mod error_summary;
pub mod field;
pub mod state_info;
pub mod step_nav;

pub use error_summary::ErrorSummary;
pub use field::{CheckboxField, RadioGroup, SelectField, TextAreaField, TextField};
pub use state_info::{Badge, StateInfoPanel};
pub use step_nav::StepNav;

/// Moves keyboard focus to the element with this id and scrolls it into view, without touching
/// `location.hash` (the hash holds the route).
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}
