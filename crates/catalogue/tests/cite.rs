//! Citations in every style, string by string. The expected strings were
//! written by hand from the rules cited at the top of `src/cite.rs`, not
//! copied from the output.
//!
//! Cases: the seed article (Chinese names only, English title only, no
//! DOI), five fictitious authors with a DOI, a Chinese-only article with an
//! article number, an English-only one with inline markup, no pages, an
//! issue without a volume, the minimum an article can have, many authors,
//! BibTeX escaping and odd input.

use catalogue::cite::{CiteStyle, citation_key, cite};
use catalogue::{Catalogue, Lang};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");
const SEED_URL: &str = "https://example.org/reader/article/2024-58-6-95/";

/// The citation of article `id` of `catalogue`.
fn of(c: &Catalogue, id: &str, style: CiteStyle, lang: Lang, url: Option<&str>) -> String {
    let article = c.article(id).expect("the article is in the catalogue");
    cite(article, c.journal_of(article), style, lang, url)
}

/// A catalogue of fictitious articles in "Sample Journal (fictitious)".
fn catalogue(articles: Value) -> Catalogue {
    let json = json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "en": "Sample Journal (fictitious)", "zh": "示例期刊（虚构）" } },
        "articles": articles,
    });
    Catalogue::from_json(&json.to_string()).expect("a valid catalogue")
}

#[test]
fn styles_describe_themselves() {
    let described: Vec<_> = CiteStyle::ALL
        .iter()
        .map(|s| (s.name(), s.key(), s.file_extension(), s.mime_type()))
        .collect();
    assert_eq!(
        described,
        [
            ("GB/T 7714-2015", "gbt7714", None, None),
            ("APA 7", "apa", None, None),
            ("MLA 9", "mla", None, None),
            ("Chicago", "chicago", None, None),
            (
                "BibTeX",
                "bibtex",
                Some("bib"),
                Some("application/x-bibtex")
            ),
            (
                "RIS",
                "ris",
                Some("ris"),
                Some("application/x-research-info-systems")
            ),
        ]
    );
}

#[test]
fn citation_keys_are_the_article_ids() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let keys: Vec<_> = c.articles().iter().map(citation_key).collect();
    assert_eq!(
        keys,
        [
            "2024-58-6-95",
            "sample-2025-1-1-1",
            "sample-2025-1-1-9",
            "sample-2025-1-2-1"
        ]
    );
}

// The seed has only Chinese author names and only an English title: both
// are used as they are in either language, and nothing is invented (no
// pinyin, no translated title). Only the journal title changes language.
#[test]
fn seed_article_gbt7714() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "2024-58-6-95";
    assert_eq!(
        of(&c, id, CiteStyle::GbT7714, Lang::Zh, Some(SEED_URL)),
        "韩笑, 吴志成. Chinese Characteristics and Practice of Digital Diplomacy[J]. 教学与研究, 2024, 58(6): 95-105."
    );
    assert_eq!(
        of(&c, id, CiteStyle::GbT7714, Lang::En, Some(SEED_URL)),
        "韩笑, 吴志成. Chinese Characteristics and Practice of Digital Diplomacy[J]. Teaching and Research, 2024, 58(6): 95-105."
    );
}

#[test]
fn seed_article_apa_mla_chicago() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "2024-58-6-95";
    let en = |style| of(&c, id, style, Lang::En, Some(SEED_URL));
    let zh = |style| of(&c, id, style, Lang::Zh, Some(SEED_URL));
    assert_eq!(
        en(CiteStyle::Apa),
        "韩笑 & 吴志成. (2024). Chinese Characteristics and Practice of Digital Diplomacy. Teaching and Research, 58(6), 95–105. https://example.org/reader/article/2024-58-6-95/"
    );
    assert_eq!(
        zh(CiteStyle::Apa),
        "韩笑 & 吴志成. (2024). Chinese Characteristics and Practice of Digital Diplomacy. 教学与研究, 58(6), 95–105. https://example.org/reader/article/2024-58-6-95/"
    );
    assert_eq!(
        en(CiteStyle::Mla),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” Teaching and Research, vol. 58, no. 6, 2024, pp. 95–105, example.org/reader/article/2024-58-6-95/."
    );
    assert_eq!(
        zh(CiteStyle::Mla),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” 教学与研究, vol. 58, no. 6, 2024, pp. 95–105, example.org/reader/article/2024-58-6-95/."
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” Teaching and Research 58, no. 6 (2024): 95–105. https://example.org/reader/article/2024-58-6-95/."
    );
    assert_eq!(
        zh(CiteStyle::Chicago),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” 教学与研究 58, no. 6 (2024): 95–105. https://example.org/reader/article/2024-58-6-95/."
    );
}

