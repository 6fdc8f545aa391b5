//! The `<head>` tags of article pages, checked value by value for the seed
//! article and the edge cases: no DOI, one language only, many authors.

use catalogue::{Catalogue, head_tags};
use serde_json::json;

const SAMPLE: &str = include_str!("../../../public/catalogue.json");
const URL: &str = "https://example.org/reader/article/2024-58-6-95/";

fn tags_of(catalogue: &Catalogue, id: &str, url: &str) -> Vec<String> {
    let article = catalogue.article(id).unwrap();
    head_tags(catalogue, article, url)
        .iter()
        .map(|t| t.to_html())
        .collect()
}

fn values<'a>(tags: &'a [String], name: &str) -> Vec<&'a str> {
    let prefix = format!("<meta name=\"{name}\" content=\"");
    tags.iter()
        .filter_map(|t| t.strip_prefix(&prefix))
        .map(|rest| rest.trim_end_matches("\">"))
        .collect()
}

#[test]
fn the_seed_article() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let tags = tags_of(&c, "2024-58-6-95", URL);
    let one = |name| values(&tags, name).join(" | ");
    assert_eq!(
        one("citation_title"),
        "Chinese Characteristics and Practice of Digital Diplomacy"
    );
    // No English names exist: the Chinese ones are the names.
    assert_eq!(values(&tags, "citation_author"), ["韩笑", "吴志成"]);
    assert_eq!(one("citation_journal_title"), "Teaching and Research");
    assert_eq!(one("citation_issn"), "0257-2826");
    assert_eq!(one("citation_publication_date"), "2024/06/14");
    assert_eq!(one("citation_online_date"), "2024/06/16");
    assert_eq!(one("citation_volume"), "58");
    assert_eq!(one("citation_issue"), "6");
    assert_eq!(one("citation_firstpage"), "95");
    assert_eq!(one("citation_lastpage"), "105");
    assert_eq!(
        values(&tags, "citation_doi"),
        Vec::<&str>::new(),
        "the seed has no DOI"
    );
    assert_eq!(
        one("citation_keywords"),
        "digital globalization; digital diplomacy; cyber diplomacy; digital diplomacy with Chinese characteristics; 数字全球化; 数字外交; 网络外交; 中国特色数字外交"
    );
    assert_eq!(values(&tags, "citation_language"), ["en", "zh"]);
    assert_eq!(one("citation_abstract_html_url"), URL);
    assert_eq!(values(&tags, "DC.creator"), ["韩笑", "吴志成"]);
    assert_eq!(one("DC.date"), "2024-06-14");
    assert!(one("description").starts_with("With the deepening application of digital technology"));
    assert!(one("description").ends_with('…'));
    assert!(tags.contains(&"<meta property=\"og:type\" content=\"article\">".to_owned()));
    assert!(tags.contains(&format!("<meta property=\"og:url\" content=\"{URL}\">")));
    assert!(tags.contains(&format!("<link rel=\"canonical\" href=\"{URL}\">")));
    assert!(tags.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"zh\" href=\"{URL}?lang=zh\">"
    )));
    assert!(tags.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{URL}\">"
    )));
}

#[test]
fn one_language_only_and_an_article_number() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let tags = tags_of(&c, "sample-2025-1-2-1", "/article/sample-2025-1-2-1/");
    assert_eq!(
        values(&tags, "citation_title"),
        ["仅有中文的虚构文章：网络外交示例"]
    );
    assert_eq!(values(&tags, "citation_language"), ["zh"]);
    assert_eq!(values(&tags, "citation_firstpage"), ["e0001"]);
    assert_eq!(values(&tags, "citation_lastpage"), Vec::<&str>::new());
    assert_eq!(
        values(&tags, "citation_publication_date"),
        ["2025/03/01"],
        "online stands in for published"
    );
    assert_eq!(
        values(&tags, "citation_journal_title"),
        ["Sample Journal (fictitious)"]
    );
    assert_eq!(values(&tags, "citation_issn"), Vec::<&str>::new());
}

#[test]
fn inline_tags_are_removed_from_titles() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let tags = tags_of(&c, "sample-2025-1-1-9", "/article/sample-2025-1-1-9/");
    assert_eq!(
        values(&tags, "citation_title"),
        ["Inline Formatting in Abstracts: CO2, m2 and Oryza sativa"]
    );
    assert_eq!(values(&tags, "citation_publication_date"), ["2025/02"]);
}

#[test]
fn many_authors_a_doi_and_a_year_only() {
    let authors: Vec<_> = (1..=7).map(|i| json!({ "name": { "en": format!("Author {i} (placeholder)"), "zh": format!("作者{i}") } })).collect();
    let c = json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal (fictitious)" }, "issn": "0257-2826", "eissn": "2049-3630" },
        "articles": [{ "id": "many", "year": 2023, "doi": "10.1234/sample.5", "title": { "en": "T & <i>U</i>" },
                       "abstract": { "en": "A" }, "authors": authors }]
    });
    let c = Catalogue::from_json(&c.to_string()).unwrap();
    let tags = tags_of(&c, "many", "/article/many/");
    assert_eq!(values(&tags, "citation_author").len(), 7);
    assert_eq!(
        values(&tags, "citation_author")[6],
        "Author 7 (placeholder)"
    );
    assert_eq!(values(&tags, "citation_title"), ["T &amp; U"]);
    assert_eq!(values(&tags, "citation_doi"), ["10.1234/sample.5"]);
    assert_eq!(values(&tags, "DC.identifier"), ["doi:10.1234/sample.5"]);
    assert_eq!(values(&tags, "citation_issn"), ["0257-2826", "2049-3630"]);
    assert_eq!(values(&tags, "citation_publication_date"), ["2023"]);
}
