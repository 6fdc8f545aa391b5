//! A split catalogue (`docs/split-catalogue.md`), as `cargo xtask build`
//! writes for large catalogues: an article page loads only its article's
//! part, the neighbours' parts are prefetched, nothing is fetched twice,
//! and the contents, issue, keyword and search pages read their own files,
//! never the complete one.

use browser_tests::{Canned, Reader, Setup, catalogue_body, fixture, split_folder};
use serde_json::json;

const SEED_ID: &str = "2024-58-6-95";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";
const NEXT_ID: &str = "sample-2025-1-1-1";
const NEXT_TITLE: &str = "A Fictitious Study of Digital Diplomacy Terms";

fn split() -> Setup {
    Setup {
        split: true,
        ..Setup::default()
    }
}

/// The server path of an article's part.
fn part(id: &str) -> String {
    format!("/reader/{}article/{id}.json", split_folder())
}

fn complete() -> String {
    format!("/reader/{}complete.json", split_folder())
}

/// How many times the server was asked for `path`.
fn asked(r: &Reader, path: &str) -> usize {
    r.server.requests().iter().filter(|p| *p == path).count()
}

async fn wait_asked(r: &Reader, path: &str) {
    r.wait_until(&format!("{path} to be fetched"), || async {
        asked(r, path) > 0
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_loads_its_part_alone_and_prefetches_its_neighbours() {
    let r = Reader::open(split()).await;
    r.goto(&format!("article/{SEED_ID}/?lang=en")).await;
    r.wait_for_ready().await;
    r.wait_text("h1", SEED_TITLE).await;
    wait_asked(&r, &part(NEXT_ID)).await;
    assert!(
        r.text(".nav-next")
            .await
            .unwrap_or_default()
            .contains(NEXT_TITLE),
        "{}",
        r.describe().await
    );
    assert_eq!(asked(&r, "/reader/catalogue.json"), 1);
    assert_eq!(
        asked(&r, &part(SEED_ID)),
        1,
        "the page's preload and the app's fetch are one request: {:?}",
        r.server.requests()
    );
    assert_eq!(asked(&r, &complete()), 0, "the whole catalogue stays put");
    assert_eq!(asked(&r, "/reader/search-index.json"), 0);
    let root: serde_json::Value = r
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('catalogue.json').then(r => r.json()).then(done, () => done(null));",
            vec![],
        )
        .await
        .expect("read the root");
    assert_eq!(root["articles"], serde_json::json!([]), "{root}");
    assert_eq!(root["split"]["articles"], 4);
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn next_and_previous_open_from_prefetched_parts_fetched_once() {
    let r = Reader::open(split()).await;
    r.goto(&format!("article/{SEED_ID}/?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    wait_asked(&r, &part(NEXT_ID)).await;

    r.click("a.nav-next").await;
    r.wait_text("h1", NEXT_TITLE).await;
    assert!(
        r.current_url()
            .await
            .contains(&format!("article/{NEXT_ID}/?lang=en"))
    );
    // The next one's own next is on its way now; back and forth again
    // asks for nothing more.
    wait_asked(&r, &part("sample-2025-1-1-9")).await;
    r.press("\u{E012}").await; // ←
    r.wait_text("h1", SEED_TITLE).await;
    r.press("\u{E014}").await; // →
    r.wait_text("h1", NEXT_TITLE).await;
    r.press("\u{E014}").await;
    r.wait_text("h1", "Inline Formatting in Abstracts").await;
    wait_asked(&r, &part("sample-2025-1-2-1")).await;
    for id in [SEED_ID, NEXT_ID, "sample-2025-1-1-9", "sample-2025-1-2-1"] {
        assert_eq!(asked(&r, &part(id)), 1, "{id}: {:?}", r.server.requests());
    }
    assert_eq!(asked(&r, "/reader/catalogue.json"), 1);
    assert_eq!(asked(&r, &complete()), 0);
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn contents_list_the_issues_and_an_issue_page_loads_its_part_alone() {
    let r = Reader::open(split()).await;
    r.goto("?lang=en").await;
    r.wait_for_ready().await;
    r.wait_text(".issue-list", "2024, Vol. 58, Issue (6)").await;
    // Two journals (the seed's and the sample's), three issues.
    assert_eq!(r.count("h2.toc-journal").await, 2, "{}", r.describe().await);
    assert_eq!(r.count(".issue-list li").await, 3);
    assert!(
        r.text("main")
            .await
            .unwrap_or_default()
            .contains("2 articles"),
        "{}",
        r.describe().await
    );
    r.click(".issue-list a").await;
    r.wait_text("h1", "2024, Vol. 58, Issue (6)").await;
    r.wait_text(".article-list", SEED_TITLE).await;
    assert_eq!(
        asked(&r, &format!("/reader/{}issues.json", split_folder())),
        1
    );
    let issue_parts = r
        .server
        .requests()
        .iter()
        .filter(|p| p.contains("/issue/") && p.ends_with(".json"))
        .count();
    assert_eq!(issue_parts, 1, "{:?}", r.server.requests());
    assert_eq!(asked(&r, &complete()), 0, "contents need no complete file");

    // An issue that is not in the catalogue.
    r.goto("issue/?y=1999&lang=en").await;
    r.wait_for_ready().await;
    r.wait_text("h1", "no such issue").await;
    r.close().await;
}

/// The server path of a split file other than an article's part.
fn split_file(name: &str) -> String {
    format!("/reader/{}{name}", split_folder())
}

/// The server path of a search file of the split site.
fn search_file(name: &str) -> String {
    split_file(&format!("search/{name}"))
}

/// How many keyword files (`keyword/<hash>.json`) the server was asked for.
fn keyword_files_asked(r: &Reader) -> usize {
    let prefix = split_file("keyword/");
    r.server
        .requests()
        .iter()
        .filter(|p| p.starts_with(&prefix))
        .count()
}

#[tokio::test(flavor = "current_thread")]
async fn keyword_pages_read_the_keyword_files_not_the_complete_file() {
    let r = Reader::open(split()).await;
    r.goto("keywords/?lang=en").await;
    r.wait_for_ready().await;
    r.wait_text(".keyword-table", "digital diplomacy").await;
    // The seed's 网络外交 pairs with "cyber diplomacy"; the Chinese-only
    // article's 网络外交 joins it: one row, two articles.
    let row = r
        .texts(".keyword-table tr")
        .await
        .into_iter()
        .find(|t| t.contains("cyber diplomacy"))
        .unwrap_or_default();
    assert!(
        row.contains("网络外交") && row.trim_end().ends_with('2'),
        "{row:?}"
    );
    assert_eq!(asked(&r, &split_file("keywords.json")), 1);
    assert_eq!(keyword_files_asked(&r), 0);

    // A chip leads to the keyword's page, from its own file.
    r.click(".keyword-table a[href*='%E7%BD%91%E7%BB%9C%E5%A4%96%E4%BA%A4']")
        .await;
    r.wait_text("h1", "网络外交").await;
    r.wait_text(".keyword-results", SEED_TITLE).await;
    r.wait_text(".keyword-results", "仅有中文的虚构文章").await;
    assert!(
        r.text("h1")
            .await
            .unwrap_or_default()
            .contains("cyber diplomacy"),
        "the other form is named: {}",
        r.describe().await
    );
    assert_eq!(keyword_files_asked(&r), 1, "{:?}", r.server.requests());

    // From an article's chip: a way back to it; the keyword folds (case).
    r.goto(&format!(
        "keyword/?k=Digital%20Diplomacy&from={SEED_ID}&lang=en"
    ))
    .await;
    r.wait_for_ready().await;
    r.wait_text(".keyword-results", NEXT_TITLE).await;
    r.wait_text(".back", "Back to the article").await;

    // A keyword no article has.
    r.goto("keyword/?k=no%20such%20keyword&lang=en").await;
    r.wait_for_ready().await;
    r.wait_text(
        ".keyword-page",
        "No article in this catalogue carries this keyword.",
    )
    .await;
    assert_eq!(
        asked(&r, &complete()),
        0,
        "keyword pages need no complete file"
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_keyword_of_many_articles_lists_fifty_at_a_time_each_part_fetched_once() {
    // 120 fictitious articles with "sample data": the keyword's file and
    // each article's part are canned beside the split sample.
    let folded = catalogue::fold_keyword("Sample Data");
    let folder = split_folder();
    let ids: Vec<String> = (1..=120).map(|n| format!("many-{n}")).collect();
    let mut setup = split();
    let entry = json!({
        "format": catalogue::KEYWORD_FORMAT,
        "entries": [{ "keys": [folded], "forms": [["en", "sample data"]], "articles": ids }],
    });
    let key = catalogue::keyword_file_key(&folded);
    setup.canned.insert(
        format!("{folder}keyword/{key}.json"),
        catalogue_body(entry.to_string()),
    );
    for (n, id) in ids.iter().enumerate() {
        let part = json!({
            "format": "abstract-catalogue/1",
            "journal": { "title": { "en": "Sample Journal (fictitious)" } },
            "articles": [{
                "id": id, "year": 2025,
                "title": { "en": format!("Fictitious article No. {}.", n + 1) },
                "abstract": { "en": "Placeholder." },
                "keywords": { "en": ["sample data"] },
            }],
        });
        setup.canned.insert(
            format!("{folder}article/{id}.json"),
            catalogue_body(part.to_string()),
        );
    }
    let r = Reader::open(setup).await;
    let listed = |n: usize| {
        let r = &r;
        async move {
            r.wait_until(&format!("{n} articles listed"), || async {
                r.count(".keyword-page .loading").await == 0
                    && r.count(".keyword-results li").await == n
            })
            .await;
        }
    };
    r.goto("keyword/?k=sample%20data&lang=en").await;
    r.wait_for_ready().await;
    listed(50).await;
    let text = r.text(".keyword-results").await.unwrap_or_default();
    assert!(
        text.contains("No. 1.") && text.contains("No. 50."),
        "{text}"
    );
    assert!(!text.contains("No. 51."), "{text}");
    assert_eq!(asked(&r, &part("many-51")), 0, "only the listed parts");
    r.click(".more-results button").await;
    listed(100).await;
    r.click(".more-results button").await;
    listed(120).await;
    assert_eq!(r.count(".more-results button").await, 0);
    for id in &ids {
        assert_eq!(asked(&r, &part(id)), 1, "{id}");
    }
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn search_needs_no_complete_file() {
    let r = Reader::open(split()).await;
    r.goto("search/?lang=en").await;
    r.wait_for_ready().await;
    r.type_text("#search-input", "外交").await;
    r.wait_text(".result-count", "外交").await;
    r.wait_text(".search-results", SEED_TITLE).await;
    assert_eq!(asked(&r, &complete()), 0);
    assert_eq!(asked(&r, &search_file("ids.json")), 1);
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn search_loads_the_shards_of_its_terms_and_the_parts_of_its_results() {
    let r = Reader::open(split()).await;
    r.goto("search/?q=数字外交&lang=en").await;
    r.wait_text(".result-count", "数字外交").await;
    r.wait_text(".search-results", SEED_TITLE).await;
    r.wait_for_ready().await;
    assert_eq!(asked(&r, &search_file("ids.json")), 1);
    // 数字 字外 外交: the shards of 数, 字 and 外, once each.
    for key in ["6570", "5b57", "5916"] {
        assert_eq!(
            asked(&r, &search_file(&format!("{key}.json"))),
            1,
            "{key}: {:?}",
            r.server.requests()
        );
    }
    assert_eq!(asked(&r, &part(SEED_ID)), 1);
    assert_eq!(asked(&r, &complete()), 0, "search needs no complete file");
    assert_eq!(asked(&r, "/reader/search-index.json"), 0);

    // Typing on loads only the shard the new word needs (`di`), not the
    // ones already in.
    r.goto("search/?q=外交&lang=en").await;
    r.wait_text(".search-results", SEED_TITLE).await;
    let before = r.server.requests().len();
    r.type_text("#search-input", " diplom").await;
    r.wait_text(".result-count", "diplom").await;
    r.wait_text(".search-results", SEED_TITLE).await;
    let later: Vec<String> = r.server.requests()[before..].to_vec();
    assert!(
        later.contains(&search_file("64-69.json")),
        "the shard of di: {later:?}"
    );
    assert!(!later.contains(&search_file("5916.json")), "{later:?}");
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_damaged_search_shard_says_so() {
    let r = Reader::open(split()).await;
    let relative = search_file("5916.json")
        .trim_start_matches("/reader/")
        .to_owned();
    r.server
        .set_canned(&relative, Some(catalogue_body(b"{\"format\":".to_vec())));
    r.goto("search/?q=外交&lang=en").await;
    r.wait_text(".search-page [role=alert]", "5916.json").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_replaced_catalogue_json_is_read_whole_and_the_parts_ignored() {
    // The owner replaced the root with a single-file catalogue, without
    // rebuilding: the old parts must not be shown.
    let r = Reader::open(Setup {
        not_found_page: true,
        ..split().catalogue(catalogue_body(fixture("replaced.json")))
    })
    .await;
    r.goto("article/added-after-build/?lang=en").await;
    r.wait_text("h1", "An Article Added by Replacing catalogue.json")
        .await;
    r.goto(&format!("article/{SEED_ID}/?lang=en")).await;
    r.wait_for_ready().await;
    r.wait_text("h1", "not found").await;
    assert_eq!(asked(&r, &complete()), 0);
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_unknown_article_says_so_and_links_to_the_contents() {
    let r = Reader::open(Setup {
        not_found_page: true,
        ..split()
    })
    .await;
    r.goto("article/no-such-article/?lang=en").await;
    r.wait_text("h1", "not found").await;
    assert_eq!(asked(&r, &part("no-such-article")), 1);
    r.click(".not-found a").await;
    r.wait_text(".issue-list", "2024, Vol. 58, Issue (6)").await;
    assert!(r.current_url().await.ends_with("/reader/?lang=en"));
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_part_that_cannot_be_fetched_says_why_and_retry_brings_it() {
    let r = Reader::open(split()).await;
    let path = part(SEED_ID);
    let relative = path.trim_start_matches("/reader/").to_owned();
    r.server.set_canned(
        &relative,
        Some(Canned::Respond {
            status: 500,
            content_type: "text/plain",
            body: b"server error".to_vec(),
        }),
    );
    r.goto(&format!("article/{SEED_ID}/?lang=en")).await;
    r.wait_text("main", "HTTP 500").await;
    assert!(
        r.text("main").await.unwrap_or_default().contains(&path),
        "the message names the file: {}",
        r.describe().await
    );
    r.server.set_canned(&relative, None);
    r.click("main button").await;
    r.wait_text("h1", SEED_TITLE).await;
    r.close().await;
}
