//! Property tests: the importer answers any input, well-formed or not,
//! without a panic, and what it imports is something the catalogue parser
//! answers too.

use proptest::prelude::*;
use serde_json::json;

const CRAFTED: &str = include_str!("../../../tests/fixtures/jats/crafted-bilingual.xml");
const REAL: &str = include_str!("../../../tests/fixtures/jats/real/plos-pone-0100977.xml");

const TAGS: [&str; 24] = [
    "article",
    "front",
    "article-meta",
    "journal-meta",
    "title-group",
    "article-title",
    "trans-title-group",
    "trans-title",
    "contrib-group",
    "contrib",
    "name",
    "surname",
    "given-names",
    "aff",
    "xref",
    "abstract",
    "trans-abstract",
    "kwd-group",
    "kwd",
    "pub-date",
    "year",
    "italic",
    "sup",
    "mml:math",
];

/// JATS-shaped XML: known elements, random nesting, attributes and text.
fn jats_like() -> impl Strategy<Value = String> {
    let text = "[^<&]{0,12}".prop_map(|s| s.replace('>', ""));
    let leaf = text.clone().boxed();
    let element = leaf.prop_recursive(4, 40, 5, move |inner| {
        (
            proptest::sample::select(TAGS.to_vec()),
            proptest::option::of(proptest::sample::select(vec![
                " xml:lang=\"zh\"",
                " xml:lang=\"en\"",
                " content-type=\"original\"",
                " ref-type=\"aff\" rid=\"a1\"",
                " id=\"a1\"",
                " pub-type=\"epub\"",
            ])),
            proptest::collection::vec(inner, 0..4),
        )
            .prop_map(|(tag, attr, children)| {
                format!(
                    "<{tag}{}>{}</{tag}>",
                    attr.unwrap_or_default(),
                    children.concat()
                )
            })
            .boxed()
    });
    element.prop_map(|body| format!("<?xml version=\"1.0\"?><article>{body}</article>"))
}

fn answered(xml: &str) {
    if let Ok(imported) = jats_import::import(xml, "test.xml") {
        let catalogue = json!({
            "format": "abstract-catalogue/1",
            "journal": imported.journal,
            "articles": [imported.article],
        });
        let _ = catalogue::Catalogue::check_json(&catalogue.to_string());
    }
}

proptest! {
    // No failure files: a failing case is printed, shrunk, in the test output.
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_answered(text in "\\PC{0,300}") {
        answered(&text);
    }

    #[test]
    fn jats_shaped_xml_is_answered(xml in jats_like()) {
        answered(&xml);
    }

    #[test]
    fn a_real_article_cut_or_damaged_anywhere_is_answered(
        which in any::<bool>(),
        cut in any::<proptest::sample::Index>(),
        len in 0usize..200,
        junk in "\\PC{0,20}",
    ) {
        let source = if which { CRAFTED } else { REAL };
        let mut at = cut.index(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        // Cut short, and with a stretch replaced by junk.
        answered(&source[..at]);
        answered(&format!("{}{junk}{}", &source[..at], &source[end..]));
    }
}
