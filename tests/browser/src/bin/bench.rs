//! The browser half of `cargo xtask bench` (which builds the sites, starts
//! chromedriver and runs this): cold loads against a plain static page of
//! the same article, bytes, interactions and memory, at each catalogue
//! size. Prints a table and writes the numbers as JSON.
//!
//! Timings come from the page's own clocks, not from WebDriver round trips:
//! the Element Timing API for when the abstract was first painted (its
//! paragraphs carry `elementtiming="abstract"`), the `reader:ready` mark for
//! when the app showed its catalogue, and `performance.now()` around a click
//! until the DOM shows its result.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use browser_tests::{MOUNT, Setup, start_browser};
use fantoccini::Client;
use serde_json::{Value, json};
use static_server::{Config, Server};

/// How long a cold load may take before the run is counted as timed out.
const LOAD_LIMIT: Duration = Duration::from_secs(180);

/// One site to measure: a catalogue of `articles` articles built into `dir`,
/// measured on article `article`.
struct Site {
    articles: usize,
    dir: PathBuf,
    article: String,
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run `cargo xtask bench`"))
}

/// `BENCH_SITES`: `articles=dir=article` entries separated by `;`.
fn sites() -> Vec<Site> {
    env("BENCH_SITES")
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let mut parts = entry.splitn(3, '=');
            let (Some(n), Some(dir), Some(article)) = (parts.next(), parts.next(), parts.next())
            else {
                panic!("BENCH_SITES entry {entry:?} is not articles=dir=article");
            };
            Site {
                articles: n.parse().expect("a number of articles"),
                dir: PathBuf::from(dir),
                article: article.to_owned(),
            }
        })
        .collect()
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

