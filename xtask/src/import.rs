//! `cargo xtask import jats FILE... --out catalogue.json`: JATS article XML
//! into a catalogue. Appends to `--out` when it exists (an article with the
//! same id is replaced), then checks the result as `cargo xtask check` does.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::check;
use crate::util::{Args, Failure, Result, failed, usage};

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let out = args
        .value("--out")?
        .map(PathBuf::from)
        .ok_or_else(|| usage("import needs --out FILE"))?;
    match args.positional().as_deref() {
        Some("jats") => {}
        Some(other) => {
            return Err(usage(format!(
                "import knows the format jats, not {other:?}"
            )));
        }
        None => {
            return Err(usage(
                "import needs a format: cargo xtask import jats FILE... --out FILE",
            ));
        }
    }
    let mut files = Vec::new();
    while let Some(file) = args.positional() {
        files.push(PathBuf::from(file));
    }
    args.finish()?;
    if files.is_empty() {
        return Err(usage("import jats needs at least one XML file"));
    }

    let mut catalogue = match std::fs::read_to_string(&out) {
        Ok(text) => existing(&out, &text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(failed(format!("cannot read {}: {e}", out.display()))),
    };
    let mut failures = 0;
    let (mut added, mut replaced) = (0, 0);
    for file in &files {
        let name = file.display().to_string();
        let xml = match std::fs::read(file).map(String::from_utf8) {
            Ok(Ok(xml)) => xml,
            Ok(Err(_)) => {
                eprintln!("{name}: error: not UTF-8 text; save the XML as UTF-8");
                failures += 1;
                continue;
            }
            Err(e) => {
                eprintln!("{name}: error: cannot read: {e}");
                failures += 1;
                continue;
            }
        };
        let imported = match jats_import::import(&xml, &name) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("error: {e}");
                failures += 1;
                continue;
            }
        };
        for warning in &imported.warnings {
            eprintln!("warning: {warning}");
        }
        let catalogue = catalogue.get_or_insert_with(|| {
            json!({ "format": catalogue::FORMAT, "journal": imported.journal.clone(), "articles": [] })
        });
        let Some(articles) = catalogue.get_mut("articles").and_then(Value::as_array_mut) else {
            return Err(failed(format!(
                "{} has no \"articles\" list to append to",
                out.display()
            )));
        };
        let id = imported.article["id"].clone();
        match articles.iter_mut().find(|a| a["id"] == id) {
            Some(previous) => {
                *previous = imported.article;
                replaced += 1;
            }
            None => {
                articles.push(imported.article);
                added += 1;
            }
        }
    }
    if let Some(catalogue) = &catalogue {
        let text =
            serde_json::to_string_pretty(catalogue).map_err(|e| failed(e.to_string()))? + "\n";
        std::fs::write(&out, text)
            .map_err(|e| failed(format!("cannot write {}: {e}", out.display())))?;
        eprintln!("{}: {added} added, {replaced} replaced", out.display());
        // What the reader will make of it, in the checker's words.
        let report = check::Report::of(&out);
        print!("{}", report.to_text(&out.display().to_string()));
        if report.errors() > 0 {
            failures += 1;
        }
    }
    if failures > 0 {
        Err(Failure::Quiet)
    } else {
        Ok(())
    }
}

/// The catalogue to append to: JSON with an `articles` list.
fn existing(path: &Path, text: &str) -> Result<Option<Value>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        failed(format!(
            "{} exists but is not JSON ({e}); choose another --out or fix it",
            path.display()
        ))
    })?;
    match value.get("articles") {
        Some(Value::Array(_)) => Ok(Some(value)),
        _ => Err(failed(format!(
            "{} exists but has no \"articles\" list; choose another --out",
            path.display()
        ))),
    }
}
