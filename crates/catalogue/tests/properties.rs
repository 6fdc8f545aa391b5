//! Property tests: the parser and the checker never panic, whatever the
//! input, and a catalogue written back to JSON parses to the same catalogue,
//! every field kept.

use catalogue::Catalogue;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const TAGS: [&str; 5] = ["en", "zh", "zh-Hans", "en-US", "fr"];

/// Text that is not blank (blank text is dropped with a warning).
fn words() -> impl Strategy<Value = String> {
    "\\PC{1,24}".prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Text by language: one to three tags.
fn lang_text() -> impl Strategy<Value = Value> {
    proptest::sample::subsequence(TAGS.to_vec(), 1..=3).prop_flat_map(|tags| {
        proptest::collection::vec(words(), tags.len()).prop_map(move |texts| {
            Value::Object(
                tags.iter()
                    .zip(texts)
                    .map(|(t, s)| ((*t).to_owned(), Value::String(s)))
                    .collect(),
            )
        })
    })
}

fn date() -> impl Strategy<Value = String> {
    (1000u16..3000, 0u8..=12, 0u8..=28).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => format!("{y:04}"),
        (m, 0) => format!("{y:04}-{m:02}"),
        (m, d) => format!("{y:04}-{m:02}-{d:02}"),
    })
}

fn journal() -> impl Strategy<Value = Value> {
    (
        lang_text(),
        proptest::option::of("[0-9]{4}-[0-9]{3}[0-9X]"),
        proptest::option::of("[0-9]{4}-[0-9]{3}[0-9X]"),
        proptest::option::of("[0-9]{2}-[0-9]{4}/[A-Z][0-9]"),
    )
        .prop_map(|(title, issn, eissn, cn)| {
            let mut j = Map::new();
            j.insert("title".into(), title);
            for (k, v) in [("issn", issn), ("eissn", eissn), ("cn", cn)] {
                if let Some(v) = v {
                    j.insert(k.into(), Value::String(v));
                }
            }
            Value::Object(j)
        })
}

fn author(affiliations: usize) -> impl Strategy<Value = Value> {
    (
        lang_text(),
        proptest::sample::subsequence(
            (1..=affiliations as u32).collect::<Vec<_>>(),
            0..=affiliations,
        ),
        proptest::option::of(lang_text()),
        proptest::option::of("\\PC{0,20}"),
        proptest::option::of("\\PC{0,20}"),
        any::<bool>(),
    )
        .prop_map(|(name, affs, bio, orcid, email, corresponding)| {
            let mut a = Map::new();
            a.insert("name".into(), name);
            if !affs.is_empty() {
                a.insert("affiliations".into(), json!(affs));
            }
            if let Some(bio) = bio {
                a.insert("bio".into(), bio);
            }
            if let Some(o) = orcid {
                a.insert("orcid".into(), Value::String(o));
            }
            if let Some(e) = email {
                a.insert("email".into(), Value::String(e));
            }
            if corresponding {
                a.insert("corresponding".into(), Value::Bool(true));
            }
            Value::Object(a)
        })
}

