//! The reader: a Leptos app that renders a catalogue's articles.
//!
//! In the browser (`main.rs`, feature `csr`) it mounts [`app::App`]. Natively
//! (feature `ssr`) the same components render each article page to static
//! HTML ([`prerender`]), which the app then takes over.

pub mod app;
pub mod components;
pub mod fetch;
pub mod fold;
pub mod keyboard;
pub mod pages;
pub mod prefs;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod source;
