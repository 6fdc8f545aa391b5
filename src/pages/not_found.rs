//! Pages for addresses that lead nowhere: an unknown article id, or an
//! unknown path. Both offer a way back.

use leptos::prelude::*;

use std::sync::Arc;

use catalogue::Catalogue;

use crate::app::use_view_state;
use crate::components::article_nav::article_href;

/// A way back: the first article when the whole catalogue is at hand,
/// else (a split catalogue's article page) the contents.
fn way_back() -> Option<AnyView> {
    let state = use_view_state();
    let lang_query = state.lang_query_untracked();
    let Some(catalogue) = use_context::<Arc<Catalogue>>() else {
        let href = crate::prefs::site_path(&format!("/{lang_query}"));
        return Some(
            view! { <p><a href=href>{move || state.labels().contents_label}</a></p> }.into_any(),
        );
    };
    let first = catalogue.articles().first()?;
    let href = article_href(first, &lang_query);
    Some(view! { <p><a href=href>{move || state.labels().back_to_first}</a></p> }.into_any())
}

/// Shown for `<base>/article/<id>/` when the catalogue has no such id.
#[component]
pub fn ArticleNotFound(id: String) -> impl IntoView {
    let state = use_view_state();
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{move || state.labels().not_found_heading}</h1>
            <p>{move || state.labels().not_found_body}" “"<code>{id.clone()}</code>"”."</p>
            {way_back()}
        </section>
    }
}

/// Shown for any address the reader does not know.
#[component]
pub fn PageNotFound() -> impl IntoView {
    let state = use_view_state();
    // Nothing to wait for (a split catalogue's pages reveal themselves).
    crate::prefs::reveal_app();
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{move || match state.view.get().chrome_lang() {
                catalogue::Lang::En => "Page not found",
                catalogue::Lang::Zh => "未找到页面",
            }}</h1>
            {way_back()}
        </section>
    }
}