#[test]
fn seed_article_bibtex_and_ris() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "2024-58-6-95";
    assert_eq!(
        of(&c, id, CiteStyle::Bibtex, Lang::Zh, Some(SEED_URL)),
        "@article{2024-58-6-95,
  author = {韩笑 and 吴志成},
  title = {Chinese Characteristics and Practice of Digital Diplomacy},
  journal = {教学与研究},
  year = {2024},
  volume = {58},
  number = {6},
  pages = {95--105},
  url = {https://example.org/reader/article/2024-58-6-95/},
  issn = {0257-2826}
}
"
    );
    assert_eq!(
        of(&c, id, CiteStyle::Bibtex, Lang::En, None),
        "@article{2024-58-6-95,
  author = {韩笑 and 吴志成},
  title = {Chinese Characteristics and Practice of Digital Diplomacy},
  journal = {Teaching and Research},
  year = {2024},
  volume = {58},
  number = {6},
  pages = {95--105},
  issn = {0257-2826}
}
"
    );
    assert_eq!(
        of(&c, id, CiteStyle::Ris, Lang::En, Some(SEED_URL)),
        "TY  - JOUR
AU  - 韩笑
AU  - 吴志成
TI  - Chinese Characteristics and Practice of Digital Diplomacy
T2  - Teaching and Research
PY  - 2024
VL  - 58
IS  - 6
SP  - 95
EP  - 105
UR  - https://example.org/reader/article/2024-58-6-95/
SN  - 0257-2826
LA  - en
ER  - \n"
    );
    assert_eq!(
        of(&c, id, CiteStyle::Ris, Lang::Zh, None),
        "TY  - JOUR
AU  - 韩笑
AU  - 吴志成
TI  - Chinese Characteristics and Practice of Digital Diplomacy
T2  - 教学与研究
PY  - 2024
VL  - 58
IS  - 6
SP  - 95
EP  - 105
SN  - 0257-2826
LA  - en
ER  - \n"
    );
}

#[test]
fn seed_article_without_a_url_ends_at_the_pages() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "2024-58-6-95";
    let en = |style| of(&c, id, style, Lang::En, None);
    assert_eq!(
        en(CiteStyle::Apa),
        "韩笑 & 吴志成. (2024). Chinese Characteristics and Practice of Digital Diplomacy. Teaching and Research, 58(6), 95–105."
    );
    assert_eq!(
        en(CiteStyle::Mla),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” Teaching and Research, vol. 58, no. 6, 2024, pp. 95–105."
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        "韩笑 and 吴志成. “Chinese Characteristics and Practice of Digital Diplomacy.” Teaching and Research 58, no. 6 (2024): 95–105."
    );
}

fn five_authors() -> Catalogue {
    let names = [
        ("Anne-Marie Example", "示例甲"),
        ("Bruno Sample", "示例乙"),
        ("Chloé Placeholder", "示例丙"),
        ("Fictitious, Dmitri", "示例丁"),
        ("Eve B. Dummy", "示例戊"),
    ];
    let authors: Vec<_> = names
        .iter()
        .map(|(en, zh)| json!({ "name": { "en": en, "zh": zh } }))
        .collect();
    catalogue(json!([{
        "id": "five", "year": 2023, "volume": "7", "issue": "2", "pages": "101-120",
        "doi": "10.1234/sample.5",
        "title": { "en": "A Fictitious Survey of CO<sub>2</sub> Terms", "zh": "二氧化碳术语的虚构调查" },
        "abstract": { "en": "Fictitious." },
        "authors": authors
    }]))
}

