//! Shared plumbing: errors, running commands, paths, argument parsing.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How a command failed: a usage mistake (exit 2) or a real failure (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Failed(String),
    /// Failed, and the command has already said why.
    Quiet,
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

pub fn usage(message: impl Into<String>) -> Failure {
    Failure::Usage(message.into())
}

pub fn failed(message: impl Into<String>) -> Failure {
    Failure::Failed(message.into())
}

/// The repository root (the parent of `xtask/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Prints a step, so a long run says what it is doing.
pub fn step(message: &str) {
    eprintln!("\n==> {message}");
}

/// Runs a command to completion, failing with its name when it fails.
pub fn exec(command: &mut Command) -> Result {
    let shown = describe(command);
    eprintln!("    $ {shown}");
    let status = command
        .status()
        .map_err(|e| failed(format!("could not start `{shown}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(failed(format!("`{shown}` failed ({status})")))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot
/// run or fails (used to probe for installed tools).
pub fn output_of(program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Simple `--flag value` parsing; no other dependency needed.
pub struct Args {
    rest: Vec<String>,
}

impl Args {
    pub fn new(args: &[String]) -> Args {
        Args {
            rest: args.to_vec(),
        }
    }

    /// Takes `--name value` if present.
    pub fn value(&mut self, name: &str) -> Result<Option<String>> {
        let Some(i) = self.rest.iter().position(|a| a == name) else {
            return Ok(None);
        };
        if i + 1 >= self.rest.len() {
            return Err(usage(format!("{name} needs a value")));
        }
        let value = self.rest.remove(i + 1);
        self.rest.remove(i);
        Ok(Some(value))
    }

    /// Takes the next positional argument.
    pub fn positional(&mut self) -> Option<String> {
        let i = self.rest.iter().position(|a| !a.starts_with("--"))?;
        Some(self.rest.remove(i))
    }

    /// Fails on anything not taken.
    pub fn finish(self) -> Result {
        match self.rest.first() {
            Some(extra) => Err(usage(format!("unexpected argument {extra:?}"))),
            None => Ok(()),
        }
    }
}
