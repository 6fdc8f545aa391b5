//! One test per rule of `shared/catalogue-format.md`, version 1. Each case is
//! a small catalogue and the exact messages (path, position, words) a user
//! would read.

use catalogue::{Catalogue, DateKind, Lang, LoadError, Severity};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");

/// The smallest valid catalogue with one article; cases patch it.
fn base() -> Value {
    json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal" } },
        "articles": [ article("a1") ]
    })
}

fn article(id: &str) -> Value {
    json!({ "id": id, "year": 2024, "title": { "en": "T" }, "abstract": { "en": "A" } })
}

/// The error lines for a catalogue, or an empty list if it loads.
fn errors(catalogue: &Value) -> Vec<String> {
    let text = serde_json::to_string_pretty(catalogue).unwrap();
    errors_of_text(&text)
}

fn errors_of_text(text: &str) -> Vec<String> {
    match Catalogue::from_json(text) {
        Ok(_) => Vec::new(),
        Err(LoadError::Contract(diags)) => diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect(),
        Err(other) => vec![other.to_string()],
    }
}

fn with_article(patch: impl FnOnce(&mut Value)) -> Value {
    let mut c = base();
    patch(&mut c["articles"][0]);
    c
}

fn load(c: &Value) -> Catalogue {
    Catalogue::from_json(&c.to_string()).expect("catalogue should load")
}

#[test]
fn the_sample_catalogue_loads() {
    let c = Catalogue::from_json(SAMPLE).expect("public/catalogue.json must load");
    assert!(c.articles().len() >= 4, "navigation needs several articles");
}

#[test]
fn the_seed_article_is_transcribed_with_its_gaps() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let seed = c.article("2024-58-6-95").expect("seed article");
    let journal = c.journal_of(seed);
    assert_eq!(
        journal.title().get(Lang::En),
        Some(("en", "Teaching and Research"))
    );
    assert_eq!(journal.title().get(Lang::Zh), Some(("zh", "教学与研究")));
    assert_eq!(
        (journal.issn(), journal.cn()),
        (Some("0257-2826"), Some("11-1454/G4"))
    );
    assert_eq!(
        (seed.year(), seed.volume(), seed.issue(), seed.pages()),
        (2024, Some("58"), Some("6"), Some("95-105"))
    );
    // Gaps stay gaps: no Chinese title, no English author names, no funding.
    assert_eq!(seed.title().get(Lang::Zh), None);
    assert!(
        seed.authors()
            .iter()
            .all(|a| a.name().get(Lang::En).is_none())
    );
    assert!(seed.funding().is_empty());
    let names: Vec<_> = seed
        .authors()
        .iter()
        .map(|a| a.name().get(Lang::Zh).unwrap().1)
        .collect();
    assert_eq!(names, ["韩笑", "吴志成"]);
    assert_eq!(seed.authors()[1].affiliations(), [2]);
    // The stray punctuation of the Chinese affiliation line is kept.
    assert_eq!(
        seed.affiliations()[0].name().get(Lang::Zh).unwrap().1,
        "中国政法大学政治与公共管理学院)"
    );
    assert!(
        seed.affiliations()[1]
            .name()
            .get(Lang::Zh)
            .unwrap()
            .1
            .ends_with('。')
    );
    // Published before Online, as on the page.
    assert_eq!(
        seed.dates().get(DateKind::Online).unwrap().to_string(),
        "2024-06-16"
    );
    assert_eq!(
        seed.dates().get(DateKind::Published).unwrap().to_string(),
        "2024-06-14"
    );
    let (_, en, _) = seed.keywords().pick(Lang::En).unwrap();
    let (_, zh, _) = seed.keywords().pick(Lang::Zh).unwrap();
    assert_eq!(
        (en[0].as_str(), zh[0].as_str()),
        ("digital globalization", "数字全球化")
    );
    assert_eq!(en.len(), zh.len());
    assert!(
        seed.abstract_text()
            .get(Lang::En)
            .unwrap()
            .1
            .starts_with("With the deepening application")
    );
    assert!(
        seed.abstract_text()
            .get(Lang::Zh)
            .unwrap()
            .1
            .ends_with("构建公正和谐的国际数字空间新秩序。")
    );
}

