//! The tools page (`tools.html`): import, demos and circuit timelines, a third bundle kept off
//! the first load.
fn main() {
    console_error_panic_hook::set_once();
    er_wizard::mount(er_wizard::route::Page::Tools, er_wizard::app::tools_pages);
}
