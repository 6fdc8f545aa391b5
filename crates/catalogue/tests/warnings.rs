//! Warnings: legal but suspicious, each seen in real catalogues. A warning
//! never stops a catalogue from loading.

use catalogue::{Catalogue, LoadError, Severity};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");

fn base(article: Value) -> Value {
    json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal" }, "issn": "0257-2826" },
        "articles": [ article ]
    })
}

fn article(patch: Value) -> Value {
    let mut a =
        json!({ "id": "a1", "year": 2024, "title": { "en": "T" }, "abstract": { "en": "A" } });
    if let (Some(a), Some(p)) = (a.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            a.insert(k.clone(), v.clone());
        }
    }
    a
}

/// `path: message` for every warning, without positions.
fn warnings(catalogue: &Value) -> Vec<String> {
    let text = serde_json::to_string_pretty(catalogue).unwrap();
    let diagnostics = match Catalogue::check_json(&text) {
        Ok((_, d)) => d,
        Err(LoadError::Contract(d)) => d,
        Err(e) => panic!("{e}"),
    };
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect()
}

#[test]
fn a_clean_catalogue_has_no_warnings() {
    assert_eq!(warnings(&base(article(json!({})))), Vec::<String>::new());
}

#[test]
fn the_seed_article_warns_only_about_its_real_date_oddity() {
    let (_, diagnostics) = Catalogue::check_json(SAMPLE).unwrap();
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0],
        "articles[0].dates.published: published (2024-06-14) is earlier than online (2024-06-16): check both dates"
    );
    // The sample's fictitious article shows literal markup on purpose.
    assert!(lines[1].starts_with("articles[2].abstract.en: <script>, </script>, <img src=x onerror=alert(1)> is not one of the inline tags"), "{}", lines[1]);
}

#[test]
fn warnings_do_not_stop_loading() {
    let c = base(article(
        json!({ "dates": { "online": "2024-06-16", "published": "2024-06-14" } }),
    ));
    assert!(Catalogue::from_json(&c.to_string()).is_ok());
    assert_eq!(warnings(&c).len(), 1);
}

#[test]
fn keyword_lists_that_cannot_pair() {
    let c = base(article(
        json!({ "keywords": { "en": ["a", "b", "c"], "zh": ["甲", "乙"] } }),
    ));
    assert_eq!(
        warnings(&c),
        [
            r#"articles[0].keywords: the "en" list has 3 keywords and the "zh" list 2: keywords pair by position, so readers cannot tell which translates which"#
        ]
    );
}

#[test]
fn repeated_and_empty_keywords() {
    let c = base(article(
        json!({ "keywords": { "en": ["Digital Diplomacy", "", "digital  diplomacy"] } }),
    ));
    assert_eq!(
        warnings(&c),
        [
            "articles[0].keywords.en[1]: empty keyword: remove it",
            r#"articles[0].keywords.en[2]: repeats keyword "Digital Diplomacy": remove one"#,
        ]
    );
}

#[test]
fn an_affiliation_no_author_uses() {
    let c = base(article(json!({
        "affiliations": [ { "id": 1, "name": { "en": "X" } }, { "id": 2, "name": { "en": "Y" } } ],
        "authors": [ { "name": { "en": "A" }, "affiliations": [1] } ]
    })));
    assert_eq!(
        warnings(&c),
        [
            "articles[0].affiliations[1]: no author has affiliation 2: add it to an author or remove it"
        ]
    );
}

#[test]
fn issn_check_digit() {
    let mut c = base(article(json!({})));
    c["journal"]["issn"] = json!("0257-2827");
    c["journal"]["eissn"] = json!("25772826");
    assert_eq!(
        warnings(&c),
        [
            "journal.issn: the check digit of ISSN 0257-2827 should be 6: a digit is probably mistyped",
            r#"journal.eissn: "25772826" is not written as an ISSN (NNNN-NNNC, such as 0257-2826)"#,
        ]
    );
}

#[test]
fn empty_strings_markup_and_normalisation() {
    let c = base(article(json!({
        "title": { "en": "CO<sub>2</sub> <span>x</span>", "zh": "" },
        "abstract": { "en": "Cafe\u{301} <i>open" }
    })));
    let w = warnings(&c);
    assert_eq!(w.len(), 4, "{w:#?}");
    assert!(
        w[0].starts_with("articles[0].title.en: <span>, </span> is not one of the inline tags")
    );
    assert_eq!(
        w[1],
        "articles[0].title.zh: empty text: fill it in or remove the entry"
    );
    assert!(
        w[2].starts_with("articles[0].abstract.en: an <i>, <b>, <sup> or <sub> tag is not closed")
    );
    assert!(w[3].starts_with("articles[0].abstract.en: the text is not in Unicode NFC"));
}

#[test]
fn articles_out_of_order() {
    let a = |id: &str, year: i64, issue: &str, pages: &str| {
        article(json!({ "id": id, "year": year, "volume": "1", "issue": issue, "pages": pages }))
    };
    let mut c = base(json!(null));
    c["articles"] = json!([
        a("a", 2024, "1", "1-10"),
        a("b", 2024, "1", "11-20"),
        a("c", 2024, "1", "5-9"),
        a("d", 2024, "2", "1-10"),
        a("e", 2023, "4", "1-10"),
    ]);
    assert_eq!(
        warnings(&c),
        [
            "articles[2]: starts on page 5, before articles[1] of the same issue (page 11): articles are in reading order, so check the order",
            "articles[4]: is out of order: the catalogue runs oldest first but this article (2023, vol. 1, issue 4) follows articles[3] (2024, vol. 1, issue 2); check the order",
        ]
    );
}

#[test]
fn warnings_come_with_errors_when_a_file_is_refused() {
    let c = base(article(
        json!({ "title": {}, "keywords": { "en": ["x", "x"] } }),
    ));
    let Err(LoadError::Contract(d)) = Catalogue::check_json(&c.to_string()) else {
        panic!("should be refused")
    };
    assert_eq!(
        d.iter().map(|d| d.severity).collect::<Vec<_>>(),
        [Severity::Error, Severity::Warning],
        "errors first"
    );
}

#[test]
fn an_orcid_or_email_that_cannot_be_linked_is_named() {
    let text = serde_json::json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal (fictitious)" } },
        "articles": [{
            "id": "a1", "year": 2025,
            "title": { "en": "T" }, "abstract": { "en": "A" },
            "authors": [
                { "name": { "en": "Placeholder One" }, "orcid": "0000-0002-1825-0098", "email": "javascript:x//@example.org" },
                { "name": { "en": "Placeholder Two" }, "orcid": "0000-0002-1825-0097", "email": "two@example.org" }
            ]
        }]
    })
    .to_string();
    let (_, warnings) = catalogue::Catalogue::check_json(&text).expect("loads");
    let paths: Vec<String> = warnings.iter().map(|w| w.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "articles[0].authors[0].orcid",
            "articles[0].authors[0].email"
        ],
        "{warnings:?}"
    );
}
