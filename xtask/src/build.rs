//! `cargo xtask build`: a static site for any catalogue, under any base path.
//!
//! trunk builds the release app with `--public-url <base>`; then the
//! catalogue is checked and copied in, and a page is written at every address
//! a reader can open, so deep links work on a plain static file server with
//! no rewrite rules: `article/<id>/index.html` holds the whole article as
//! static HTML with its citation tags (the `prerender` binary, the app's own
//! components compiled natively); the issue, keyword, keyword index and
//! search pages are the app's page. `search-index.json` is the search
//! index, built here so the browser does not tokenise the catalogue.
//! `404.html` is the app's page too, so hosts that serve it for unknown paths
//! (GitHub Pages) also open articles added later by replacing
//! `catalogue.json` alone. `robots.txt` always; `sitemap.xml` with
//! `--site-url`.

use std::path::{Path, PathBuf};
use std::process::Command;

use catalogue::Catalogue;
use catalogue::search::SearchIndex;

use crate::check;
use crate::compress;
use crate::install::{self, Tools};
use crate::publish;
use crate::util::{Args, Result, exec, failed, project_root, step, usage};

/// The app's own page at every address that is not one file per article,
/// so each opens as a deep link on any static host. `404.html` serves
/// unknown paths on hosts that use it (GitHub Pages).
const APP_PAGES: [&str; 5] = [
    "404.html",
    "issue/index.html",
    "keyword/index.html",
    "keywords/index.html",
    "search/index.html",
];

pub struct SiteOptions {
    pub catalogue: PathBuf,
    /// The URL path the site lives under, starting and ending with `/`.
    pub base: String,
    pub out: PathBuf,
    /// The site's public address (`https://user.github.io/repo/`), for the
    /// sitemap and canonical links.
    pub site_url: Option<String>,
    pub split: SplitMode,
}

/// Whether the site gets a split catalogue (`docs/split-catalogue.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitMode {
    /// Split a catalogue larger than [`SPLIT_ABOVE_BYTES`].
    Auto,
    Always,
    Never,
}

/// Above this size a catalogue is split by `--split auto`: about 500
/// articles, where the whole file (gzip) starts to outweigh the app itself.
pub const SPLIT_ABOVE_BYTES: u64 = 1_000_000;

impl SplitMode {
    fn parse(value: &str) -> Result<SplitMode> {
        match value {
            "auto" => Ok(SplitMode::Auto),
            "always" => Ok(SplitMode::Always),
            "never" => Ok(SplitMode::Never),
            other => Err(usage(format!(
                "--split {other:?}: expected auto, always or never"
            ))),
        }
    }

    fn applies_to(self, catalogue_bytes: u64) -> bool {
        match self {
            SplitMode::Auto => catalogue_bytes > SPLIT_ABOVE_BYTES,
            SplitMode::Always => true,
            SplitMode::Never => false,
        }
    }
}

impl SiteOptions {
    pub fn sample(out: PathBuf, base: &str) -> SiteOptions {
        SiteOptions {
            catalogue: project_root().join("public/catalogue.json"),
            base: normalize_base(base),
            out,
            site_url: None,
            split: SplitMode::Auto,
        }
    }
}

/// `reader` and `/reader` become `/reader/`; empty is `/`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let catalogue = args.value("--catalogue")?.map(PathBuf::from);
    let base = args.value("--base")?.unwrap_or_else(|| "/".to_owned());
    let out = args.value("--out")?.map(PathBuf::from);
    let site_url = args
        .value("--site-url")?
        .map(|u| publish::normalize_site_url(&u))
        .transpose()
        .map_err(usage)?;
    let split = args
        .value("--split")?
        .map(|v| SplitMode::parse(&v))
        .transpose()?
        .unwrap_or(SplitMode::Auto);
    args.finish()?;
    if base.contains(['?', '#', ' ']) {
        return Err(usage(format!(
            "--base {base:?} must be a plain URL path such as /reader/"
        )));
    }
    let options = SiteOptions {
        catalogue: catalogue.unwrap_or_else(|| project_root().join("public/catalogue.json")),
        base: normalize_base(&base),
        out: out.unwrap_or_else(|| project_root().join("target/site")),
        site_url,
        split,
    };
    let tools = install::ensure()?;
    build_site(&tools, &options)?;
    println!(
        "Wrote the site to {} (base path {})",
        options.out.display(),
        options.base
    );
    Ok(())
}

