//! What an article page says about itself in `<head>`, for search engines,
//! reference managers and link previews: Highwire Press `citation_*` tags
//! (Google Scholar, Zotero), Dublin Core, Open Graph, a canonical link and
//! `hreflang` alternates for the language views.
//!
//! Pure data and text: the prerenderer writes these tags into each
//! `article/<id>/index.html`.

use crate::lang::{Lang, LangText};
use crate::markup::plain_text;
use crate::model::{Article, Catalogue, DateKind, PartialDate};

/// One tag of `<head>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadTag {
    /// `<meta name="…" content="…">`
    Name(String, String),
    /// `<meta property="…" content="…">` (Open Graph)
    Property(String, String),
    /// `<link rel="…" href="…" hreflang="…">`
    Link {
        rel: &'static str,
        href: String,
        hreflang: Option<&'static str>,
    },
}

impl HeadTag {
    pub fn to_html(&self) -> String {
        match self {
            HeadTag::Name(name, content) => {
                format!(
                    "<meta name=\"{}\" content=\"{}\">",
                    escape_attr(name),
                    escape_attr(content)
                )
            }
            HeadTag::Property(property, content) => {
                format!(
                    "<meta property=\"{}\" content=\"{}\">",
                    escape_attr(property),
                    escape_attr(content)
                )
            }
            HeadTag::Link {
                rel,
                href,
                hreflang: Some(lang),
            } => {
                format!(
                    "<link rel=\"{rel}\" hreflang=\"{lang}\" href=\"{}\">",
                    escape_attr(href)
                )
            }
            HeadTag::Link {
                rel,
                href,
                hreflang: None,
            } => format!("<link rel=\"{rel}\" href=\"{}\">", escape_attr(href)),
        }
    }
}

/// Escapes text for an HTML attribute value in double quotes, or for
/// element content.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// How long a description (`<meta name="description">`, `og:description`)
/// may be, in characters.
const DESCRIPTION_CHARS: usize = 300;

/// Text for a tag: English first (the language of most indexes), then
/// Chinese, then whatever there is; inline tags removed.
fn best(text: &LangText) -> Option<String> {
    text.pick(Lang::En).map(|s| plain_text(s.text))
}

/// `2024-06-14` as Highwire wants it: `2024/06/14`.
fn highwire_date(date: PartialDate) -> String {
    date.to_string().replace('-', "/")
}

fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= DESCRIPTION_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(DESCRIPTION_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The `<head>` tags of an article's page. `page_url` is its address
/// (absolute when the site's public URL is known, else a path); it is the
/// canonical link, and with `?lang=` the language alternates.
pub fn head_tags(catalogue: &Catalogue, article: &Article, page_url: &str) -> Vec<HeadTag> {
    let name = |k: &str, v: String| HeadTag::Name(k.to_owned(), v);
    let property = |k: &str, v: String| HeadTag::Property(k.to_owned(), v);
    let mut tags = Vec::new();
    let journal = catalogue.journal_of(article);
    let title = best(article.title()).unwrap_or_default();
    let journal_title = best(journal.title()).unwrap_or_default();
    let authors: Vec<String> = article
        .authors()
        .iter()
        .filter_map(|a| best(a.name()))
        .collect();
    let date = article
        .dates()
        .get(DateKind::Published)
        .or_else(|| article.dates().get(DateKind::Online))
        .map(highwire_date)
        .unwrap_or_else(|| article.year().to_string());
    let languages: Vec<&'static str> = Lang::ALL
        .into_iter()
        .filter(|&l| article.title().get(l).is_some() || article.abstract_text().get(l).is_some())
        .map(Lang::tag)
        .collect();
    let keywords: Vec<&str> = article.keywords().all().collect();
    let description = best(article.abstract_text())
        .map(|a| excerpt(&a))
        .unwrap_or_default();

    // Highwire Press, as Google Scholar's inclusion guidelines list them.
    tags.push(name("citation_title", title.clone()));
    for author in &authors {
        tags.push(name("citation_author", author.clone()));
    }
    tags.push(name("citation_journal_title", journal_title.clone()));
    for issn in [journal.issn(), journal.eissn()].into_iter().flatten() {
        tags.push(name("citation_issn", issn.to_owned()));
    }
    tags.push(name("citation_publication_date", date.clone()));
    if let Some(online) = article.dates().get(DateKind::Online) {
        tags.push(name("citation_online_date", highwire_date(online)));
    }
    if let Some(volume) = article.volume() {
        tags.push(name("citation_volume", volume.to_owned()));
    }
    if let Some(issue) = article.issue() {
        tags.push(name("citation_issue", issue.to_owned()));
    }
    if let Some(pages) = article.pages() {
        let (first, last) = match pages.split_once(['-', '–']) {
            Some((first, last)) => (first.trim(), Some(last.trim())),
            None => (pages.trim(), None),
        };
        tags.push(name("citation_firstpage", first.to_owned()));
        if let Some(last) = last {
            tags.push(name("citation_lastpage", last.to_owned()));
        }
    }
    if let Some(doi) = article.doi() {
        tags.push(name("citation_doi", doi.to_owned()));
    }
    if !keywords.is_empty() {
        tags.push(name("citation_keywords", keywords.join("; ")));
    }
    for lang in &languages {
        tags.push(name("citation_language", (*lang).to_owned()));
    }
    tags.push(name("citation_abstract_html_url", page_url.to_owned()));

    // Dublin Core.
    tags.push(name("DC.title", title.clone()));
    for author in &authors {
        tags.push(name("DC.creator", author.clone()));
    }
    tags.push(name("DC.date", date.replace('/', "-")));
    tags.push(name("DC.source", journal_title.clone()));
    if let Some(doi) = article.doi() {
        tags.push(name("DC.identifier", format!("doi:{doi}")));
    }
    for lang in &languages {
        tags.push(name("DC.language", (*lang).to_owned()));
    }
    tags.push(name("description", description.clone()));

    // Open Graph, for link previews.
    tags.push(property("og:type", "article".to_owned()));
    tags.push(property("og:title", title));
    tags.push(property("og:description", description));
    tags.push(property("og:url", page_url.to_owned()));
    tags.push(property("og:site_name", journal_title));

    tags.push(HeadTag::Link {
        rel: "canonical",
        href: page_url.to_owned(),
        hreflang: None,
    });
    for lang in Lang::ALL {
        tags.push(HeadTag::Link {
            rel: "alternate",
            href: format!("{page_url}?lang={}", lang.tag()),
            hreflang: Some(lang.tag()),
        });
    }
    tags.push(HeadTag::Link {
        rel: "alternate",
        href: page_url.to_owned(),
        hreflang: Some("x-default"),
    });
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_stop_at_the_limit() {
        assert_eq!(excerpt("a  b\nc"), "a b c");
        let long = "x".repeat(400);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), DESCRIPTION_CHARS);
        assert!(e.ends_with('…'));
    }

    #[test]
    fn tags_are_escaped() {
        assert_eq!(
            HeadTag::Name("citation_title".into(), "<b>\"A&B\"</b>".into()).to_html(),
            "<meta name=\"citation_title\" content=\"&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;\">"
        );
    }
}
