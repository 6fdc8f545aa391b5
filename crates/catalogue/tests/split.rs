//! The split form (`docs/split-catalogue.md`): a root that names a folder of
//! parts, one part per article with its neighbours, and the whole file.

use catalogue::{
    Catalogue, IssueList, KeywordSummary, Lang, SPLIT_FORMAT, fold_keyword, keyword_from_json,
    keywords_from_json, sort_keywords, split_catalogue,
};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");
const FOLDER: &str = "catalogue/0123abcd/";

fn whole() -> Catalogue {
    Catalogue::from_json(SAMPLE).unwrap()
}

fn ids(c: &Catalogue) -> Vec<&str> {
    c.articles().iter().map(|a| a.id().as_str()).collect()
}

#[test]
fn the_root_names_the_parts_and_lists_no_article() {
    let whole = whole();
    let files = split_catalogue(SAMPLE, &whole, FOLDER, &fold_keyword).unwrap();
    let root = Catalogue::from_json(&files.root).unwrap();
    assert!(root.articles().is_empty());
    assert_eq!(root.journal(), whole.journal());
    let split = root.split().expect("a split root");
    assert_eq!(split.folder(), FOLDER);
    assert_eq!(split.article_count(), whole.articles().len());
    assert_eq!(split.complete_file(), "catalogue/0123abcd/complete.json");
    assert_eq!(
        split.article_file("2024-58-6-95"),
        "catalogue/0123abcd/article/2024-58-6-95.json"
    );
    assert!(files.root.contains(SPLIT_FORMAT));
    // Writing the root back keeps its split.
    assert_eq!(Catalogue::from_json(&root.to_json()).unwrap(), root);
}

#[test]
fn each_article_part_holds_it_and_its_neighbours_unchanged() {
    let whole = whole();
    let files = split_catalogue(SAMPLE, &whole, FOLDER, &fold_keyword).unwrap();
    let article_parts = files
        .parts
        .iter()
        .filter(|(p, _)| p.starts_with(&format!("{FOLDER}article/")))
        .count();
    assert_eq!(article_parts, whole.articles().len());
    let (complete_path, complete) = &files.parts[0];
    assert_eq!(complete_path, "catalogue/0123abcd/complete.json");
    assert_eq!(complete, SAMPLE, "the whole file, byte for byte");
    for article in whole.articles() {
        let id = article.id().as_str();
        let path = format!("{FOLDER}article/{id}.json");
        let (_, text) = files
            .parts
            .iter()
            .find(|(p, _)| *p == path)
            .unwrap_or_else(|| panic!("no part {path}"));
        let part = Catalogue::from_json(text).unwrap();
        assert!(part.split().is_none());
        assert_eq!(part.journal(), whole.journal());
        assert_eq!(part.article(id), Some(article), "{id} unchanged");
        assert_eq!(
            part.previous(id).map(|a| a.id()),
            whole.previous(id).map(|a| a.id())
        );
        assert_eq!(
            part.next(id).map(|a| a.id()),
            whole.next(id).map(|a| a.id())
        );
        assert!(part.articles().len() <= 3, "{:?}", ids(&part));
    }
}

#[test]
fn a_seed_part_keeps_the_seeds_own_journal() {
    let files = split_catalogue(SAMPLE, &whole(), FOLDER, &fold_keyword).unwrap();
    let (_, text) = files
        .parts
        .iter()
        .find(|(p, _)| p.ends_with("/2024-58-6-95.json"))
        .unwrap();
    let part = Catalogue::from_json(text).unwrap();
    let seed = part.article("2024-58-6-95").unwrap();
    assert_eq!(
        part.journal_of(seed).issn(),
        Some("0257-2826"),
        "the seed's journal travels with it"
    );
}

