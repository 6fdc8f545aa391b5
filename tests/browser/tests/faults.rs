//! A catalogue that is slow, cut off mid-file, answered with a server error
//! or with an HTML page: each is named in the reader's language, and "try
//! again" brings the article back in that language.

use std::time::Duration;

use browser_tests::{Canned, Reader, Setup, fixture};

const SEED: &str = "article/2024-58-6-95/";

/// Opens the seed in Chinese with `fault` in place of the catalogue, checks
/// the message holds `expected`, lifts the fault and retries.
async fn named_then_retried(fault: Canned, expected: &str) {
    let r = Reader::open(Setup::default().catalogue(fault)).await;
    r.goto(&format!("{SEED}?lang=zh")).await;
    let message = r.wait_text(".load-error", "重试").await;
    assert!(
        message.contains(expected),
        "expected {expected:?} in {message:?}"
    );
    assert_eq!(
        r.text(".load-error h1").await.as_deref(),
        Some("目录无法加载")
    );
    r.server.set_canned("catalogue.json", None);
    r.click(".load-error button").await;
    r.wait_text(".abstract h2", "摘要").await;
    assert!(r.current_url().await.ends_with("?lang=zh"));
    assert_eq!(r.js("return document.documentElement.lang").await, "zh");
    assert_eq!(r.count(".load-error").await, 0);
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_catalogue_cut_off_mid_file() {
    let whole = fixture("../../public/catalogue.json");
    let sent = whole.len() / 2;
    named_then_retried(Canned::CutOff { body: whole, sent }, "could not be reached").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_server_error() {
    let fault = Canned::Respond {
        status: 500,
        content_type: "text/plain",
        body: b"internal error".to_vec(),
    };
    named_then_retried(fault, "HTTP 500").await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_html_page_instead_of_the_catalogue() {
    let fault = Canned::Respond {
        status: 200,
        content_type: "text/html",
        body: b"<!DOCTYPE html><html><body>Sign in</body></html>".to_vec(),
    };
    named_then_retried(fault, "HTML").await;
}

#[tokio::test(flavor = "current_thread")]
async fn no_connection() {
    named_then_retried(Canned::Drop, "could not be reached").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_slow_catalogue_shows_that_it_is_loading_then_the_page() {
    let slow = || Canned::Slow {
        delay: Duration::from_secs(3),
        body: fixture("../../public/catalogue.json"),
    };
    // A page with nothing prerendered says it is loading, in the reader's
    // language, then shows the contents.
    let r = Reader::open(Setup::default().catalogue(slow())).await;
    r.goto("?lang=zh").await;
    r.wait_text(".loading", "正在加载目录").await;
    assert_eq!(r.attr(".loading", "role").await.as_deref(), Some("status"));
    r.wait_text(".toc-issue h3", "2024年第58卷第6期").await;
    assert_eq!(r.count(".loading").await, 0);
    r.close().await;

    // An article page is readable at once from its prerendered HTML while
    // the catalogue is on its way, and the app takes over after.
    let r = Reader::open(Setup::default().catalogue(slow())).await;
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_text("#prerendered .article-column[lang=zh] .abstract h2", "摘要")
        .await;
    r.wait_until("the app to take over", || async {
        r.count("#prerendered").await == 0
    })
    .await;
    r.wait_text("#app .abstract h2", "摘要").await;
    r.close().await;
}
