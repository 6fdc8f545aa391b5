//! `<base>/` for a split catalogue: the table of contents as its issues,
//! newest first, each linking to its page (the articles of 100,000 would
//! not fit one page, nor one download).

use catalogue::issue_label;
use leptos::prelude::*;

use crate::app::use_view_state;
use crate::components::article_list::{contents_section, contents_title, issue_href};
use crate::pages::load_error::LoadErrorPage;
use crate::prefs::reveal_app;
use crate::source::SplitSource;

#[component]
pub fn IssueListPage(split: SplitSource) -> impl IntoView {
    let state = use_view_state();
    split.load_issues();
    let root = split.root();
    contents_title(root.clone());

    move || {
        let labels = state.labels();
        let lang = state.view.get().chrome_lang();
        let lang_query = state.lang_query();
        let list = match split.issues() {
            None => {
                return view! { <p class="loading" role="status">{labels.loading}</p> }.into_any();
            }
            Some(Err(error)) => {
                reveal_app();
                return view! { <LoadErrorPage error on_retry=move || split.retry_issues()/> }
                    .into_any();
            }
            Some(Ok(list)) => list,
        };
        reveal_app();
        if list.groups.is_empty() {
            return view! { <p class="empty">{labels.empty_catalogue}</p> }.into_any();
        }
        // A journal heading only when the catalogue holds more than one.
        let several = list.groups.len() > 1;
        let groups: Vec<AnyView> = list
            .groups
            .iter()
            .map(|group| {
                let heading = several.then(|| {
                    group.title.pick(lang).map(|t| {
                        view! { <h2 class="toc-journal" lang=t.tag.to_owned()>{t.text.to_owned()}</h2> }
                    })
                });
                let issues: Vec<AnyView> = group
                    .issues
                    .iter()
                    .map(|entry| {
                        view! {
                            <li>
                                <a href=issue_href(&entry.key, &lang_query)>{issue_label(&entry.key, lang)}</a>
                                " "<span class="toc-count">{labels.article_count(entry.articles)}</span>
                            </li>
                        }
                        .into_any()
                    })
                    .collect();
                view! {
                    <section class="toc-journal-group">
                        {heading}
                        <ul class="issue-list">{issues}</ul>
                    </section>
                }
                .into_any()
            })
            .collect();
        contents_section(&root, lang, &lang_query, groups)
    }
}
