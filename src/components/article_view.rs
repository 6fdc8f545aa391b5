//! One article in one language: everything the seed page shows.
//!
//! A plain function of (catalogue, article, language) so the same code can
//! later render the page natively for prerendering.

use catalogue::{
    Article, Catalogue, IssueKey, Labels, Lang, LangText, View, breadcrumb, format_date,
};
use leptos::prelude::*;

use crate::components::article_list::issue_href;
use crate::components::article_nav::article_nav;
use crate::components::cite_panel::cite_panel;
use crate::components::keyword_chips::keyword_chips;
use crate::components::text::{fallback_note, rich};
use crate::prefs::site_path;

/// An article page's content in a view: one column per language, the Cite
/// panel, then the previous/next links. `page_url` is the article's
/// absolute address when known (citations and the shared link use it).
pub fn article_body(
    catalogue: &Catalogue,
    article: &Article,
    view: View,
    lang_query: &str,
    page_url: Option<&str>,
) -> AnyView {
    let columns: Vec<AnyView> = view
        .langs()
        .iter()
        .map(|&lang| article_column(catalogue, article, lang, lang_query))
        .collect();
    let class = match view {
        View::Both => "columns columns-both",
        View::One(_) => "columns",
    };
    let id = article.id().as_str();
    view! {
        <div class=class>{columns}</div>
        {cite_panel(catalogue, article, view, page_url)}
        {article_nav(catalogue.previous(id), catalogue.next(id), view.chrome_lang(), lang_query)}
    }
    .into_any()
}

/// Text in the column's language (or the fallback), with its real `lang`.
fn shown_text(text: &LangText, lang: Lang, labels: &'static Labels) -> Option<AnyView> {
    let shown = text.pick(lang)?;
    let tag = shown.tag.to_owned();
    Some(
        view! { <span lang=tag>{rich(shown.text)}</span>{fallback_note(labels, shown)} }.into_any(),
    )
}

/// The full article in `lang`. `lang_query` is carried by its links.
pub fn article_column(
    catalogue: &Catalogue,
    article: &Article,
    lang: Lang,
    lang_query: &str,
) -> AnyView {
    let labels = Labels::of(lang);
    let journal = catalogue.journal_of(article);
    let title = article.title().pick(lang);
    view! {
        <article class="article-column" lang=lang.tag() aria-labelledby=format!("title-{}", lang.tag())>
            <header class="article-head">
                {journal_line(journal.issn(), journal.eissn(), journal.cn())}
                <p class="breadcrumb">
                    <a class="journal-title" href=site_path(&format!("/{lang_query}"))>{shown_text(journal.title(), lang, labels)}</a>
                    " ›› "
                    <a class="issue-link" href=issue_href(&IssueKey::of(article), lang_query)>
                        {breadcrumb(article, lang).join(" ›› ")}
                    </a>
                </p>
                {title.map(|shown| view! {
                    <h1 id=format!("title-{}", lang.tag()) class="title">
                        <span lang=shown.tag.to_owned()>{rich(shown.text)}</span>
                        {fallback_note(labels, shown)}
                    </h1>
                })}
                {authors(article, lang, labels)}
                {affiliations(article, lang, labels)}
                {dates(article, labels)}
                {article.doi().map(|doi| view! {
                    <p class="doi">"DOI: "<a href=catalogue::doi_url(doi)>{doi.to_owned()}</a></p>
                })}
            </header>
            {author_notes(article, lang, labels)}
            {funding(article, lang, labels)}
            <section class="abstract" aria-labelledby=format!("abstract-{}", lang.tag())>
                <h2 id=format!("abstract-{}", lang.tag())>{labels.abstract_heading}</h2>
                {article.abstract_text().pick(lang).map(|shown| view! {
                    {fallback_note(labels, shown).map(|note| view! { <p class="fallback-line">{note}</p> })}
                    <div class="abstract-text" lang=shown.tag.to_owned()>{abstract_paragraphs(shown.text)}</div>
                })}
            </section>
            {keyword_chips(article, lang, labels, lang_query)}
        </article>
    }
    .into_any()
}

/// The abstract's paragraphs (split at blank lines), marked for the Element Timing API so
/// `cargo xtask bench` can read when the abstract was first painted (the
/// mark must sit on the element holding the text).
fn abstract_paragraphs(text: &str) -> Vec<AnyView> {
    catalogue::paragraphs(text)
        .iter()
        .map(|p| {
            // `elementtiming` is not among the view macro's attributes.
            leptos::html::p()
                .attr("elementtiming", "abstract")
                .child(rich(p))
                .into_any()
        })
        .collect()
}

fn journal_line(issn: Option<&str>, eissn: Option<&str>, cn: Option<&str>) -> Option<AnyView> {
    let items: Vec<(&str, String)> = [("ISSN", issn), ("eISSN", eissn), ("CN", cn)]
        .into_iter()
        .filter_map(|(label, value)| value.map(|v| (label, v.to_owned())))
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <p class="journal-line">
                {items.into_iter().map(|(label, value)| view! { <span>{label}" "{value}</span> }).collect::<Vec<_>>()}
            </p>
        }
        .into_any()
    })
}

