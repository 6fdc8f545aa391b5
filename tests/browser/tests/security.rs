//! The Content-Security-Policy every built page carries: the app runs under
//! it with no violation, and inline script and eval are refused.

use browser_tests::{Reader, Setup};

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";

/// Violations the browser reported since the page loaded.
async fn violations(r: &Reader) -> serde_json::Value {
    r.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const seen = [];
             const observer = new ReportingObserver(reports => {
               for (const report of reports) seen.push(report.body.blockedURL + ' ' + report.body.effectiveDirective);
             }, { types: ['csp-violation'], buffered: true });
             observer.observe();
             setTimeout(() => { observer.takeRecords().forEach(report => seen.push(report.body.blockedURL)); done(seen); }, 300);",
            vec![],
        )
        .await
        .expect("reports")
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_runs_under_a_strict_policy_that_refuses_inline_script() {
    let r = Reader::open(Setup::default()).await;
    for page in [SEED, "", "search/?q=%E5%A4%96%E4%BA%A4", "keywords/"] {
        r.goto(page).await;
        r.wait_for_ready().await;
        let policy = r
            .attr("meta[http-equiv='Content-Security-Policy']", "content")
            .await
            .unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'")
                && !policy.contains("'unsafe-inline'")
                && !policy.contains("'unsafe-eval'"),
            "{page}: {policy}"
        );
        assert_eq!(
            r.count("script:not([src])").await,
            0,
            "{page} has an inline script"
        );
        assert_eq!(violations(&r).await, serde_json::json!([]), "{page}");
    }

    // Under the policy, an injected inline script does not run. (eval cannot
    // be tried from here: WebDriver's own scripts are exempt from the
    // policy; the policy text above has no 'unsafe-eval'.)
    r.goto(SEED).await;
    r.wait_text("h1", SEED_TITLE).await;
    let ran = r
        .js("const s = document.createElement('script');
             s.textContent = 'window.__injected = true;';
             document.body.append(s);
             return window.__injected === true;")
        .await;
    assert_eq!(ran, serde_json::json!(false));
    r.close().await;
}