fn article(index: usize) -> impl Strategy<Value = Value> {
    (0usize..=3).prop_flat_map(move |affiliation_count| {
        (
            (
                "[A-Za-z0-9_-]{1,12}",
                -3000i64..3000,
                proptest::option::of("[0-9A-Z]{1,4}"),
                proptest::option::of("[0-9A-Z]{1,4}"),
                proptest::option::of("e?[0-9]{1,4}(-[0-9]{1,4})?"),
                proptest::option::of("10\\.[0-9]{4,5}/[a-zA-Z0-9.()-]{1,12}"),
            ),
            (
                lang_text(),
                proptest::collection::vec(author(affiliation_count), 0..4),
                proptest::collection::vec(lang_text(), affiliation_count),
                proptest::collection::vec(proptest::option::of(date()), 5),
                proptest::collection::vec((lang_text(), proptest::option::of("\\PC{1,10}")), 0..3),
                lang_text(),
                proptest::collection::vec(
                    ("[a-z]{2}", proptest::collection::vec(words(), 0..4)),
                    0..3,
                ),
                proptest::option::of(journal()),
            ),
        )
            .prop_map(
                move |(
                    (id, year, volume, issue, pages, doi),
                    (title, authors, affiliations, dates, funding, abstract_, keywords, own),
                )| {
                    let mut a = Map::new();
                    // Unique whatever the generated part.
                    a.insert("id".into(), json!(format!("{id}.{index}")));
                    a.insert("year".into(), json!(year));
                    for (k, v) in [
                        ("volume", volume),
                        ("issue", issue),
                        ("pages", pages),
                        ("doi", doi),
                    ] {
                        if let Some(v) = v {
                            a.insert(k.into(), Value::String(v));
                        }
                    }
                    a.insert("title".into(), title);
                    if !authors.is_empty() {
                        a.insert("authors".into(), Value::Array(authors));
                    }
                    if !affiliations.is_empty() {
                        let list = affiliations
                            .into_iter()
                            .enumerate()
                            .map(|(i, name)| json!({ "id": i + 1, "name": name }))
                            .collect();
                        a.insert("affiliations".into(), Value::Array(list));
                    }
                    let keys = ["received", "revised", "accepted", "online", "published"];
                    let dates: Map<String, Value> = keys
                        .iter()
                        .zip(dates)
                        .filter_map(|(k, d)| d.map(|d| ((*k).to_owned(), Value::String(d))))
                        .collect();
                    if !dates.is_empty() {
                        a.insert("dates".into(), Value::Object(dates));
                    }
                    if !funding.is_empty() {
                        let list = funding
                            .into_iter()
                            .map(|(name, award)| match award {
                                Some(award) => json!({ "name": name, "award": award }),
                                None => json!({ "name": name }),
                            })
                            .collect();
                        a.insert("funding".into(), Value::Array(list));
                    }
                    a.insert("abstract".into(), abstract_);
                    let mut lists = Map::new();
                    for (tag, words) in keywords {
                        lists.insert(tag, json!(words));
                    }
                    if !lists.is_empty() {
                        a.insert("keywords".into(), Value::Object(lists));
                    }
                    if let Some(j) = own {
                        a.insert("journal".into(), j);
                    }
                    Value::Object(a)
                },
            )
    })
}

fn catalogue_json() -> impl Strategy<Value = Value> {
    (0usize..4).prop_flat_map(|n| {
        let articles: Vec<_> = (0..n).map(article).collect();
        (journal(), articles).prop_map(|(journal, articles)| {
            json!({ "format": "abstract-catalogue/1", "journal": journal, "articles": articles })
        })
    })
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("\\PC{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value inside `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    // No failure files: a failing case is printed, shrunk, in the test output.
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_answered_without_panic(text in "\\PC{0,200}") {
        let _ = Catalogue::from_json(&text);
        let _ = Catalogue::check_json(&text);
    }

    #[test]
    fn a_catalogue_with_any_value_anywhere_is_answered_without_panic(
        catalogue in catalogue_json(),
        pick in any::<proptest::sample::Index>(),
        replacement in any_json(),
    ) {
        let mut catalogue = catalogue;
        let mut paths = Vec::new();
        pointers(&catalogue, String::new(), &mut paths);
        let path = pick.get(&paths).clone();
        if path.is_empty() {
            catalogue = replacement;
        } else if let Some(slot) = catalogue.pointer_mut(&path) {
            *slot = replacement;
        }
        let text = catalogue.to_string();
        let _ = Catalogue::from_json(&text);
        let _ = Catalogue::check_json(&text);
    }

    #[test]
    fn writing_and_reading_again_keeps_every_field(catalogue in catalogue_json()) {
        let text = catalogue.to_string();
        let first = Catalogue::from_json(&text)
            .map_err(|e| TestCaseError::fail(format!("a valid catalogue was refused: {e}\n{text}")))?;
        let written = first.to_json();
        let second = Catalogue::from_json(&written)
            .map_err(|e| TestCaseError::fail(format!("its own output was refused: {e}\n{written}")))?;
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(written, second.to_json());
        // Nothing was lost: the input and the output are the same JSON.
        let reread: Value = serde_json::from_str(&first.to_json()).unwrap_or(Value::Null);
        prop_assert_eq!(reread, catalogue);
    }
}