#[test]
fn an_empty_catalogue_splits_into_its_root_and_whole_file() {
    let empty = r#"{"format":"abstract-catalogue/1","journal":{"title":{"en":"Sample Journal (fictitious)"}},"articles":[]}"#;
    let files = split_catalogue(
        empty,
        &Catalogue::from_json(empty).unwrap(),
        FOLDER,
        &fold_keyword,
    )
    .unwrap();
    assert_eq!(
        files.parts.len(),
        3,
        "the whole file, an empty table of contents and keyword index"
    );
    let root = Catalogue::from_json(&files.root).unwrap();
    assert_eq!(root.split().unwrap().article_count(), 0);
}

fn root_with(split: &str, articles: &str) -> String {
    format!(
        r#"{{"format":"abstract-catalogue/1","journal":{{"title":{{"en":"Sample Journal (fictitious)"}}}},
            "articles":{articles},"split":{split}}}"#
    )
}

fn error_of(text: &str) -> String {
    Catalogue::from_json(text).unwrap_err().to_string()
}

#[test]
fn a_broken_split_object_is_refused_with_its_path() {
    let ok = r#"{"format":"abstract-catalogue-split/1","folder":"parts/","articles":2}"#;
    assert!(Catalogue::from_json(&root_with(ok, "[]")).is_ok());

    let message = error_of(&root_with(
        r#"{"format":"abstract-catalogue-split/9","folder":"parts/","articles":2}"#,
        "[]",
    ));
    assert!(
        message.contains("split.format") && message.contains("abstract-catalogue-split/9"),
        "{message}"
    );
    let message = error_of(&root_with(
        r#"{"format":"abstract-catalogue-split/1","folder":"../etc/","articles":2}"#,
        "[]",
    ));
    assert!(message.contains("split.folder"), "{message}");
    let message = error_of(&root_with(
        r#"{"format":"abstract-catalogue-split/1","folder":"parts/","articles":"two"}"#,
        "[]",
    ));
    assert!(message.contains("split.articles"), "{message}");
    let article = r#"[{"id":"a","year":2025,"title":{"en":"A"},"abstract":{"en":"A."}}]"#;
    let message = error_of(&root_with(ok, article));
    assert!(message.contains("must be []"), "{message}");
    let message = error_of(&root_with("[]", "[]"));
    assert!(message.contains("split"), "{message}");
}

#[test]
fn splitting_refuses_what_is_not_a_catalogue() {
    assert!(split_catalogue("not json", &whole(), FOLDER, &fold_keyword).is_err());
    assert!(split_catalogue("{}", &whole(), FOLDER, &fold_keyword).is_err());
    assert!(split_catalogue(SAMPLE, &whole(), "../up/", &fold_keyword).is_err());
}

#[test]
fn the_table_of_contents_and_each_issue_are_parts() {
    let whole = whole();
    let files = split_catalogue(SAMPLE, &whole, FOLDER, &fold_keyword).unwrap();
    let text = |path: &str| {
        files
            .parts
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no part {path}"))
    };
    let root = Catalogue::from_json(&files.root).unwrap();
    let split = root.split().unwrap();
    let list = IssueList::from_json(&text(&split.issues_file())).unwrap();
    let toc = whole.table_of_contents();
    assert_eq!(list.groups.len(), toc.len());
    for (group, expected) in list.groups.iter().zip(&toc) {
        assert_eq!(&group.title, expected.journal.title());
        assert_eq!(group.issues.len(), expected.issues.len());
        for (entry, issue) in group.issues.iter().zip(&expected.issues) {
            assert_eq!(entry.key, issue.key);
            assert_eq!(entry.articles, issue.articles.len());
            let part = Catalogue::from_json(&text(&split.issue_file(entry.number))).unwrap();
            let found = part.issue(&entry.key).expect("the issue is in its part");
            let ids: Vec<&str> = found.articles.iter().map(|a| a.id().as_str()).collect();
            let expected: Vec<&str> = issue.articles.iter().map(|a| a.id().as_str()).collect();
            assert_eq!(ids, expected);
            assert_eq!(list.find(&entry.key), Some(entry));
        }
    }
    assert!(IssueList::from_json("{}").is_err());
    assert!(
        IssueList::from_json(r#"{"format":"other","groups":[]}"#)
            .unwrap_err()
            .contains("other")
    );
}

fn part_text(files: &catalogue::SplitFiles, path: &str) -> Option<String> {
    files
        .parts
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, t)| t.clone())
}

