//! `<base>/issue/?j=&y=&v=&n=`: one issue's articles.

use catalogue::{IssueKey, issue_label};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_list::{ItemOptions, article_item};
use crate::prefs::{set_document_title, site_path};

#[component]
pub fn IssuePage() -> impl IntoView {
    let catalogue = use_catalogue();
    let state = use_view_state();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        let q = query.read();
        IssueKey::from_query(q.get("j"), q.get_str("y"), q.get("v"), q.get("n"))
    });

    let title_catalogue = catalogue.clone();
    Effect::new(move |_| {
        let lang = state.view.get().chrome_lang();
        let title = match key.get() {
            Some(key) => {
                let journal = title_catalogue
                    .issue(&key)
                    .and_then(|i| i.journal.title().pick(lang).map(|t| t.text.to_owned()));
                let label = issue_label(&key, lang);
                journal.map(|j| format!("{label} · {j}")).unwrap_or(label)
            }
            None => state.labels().issue_not_found.to_owned(),
        };
        set_document_title(&title);
    });

    move || {
        let labels = state.labels();
        let view = state.view.get();
        let lang = view.chrome_lang();
        let lang_query = state.lang_query();
        let back = view! {
            <p class="back"><a href=site_path(&format!("/{lang_query}"))>"← "{labels.contents}</a></p>
        };
        let Some(issue) = key.get().and_then(|k| catalogue.issue(&k)) else {
            return view! {
                <section class="not-found" aria-labelledby="issue-heading">
                    {back}
                    <h1 id="issue-heading">{labels.issue_not_found}</h1>
                </section>
            }
            .into_any();
        };
        let journal = issue.journal.title().pick(lang).map(|t| {
            view! { <span class="issue-journal" lang=t.tag.to_owned()>{t.text.to_owned()}</span> }
        });
        let items: Vec<AnyView> = issue
            .articles
            .iter()
            .map(|a| {
                article_item(
                    &catalogue,
                    a,
                    view,
                    &lang_query,
                    ItemOptions::default(),
                    None,
                )
            })
            .collect();
        view! {
            <section class="issue-page" aria-labelledby="issue-heading">
                {back}
                <h1 id="issue-heading">{journal}" "<span class="issue-label">{issue_label(&issue.key, lang)}</span></h1>
                <ul class="article-list">{items}</ul>
            </section>
        }
        .into_any()
    }
}
