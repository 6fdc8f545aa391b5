//! Article pages as static HTML, rendered natively by the app's own
//! components so the page a crawler or a reader without JavaScript sees is
//! the page the app shows.
//!
//! Each page is trunk's `index.html` with the article's `<head>` tags and
//! title, and the body content inside `<div id="prerendered">`. It shows
//! both languages; `view.js` (run before first paint) hides the column the
//! reader will not see, and the app replaces the whole block once loaded
//! (`prefs::reveal_app`).

use catalogue::{Article, Catalogue, Lang, View, escape_attr, head_tags, plain_text};
use leptos::prelude::*;

use crate::components::article_view::article_body;
use crate::components::site_header::SiteHeader;
use crate::prefs::PRERENDERED_ID;

/// The body content of an article's page, as the app renders it in the
/// both-languages view.
pub fn article_body_html(catalogue: &Catalogue, article: &Article, page_url: &str) -> String {
    // Citations carry the page's address only when it is absolute (the
    // build knows the site's URL).
    let absolute = page_url.starts_with("https://") || page_url.starts_with("http://");
    let page_url = absolute.then_some(page_url);
    let owner = Owner::new();
    owner.with(|| {
        let collection = catalogue
            .journal()
            .title()
            .pick(Lang::En)
            .map(|s| (s.text.to_owned(), s.tag.to_owned()));
        let view = Memo::new(|_| View::Both);
        let skip_href = format!(
            "{}#{}",
            catalogue::article_path(crate::prefs::base_path(), article.id().as_str(), ""),
            crate::prefs::CONTENT_ID
        );
        view! {
            <SiteHeader
                collection=Signal::derive(move || collection.clone())
                view
                in_url=Signal::stored(None)
                on_choose=Callback::new(|_| ())
                query=Signal::stored(String::new())
                on_search=None
                skip_href=Signal::stored(skip_href.clone())
            />
            <main id="content" tabindex="-1">{article_body(catalogue, article, View::Both, "", page_url)}</main>
        }
        .to_html()
        // Leptos marks view boundaries with `<!>` comments for hydration; the
        // app does not hydrate (it replaces the block), so drop them. Text
        // cannot contain `<!>`: catalogue `<` is escaped as `&lt;`.
        .replace("<!>", "")
    })
}

/// A whole article page from trunk's `index.html`. `page_url` is the page's
/// address (absolute when the site's URL is known); `part_url`, for a split
/// catalogue, the article's part, which the page preloads so the app has it
/// as soon as it starts.
pub fn article_page(
    template: &str,
    catalogue: &Catalogue,
    article: &Article,
    page_url: &str,
    part_url: Option<&str>,
) -> String {
    let title = article
        .title()
        .pick(Lang::En)
        .map(|s| plain_text(s.text))
        .unwrap_or_default();
    let journal = catalogue
        .journal_of(article)
        .title()
        .pick(Lang::En)
        .map(|s| plain_text(s.text))
        .unwrap_or_default();
    let mut head: String = head_tags(catalogue, article, page_url)
        .iter()
        .map(|t| format!("  {}\n", t.to_html()))
        .collect();
    if let Some(url) = part_url {
        // `crossorigin` makes the preload a CORS request like the app's
        // fetch, so the browser hands the app this response, not a second.
        head.push_str(&format!(
            "  <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">\n",
            escape_attr(url)
        ));
    }
    let body = format!(
        "<div id=\"{PRERENDERED_ID}\">{}</div>",
        article_body_html(catalogue, article, page_url)
    );

    let mut page = replace_between(
        template,
        "<title>",
        "</title>",
        &escape_attr(&format!("{title} · {journal}")),
    );
    page = page.replacen("</head>", &format!("{head}</head>"), 1);
    // The content is on the page now: the "needs JavaScript" note is not.
    page = remove_between(&page, "<noscript>", "</noscript>");
    insert_after_body(&page, &body)
}

fn replace_between(text: &str, open: &str, close: &str, with: &str) -> String {
    match (text.find(open), text.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{with}{}", &text[..a], &text[b..]),
        _ => text.to_owned(),
    }
}

