//! `cargo xtask check FILE [--format json]`: every error and warning in a
//! catalogue, in one run, the way compilers print them
//! (`FILE:LINE:COLUMN: error: PATH: message`).
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when there is
//! one, 2 for a usage mistake.

use std::path::Path;

use catalogue::{Catalogue, Diagnostic, LoadError, Severity};
use serde_json::json;

use crate::util::{Args, Failure, Result, failed, usage};

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let format = args.value("--format")?.unwrap_or_else(|| "text".to_owned());
    let file = args
        .positional()
        .ok_or_else(|| usage("check needs a catalogue file"))?;
    args.finish()?;
    if format != "text" && format != "json" {
        return Err(usage(format!("--format is text or json, not {format:?}")));
    }
    let report = Report::of(Path::new(&file));
    if format == "json" {
        println!("{}", report.to_json(&file));
    } else {
        print!("{}", report.to_text(&file));
    }
    if report.errors() > 0 {
        // The report is the message; exit 1 without repeating it.
        return Err(Failure::Quiet);
    }
    Ok(())
}

/// What the checker found in one file.
pub struct Report {
    /// The catalogue, when it loads, and the fingerprint of its text (which
    /// the search index records).
    catalogue: Option<(Catalogue, String)>,
    diagnostics: Vec<Diagnostic>,
    /// A problem before any JSON path applies: unreadable, not UTF-8, not JSON.
    file_error: Option<(Option<(usize, usize)>, String)>,
}

impl Report {
    pub fn of(path: &Path) -> Report {
        let empty = |position, message| Report {
            catalogue: None,
            diagnostics: Vec::new(),
            file_error: Some((position, message)),
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return empty(None, format!("cannot read the file: {e}")),
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return empty(
                    None,
                    format!(
                        "not UTF-8 text (the first bad byte is at offset {}): save the catalogue as UTF-8",
                        e.utf8_error().valid_up_to()
                    ),
                );
            }
        };
        match Catalogue::check_json(&text) {
            Ok((catalogue, diagnostics)) => Report {
                catalogue: Some((catalogue, catalogue::search::fingerprint(&text))),
                diagnostics,
                file_error: None,
            },
            Err(LoadError::Contract(diagnostics)) => Report {
                catalogue: None,
                diagnostics,
                file_error: None,
            },
            Err(e @ LoadError::Syntax { line, column, .. }) => {
                empty(Some((line, column.max(1))), e.to_string())
            }
        }
    }

    pub fn errors(&self) -> usize {
        usize::from(self.file_error.is_some())
            + self
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
    }

    fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn to_text(&self, file: &str) -> String {
        let mut out = String::new();
        if let Some((position, message)) = &self.file_error {
            match position {
                Some((line, column)) => {
                    out.push_str(&format!("{file}:{line}:{column}: error: {message}\n"))
                }
                None => out.push_str(&format!("{file}: error: {message}\n")),
            }
        }
        for d in &self.diagnostics {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let place = match d.position {
                Some((line, column)) => format!("{file}:{line}:{column}"),
                None => file.to_owned(),
            };
            out.push_str(&format!("{place}: {severity}: {}: {}\n", d.path, d.message));
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let summary = format!(
            "{}, {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning")
        );
        match self.catalogue.as_ref().map(|(c, _)| c.articles().len()) {
            Some(n) => out.push_str(&format!(
                "{file}: {summary}; it loads ({}).\n",
                plural(n, "article")
            )),
            None => out.push_str(&format!(
                "{file}: {summary}; the reader refuses it until the errors are fixed.\n"
            )),
        }
        out
    }

    fn to_json(&self, file: &str) -> String {
        let mut items: Vec<serde_json::Value> = Vec::new();
        if let Some((position, message)) = &self.file_error {
            items.push(json!({
                "severity": "error", "path": null,
                "line": position.map(|p| p.0), "column": position.map(|p| p.1),
                "message": message,
            }));
        }
        for d in &self.diagnostics {
            items.push(json!({
                "severity": if d.severity == Severity::Error { "error" } else { "warning" },
                "path": d.path.to_string(),
                "line": d.position.map(|p| p.0),
                "column": d.position.map(|p| p.1),
                "message": d.message,
            }));
        }
        let report = json!({
            "file": file,
            "loads": self.catalogue.is_some(),
            "articles": self.catalogue.as_ref().map(|(c, _)| c.articles().len()),
            "errors": self.errors(),
            "warnings": self.warnings(),
            "diagnostics": items,
        });
        serde_json::to_string_pretty(&report).unwrap_or_default()
    }
}

/// Reads and validates a catalogue file for a build: errors refuse it (all
/// of them listed), warnings are printed and the build goes on.
pub fn load(path: &Path) -> Result<(Catalogue, String)> {
    let report = Report::of(path);
    let file = path.display().to_string();
    if report.errors() > 0 {
        return Err(failed(report.to_text(&file).trim_end().to_owned()));
    }
    if report.warnings() > 0 {
        eprint!("{}", report.to_text(&file));
    }
    report
        .catalogue
        .ok_or_else(|| failed(format!("{file} did not load")))
}