/// Every keyword of every article finds its entry's file, which lists the
/// articles the whole catalogue's keyword page lists; the keyword index
/// file has every entry with its count.
fn check_keyword_files(text: &str) {
    let whole = Catalogue::from_json(text).unwrap();
    let files = split_catalogue(text, &whole, FOLDER, &fold_keyword).unwrap();
    let root = Catalogue::from_json(&files.root).unwrap();
    let split = root.split().unwrap();
    for article in whole.articles() {
        for (_, list) in article.keywords().entries() {
            for keyword in list {
                let folded = fold_keyword(keyword);
                let path = split.keyword_file(&folded);
                let file = part_text(&files, &path).unwrap_or_else(|| panic!("no {path}"));
                let found = keyword_from_json(&file, &folded)
                    .unwrap()
                    .expect("its entry");
                let expected = whole.keyword_entry(keyword, fold_keyword).unwrap();
                let ids: Vec<&str> = expected.articles.iter().map(|a| a.id().as_str()).collect();
                assert_eq!(found.ids, ids, "{keyword}");
                assert_eq!(found.forms, expected.forms, "{keyword}");
            }
        }
    }
    let list = part_text(&files, &split.keywords_file()).expect("keywords.json");
    let mut listed = keywords_from_json(&list).unwrap();
    sort_keywords(&mut listed, Lang::En, fold_keyword);
    let expected: Vec<KeywordSummary> = whole
        .keyword_index(Lang::En, fold_keyword)
        .iter()
        .map(KeywordSummary::of)
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn each_keyword_has_a_file_found_from_the_keyword_alone() {
    check_keyword_files(SAMPLE);
}

#[test]
fn every_keyword_of_a_paired_entry_finds_it_not_only_its_first_forms() {
    // "cyber diplomacy" and "digital diplomacy" both pair with 数字外交: one
    // entry, named by its first English form, found from either.
    let text = r#"{"format":"abstract-catalogue/1","journal":{"title":{"en":"Sample Journal (fictitious)"}},"articles":[
      {"id":"a1","year":2025,"title":{"en":"One"},"abstract":{"en":"A."},"keywords":{"en":["Digital Diplomacy"],"zh":["数字外交"]}},
      {"id":"a2","year":2025,"title":{"en":"Two"},"abstract":{"en":"A."},"keywords":{"en":["cyber diplomacy"],"zh":["数字外交"]}},
      {"id":"a3","year":2025,"title":{"en":"Three"},"abstract":{"en":"A."},"keywords":{"en":["ＣＹＢＥＲ diplomacy","other"]}}
    ]}"#;
    check_keyword_files(text);
    let whole = Catalogue::from_json(text).unwrap();
    let files = split_catalogue(text, &whole, FOLDER, &fold_keyword).unwrap();
    let root = Catalogue::from_json(&files.root).unwrap();
    let folded = fold_keyword("Cyber Diplomacy");
    let file = part_text(&files, &root.split().unwrap().keyword_file(&folded)).unwrap();
    let entry = keyword_from_json(&file, &folded).unwrap().unwrap();
    assert_eq!(entry.ids, ["a1", "a2", "a3"]);
    assert_eq!(entry.form(Lang::En), Some("Digital Diplomacy"));
    // A file asked for another keyword has no entry for it.
    assert_eq!(keyword_from_json(&file, "unrelated").unwrap(), None);
}

#[test]
fn damaged_keyword_files_are_refused_with_a_sentence() {
    for bad in [
        "",
        "{}",
        "[1]",
        r#"{"format":"abstract-catalogue-keyword/9","entries":[]}"#,
    ] {
        let why = keyword_from_json(bad, "x").unwrap_err();
        assert!(why.contains("rebuild the site"), "{why}");
        let why = keywords_from_json(bad).unwrap_err();
        assert!(why.contains("rebuild the site"), "{why}");
    }
}
