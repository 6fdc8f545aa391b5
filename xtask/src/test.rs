//! `cargo xtask test`: every test, in the order that fails fastest.
//!
//! 1. formatting and clippy (native crates, the app for wasm32 and natively);
//! 2. the native tests (catalogue library, static server, xtask, and the
//!    app's prerenderer compiled natively);
//! 3. the release site built under the sub-path `/reader/`;
//! 4. the browser tests (`tests/browser`), which drive that build in
//!    headless Chromium through chromedriver.

use std::net::{TcpListener, TcpStream};

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::build::{self, SiteOptions, SplitMode};
use crate::install;
use crate::util::{Result, exec, failed, output_of, project_root, step, usage};

/// Clippy's arguments that turn every lint warning into a failure.
const DENY_WARNINGS: [&str; 3] = ["--", "-D", "warnings"];

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(usage(format!("test takes no arguments, got {extra:?}")));
    }
    let root = project_root();
    let cargo = || {
        let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        c.current_dir(&root);
        c
    };

    step("Formatting (cargo fmt --check)");
    exec(cargo().args(["fmt", "--all", "--", "--check"]))?;

    let tools = install::ensure()?;

    step("Clippy: native crates, then the app for wasm32");
    exec(
        cargo()
            .arg("clippy")
            .args([
                "--workspace",
                "--exclude",
                "abstract-reader",
                "--exclude",
                "framework-floor",
                "--all-targets",
            ])
            .args(DENY_WARNINGS),
    )?;
    exec(
        cargo()
            .arg("clippy")
            .args([
                "-p",
                "abstract-reader",
                "-p",
                "framework-floor",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .args(DENY_WARNINGS),
    )?;
    // The same app compiled natively, as the prerenderer.
    exec(
        cargo()
            .arg("clippy")
            .args([
                "-p",
                "abstract-reader",
                "--no-default-features",
                "--features",
                "ssr",
                "--all-targets",
            ])
            .args(DENY_WARNINGS),
    )?;

    step("Native tests: catalogue library, static server, xtask");
    exec(cargo().args([
        "test",
        "--workspace",
        "--exclude",
        "abstract-reader",
        "--exclude",
        "browser-tests",
        "--exclude",
        "framework-floor",
    ]))?;
    step("Native tests of the app's prerenderer");
    exec(cargo().args([
        "test",
        "-p",
        "abstract-reader",
        "--no-default-features",
        "--features",
        "ssr",
        "--lib",
    ]))?;

    // One release app, two sites: the sample as one file, and the sample
    // split into parts (`docs/split-catalogue.md`), as large catalogues are.
    let app = root.join("target/browser-app");
    build::remove_dir(&app)?;
    build::build_app(&tools, "/reader/", &app)?;
    let site = root.join("target/browser-site");
    build::site_from_app(&app, &SiteOptions::sample(site.clone(), "/reader/"))?;
    let split_site = root.join("target/browser-site-split");
    build::site_from_app(
        &app,
        &SiteOptions {
            split: SplitMode::Always,
            ..SiteOptions::sample(split_site.clone(), "/reader/")
        },
    )?;

    step("Browser tests in headless Chromium");
    let browser = ensure_browser()?;
    let axe = crate::install::ensure_axe_core()?;
    let driver = ChromeDriver::start(&browser.chromedriver)?;
    let screenshots = root.join("target/screenshots");
    std::fs::create_dir_all(&screenshots)
        .map_err(|e| failed(format!("cannot create {}: {e}", screenshots.display())))?;
    let result = exec(
        cargo()
            .args(["test", "-p", "browser-tests", "--", "--test-threads=2"])
            .env("READER_SITE_DIR", &site)
            .env("READER_SPLIT_SITE_DIR", &split_site)
            .env("READER_FIXTURES_DIR", root.join("tests/fixtures"))
            .env("READER_SCREENSHOT_DIR", &screenshots)
            .env("WEBDRIVER_URL", driver.url())
            .env("CHROMIUM_BIN", &browser.chromium)
            .env("AXE_CORE_JS", &axe),
    );
    drop(driver);
    result?;
    eprintln!(
        "\nAll tests passed. Screenshots are in {}",
        screenshots.display()
    );
    Ok(())
}

pub struct Browser {
    pub chromium: String,
    pub chromedriver: String,
}

fn which(name: &str) -> Option<String> {
    output_of("sh", &["-c", &format!("command -v {name}")])
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Finds Chromium and chromedriver, installing Debian's packages when
/// missing and we are root; otherwise says what to install.
pub fn ensure_browser() -> Result<Browser> {
    let find = || {
        Some(Browser {
            chromium: which("chromium").or_else(|| which("chromium-browser"))?,
            chromedriver: which("chromedriver")?,
        })
    };
    if let Some(browser) = find() {
        eprintln!("    ok: {} and {}", browser.chromium, browser.chromedriver);
        return Ok(browser);
    }
    let is_root = output_of("id", &["-u"])
        .map(|s| s.trim() == "0")
        .unwrap_or(false);
    if !is_root {
        return Err(failed(
            "the browser tests need Chromium and chromedriver. Install them and run again; on Debian: \
             sudo apt-get install chromium chromium-driver fonts-noto-cjk",
        ));
    }
    step("Installing Chromium, chromedriver and CJK fonts (apt-get)");
    exec(Command::new("apt-get").arg("update"))?;
    exec(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
                "fonts-noto-cjk",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    find().ok_or_else(|| {
        failed("apt-get installed chromium but chromium or chromedriver is still not on PATH")
    })
}

/// A chromedriver process on a free local port, stopped when dropped.
pub struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    pub fn start(binary: &str) -> Result<ChromeDriver> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| failed(format!("no free local port for chromedriver: {e}")))?;
        let log = project_root().join("target/chromedriver.log");
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .spawn()
            .map_err(|e| failed(format!("could not start {binary}: {e}")))?;
        let driver = ChromeDriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(failed(format!(
                    "chromedriver did not start listening; see {}",
                    log.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
