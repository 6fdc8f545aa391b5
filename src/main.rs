//! The reader in the browser: install the panic hook, mount the app.

mod app;
mod components;
mod fetch;
mod pages;
mod prefs;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
