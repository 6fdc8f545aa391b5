//! The table of contents, issue pages and the keyword index, on the sample
//! catalogue.

use catalogue::{Catalogue, IssueKey, Lang, fold_keyword, issue_label, journal_key};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");

fn ids(articles: &[&catalogue::Article]) -> Vec<String> {
    articles.iter().map(|a| a.id().to_string()).collect()
}

#[test]
fn contents_group_by_journal_then_issue_newest_first() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let toc = c.table_of_contents();
    let journals: Vec<&str> = toc
        .iter()
        .map(|j| j.journal.title().pick(Lang::En).unwrap().text)
        .collect();
    assert_eq!(
        journals,
        ["Teaching and Research", "Sample Journal (fictitious)"]
    );
    let sample: Vec<String> = toc[1]
        .issues
        .iter()
        .map(|i| issue_label(&i.key, Lang::En))
        .collect();
    assert_eq!(
        sample,
        ["2025, Vol. 1, Issue (2)", "2025, Vol. 1, Issue (1)"]
    );
    assert_eq!(
        ids(&toc[1].issues[1].articles),
        ["sample-2025-1-1-1", "sample-2025-1-1-9"]
    );
    assert_eq!(ids(&toc[0].issues[0].articles), ["2024-58-6-95"]);
}

#[test]
fn an_issue_is_found_by_its_key_and_others_are_not() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let seed = c.article("2024-58-6-95").unwrap();
    let key = IssueKey::of(seed);
    assert_eq!(key.journal.as_deref(), Some("0257-2826"));
    let issue = c.issue(&key).unwrap();
    assert_eq!(ids(&issue.articles), ["2024-58-6-95"]);
    assert_eq!(journal_key(issue.journal), "0257-2826");
    let other_journal = IssueKey {
        journal: None,
        ..key.clone()
    };
    assert!(c.issue(&other_journal).is_none());
    let other_issue = IssueKey {
        issue: Some("7".into()),
        ..key
    };
    assert!(c.issue(&other_issue).is_none());
}

#[test]
fn keyword_index_pairs_languages_and_counts_articles() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let index = c.keyword_index(Lang::En, fold_keyword);
    let find = |name: &str| {
        index
            .iter()
            .find(|e| e.forms.iter().any(|(_, f)| f == name))
            .unwrap_or_else(|| panic!("{name} not in the index"))
    };
    let diplomacy = find("digital diplomacy");
    assert_eq!(diplomacy.form(Lang::Zh), Some("数字外交"));
    assert_eq!(
        ids(&diplomacy.articles),
        ["2024-58-6-95", "sample-2025-1-1-1"]
    );
    // The Chinese-only article's 网络外交 joins the seed's cyber diplomacy.
    let cyber = find("cyber diplomacy");
    assert_eq!(cyber.form(Lang::Zh), Some("网络外交"));
    assert_eq!(ids(&cyber.articles), ["2024-58-6-95", "sample-2025-1-2-1"]);
    // "sample data" is paired with 示例数据 by one article and alone in another.
    let sample = find("sample data");
    assert_eq!(sample.form(Lang::Zh), Some("示例数据"));
    assert_eq!(sample.articles.len(), 3);
    // An unpaired keyword stands alone.
    let inline = find("inline formatting");
    assert_eq!(inline.form(Lang::Zh), None);
    assert_eq!(inline.name(Lang::Zh), "inline formatting");
    // Each keyword appears in one entry only, and entries are sorted by name.
    let names: Vec<&str> = index.iter().map(|e| e.name(Lang::En)).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| fold_keyword(n));
    assert_eq!(names, sorted);
    assert_eq!(index.len(), 7, "{names:?}");
    // In Chinese, keywords with a Chinese form come first.
    let zh_index = c.keyword_index(Lang::Zh, fold_keyword);
    let zh: Vec<&str> = zh_index.iter().map(|e| e.name(Lang::Zh)).collect();
    assert_eq!(zh.first(), Some(&"中国特色数字外交"), "{zh:?}");
    assert_eq!(zh.last(), Some(&"inline formatting"), "{zh:?}");
}

#[test]
fn a_keyword_entry_is_found_by_any_of_its_forms() {
    let c = Catalogue::from_json(SAMPLE).unwrap();
    let entry = c
        .keyword_entry("ＣＹＢＥＲ diplomacy", fold_keyword)
        .unwrap();
    assert_eq!(entry.name(Lang::Zh), "网络外交");
    assert!(c.keyword_entry("nothing like this", fold_keyword).is_none());
    assert!(c.keyword_entry("", fold_keyword).is_none());
}
