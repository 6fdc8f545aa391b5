//! Which view (English, 中文, both) the reader sees, and where that choice
//! lives: the `?lang=` parameter first, then the choice remembered in
//! `localStorage`, then the browser's languages.

use catalogue::{Lang, View};

const STORAGE_KEY: &str = "abstract-reader.view";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The view remembered from an earlier visit, if any.
pub fn remembered_view() -> Option<View> {
    storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()?
        .parse()
        .ok()
}

/// Remembers the reader's choice for the next visit. Failing storage
/// (private mode, quota) only loses the memory, never the page.
pub fn remember_view(view: View) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, view.as_query());
    }
}

/// The first of the browser's preferred languages the reader speaks.
pub fn browser_lang() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::from_preferences(languages.iter().map(String::as_str))
        .or_else(|| navigator.language().as_deref().and_then(Lang::from_tag))
}

/// The view to show when the URL does not name one.
pub fn default_view() -> View {
    remembered_view()
        .or_else(|| browser_lang().map(View::One))
        .unwrap_or(View::One(Lang::En))
}

static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the site's base path once, at start-up: from `<base href>` in the
/// browser, from the command line when prerendering.
pub fn init_base_path(base: String) {
    let _ = BASE.set(base.trim_end_matches('/').to_owned());
}

/// The site's base path without a trailing slash (`""` or `/reader`).
pub fn base_path() -> &'static str {
    BASE.get().map(String::as_str).unwrap_or_default()
}

/// An address inside the site: `site_path("/article/x/")` is
/// `/reader/article/x/` under the base `/reader/`. leptos_router's `<A>`
/// leaves absolute paths alone, so every internal link goes through here.
pub fn site_path(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// The base path from the `<base href>` that trunk writes from
/// `--public-url`.
pub fn read_base_path() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default()
}

/// The element that holds a prerendered page's content.
pub const PRERENDERED_ID: &str = "prerendered";
/// The `<main>` element, target of the skip link.
pub const CONTENT_ID: &str = "content";
/// The element the app mounts into over a prerendered page.
pub const APP_ID: &str = "app";

/// Replaces the prerendered content with the app, in one task so the
/// browser never paints a page with both or neither.
pub fn reveal_app() {
    static REVEALED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if REVEALED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
    if let Some(app) = document.get_element_by_id(APP_ID) {
        let _ = app.remove_attribute("hidden");
    }
    // For `cargo xtask bench`: when the app had its catalogue on screen.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(READY_MARK);
    }
}

/// The Performance API mark set when the app shows its catalogue.
pub const READY_MARK: &str = "reader:ready";

/// Sets `<html lang>` to the language of the interface.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
