//! A list of articles as the contents, issue, keyword and search pages show
//! them: title (a link), authors, and where it appeared.

use catalogue::search::{Query, highlight};
use catalogue::{
    Article, Catalogue, IssueKey, Labels, Lang, View, breadcrumb, issue_path, plain_text,
};
use leptos::prelude::*;

use crate::components::article_nav::article_href;
use crate::components::text::{fallback_note, rich};
use crate::fold::nfkd;

/// The titles to show for a view: one per language, without repeating a
/// fallback the other column already shows.
/// With a search query, the title's matches are marked (as plain text).
fn titles(article: &Article, view: View, query: Option<&Query>) -> Vec<AnyView> {
    let mut shown_tags: Vec<&str> = Vec::new();
    view.langs()
        .iter()
        .filter_map(|&lang| {
            let shown = article.title().pick(lang)?;
            if shown_tags.contains(&shown.tag) {
                return None;
            }
            shown_tags.push(shown.tag);
            let note = (view != View::Both)
                .then(|| fallback_note(Labels::of(lang), shown))
                .flatten();
            Some(
                view! {
                    <span class="list-title" lang=shown.tag.to_owned()>{match query {
                        Some(query) => marked(highlight(&plain_text(shown.text), query, &nfkd)),
                        None => rich(shown.text),
                    }}</span>
                    {note}
                }
                .into_any(),
            )
        })
        .collect()
}

/// The authors' names in `lang` (each falling back on its own).
pub fn author_names(article: &Article, lang: Lang) -> Option<AnyView> {
    let names: Vec<AnyView> = article
        .authors()
        .iter()
        .filter_map(|a| a.name().pick(lang))
        .enumerate()
        .map(|(i, shown)| {
            view! { {(i > 0).then_some(", ")}<span lang=shown.tag.to_owned()>{shown.text.to_owned()}</span> }
                .into_any()
        })
        .collect();
    (!names.is_empty()).then(|| view! { <span class="list-authors">{names}</span> }.into_any())
}

/// Where an article appeared: journal, year, volume, issue, pages.
pub fn article_source(catalogue: &Catalogue, article: &Article, lang: Lang) -> AnyView {
    let journal = catalogue.journal_of(article).title().pick(lang);
    let parts = breadcrumb(article, lang).join(match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    });
    view! {
        <span class="list-source">
            {journal.map(|j| view! { <span lang=j.tag.to_owned()>{j.text.to_owned()}</span>" · " })}
            {parts}
        </span>
    }
    .into_any()
}

/// How a list shows its articles.
#[derive(Clone, Copy, Default)]
pub struct ItemOptions<'a> {
    /// Show journal, year, volume and issue (lists that span issues).
    pub show_source: bool,
    /// Mark this search query's matches in the title.
    pub query: Option<&'a Query>,
}

/// Text segments with the matching ones in `<mark>`.
pub fn marked(parts: Vec<(String, bool)>) -> Vec<AnyView> {
    parts
        .into_iter()
        .map(|(text, hit)| {
            if hit {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect()
}

/// One entry: the article's title as a link, authors, source, and an
/// optional extra line (a search snippet).
pub fn article_item(
    catalogue: &Catalogue,
    article: &Article,
    view: View,
    lang_query: &str,
    options: ItemOptions<'_>,
    extra: Option<AnyView>,
) -> AnyView {
    let show_source = options.show_source;
    let lang = view.chrome_lang();
    let pages = (!show_source)
        .then(|| article.pages())
        .flatten()
        .map(|p| view! { <span class="list-pages">{format!("{}: {p}", Labels::of(lang).pages_label)}</span> });
    view! {
        <li class="article-item">
            <a class="list-link" href=article_href(article, lang_query)>{titles(article, view, options.query)}</a>
            <p class="list-meta">
                {author_names(article, lang)}
                {pages}
                {show_source.then(|| article_source(catalogue, article, lang))}
            </p>
            {extra}
        </li>
    }
    .into_any()
}

/// The full address of an issue's page.
pub fn issue_href(key: &IssueKey, lang_query: &str) -> String {
    issue_path(crate::prefs::base_path(), key, lang_query)
}

/// "Show more results" under a long list: shows `step` more of it.
pub fn show_more(shown: RwSignal<usize>, step: usize, labels: &'static Labels) -> AnyView {
    view! {
        <p class="more-results">
            <button type="button" on:click=move |_| shown.update(|n| *n += step)>
                {labels.more_results}
            </button>
        </p>
    }
    .into_any()
}

/// The title of a contents page: the journal's title in the reader's
/// language, else "Contents" (kept in step with the view).
pub fn contents_title(catalogue: std::sync::Arc<Catalogue>) {
    let state = crate::app::use_view_state();
    Effect::new(move |_| {
        let lang = state.view.get().chrome_lang();
        let title = catalogue
            .journal()
            .title()
            .pick(lang)
            .map(|s| s.text.to_owned());
        crate::prefs::set_document_title(
            &title.unwrap_or_else(|| state.labels().contents.to_owned()),
        );
    });
}

/// A contents page: the journal's title, a link to the keyword index, and
/// `body` (its journals' issues).
pub fn contents_section(
    catalogue: &Catalogue,
    lang: Lang,
    lang_query: &str,
    body: Vec<AnyView>,
) -> AnyView {
    let labels = Labels::of(lang);
    let title = catalogue.journal().title().pick(lang).map(|t| {
        view! { <span lang=t.tag.to_owned()>{t.text.to_owned()}</span> }
    });
    let keywords = crate::prefs::site_path(&format!("/keywords/{lang_query}"));
    view! {
        <section class="toc" aria-labelledby="toc-heading">
            <h1 id="toc-heading">{title}</h1>
            <p class="toc-sub">
                {labels.contents_label}" · "
                <a href=keywords>{labels.keyword_index}</a>
            </p>
            {body}
        </section>
    }
    .into_any()
}
