//! The published JSON Schema (`public/catalogue.schema.json`) and the
//! parser agree on every contract fixture, so editors' completion and
//! checking tell the truth about what the reader loads.

use std::path::{Path, PathBuf};

use catalogue::Catalogue;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(root().join("public/catalogue.schema.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "file:///reader/catalogue.schema.json";
    compiler.add_resource(url, value).expect("add the schema");
    let index = compiler
        .compile(url, &mut schemas)
        .unwrap_or_else(|e| panic!("the schema compiles: {e}"));
    (schemas, index)
}

fn fixtures() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/contract"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.extend(
        [
            "public/catalogue.json",
            "tests/fixtures/hostile.json",
            "tests/fixtures/replaced.json",
            "tests/fixtures/contract-errors.json",
        ]
        .map(|f| root().join(f)),
    );
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn schema_and_parser_agree_on_every_fixture() {
    let (schemas, index) = schema();
    let files = fixtures();
    assert!(files.len() >= 15, "fixtures went missing: {}", files.len());
    for (name, text) in files {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let schema_ok = schemas.validate(&value, index).is_ok();
        let parser_ok = Catalogue::from_json(&text).is_ok();
        let expected_parser = !(name.starts_with("bad-")
            || name.starts_with("beyond-schema-")
            || name == "contract-errors.json");
        let expected_schema = expected_parser || name.starts_with("beyond-schema-");
        assert_eq!(parser_ok, expected_parser, "{name}: parser");
        assert_eq!(
            schema_ok,
            expected_schema,
            "{name}: schema\n{:?}",
            schemas.validate(&value, index).err().map(|e| e.to_string())
        );
    }
}

#[test]
fn the_sample_names_its_schema() {
    let text = std::fs::read_to_string(root().join("public/catalogue.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["$schema"], "catalogue.schema.json");
}