/// Builds the site; returns the catalogue it holds.
pub fn build_site(tools: &Tools, options: &SiteOptions) -> Result<Catalogue> {
    step(&format!("Checking {}", options.catalogue.display()));
    let (catalogue, fingerprint) = check::load(&options.catalogue)?;
    eprintln!("    ok: {} articles", catalogue.articles().len());
    let out = absolute(&options.out)?;
    build_app(tools, &options.base, &out)?;
    write_site(&catalogue, &fingerprint, options, &out)?;
    report_sizes(&out);
    Ok(catalogue)
}

/// The release app (trunk) into `out`, for the base path `base`, with its
/// start-up script in a file and a Content-Security-Policy.
pub fn build_app(tools: &Tools, base: &str, out: &Path) -> Result {
    step(&format!(
        "Building the release app with trunk (base path {base})"
    ));
    exec(
        Command::new(tools.trunk())
            .current_dir(project_root())
            .env("PATH", tools.path())
            .args(["build", "--release", "--public-url", base, "--dist"])
            .arg(out),
    )?;
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| failed(format!("cannot read {}: {e}", index.display())))?;
    let (page, script_name, script) = with_external_startup(&html)?;
    write(&out.join(&script_name), &script)?;
    write(&index, &page)
}

/// A site in `options.out` around an app that [`build_app`] built into
/// `app` (so several sites can share one trunk build); returns the
/// catalogue it holds.
pub fn site_from_app(app: &Path, options: &SiteOptions) -> Result<Catalogue> {
    let (catalogue, fingerprint) = check::load(&options.catalogue)?;
    let out = absolute(&options.out)?;
    remove_dir(&out)?;
    copy_dir(app, &out)?;
    write_site(&catalogue, &fingerprint, options, &out)?;
    Ok(catalogue)
}

pub fn remove_dir(dir: &Path) -> Result {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(failed(format!("cannot remove {}: {e}", dir.display()))),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to)
        .map_err(|e| failed(format!("cannot create {}: {e}", to.display())))?;
    let entries = std::fs::read_dir(from)
        .map_err(|e| failed(format!("cannot read {}: {e}", from.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            copy(&path, &target)?;
        }
    }
    Ok(())
}

/// The policy every page carries: scripts only from the site's own files
/// (no inline script, no eval) plus compiling wasm; styles, data and
/// workers from the site; forms and `<base>` only to the site.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'self'";

/// trunk writes an inline `<script type="module">` that loads the wasm; a
/// policy without `'unsafe-inline'` would block it. Returns the page with
/// that script moved to `app-init-<hash>.js` (named by content, so it can
/// be cached like trunk's files) and the policy added, the file's name and
/// its text.
pub fn with_external_startup(html: &str) -> Result<(String, String, String)> {
    const OPEN: &str = "<script type=\"module\">";
    const CLOSE: &str = "</script>";
    let start = html.find(OPEN).ok_or_else(|| {
        failed(
            "trunk's index.html has no inline <script type=\"module\"> to move: has trunk changed?",
        )
    })?;
    let body_start = start + OPEN.len();
    let end = html[body_start..]
        .find(CLOSE)
        .map(|i| body_start + i)
        .ok_or_else(|| failed("trunk's start-up script has no </script>"))?;
    let script = html[body_start..end].trim().to_owned();
    let hash = &catalogue::search::fingerprint(&script)[..16];
    let name = format!("app-init-{hash}.js");
    let mut page = format!(
        "{}<script type=\"module\" src=\"{name}\"></script>{}",
        &html[..start],
        &html[end + CLOSE.len()..]
    );
    let meta = format!(
        "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
    );
    let charset = "<meta charset=\"utf-8\">";
    let at = page
        .find(charset)
        .map(|i| i + charset.len())
        .ok_or_else(|| failed("index.html has no <meta charset=\"utf-8\">"))?;
    page.insert_str(at, &meta);
    Ok((page, name, script))
}

