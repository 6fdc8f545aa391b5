//! Article pages as built: the whole article in the HTML (for readers
//! without JavaScript and for crawlers), the citation tags, and the app
//! taking the page over.

use browser_tests::{Canned, Reader, Setup, site_dir};

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";

fn built_page(id: &str) -> String {
    let path = site_dir().join("article").join(id).join("index.html");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn meta(page: &str, name: &str) -> Vec<String> {
    let prefix = format!("<meta name=\"{name}\" content=\"");
    page.match_indices(&prefix)
        .map(|(i, _)| {
            let rest = &page[i + prefix.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_owned()
        })
        .collect()
}

#[test]
fn the_built_seed_page_carries_citation_tags() {
    let page = built_page("2024-58-6-95");
    let one = |name: &str| meta(&page, name).join(" | ");
    assert_eq!(one("citation_title"), SEED_TITLE);
    assert_eq!(meta(&page, "citation_author"), ["韩笑", "吴志成"]);
    assert_eq!(one("citation_journal_title"), "Teaching and Research");
    assert_eq!(one("citation_issn"), "0257-2826");
    assert_eq!(one("citation_publication_date"), "2024/06/14");
    assert_eq!(
        (one("citation_volume"), one("citation_issue")),
        ("58".into(), "6".into())
    );
    assert_eq!(
        (one("citation_firstpage"), one("citation_lastpage")),
        ("95".into(), "105".into())
    );
    assert!(meta(&page, "citation_doi").is_empty());
    assert!(one("citation_keywords").starts_with("digital globalization; digital diplomacy;"));
    assert_eq!(meta(&page, "citation_language"), ["en", "zh"]);
    assert_eq!(
        one("citation_abstract_html_url"),
        "/reader/article/2024-58-6-95/"
    );
    assert_eq!(meta(&page, "DC.creator"), ["韩笑", "吴志成"]);
    assert!(page.contains("<meta property=\"og:title\" content=\"Chinese Characteristics and Practice of Digital Diplomacy\">"));
    assert!(page.contains("<link rel=\"canonical\" href=\"/reader/article/2024-58-6-95/\">"));
    assert!(page.contains(
        "<link rel=\"alternate\" hreflang=\"zh\" href=\"/reader/article/2024-58-6-95/?lang=zh\">"
    ));
    assert!(page.contains("<title>Chinese Characteristics and Practice of Digital Diplomacy · Teaching and Research</title>"));
}

#[test]
fn edge_cases_in_built_pages() {
    let chinese_only = built_page("sample-2025-1-2-1");
    assert_eq!(meta(&chinese_only, "citation_language"), ["zh"]);
    assert_eq!(meta(&chinese_only, "citation_firstpage"), ["e0001"]);
    let english_only = built_page("sample-2025-1-1-9");
    assert_eq!(
        meta(&english_only, "citation_title"),
        ["Inline Formatting in Abstracts: CO2, m2 and Oryza sativa"]
    );
    assert!(meta(&english_only, "citation_doi").is_empty());
    // Catalogue text that looks like markup stays text in the static HTML.
    assert!(english_only.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!english_only.contains("<script>alert(1)"));
}

#[tokio::test(flavor = "current_thread")]
async fn the_article_is_readable_without_javascript() {
    let r = Reader::open(Setup {
        javascript: false,
        ..Setup::default()
    })
    .await;
    r.goto(SEED).await;
    assert!(r.element_text("h1").await.contains(SEED_TITLE));
    let page = r.element_text("#prerendered").await;
    for needle in [
        "ISSN 0257-2826",
        "Teaching and Research ›› 2024, Vol. 58 ›› Issue (6): 95-105",
        "School of Political Science and Public Administration",
        "With the deepening application of digital technology",
        "随着数字技术在外交领域的应用不断加深",
        "数字外交",
        "A Fictitious Study of Digital Diplomacy Terms in Two Languages",
    ] {
        assert!(page.contains(needle), "missing {needle:?} in:\n{page}");
    }
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_takes_the_page_over() {
    let r = Reader::open(Setup::default()).await;
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_until("the app in place of the prerendered page", || async {
        r.count("#prerendered").await == 0 && r.count("#app:not([hidden]) h1").await == 1
    })
    .await;
    assert_eq!(r.count("#content").await, 1);
    assert_eq!(r.count(".article-column").await, 1);
    assert_eq!(r.text(".abstract h2").await.as_deref(), Some("摘要"));
    r.close().await;
}

/// Before the app runs (here: never, its wasm is missing), the page shows
/// the view the app would show, so taking over changes nothing visible.
#[tokio::test(flavor = "current_thread")]
async fn before_the_app_runs_the_page_shows_the_readers_view() {
    let wasm = std::fs::read_dir(site_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .expect("a wasm file in the site");
    let mut setup = Setup {
        browser_lang: "zh-CN",
        ..Setup::default()
    };
    setup.canned.insert(
        wasm,
        Canned::Respond {
            status: 404,
            content_type: "text/plain",
            body: b"gone".to_vec(),
        },
    );
    let r = Reader::open(setup).await;
    r.goto(SEED).await;
    let shown = "return [...document.querySelectorAll('#prerendered .article-column')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.lang)";
    r.wait_until("the prerendered page", || async {
        r.count("#prerendered h1").await == 2
    })
    .await;
    assert_eq!(r.js(shown).await, serde_json::json!(["zh"]));
    assert_eq!(r.js("return document.documentElement.lang").await, "zh");
    r.goto(&format!("{SEED}?lang=both")).await;
    r.wait_until("the prerendered page", || async {
        r.count("#prerendered h1").await == 2
    })
    .await;
    assert_eq!(r.js(shown).await, serde_json::json!(["en", "zh"]));
    r.close().await;
}
