//! `prerender --site DIR --catalogue FILE --base /x/ [--site-url URL] [--split-folder F]`:
//! writes `DIR/article/<id>/index.html` for every article, from trunk's
//! `DIR/index.html`. Run by `cargo xtask build`. With a split catalogue,
//! each page preloads its article's part from `F`.

use std::path::PathBuf;
use std::process::ExitCode;

use abstract_reader::{prefs, prerender};
use catalogue::Catalogue;

fn main() -> ExitCode {
    match run() {
        Ok(count) => {
            eprintln!("    prerendered {count} article pages");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<usize, String> {
    let mut args = std::env::args().skip(1);
    let (mut site, mut catalogue, mut base, mut site_url) = (None, None, String::from("/"), None);
    let mut split_folder = None;
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--site" => site = Some(PathBuf::from(value)),
            "--catalogue" => catalogue = Some(PathBuf::from(value)),
            "--base" => base = value,
            "--site-url" => site_url = Some(value),
            "--split-folder" => split_folder = Some(value),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let site = site.ok_or("--site is required")?;
    let catalogue_path = catalogue.ok_or("--catalogue is required")?;
    prefs::init_base_path(base.clone());

    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let template = read(&site.join("index.html"))?;
    let catalogue = Catalogue::from_json(&read(&catalogue_path)?).map_err(|e| e.to_string())?;
    for article in catalogue.articles() {
        let id = article.id().as_str();
        let prefix = site_url.as_deref().unwrap_or(&base).trim_end_matches('/');
        let page_url = catalogue::article_path(prefix, id, "");
        let part = split_folder
            .as_ref()
            .map(|folder| format!("{}/{folder}article/{id}.json", base.trim_end_matches('/')));
        let html =
            prerender::article_page(&template, &catalogue, article, &page_url, part.as_deref());
        let dir = site.join("article").join(id);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        std::fs::write(dir.join("index.html"), html)
            .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    }
    Ok(catalogue.articles().len())
}