#[test]
fn five_authors_with_a_doi() {
    let c = five_authors();
    let url = Some("https://example.org/reader/article/five/");
    let en = |style| of(&c, "five", style, Lang::En, url);
    // GB/T 7714: the first three, then `et al` (English) or `等` (Chinese).
    assert_eq!(
        en(CiteStyle::GbT7714),
        "EXAMPLE A M, SAMPLE B, PLACEHOLDER C, et al. A Fictitious Survey of CO2 Terms[J]. Sample Journal (fictitious), 2023, 7(2): 101-120. DOI:10.1234/sample.5."
    );
    assert_eq!(
        of(&c, "five", CiteStyle::GbT7714, Lang::Zh, url),
        "示例甲, 示例乙, 示例丙, 等. 二氧化碳术语的虚构调查[J]. 示例期刊（虚构）, 2023, 7(2): 101-120. DOI:10.1234/sample.5."
    );
    // APA: everyone up to 20; the DOI wins over the URL, no full stop after it.
    assert_eq!(
        en(CiteStyle::Apa),
        "Example, A.-M., Sample, B., Placeholder, C., Fictitious, D., & Dummy, E. B. (2023). A Fictitious Survey of CO2 Terms. Sample Journal (fictitious), 7(2), 101–120. https://doi.org/10.1234/sample.5"
    );
    // MLA: three or more authors are the first and et al.; 101–20 as MLA
    // shortens ranges.
    assert_eq!(
        en(CiteStyle::Mla),
        "Example, Anne-Marie, et al. “A Fictitious Survey of CO2 Terms.” Sample Journal (fictitious), vol. 7, no. 2, 2023, pp. 101–20, https://doi.org/10.1234/sample.5."
    );
    // Chicago: up to ten, only the first inverted; 101–20 by CMOS 9.61.
    assert_eq!(
        en(CiteStyle::Chicago),
        "Example, Anne-Marie, Bruno Sample, Chloé Placeholder, Dmitri Fictitious, and Eve B. Dummy. “A Fictitious Survey of CO2 Terms.” Sample Journal (fictitious) 7, no. 2 (2023): 101–20. https://doi.org/10.1234/sample.5."
    );
    assert_eq!(
        en(CiteStyle::Bibtex),
        "@article{five,
  author = {Example, Anne-Marie and Sample, Bruno and Placeholder, Chloé and Fictitious, Dmitri and Dummy, Eve B.},
  title = {A Fictitious Survey of CO2 Terms},
  journal = {Sample Journal (fictitious)},
  year = {2023},
  volume = {7},
  number = {2},
  pages = {101--120},
  doi = {10.1234/sample.5},
  url = {https://example.org/reader/article/five/}
}
"
    );
    assert_eq!(
        en(CiteStyle::Ris),
        "TY  - JOUR
AU  - Example, Anne-Marie
AU  - Sample, Bruno
AU  - Placeholder, Chloé
AU  - Fictitious, Dmitri
AU  - Dummy, Eve B.
TI  - A Fictitious Survey of CO2 Terms
T2  - Sample Journal (fictitious)
PY  - 2023
VL  - 7
IS  - 2
SP  - 101
EP  - 120
DO  - 10.1234/sample.5
UR  - https://example.org/reader/article/five/
LA  - en
ER  - \n"
    );
    // In Chinese the names are used whole in every style.
    assert_eq!(
        of(&c, "five", CiteStyle::Apa, Lang::Zh, url),
        "示例甲, 示例乙, 示例丙, 示例丁, & 示例戊. (2023). 二氧化碳术语的虚构调查. 示例期刊（虚构）, 7(2), 101–120. https://doi.org/10.1234/sample.5"
    );
    assert_eq!(
        of(&c, "five", CiteStyle::Mla, Lang::Zh, url),
        "示例甲, et al. “二氧化碳术语的虚构调查.” 示例期刊（虚构）, vol. 7, no. 2, 2023, pp. 101–20, https://doi.org/10.1234/sample.5."
    );
}

