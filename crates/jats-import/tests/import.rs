//! The importer on crafted edge cases (and, in `real.rs`, on real files).

use std::path::Path;

use catalogue::Catalogue;
use jats_import::{Imported, import};
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/jats")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The imported article wrapped in a catalogue must load in the reader.
pub fn loads(imported: &Imported) -> Catalogue {
    let catalogue = json!({
        "format": "abstract-catalogue/1",
        "journal": imported.journal,
        "articles": [imported.article],
    });
    Catalogue::from_json(&catalogue.to_string())
        .unwrap_or_else(|e| panic!("{e}\n{:#}", imported.article))
}

#[test]
fn a_bilingual_article_maps_every_field() {
    let imported = import(&fixture("crafted-bilingual.xml"), "crafted-bilingual.xml").unwrap();
    let a = &imported.article;
    assert_eq!(a["id"], "2025-3-2-7");
    assert_eq!(
        (
            a["year"].clone(),
            a["volume"].clone(),
            a["issue"].clone(),
            a["pages"].clone()
        ),
        (json!(2025), json!("3"), json!("2"), json!("7-19"))
    );
    assert_eq!(a["doi"], "10.1234/sample.2025.03.007");
    assert_eq!(
        a["journal"],
        json!({ "title": { "zh": "示例期刊（虚构）", "en": "Sample Journal (fictitious)" }, "issn": "0257-2826", "eissn": "2049-3630" })
    );
    assert_eq!(
        a["title"],
        json!({ "zh": "数字外交的<i>示例</i>研究", "en": "A <i>Sample</i> Study of CO<sub>2</sub> and Digital Diplomacy" })
    );
    assert_eq!(
        a["authors"][0],
        json!({
            "name": { "zh": "作者甲", "en": "Author A Placeholder" },
            "affiliations": [1],
            "orcid": "0000-0002-1825-0097",
            "email": "author.a@example.org",
            "corresponding": true,
            "bio": { "zh": "作者甲，示例大学讲师。" }
        })
    );
    assert_eq!(
        a["authors"][1],
        json!({ "name": { "en": "Author B (placeholder)" }, "affiliations": [1, 2] })
    );
    assert_eq!(
        a["authors"][2],
        json!({ "name": { "en": "Sample Consortium (fictitious)" } })
    );
    assert_eq!(
        a["authors"].as_array().unwrap().len(),
        3,
        "editors are not authors"
    );
    assert_eq!(
        a["affiliations"][0]["name"]["en"],
        "Department of Examples, Placeholder University, Beijing 100000, China"
    );
    assert_eq!(
        a["affiliations"][0]["name"]["zh"],
        "占位大学示例系，北京 100000"
    );
    // No xml:lang and no Chinese characters in a Chinese article: English.
    assert_eq!(
        a["affiliations"][1],
        json!({ "id": 2, "name": { "en": "Sample Institute (fictitious), China" } })
    );
    assert_eq!(
        a["dates"],
        json!({ "received": "2025-01-01", "revised": "2025-03", "accepted": "2025-04-01", "online": "2025-06-16", "published": "2025-06-14" })
    );
    assert_eq!(
        a["funding"],
        json!([
            { "name": { "en": "Sample Foundation (fictitious)" }, "award": "SAMPLE-0001" },
            { "name": { "en": "Sample Foundation (fictitious)" }, "award": "SAMPLE-0002" },
        ])
    );
    assert_eq!(
        a["abstract"]["zh"],
        "本文为虚构摘要，含公式 m<sup>2</sup> 与引用[1]。\n\n第二段未知元素。"
    );
    assert_eq!(
        a["abstract"]["en"],
        "<b>Background</b>\n\nA fictitious abstract with <b>bold</b>, H<sub>2</sub>O and a link.\n\n<b>Results</b>\n\nSecond section."
    );
    assert_eq!(
        a["keywords"],
        json!({ "zh": ["数字外交", "示例"], "en": ["digital diplomacy", "<i>sample</i>"] })
    );
    assert_eq!(
        imported.warnings,
        [
            "crafted-bilingual.xml: <foo> is not understood: its text is kept, its markup dropped",
            "crafted-bilingual.xml: <inline-graphic> is an image: dropped, the text around it is kept",
        ]
    );
    loads(&imported);
}

#[test]
fn a_minimal_article_with_an_article_number() {
    let imported = import(&fixture("minimal-elocation.xml"), "minimal-elocation.xml").unwrap();
    let a = &imported.article;
    assert_eq!(a["id"], "minimal-elocation");
    assert_eq!(a["pages"], "e1234");
    assert_eq!(a["year"], 2024);
    assert_eq!(
        a["dates"],
        json!({ "online": "2024-02-29", "published": "2024-02-29" })
    );
    assert_eq!(a["authors"], json!([{ "name": { "en": "Placeholder" } }]));
    assert_eq!(
        a["journal"]["title"],
        json!({ "en": "Sample Journal (fictitious)" })
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    loads(&imported);
}

#[test]
fn what_is_not_jats_is_refused_with_a_reason() {
    let cases = [
        ("", "not well-formed XML"),
        ("<article><front>", "not well-formed XML"),
        (
            "<html><body/></html>",
            "the root element is <html>, not a JATS <article>",
        ),
        ("<article/>", "<article> has no <front>"),
        (
            "<article><front/></article>",
            "<front> has no <article-meta>",
        ),
        ("\u{0}\u{1}binary", "not well-formed XML"),
    ];
    for (xml, expected) in cases {
        let error = import(xml, "x.xml").unwrap_err();
        assert!(
            error.0.starts_with("x.xml: ") && error.0.contains(expected),
            "{xml:?}: {error}"
        );
    }
}

#[test]
fn an_article_without_a_year_says_so() {
    let xml = "<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front></article>";
    let imported = import(xml, "y.xml").unwrap();
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("no publication year")),
        "{:?}",
        imported.warnings
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("no <journal-title>"))
    );
    assert_eq!(imported.article["year"], Value::Null);
}

#[test]
fn deep_and_large_input_does_not_panic() {
    let deep = format!(
        "<article><front><article-meta><title-group><article-title>{}x{}</article-title></title-group></article-meta></front></article>",
        "<italic>".repeat(5000),
        "</italic>".repeat(5000)
    );
    let error = import(&deep, "deep.xml").unwrap_err();
    assert!(error.0.contains("nest more than 256 levels"), "{error}");
    let shallow = deep
        .replace(&"<italic>".repeat(5000), &"<italic>".repeat(100))
        .replace(&"</italic>".repeat(5000), &"</italic>".repeat(100));
    assert!(import(&shallow, "shallow.xml").is_ok());
}