#[test]
fn fictitious_articles_are_never_in_the_real_journal() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    for a in c
        .articles()
        .iter()
        .filter(|a| a.id().as_str() != "2024-58-6-95")
    {
        let title = c.journal_of(a).title().get(Lang::En).unwrap().1;
        assert!(title.contains("fictitious"), "{} is in {title}", a.id());
    }
}

#[test]
fn previous_and_next_follow_file_order() {
    let mut c = base();
    c["articles"] = json!([article("a"), article("b"), article("c")]);
    let c = load(&c);
    assert_eq!(c.previous("a").map(|a| a.id().as_str()), None);
    assert_eq!(c.next("a").map(|a| a.id().as_str()), Some("b"));
    assert_eq!(c.previous("c").map(|a| a.id().as_str()), Some("b"));
    assert_eq!(c.next("c").map(|a| a.id().as_str()), None);
    assert!(c.article("zzz").is_none());
    assert!(c.article("../etc").is_none());
}

#[test]
fn keyword_pages_match_across_case_width_and_language() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let ids = |k: &str| {
        c.keyword_entry(k, catalogue::fold_keyword)
            .map(|e| e.articles)
            .unwrap_or_default()
            .iter()
            .map(|a| a.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids("digital diplomacy"),
        ["2024-58-6-95", "sample-2025-1-1-1"]
    );
    assert_eq!(ids("Digital  DIPLOMACY"), ids("digital diplomacy"));
    assert_eq!(
        ids("ｄｉｇｉｔａｌ ｄｉｐｌｏｍａｃｙ"),
        ids("digital diplomacy")
    );
    assert_eq!(ids("数字外交"), ["2024-58-6-95", "sample-2025-1-1-1"]);
    assert_eq!(ids("网络外交"), ["2024-58-6-95", "sample-2025-1-2-1"]);
    assert!(
        ids("diplomacy").is_empty(),
        "a keyword page matches whole keywords"
    );
    assert!(ids("  ").is_empty());
}

#[test]
fn an_empty_article_list_loads() {
    let mut c = base();
    c["articles"] = json!([]);
    assert!(load(&c).articles().is_empty());
}

#[test]
fn unknown_fields_are_ignored() {
    let mut c = with_article(|a| a["x-future"] = json!({"anything": [1, 2]}));
    c["generator"] = json!("some tool 1.0");
    assert_eq!(errors(&c), Vec::<String>::new());
}

#[test]
fn format_must_be_version_1() {
    let v2 = "{\n  \"format\": \"abstract-catalogue/2\",\n  \"journal\": {},\n  \"articles\": 1\n}";
    // Only the format is reported: another version may mean anything.
    assert_eq!(
        errors_of_text(v2),
        [
            r#"format (line 2, column 13): unsupported format "abstract-catalogue/2"; this reader reads "abstract-catalogue/1""#
        ]
    );
    let mut c = base();
    c.as_object_mut().unwrap().remove("format");
    assert_eq!(
        errors(&c),
        [r#"format (line 1, column 1): missing; add "format": "abstract-catalogue/1""#]
    );
}

#[test]
fn not_json_names_line_and_column() {
    assert_eq!(
        errors_of_text("{\n  \"format\": \"abstract-catalogue/1\",\n  \"journal\": }"),
        ["The catalogue is not valid JSON: expected value at line 3, column 14."]
    );
    assert_eq!(
        errors_of_text("{\"format\": \"abstract-catalogue/1\",\n"),
        [
            "The catalogue is not valid JSON: EOF while parsing a value at line 2, column 1. The file ends too early: it may have been cut off."
        ]
    );
    let html = Catalogue::from_json("<!DOCTYPE html><html>Not found</html>").unwrap_err();
    assert!(matches!(
        html,
        LoadError::Syntax {
            looks_like_html: true,
            ..
        }
    ));
    assert!(html.to_string().contains("HTML page, not JSON"));
}

#[test]
fn a_top_level_that_is_not_an_object_is_refused() {
    assert_eq!(
        errors(&json!([1, 2])),
        ["(top level) (line 1, column 1): expected a catalogue (an object), found a list"]
    );
}

#[test]
fn required_fields_are_reported_together() {
    let c = r#"{
  "format": "abstract-catalogue/1",
  "journal": {},
  "articles": [
    { "id": "a" },
    {
      "year": "2024",
      "title": {"en": ""},
      "abstract": "text"
    }
  ]
}"#;
    assert_eq!(
        errors_of_text(c),
        [
            r#"journal.title (line 3, column 14): missing; give the journal's title, such as {"en": "…"}"#,
            r#"articles[0].year (line 5, column 5): missing; give the year of publication, such as 2024"#,
            r#"articles[0].title (line 5, column 5): missing; give the title, such as {"en": "…"}"#,
            r#"articles[0].abstract (line 5, column 5): missing; give the abstract, such as {"en": "…"}"#,
            r#"articles[1].id (line 6, column 5): missing; give the article an id such as "2024-58-6-95""#,
            r#"articles[1].year (line 7, column 15): expected a whole number such as 2024, found a string"#,
            r#"articles[1].title (line 8, column 16): expected at least one language, such as {"en": "…"} or {"zh": "…"}"#,
            r#"articles[1].abstract (line 9, column 19): expected text by language, such as {"en": "…", "zh": "…"}, found a string"#,
        ]
    );
}