// Chinese-only title and names, an article number for pages, no DOI, and
// no URL given.
#[test]
fn chinese_only_article_with_an_article_number() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "sample-2025-1-2-1";
    let en = |style| of(&c, id, style, Lang::En, None);
    assert_eq!(
        of(&c, id, CiteStyle::GbT7714, Lang::Zh, None),
        "作者丙（占位）. 仅有中文的虚构文章：网络外交示例[J]. 示例期刊（虚构）, 2025, 1(2): e0001."
    );
    assert_eq!(
        en(CiteStyle::GbT7714),
        "作者丙（占位）. 仅有中文的虚构文章：网络外交示例[J]. Sample Journal (fictitious), 2025, 1(2): e0001."
    );
    assert_eq!(
        en(CiteStyle::Apa),
        "作者丙（占位）. (2025). 仅有中文的虚构文章：网络外交示例. Sample Journal (fictitious), 1(2), Article e0001."
    );
    assert_eq!(
        en(CiteStyle::Mla),
        "作者丙（占位）. “仅有中文的虚构文章：网络外交示例.” Sample Journal (fictitious), vol. 1, no. 2, 2025, article e0001."
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        "作者丙（占位）. “仅有中文的虚构文章：网络外交示例.” Sample Journal (fictitious) 1, no. 2 (2025): e0001."
    );
    assert_eq!(
        en(CiteStyle::Bibtex),
        "@article{sample-2025-1-2-1,
  author = {作者丙（占位）},
  title = {仅有中文的虚构文章：网络外交示例},
  journal = {Sample Journal (fictitious)},
  year = {2025},
  volume = {1},
  number = {2},
  pages = {e0001}
}
"
    );
    assert_eq!(
        en(CiteStyle::Ris),
        "TY  - JOUR
AU  - 作者丙（占位）
TI  - 仅有中文的虚构文章：网络外交示例
T2  - Sample Journal (fictitious)
PY  - 2025
VL  - 1
IS  - 2
SP  - e0001
LA  - zh
ER  - \n"
    );
}

// English-only title and name, with inline markup in the title and a
// parenthetical in the name: `Author C (placeholder)` is given name
// `Author`, family name `C`, and the remark `(placeholder)` written after
// the name.
#[test]
fn english_only_article_with_markup() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let id = "sample-2025-1-1-9";
    let url = Some("https://example.org/reader/article/sample-2025-1-1-9/");
    let en = |style| of(&c, id, style, Lang::En, url);
    let title = "Inline Formatting in Abstracts: CO2, m2 and Oryza sativa";
    assert_eq!(
        en(CiteStyle::GbT7714),
        format!("C A (placeholder). {title}[J]. Sample Journal (fictitious), 2025, 1(1): 9-15.")
    );
    assert_eq!(
        of(&c, id, CiteStyle::GbT7714, Lang::Zh, url),
        format!("C A (placeholder). {title}[J]. 示例期刊（虚构）, 2025, 1(1): 9-15.")
    );
    assert_eq!(
        en(CiteStyle::Apa),
        format!(
            "C, A. (placeholder). (2025). {title}. Sample Journal (fictitious), 1(1), 9–15. https://example.org/reader/article/sample-2025-1-1-9/"
        )
    );
    assert_eq!(
        en(CiteStyle::Mla),
        format!(
            "C, Author (placeholder). “{title}.” Sample Journal (fictitious), vol. 1, no. 1, 2025, pp. 9–15, example.org/reader/article/sample-2025-1-1-9/."
        )
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        format!(
            "C, Author (placeholder). “{title}.” Sample Journal (fictitious) 1, no. 1 (2025): 9–15. https://example.org/reader/article/sample-2025-1-1-9/."
        )
    );
    assert_eq!(
        en(CiteStyle::Bibtex),
        format!(
            "@article{{sample-2025-1-1-9,
  author = {{C, Author (placeholder)}},
  title = {{{title}}},
  journal = {{Sample Journal (fictitious)}},
  year = {{2025}},
  volume = {{1}},
  number = {{1}},
  pages = {{9--15}},
  url = {{https://example.org/reader/article/sample-2025-1-1-9/}}
}}
"
        )
    );
    assert_eq!(
        en(CiteStyle::Ris),
        format!(
            "TY  - JOUR
AU  - C, Author (placeholder)
TI  - {title}
T2  - Sample Journal (fictitious)
PY  - 2025
VL  - 1
IS  - 1
SP  - 9
EP  - 15
UR  - https://example.org/reader/article/sample-2025-1-1-9/
LA  - en
ER  - \n"
        )
    );
}

