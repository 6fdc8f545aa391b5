//! The harness for the browser tests: a static server for the release site
//! under `/reader/` (one per test, with its own canned answers), and a
//! headless Chromium session driven through chromedriver.
//!
//! `cargo xtask test` builds the site and starts chromedriver, then passes
//! their places in environment variables; run alone, the tests stop with a
//! message that says so rather than skip.

use std::collections::HashMap;
use std::future::Future;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
pub use static_server::Canned;
use static_server::{Config, Server};

/// The mount path: the tests always host the site under a sub-path.
pub const MOUNT: &str = "/reader/";

/// An element's text as JavaScript: `textContent` with spaces collapsed.
const TEXT: &str = "e.textContent.replace(/\\s+/g, ' ').trim()";

/// How long to wait for something to appear before failing.
const PATIENCE: Duration = Duration::from_secs(15);

fn env_path(name: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(v) => PathBuf::from(v),
        None => panic!(
            "{name} is not set: run the browser tests with `cargo xtask test`, which builds the site and starts chromedriver"
        ),
    }
}

/// A test fixture's bytes, from `tests/fixtures/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = env_path("READER_FIXTURES_DIR").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// The site folder the tests serve.
pub fn site_dir() -> PathBuf {
    env_path("READER_SITE_DIR")
}

/// The site folder built with a split catalogue (`Setup::split`).
pub fn split_site_dir() -> PathBuf {
    env_path("READER_SPLIT_SITE_DIR")
}

/// The parts' folder of the split site (`catalogue/<hash>/`), from its root.
pub fn split_folder() -> String {
    let path = split_site_dir().join("catalogue.json");
    let root = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let root: Value = serde_json::from_str(&root).expect("the split root is JSON");
    root["split"]["folder"]
        .as_str()
        .expect("the split root names its folder")
        .to_owned()
}

/// A canned `catalogue.json` answer with this body.
pub fn catalogue_body(body: impl Into<Vec<u8>>) -> Canned {
    Canned::Respond {
        status: 200,
        content_type: "application/json",
        body: body.into(),
    }
}

/// How to open the reader for one test.
pub struct Setup {
    /// Canned answers by path under the mount (`catalogue.json`).
    pub canned: HashMap<String, Canned>,
    /// Serve `404.html` for unknown paths, as GitHub Pages does.
    pub not_found_page: bool,
    /// The browser's language (`navigator.languages`).
    pub browser_lang: &'static str,
    pub width: u32,
    pub height: u32,
    /// Emulate a phone's screen of `width` CSS pixels (headless Chromium
    /// will not make a window narrower than 500 px).
    pub phone: bool,
    /// Let pages run JavaScript (off: what a reader without it, or a
    /// crawler, gets).
    pub javascript: bool,
    /// Ask for the dark colour scheme (`prefers-color-scheme: dark`).
    pub dark: bool,
    /// Ask for less motion (`prefers-reduced-motion: reduce`).
    pub reduced_motion: bool,
    /// Serve the sample built as a split catalogue (`--split always`):
    /// `catalogue.json` is a root, the articles are in parts.
    pub split: bool,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            canned: HashMap::new(),
            not_found_page: false,
            browser_lang: "en-US",
            width: 1200,
            height: 900,
            phone: false,
            javascript: true,
            dark: false,
            reduced_motion: false,
            split: false,
        }
    }
}

impl Setup {
    pub fn catalogue(mut self, canned: Canned) -> Setup {
        self.canned.insert("catalogue.json".into(), canned);
        self
    }
}

/// One reader: its own server and its own browser session.
pub struct Reader {
    pub client: Client,
    pub server: Server,
    session: Option<(String, String)>,
    /// Pages run JavaScript: the app takes prerendered pages over.
    javascript: bool,
}

impl Reader {
    pub async fn open(mut setup: Setup) -> Reader {
        let site = if setup.split {
            env_path("READER_SPLIT_SITE_DIR")
        } else {
            env_path("READER_SITE_DIR")
        };
        let mut config = Config::new(site, MOUNT);
        config.not_found_page = setup.not_found_page;
        config.canned = std::mem::take(&mut setup.canned);
        let server = Server::start(config, 0).expect("start the static server");
        let client = start_browser(&setup).await;
        let webdriver = std::env::var("WEBDRIVER_URL").unwrap_or_default();
        let session = client
            .session_id()
            .await
            .ok()
            .flatten()
            .map(|id| (webdriver, id));
        Reader {
            client,
            server,
            session,
            javascript: setup.javascript,
        }
    }

