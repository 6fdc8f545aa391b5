//! The split form of a catalogue (`docs/split-catalogue.md`): for large
//! catalogues, `catalogue.json` holds only the journal and a `split` object
//! naming a folder of parts, so a reader opening one article downloads that
//! article, not the whole catalogue.
//!
//! ```text
//! catalogue.json                      {"format", "journal", "articles": [], "split": {…}}
//! <folder>complete.json               the whole catalogue, one file (what catalogue.json was)
//! <folder>article/<id>.json           a catalogue of that article with its previous and next
//! <folder>issues.json                 the table of contents: journals and their issues
//! <folder>issue/<n>.json              a catalogue of issue n's articles
//! <folder>keywords.json               the keyword index (`keywords.rs`)
//! <folder>keyword/<hash>.json         one keyword's entry: its forms and article ids
//! <folder>search/ids.json             the search index's ids and shard keys
//! <folder>search/<key>.json           the search index's terms starting with <key>
//! ```
//!
//! The folder's name carries a hash of the whole catalogue, so its files
//! never change under one name, and a root replaced by a single-file
//! catalogue simply no longer points at them.

mod keywords;

use serde::Deserialize;
use serde_json::{Value, json};

pub use keywords::{
    KEYWORD_FORMAT, KEYWORDS_FORMAT, KeywordArticles, KeywordSummary, keyword_file_key,
    keyword_from_json, keywords_from_json, sort_keywords,
};

use crate::browse::IssueKey;
use crate::lang::LangText;
use crate::model::Catalogue;

/// The `split.format` this reader understands.
pub const SPLIT_FORMAT: &str = "abstract-catalogue-split/1";
/// The `format` of a split catalogue's `issues.json`.
pub const ISSUES_FORMAT: &str = "abstract-catalogue-issues/1";

/// Where the parts of a split catalogue are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub(crate) folder: String,
    pub(crate) article_count: usize,
}

impl Split {
    /// The folder of the parts, relative to `catalogue.json`, ending in `/`.
    pub fn folder(&self) -> &str {
        &self.folder
    }

    /// How many articles the whole catalogue has.
    pub fn article_count(&self) -> usize {
        self.article_count
    }

    /// The whole catalogue as one file, relative to `catalogue.json`.
    pub fn complete_file(&self) -> String {
        format!("{}complete.json", self.folder)
    }

    /// The part that holds article `id` (ids are URL-safe by contract).
    pub fn article_file(&self, id: &str) -> String {
        format!("{}article/{id}.json", self.folder)
    }

    /// The table of contents ([`IssueList`]).
    pub fn issues_file(&self) -> String {
        format!("{}issues.json", self.folder)
    }

    /// Issue number `n` of the table of contents, as a catalogue.
    pub fn issue_file(&self, n: usize) -> String {
        format!("{}issue/{n}.json", self.folder)
    }

    /// The keyword index (`keywords_from_json`).
    pub fn keywords_file(&self) -> String {
        format!("{}keywords.json", self.folder)
    }

    /// The file of the keyword that folds to `folded` (`keyword_from_json`).
    pub fn keyword_file(&self, folded: &str) -> String {
        self.keyword_file_of_key(&keyword_file_key(folded))
    }

    fn keyword_file_of_key(&self, key: &str) -> String {
        format!("{}keyword/{key}.json", self.folder)
    }

    /// The split search index's ids file (`search::SearchIds`).
    pub fn search_ids_file(&self) -> String {
        format!("{}search/ids.json", self.folder)
    }

    /// The search shard of `key` (`search::SearchIds::keys_for`).
    pub fn search_shard_file(&self, key: &str) -> String {
        format!("{}search/{}", self.folder, crate::search::shard_file(key))
    }

    /// The `split` object as JSON.
    pub fn to_value(&self) -> Value {
        json!({
            "format": SPLIT_FORMAT,
            "folder": self.folder,
            "articles": self.article_count,
        })
    }
}

/// Checks a `split.folder` value: a relative path of plain segments
/// (`A-Z a-z 0-9 . _ -`) ending in `/`, so it can only name a folder of
/// the site beside `catalogue.json`.
pub(crate) fn check_folder(folder: &str) -> Result<(), String> {
    let Some(inner) = folder.strip_suffix('/') else {
        return Err(format!("{folder:?} must end with \"/\""));
    };
    let plain = |segment: &str| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    };
    if inner.split('/').all(plain) {
        Ok(())
    } else {
        Err(format!(
            "{folder:?} must be a relative folder such as \"catalogue/3f2a9c/\" \
             (letters, digits, . _ - and /, no \"..\")"
        ))
    }
}

