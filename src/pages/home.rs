//! `<base>/`: the journal's table of contents, newest issue first.

use catalogue::issue_label;
use leptos::prelude::*;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_list::{
    ItemOptions, article_item, contents_section, contents_title, issue_href,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let catalogue = use_catalogue();
    let state = use_view_state();
    contents_title(catalogue.clone());

    move || {
        let labels = state.labels();
        let view = state.view.get();
        let lang = view.chrome_lang();
        let lang_query = state.lang_query();
        let toc = catalogue.table_of_contents();
        if toc.is_empty() {
            return view! { <p class="empty">{labels.empty_catalogue}</p> }.into_any();
        }
        // A journal heading only when the catalogue holds more than one.
        let several = toc.len() > 1;
        let journals: Vec<AnyView> = toc
            .into_iter()
            .map(|group| {
                let heading = several.then(|| {
                    group.journal.title().pick(lang).map(|t| {
                        view! { <h2 class="toc-journal" lang=t.tag.to_owned()>{t.text.to_owned()}</h2> }
                    })
                });
                let issues: Vec<AnyView> = group
                    .issues
                    .iter()
                    .map(|issue| {
                        let items: Vec<AnyView> = issue
                            .articles
                            .iter()
                            .map(|a| article_item(&catalogue, a, view, &lang_query, ItemOptions::default(), None))
                            .collect();
                        view! {
                            <section class="toc-issue">
                                <h3><a href=issue_href(&issue.key, &lang_query)>{issue_label(&issue.key, lang)}</a></h3>
                                <ul class="article-list">{items}</ul>
                            </section>
                        }
                        .into_any()
                    })
                    .collect();
                view! { <section class="toc-journal-group">{heading}{issues}</section> }.into_any()
            })
            .collect();
        contents_section(&catalogue, lang, &lang_query, journals)
    }
}
