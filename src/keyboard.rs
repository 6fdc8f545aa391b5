//! Keyboard shortcuts: ← and → between articles (`pages/article.rs`), and
//! `/` to the search box.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// True when a key press belongs to a text field, not to the page.
pub fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// `/` moves the focus to the search box, as on many sites, unless the
/// reader is typing or holds a modifier.
pub fn slash_focuses_search() {
    let handle = window_event_listener(leptos::ev::keydown, |event| {
        if event.key() != "/"
            || event.default_prevented()
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || typing_in_field(&event)
        {
            return;
        }
        let input = document()
            .get_element_by_id(crate::components::search_box::INPUT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            event.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || handle.remove());
}
