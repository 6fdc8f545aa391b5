//! The service worker: pages read reopen without a network, and a new
//! deployment replaces the old cache.

use browser_tests::{Canned, Reader, Setup, site_dir};

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";

/// Waits until the worker controls the page and has kept the catalogue and
/// the page `page` (a path under the site).
async fn wait_for_worker(r: &Reader, page: &str) {
    wait_for_kept(r, &[page]).await;
}

/// Waits until the worker controls the page and has kept the catalogue and
/// a file ending in each of `ends`.
async fn wait_for_kept(r: &Reader, ends: &[&str]) {
    r.wait_until("the service worker to control the page", || async {
        r.js("return !!navigator.serviceWorker.controller;")
            .await
            .as_bool()
            == Some(true)
    })
    .await;
    r.wait_until("the catalogue and the page to be kept", || async {
        r.client
            .execute_async(
                "const [ends, done] = [arguments[0], arguments[arguments.length - 1]];
                 caches.keys()
                   .then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
                   .then(lists => {
                     const urls = lists.flat().map(r => r.url);
                     done(urls.some(u => u.endsWith('/catalogue.json')) && ends.every(e => urls.some(u => u.endsWith(e))));
                   })
                   .catch(() => done(false));",
                vec![serde_json::json!(ends)],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn pages_read_reopen_without_a_network() {
    let r = Reader::open(Setup::default()).await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    wait_for_worker(&r, SEED).await;

    r.server.set_offline(true);
    // The page read, again.
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_text(".abstract h2", "摘要").await;
    assert!(
        r.text("h1").await.unwrap_or_default().contains(SEED_TITLE),
        "{}",
        r.describe().await
    );
    // Another article of the kept catalogue opens through the app's page.
    r.goto("article/sample-2025-1-1-1/?lang=zh").await;
    r.wait_text("h1", "双语数字外交术语的虚构研究").await;
    // Back online, the network is used again.
    r.server.set_offline(false);
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_of_a_split_catalogue_reopens_without_a_network() {
    let r = Reader::open(Setup {
        split: true,
        ..Setup::default()
    })
    .await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;
    // The page, the root and the part the page preloaded.
    wait_for_kept(&r, &[SEED, "/article/2024-58-6-95.json"]).await;

    r.server.set_offline(true);
    r.goto(&format!("{SEED}?lang=zh")).await;
    r.wait_for_ready().await;
    r.wait_text(".abstract h2", "摘要").await;
    assert!(
        r.text("h1").await.unwrap_or_default().contains(SEED_TITLE),
        "{}",
        r.describe().await
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_new_deployment_replaces_the_old_cache() {
    let r = Reader::open(Setup::default()).await;
    r.goto(SEED).await;
    r.wait_text("h1", SEED_TITLE).await;
    wait_for_worker(&r, SEED).await;
    let caches = r
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
            vec![],
        )
        .await
        .expect("cache names");
    let old = caches
        .as_array()
        .and_then(|a| a.first())
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned();
    assert!(old.starts_with("abstract-reader-"), "{caches}");

    // The next deployment's worker: same files, another version.
    let worker = std::fs::read_to_string(site_dir().join("sw.js")).expect("sw.js");
    let version_line = worker
        .lines()
        .find(|l| l.starts_with("const VERSION = "))
        .expect("a VERSION line");
    let next = worker.replacen(version_line, "const VERSION = \"next-deployment\";", 1);
    r.server.set_canned(
        "sw.js",
        Some(Canned::Respond {
            status: 200,
            content_type: "text/javascript",
            body: next.into_bytes(),
        }),
    );
    r.js("navigator.serviceWorker.getRegistration().then(reg => reg.update());")
        .await;
    r.wait_until("only the new deployment's cache", || async {
        let names = r
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
                vec![],
            )
            .await
            .unwrap_or_default();
        names == serde_json::json!(["abstract-reader-next-deployment"])
    })
    .await;
    r.close().await;
}