/// Writes the parts of a split catalogue from the whole catalogue's JSON.
/// `folder` is the folder for [`Split`]; returns the root (the new
/// `catalogue.json`) and every part as (path relative to the root, text).
/// Parts are cut from the parsed JSON, not re-encoded, so every field an
/// article has — unknown ones included — reaches its part unchanged.
/// Keywords are matched as `fold_keyword` folds them (the reader folds a
/// keyword the same way to find its file).
pub fn split_catalogue(
    whole: &str,
    catalogue: &Catalogue,
    folder: &str,
    fold_keyword: &dyn Fn(&str) -> String,
) -> Result<SplitFiles, String> {
    check_folder(folder)?;
    let mut value: Value =
        serde_json::from_str(whole).map_err(|e| format!("not JSON: {e} (check it first)"))?;
    let root = value
        .as_object_mut()
        .ok_or("the catalogue is not a JSON object (check it first)")?;
    // The root keeps every top-level field but the articles.
    let Some(Value::Array(articles)) = root.insert("articles".into(), json!([])) else {
        return Err("the catalogue has no list of articles (check it first)".into());
    };
    let journal = root
        .get("journal")
        .cloned()
        .ok_or("the catalogue has no journal (check it first)")?;
    let split = Split {
        folder: folder.to_owned(),
        article_count: articles.len(),
    };
    root.insert("split".into(), split.to_value());
    let mut parts = Vec::with_capacity(articles.len() + 1);
    parts.push((split.complete_file(), whole.to_owned()));
    for (i, article) in articles.iter().enumerate() {
        let id = article
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("articles[{i}] has no id (check it first)"))?;
        let start = i.saturating_sub(1);
        let end = (i + 2).min(articles.len());
        let part = json!({
            "format": crate::FORMAT,
            "journal": &journal,
            "articles": &articles[start..end],
        });
        parts.push((split.article_file(id), part.to_string()));
    }
    if articles.len() != catalogue.articles().len() {
        return Err("the catalogue text and the checked catalogue differ".into());
    }
    // The table of contents, and each issue as a catalogue.
    let mut groups = Vec::new();
    let mut number = 0;
    for group in catalogue.table_of_contents() {
        let mut issues = Vec::new();
        for issue in &group.issues {
            let chosen: Vec<&Value> = issue
                .articles
                .iter()
                .filter_map(|a| catalogue.position(a.id().as_str()))
                .filter_map(|i| articles.get(i))
                .collect();
            let part = json!({
                "format": crate::FORMAT,
                "journal": &journal,
                "articles": chosen,
            });
            parts.push((split.issue_file(number), part.to_string()));
            let key = &issue.key;
            issues.push(json!({
                "j": key.journal, "y": key.year, "v": key.volume, "n": key.issue,
                "articles": issue.articles.len(),
            }));
            number += 1;
        }
        let title: serde_json::Map<String, Value> = group
            .journal
            .title()
            .entries()
            .map(|(tag, text)| (tag.to_owned(), Value::String(text.to_owned())))
            .collect();
        groups.push(json!({ "title": title, "issues": issues }));
    }
    let list = json!({ "format": ISSUES_FORMAT, "groups": groups });
    parts.push((split.issues_file(), list.to_string()));
    let (entries, by_folded) = catalogue.keyword_groups(fold_keyword);
    let (index, files) = keywords::keyword_files(&entries, &by_folded);
    parts.push((split.keywords_file(), index));
    for (key, text) in files {
        parts.push((split.keyword_file_of_key(&key), text));
    }
    Ok(SplitFiles {
        root: value.to_string(),
        parts,
    })
}

/// A split catalogue's table of contents (`issues.json`): journals in the
/// order of their first article, each with its issues newest first, as
/// [`Catalogue::table_of_contents`] orders them. Issues are numbered in
/// that order across journals; issue `n`'s articles are in
/// [`Split::issue_file`]`(n)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueList {
    pub groups: Vec<IssueGroup>,
}

/// One journal's issues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueGroup {
    pub title: LangText,
    pub issues: Vec<IssueEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueEntry {
    pub key: IssueKey,
    /// How many articles the issue has.
    pub articles: usize,
    /// Its number, for [`Split::issue_file`].
    pub number: usize,
}

#[derive(Deserialize)]
struct IssuesWire {
    format: String,
    groups: Vec<GroupWire>,
}

#[derive(Deserialize)]
struct GroupWire {
    title: std::collections::BTreeMap<String, String>,
    issues: Vec<EntryWire>,
}

#[derive(Deserialize)]
struct EntryWire {
    j: Option<String>,
    y: i64,
    v: Option<String>,
    n: Option<String>,
    articles: usize,
}

impl IssueList {
    /// Reads `issues.json`; the error is a sentence for the site owner.
    pub fn from_json(text: &str) -> Result<IssueList, String> {
        let wire: IssuesWire = serde_json::from_str(text)
            .map_err(|e| format!("the table of contents is damaged ({e}); rebuild the site"))?;
        check_format("the table of contents", &wire.format, ISSUES_FORMAT)?;
        let mut number = 0;
        let groups = wire
            .groups
            .into_iter()
            .map(|g| IssueGroup {
                title: LangText::from_entries(g.title.into_iter().collect()),
                issues: g
                    .issues
                    .into_iter()
                    .map(|e| {
                        number += 1;
                        IssueEntry {
                            key: IssueKey {
                                journal: e.j,
                                year: e.y,
                                volume: e.v,
                                issue: e.n,
                            },
                            articles: e.articles,
                            number: number - 1,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(IssueList { groups })
    }

    /// The entry of the issue with `key`.
    pub fn find(&self, key: &IssueKey) -> Option<&IssueEntry> {
        self.groups
            .iter()
            .flat_map(|g| &g.issues)
            .find(|e| e.key == *key)
    }
}

/// A split file's `format` must be the one this reader reads.
fn check_format(what: &str, found: &str, expected: &str) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!(
            "{what} has format {found:?}, but this reader reads {expected:?}; rebuild the site"
        ))
    }
}

/// The files of a split catalogue, from [`split_catalogue`].
pub struct SplitFiles {
    /// The new `catalogue.json`.
    pub root: String,
    /// (path relative to `catalogue.json`, text) of every part.
    pub parts: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_plain_relative_paths() {
        assert!(check_folder("catalogue/3f2a/").is_ok());
        assert!(check_folder("parts/").is_ok());
        for bad in [
            "catalogue/3f2a",
            "/catalogue/",
            "../x/",
            "a/../b/",
            "a//b/",
            "https://e.org/",
            "a b/",
            "",
            "/",
        ] {
            assert!(check_folder(bad).is_err(), "{bad:?} accepted");
        }
    }
}