#[test]
fn no_pages_and_no_issue_drop_out() {
    let c = catalogue(json!([{
        "id": "no-pages", "year": 2023, "volume": "7", "doi": "10.1234/sample.7",
        "title": { "en": "A Study Without Pages?" }, "abstract": { "en": "Fictitious." },
        "authors": [{ "name": { "en": "Alice Example" } }]
    }]));
    let en = |style| of(&c, "no-pages", style, Lang::En, None);
    assert_eq!(
        en(CiteStyle::GbT7714),
        "EXAMPLE A. A Study Without Pages?[J]. Sample Journal (fictitious), 2023, 7. DOI:10.1234/sample.7."
    );
    assert_eq!(
        en(CiteStyle::Apa),
        "Example, A. (2023). A Study Without Pages? Sample Journal (fictitious), 7. https://doi.org/10.1234/sample.7"
    );
    assert_eq!(
        en(CiteStyle::Mla),
        "Example, Alice. “A Study Without Pages?” Sample Journal (fictitious), vol. 7, 2023, https://doi.org/10.1234/sample.7."
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        "Example, Alice. “A Study Without Pages?” Sample Journal (fictitious) 7 (2023). https://doi.org/10.1234/sample.7."
    );
    assert_eq!(
        en(CiteStyle::Bibtex),
        "@article{no-pages,
  author = {Example, Alice},
  title = {A Study Without Pages?},
  journal = {Sample Journal (fictitious)},
  year = {2023},
  volume = {7},
  doi = {10.1234/sample.7}
}
"
    );
    assert_eq!(
        en(CiteStyle::Ris),
        "TY  - JOUR
AU  - Example, Alice
TI  - A Study Without Pages?
T2  - Sample Journal (fictitious)
PY  - 2023
VL  - 7
DO  - 10.1234/sample.7
LA  - en
ER  - \n"
    );
}

#[test]
fn an_issue_without_a_volume_and_a_single_page() {
    let c = catalogue(json!([{
        "id": "issue-only", "year": 2023, "issue": "S1", "pages": "95",
        "title": { "en": "One Page" }, "abstract": { "en": "Fictitious." },
        "authors": [{ "name": { "en": "Alice Example" } }, { "name": { "en": "Bruno Sample" } }]
    }]));
    let en = |style| of(&c, "issue-only", style, Lang::En, None);
    assert_eq!(
        en(CiteStyle::GbT7714),
        "EXAMPLE A, SAMPLE B. One Page[J]. Sample Journal (fictitious), 2023(S1): 95."
    );
    assert_eq!(
        en(CiteStyle::Apa),
        "Example, A., & Sample, B. (2023). One Page. Sample Journal (fictitious), (S1), 95."
    );
    assert_eq!(
        en(CiteStyle::Mla),
        "Example, Alice, and Bruno Sample. “One Page.” Sample Journal (fictitious), no. S1, 2023, p. 95."
    );
    assert_eq!(
        en(CiteStyle::Chicago),
        "Example, Alice, and Bruno Sample. “One Page.” Sample Journal (fictitious), no. S1 (2023): 95."
    );
    assert!(en(CiteStyle::Bibtex).contains("  number = {S1},\n  pages = {95}\n}"));
    assert!(en(CiteStyle::Ris).contains("IS  - S1\nSP  - 95\nLA  - en\n"));
    assert!(!en(CiteStyle::Ris).contains("EP  -"));
}

