//! `<base>/keyword/?k=<keyword>`: every article carrying a keyword, in any
//! of the forms the catalogue pairs with it (`digital diplomacy` = `数字外交`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_list::{ItemOptions, article_item};
use crate::components::article_nav::article_href;
use crate::fold::fold_keyword;
use crate::prefs::{set_document_title, site_path};

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
        let view = state.view.get();
        let lang_query = state.lang_query();
        let keyword = keyword.get();
        let entry = catalogue.keyword_entry(&keyword, fold_keyword);
        // The heading names the keyword as asked, then its other forms.
        let asked = fold_keyword(&keyword);
        let other_forms: Vec<AnyView> = entry
            .iter()
            .flat_map(|e| e.forms.iter())
            .filter(|(_, form)| fold_keyword(form) != asked)
            .map(|(tag, form)| {
                view! { " · "<span class="keyword-name" lang=tag.clone()>"“"{form.clone()}"”"</span> }.into_any()
            })
            .collect();
        let items: Vec<AnyView> = entry
            .iter()
            .flat_map(|e| e.articles.iter())
            .map(|article| {
                article_item(
                    &catalogue,
                    article,
                    view,
                    &lang_query,
                    ItemOptions {
                        show_source: true,
                        query: None,
                    },
                    None,
                )
            })
            .collect();
        let back = from
            .get()
            .and_then(|id| catalogue.article(&id))
            .map(|article| {
                view! {
                    <a href=article_href(article, &lang_query)>"← "{labels.back_to_article}</a>
                    " · "
                }
            });
        view! {
            <section class="keyword-page" aria-labelledby="keyword-heading">
                <p class="back">
                    {back}
                    <a href=site_path(&format!("/keywords/{lang_query}"))>{labels.keyword_index}</a>
                </p>
                <h1 id="keyword-heading">
                    <span class="keyword-heading-label">{labels.keyword_heading}</span>
                    " "
                    <span class="keyword-name">"“"{keyword}"”"</span>
                    {other_forms}
                </h1>
                {if items.is_empty() {
                    view! { <p class="empty">{labels.keyword_none}</p> }.into_any()
                } else {
                    view! { <ul class="article-list keyword-results">{items}</ul> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}
