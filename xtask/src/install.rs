//! `cargo xtask install`: the toolchain pieces a build needs, installed only
//! when missing, each step said aloud.
//!
//! - the `wasm32-unknown-unknown` target (rustup);
//! - trunk 0.21.14 (newer trunk needs a newer rustc than 1.95);
//! - the wasm-bindgen CLI at exactly the version in Cargo.lock;
//! - wasm-opt from the npm package `binaryen` (Debian's binaryen 108 writes
//!   wasm that fails in Chromium, so it is never used).
//!
//! Tools land in `~/.cargo/bin` and `~/.local/share/abstract-reader/`, and
//! [`Tools::path`] puts them first on PATH for trunk.

use std::env;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::util::{Result, exec, failed, output_of, project_root, step};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
/// The accessibility audit the browser tests inject (npm package).
const AXE_CORE_VERSION: &str = "4.14.1";

/// Where the tools are, once installed.
pub struct Tools {
    cargo_bin: PathBuf,
    binaryen_bin: PathBuf,
}

impl Tools {
    /// PATH with our tools first, for trunk and the wasm tools it calls.
    pub fn path(&self) -> OsString {
        let mut dirs = vec![self.binaryen_bin.clone(), self.cargo_bin.clone()];
        if let Some(path) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&path));
        }
        env::join_paths(dirs).unwrap_or_default()
    }

    pub fn trunk(&self) -> PathBuf {
        self.cargo_bin.join("trunk")
    }
}

fn home() -> PathBuf {
    env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
        .join("bin")
}

fn data_dir() -> PathBuf {
    env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".local/share"))
        .join("abstract-reader")
}

/// The wasm-bindgen version Cargo.lock resolved; the CLI must equal it.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock_path = project_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| failed(format!("cannot read {}: {e}", lock_path.display())))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_owned());
        }
    }
    Err(failed(
        "Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`",
    ))
}

pub fn run(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(crate::util::usage(format!(
            "install takes no arguments, got {extra:?}"
        )));
    }
    ensure().map(|_| ())
}

/// Installs whatever is missing and returns where the tools are.
pub fn ensure() -> Result<Tools> {
    let tools = Tools {
        cargo_bin: cargo_bin(),
        binaryen_bin: data_dir().join("binaryen/node_modules/.bin"),
    };

    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        eprintln!("    ok: wasm32-unknown-unknown target");
    } else {
        step("Adding the wasm32-unknown-unknown target (rustup)");
        exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let trunk_version = output_of(tools.trunk(), &["--version"]).unwrap_or_default();
    if trunk_version.contains(TRUNK_VERSION) {
        eprintln!("    ok: trunk {TRUNK_VERSION}");
    } else {
        step(&format!(
            "Installing trunk {TRUNK_VERSION} (cargo install; about 8 minutes on 2 cores)"
        ));
        exec(Command::new("cargo").args([
            "install",
            &format!("trunk@{TRUNK_VERSION}"),
            "--locked",
        ]))?;
    }

    let wanted = locked_wasm_bindgen_version()?;
    let have = output_of(tools.cargo_bin.join("wasm-bindgen"), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        eprintln!("    ok: wasm-bindgen CLI {wanted} (matches Cargo.lock)");
    } else {
        step(&format!(
            "Installing the wasm-bindgen CLI {wanted} to match Cargo.lock (about 2 minutes)"
        ));
        // Without --locked: its lock file pins a crate the registry lacks.
        exec(Command::new("cargo").args([
            "install",
            &format!("wasm-bindgen-cli@{wanted}"),
            "--force",
        ]))?;
    }

    let wasm_opt = tools.binaryen_bin.join("wasm-opt");
    let have = output_of(&wasm_opt, &["--version"]).unwrap_or_default();
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if have.contains(&format!("version {major}")) {
        eprintln!("    ok: wasm-opt {major} (npm binaryen)");
    } else {
        step(&format!(
            "Installing wasm-opt from the npm package binaryen@{BINARYEN_VERSION}"
        ));
        npm_install(
            &data_dir().join("binaryen"),
            &format!("binaryen@{BINARYEN_VERSION}"),
            "wasm-opt",
        )?;
    }
    Ok(tools)
}

/// `npm install package` into `prefix`; `what_for` names what needs it
/// when npm itself is missing.
fn npm_install(prefix: &std::path::Path, package: &str, what_for: &str) -> Result {
    if output_of("npm", &["--version"]).is_none() {
        return Err(failed(format!(
            "npm is needed to install {package} for {what_for}. Install Node.js and npm \
             (Debian: apt-get install nodejs npm) and run again."
        )));
    }
    std::fs::create_dir_all(prefix)
        .map_err(|e| failed(format!("cannot create {}: {e}", prefix.display())))?;
    exec(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(prefix)
            .arg(package),
    )
}

/// `axe.min.js` from the npm package axe-core, installed when missing; the
/// browser tests inject it into each page to audit it.
pub fn ensure_axe_core() -> Result<PathBuf> {
    let prefix = data_dir().join(format!("axe-core-{AXE_CORE_VERSION}"));
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if script.is_file() {
        eprintln!("    ok: axe-core {AXE_CORE_VERSION} (npm)");
        return Ok(script);
    }
    step(&format!(
        "Installing the accessibility audit from the npm package axe-core@{AXE_CORE_VERSION}"
    ));
    npm_install(
        &prefix,
        &format!("axe-core@{AXE_CORE_VERSION}"),
        "the accessibility tests",
    )?;
    if script.is_file() {
        Ok(script)
    } else {
        Err(failed(format!(
            "npm installed axe-core but {} is missing",
            script.display()
        )))
    }
}
