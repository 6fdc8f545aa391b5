//! `<base>/keywords/`: every keyword with its article count, the English
//! and Chinese forms side by side where articles pair them. From a split
//! catalogue it reads the keyword index file, not the articles.

use catalogue::{KeywordSummary, Lang, sort_keywords};
use leptos::prelude::*;

use crate::app::use_view_state;
use crate::components::keyword_chips::keyword_href;
use crate::fold::fold_keyword;
use crate::pages::load_error::LoadErrorPage;
use crate::prefs::{reveal_app, set_document_title, site_path};
use crate::source::{Source, use_source};

#[component]
pub fn KeywordIndexPage() -> impl IntoView {
    let source = use_source();
    let state = use_view_state();
    Effect::new(move |_| set_document_title(state.labels().keyword_index));
    if let Source::Split(split) = &source {
        split.load_keyword_index();
    }

    move || {
        let labels = state.labels();
        let lang = state.view.get().chrome_lang();
        let lang_query = state.lang_query();
        let index: Vec<KeywordSummary> = match &source {
            Source::Whole(loaded) => loaded
                .catalogue
                .keyword_index(lang, fold_keyword)
                .iter()
                .map(KeywordSummary::of)
                .collect(),
            Source::Split(split) => {
                let split = *split;
                match split.keyword_index() {
                    None => {
                        return view! { <p class="loading" role="status">{labels.loading}</p> }
                            .into_any();
                    }
                    Some(Err(error)) => {
                        reveal_app();
                        return view! {
                            <LoadErrorPage error on_retry=move || split.retry_keyword_index()/>
                        }
                        .into_any();
                    }
                    Some(Ok(list)) => {
                        let mut list = list.as_ref().clone();
                        sort_keywords(&mut list, lang, fold_keyword);
                        list
                    }
                }
            }
        };
        reveal_app();
        // Columns: the interface language's forms first.
        let langs = [lang, lang.other()];
        let column_names: Vec<AnyView> = langs
            .iter()
            .map(|l| view! { <th scope="col">{labels.language_name(l.tag())}</th> }.into_any())
            .collect();
        let rows: Vec<AnyView> = index
            .iter()
            .map(|entry| {
                let cells: Vec<AnyView> = langs
                    .iter()
                    .map(|&l| {
                        let form = entry.form(l).or_else(|| {
                            // Forms in other languages than the two go in
                            // the English column.
                            (l == Lang::En).then(|| {
                                entry
                                    .forms
                                    .iter()
                                    .find(|(t, _)| Lang::from_tag(t).is_none())
                                    .map(|(_, f)| f.as_str())
                            })?
                        });
                        match form {
                            Some(form) => view! {
                                <td lang=l.tag()><a class="chip" href=keyword_href(form, "", &lang_query)>{form.to_owned()}</a></td>
                            }
                            .into_any(),
                            None => view! { <td class="no-form">"—"</td> }.into_any(),
                        }
                    })
                    .collect();
                view! {
                    <tr>{cells}<td class="count">{entry.articles}</td></tr>
                }
                .into_any()
            })
            .collect();
        view! {
            <section class="keyword-index" aria-labelledby="keyword-index-heading">
                <p class="back"><a href=site_path(&format!("/{lang_query}"))>"← "{labels.contents}</a></p>
                <h1 id="keyword-index-heading">{labels.all_keywords}</h1>
                {if rows.is_empty() {
                    view! { <p class="empty">{labels.keyword_none}</p> }.into_any()
                } else {
                    view! {
                        <table class="keyword-table">
                            <thead><tr>{column_names}<th scope="col" class="count">{labels.articles_column}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any()
                }}
            </section>
        }
        .into_any()
    }
}