fn authors(article: &Article, lang: Lang, labels: &'static Labels) -> Option<AnyView> {
    if article.authors().is_empty() {
        return None;
    }
    let numbered = !article.affiliations().is_empty();
    // One note for the whole list, naming the language of the first name
    // that had to fall back, rather than one per name.
    let mut first_fallback = None;
    let names: Vec<AnyView> = article
        .authors()
        .iter()
        .enumerate()
        .filter_map(|(i, author)| {
            let shown = author.name().pick(lang)?;
            if shown.is_fallback && first_fallback.is_none() {
                first_fallback = Some(shown);
            }
            let marks = author.affiliations().iter().map(u32::to_string).collect::<Vec<_>>().join(",");
            Some(view! {
                {(i > 0).then_some(", ")}
                <span class="author">
                    <span lang=shown.tag.to_owned()>{shown.text.to_owned()}</span>
                    {(numbered && !marks.is_empty()).then(|| view! { <sup class="aff-mark">{marks}</sup> })}
                    {author.is_corresponding().then(|| view! { <sup class="corresponding" title="Corresponding author">"*"</sup> })}
                    {author_links(author, shown.text)}
                </span>
            }
            .into_any())
        })
        .collect();
    Some(view! { <p class="authors">{names}{first_fallback.and_then(|s| fallback_note(labels, s))}</p> }.into_any())
}

/// An author's ORCID iD and e-mail as links, when they are valid ones
/// (anything else in the catalogue is not linked: see `catalogue::links`).
fn author_links(author: &catalogue::Author, name: &str) -> Option<AnyView> {
    let orcid = author.orcid().and_then(catalogue::orcid_url).map(|url| {
        let label = format!("ORCID iD of {name}");
        view! { " "<a class="orcid" href=url aria-label=label>"iD"</a> }
    });
    let email = author.email().and_then(catalogue::mailto).map(|url| {
        let label = format!("E-mail {name}");
        view! { " "<a class="email" href=url aria-label=label>"✉"</a> }
    });
    (orcid.is_some() || email.is_some()).then(|| view! { {orcid}{email} }.into_any())
}

fn affiliations(article: &Article, lang: Lang, labels: &'static Labels) -> Option<AnyView> {
    if article.affiliations().is_empty() {
        return None;
    }
    let items: Vec<AnyView> = article
        .affiliations()
        .iter()
        .map(|aff| {
            view! {
                <li>
                    <span class="aff-number">{aff.id()}". "</span>
                    {shown_text(aff.name(), lang, labels)}
                </li>
            }
            .into_any()
        })
        .collect();
    Some(view! { <ol class="affiliations" aria-label=labels.affiliations>{items}</ol> }.into_any())
}

fn dates(article: &Article, labels: &'static Labels) -> Option<AnyView> {
    if article.dates().is_empty() {
        return None;
    }
    let items: Vec<AnyView> = article
        .dates()
        .iter()
        .map(|(kind, date)| {
            let iso = date.to_string();
            view! {
                <div class=format!("date date-{}", kind.key())>
                    <dt>{labels.date(kind)}</dt>
                    <dd><time datetime=iso>{format_date(date)}</time></dd>
                </div>
            }
            .into_any()
        })
        .collect();
    Some(view! { <dl class="dates" aria-label=labels.dates>{items}</dl> }.into_any())
}

fn author_notes(article: &Article, lang: Lang, labels: &'static Labels) -> Option<AnyView> {
    let shown: Vec<_> = article
        .authors()
        .iter()
        .filter_map(|a| a.bio())
        .filter_map(|bio| bio.pick(lang))
        .collect();
    if shown.is_empty() {
        return None;
    }
    // One note for the section: author notes usually exist in one language.
    let note = shown
        .iter()
        .find(|s| s.is_fallback)
        .and_then(|s| fallback_note(labels, *s));
    let items: Vec<AnyView> = shown
        .iter()
        .map(|s| view! { <li lang=s.tag.to_owned()>{rich(s.text)}</li> }.into_any())
        .collect();
    Some(
        view! {
            <section class="author-notes">
                <h2>{labels.author_notes}</h2>
                {note.map(|n| view! { <p class="fallback-line">{n}</p> })}
                <ul>{items}</ul>
            </section>
        }
        .into_any(),
    )
}

/// Hidden when the list is empty, as the contract asks (the seed article's
/// funding line is empty).
fn funding(article: &Article, lang: Lang, labels: &'static Labels) -> Option<AnyView> {
    if article.funding().is_empty() {
        return None;
    }
    let items: Vec<AnyView> = article
        .funding()
        .iter()
        .map(|f| {
            let award = f.award().map(|a| match lang {
                Lang::En => format!(" (No. {a})"),
                Lang::Zh => format!("（编号：{a}）"),
            });
            view! { <li>{shown_text(f.name(), lang, labels)}{award}</li> }.into_any()
        })
        .collect();
    Some(
        view! {
            <section class="funding">
                <h2>{labels.funding}</h2>
                <ul>{items}</ul>
            </section>
        }
        .into_any(),
    )
}
