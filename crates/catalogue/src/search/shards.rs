//! The search index of a split catalogue, cut into shards by the start of
//! each term, so a query loads only the terms it can match
//! (`docs/split-catalogue.md`).
//!
//! - `ids.json` (`abstract-search-ids/1`): the fingerprint, the article ids
//!   in document order, and the sorted list of shard keys.
//! - `<key>.json` (`abstract-search-shard/1`): the fingerprint, the article
//!   count, and the terms of that key with their postings, as in
//!   `abstract-search/1`.
//!
//! A term's key is its first character when that is CJK, else its first two
//! characters (the whole term when it has one). A CJK bigram is also stored
//! under its second character, so the one-character query `笑` finds `韩笑`
//! in the shard of `笑` alone. A query needs the shards of its exact terms,
//! of its prefix (every key starting with it when the prefix is one
//! character) and of its single CJK characters; the index merged from
//! those answers the query exactly as the whole index would.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Clause, Ids, Query, SearchIndex, is_cjk, push_json_string, shared_ids};
use crate::model::ArticleId;

/// The `format` of a split index's ids file.
pub const IDS_FORMAT: &str = "abstract-search-ids/1";
/// The `format` of one shard.
pub const SHARD_FORMAT: &str = "abstract-search-shard/1";

/// The key of the shard that holds `term`.
fn key_of(term: &str) -> String {
    let mut chars = term.chars();
    match chars.next() {
        Some(first) if is_cjk(first) => first.to_string(),
        Some(first) => chars.next().map_or(first.to_string(), |second| {
            let mut key = first.to_string();
            key.push(second);
            key
        }),
        None => String::new(),
    }
}

/// Every shard that stores `term`: its key, and for a CJK bigram also its
/// second character.
fn keys_storing(term: &str) -> Vec<String> {
    let mut keys = vec![key_of(term)];
    let mut chars = term.chars();
    if let (Some(first), Some(second), None) = (chars.next(), chars.next(), chars.next())
        && is_cjk(first)
        && is_cjk(second)
        && first != second
    {
        keys.push(second.to_string());
    }
    keys
}

/// A shard's file name: the key's code points in hex, joined by `-`
/// (`di` → `64-69.json`), so any term start is a safe file name.
pub fn shard_file(key: &str) -> String {
    let hex: Vec<String> = key.chars().map(|c| format!("{:x}", u32::from(c))).collect();
    format!("{}.json", hex.join("-"))
}

/// The files of a split index, from [`SearchIndex::to_shards`].
pub struct ShardFiles {
    /// `ids.json`.
    pub ids: String,
    /// (file name, text) of every shard.
    pub shards: Vec<(String, String)>,
}

/// A split index's ids file: what a query needs before its shards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIds {
    fingerprint: String,
    ids: Ids,
    keys: Vec<String>,
}

#[derive(Deserialize)]
struct IdsWire {
    #[serde(default)]
    format: serde_json::Value,
    fingerprint: String,
    ids: Vec<String>,
    keys: Vec<String>,
}

impl SearchIds {
    /// Reads `ids.json`; the error is a sentence for the site owner.
    pub fn from_json(text: &str) -> Result<SearchIds, String> {
        let wire: IdsWire = serde_json::from_str(text).map_err(|e| {
            format!("the search index's ids file is damaged ({e}); rebuild the site")
        })?;
        super::check_format(&wire.format, IDS_FORMAT)?;
        if let Some((i, e)) = wire
            .ids
            .iter()
            .enumerate()
            .find_map(|(i, id)| ArticleId::parse(id).err().map(|e| (i, e)))
        {
            return Err(format!(
                "the search index's ids[{i}] is not an article id ({e}); rebuild the site"
            ));
        }
        Ok(SearchIds {
            fingerprint: wire.fingerprint,
            ids: shared_ids(wire.ids),
            keys: wire.keys,
        })
    }

    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    pub fn article_count(&self) -> usize {
        self.ids.len()
    }

    /// The keys of the shards `query` needs, each once, only keys that
    /// exist (a term with no shard matches nothing).
    pub fn keys_for(&self, query: &Query) -> Vec<String> {
        let mut wanted: Vec<String> = Vec::new();
        let mut add = |key: String| {
            if self.keys.binary_search(&key).is_ok() && !wanted.contains(&key) {
                wanted.push(key);
            }
        };
        for clause in query.clauses() {
            match clause {
                Clause::Exact(term) => add(key_of(&term)),
                Clause::CjkChar(c) => add(c.to_string()),
                Clause::Prefix(prefix) if prefix.chars().count() >= 2 => add(key_of(&prefix)),
                Clause::Prefix(prefix) => {
                    // One character: every key that starts with it.
                    let start = self.keys.partition_point(|k| k.as_str() < prefix.as_str());
                    for key in self.keys[start..]
                        .iter()
                        .take_while(|k| k.starts_with(prefix.as_str()))
                    {
                        add(key.clone());
                    }
                }
            }
        }
        wanted
    }
}

