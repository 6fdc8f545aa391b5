//! Search: what a reader finds for what they type, the index file, and the
//! highlighted text they see.

use catalogue::Catalogue;
use catalogue::search::{INDEX_FORMAT, Query, SearchIndex, fingerprint, highlight, nfkd, snippet};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");
const SEED: &str = "2024-58-6-95";

fn sample_index() -> SearchIndex {
    let catalogue = Catalogue::from_json(SAMPLE).expect("sample loads");
    SearchIndex::build(&catalogue, &fingerprint(SAMPLE), &nfkd)
}

/// A catalogue of fictitious articles, each given as a patch over a minimal one.
fn catalogue(articles: Vec<Value>) -> (Catalogue, String) {
    let articles: Vec<Value> = articles
        .into_iter()
        .enumerate()
        .map(|(i, patch)| {
            let mut a = json!({
                "id": format!("a{}", i + 1),
                "year": 2024,
                "title": { "en": "Untitled" },
                "abstract": { "en": "Nothing." }
            });
            if let (Some(a), Some(p)) = (a.as_object_mut(), patch.as_object()) {
                for (k, v) in p {
                    a.insert(k.clone(), v.clone());
                }
            }
            a
        })
        .collect();
    let text = json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Fictitious Journal" } },
        "articles": articles
    })
    .to_string();
    let c = Catalogue::from_json(&text).expect("test catalogue loads");
    (c, text)
}

fn index_of(articles: Vec<Value>) -> SearchIndex {
    let (c, text) = catalogue(articles);
    SearchIndex::build(&c, &fingerprint(&text), &nfkd)
}

fn ids(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, &nfkd)
        .into_iter()
        .map(|h| h.id.to_string())
        .collect()
}

fn finds_seed(index: &SearchIndex, query: &str) -> bool {
    ids(index, query).iter().any(|id| id == SEED)
}

#[test]
fn chinese_queries_need_no_spaces() {
    let index = sample_index();
    for q in ["数字外交", "外交", "数字", "中国特色数字外交", "数字 外交"] {
        assert!(finds_seed(&index, q), "{q:?} should find the seed");
    }
    // Both the seed and the fictitious bilingual article use 数字外交 in
    // keywords; the fictitious one also has it in its title, so it ranks first.
    assert_eq!(ids(&index, "数字外交"), vec!["sample-2025-1-1-1", SEED]);
}

#[test]
fn english_queries_ignore_case_and_complete_the_last_word() {
    let index = sample_index();
    for q in [
        "digital diplomacy",
        "DIPLOMACY",
        "diplom",
        "Digital Dipl",
        "d",
    ] {
        assert!(finds_seed(&index, q), "{q:?} should find the seed");
    }
    // Only the last word is a prefix.
    assert_eq!(ids(&index, "diplom digital"), Vec::<String>::new());
    // Every term must match.
    assert_eq!(ids(&index, "diplomacy rice"), Vec::<String>::new());
}

#[test]
fn author_names_are_searched() {
    let index = sample_index();
    assert_eq!(ids(&index, "韩笑"), vec![SEED]);
    assert_eq!(ids(&index, "吴志成"), vec![SEED]);
    // A single character also matches at the end of a run.
    assert!(finds_seed(&index, "笑"));
    assert!(finds_seed(&index, "韩"));
    assert_eq!(ids(&index, "placeholder"), ids(&index, "PLACEHOLDER"));
}

#[test]
fn inline_markup_is_searched_as_plain_text() {
    let index = sample_index();
    assert_eq!(ids(&index, "CO2"), vec!["sample-2025-1-1-9"]);
    assert_eq!(ids(&index, "oryza sativa"), vec!["sample-2025-1-1-9"]);
    assert_eq!(ids(&index, "sub"), Vec::<String>::new());
}

#[test]
fn nothing_found_is_nothing() {
    let index = sample_index();
    for q in ["量子", "zzzz", "数字量子"] {
        assert_eq!(ids(&index, q), Vec::<String>::new(), "{q:?}");
    }
    for q in ["", "   ", "\t\n", "，。、", "--"] {
        assert_eq!(ids(&index, q), Vec::<String>::new(), "{q:?}");
        assert!(Query::parse(q, &nfkd).is_empty(), "{q:?}");
    }
}

