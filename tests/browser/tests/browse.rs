//! The journal as a whole: contents, issue pages, the keyword index, search
//! and the Cite panel, in headless Chromium against the release build.

use browser_tests::{Canned, Reader, Setup, catalogue_body, fixture};

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";
const SAMPLE_1: &str = "A Fictitious Study of Digital Diplomacy Terms in Two Languages";

async fn open() -> Reader {
    Reader::open(Setup::default()).await
}

#[tokio::test(flavor = "current_thread")]
async fn the_home_page_is_the_table_of_contents_newest_issue_first() {
    let r = open().await;
    r.goto("?lang=en").await;
    r.wait_text(".toc h1", "Sample catalogue").await;
    assert_eq!(
        r.texts(".toc-journal").await,
        ["Teaching and Research", "Sample Journal (fictitious)"]
    );
    assert_eq!(
        r.texts(".toc-issue h3").await,
        [
            "2024, Vol. 58, Issue (6)",
            "2025, Vol. 1, Issue (2)",
            "2025, Vol. 1, Issue (1)"
        ]
    );
    let first_issue = r
        .js("return [...document.querySelector('.toc-issue').querySelectorAll('.list-link')].map(a => a.textContent);")
        .await;
    assert_eq!(first_issue, serde_json::json!([SEED_TITLE]));
    // Each entry: title (a link), authors, pages.
    let seed_meta = r.text(".toc-issue .list-meta").await.unwrap_or_default();
    assert!(
        seed_meta.contains("韩笑, 吴志成") && seed_meta.contains("Pages: 95-105"),
        "{seed_meta}"
    );
    // Every entry is a link that keeps the language.
    assert_eq!(
        r.attr(".toc-issue .list-link", "href").await.as_deref(),
        Some("/reader/article/2024-58-6-95/?lang=en")
    );

    // In Chinese, the labels and titles follow, with gaps marked.
    r.click(".lang-toggle button[lang='zh']").await;
    r.wait_text(".toc-issue h3", "2024年第58卷第6期").await;
    let seed_entry = r.text(".toc-issue .list-link").await.unwrap_or_default();
    assert!(
        seed_entry.contains(SEED_TITLE) && seed_entry.contains("仅有英文"),
        "{seed_entry}"
    );
    assert!(
        r.texts(".list-link")
            .await
            .contains(&"双语数字外交术语的虚构研究".to_owned())
    );

    // An issue heading opens the issue's page, an entry its article.
    r.click(".toc-journal-group:nth-of-type(2) .toc-issue:nth-of-type(2) h3 a")
        .await;
    r.wait_text(".issue-page h1", "2025年第1卷第1期").await;
    assert!(r.current_url().await.contains("/reader/issue/?"));
    assert_eq!(r.count(".issue-page .article-item").await, 2);
    r.click(".issue-page .list-link").await;
    r.wait_text("h1", "双语数字外交术语的虚构研究").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_breadcrumb_leads_to_the_issue_and_the_journal() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    assert_eq!(
        r.text(".breadcrumb").await.as_deref(),
        Some("Teaching and Research ›› 2024, Vol. 58 ›› Issue (6): 95-105")
    );
    r.click(".breadcrumb .issue-link").await;
    r.wait_text(
        ".issue-page h1",
        "Teaching and Research 2024, Vol. 58, Issue (6)",
    )
    .await;
    assert_eq!(r.texts(".issue-page .list-link").await, [SEED_TITLE]);
    // A deep link to the issue works too.
    let issue_url = r.current_url().await;
    r.client.goto(&issue_url).await.expect("goto");
    r.wait_text(".issue-page h1", "Issue (6)").await;

    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    r.click(".breadcrumb .journal-title").await;
    r.wait_text(".toc h1", "Sample catalogue").await;

    r.goto("issue/?y=1999&v=1&n=1").await;
    r.wait_text(".not-found h1", "This catalogue has no such issue.")
        .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_keyword_index_pairs_english_and_chinese_forms() {
    let r = open().await;
    r.goto("keywords/?lang=en").await;
    r.wait_text(".keyword-index h1", "All keywords").await;
    assert_eq!(r.count(".keyword-table tbody tr").await, 7);
    let rows = r.texts(".keyword-table tbody tr").await;
    assert!(
        rows.iter().any(|row| row == "digital diplomacy数字外交2"),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|row| row == "inline formatting—1"),
        "{rows:?}"
    );
    // 网络外交 (the Chinese-only article's keyword) is the seed's cyber
    // diplomacy: its page lists both articles.
    r.click(".keyword-table a[href*='k=%E7%BD%91%E7%BB%9C%E5%A4%96%E4%BA%A4']")
        .await;
    r.wait_text(".keyword-page h1", "网络外交").await;
    assert!(
        r.text(".keyword-page h1")
            .await
            .unwrap_or_default()
            .contains("cyber diplomacy")
    );
    r.wait_until("two articles", || async {
        r.count(".keyword-results .article-item").await == 2
    })
    .await;
    // The keyword page leads back to the index.
    r.click(".keyword-page .back a").await;
    r.wait_text(".keyword-index h1", "All keywords").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn searching_in_chinese_without_spaces_as_you_type() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    r.type_text("#search-input", "数字外交").await;
    r.wait_until("the search page", || async {
        r.current_url().await.contains("/reader/search/?q=")
    })
    .await;
    r.wait_text(".result-count", "2 results").await;
    let titles = r.texts(".search-results .list-link").await;
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&SEED_TITLE.to_owned()), "{titles:?}");
    // The query is in the address, with the language kept.
    let url = r.current_url().await;
    assert!(
        url.contains("q=%E6%95%B0%E5%AD%97%E5%A4%96%E4%BA%A4") && url.contains("lang=en"),
        "{url}"
    );
    // Matches are highlighted in the snippets.
    let marks = r.texts(".search-results mark").await;
    assert!(marks.iter().any(|m| m.contains("数字外交")), "{marks:?}");

    // A shorter query finds the seed too.
    r.goto("search/?q=外交").await;
    r.wait_text(".result-count", "result").await;
    assert!(
        r.texts(".search-results .list-link")
            .await
            .contains(&SEED_TITLE.to_owned())
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn searching_in_english_ranks_titles_first_and_says_when_nothing_matches() {
    let r = open().await;
    // A shared search link opens with its results.
    r.goto("search/?q=Diplomacy&lang=en").await;
    r.wait_text(".result-count", "results").await;
    assert_eq!(
        r.attr("#search-input", "value").await,
        None,
        "the box is set by property"
    );
    assert_eq!(
        r.js("return document.querySelector('#search-input').value;")
            .await
            .as_str(),
        Some("Diplomacy")
    );
    let titles = r.texts(".search-results .list-link").await;
    assert_eq!(
        titles.first().map(String::as_str),
        Some(SEED_TITLE),
        "{titles:?}"
    );
    assert!(titles.contains(&SAMPLE_1.to_owned()), "{titles:?}");
    let marks = r.texts(".search-results .list-link mark").await;
    assert!(marks.iter().any(|m| m == "Diplomacy"), "{marks:?}");

    r.goto("search/?q=zzzz-nothing").await;
    r.wait_text(".search-page .empty", "No article matches this search.")
        .await;
    r.goto("search/?q=量子&lang=zh").await;
    r.wait_text(".search-page .empty", "没有符合检索条件的文章")
        .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_replaced_catalogue_still_searches_without_its_index() {
    // The built search-index.json belongs to the sample; this catalogue is
    // another, so the app must index it in memory.
    let setup = Setup::default().catalogue(catalogue_body(fixture("replaced.json")));
    let r = Reader::open(setup).await;
    r.goto("search/?q=替换目录").await;
    r.wait_text(
        ".search-results .list-link",
        "An Article Added by Replacing catalogue.json",
    )
    .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_search_box_works_without_javascript() {
    let r = Reader::open(Setup {
        javascript: false,
        ..Setup::default()
    })
    .await;
    r.goto(SEED).await;
    r.type_text("#search-input", "diplomacy\u{E007}").await;
    r.wait_until("the search address", || async {
        r.current_url()
            .await
            .contains("/reader/search/?q=diplomacy")
    })
    .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_cite_panel_copies_each_style_and_offers_downloads() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_text(".abstract h2", "摘要").await;
    r.click(".cite-panel summary").await;
    let names = r.texts(".citation h3").await;
    assert_eq!(
        names,
        [
            "GB/T 7714-2015（中文）",
            "GB/T 7714-2015 (English)",
            "APA 7",
            "MLA 9",
            "Chicago",
            "BibTeX",
            "RIS"
        ]
    );
    let gbt = r.text("#cite-gbt7714-zh").await.unwrap_or_default();
    assert!(
        gbt.starts_with("韩笑, 吴志成. Chinese Characteristics and Practice of Digital Diplomacy[J]. 教学与研究, 2024, 58(6): 95-105"),
        "{gbt}"
    );

    // Copying goes through the Clipboard API; record what it is given.
    r.js("window.__copied = []; navigator.clipboard.writeText = t => { window.__copied.push(t); return Promise.resolve(); };")
        .await;
    r.js("document.querySelector('.cite-panel').scrollIntoView();")
        .await;
    r.screenshot("cite-panel.png").await;
    r.click(".citation[data-style='apa'] button.copy").await;
    r.wait_text(".copy-status", "已复制").await;
    let apa = r.text("#cite-apa").await.unwrap_or_default();
    let copied = r.js("return window.__copied[0];").await;
    assert_eq!(copied.as_str(), Some(apa.as_str()));
    assert!(apa.contains("(2024)"), "{apa}");

    // Downloads of .bib and .ris.
    assert_eq!(
        r.attr(".citation[data-style='bibtex'] a.download", "download")
            .await
            .as_deref(),
        Some("2024-58-6-95.bib")
    );
    let ris_href = r
        .attr(".citation[data-style='ris'] a.download", "href")
        .await
        .unwrap_or_default();
    assert!(
        ris_href
            .starts_with("data:application/x-research-info-systems;charset=utf-8,TY%20%20-%20JOUR"),
        "{ris_href}"
    );

    // "Copy link" keeps the language.
    r.click(".share button.copy-link").await;
    r.wait_until("the link copied", || async {
        r.js("return window.__copied.length;").await.as_u64() == Some(2)
    })
    .await;
    let link = r.js("return window.__copied[1];").await;
    assert_eq!(
        link.as_str(),
        Some(format!("{}?lang=zh", r.url(SEED)).as_str())
    );
    r.close().await;
}

/// A fictitious catalogue of `n` articles whose titles all hold "placeholder".
fn many_articles(n: usize) -> Vec<u8> {
    let articles: Vec<serde_json::Value> = (1..=n)
        .map(|i| {
            serde_json::json!({
                "id": format!("sample-{i}"),
                "year": 2025,
                "volume": "1",
                "issue": "1",
                "pages": format!("{i}"),
                "title": { "en": format!("Placeholder article number {i}") },
                "abstract": { "en": "A fictitious abstract for a scale test." }
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal (fictitious)" } },
        "articles": articles
    }))
    .expect("serialise")
}

#[tokio::test(flavor = "current_thread")]
async fn long_result_lists_grow_on_request_and_slash_focuses_the_box() {
    let setup = Setup::default().catalogue(catalogue_body(many_articles(120)));
    let r = Reader::open(setup).await;
    r.goto("").await;
    r.wait_text(".toc-issue h3", "2025, Vol. 1, Issue (1)")
        .await;
    // `/` puts the focus in the search box, and typing there searches.
    r.press("/").await;
    let focused = r.js("return document.activeElement.id;").await;
    assert_eq!(focused.as_str(), Some("search-input"));
    r.type_text("#search-input", "placeholder").await;
    r.wait_text(".result-count", "120 results").await;
    assert_eq!(r.count(".search-results .article-item").await, 50);
    r.click(".more-results button").await;
    r.wait_until("100 shown", || async {
        r.count(".search-results .article-item").await == 100
    })
    .await;
    r.click(".more-results button").await;
    r.wait_until("all shown", || async {
        r.count(".search-results .article-item").await == 120
    })
    .await;
    assert_eq!(r.count(".more-results").await, 0);
    r.close().await;
}

/// The sample's own catalogue with its search index missing, broken or cut
/// off: the reader indexes the catalogue itself and finds the same.
#[tokio::test(flavor = "current_thread")]
async fn without_a_usable_index_the_catalogue_still_searches() {
    let answers = [
        Canned::Respond {
            status: 404,
            content_type: "text/html",
            body: b"<h1>Not found</h1>".to_vec(),
        },
        Canned::Respond {
            status: 200,
            content_type: "application/json",
            body: br#"{"format":"abstract-search/1","ids":[1]}"#.to_vec(),
        },
        Canned::CutOff {
            body: vec![b' '; 4096],
            sent: 100,
        },
    ];
    for answer in answers {
        let mut setup = Setup::default();
        setup.canned.insert("search-index.json".into(), answer);
        let r = Reader::open(setup).await;
        r.goto("search/?q=数字外交&lang=en").await;
        r.wait_text(".result-count", "2 results").await;
        assert!(
            r.texts(".search-results .list-link")
                .await
                .contains(&SEED_TITLE.to_owned())
        );
        r.close().await;
    }
}