#[test]
fn ids_are_checked_and_unique() {
    let mut c = base();
    c["articles"] = json!([article("a"), article("a b"), article("a")]);
    let e = errors(&c);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(
        e[0].starts_with("articles[1].id") && e[0].contains("may only use A-Z"),
        "{}",
        e[0]
    );
    assert!(
        e[1].starts_with("articles[2].id")
            && e[1].contains(r#"id "a" is used again; articles[0] has it already"#),
        "{}",
        e[1]
    );
}

#[test]
fn text_needs_language_tags_and_strings() {
    let c = with_article(|a| a["title"] = json!({ "english": "ok", "en_US!": "bad", "zh": 5 }));
    let e = errors(&c);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(
        e[0].starts_with(r#"articles[0].title["en_US!"]"#) && e[0].contains("not a language tag")
    );
    assert!(
        e[1].starts_with("articles[0].title.zh")
            && e[1].ends_with("expected a string, found a number")
    );
}

#[test]
fn language_tags_beyond_en_and_zh_are_kept() {
    let c =
        load(&with_article(
            |a| a["title"] = json!({ "zh-Hans": "标题", "fr": "Titre", "en-US": "Title" }),
        ));
    let t = c.articles()[0].title();
    assert_eq!(t.get(Lang::Zh), Some(("zh-Hans", "标题")));
    assert_eq!(t.get(Lang::En), Some(("en-US", "Title")));
    assert_eq!(t.entries().count(), 3);
}

#[test]
fn author_affiliations_must_exist() {
    let c = with_article(|a| {
        a["affiliations"] =
            json!([{ "id": 1, "name": { "en": "X" } }, { "id": 1, "name": { "en": "Y" } }]);
        a["authors"] = json!([{ "name": { "zh": "韩笑" }, "affiliations": [1, 3, "2"] }, { "affiliations": [] }]);
    });
    let e = errors(&c);
    assert_eq!(e.len(), 4, "{e:#?}");
    assert!(e[0].starts_with("articles[0].affiliations[1].id") && e[0].contains("numbered twice"));
    assert!(
        e[1].starts_with("articles[0].authors[0].affiliations[1]")
            && e[1].ends_with(
                "affiliation 3 does not exist; the article's affiliations are numbered 1"
            )
    );
    assert!(
        e[2].starts_with("articles[0].authors[0].affiliations[2]")
            && e[2].contains("found a string")
    );
    assert!(e[3].starts_with("articles[0].authors[1].name") && e[3].contains("missing"));
}

#[test]
fn author_details_load() {
    let c = load(&with_article(|a| {
        a["affiliations"] = json!([{ "id": 1, "name": { "en": "X" } }]);
        a["authors"] = json!([{ "name": { "en": "A" }, "affiliations": [1], "orcid": "0000-0002-1825-0097",
                                "email": "a@example.org", "corresponding": true, "bio": { "en": "Note" } }]);
    }));
    let author = &c.articles()[0].authors()[0];
    assert_eq!(
        (author.orcid(), author.email(), author.is_corresponding()),
        (Some("0000-0002-1825-0097"), Some("a@example.org"), true)
    );
    assert_eq!(
        author.bio().and_then(|b| b.get(Lang::En)),
        Some(("en", "Note"))
    );
}

#[test]
fn dates_take_three_precisions_and_nothing_else() {
    let ok = load(&with_article(
        |a| a["dates"] = json!({ "received": "2023", "accepted": "2023-11", "published": "2024-06-14", "online": null }),
    ));
    let kinds: Vec<_> = ok.articles()[0]
        .dates()
        .iter()
        .map(|(k, d)| format!("{}={d}", k.key()))
        .collect();
    assert_eq!(
        kinds,
        ["received=2023", "accepted=2023-11", "published=2024-06-14"]
    );
    let e = errors(&with_article(|a| {
        a["dates"] = json!({ "online": "16/06/2024", "published": 2024 })
    }));
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(
        e[0].starts_with("articles[0].dates.online")
            && e[0].contains("expected a date as YYYY-MM-DD")
    );
    assert!(e[1].starts_with("articles[0].dates.published") && e[1].contains("found a number"));
}

#[test]
fn optional_strings_and_doi() {
    let c = load(&with_article(|a| {
        a["volume"] = json!("S1");
        a["pages"] = json!("e1234");
        a["doi"] = json!("10.1234/abc");
    }));
    assert_eq!(
        (
            c.articles()[0].volume(),
            c.articles()[0].pages(),
            c.articles()[0].doi()
        ),
        (Some("S1"), Some("e1234"), Some("10.1234/abc"))
    );
    let e = errors(&with_article(|a| {
        a["volume"] = json!(58);
        a["doi"] = json!("https://doi.org/10.1234/abc");
    }));
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(e[0].contains(r#"expected a string such as "58", found a number"#));
    assert!(e[1].contains("is not a bare DOI"));
}

#[test]
fn funding_and_keywords() {
    let c = load(&with_article(|a| {
        a["funding"] = json!([{ "name": { "zh": "国家社会科学基金" }, "award": "21BGJ001" }]);
        a["keywords"] = json!({ "en": ["a", "b"], "zh": ["甲", "乙"] });
    }));
    let art = &c.articles()[0];
    assert_eq!(art.funding()[0].award(), Some("21BGJ001"));
    assert_eq!(
        art.keywords()
            .pick(Lang::Zh)
            .map(|(t, l, f)| (t, l.len(), f)),
        Some(("zh", 2, false))
    );
    let e = errors(&with_article(|a| {
        a["funding"] = json!([{ "award": "x" }]);
        a["keywords"] = json!({ "en": "a, b", "zh": ["甲", 2] });
    }));
    assert_eq!(e.len(), 3, "{e:#?}");
    assert!(e[0].starts_with("articles[0].funding[0].name"));
    assert!(
        e[1].starts_with("articles[0].keywords.en") && e[1].contains("expected a list of keywords")
    );
    assert!(e[2].starts_with("articles[0].keywords.zh[1]"));
}

#[test]
fn an_article_journal_overrides_the_collection() {
    let c =
        load(&with_article(
            |a| a["journal"] = json!({ "title": { "zh": "教学与研究" }, "issn": "0257-2826" }),
        ));
    let art = &c.articles()[0];
    assert_eq!(c.journal_of(art).issn(), Some("0257-2826"));
    assert_eq!(
        c.journal().title().get(Lang::En),
        Some(("en", "Sample Journal"))
    );
}

#[test]
fn no_input_panics() {
    let nested = "[".repeat(100_000);
    for text in [
        "",
        "\u{feff}",
        "null",
        "\"x\"",
        "{}",
        &nested,
        "\u{0}\u{1}\u{2}garbage",
        "{\"format\":\"abstract-catalogue/1\",\"journal\":{\"title\":{\"en\":\"J\"}},\"articles\":[null, 1, \"x\", []]}",
    ] {
        let result = std::panic::catch_unwind(|| Catalogue::from_json(text));
        assert!(matches!(result, Ok(Err(_))), "{text:.40?}");
    }
}

#[test]
fn a_byte_order_mark_is_allowed() {
    let text = format!("\u{feff}{}", base());
    assert!(Catalogue::from_json(&text).is_ok());
}
