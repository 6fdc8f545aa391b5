//! A split catalogue's keyword files (`docs/split-catalogue.md`):
//!
//! ```text
//! <folder>keywords.json           the keyword index: every entry's forms and article count
//! <folder>keyword/<hash>.json     the entry of one folded keyword: its forms and article ids
//! ```
//!
//! A keyword page finds its file from the keyword alone: `<hash>` is the
//! FNV-1a fingerprint of the folded keyword ([`keyword_file_key`]), so no
//! lookup table has to be downloaded first. Each folded form of an entry
//! (`digital diplomacy`, `数字外交`) has its own file, holding the same entry
//! and the folded keywords that lead to it;
//! should two folded keywords ever share a hash, their file holds both
//! entries and the reader picks the one with its keyword.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::{Value, json};

use super::check_format;
use crate::browse::{Forms, KeywordEntry, form_in, index_order};
use crate::lang::Lang;

/// The `format` of `keywords.json`.
pub const KEYWORDS_FORMAT: &str = "abstract-catalogue-keywords/1";
/// The `format` of a `keyword/<hash>.json` file.
pub const KEYWORD_FORMAT: &str = "abstract-catalogue-keyword/1";

/// The file key of a folded keyword: 16 hex digits of its FNV-1a hash.
pub fn keyword_file_key(folded: &str) -> String {
    crate::search::fingerprint(folded)
}

/// One entry of the keyword index without its articles: what the keyword
/// index page lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordSummary {
    pub forms: Forms,
    /// How many articles carry one of the forms.
    pub articles: usize,
}

impl KeywordSummary {
    pub fn of(entry: &KeywordEntry<'_>) -> KeywordSummary {
        KeywordSummary {
            forms: entry.forms.clone(),
            articles: entry.articles.len(),
        }
    }

    /// The form in `lang`, if the entry has one.
    pub fn form(&self, lang: Lang) -> Option<&str> {
        form_in(&self.forms, lang)
    }
}

/// Sorts entries as the keyword index page lists them, as
/// [`Catalogue::keyword_index`](crate::Catalogue::keyword_index) does.
pub fn sort_keywords(entries: &mut [KeywordSummary], lang: Lang, fold: impl Fn(&str) -> String) {
    entries.sort_by_cached_key(|e| index_order(&e.forms, lang, &fold));
}

/// A keyword entry with the ids of its articles, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordArticles {
    pub forms: Forms,
    pub ids: Vec<String>,
}

impl KeywordArticles {
    /// The form in `lang`, if the entry has one.
    pub fn form(&self, lang: Lang) -> Option<&str> {
        form_in(&self.forms, lang)
    }
}

#[derive(Deserialize)]
struct ListWire {
    format: String,
    entries: Vec<SummaryWire>,
}

#[derive(Deserialize)]
struct SummaryWire {
    forms: Forms,
    articles: usize,
}

#[derive(Deserialize)]
struct FileWire {
    format: String,
    entries: Vec<ArticlesWire>,
}

#[derive(Deserialize)]
struct ArticlesWire {
    /// The folded keywords that lead to this entry from this file.
    keys: Vec<String>,
    forms: Forms,
    articles: Vec<String>,
}

/// Reads `keywords.json`; the error is a sentence for the site owner.
pub fn keywords_from_json(text: &str) -> Result<Vec<KeywordSummary>, String> {
    let wire: ListWire = serde_json::from_str(text)
        .map_err(|e| format!("the keyword index is damaged ({e}); rebuild the site"))?;
    check_format("the keyword index", &wire.format, KEYWORDS_FORMAT)?;
    Ok(wire
        .entries
        .into_iter()
        .map(|e| KeywordSummary {
            forms: e.forms,
            articles: e.articles,
        })
        .collect())
}

/// Reads a `keyword/<hash>.json` file and picks the entry of the folded
/// keyword `folded` (`None`: the file is about another keyword).
pub fn keyword_from_json(text: &str, folded: &str) -> Result<Option<KeywordArticles>, String> {
    let wire: FileWire = serde_json::from_str(text)
        .map_err(|e| format!("a keyword's file is damaged ({e}); rebuild the site"))?;
    check_format("a keyword's file", &wire.format, KEYWORD_FORMAT)?;
    Ok(wire
        .entries
        .into_iter()
        .find(|e| e.keys.iter().any(|k| k == folded))
        .map(|e| KeywordArticles {
            forms: e.forms,
            ids: e.articles,
        }))
}

/// `keywords.json` and every `keyword/<key>.json` (as (key, text)) of a
/// catalogue's keyword index: `entries` in order of first appearance, and
/// the entry of every folded keyword (an entry has one form per language
/// as written first, but every keyword folded into it finds it).
pub(crate) fn keyword_files(
    entries: &[KeywordEntry<'_>],
    by_folded: &HashMap<String, usize>,
) -> (String, Vec<(String, String)>) {
    let summaries: Vec<Value> = entries
        .iter()
        .map(|e| json!({ "forms": e.forms, "articles": e.articles.len() }))
        .collect();
    let list = json!({ "format": KEYWORDS_FORMAT, "entries": summaries }).to_string();

    // File key → entry → the folded keywords that lead to it there.
    let mut by_key: BTreeMap<String, BTreeMap<usize, Vec<&str>>> = BTreeMap::new();
    for (folded, &n) in by_folded {
        by_key
            .entry(keyword_file_key(folded))
            .or_default()
            .entry(n)
            .or_default()
            .push(folded);
    }
    let files = by_key
        .into_iter()
        .map(|(key, of_key)| {
            let chosen: Vec<Value> = of_key
                .into_iter()
                .filter_map(|(n, mut keys)| {
                    let e = entries.get(n)?;
                    keys.sort_unstable();
                    let ids: Vec<&str> = e.articles.iter().map(|a| a.id().as_str()).collect();
                    Some(json!({ "keys": keys, "forms": e.forms, "articles": ids }))
                })
                .collect();
            let text = json!({ "format": KEYWORD_FORMAT, "entries": chosen }).to_string();
            (key, text)
        })
        .collect();
    (list, files)
}