/// Everything but the app: the catalogue, its schema and search index, the
/// app's page at every address, the prerendered article pages, robots.txt
/// and sitemap.xml. `out` already holds the app.
pub fn write_site(
    catalogue: &Catalogue,
    fingerprint: &str,
    options: &SiteOptions,
    out: &Path,
) -> Result {
    step("Writing the catalogue and a page for every address");
    let split_folder = write_catalogue(catalogue, fingerprint, options, out)?;
    // Editors validate catalogues against it through their "$schema".
    copy(
        &project_root().join("public/catalogue.schema.json"),
        &out.join("catalogue.schema.json"),
    )?;
    let index = out.join("index.html");
    for page in APP_PAGES {
        copy(&index, &out.join(page))?;
    }
    step("Building the search index");
    let search_index = SearchIndex::build(catalogue, fingerprint, &catalogue::search::nfkd);
    match &split_folder {
        None => {
            let search_json = search_index.to_json();
            write(&out.join(catalogue::SEARCH_INDEX_FILE), &search_json)?;
            eprintln!(
                "    {} terms over {} articles, {} bytes",
                search_index.term_count(),
                search_index.article_count(),
                search_json.len()
            );
        }
        Some(folder) => {
            // A split catalogue gets a split index: a query loads only the
            // shards of its terms.
            let files = search_index.to_shards();
            let dir = out.join(folder).join("search");
            write(&dir.join("ids.json"), &files.ids)?;
            let largest = files.shards.iter().map(|(_, t)| t.len()).max();
            for (name, text) in &files.shards {
                let path = dir.join(name);
                std::fs::write(&path, text)
                    .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
            }
            eprintln!(
                "    {} terms over {} articles in {} shards (largest {} bytes), ids {} bytes",
                search_index.term_count(),
                search_index.article_count(),
                files.shards.len(),
                largest.unwrap_or(0),
                files.ids.len()
            );
        }
    }
    step("Prerendering every article page (the app's components, natively)");
    let mut prerender = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    prerender
        .current_dir(project_root())
        .args([
            "run",
            "--quiet",
            "--bin",
            "prerender",
            "--no-default-features",
            "--features",
            "ssr",
            "--",
        ])
        .arg("--site")
        .arg(out)
        .arg("--catalogue")
        .arg(absolute(&options.catalogue)?)
        .args(["--base", &options.base]);
    if let Some(url) = &options.site_url {
        prerender.args(["--site-url", url]);
    }
    if let Some(folder) = &split_folder {
        prerender.args(["--split-folder", folder]);
    }
    exec(&mut prerender)?;
    write(
        &out.join("robots.txt"),
        &publish::robots_txt(options.site_url.as_deref()),
    )?;
    if let Some(site_url) = &options.site_url {
        write(
            &out.join("sitemap.xml"),
            &publish::sitemap_xml(site_url, catalogue),
        )?;
    }
    service_worker(out)?;
    step("Precompressing (.gz and .br copies beside every text file)");
    let count = compress::precompress(out)?;
    eprintln!("    {count} files");
    Ok(())
}

/// `catalogue.json`: the catalogue as given, or, when split, its root with
/// the parts in `catalogue/<hash>/` (the whole file among them). Returns
/// the parts' folder when split.
fn write_catalogue(
    catalogue: &Catalogue,
    fingerprint: &str,
    options: &SiteOptions,
    out: &Path,
) -> Result<Option<String>> {
    let target = out.join("catalogue.json");
    // Parts of an earlier build are never read again: start clean.
    remove_dir(&out.join("catalogue"))?;
    let size = std::fs::metadata(&options.catalogue)
        .map(|m| m.len())
        .map_err(|e| failed(format!("cannot read {}: {e}", options.catalogue.display())))?;
    if !options.split.applies_to(size) {
        copy(&options.catalogue, &target)?;
        return Ok(None);
    }
    let whole = std::fs::read_to_string(&options.catalogue)
        .map_err(|e| failed(format!("cannot read {}: {e}", options.catalogue.display())))?;
    // Named by the catalogue's hash: a part never changes under its name,
    // and a new catalogue's parts never mix with an old one's.
    let folder = format!("catalogue/{}/", &fingerprint[..16]);
    let files = catalogue::split_catalogue(&whole, catalogue, &folder, &catalogue::fold_keyword)
        .map_err(|e| failed(format!("cannot split {}: {e}", options.catalogue.display())))?;
    let parts = out.join(&folder);
    for sub in ["article", "issue", "keyword"] {
        std::fs::create_dir_all(parts.join(sub))
            .map_err(|e| failed(format!("cannot create {}: {e}", parts.display())))?;
    }
    for (path, text) in &files.parts {
        let path = out.join(path);
        std::fs::write(&path, text)
            .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
    }
    write(&target, &files.root)?;
    eprintln!(
        "    split: catalogue.json is {} bytes; {} parts in {folder}",
        files.root.len(),
        files.parts.len()
    );
    Ok(Some(folder))
}