#[test]
fn title_and_keyword_matches_rank_above_abstract_matches() {
    let index = index_of(vec![
        json!({ "abstract": { "en": "On quantum things." } }),
        json!({ "title": { "en": "Quantum Matters" } }),
        json!({ "keywords": { "zh": ["量子"], "en": ["quantum"] } }),
        json!({ "authors": [ { "name": { "en": "Quantum Smith" } } ] }),
        json!({ "abstract": { "en": "Quantum again." } }),
    ]);
    let hits = index.search("quantum", &nfkd);
    let order: Vec<(&str, u32)> = hits.iter().map(|h| (&*h.id, h.score)).collect();
    // title 8, keywords 6, authors 4, abstract 1; ties in reading order.
    assert_eq!(
        order,
        vec![("a2", 8), ("a3", 6), ("a4", 4), ("a1", 1), ("a5", 1)]
    );
    // Scores add up over query terms; each term counts its best field.
    let hits = index.search("quantum matters", &nfkd);
    assert_eq!((&*hits[0].id, hits[0].score), ("a2", 16));
    assert_eq!(index.search("量子", &nfkd)[0].score, 6);
}

#[test]
fn diacritics_and_width_are_ignored() {
    let index = index_of(vec![
        json!({ "title": { "en": "Le Café" } }),
        json!({ "title": { "en": "Internet cafe culture" } }),
        json!({ "title": { "en": "Cafe\u{301} au lait" } }),
        json!({ "title": { "en": "AI governance", "zh": "人工智能治理" } }),
        json!({ "abstract": { "en": "Nothing about the ete." } }),
    ]);
    assert_eq!(ids(&index, "cafe"), vec!["a1", "a2", "a3"]);
    assert_eq!(ids(&index, "café"), vec!["a1", "a2", "a3"]);
    assert_eq!(ids(&index, "CAFÉ"), vec!["a1", "a2", "a3"]);
    assert_eq!(ids(&index, "ＡＩ"), vec!["a4"]);
    assert_eq!(ids(&index, "ａｉ　ｇｏｖ"), vec!["a4"]);
    assert_eq!(ids(&index, "Éte"), vec!["a5"]);
}

#[test]
fn hangul_and_kana_are_bigrams_too() {
    let index = index_of(vec![
        json!({ "title": { "ko": "디지털 외교의 실천" } }),
        json!({ "title": { "ja": "デジタル外交の実践" } }),
    ]);
    assert_eq!(ids(&index, "외교"), vec!["a1"]);
    assert_eq!(ids(&index, "디지털외교"), Vec::<String>::new());
    assert_eq!(ids(&index, "デジタル"), vec!["a2"]);
    assert_eq!(ids(&index, "外交の"), vec!["a2"]);
}

#[test]
fn the_index_round_trips_through_json() {
    let index = sample_index();
    let text = index.to_json();
    let back = SearchIndex::from_json(&text).expect("own output loads");
    assert!(back == index, "round trip changed the index");
    assert_eq!(back.fingerprint(), fingerprint(SAMPLE));
    assert_eq!(back.article_count(), 4);
    assert_eq!(back.term_count(), index.term_count());
    for q in [
        "数字外交",
        "外交",
        "笑",
        "diplom",
        "digital diplomacy",
        "co2",
        "量子",
        "",
    ] {
        assert_eq!(back.search(q, &nfkd), index.search(q, &nfkd), "{q:?}");
    }
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], INDEX_FORMAT);
    assert_eq!(v["ids"][0], SEED);
    println!(
        "search index for public/catalogue.json ({} bytes): {} bytes, {} articles, {} terms",
        SAMPLE.len(),
        text.len(),
        index.article_count(),
        index.term_count()
    );
}

