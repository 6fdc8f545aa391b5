//! The reader in the browser: install the panic hook, read the base path,
//! mount the app (over a prerendered page, if there is one).

fn main() {
    console_error_panic_hook::set_once();
    abstract_reader::prefs::init_base_path(abstract_reader::prefs::read_base_path());
    abstract_reader::app::mount();
}