impl SearchIndex {
    /// The index cut into shards (see the module documentation).
    pub fn to_shards(&self) -> ShardFiles {
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (t, term) in self.terms.iter().enumerate() {
            for key in keys_storing(term) {
                by_key.entry(key).or_default().push(t);
            }
        }
        let mut ids = String::with_capacity(self.ids.len() * 24 + by_key.len() * 8 + 128);
        ids.push_str("{\"format\":");
        push_json_string(&mut ids, IDS_FORMAT);
        ids.push_str(",\"fingerprint\":");
        push_json_string(&mut ids, &self.fingerprint);
        ids.push_str(",\"ids\":");
        push_list(&mut ids, self.ids.iter());
        ids.push_str(",\"keys\":");
        push_list(&mut ids, by_key.keys());
        ids.push('}');
        let shards = by_key
            .iter()
            .map(|(key, terms)| {
                let mut out = String::new();
                out.push_str("{\"format\":");
                push_json_string(&mut out, SHARD_FORMAT);
                out.push_str(",\"fingerprint\":");
                push_json_string(&mut out, &self.fingerprint);
                out.push_str(&format!(",\"articles\":{}", self.ids.len()));
                self.push_terms(&mut out, terms);
                out.push('}');
                (shard_file(key), out)
            })
            .collect();
        ShardFiles { ids, shards }
    }

    /// Reads one shard written by [`SearchIndex::to_shards`].
    pub fn shard_from_json(text: &str) -> Result<SearchIndex, String> {
        SearchIndex::parse(text, SHARD_FORMAT)
    }

    /// The index of the terms of `shards`, with the ids of `ids`: it
    /// answers every query whose shards ([`SearchIds::keys_for`]) are among
    /// them as the whole index would. Shards of another build (fingerprint
    /// or article count) are refused.
    pub fn merge(ids: &SearchIds, shards: &[&SearchIndex]) -> Result<SearchIndex, String> {
        if let Some(stale) = shards.iter().find(|s| s.fingerprint != ids.fingerprint) {
            return Err(format!(
                "a search shard was built from another catalogue ({} instead of {}); \
                 rebuild the site",
                stale.fingerprint, ids.fingerprint
            ));
        }
        // Every term once (a CJK bigram is in two shards), in order.
        let mut terms: Vec<(&str, usize, usize)> = shards
            .iter()
            .enumerate()
            .flat_map(|(s, shard)| {
                shard
                    .terms
                    .iter()
                    .enumerate()
                    .map(move |(t, term)| (term.as_str(), s, t))
            })
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        terms.dedup_by(|a, b| a.0 == b.0);
        let mut merged = SearchIndex {
            fingerprint: ids.fingerprint.clone(),
            ids: ids.ids.clone(),
            terms: Vec::with_capacity(terms.len()),
            starts: Vec::with_capacity(terms.len() + 1),
            docs: Vec::new(),
            masks: Vec::new(),
        };
        merged.starts.push(0);
        let count = ids.ids.len();
        for (term, s, t) in terms {
            merged.terms.push(term.to_owned());
            for (doc, mask) in shards[s].postings(t) {
                if usize::try_from(doc).is_ok_and(|d| d < count) {
                    merged.docs.push(doc);
                    merged.masks.push(mask);
                }
            }
            merged.starts.push(merged.docs.len());
        }
        Ok(merged)
    }

    /// `,"terms":[…],"postings":[…]` for the terms numbered `terms`.
    pub(super) fn push_terms(&self, out: &mut String, terms: &[usize]) {
        out.push_str(",\"terms\":");
        push_list(out, terms.iter().filter_map(|&t| self.terms.get(t)));
        out.push_str(",\"postings\":[");
        for (i, &t) in terms.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            for (j, (doc, mask)) in self.postings(t).enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str(&doc.to_string());
                out.push(',');
                out.push_str(&mask.to_string());
            }
            out.push(']');
        }
        out.push(']');
    }
}

fn push_list<'a>(out: &mut String, items: impl Iterator<Item = &'a (impl AsRef<str> + 'a)>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, item.as_ref());
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_file_names() {
        assert_eq!(key_of("diplomacy"), "di");
        assert_eq!(key_of("a"), "a");
        assert_eq!(key_of("数字"), "数");
        assert_eq!(keys_storing("数字"), ["数", "字"]);
        assert_eq!(keys_storing("笑笑"), ["笑"]);
        assert_eq!(keys_storing("2024"), ["20"]);
        assert_eq!(shard_file("di"), "64-69.json");
        assert_eq!(shard_file("数"), "6570.json");
    }
}