#[test]
fn strings_in_the_index_are_escaped() {
    let index = index_of(vec![json!({ "title": { "en": "a\"b\\c" } })]);
    let back = SearchIndex::from_json(&index.to_json()).unwrap();
    assert!(back == index);
    assert_eq!(ids(&back, "b"), vec!["a1"]);
}

#[test]
fn an_empty_catalogue_has_an_empty_index() {
    let (c, _) = catalogue(vec![json!({})]);
    let index = SearchIndex::build(&c, "0000000000000000", &nfkd);
    assert_eq!(index.article_count(), 1);
    let empty = SearchIndex::from_json(
        r#"{"format":"abstract-search/1","fingerprint":"x","ids":[],"terms":[],"postings":[]}"#,
    )
    .unwrap();
    assert_eq!(empty.article_count(), 0);
    assert_eq!(empty.search("anything", &nfkd), vec![]);
}

#[test]
fn the_fingerprint_is_fnv_1a_of_the_catalogue_text() {
    assert_eq!(fingerprint(""), "cbf29ce484222325");
    assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    assert_ne!(fingerprint(SAMPLE), fingerprint(&format!("{SAMPLE} ")));
    assert_eq!(fingerprint(SAMPLE).len(), 16);
}

fn load_error(text: &str) -> String {
    match SearchIndex::from_json(text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e,
    }
}

fn with(patch: impl FnOnce(&mut Value)) -> String {
    let mut v = json!({
        "format": "abstract-search/1",
        "fingerprint": "0123456789abcdef",
        "ids": ["a1", "a2"],
        "terms": ["alpha", "beta"],
        "postings": [[0, 1, 1, 8], [1, 2]]
    });
    patch(&mut v);
    v.to_string()
}

#[test]
fn damaged_indexes_are_refused_with_a_reason() {
    assert!(SearchIndex::from_json(&with(|_| {})).is_ok());
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "not valid JSON"),
        ("garbage".into(), "not valid JSON"),
        ("{\"format\":".into(), "not valid JSON"),
        ("[]".into(), "not a JSON object"),
        ("null".into(), "not a JSON object"),
        ("{}".into(), "has no \"format\""),
        (
            with(|v| v["format"] = json!("abstract-search/2")),
            "has format \"abstract-search/2\", but this reader reads only \"abstract-search/1\"",
        ),
        (with(|v| v["format"] = json!(1)), "has no \"format\""),
        (
            with(|v| v["postings"] = json!([[0, 1, 2, 8], [1, 2]])),
            "postings[0][2] refers to article number 2, but the index lists 2 articles \
             (numbers 0 to 1)",
        ),
        (
            with(|v| v["postings"] = json!([[0, 1], [1, 2, 5, 1]])),
            "postings[1][2] refers to article number 5",
        ),
        (
            with(|v| v["postings"] = json!([[0, 1, 1], [1, 2]])),
            "postings[0] has an odd number of values",
        ),
        (
            with(|v| v["postings"] = json!([[1, 1, 0, 8], [1, 2]])),
            "increasing order",
        ),
        (
            with(|v| v["postings"] = json!([[0, 16], [1, 2]])),
            "field mask 16",
        ),
        (
            with(|v| v["postings"] = json!([[0, 1], [-1, 2]])),
            "damaged",
        ),
        (
            with(|v| v["postings"] = json!([[0, 1]])),
            "2 terms but 1 postings lists",
        ),
        (
            with(|v| v["terms"] = json!(["beta", "alpha"])),
            "terms must be sorted and unique",
        ),
        (with(|v| v["ids"] = json!(["a1", "a1"])), "appears twice"),
        (
            with(|v| v["ids"] = json!(["a 1", "a2"])),
            "ids[0] is not an article id",
        ),
        (with(|v| v["ids"] = json!("a1")), "damaged: invalid type"),
        (
            with(|v| {
                v.as_object_mut().unwrap().remove("terms");
            }),
            "missing field `terms`",
        ),
    ];
    for (text, expected) in cases {
        let message = load_error(&text);
        assert!(
            message.contains(expected),
            "for {text:?}: {message:?} should say {expected:?}"
        );
        assert!(message.contains("cargo xtask build"), "{message}");
    }
}