    /// The absolute address of `path` under the site's base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.url(), path.trim_start_matches('/'))
    }

    pub async fn goto(&self, path: &str) {
        self.client.goto(&self.url(path)).await.expect("navigate");
    }

    pub async fn current_url(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("current url")
            .to_string()
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The text of the first element matching `css` (its `textContent`,
    /// spaces collapsed: `innerText` would follow CSS such as
    /// `text-transform`), or `None`.
    pub async fn text(&self, css: &str) -> Option<String> {
        let v = self
            .js(&format!(
                "const e = document.querySelector({}); return e ? {TEXT} : null;",
                json!(css)
            ))
            .await;
        v.as_str().map(str::to_owned)
    }

    /// The texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let v = self
            .js(&format!(
                "return [...document.querySelectorAll({})].map(e => {TEXT});",
                json!(css)
            ))
            .await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let v = self
            .js(&format!(
                "const e = document.querySelector({}); return e ? e.getAttribute({}) : null;",
                json!(css),
                json!(name)
            ))
            .await;
        v.as_str().map(str::to_owned)
    }

    pub async fn count(&self, css: &str) -> usize {
        self.js(&format!(
            "return document.querySelectorAll({}).length;",
            json!(css)
        ))
        .await
        .as_u64()
        .unwrap_or(0) as usize
    }

    /// Where the page is and what it holds, for failure messages.
    pub async fn describe(&self) -> String {
        let url = self.current_url().await;
        let html = self.js("return document.body.innerHTML").await;
        let html = html.as_str().unwrap_or_default();
        let cut: String = html.chars().take(4000).collect();
        format!("at {url}\npage HTML:\n{cut}")
    }

    /// Polls `probe` until it gives a value, failing with what the page
    /// shows after [`PATIENCE`].
    pub async fn poll<T, F, Fut>(&self, what: &str, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(value) = probe().await {
                return value;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}\n{}", self.describe().await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `check` holds.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        self.poll(what, || {
            let done = check();
            async move { done.await.then_some(()) }
        })
        .await
    }

    /// Waits for an element whose text contains `needle`; returns its text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let what = format!("{css} to contain {needle:?}");
        self.poll(&what, || async {
            self.text(css).await.filter(|t| t.contains(needle))
        })
        .await
    }

    /// The visible text of the first element matching `css`, read through
    /// WebDriver rather than page script (works with JavaScript off).
    pub async fn element_text(&self, css: &str) -> String {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        element.text().await.expect("element text")
    }

    /// Waits until the app has taken a prerendered page over (at once on
    /// other pages, and without JavaScript): before that, the page on
    /// screen is static HTML whose controls do nothing.
    pub async fn wait_for_app(&self) {
        if self.javascript {
            self.wait_until("the app to take the page over", || async {
                self.js("return document.getElementById('prerendered') === null;")
                    .await
                    == true
            })
            .await;
        }
    }

    /// Waits until the app shows its catalogue (or why it cannot): its
    /// `reader:ready` mark.
    pub async fn wait_for_ready(&self) {
        self.wait_until("the app to show its catalogue", || async {
            self.js("return performance.getEntriesByName('reader:ready').length;")
                .await
                .as_u64()
                .is_some_and(|n| n > 0)
        })
        .await;
    }

    pub async fn click(&self, css: &str) {
        self.wait_for_app().await;
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Types `text` into the field matching `css`, key by key, as a reader
    /// would.
    pub async fn type_text(&self, css: &str, text: &str) {
        self.wait_for_app().await;
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .send_keys(text)
            .await
            .expect("send keys");
    }

    /// Presses a key on the page (`\u{E012}` is ←, `\u{E014}` is →).
    pub async fn press(&self, key: &str) {
        self.wait_for_app().await;
        let body = self.client.find(Locator::Css("body")).await.expect("body");
        body.send_keys(key).await.expect("send keys");
    }

    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize");
    }

    /// Saves a screenshot as `READER_SCREENSHOT_DIR/name`.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let path = env_path("READER_SCREENSHOT_DIR").join(name);
        std::fs::write(&path, png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    pub async fn close(mut self) {
        self.session = None;
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Reader {
    /// A failed assertion skips `close()`; end the browser session anyway so
    /// no Chromium is left running. Plain blocking HTTP: Drop cannot await.
    fn drop(&mut self) {
        let Some((webdriver, id)) = self.session.take() else {
            return;
        };
        let Some(addr) = webdriver.strip_prefix("http://") else {
            return;
        };
        if let Ok(mut stream) = TcpStream::connect(addr) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(
                stream,
                "DELETE /session/{id} HTTP/1.1\r\nhost: {addr}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
            let _ = stream.read_to_end(&mut Vec::new());
        }
    }
}

/// A new Chromium session (a fresh profile: nothing cached) for `setup`.
pub async fn start_browser(setup: &Setup) -> Client {
    let (lang, width, height) = (setup.browser_lang, setup.width, setup.height);
    let webdriver = std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| {
        panic!("WEBDRIVER_URL is not set: run the browser tests with `cargo xtask test`")
    });
    let chromium = std::env::var("CHROMIUM_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    // The background-networking flags keep Chromium from reaching for the
    // internet, which this machine refuses many times a second.
    let args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--hide-scrollbars".into(),
        format!("--lang={lang}"),
        format!("--accept-lang={lang}"),
        format!("--window-size={width},{height}"),
    ];
    let mut args = args;
    if setup.dark {
        args.push("--force-dark-mode".into());
    }
    if setup.reduced_motion {
        args.push("--force-prefers-reduced-motion".into());
    }
    let mut prefs = json!({ "intl": { "accept_languages": lang } });
    if !setup.javascript {
        prefs["profile"] = json!({ "managed_default_content_settings": { "javascript": 2 } });
    }
    let mut options = json!({ "binary": chromium, "args": args, "prefs": prefs });
    if setup.phone {
        options["mobileEmulation"] = json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true } });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&webdriver)
        .await
        .unwrap_or_else(|e| panic!("cannot start a Chromium session through {webdriver}: {e}"))
}