// Only the required fields, in a language the interface does not speak:
// `pick` falls back to it, and every style still says something.
#[test]
fn the_minimum_article() {
    let json = json!({
        "format": "abstract-catalogue/1",
        "journal": { "title": { "de": "Zeitschrift" } },
        "articles": [{ "id": "min", "year": 2020, "title": { "fr": "Titre" }, "abstract": { "fr": "Résumé" } }]
    });
    let c = Catalogue::from_json(&json.to_string()).unwrap();
    for lang in Lang::ALL {
        let cite = |style| of(&c, "min", style, lang, None);
        assert_eq!(cite(CiteStyle::GbT7714), "Titre[J]. Zeitschrift, 2020.");
        assert_eq!(cite(CiteStyle::Apa), "Titre. (2020). Zeitschrift.");
        assert_eq!(cite(CiteStyle::Mla), "“Titre.” Zeitschrift, 2020.");
        assert_eq!(cite(CiteStyle::Chicago), "“Titre.” Zeitschrift (2020).");
        assert_eq!(
            cite(CiteStyle::Bibtex),
            "@article{min,\n  title = {Titre},\n  journal = {Zeitschrift},\n  year = {2020}\n}\n"
        );
        assert_eq!(
            cite(CiteStyle::Ris),
            "TY  - JOUR\nTI  - Titre\nT2  - Zeitschrift\nPY  - 2020\nLA  - fr\nER  - \n"
        );
    }
}

fn many_authors(n: usize) -> Catalogue {
    let authors: Vec<_> = (1..=n)
        .map(|i| json!({ "name": { "en": format!("Ann Example{i}") } }))
        .collect();
    catalogue(json!([{
        "id": "many", "year": 2023, "title": { "en": "Many" }, "abstract": { "en": "Fictitious." },
        "authors": authors
    }]))
}

#[test]
fn apa_lists_twenty_authors_and_shortens_more() {
    let twenty = of(&many_authors(20), "many", CiteStyle::Apa, Lang::En, None);
    assert!(twenty.starts_with("Example1, A., Example2, A., "));
    assert!(twenty.contains("Example19, A., & Example20, A. (2023)."));
    let first19: Vec<String> = (1..=19).map(|i| format!("Example{i}, A.")).collect();
    assert_eq!(
        of(&many_authors(21), "many", CiteStyle::Apa, Lang::En, None),
        format!(
            "{}, … Example21, A. (2023). Many. Sample Journal (fictitious).",
            first19.join(", ")
        )
    );
}

#[test]
fn chicago_lists_ten_authors_and_seven_of_more() {
    assert_eq!(
        of(
            &many_authors(10),
            "many",
            CiteStyle::Chicago,
            Lang::En,
            None
        ),
        "Example1, Ann, Ann Example2, Ann Example3, Ann Example4, Ann Example5, Ann Example6, Ann Example7, Ann Example8, Ann Example9, and Ann Example10. “Many.” Sample Journal (fictitious) (2023)."
    );
    assert_eq!(
        of(
            &many_authors(11),
            "many",
            CiteStyle::Chicago,
            Lang::En,
            None
        ),
        "Example1, Ann, Ann Example2, Ann Example3, Ann Example4, Ann Example5, Ann Example6, Ann Example7, et al. “Many.” Sample Journal (fictitious) (2023)."
    );
}

#[test]
fn gbt7714_lists_three_authors_in_full() {
    let c = many_authors(3);
    assert_eq!(
        of(&c, "many", CiteStyle::GbT7714, Lang::Zh, None),
        "EXAMPLE1 A, EXAMPLE2 A, EXAMPLE3 A. Many[J]. 示例期刊（虚构）, 2023."
    );
    let c = many_authors(4);
    assert_eq!(
        of(&c, "many", CiteStyle::GbT7714, Lang::En, None),
        "EXAMPLE1 A, EXAMPLE2 A, EXAMPLE3 A, et al. Many[J]. Sample Journal (fictitious), 2023."
    );
    assert_eq!(
        of(&c, "many", CiteStyle::Mla, Lang::En, None),
        "Example1, Ann, et al. “Many.” Sample Journal (fictitious), 2023."
    );
}

