//! The skip link and the header: collection title (a link to the contents),
//! the keyword index, the search box and the language toggle.

use catalogue::{Labels, View};
use leptos::prelude::*;

use crate::components::lang_toggle::LangToggle;
use crate::components::search_box::SearchBox;
use crate::prefs::site_path;

/// Moves the keyboard focus to `<main>`: following a link to `#content`
/// scrolls there, but Chromium does not move the focus by itself.
fn focus_content() {
    use leptos::wasm_bindgen::JsCast;
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(crate::prefs::CONTENT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// The top of every page.
#[component]
pub fn SiteHeader(
    /// The collection's title and its language tag, once known.
    #[prop(into)]
    collection: Signal<Option<(String, String)>>,
    /// The view on screen.
    view: Memo<View>,
    /// The `?lang=` of the URL, which links keep.
    #[prop(into)]
    in_url: Signal<Option<View>>,
    /// Called with the view the reader picks.
    on_choose: Callback<View>,
    /// The search page's query, shown in the search box.
    #[prop(into)]
    query: Signal<String>,
    /// Called as the reader types a search; `None` when prerendering.
    on_search: Option<Callback<String>>,
    /// The skip link's target: this page's own address with `#content`
    /// (a bare `#content` would resolve against `<base href>`, the home page).
    #[prop(into)]
    skip_href: Signal<String>,
) -> impl IntoView {
    let labels = Signal::derive(move || Labels::of(view.get().chrome_lang()));
    let lang_query = move || crate::app::lang_query_of(in_url.get());
    view! {
        <a class="skip-link" href=move || skip_href.get() on:click=move |_| focus_content()>{move || labels.get().skip_to_article}</a>
        <header class="site-header">
            <p class="collection">
                <a href=move || site_path(&format!("/{}", lang_query()))>
                    {move || match collection.get() {
                        Some((title, tag)) => view! { <span lang=tag>{title}</span> }.into_any(),
                        None => view! { <span>"Journal abstract reader"</span> }.into_any(),
                    }}
                </a>
            </p>
            <nav class="site-nav" aria-label=move || labels.get().contents>
                <a href=move || site_path(&format!("/{}", lang_query()))>{move || labels.get().contents}</a>
                <a href=move || site_path(&format!("/keywords/{}", lang_query()))>{move || labels.get().keyword_index}</a>
            </nav>
            <SearchBox
                query
                lang=Signal::derive(move || in_url.get().map(View::as_query))
                labels
                on_search
            />
            <LangToggle current=view on_choose/>
        </header>
    }
}
