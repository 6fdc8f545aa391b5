//! `cargo xtask bench [--sizes 1,1000,10000,100000] [--runs 5]`: the
//! reader's speed and size against a plain static page, at each catalogue
//! size, in headless Chromium on localhost.
//!
//! Builds the release app once, then for each size a site with a generated,
//! plainly fictitious catalogue (`cargo xtask generate`) and, beside it, a
//! plain static HTML page of the measured article: its prerendered page
//! without any script, served by the same server. The browser half is
//! `tests/browser/src/bin/bench.rs`. Prints the bundle's sizes and a table of
//! medians, and writes both to `target/bench/report.json`.

use std::path::Path;
use std::process::Command;

use crate::build::{self, SiteOptions};
use crate::compress;
use crate::generate;
use crate::install;
use crate::test::{ChromeDriver, ensure_browser};
use crate::util::{Args, Result, exec, failed, project_root, step, usage};

const BASE: &str = "/reader/";

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let sizes: Vec<usize> = args
        .value("--sizes")?
        .unwrap_or_else(|| "1,1000,10000,100000".to_owned())
        .split(',')
        .map(|s| s.trim().parse::<usize>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| usage("--sizes takes whole numbers separated by commas"))?;
    let runs: usize = args
        .value("--runs")?
        .unwrap_or_else(|| "5".to_owned())
        .parse()
        .map_err(|_| usage("--runs takes a whole number"))?;
    args.finish()?;
    if sizes.contains(&0) || runs == 0 {
        return Err(usage("sizes and runs must be at least 1"));
    }

    let root = project_root();
    let work = root.join("target/bench");
    let tools = install::ensure()?;
    let app = work.join("app");
    build::remove_dir(&app)?;
    build::build_app(&tools, BASE, &app)?;
    let bundle = bundle_sizes(&app)?;
    let floor_dir = work.join("floor");
    build::remove_dir(&floor_dir)?;
    build_floor(&tools, &floor_dir)?;
    let floor = bundle_sizes(&floor_dir)?;

    let mut sites = Vec::new();
    for &n in &sizes {
        let dir = work.join(format!("site-{n}"));
        let catalogue_file = work.join(format!("catalogue-{n}.json"));
        step(&format!("A site with {n} generated articles"));
        generate::write_catalogue(n, &catalogue_file)?;
        let options = SiteOptions {
            catalogue: catalogue_file.clone(),
            base: BASE.to_owned(),
            out: dir.clone(),
            site_url: None,
            split: build::SplitMode::Auto,
        };
        let catalogue = build::site_from_app(&app, &options)?;
        // The middle article: it has a neighbour on each side.
        let article = catalogue
            .articles()
            .get(n / 2)
            .map(|a| a.id().to_string())
            .ok_or_else(|| failed("the generated catalogue is empty"))?;
        write_static_page(&dir, &article)?;
        sites.push(format!("{n}={}={article}", dir.display()));
    }

    step("Measuring in headless Chromium");
    let browser = ensure_browser()?;
    let driver = ChromeDriver::start(&browser.chromedriver)?;
    let report = work.join("report.json");
    println!("\nRelease bundle (the app's first-load files):\n");
    println!("| file | raw KB | gzip KB |");
    println!("|---|---:|---:|");
    for (name, raw, gzip) in &bundle {
        println!("| {name} | {:.1} | {:.1} |", kb(*raw), kb(*gzip));
    }
    let (raw, gzip) = wasm_and_js(&bundle);
    println!("| wasm + JS | {:.1} | {:.1} |", kb(raw), kb(gzip));
    let (floor_raw, floor_gzip) = wasm_and_js(&floor);
    println!(
        "| framework floor, wasm + JS (`tests/floor`: Leptos, router, one fetch) | {:.1} | {:.1} |",
        kb(floor_raw),
        kb(floor_gzip)
    );
    println!(
        "| reader / floor | {:.2}x | {:.2}x |",
        raw as f64 / floor_raw.max(1) as f64,
        gzip as f64 / floor_gzip.max(1) as f64
    );
    let bundle_json = serde_json::json!({
        "files": bundle.iter().map(|(name, raw, gzip)| serde_json::json!({"file": name, "raw_bytes": raw, "gzip_bytes": gzip})).collect::<Vec<_>>(),
        "wasm_js_raw_bytes": raw,
        "wasm_js_gzip_bytes": gzip,
        "floor_wasm_js_raw_bytes": floor_raw,
        "floor_wasm_js_gzip_bytes": floor_gzip,
    });
    let result = exec(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&root)
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "browser-tests",
                "--bin",
                "bench",
            ])
            .env("BENCH_SITES", sites.join(";"))
            .env("BENCH_RUNS", runs.to_string())
            .env("BENCH_OUT", &report)
            .env("BENCH_BUNDLE", bundle_json.to_string())
            .env("WEBDRIVER_URL", driver.url())
            .env("CHROMIUM_BIN", &browser.chromium),
    );
    drop(driver);
    result
}

