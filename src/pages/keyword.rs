//! `<base>/keyword/?k=<keyword>`: every article carrying a keyword.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_nav::article_href;
use crate::components::text::rich;
use crate::prefs::set_document_title;

/// The catalogue's keyword fold, with NFKC done by the browser's
/// `String.prototype.normalize` instead of tables in the wasm.
fn fold_keyword(keyword: &str) -> String {
    let nfkc = js_sys::JsString::from(keyword).normalize("NFKC");
    catalogue::fold_normalized_keyword(&String::from(nfkc))
}

#[component]
pub fn KeywordPage() -> impl IntoView {
    let catalogue = use_catalogue();
    let state = use_view_state();
    let query = use_query_map();
    let keyword = Memo::new(move |_| query.read().get("k").unwrap_or_default());
    let from = Memo::new(move |_| query.read().get("from"));

    Effect::new(move |_| {
        let labels = state.labels();
        set_document_title(&format!("{} · {}", keyword.get(), labels.keywords));
    });

    move || {
        let labels = state.labels();
        let lang = state.view.get().chrome_lang();
        let lang_query = state.lang_query();
        let keyword = keyword.get();
        let articles = catalogue.articles_with_keyword(&keyword, fold_keyword);
        let items: Vec<AnyView> = articles
            .iter()
            .map(|article| {
                let title = article.title().pick(lang);
                let journal = catalogue.journal_of(article).title().pick(lang);
                let title = title.map(|t| view! { <span lang=t.tag.to_owned()>{rich(t.text)}</span> });
                view! {
                    <li>
                        <a href=article_href(article, &lang_query)>
                            {title}
                        </a>
                        <span class="result-meta">
                            {journal.map(|j| view! { <span lang=j.tag.to_owned()>{j.text.to_owned()}</span> })}
                            {format!(" · {}", article.year())}
                        </span>
                    </li>
                }
                .into_any()
            })
            .collect();
        let back = from
            .get()
            .and_then(|id| catalogue.article(&id))
            .map(|article| {
                view! {
                    <p class="back">
                        <a href=article_href(article, &lang_query)>"← "{labels.back_to_article}</a>
                    </p>
                }
            });
        view! {
            <section class="keyword-page" aria-labelledby="keyword-heading">
                {back}
                <h1 id="keyword-heading">
                    <span class="keyword-heading-label">{labels.keyword_heading}</span>
                    " "
                    <span class="keyword-name">"“"{keyword}"”"</span>
                </h1>
                {if items.is_empty() {
                    view! { <p class="empty">{labels.keyword_none}</p> }.into_any()
                } else {
                    view! { <ul class="keyword-results">{items}</ul> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}
