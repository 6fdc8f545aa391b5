//! Keyword chips: each keyword a link to the page of every article that
//! carries it.

use catalogue::{Article, Labels, Lang};
use leptos::prelude::*;

/// The full address of a keyword's page, coming from article `from`.
pub fn keyword_href(keyword: &str, from: &str, lang_query: &str) -> String {
    catalogue::keyword_path(crate::prefs::base_path(), keyword, from, lang_query)
}

pub fn keyword_chips(
    article: &Article,
    lang: Lang,
    labels: &'static Labels,
    lang_query: &str,
) -> Option<AnyView> {
    let (tag, words, is_fallback) = article.keywords().pick(lang)?;
    let id = article.id().as_str();
    let chips: Vec<AnyView> = words
        .iter()
        .map(|word| {
            let href = keyword_href(word, id, lang_query);
            let word = word.clone();
            view! { <li><a href=href class="chip">{word}</a></li> }.into_any()
        })
        .collect();
    let heading_id = format!("keywords-{}", lang.tag());
    let labelled_by = heading_id.clone();
    let tag = tag.to_owned();
    Some(
        view! {
            <section class="keywords" aria-labelledby=labelled_by>
                <h2 id=heading_id>{labels.keywords}</h2>
                {is_fallback.then(|| view! {
                    <p class="fallback-line"><span class="fallback-note">{labels.fallback_note(&tag)}</span></p>
                })}
                <ul class="chips" lang=tag.clone()>{chips}</ul>
            </section>
        }
        .into_any(),
    )
}