/// The smallest Leptos app of the reader's shape (`tests/floor`), built
/// with the same tools and settings, for reading the bundle against.
fn build_floor(tools: &install::Tools, out: &Path) -> Result {
    step("Building the framework floor (tests/floor) with trunk");
    exec(
        Command::new(tools.trunk())
            .current_dir(project_root().join("tests/floor"))
            .env("PATH", tools.path())
            .args(["build", "--release", "--dist"])
            .arg(out),
    )
}

/// Raw and gzip bytes of the wasm and JS files.
fn wasm_and_js(files: &[(String, u64, u64)]) -> (u64, u64) {
    files
        .iter()
        .filter(|(name, ..)| name.ends_with(".wasm") || name.ends_with(".js"))
        .fold((0, 0), |(r, g), (_, raw, gzip)| (r + raw, g + gzip))
}

fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

/// `(file name, raw bytes, gzip -9 bytes)` of the app's wasm, JS and CSS.
fn bundle_sizes(app: &Path) -> Result<Vec<(String, u64, u64)>> {
    let mut sizes = Vec::new();
    let entries = std::fs::read_dir(app)
        .map_err(|e| failed(format!("cannot read {}: {e}", app.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".wasm") || name.ends_with(".js") || name.ends_with(".css")) {
            continue;
        }
        let raw = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let gzip = Command::new("gzip")
            .args(["-9", "-c"])
            .arg(&path)
            .output()
            .map_err(|e| failed(format!("cannot run gzip: {e}")))?
            .stdout
            .len() as u64;
        sizes.push((name, raw, gzip));
    }
    sizes.sort();
    Ok(sizes)
}

/// The baseline: the article's prerendered page with every script removed,
/// showing the English view, at `bench-static/<id>.html` (its `<base href>`
/// keeps the stylesheet).
fn write_static_page(site: &Path, id: &str) -> Result {
    let page = site.join("article").join(id).join("index.html");
    let html = std::fs::read_to_string(&page)
        .map_err(|e| failed(format!("cannot read {}: {e}", page.display())))?;
    // What view.js does for the app's page (`?lang=en`), done in the HTML:
    // both pages then lay out the same single column.
    let plain = without_scripts(&html).replacen(
        "<html lang=\"en\">",
        "<html lang=\"en\" data-view=\"en\">",
        1,
    );
    if !plain.contains("data-view=\"en\"") {
        return Err(failed(format!(
            "{} has no <html lang=\"en\"> to mark with the English view",
            page.display()
        )));
    }
    let dir = site.join("bench-static");
    build::write(&dir.join(format!("{id}.html")), &plain)?;
    // Served as the app's pages are: compressed where the client accepts it.
    compress::precompress(&dir).map(|_| ())
}

/// Removes `<script>…</script>` elements and the preload links for the
/// app's script and wasm.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let skip = if tag.starts_with("<script") {
            tag.find("</script>").map(|end| end + "</script>".len())
        } else if tag.starts_with("<link") {
            tag.find('>')
                .filter(|&end| tag[..end].contains("preload"))
                .map(|end| end + 1)
        } else {
            None
        };
        match skip {
            Some(len) => rest = &tag[len..],
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_baseline_has_no_script() {
        let html = "<head>\n<script src=\"view.js\"></script>\n<link rel=\"stylesheet\" href=\"r.css\">\n<script type=\"module\">import x from 'a.js';\nx();</script><link rel=\"modulepreload\" href=\"a.js\"><link rel=\"preload\" href=\"a.wasm\"></head><body><p>text</p></body>";
        let plain = without_scripts(html);
        assert!(
            !plain.contains("script") && !plain.contains("modulepreload"),
            "{plain}"
        );
        assert!(plain.contains("r.css") && plain.contains("</head><body><p>text</p></body>"));
    }
}