/// Writes the app's files and a version into `sw.js`: the version changes
/// with the app (trunk's file names carry content hashes), so a new
/// deployment installs a new worker, which deletes the old cache.
fn service_worker(out: &Path) -> Result {
    let path = out.join("sw.js");
    let template = std::fs::read_to_string(&path)
        .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
    let mut files = vec!["index.html".to_owned(), "view.js".to_owned()];
    let entries = std::fs::read_dir(out)
        .map_err(|e| failed(format!("cannot read {}: {e}", out.display())))?;
    let mut hashed: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name != "sw.js"
                && name != "view.js"
                && [".js", ".wasm", ".css"]
                    .iter()
                    .any(|ext| name.ends_with(ext))
        })
        .collect();
    hashed.sort();
    files.extend(hashed);
    let mut identity = files.join("\n");
    for unhashed in ["index.html", "view.js"] {
        identity.push_str(&std::fs::read_to_string(out.join(unhashed)).unwrap_or_default());
    }
    let version = &catalogue::search::fingerprint(&identity)[..12];
    let list = serde_json::to_string(&files)
        .map_err(|e| failed(format!("cannot list the app's files: {e}")))?;
    let worker = template
        .replacen(
            "const VERSION = \"dev\";",
            &format!("const VERSION = \"{version}\";"),
            1,
        )
        .replacen(
            "const APP_FILES = [];",
            &format!("const APP_FILES = {list};"),
            1,
        );
    if worker == template {
        return Err(failed(format!(
            "{} has no VERSION/APP_FILES lines to fill in",
            path.display()
        )));
    }
    write(&path, &worker)
}

pub fn absolute(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| failed(format!("cannot read the current directory: {e}")))?;
    Ok(cwd.join(path))
}

/// Writes `text` to `path`, creating its folder.
pub fn write(path: &Path, text: &str) -> Result {
    create_parent(path)?;
    std::fs::write(path, text).map_err(|e| failed(format!("cannot write {}: {e}", path.display())))
}

fn create_parent(path: &Path) -> Result {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent)
            .map_err(|e| failed(format!("cannot create {}: {e}", parent.display()))),
        None => Ok(()),
    }
}

/// Copies `from` to `to`, creating `to`'s folder.
pub fn copy(from: &Path, to: &Path) -> Result {
    create_parent(to)?;
    std::fs::copy(from, to).map(|_| ()).map_err(|e| {
        failed(format!(
            "cannot copy {} to {}: {e}",
            from.display(),
            to.display()
        ))
    })
}

/// Prints the bundle's sizes, the numbers the reader's first load costs.
pub fn report_sizes(out: &Path) {
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if matches!(ext, "wasm" | "js" | "css") {
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "    {:>9} bytes  {}",
                size,
                path.file_name().unwrap_or_default().to_string_lossy()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_startup_script_moves_to_a_file_and_the_policy_is_added() {
        let trunk = "<html><head>\n<meta charset=\"utf-8\">\n<base href=\"/r/\">\n<script src=\"view.js\"></script>\n<script type=\"module\">\nimport init from '/r/app.js';\nawait init();\n</script>\n</head><body></body></html>";
        let (page, name, script) = with_external_startup(trunk).unwrap();
        assert!(
            name.starts_with("app-init-") && name.ends_with(".js"),
            "{name}"
        );
        assert_eq!(script, "import init from '/r/app.js';\nawait init();");
        assert!(page.contains(&format!("<script type=\"module\" src=\"{name}\"></script>")));
        assert!(!page.contains("await init"), "{page}");
        assert!(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"));
        assert!(page.contains("<script src=\"view.js\"></script>"));
        assert!(with_external_startup("<html></html>").is_err());
    }
}