fn remove_between(text: &str, open: &str, close: &str) -> String {
    match (text.find(open), text.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + close.len()..]),
        _ => text.to_owned(),
    }
}

fn insert_after_body(text: &str, content: &str) -> String {
    let Some(start) = text.find("<body") else {
        return text.to_owned();
    };
    let Some(end) = text[start..].find('>') else {
        return text.to_owned();
    };
    let at = start + end + 1;
    format!("{}\n{content}{}", &text[..at], &text[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../public/catalogue.json");
    const TEMPLATE: &str =
        "<html><head><title>x</title></head><body><noscript>needs JS</noscript></body></html>";

    #[test]
    fn the_seed_page_holds_the_whole_article() {
        let catalogue = Catalogue::from_json(SAMPLE).unwrap();
        let article = catalogue.article("2024-58-6-95").unwrap();
        let page = article_page(
            TEMPLATE,
            &catalogue,
            article,
            "/article/2024-58-6-95/",
            None,
        );
        assert!(page.contains("<title>Chinese Characteristics and Practice of Digital Diplomacy · Teaching and Research</title>"), "{page}");
        assert!(page.contains("<meta name=\"citation_title\" content=\"Chinese Characteristics and Practice of Digital Diplomacy\">"));
        assert!(!page.contains("needs JS"));
        assert!(!page.contains("rel=\"preload\""), "no part to preload");
        for needle in [
            "<div id=\"prerendered\">",
            "With the deepening application of digital technology",
            "随着数字技术在外交领域的应用不断加深",
            "中国政法大学政治与公共管理学院)",
            "网络出版日期",
            "数字外交",
            "href=\"/article/sample-2025-1-1-1/\"",
        ] {
            assert!(page.contains(needle), "missing {needle:?}");
        }
    }

    #[test]
    fn a_page_with_many_authors_lists_each_in_its_tags() {
        let authors: Vec<String> = (1..=12)
            .map(|i| format!(r#"{{ "name": {{ "en": "Author {i} (placeholder)" }} }}"#))
            .collect();
        let json = format!(
            r#"{{ "format": "abstract-catalogue/1", "journal": {{ "title": {{ "en": "Sample Journal (fictitious)" }} }},
                "articles": [{{ "id": "many", "year": 2025, "title": {{ "en": "Many" }}, "abstract": {{ "en": "A." }},
                               "authors": [{}] }}] }}"#,
            authors.join(",")
        );
        let catalogue = Catalogue::from_json(&json).unwrap();
        let article = catalogue.article("many").unwrap();
        let page = article_page(
            TEMPLATE,
            &catalogue,
            article,
            "https://example.org/article/many/",
            None,
        );
        assert_eq!(page.matches("<meta name=\"citation_author\"").count(), 12);
        assert!(
            page.contains("<meta name=\"citation_author\" content=\"Author 12 (placeholder)\">")
        );
        assert!(!page.contains("citation_doi"), "no DOI, no tag");
        assert!(
            page.contains("<link rel=\"canonical\" href=\"https://example.org/article/many/\">")
        );
        assert_eq!(
            page.matches("class=\"author\"").count(),
            24,
            "12 names in each of the two columns"
        );
    }

    #[test]
    fn a_page_of_a_split_catalogue_preloads_its_part() {
        let catalogue = Catalogue::from_json(SAMPLE).unwrap();
        let article = catalogue.article("2024-58-6-95").unwrap();
        let part = "/r/catalogue/0123/article/2024-58-6-95.json";
        let page = article_page(TEMPLATE, &catalogue, article, "/r/x/", Some(part));
        assert!(page.contains("<link rel=\"preload\" href=\"/r/catalogue/0123/article/2024-58-6-95.json\" as=\"fetch\" crossorigin=\"anonymous\">"), "{page}");
    }

    #[test]
    fn catalogue_text_is_escaped() {
        let catalogue = Catalogue::from_json(SAMPLE).unwrap();
        let article = catalogue.article("sample-2025-1-1-9").unwrap();
        let page = article_page(TEMPLATE, &catalogue, article, "/x/", None);
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
        assert!(!page.contains("<script>alert(1)"));
        assert!(page.contains("CO<sub>2</sub>"), "{page}");
    }
}