#[test]
fn from_json_survives_arbitrary_input() {
    let good = sample_index().to_json();
    // Every prefix of a valid index, and some byte flips, fail cleanly.
    for cut in (0..good.len()).step_by(97) {
        if let Some(prefix) = good.get(..cut) {
            assert!(SearchIndex::from_json(prefix).is_err());
        }
    }
    for junk in [
        "null",
        "1e400",
        "\"x\"",
        "{\"format\":\"abstract-search/1\"}",
        "\u{feff}{}",
    ] {
        assert!(SearchIndex::from_json(junk).is_err(), "{junk}");
    }
}

fn marked(parts: &[(String, bool)]) -> Vec<&str> {
    parts
        .iter()
        .filter(|(_, m)| *m)
        .map(|(s, _)| s.as_str())
        .collect()
}

fn joined(parts: &[(String, bool)]) -> String {
    parts.iter().map(|(s, _)| s.as_str()).collect()
}

#[test]
fn highlighting_marks_original_characters() {
    let q = Query::parse("cafe", &nfkd);
    let parts = highlight("Le Café de Paris, CAFÉ!", &q, &nfkd);
    assert_eq!(
        parts,
        vec![
            ("Le ".to_owned(), false),
            ("Café".to_owned(), true),
            (" de Paris, ".to_owned(), false),
            ("CAFÉ".to_owned(), true),
            ("!".to_owned(), false),
        ]
    );
    // A decomposed accent stays with its letter.
    let parts = highlight("cafe\u{301} noir", &Query::parse("café", &nfkd), &nfkd);
    assert_eq!(marked(&parts), vec!["cafe\u{301}"]);
    // Full-width letters.
    let parts = highlight("ＡＩ治理", &Query::parse("ai", &nfkd), &nfkd);
    assert_eq!(marked(&parts), vec!["ＡＩ"]);
    // Whole words only, except the last token, whose typed part is marked.
    let q = Query::parse("digital diplom", &nfkd);
    let parts = highlight("Digital diplomacy, digitalisation", &q, &nfkd);
    assert_eq!(marked(&parts), vec!["Digital", "diplom"]);
    assert_eq!(joined(&parts), "Digital diplomacy, digitalisation");
    // Nothing to mark.
    assert_eq!(
        highlight("text", &Query::parse("", &nfkd), &nfkd),
        vec![("text".to_owned(), false)]
    );
    assert_eq!(highlight("", &q, &nfkd), vec![]);
}

#[test]
fn highlighting_marks_cjk_runs_and_their_bigrams() {
    let q = Query::parse("数字外交", &nfkd);
    let text = "数字技术在外交领域，数字外交发展";
    let parts = highlight(text, &q, &nfkd);
    assert_eq!(marked(&parts), vec!["数字", "外交", "数字外交"]);
    assert_eq!(joined(&parts), text);
    let parts = highlight("作者：韩笑、吴志成", &Query::parse("笑", &nfkd), &nfkd);
    assert_eq!(marked(&parts), vec!["笑"]);
    // Half-width katakana folds to full-width.
    let parts = highlight("ﾃﾞｼﾞﾀﾙ外交", &Query::parse("デジタル", &nfkd), &nfkd);
    assert_eq!(marked(&parts), vec!["ﾃﾞｼﾞﾀﾙ"]);
    // Hangul composed back from NFKD jamo.
    let parts = highlight("디지털 외교", &Query::parse("외교", &nfkd), &nfkd);
    assert_eq!(marked(&parts), vec!["외교"]);
}