/// Braces must balance, counting escaped ones too (BibTeX does).
fn braces_balance(text: &str) -> bool {
    let mut depth = 0i64;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

#[test]
fn bibtex_escapes_special_characters() {
    let c = catalogue(json!([{
        "id": "odd_1", "year": 2023,
        "title": { "en": "50% of R&D: $5, #1, a_b, {x}, }{, \\, ~^" },
        "abstract": { "en": "Fictitious." },
        "authors": [{ "name": { "en": "Smith and Sons" } }, { "name": { "en": "Ann O'Brien_{x" } }]
    }]));
    let entry = of(
        &c,
        "odd_1",
        CiteStyle::Bibtex,
        Lang::En,
        Some("https://example.org/a{b}\\c%20"),
    );
    assert_eq!(
        entry,
        "@article{odd_1,
  author = {Sons, {Smith and} and O'Brien\\_\\textbraceleft{}x, Ann},
  title = {50\\% of R\\&D: \\$5, \\#1, a\\_b, \\textbraceleft{}x\\textbraceright{}, \\textbraceright{}\\textbraceleft{}, \\textbackslash{}, \\textasciitilde{}\\textasciicircum{}},
  journal = {Sample Journal (fictitious)},
  year = {2023},
  url = {https://example.org/a%7Bb%7D%5Cc%20}
}
"
    );
    assert!(braces_balance(&entry));
}

#[test]
fn ris_fields_stay_on_one_line() {
    let c = catalogue(json!([{
        "id": "lines", "year": 2023,
        "title": { "en": "Two\nlines  and\ttabs" }, "abstract": { "en": "Fictitious." },
        "authors": [{ "name": { "en": "Alice\nExample" } }]
    }]));
    let ris = of(
        &c,
        "lines",
        CiteStyle::Ris,
        Lang::En,
        Some(" https://example.org/x \n"),
    );
    assert!(ris.contains("AU  - Example, Alice\nTI  - Two lines and tabs\n"));
    assert!(ris.contains("UR  - https://example.org/x\n"));
    for line in ris.lines() {
        let tag = line.get(..6).unwrap_or_default();
        assert!(
            tag.len() == 6 && tag.ends_with("  - "),
            "bad RIS line {line:?}"
        );
    }
}

// Input that is odd but valid: markup-only text, a lone bracket, a comma
// for a name, a dash for pages, a huge and a negative year. Nothing panics
// and every style says something.
#[test]
fn odd_input_never_panics_or_comes_out_empty() {
    let c = catalogue(json!([
        {
            "id": "odd", "year": -44, "volume": "<i></i>", "issue": "<sub></sub>", "pages": "-",
            "title": { "en": "<i></i>" }, "abstract": { "en": "x" },
            "journal": { "title": { "en": "<b> </b>" } },
            "authors": [
                { "name": { "en": "(" } }, { "name": { "en": "," } }, { "name": { "en": "<i></i>" } },
                { "name": { "en": "(only a remark)" } }, { "name": { "en": "-- --" } },
                { "name": { "en": "Ann (a (nested) remark" } }, { "name": { "zh": "）（" } }
            ]
        },
        { "id": "big", "year": 9_007_199_254_740_993_i64, "pages": "–––", "title": { "zh": "。" }, "abstract": { "en": "x" } }
    ]));
    for id in ["odd", "big"] {
        for style in CiteStyle::ALL {
            for lang in Lang::ALL {
                for url in [None, Some(""), Some("https://example.org/{}")] {
                    let text = of(&c, id, style, lang, url);
                    assert!(!text.trim().is_empty(), "{id} {style:?} {lang:?}");
                    assert!(!text.contains("()"), "{id} {style:?}: {text}");
                    if style == CiteStyle::Bibtex {
                        assert!(braces_balance(&text), "{text}");
                    }
                }
            }
        }
    }
    assert_eq!(
        of(&c, "big", CiteStyle::GbT7714, Lang::En, None),
        "。[J]. Sample Journal (fictitious), 9007199254740993."
    );
}