async fn js_async(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// When the abstract was first painted, in ms since navigation started.
async fn abstract_painted(client: &Client) -> Option<f64> {
    let script = r#"
        const done = arguments[arguments.length - 1];
        let first = null;
        new PerformanceObserver(list => {
            for (const e of list.getEntries()) {
                if (e.identifier !== 'abstract') continue;
                const t = e.renderTime || e.loadTime;
                if (first === null || t < first) first = t;
            }
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => done(first), 300);
    "#;
    js_async(client, script, vec![]).await.as_f64()
}

/// Waits for the app's `reader:ready` mark; its time in ms, or `None` when
/// it did not come within [`LOAD_LIMIT`].
async fn app_ready(client: &Client) -> Option<f64> {
    let started = Instant::now();
    while started.elapsed() < LOAD_LIMIT {
        let mark = js(
            client,
            "const m = performance.getEntriesByName('reader:ready')[0]; return m ? m.startTime : null;",
            vec![],
        )
        .await;
        if let Some(t) = mark.as_f64() {
            return Some(t);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

/// Bytes the page has transferred so far: the document and every resource.
async fn bytes_transferred(client: &Client) -> Option<f64> {
    js(
        client,
        "const n = performance.getEntriesByType('navigation')[0];
         return (n ? n.transferSize : 0) + performance.getEntriesByType('resource')
             .reduce((sum, r) => sum + r.transferSize, 0);",
        vec![],
    )
    .await
    .as_f64()
}

async fn heap_bytes(client: &Client) -> Option<f64> {
    js(
        client,
        "return performance.memory ? performance.memory.usedJSHeapSize : null;",
        vec![],
    )
    .await
    .as_f64()
}

/// Clicks what `selector` finds and returns the ms until `done` (a JS
/// expression) holds, watching the DOM; `None` if it never does.
async fn time_click(client: &Client, selector: &str, done: &str) -> Option<f64> {
    let script = format!(
        r#"
        const finish = arguments[arguments.length - 1];
        const before = document.querySelector('h1') ? document.querySelector('h1').textContent : '';
        const ok = () => {{ try {{ return ({done}); }} catch (e) {{ return false; }} }};
        const target = document.querySelector({selector});
        if (!target) {{ finish(null); return; }}
        const t0 = performance.now();
        target.click();
        if (ok()) {{ finish(performance.now() - t0); return; }}
        const watch = new MutationObserver(() => {{
            if (ok()) {{ watch.disconnect(); finish(performance.now() - t0); }}
        }});
        watch.observe(document.body, {{ subtree: true, childList: true, characterData: true, attributes: true }});
        setTimeout(() => {{ watch.disconnect(); finish(null); }}, 20000);
        "#,
        selector = json!(selector),
    );
    js_async(client, &script, vec![]).await.as_f64()
}

/// The ms of one search, from the keystroke.
#[derive(Clone, Copy)]
struct SearchTime {
    /// Until the first results (or "no result") are on the page.
    shown: f64,
    /// Until every result of the first page is listed (a split catalogue
    /// lists them in steps, as their parts arrive).
    complete: f64,
}

/// Types `query` into the search box at once and times its results.
async fn time_search(client: &Client, query: &str) -> Option<SearchTime> {
    let script = r#"
        const [query, finish] = [arguments[0], arguments[arguments.length - 1]];
        const counted = () => {
            const shown = document.querySelector('.result-count .search-query');
            return shown && shown.textContent === query;
        };
        const shown = () => counted() && (document.querySelector('.search-results li')
            || document.querySelector('.search-page .empty'));
        const complete = () => counted() && !document.querySelector('.search-page .loading');
        const input = document.getElementById('search-input');
        let first = null;
        const check = () => {
            const t = performance.now() - t0;
            if (first === null && shown()) first = t;
            if (first !== null && complete()) { watch.disconnect(); finish([first, t]); return true; }
            return false;
        };
        const watch = new MutationObserver(check);
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (check()) return;
        watch.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => { watch.disconnect(); finish(null); }, 25000);
    "#;
    let v = js_async(client, script, vec![json!(query)]).await;
    Some(SearchTime {
        shown: v.get(0)?.as_f64()?,
        complete: v.get(1)?.as_f64()?,
    })
}

#[derive(Default)]
struct Row {
    articles: usize,
    static_ms: Vec<f64>,
    app_ms: Vec<f64>,
    ready_ms: Vec<f64>,
    static_bytes: Vec<f64>,
    app_bytes: Vec<f64>,
    heap: Vec<f64>,
    timeouts: usize,
    switch_ms: Vec<f64>,
    next_ms: Vec<f64>,
    /// The first query (it loads the index, or a split one's ids file).
    search_first_ms: Option<f64>,
    /// Later queries: until results show, and until the page is complete.
    search_ms: Vec<f64>,
    search_complete_ms: Vec<f64>,
}

async fn measure(site: &Site, runs: usize) -> Row {
    let server = Server::start(Config::new(&site.dir, MOUNT), 0).expect("start the static server");
    let static_url = format!("{}bench-static/{}.html", server.url(), site.article);
    let app_url = format!("{}article/{}/?lang=en", server.url(), site.article);
    let mut row = Row {
        articles: site.articles,
        ..Row::default()
    };
    for _ in 0..runs {
        // Cold: a new session is a new profile, with an empty cache.
        let client = start_browser(&Setup::default()).await;
        client
            .goto(&static_url)
            .await
            .expect("open the static page");
        row.static_ms.extend(abstract_painted(&client).await);
        row.static_bytes.extend(bytes_transferred(&client).await);
        let _ = client.close().await;

        let client = start_browser(&Setup::default()).await;
        client.goto(&app_url).await.expect("open the article");
        row.app_ms.extend(abstract_painted(&client).await);
        match app_ready(&client).await {
            Some(t) => row.ready_ms.push(t),
            None => row.timeouts += 1,
        }
        row.app_bytes.extend(bytes_transferred(&client).await);
        row.heap.extend(heap_bytes(&client).await);
        let _ = client.close().await;
    }

    // Interactions, in one warm session.
    let client = start_browser(&Setup::default()).await;
    client.goto(&app_url).await.expect("open the article");
    if app_ready(&client).await.is_some() {
        for i in 0..runs * 2 {
            let (lang, heading) = if i % 2 == 0 {
                ("zh", "摘要")
            } else {
                ("en", "Abstract")
            };
            let done = format!(
                "document.querySelector('.abstract h2').textContent === {}",
                json!(heading)
            );
            let selector = format!(".lang-toggle button[lang='{lang}']");
            row.switch_ms
                .extend(time_click(&client, &selector, &done).await);
        }
        for _ in 0..runs {
            row.next_ms.extend(
                time_click(
                    &client,
                    "a.nav-next",
                    "document.querySelector('h1').textContent !== before",
                )
                .await,
            );
        }
    }
    client
        .goto(&format!("{}search/?lang=en", server.url()))
        .await
        .expect("open the search page");
    if app_ready(&client).await.is_some() {
        row.search_first_ms = time_search(&client, "外交").await.map(|t| t.shown);
        for query in [
            "digital",
            "治理",
            "network policy",
            "数据安全",
            "placeholder",
        ] {
            if let Some(t) = time_search(&client, query).await {
                row.search_ms.push(t.shown);
                row.search_complete_ms.push(t.complete);
            }
        }
    }
    let _ = client.close().await;
    row
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "–".into())
}

fn kb(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}", v / 1024.0))
        .unwrap_or_else(|| "–".into())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let runs: usize = env("BENCH_RUNS").parse().expect("BENCH_RUNS is a number");
    let out = PathBuf::from(env("BENCH_OUT"));
    let bundle: Value = serde_json::from_str(&env("BENCH_BUNDLE")).expect("BENCH_BUNDLE is JSON");

    let mut rows = Vec::new();
    for site in sites() {
        eprintln!(
            "==> measuring {} articles ({runs} cold loads each)",
            site.articles
        );
        rows.push(measure(&site, runs).await);
    }

    println!();
    println!(
        "| articles | cold load vs static | static ms | app ms | app ready ms | first-load KB (static / app) | switch ms | next ms | search ms (first / warm, all 50 listed) | JS heap MB |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut json_rows = Vec::new();
    for row in &rows {
        let static_ms = median(row.static_ms.clone());
        let app_ms = median(row.app_ms.clone());
        let ratio = static_ms.zip(app_ms).map(|(s, a)| a / s);
        let ready = median(row.ready_ms.clone());
        let heap = median(row.heap.clone()).map(|b| b / 1_048_576.0);
        let record = json!({
            "articles": row.articles,
            "runs": runs,
            "cold_load_ratio": ratio,
            "static_abstract_ms": static_ms,
            "app_abstract_ms": app_ms,
            "app_ready_ms": ready,
            "app_ready_timeouts": row.timeouts,
            "static_first_load_bytes": median(row.static_bytes.clone()),
            "app_first_load_bytes": median(row.app_bytes.clone()),
            "switch_language_ms": median(row.switch_ms.clone()),
            "next_article_ms": median(row.next_ms.clone()),
            "search_first_query_ms": row.search_first_ms,
            "search_query_ms": median(row.search_ms.clone()),
            "search_query_complete_ms": median(row.search_complete_ms.clone()),
            "js_heap_mb": heap,
        });
        println!(
            "| {} | {} | {} | {} | {}{} | {} / {} | {} | {} | {} / {} ({}) | {} |",
            row.articles,
            ratio
                .map(|r| format!("{r:.2}x"))
                .unwrap_or_else(|| "–".into()),
            ms(static_ms),
            ms(app_ms),
            ms(ready),
            if row.timeouts > 0 {
                format!(" ({} timed out)", row.timeouts)
            } else {
                String::new()
            },
            kb(median(row.static_bytes.clone())),
            kb(median(row.app_bytes.clone())),
            ms(median(row.switch_ms.clone())),
            ms(median(row.next_ms.clone())),
            ms(row.search_first_ms),
            ms(median(row.search_ms.clone())),
            ms(median(row.search_complete_ms.clone())),
            heap.map(|h| format!("{h:.1}"))
                .unwrap_or_else(|| "–".into()),
        );
        json_rows.push(record);
    }
    let report = json!({ "bundle": bundle, "sizes": json_rows });
    let text = serde_json::to_string_pretty(&report).expect("serialise the report");
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!("\nWritten to {}", out.display());
}
