//! `cargo xtask check` as an editor uses it: exit codes, the text and JSON
//! reports, and no panic whatever the file holds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("check")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("xtask-check-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_sample_loads_with_its_two_warnings() {
    let o = check(&["public/catalogue.json"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("public/catalogue.json:49:55: warning: articles[0].dates.published: published (2024-06-14) is earlier than online (2024-06-16)"), "{out}");
    assert!(
        out.ends_with("public/catalogue.json: 0 errors, 2 warnings; it loads (4 articles).\n"),
        "{out}"
    );
}

#[test]
fn errors_exit_1_with_every_problem() {
    let o = check(&["tests/fixtures/contract-errors.json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(
            "tests/fixtures/contract-errors.json:6:13: error: articles[1].id: an id may only use"
        ),
        "{out}"
    );
    assert!(out.contains("tests/fixtures/contract-errors.json:6:48: error: articles[1].title: expected at least one language"), "{out}");
}

#[test]
fn json_report_for_scripts() {
    let o = check(&["--format", "json", "tests/fixtures/contract-errors.json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(report["errors"], 2);
    assert_eq!(report["loads"], false);
    assert_eq!(report["diagnostics"][0]["path"], "articles[1].id");
    assert_eq!(report["diagnostics"][0]["line"], 6);
    assert_eq!(report["diagnostics"][0]["column"], 13);
}

#[test]
fn usage_mistakes_exit_2() {
    assert_eq!(check(&[]).status.code(), Some(2));
    assert_eq!(
        check(&["--format", "xml", "public/catalogue.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn any_input_gets_a_message_not_a_panic() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    let nested = "[".repeat(1_000_000);
    let mut huge = br#"{"format": "abstract-catalogue/1", "journal": {"title": {"en": "J"}}, "articles": [], "padding": ""#.to_vec();
    huge.extend(std::iter::repeat_n(b'a', 100 * 1024 * 1024));
    huge.extend(b"\"}");
    for (name, bytes, expected) in [
        ("garbage", garbage.as_slice(), "not UTF-8 text"),
        ("nested", nested.as_bytes(), "recursion limit exceeded"),
        ("empty", b"".as_slice(), "EOF while parsing a value"),
        (
            "huge",
            huge.as_slice(),
            "0 errors, 0 warnings; it loads (0 articles)",
        ),
    ] {
        let path = temp_file(name, bytes);
        let o = check(&[path.to_str().unwrap()]);
        let _ = std::fs::remove_file(&path);
        let out = stdout(&o);
        assert!(
            out.contains(expected),
            "{name}: {out}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{name}: {:?}",
            o.status
        );
    }
    assert_eq!(check(&["no/such/file.json"]).status.code(), Some(1));
}