#[test]
fn snippets_cut_around_the_first_match() {
    let text = "Although the state is still the main actor in international relations, \
                other actors are also playing an increasingly important role in the practice \
                of diplomacy, which is extensive and diverse across many countries today.";
    let q = Query::parse("diplomacy", &nfkd);
    let parts = snippet(text, &q, 60, &nfkd).expect("a match");
    let s = joined(&parts);
    assert!(s.chars().count() <= 60, "{s:?}");
    assert!(s.starts_with('…') && s.ends_with('…'), "{s:?}");
    assert_eq!(marked(&parts), vec!["diplomacy"]);
    // Cut at spaces: no word is broken.
    let inner = s.trim_matches('…');
    for word in inner.split_whitespace() {
        assert!(
            text.contains(&format!(" {word}")),
            "{word:?} broken in {s:?}"
        );
    }
    // Short text comes whole; no match is None.
    assert_eq!(
        joined(&snippet("of diplomacy", &q, 60, &nfkd).unwrap()),
        "of diplomacy"
    );
    assert_eq!(snippet(text, &Query::parse("rice", &nfkd), 60, &nfkd), None);
    assert_eq!(snippet(text, &Query::parse("", &nfkd), 60, &nfkd), None);
    // A match at the start: no leading ellipsis.
    let parts = snippet(text, &Query::parse("although", &nfkd), 40, &nfkd).unwrap();
    let s = joined(&parts);
    assert!(s.starts_with("Although") && s.ends_with('…'), "{s:?}");
    // Tiny budgets do not panic.
    for max in 0..5 {
        let _ = snippet(text, &q, max, &nfkd);
    }
}

#[test]
fn snippets_of_cjk_and_accented_text() {
    let catalogue = Catalogue::from_json(SAMPLE).unwrap();
    let seed = catalogue.article(SEED).unwrap();
    let (_, zh) = seed
        .abstract_text()
        .get(catalogue::Lang::Zh)
        .expect("Chinese abstract");
    let q = Query::parse("红利", &nfkd);
    let parts = snippet(zh, &q, 30, &nfkd).expect("红利 is in the abstract");
    let s = joined(&parts);
    assert!(s.chars().count() <= 30, "{s:?}");
    assert!(s.contains("红利"), "{s:?}");
    assert_eq!(marked(&parts), vec!["红利"]);
    assert!(s.starts_with('…') && s.ends_with('…'), "{s:?}");

    let text = "Résumé: the café société of Zürich — théâtre, crème brûlée and more.";
    let parts = snippet(text, &Query::parse("creme brulee", &nfkd), 30, &nfkd).unwrap();
    assert_eq!(marked(&parts), vec!["crème", "brûlée"]);
    assert!(joined(&parts).chars().count() <= 30);
}

#[test]
fn normalize_is_called_sparingly() {
    use std::cell::Cell;
    let calls = Cell::new(0);
    let counting = |s: &str| {
        calls.set(calls.get() + 1);
        nfkd(s)
    };
    let (c, text) = catalogue(vec![json!({}), json!({})]);
    let index = SearchIndex::build(&c, &fingerprint(&text), &counting);
    assert_eq!(calls.get(), 8, "four fields per article");
    calls.set(0);
    let _ = index.search("Café ＡＩ 数字", &counting);
    assert_eq!(calls.get(), 1);
    calls.set(0);
    let q = Query::parse("cafe", &nfkd);
    let _ = highlight("数字 café ＡＩ café, ＡＩ", &q, &counting);
    assert_eq!(calls.get(), 3, "é, Ａ and Ｉ, once each");
}

#[test]
fn odd_input_does_not_panic() {
    let index = sample_index();
    for q in [
        "\u{301}",
        "\u{0}",
        "a\u{301}\u{301}\u{301}",
        "\u{1100}\u{1161}",
        "𠀀𠀁",
        "数",
        "ﾞ",
        "\u{10FFFF}",
        &"数字".repeat(500),
        &"a ".repeat(500),
    ] {
        let _ = index.search(q, &nfkd);
        let query = Query::parse(q, &nfkd);
        let _ = highlight(q, &query, &nfkd);
        let _ = snippet(q, &query, 10, &nfkd);
    }
    // A normaliser that misbehaves does not break anything either.
    let odd = |_: &str| "\u{301}数".to_owned();
    let q = Query::parse("x", &odd);
    let _ = highlight("é x", &q, &odd);
    let sample = Catalogue::from_json(SAMPLE).unwrap();
    let _ = SearchIndex::build(&sample, "", &odd).search("数", &odd);
}
