//! What a reader sees and does, in headless Chromium, against the release
//! build served from the sub-path `/reader/`.

use std::path::PathBuf;

use browser_tests::{Canned, Reader, Setup, catalogue_body, fixture};

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";
const ARROW_LEFT: &str = "\u{E012}";
const ARROW_RIGHT: &str = "\u{E014}";

async fn open() -> Reader {
    Reader::open(Setup::default()).await
}

#[tokio::test(flavor = "current_thread")]
async fn seed_article_in_english_shows_every_field() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;

    let journal_line = r.text(".journal-line").await.unwrap_or_default();
    assert!(
        journal_line.contains("ISSN 0257-2826") && journal_line.contains("CN 11-1454/G4"),
        "{journal_line}"
    );
    assert_eq!(
        r.text(".breadcrumb").await.as_deref(),
        Some("Teaching and Research ›› 2024, Vol. 58 ›› Issue (6): 95-105")
    );
    // The seed has no English author names: the Chinese ones show, marked.
    let authors = r.text(".authors").await.unwrap_or_default();
    assert!(
        authors.starts_with("韩笑1, 吴志成2") && authors.contains("Chinese only"),
        "{authors}"
    );
    assert_eq!(r.attr(".author span", "lang").await.as_deref(), Some("zh"));
    let affiliations = r.texts(".affiliations li").await;
    assert_eq!(
        affiliations,
        [
            "1. School of Political Science and Public Administration, China University of Political Science and Law, Beijing 102249, China",
            "2. Institute of International Strategy, Party School of the Central Committee of the Communist Party of China, Beijing 100091, China",
        ]
    );
    assert_eq!(r.texts(".dates dt").await, ["Online", "Published"]);
    assert_eq!(r.texts(".dates dd").await, ["2024-06-16", "2024-06-14"]);
    let notes = r.text(".author-notes").await.unwrap_or_default();
    assert!(
        notes.contains("Author notes")
            && notes.contains("韩笑,中国政法大学政治与公共管理学院讲师(北京 102249)")
            && notes.contains(
                "吴志成,中共中央党校(国家行政学院)国际战略研究院副院长、教授(北京 100091)。"
            ),
        "{notes}"
    );
    assert_eq!(
        r.count(".funding").await,
        0,
        "an empty funding list shows nothing"
    );
    assert_eq!(r.text(".abstract h2").await.as_deref(), Some("Abstract"));
    let abstract_text = r.text(".abstract-text").await.unwrap_or_default();
    assert!(
        abstract_text.starts_with("With the deepening application")
            && abstract_text.ends_with("new order in international cyber space.")
    );
    assert_eq!(
        r.attr(".abstract-text", "lang").await.as_deref(),
        Some("en")
    );
    assert_eq!(r.text(".keywords h2").await.as_deref(), Some("Key words"));
    assert_eq!(
        r.texts(".chip").await,
        [
            "digital globalization",
            "digital diplomacy",
            "cyber diplomacy",
            "digital diplomacy with Chinese characteristics"
        ]
    );
    assert_eq!(r.js("return document.documentElement.lang").await, "en");
    let title = r.client.title().await.unwrap_or_default();
    assert!(
        title.contains(SEED_TITLE) && title.contains("Teaching and Research"),
        "{title}"
    );
    r.screenshot("seed-en.png").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn seed_article_in_chinese_keeps_its_gaps_visible() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_text(".abstract h2", "摘要").await;

    // No Chinese title exists: the English one shows, marked and tagged `en`.
    let h1 = r.text("h1").await.unwrap_or_default();
    assert!(h1.contains(SEED_TITLE) && h1.contains("仅有英文"), "{h1}");
    assert_eq!(r.attr("h1 > span", "lang").await.as_deref(), Some("en"));
    assert_eq!(
        r.text(".breadcrumb").await.as_deref(),
        Some("教学与研究 ›› 2024年第58卷 ›› 第6期：95-105")
    );
    assert_eq!(
        r.texts(".affiliations li").await,
        [
            "1. 中国政法大学政治与公共管理学院)",
            "2. 中共中央党校(国家行政学院)国际战略研究院。"
        ]
    );
    assert_eq!(r.texts(".dates dt").await, ["网络出版日期", "发布日期"]);
    assert!(r.text(".author-notes h2").await.as_deref() == Some("作者简介"));
    assert!(
        !r.text(".authors")
            .await
            .unwrap_or_default()
            .contains("仅有"),
        "Chinese names need no marker in the Chinese view"
    );
    let abstract_text = r.text(".abstract-text").await.unwrap_or_default();
    assert!(
        abstract_text.starts_with("随着数字技术在外交领域的应用不断加深"),
        "{abstract_text}"
    );
    assert_eq!(
        r.attr(".abstract-text", "lang").await.as_deref(),
        Some("zh")
    );
    assert_eq!(r.text(".keywords h2").await.as_deref(), Some("关键词"));
    assert_eq!(
        r.texts(".chip").await,
        ["数字全球化", "数字外交", "网络外交", "中国特色数字外交"]
    );
    assert_eq!(r.js("return document.documentElement.lang").await, "zh");
    assert_eq!(
        r.text(".nav-next .nav-label").await.as_deref(),
        Some("下一篇 →")
    );
    r.screenshot("seed-zh.png").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn both_languages_side_by_side_then_stacked_on_a_phone() {
    let r = Reader::open(Setup {
        width: 1400,
        height: 1000,
        ..Setup::default()
    })
    .await;
    r.goto(&format!("{SEED}?lang=both")).await;
    r.wait_text(".columns-both", "摘要").await;
    assert_eq!(r.count(".article-column").await, 2);
    assert_eq!(
        r.attr(".article-column:nth-child(1)", "lang")
            .await
            .as_deref(),
        Some("en")
    );
    assert_eq!(
        r.attr(".article-column:nth-child(2)", "lang")
            .await
            .as_deref(),
        Some("zh")
    );
    let layout = "const [a, b] = [...document.querySelectorAll('.article-column')].map(e => e.getBoundingClientRect()); return [a.left, a.top, b.left, b.top];";
    let wide = r.js(layout).await;
    assert!(
        wide[2].as_f64() > wide[0].as_f64(),
        "side by side on a wide screen: {wide}"
    );
    r.screenshot("seed-both.png").await;

    // Headless Chromium keeps windows at least 500 px wide: narrow enough
    // for the one-column layout, which starts below 60rem.
    r.resize(360, 800).await;
    r.wait_until("a stacked layout on a narrow screen", || async {
        let v = r.js(layout).await;
        v[3].as_f64() > v[1].as_f64() && v[2].as_f64() == v[0].as_f64()
    })
    .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn phone_width_has_no_sideways_scrolling() {
    let r = Reader::open(Setup {
        width: 360,
        height: 780,
        ..Setup::default()
    })
    .await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    let widths = r
        .js("return [document.documentElement.scrollWidth, window.innerWidth]")
        .await;
    assert!(
        widths[0].as_f64() <= widths[1].as_f64(),
        "content wider than the screen: {widths}"
    );
    r.screenshot("seed-phone.png").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_toggle_switches_without_refetching_and_is_remembered() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text(".abstract h2", "Abstract").await;
    r.wait_for_app().await;
    assert_eq!(
        r.attr(".lang-toggle button[lang=en]", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );

    assert_eq!(
        r.text("#view-announcement").await.as_deref(),
        Some(""),
        "nothing is announced on load"
    );
    r.click(".lang-toggle button[lang=zh]").await;
    r.wait_text(".abstract h2", "摘要").await;
    // Screen readers hear the switch, from a polite live region.
    assert_eq!(
        r.text("#view-announcement").await.as_deref(),
        Some("显示中文")
    );
    assert_eq!(
        r.attr("#view-announcement", "aria-live").await.as_deref(),
        Some("polite")
    );
    assert!(
        r.current_url().await.ends_with("?lang=zh"),
        "{}",
        r.current_url().await
    );
    assert_eq!(r.js("return document.documentElement.lang").await, "zh");
    assert_eq!(
        r.attr(".lang-toggle button[lang=zh]", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );
    let fetches = "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/catalogue.json')).length";
    assert_eq!(
        r.js(fetches).await,
        1,
        "switching language must not fetch the catalogue again"
    );

    r.click(".lang-toggle button:not([lang])").await;
    r.wait_until("two columns", || async {
        r.count(".article-column").await == 2
    })
    .await;
    assert!(r.current_url().await.ends_with("?lang=both"));

    r.click(".lang-toggle button[lang=zh]").await;
    r.wait_until("one column", || async {
        r.count(".article-column").await == 1
    })
    .await;
    // A new visit without ?lang= opens in the language chosen last.
    r.goto("article/sample-2025-1-1-1/").await;
    r.wait_text(".abstract h2", "摘要").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn without_a_choice_the_browser_language_decides() {
    let r = Reader::open(Setup {
        browser_lang: "zh-CN",
        ..Setup::default()
    })
    .await;
    r.goto(SEED).await;
    r.wait_text(".abstract h2", "摘要").await;
    r.close().await;

    let r = Reader::open(Setup {
        browser_lang: "fr-FR",
        ..Setup::default()
    })
    .await;
    r.goto(SEED).await;
    r.wait_text(".abstract h2", "Abstract").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_base_address_opens_the_table_of_contents() {
    let r = open().await;
    r.goto("?lang=zh").await;
    r.wait_text(".toc-issue h3", "2024年第58卷第6期").await;
    r.click(".toc-issue .list-link").await;
    r.wait_text(".abstract h2", "摘要").await;
    assert!(r.current_url().await.contains(SEED));
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_without_the_trailing_slash_works() {
    let r = open().await;
    r.goto("article/sample-2025-1-1-1?lang=zh").await;
    r.wait_text("h1", "双语数字外交术语的虚构研究").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_keyword_chip_lists_every_article_with_it_and_leads_back() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text(".chips", "digital diplomacy").await;
    r.click(".chip[href*='k=digital%20diplomacy&']").await;
    r.wait_text(".keyword-page h1", "digital diplomacy").await;
    assert!(
        r.current_url()
            .await
            .contains("/reader/keyword/?k=digital%20diplomacy")
    );
    assert_eq!(
        r.texts(".keyword-results a").await,
        [
            SEED_TITLE,
            "A Fictitious Study of Digital Diplomacy Terms in Two Languages"
        ]
    );

    r.click(".back a").await;
    r.wait_text("h1", SEED_TITLE).await;
    assert!(r.current_url().await.contains(SEED));

    // Matching ignores case and full-width forms, and finds both languages.
    r.goto("keyword/?k=ＤＩＧＩＴＡＬ　Ｄｉｐｌｏｍａｃｙ")
        .await;
    r.wait_until("two results", || async {
        r.count(".keyword-results li").await == 2
    })
    .await;
    r.goto("keyword/?k=网络外交&lang=zh").await;
    r.wait_until("two results", || async {
        r.count(".keyword-results li").await == 2
    })
    .await;
    assert_eq!(
        r.texts(".keyword-results a").await[1],
        "仅有中文的虚构文章：网络外交示例"
    );
    r.goto("keyword/?k=nothing-has-this").await;
    r.wait_text(
        ".keyword-page",
        "No article in this catalogue carries this keyword.",
    )
    .await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn previous_and_next_by_click_and_by_keyboard() {
    let r = open().await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    assert_eq!(
        r.attr(".nav-prev", "aria-disabled").await.as_deref(),
        Some("true"),
        "no previous at the start"
    );
    assert!(
        r.text(".nav-next")
            .await
            .unwrap_or_default()
            .contains("A Fictitious Study of Digital Diplomacy Terms")
    );

    r.click("a.nav-next").await;
    r.wait_text("h1", "A Fictitious Study").await;
    assert!(
        r.current_url()
            .await
            .contains("article/sample-2025-1-1-1/?lang=en")
    );
    assert!(
        r.client
            .title()
            .await
            .unwrap_or_default()
            .starts_with("A Fictitious Study")
    );

    r.press(ARROW_RIGHT).await;
    r.wait_text("h1", "Inline Formatting in Abstracts").await;
    r.press(ARROW_RIGHT).await;
    r.wait_text("h1", "仅有中文的虚构文章").await;
    assert_eq!(
        r.attr(".nav-next", "aria-disabled").await.as_deref(),
        Some("true"),
        "no next at the end"
    );
    r.press(ARROW_RIGHT).await;
    r.press(ARROW_LEFT).await;
    r.wait_text("h1", "Inline Formatting in Abstracts").await;
    r.client.back().await.expect("back");
    r.wait_text("h1", "仅有中文的虚构文章").await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_unknown_article_says_so_and_offers_a_way_back() {
    let r = Reader::open(Setup {
        not_found_page: true,
        ..Setup::default()
    })
    .await;
    r.goto("article/no-such-article/").await;
    r.wait_text("h1", "Article not found").await;
    assert!(
        r.text(".not-found")
            .await
            .unwrap_or_default()
            .contains("no-such-article")
    );
    r.click(".not-found a").await;
    r.wait_text("h1", SEED_TITLE).await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_replaced_catalogue_opens_new_deep_links_through_404_html() {
    let setup = Setup {
        not_found_page: true,
        ..Setup::default()
    }
    .catalogue(catalogue_body(fixture("replaced.json")));
    let r = Reader::open(setup).await;
    r.goto("article/added-after-build/?lang=zh").await;
    r.wait_text("h1", "替换目录后新增的文章").await;
    r.close().await;
}

async fn shows_load_error(canned: Canned, expected: &[&str]) {
    let r = Reader::open(Setup::default().catalogue(canned)).await;
    r.goto(SEED).await;
    let text = r.wait_text(".load-error", "Try again").await;
    let text = format!("{text}\n{}", r.describe().await);
    for needle in expected {
        assert!(text.contains(needle), "expected {needle:?} in:\n{text}");
    }
    assert_eq!(
        r.text(".load-error h1").await.as_deref(),
        Some("The catalogue could not be loaded")
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_missing_catalogue_is_named() {
    let canned = Canned::Respond {
        status: 404,
        content_type: "text/plain",
        body: b"not found".to_vec(),
    };
    shows_load_error(
        canned,
        &[
            "There is no catalogue at /reader/catalogue.json (HTTP 404)",
            "beside index.html",
        ],
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_unreachable_catalogue_is_named() {
    shows_load_error(
        Canned::Drop,
        &[
            "/reader/catalogue.json could not be reached",
            "Check the connection",
        ],
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_server_error_is_named() {
    let canned = Canned::Respond {
        status: 500,
        content_type: "text/plain",
        body: b"oops".to_vec(),
    };
    shows_load_error(canned, &["HTTP 500"]).await;
}

#[tokio::test(flavor = "current_thread")]
async fn malformed_json_names_line_and_column() {
    shows_load_error(
        catalogue_body(fixture("malformed.json")),
        &[
            "not valid JSON",
            "line 6, column 1",
            "may have been cut off",
        ],
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_html_page_instead_of_json_is_recognised() {
    shows_load_error(
        catalogue_body(&b"<!DOCTYPE html><html><body>Welcome</body></html>"[..]),
        &["HTML page, not JSON"],
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn contract_errors_are_all_listed_with_their_paths() {
    shows_load_error(
        catalogue_body(fixture("contract-errors.json")),
        &[
            "breaks the catalogue format (2 problems)",
            "articles[1].id (line 6, column 13): an id may only use A-Z",
            "articles[1].title (line 6, column 48): expected at least one language",
        ],
    )
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn html_like_text_is_shown_literally_and_never_runs() {
    let setup = Setup {
        not_found_page: true,
        ..Setup::default()
    }
    .catalogue(catalogue_body(fixture("hostile.json")));
    let r = Reader::open(setup).await;
    r.goto("article/hostile-1/").await;
    r.wait_text("h1", "onerror").await;
    assert_eq!(
        r.text("h1").await.as_deref(),
        Some("<img src=x onerror=\"window.__ran = 'title'\"> CO2 in Oryza sativa")
    );
    assert_eq!(
        r.count("body img, body script, body svg, a[href^='javascript']")
            .await,
        0,
        "no element came from catalogue text"
    );
    // The four allowed tags still format.
    assert_eq!(r.text("h1 sub").await.as_deref(), Some("2"));
    assert_eq!(r.text("h1 i").await.as_deref(), Some("Oryza sativa"));
    assert_eq!(r.text(".abstract-text b").await.as_deref(), Some("bold"));
    assert_eq!(r.text(".abstract-text sup").await.as_deref(), Some("2"));
    assert_eq!(
        r.count(".abstract-text p").await,
        2,
        "a blank line starts a paragraph"
    );
    let abstract_text = r.text(".abstract-text").await.unwrap_or_default();
    assert!(
        abstract_text.starts_with("<script>window.__ran = 'abstract'</script>First paragraph"),
        "{abstract_text}"
    );
    assert!(
        r.texts(".chip")
            .await
            .contains(&"<svg onload=\"window.__ran = 'keyword'\">".to_owned())
    );
    assert!(
        r.text(".authors")
            .await
            .unwrap_or_default()
            .contains("<b onmouseover=")
    );
    assert!(
        r.text(".collection")
            .await
            .unwrap_or_default()
            .contains("<script>")
    );
    // Links from catalogue values: only checked, encoded addresses.
    assert_eq!(
        r.attr(".doi a", "href").await.as_deref(),
        Some("https://doi.org/10.1234/x%22%20onmouseover=%22window.__ran='doi'")
    );
    let author_links = r
        .js("return [...document.querySelectorAll('.authors a')].map(a => a.getAttribute('href'));")
        .await;
    assert_eq!(
        author_links,
        serde_json::json!([
            "https://orcid.org/0000-0002-1825-0097",
            "mailto:three@example.org"
        ]),
        "an invalid ORCID iD or e-mail is not linked"
    );
    let schemes = r
        .js("return [...document.querySelectorAll('a[href]')].map(a => new URL(a.href).protocol);")
        .await;
    for scheme in schemes.as_array().into_iter().flatten() {
        assert!(
            ["http:", "https:", "mailto:", "data:"].contains(&scheme.as_str().unwrap_or_default()),
            "a link with scheme {scheme}"
        );
    }
    // Bidirectional overrides and zero-width characters stay as written.
    r.click(".lang-toggle button[lang=zh]").await;
    r.wait_text("h1", "标题").await;
    assert_eq!(
        r.js("return document.querySelector('h1 span').textContent;")
            .await
            .as_str(),
        Some("\u{202e}RTL override\u{202c} and zero\u{200b}width\u{200d} joiner 标题")
    );
    assert_eq!(
        r.js("return window.__ran === undefined").await,
        true,
        "catalogue text ran as script"
    );
    r.close().await;
}

/// A catalogue of extremes: a 1 MB abstract and 10,000 keywords.
fn oversized() -> Vec<u8> {
    let keywords: Vec<String> = (0..10_000).map(|i| format!("keyword {i}")).collect();
    let huge = "placeholder text ".repeat(1_048_576 / 17);
    serde_json::to_vec(&serde_json::json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal (fictitious)" } },
        "articles": [{
            "id": "oversized",
            "year": 2025,
            "title": { "en": "An oversized fictitious article" },
            "abstract": { "en": huge, "zh": "虚构的超长摘要。" },
            "keywords": { "en": keywords }
        }]
    }))
    .expect("serialise")
}

#[tokio::test(flavor = "current_thread")]
async fn an_oversized_article_shows_whole_and_the_page_stays_responsive() {
    let setup = Setup {
        not_found_page: true,
        ..Setup::default()
    }
    .catalogue(catalogue_body(oversized()));
    let r = Reader::open(setup).await;
    r.goto("article/oversized/?lang=en").await;
    r.wait_text("h1", "An oversized fictitious article").await;
    assert_eq!(r.count(".chips li").await, 10_000);
    let length = r
        .js("return document.querySelector('.abstract-text').textContent.length;")
        .await
        .as_u64()
        .unwrap_or_default();
    assert!(length > 1_000_000, "{length}");
    // Still answering: the toggle re-renders the page.
    r.click(".lang-toggle button[lang=zh]").await;
    r.wait_text(".abstract h2", "摘要").await;
    assert!(
        r.text(".abstract-text")
            .await
            .unwrap_or_default()
            .contains("虚构的超长摘要")
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_missing_translation_is_marked_in_the_other_language() {
    let r = open().await;
    r.goto("article/sample-2025-1-2-1/?lang=en").await;
    r.wait_text("h1", "仅有中文的虚构文章").await;
    assert!(
        r.text("h1")
            .await
            .unwrap_or_default()
            .contains("Chinese only")
    );
    assert_eq!(r.attr("h1 > span", "lang").await.as_deref(), Some("zh"));
    assert!(
        r.text(".abstract")
            .await
            .unwrap_or_default()
            .contains("Chinese only")
    );
    assert_eq!(
        r.attr(".abstract-text", "lang").await.as_deref(),
        Some("zh")
    );
    // The fully bilingual article has no marker at all.
    r.goto("article/sample-2025-1-1-1/?lang=zh").await;
    r.wait_text("h1", "双语数字外交术语的虚构研究").await;
    assert_eq!(r.count(".fallback-note").await, 0);
    r.close().await;
}

/// `python3 -m http.server` serving a folder that holds the site as
/// `reader/`, stopped when dropped.
struct PythonServer {
    child: std::process::Child,
    port: u16,
    _dir: PathBuf,
}

impl PythonServer {
    fn start() -> PythonServer {
        let site = PathBuf::from(std::env::var_os("READER_SITE_DIR").expect("READER_SITE_DIR"));
        let dir = std::env::temp_dir().join(format!("reader-python-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::os::unix::fs::symlink(&site, dir.join("reader"))
            .expect("symlink the site under reader/");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "http.server",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect(
                "python3 is needed for this test: it checks the site on the plainest static server",
            );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "python3 -m http.server did not start"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        PythonServer {
            child,
            port,
            _dir: dir,
        }
    }
}

impl Drop for PythonServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "current_thread")]
async fn deep_links_work_on_python_http_server_under_a_sub_path() {
    let python = PythonServer::start();
    let r = open().await;
    let base = format!("http://127.0.0.1:{}/reader/", python.port);
    r.client
        .goto(&format!("{base}article/sample-2025-1-1-1/?lang=zh"))
        .await
        .expect("goto");
    r.wait_text("h1", "双语数字外交术语的虚构研究").await;
    // Without the trailing slash python answers with a redirect, and the
    // query survives it.
    r.client
        .goto(&format!("{base}article/2024-58-6-95?lang=both"))
        .await
        .expect("goto");
    r.wait_until("both columns", || async {
        r.count(".article-column").await == 2
    })
    .await;
    r.client
        .goto(&format!("{base}keyword/?k=数字外交&lang=zh"))
        .await
        .expect("goto");
    r.wait_until("two results", || async {
        r.count(".keyword-results li").await == 2
    })
    .await;
    r.close().await;
}
