//! Shared widgets, one per file.

pub mod circuit_page;
pub mod copy_button;
pub mod delete_confirmation;
pub mod error_summary;
pub mod field;
pub mod findings;
pub mod refusal;
pub mod sources;
pub mod state_badges;
pub mod state_info;
pub mod step_nav;

pub use circuit_page::{ActionButton, Blocked, CircuitPage};
pub use copy_button::CopyButton;
pub use delete_confirmation::DeleteConfirmation;
pub use error_summary::ErrorSummary;
pub use field::{CheckboxField, RadioGroup, SelectField, TextAreaField, TextField};
pub use findings::ResiliencyFindings;
pub use refusal::refusal_text;
pub use sources::{CitedText, Sources};
pub use state_badges::StateBadges;
pub use state_info::{Badge, StateInfoPanel};
pub use step_nav::StepNav;

thread_local! {
    static PENDING_FOCUS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Asks for focus to move to `id` once the next route has rendered (instead of the page's main
/// region), e.g. for a review page's Change links.
pub fn focus_after_navigation(id: String) {
    PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(id));
}

/// Moves focus after a route change: to the requested element, or to the main region so keyboard
/// and screen-reader users start at the new page.
pub fn focus_after_route_change() {
    let pending = PENDING_FOCUS.with(|p| p.borrow_mut().take());
    focus_id(pending.as_deref().unwrap_or("main"));
}

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
