fn main() {
    console_error_panic_hook::set_once();
    er_wizard::mount(er_wizard::route::Page::Wizard, er_wizard::app::wizard_pages);
}
