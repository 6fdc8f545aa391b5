//! Keyboard alone: the skip link, every control reached with Tab and used
//! with Enter or Space, a visible focus; text at 200%; less motion when
//! asked.

use browser_tests::{Reader, Setup};
use serde_json::Value;

const SEED: &str = "article/2024-58-6-95/";
const SEED_TITLE: &str = "Chinese Characteristics and Practice of Digital Diplomacy";
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// Presses keys on whatever has the focus.
async fn keys(r: &Reader, keys: &str) {
    let focused = r
        .client
        .active_element()
        .await
        .expect("the focused element");
    focused.send_keys(keys).await.expect("send keys");
}

/// The focused element: its tag, class, text, and whether its focus shows.
async fn focused(r: &Reader) -> Value {
    r.js("const e = document.activeElement;
          const style = getComputedStyle(e);
          return { tag: e.tagName.toLowerCase(), class: e.className, text: e.textContent.trim(),
                   outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                   top: e.getBoundingClientRect().top };")
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn the_page_works_from_the_keyboard_alone() {
    let r = Reader::open(Setup::default()).await;
    r.goto(&format!("{SEED}?lang=en")).await;
    r.wait_text("h1", SEED_TITLE).await;

    // First Tab: the skip link, visible while focused.
    r.press(TAB).await;
    let skip = focused(&r).await;
    assert_eq!(skip["class"], "skip-link", "{skip}");
    assert_eq!(skip["outline"], true, "{skip}");
    assert!(skip["top"].as_f64().unwrap_or(-1.0) >= 0.0, "{skip}");
    // Enter: the focus moves to the article, the page stays.
    keys(&r, ENTER).await;
    r.wait_until("the focus on the main content", || async {
        r.js("return document.activeElement.id;").await == "content"
    })
    .await;
    assert!(
        r.current_url().await.contains(SEED),
        "{}",
        r.current_url().await
    );
    assert_eq!(r.text("h1").await.as_deref(), Some(SEED_TITLE));

    // Tab on through the header to the 中文 button, every stop visible.
    r.js("document.querySelector('.skip-link').focus();").await;
    let mut reached = false;
    for _ in 0..12 {
        keys(&r, TAB).await;
        let now = focused(&r).await;
        assert_eq!(now["outline"], true, "no visible focus on {now}");
        if now["text"] == "中文" {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the 中文 button");
    keys(&r, ENTER).await;
    r.wait_text(".abstract h2", "摘要").await;

    // The Cite panel opens from the keyboard.
    r.js("document.querySelector('.cite-panel summary').focus();")
        .await;
    assert_eq!(focused(&r).await["outline"], true);
    keys(&r, ENTER).await;
    assert_eq!(
        r.js("return document.querySelector('.cite-panel').open;")
            .await,
        true
    );
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn text_at_twice_the_size_loses_nothing() {
    let r = Reader::open(Setup::default()).await;
    for page in [
        &format!("{SEED}?lang=both")[..],
        "?lang=zh",
        "search/?q=diplomacy",
    ] {
        r.goto(page).await;
        r.wait_for_ready().await;
        // As a browser's text zoom does: every size is in rem.
        r.js("document.documentElement.style.fontSize = '200%';")
            .await;
        let overflow = r
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            .await
            .as_f64()
            .unwrap_or(f64::MAX);
        assert!(
            overflow <= 0.0,
            "{page}: {overflow}px of sideways scrolling at 200%"
        );
        let clipped = r
            .js("return [...document.querySelectorAll('h1, h2, p, a, button, li')]
                   .filter(e => !e.closest('.visually-hidden'))
                   .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden')
                   .map(e => e.textContent.slice(0, 40));")
            .await;
        assert_eq!(clipped, serde_json::json!([]), "{page}: text cut off");
    }
    r.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn less_motion_when_the_reader_asks_for_it() {
    let transition = "return getComputedStyle(document.querySelector('.chip')).transitionDuration;";
    for (reduced, expected) in [(false, "0.12s"), (true, "0s")] {
        let r = Reader::open(Setup {
            reduced_motion: reduced,
            ..Setup::default()
        })
        .await;
        r.goto(SEED).await;
        r.wait_text("h1", SEED_TITLE).await;
        assert_eq!(
            r.js(transition).await,
            expected,
            "reduced motion: {reduced}"
        );
        r.close().await;
    }
}
