//! An automated accessibility audit (axe-core, installed from npm by
//! `cargo xtask test`) of every page type, in English, Chinese and both
//! languages, light and dark: no violation.

use browser_tests::{Canned, Reader, Setup};
use serde_json::Value;

/// Every kind of page, by address under the site.
const PAGES: [&str; 7] = [
    "article/2024-58-6-95/",
    "",
    "issue/?j=0257-2826&y=2024&v=58&n=6",
    "keywords/",
    "keyword/?k=digital%20diplomacy",
    "search/?q=%E5%A4%96%E4%BA%A4",
    "article/no-such-article/",
];

fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        panic!("AXE_CORE_JS is not set: run the tests with `cargo xtask test`")
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// axe's violations on the page now on screen, one line each.
async fn audit(r: &Reader, axe: &str) -> Vec<String> {
    r.js(axe).await;
    let found = r
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(result => done(result.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe.run");
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

async fn audit_every_page(dark: bool) {
    let axe = axe_source();
    let r = Reader::open(Setup {
        dark,
        not_found_page: true,
        ..Setup::default()
    })
    .await;
    let mut problems = Vec::new();
    for page in PAGES {
        for view in ["en", "zh", "both"] {
            let separator = if page.contains('?') { '&' } else { '?' };
            r.goto(&format!("{page}{separator}lang={view}")).await;
            r.wait_for_ready().await;
            assert_eq!(
                r.js("return matchMedia('(prefers-color-scheme: dark)').matches;")
                    .await
                    .as_bool(),
                Some(dark),
                "the colour scheme asked for"
            );
            // The Cite panel's contents are audited open.
            r.js("document.querySelectorAll('details').forEach(d => d.open = true);")
                .await;
            for violation in audit(&r, &axe).await {
                problems.push(format!("{page} ?lang={view}: {violation}"));
            }
        }
    }
    r.close().await;
    assert!(
        problems.is_empty(),
        "{} violations ({} scheme):\n{}",
        problems.len(),
        if dark { "dark" } else { "light" },
        problems.join("\n")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_passes_the_audit_in_the_light_scheme() {
    audit_every_page(false).await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_passes_the_audit_in_the_dark_scheme() {
    audit_every_page(true).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_load_error_page_passes_the_audit() {
    let axe = axe_source();
    let missing = Canned::Respond {
        status: 404,
        content_type: "text/plain",
        body: b"not found".to_vec(),
    };
    let mut problems = Vec::new();
    for dark in [false, true] {
        let setup = Setup {
            dark,
            ..Setup::default()
        }
        .catalogue(missing.clone());
        let r = Reader::open(setup).await;
        for view in ["en", "zh", "both"] {
            r.goto(&format!("?lang={view}")).await;
            r.wait_text(".load-error", "(HTTP 404)").await;
            for violation in audit(&r, &axe).await {
                problems.push(format!("load error ?lang={view} dark={dark}: {violation}"));
            }
        }
        r.close().await;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
