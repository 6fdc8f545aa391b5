//! `cargo xtask import jats` as an editor uses it: a new catalogue, an
//! append that replaces by id, and clear failures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn out_file(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("xtask-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn articles(path: &Path) -> Vec<serde_json::Value> {
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    value["articles"].as_array().unwrap().clone()
}

#[test]
fn a_new_catalogue_then_an_append() {
    let out = out_file("new.json");
    let o = xtask(&[
        "import",
        "jats",
        "tests/fixtures/jats/crafted-bilingual.xml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(
            "warning: tests/fixtures/jats/crafted-bilingual.xml: <foo> is not understood"
        ),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("it loads (1 article)"));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(value["format"], "abstract-catalogue/1");
    assert_eq!(
        value["journal"]["title"]["en"],
        "Sample Journal (fictitious)"
    );

    let o = xtask(&[
        "import",
        "jats",
        "tests/fixtures/jats/minimal-elocation.xml",
        "tests/fixtures/jats/crafted-bilingual.xml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 added, 1 replaced"));
    let ids: Vec<_> = articles(&out)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["2025-3-2-7", "minimal-elocation"]);
}

#[test]
fn files_that_are_not_jats_fail_with_their_reason() {
    let out = out_file("bad.json");
    let not_xml = std::env::temp_dir().join(format!("xtask-import-{}-not.xml", std::process::id()));
    std::fs::write(&not_xml, "this is not XML").unwrap();
    let o = xtask(&[
        "import",
        "jats",
        not_xml.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not well-formed XML"));
    assert!(!out.exists(), "nothing imported, nothing written");
    assert_eq!(
        xtask(&["import", "jats", "--out", out.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        xtask(&["import", "marc", "x.xml", "--out", out.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}
