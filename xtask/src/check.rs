//! `cargo xtask check FILE`: validate a catalogue and list every problem.

use std::path::Path;

use catalogue::{Catalogue, LoadError};

use crate::util::{Args, Result, failed, usage};

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let file = args
        .positional()
        .ok_or_else(|| usage("check needs a catalogue file"))?;
    args.finish()?;
    let catalogue = load(Path::new(&file))?;
    println!("{file}: OK, {} articles", catalogue.articles().len());
    Ok(())
}

/// Reads and validates a catalogue file, with every problem in the error.
pub fn load(path: &Path) -> Result<Catalogue> {
    let bytes =
        std::fs::read(path).map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        failed(format!(
            "{} is not UTF-8 text (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Catalogue::from_json(&text).map_err(|e| {
        let detail = match &e {
            LoadError::Contract(diagnostics) => {
                let lines: Vec<String> = diagnostics.iter().map(|d| format!("  {d}")).collect();
                format!(
                    "{} breaks the catalogue format:\n{}",
                    path.display(),
                    lines.join("\n")
                )
            }
            other => format!("{}: {other}", path.display()),
        };
        failed(detail)
    })
}
