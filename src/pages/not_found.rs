//! Pages for addresses that lead nowhere: an unknown article id, or an
//! unknown path. Both offer a way back.

use leptos::prelude::*;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_nav::article_href;

/// A link to the first article, or nothing for an empty catalogue.
fn first_article_link() -> Option<AnyView> {
    let catalogue = use_catalogue();
    let state = use_view_state();
    let first = catalogue.articles().first()?;
    let href = article_href(first, &state.lang_query_untracked());
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
            {first_article_link()}
        </section>
    }
}

/// Shown for any address the reader does not know.
#[component]
pub fn PageNotFound() -> impl IntoView {
    let state = use_view_state();
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{move || match state.view.get().chrome_lang() {
                catalogue::Lang::En => "Page not found",
                catalogue::Lang::Zh => "未找到页面",
            }}</h1>
            {first_article_link()}
        </section>
    }
}
