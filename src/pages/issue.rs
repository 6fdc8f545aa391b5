//! `<base>/issue/?j=&y=&v=&n=`: one issue's articles.

use catalogue::{IssueKey, issue_label};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_list::{ItemOptions, article_item};
use crate::pages::load_error::LoadErrorPage;
use crate::prefs::{self, set_document_title, site_path};
use crate::source::{ArticleSource, Source, use_source};

/// `<base>/issue/`: from the whole catalogue, or, split, from the issue's
/// own part (found in the table of contents), which the page then reads as
/// its catalogue.
#[component]
pub fn IssueRoute() -> impl IntoView {
    let Source::Split(split) = use_source() else {
        return IssuePage().into_any();
    };
    split.load_issues();
    let state = use_view_state();
    let query = use_query_map();
    let number = Memo::new(move |_| {
        let q = query.read();
        let key = IssueKey::from_query(q.get("j"), q.get_str("y"), q.get("v"), q.get("n"))?;
        let list = split.issues()?.ok()?;
        list.find(&key).map(|entry| entry.number)
    });
    Effect::new(move |_| {
        if let Some(n) = number.get() {
            split.request_issue(n);
        }
    });
    (move || {
        let loading =
            || view! { <p class="loading" role="status">{move || state.labels().loading}</p> };
        let catalogue = match (split.issues(), number.get()) {
            (None, _) => return loading().into_any(),
            (Some(Err(error)), _) => {
                prefs::reveal_app();
                return view! { <LoadErrorPage error on_retry=move || split.retry_issues()/> }
                    .into_any();
            }
            // No such issue: the page says so, from the root (no articles).
            (Some(Ok(_)), None) => split.root(),
            (Some(Ok(_)), Some(n)) => match split.issue_part(n) {
                ArticleSource::Ready(part) => part,
                ArticleSource::Loading => return loading().into_any(),
                ArticleSource::Missing => split.root(),
                ArticleSource::Failed(error) => {
                    prefs::reveal_app();
                    return view! { <LoadErrorPage error on_retry=move || split.retry_issue(n)/> }
                        .into_any();
                }
            },
        };
        prefs::reveal_app();
        provide_context(catalogue);
        IssuePage().into_any()
    })
    .into_any()
}

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
