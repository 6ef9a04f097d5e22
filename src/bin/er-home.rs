//! The home page (`index.html`): "Your circuits", the first load, kept apart from the wizard's
//! forms, explanations and commands.
fn main() {
    console_error_panic_hook::set_once();
    er_wizard::mount(er_wizard::route::Page::Home, er_wizard::app::home_pages);
}
