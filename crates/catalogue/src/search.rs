//! Full-text search over a catalogue, in both languages at once, with no
//! dictionary: the same code builds the index natively (`cargo xtask build`
//! writes it as `search-index.json`) and in the browser (when that file is
//! missing or stale), and answers queries in the browser.
//!
//! # Analysis
//!
//! Text is first *folded*: Unicode NFKD (so full-width `ＡＩ` is `AI` and
//! `é` is `e` + U+0301), then combining marks are dropped (U+0300–U+036F,
//! U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F and the kana
//! voiced-sound marks U+3099–U+309A, so `Café` is `cafe`, and `ガ` is `カ`),
//! then lower case. Hangul syllables, which NFKD splits into jamo, are put
//! back together (that is arithmetic, no tables), so Korean bigrams stay
//! syllables.
//!
//! Folded text is cut into tokens:
//!
//! - a *CJK run* is a maximal run of Han, kana or Hangul characters (CJK
//!   punctuation such as `，。、「」` separates runs). A run is indexed as its
//!   overlapping character bigrams (`数字外交` → `数字 字外 外交`), or as the
//!   character itself when the run has only one, as Lucene's `CJKAnalyzer`
//!   does;
//! - a *word* is a maximal run of other alphanumeric characters (Latin,
//!   digits, Greek, Cyrillic, …), indexed whole.
//!
//! NFKD needs about 60 KB of tables that the wasm app must not carry, so every
//! function that folds takes `normalize`, which must return the NFKD form of
//! its argument: natively `nfkd` (feature `unicode-tables`), in the browser
//! a closure over `String.prototype.normalize("NFKD")`. Each call crosses
//! into JavaScript, so building calls it once per field of an article (the
//! field's texts joined by newlines) and parsing a query once per query.
//! [`highlight`] and [`snippet`] need to know which original character every
//! folded character came from, so they call it once per *distinct* character
//! that is neither ASCII nor a CJK ideograph or Hangul syllable (those fold
//! without it) within one call, caching the answers.
//!
//! # Fields and ranking
//!
//! Four fields are indexed, every language of each: title, keywords, author
//! names and abstract, as plain text (inline markup removed with
//! [`plain_text`]). A query is parsed like the text; each word, and each
//! bigram of each CJK run, is a *query term*, and every query term must
//! match (AND). The last query token, when it is a word, also matches as a
//! prefix (`diplom` finds `diplomacy`), so results follow the reader's
//! typing. A query CJK run of a single character matches every indexed term
//! containing that character (the unigram, bigrams starting with it found by
//! a prefix lookup, and bigrams ending with it found by a scan), so `笑` finds
//! `韩笑`. Bigrams of a query run need not be adjacent in the article (no
//! positions are stored), as in Lucene's `CJKAnalyzer` without a phrase query.
//!
//! A hit's score is the sum over query terms of the weight of the best field
//! the term occurs in: title 8, keywords 6, author names 4, abstract 1. Equal
//! scores keep the catalogue's reading order.
//!
//! # Index file (`abstract-search/1`)
//!
//! One compact JSON object:
//!
//! ```json
//! {"format":"abstract-search/1",
//!  "fingerprint":"9f86d081884c7d65",
//!  "ids":["2024-58-6-95","sample-2025-1-1-1"],
//!  "terms":["ai","diplomacy","数字"],
//!  "postings":[[1,8],[0,11,1,3],[0,10]]}
//! ```
//!
//! - `fingerprint`: [`fingerprint`] of the catalogue JSON text the index was
//!   built from (64-bit FNV-1a of its bytes, 16 lower-case hex digits). The
//!   app ignores an index whose fingerprint is not that of the catalogue it
//!   loaded and builds one in memory instead.
//! - `ids`: article ids; an article's *document number* is its position here
//!   (the catalogue's reading order when the index was built).
//! - `terms`: every folded term, sorted by code point (Rust `str` order),
//!   without duplicates.
//! - `postings[i]`: for `terms[i]`, flat pairs `document number, field mask`
//!   with document numbers strictly increasing. Field mask bits: 1 title,
//!   2 keywords, 4 author names, 8 abstract.
//!
//! [`SearchIndex::from_json`] checks all of this and refuses an index that
//! breaks it, with a sentence saying what is wrong and what to do.

mod shards;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use serde::Deserialize;

use crate::model::{Article, ArticleId, Catalogue};
use crate::plain_text;

/// The only value of the index's `format` field this reader understands.
pub const INDEX_FORMAT: &str = "abstract-search/1";

pub use shards::{IDS_FORMAT, SHARD_FORMAT, SearchIds, ShardFiles, shard_file};

const TITLE: u8 = 1;
const KEYWORDS: u8 = 2;
const AUTHORS: u8 = 4;
const ABSTRACT: u8 = 8;
const ALL_FIELDS: u8 = TITLE | KEYWORDS | AUTHORS | ABSTRACT;

/// The weight of the best field in `mask`.
fn weight(mask: u8) -> u32 {
    if mask & TITLE != 0 {
        8
    } else if mask & KEYWORDS != 0 {
        6
    } else if mask & AUTHORS != 0 {
        4
    } else if mask & ABSTRACT != 0 {
        1
    } else {
        0
    }
}

/// The fingerprint of a catalogue's JSON text: 64-bit FNV-1a of its bytes as
/// 16 lower-case hex digits. An index records the fingerprint of the text it
/// was built from, so a replaced catalogue is noticed.
pub fn fingerprint(catalogue_json: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in catalogue_json.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Unicode NFKD, for the `normalize` argument of this module's functions
/// (native tools; the wasm app uses the browser's).
#[cfg(feature = "unicode-tables")]
pub fn nfkd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd().collect()
}

// ---------------------------------------------------------------------------
// Folding and tokens

/// Combining marks dropped by the fold.
fn is_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE20..=0xFE2F
            | 0x3099..=0x309A
    )
}

/// Han, kana and Hangul letters: the characters of CJK runs. CJK
/// punctuation and symbols are not.
fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF // Hangul jamo
            | 0x3005..=0x3007 // 々 〆 〇
            | 0x3021..=0x3029 // Hangzhou numerals
            | 0x3031..=0x3035 // kana repeat marks
            | 0x3038..=0x303C
            | 0x3041..=0x3096 // hiragana
            | 0x309D..=0x309F
            | 0x30A1..=0x30FA // katakana
            | 0x30FC..=0x30FF
            | 0x3131..=0x318E // Hangul compatibility jamo
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7A3 // Hangul syllables
            | 0xD7B0..=0xD7FF
            | 0xF900..=0xFAFF // compatibility ideographs
            | 0xFF66..=0xFF9F // half-width katakana
            | 0xFFA0..=0xFFDC // half-width Hangul
            | 0x1B000..=0x1B16F // kana supplement
            | 0x20000..=0x3FFFF // CJK extensions B and later
    )
}

/// Characters whose fold is themselves or their ASCII lower case, so that
/// highlighting needs no `normalize` call for them.
fn folds_without_normalize(c: char) -> bool {
    c.is_ascii()
        || matches!(
            u32::from(c),
            0x3400..=0x4DBF // CJK extension A
                | 0x4E00..=0x9FFF // CJK unified ideographs
                | 0xAC00..=0xD7A3 // Hangul syllables (NFKD splits them; the fold rejoins them)
                | 0x20000..=0x2F7FF // extensions B to F, not compatibility ideographs
                | 0x30000..=0x3FFFF // extensions G and later
        )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cjk,
    Word,
    Separator,
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Separator
    }
}

/// Marks dropped and lower case, for characters already in NFKD.
fn fold_normalized_char(c: char, out: &mut impl FnMut(char)) {
    if is_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        if !is_mark(lower) {
            out(lower);
        }
    }
}

/// Puts conjoining Hangul jamo (`L V` or `L V T`) back into syllables.
/// `emit` gets each output character with the range of input positions it
/// came from.
fn compose_hangul(chars: &[char], mut emit: impl FnMut(char, usize, usize)) {
    let mut i = 0;
    while i < chars.len() {
        let at = |k: usize| chars.get(k).map_or(0, |&c| u32::from(c));
        let (l, v, t) = (at(i), at(i + 1), at(i + 2));
        if (0x1100..=0x1112).contains(&l) && (0x1161..=0x1175).contains(&v) {
            let has_t = (0x11A8..=0x11C2).contains(&t);
            let t_index = if has_t { t - 0x11A7 } else { 0 };
            let code = 0xAC00 + ((l - 0x1100) * 21 + (v - 0x1161)) * 28 + t_index;
            let len = if has_t { 3 } else { 2 };
            if let Some(syllable) = char::from_u32(code) {
                emit(syllable, i, i + len);
                i += len;
                continue;
            }
        }
        if let Some(&c) = chars.get(i) {
            emit(c, i, i + 1);
        }
        i += 1;
    }
}

/// The whole fold of `text`, with one `normalize` call.
fn fold(text: &str, normalize: &dyn Fn(&str) -> String) -> String {
    let mut chars = Vec::with_capacity(text.len());
    for c in normalize(text).chars() {
        fold_normalized_char(c, &mut |f| chars.push(f));
    }
    let mut out = String::with_capacity(chars.len());
    compose_hangul(&chars, |c, _, _| out.push(c));
    out
}

/// A token of folded text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Cjk(Vec<char>),
}

fn tokens(folded: &str) -> Vec<Token> {
    let mut result = Vec::new();
    let mut current: Vec<char> = Vec::new();
    let mut current_class = Class::Separator;
    let mut flush = |chars: &mut Vec<char>, class: Class| {
        if !chars.is_empty() {
            match class {
                Class::Word => result.push(Token::Word(chars.iter().collect())),
                Class::Cjk => result.push(Token::Cjk(std::mem::take(chars))),
                Class::Separator => {}
            }
            chars.clear();
        }
    };
    for c in folded.chars() {
        let k = class(c);
        if k != current_class {
            flush(&mut current, current_class);
            current_class = k;
        }
        if k != Class::Separator {
            current.push(c);
        }
    }
    flush(&mut current, current_class);
    result
}

/// The terms a CJK run is indexed as: its bigrams, or the character alone.
fn cjk_terms(run: &[char]) -> Vec<String> {
    match run {
        [] => Vec::new(),
        [c] => vec![c.to_string()],
        _ => run.windows(2).map(|w| w.iter().collect()).collect(),
    }
}

// ---------------------------------------------------------------------------
// The index

/// An inverted index of a catalogue's titles, keywords, author names and
/// abstracts. See the module documentation for what it holds.
#[derive(Clone, PartialEq, Eq)]
pub struct SearchIndex {
    fingerprint: String,
    /// Shared: a split index merged for each query reuses its ids file's
    /// list, and each hit its id, without copying 100,000 strings.
    ids: Ids,
    /// Sorted, unique.
    terms: Vec<String>,
    /// `terms.len() + 1` offsets into `docs`/`masks`.
    starts: Vec<usize>,
    docs: Vec<u32>,
    masks: Vec<u8>,
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("fingerprint", &self.fingerprint)
            .field("articles", &self.ids.len())
            .field("terms", &self.terms.len())
            .field("postings", &self.docs.len())
            .finish()
    }
}

/// Article ids by document number, shared between indexes and hits.
pub(crate) type Ids = Arc<[Arc<str>]>;

pub(crate) fn shared_ids(ids: Vec<String>) -> Ids {
    ids.into_iter().map(Arc::from).collect()
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article's id; resolve it with [`Catalogue::article`].
    pub id: Arc<str>,
    pub score: u32,
}

/// The text of each field of an article, every language and entry joined by
/// newlines (one `normalize` call per field), markup removed.
fn field_texts(article: &Article) -> [(u8, String); 4] {
    let join = |texts: &mut dyn Iterator<Item = &str>| {
        let mut out = String::new();
        for t in texts {
            out.push_str(&plain_text(t));
            out.push('\n');
        }
        out
    };
    [
        (TITLE, join(&mut article.title().entries().map(|(_, t)| t))),
        (KEYWORDS, join(&mut article.keywords().all())),
        (
            AUTHORS,
            join(
                &mut article
                    .authors()
                    .iter()
                    .flat_map(|a| a.name().entries().map(|(_, t)| t)),
            ),
        ),
        (
            ABSTRACT,
            join(&mut article.abstract_text().entries().map(|(_, t)| t)),
        ),
    ]
}

impl SearchIndex {
    /// Indexes every article of `catalogue`, recording `fingerprint` (the
    /// [`fingerprint`] of the catalogue's JSON text). `normalize` must return
    /// NFKD; it is called four times per article.
    pub fn build(
        catalogue: &Catalogue,
        fingerprint: &str,
        normalize: &dyn Fn(&str) -> String,
    ) -> SearchIndex {
        let mut ids = Vec::with_capacity(catalogue.articles().len());
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (position, article) in catalogue.articles().iter().enumerate() {
            let Ok(doc) = u32::try_from(position) else {
                break;
            };
            ids.push(article.id().as_str().to_owned());
            let mut terms: HashMap<String, u8> = HashMap::new();
            for (field, text) in field_texts(article) {
                for token in tokens(&fold(&text, normalize)) {
                    match token {
                        Token::Word(word) => *terms.entry(word).or_default() |= field,
                        Token::Cjk(run) => {
                            for term in cjk_terms(&run) {
                                *terms.entry(term).or_default() |= field;
                            }
                        }
                    }
                }
            }
            for (term, mask) in terms {
                postings.entry(term).or_default().push((doc, mask));
            }
        }
        let mut sorted: Vec<(String, Vec<(u32, u8)>)> = postings.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = SearchIndex {
            fingerprint: fingerprint.to_owned(),
            ids: shared_ids(ids),
            terms: Vec::with_capacity(sorted.len()),
            starts: Vec::with_capacity(sorted.len() + 1),
            docs: Vec::new(),
            masks: Vec::new(),
        };
        index.starts.push(0);
        for (term, list) in sorted {
            // Documents were visited in order, so each list is sorted.
            index.terms.push(term);
            for (doc, mask) in list {
                index.docs.push(doc);
                index.masks.push(mask);
            }
            index.starts.push(index.docs.len());
        }
        index
    }

    /// The fingerprint of the catalogue text the index was built from.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// How many articles the index knows.
    pub fn article_count(&self) -> usize {
        self.ids.len()
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The postings of term number `t`.
    fn postings(&self, t: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
        let start = self.starts.get(t).copied().unwrap_or(0);
        let end = self.starts.get(t + 1).copied().unwrap_or(start);
        let docs = self.docs.get(start..end).unwrap_or_default();
        let masks = self.masks.get(start..end).unwrap_or_default();
        docs.iter().copied().zip(masks.iter().copied())
    }

    /// The range of term numbers starting with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self
            .terms
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| t.starts_with(prefix))
            .count();
        start..start + len
    }

    /// Documents (sorted) matching one query term, with the fields it hits.
    fn matches(&self, clause: &Clause) -> Vec<(u32, u8)> {
        let terms: Vec<usize> = match clause {
            Clause::Exact(term) => match self.terms.binary_search(term) {
                Ok(t) => return self.postings(t).collect(),
                Err(_) => return Vec::new(),
            },
            Clause::Prefix(prefix) => self.prefix_range(prefix).collect(),
            Clause::CjkChar(c) => {
                // The unigram and bigrams starting with `c` are one range of
                // the sorted terms; bigrams ending with it need a scan.
                let mut found: Vec<usize> = self.prefix_range(c.encode_utf8(&mut [0; 4])).collect();
                let ends_with_c = |term: &str| {
                    let mut chars = term.chars();
                    matches!(
                        (chars.next(), chars.next(), chars.next()),
                        (Some(first), Some(second), None) if second == *c && first != *c
                    )
                };
                found.extend(
                    self.terms
                        .iter()
                        .enumerate()
                        .filter(|(_, term)| ends_with_c(term))
                        .map(|(t, _)| t),
                );
                found
            }
        };
        match terms.as_slice() {
            [] => Vec::new(),
            [t] => self.postings(*t).collect(),
            _ => {
                let mut dense = vec![0u8; self.ids.len()];
                for &t in &terms {
                    for (doc, mask) in self.postings(t) {
                        if let Some(slot) = usize::try_from(doc).ok().and_then(|d| dense.get_mut(d))
                        {
                            *slot |= mask;
                        }
                    }
                }
                dense
                    .into_iter()
                    .enumerate()
                    .filter(|(_, mask)| *mask != 0)
                    .filter_map(|(doc, mask)| Some((u32::try_from(doc).ok()?, mask)))
                    .collect()
            }
        }
    }

    /// Ranked hits, best first. An empty/blank query returns nothing.
    pub fn search(&self, query: &str, normalize: &dyn Fn(&str) -> String) -> Vec<Hit> {
        self.search_query(&Query::parse(query, normalize))
    }

    /// As [`SearchIndex::search`], for a query already parsed (the app
    /// also highlights with it, and parsing crosses into JavaScript).
    pub fn search_query(&self, query: &Query) -> Vec<Hit> {
        let clauses = query.clauses();
        if clauses.is_empty() {
            return Vec::new();
        }
        let mut candidates: Option<Vec<(u32, u32)>> = None;
        for clause in &clauses {
            let matches = self.matches(clause);
            let next: Vec<(u32, u32)> = match candidates {
                None => matches.iter().map(|&(d, m)| (d, weight(m))).collect(),
                Some(previous) => {
                    let mut merged = Vec::with_capacity(previous.len().min(matches.len()));
                    let mut m = matches.iter().peekable();
                    for (doc, score) in previous {
                        while m.next_if(|(d, _)| *d < doc).is_some() {}
                        if let Some(&&(d, mask)) = m.peek()
                            && d == doc
                        {
                            merged.push((doc, score.saturating_add(weight(mask))));
                        }
                    }
                    merged
                }
            };
            if next.is_empty() {
                return Vec::new();
            }
            candidates = Some(next);
        }
        let mut found = candidates.unwrap_or_default();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
            .into_iter()
            .filter_map(|(doc, score)| {
                let id = self.ids.get(usize::try_from(doc).ok()?)?;
                Some(Hit {
                    id: id.clone(),
                    score,
                })
            })
            .collect()
    }

    /// The index as compact JSON (format in the module documentation).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.docs.len() * 6 + self.terms.len() * 8 + 256);
        out.push_str("{\"format\":");
        push_json_string(&mut out, INDEX_FORMAT);
        out.push_str(",\"fingerprint\":");
        push_json_string(&mut out, &self.fingerprint);
        out.push_str(",\"ids\":[");
        for (i, id) in self.ids.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, id);
        }
        out.push(']');
        let all: Vec<usize> = (0..self.terms.len()).collect();
        self.push_terms(&mut out, &all);
        out.push('}');
        out
    }

    /// Reads an index written by [`SearchIndex::to_json`], checking its
    /// format and consistency. The error is a sentence for the site owner.
    pub fn from_json(text: &str) -> Result<SearchIndex, String> {
        SearchIndex::parse(text, INDEX_FORMAT)
    }

    /// Reads an index file of `format`: [`INDEX_FORMAT`] (with its ids) or
    /// [`SHARD_FORMAT`] (no ids; its article numbers are checked against
    /// its `articles` count, and the ids come with the merge).
    fn parse(text: &str, format: &str) -> Result<SearchIndex, String> {
        let wire: Wire = match serde_json::from_str(text) {
            Ok(wire) => wire,
            Err(e) => {
                if e.is_syntax() || e.is_eof() {
                    return Err(format!(
                        "the search index is not valid JSON ({e}); {ADVICE}"
                    ));
                }
                if !text.trim_start().starts_with('{') {
                    return Err(format!(
                        "the search index is not a JSON object with \"format\": \
                         {INDEX_FORMAT:?}; {ADVICE}"
                    ));
                }
                // Another format is named as such rather than reported as a
                // wrong shape.
                if let Ok(head) = serde_json::from_str::<Head>(text) {
                    check_format(&head.format, format)?;
                }
                return Err(format!("the search index is damaged: {e}; {ADVICE}"));
            }
        };
        check_format(&wire.format, format)?;
        let damaged = |what: String| format!("the search index is damaged: {what}; {ADVICE}");

        let mut seen = HashSet::with_capacity(wire.ids.len());
        for (i, id) in wire.ids.iter().enumerate() {
            if let Err(e) = ArticleId::parse(id) {
                return Err(damaged(format!("ids[{i}] is not an article id ({e})")));
            }
            if !seen.insert(id.as_str()) {
                return Err(damaged(format!("ids[{i}] ({id:?}) appears twice")));
            }
        }
        drop(seen);
        let Postings {
            starts,
            docs,
            masks,
        } = wire.postings;
        let lists = starts.len().saturating_sub(1);
        if lists != wire.terms.len() {
            return Err(damaged(format!(
                "it has {} terms but {lists} postings lists; there must be one list per term",
                wire.terms.len(),
            )));
        }
        for (i, term) in wire.terms.iter().enumerate() {
            if term.is_empty() {
                return Err(damaged(format!("terms[{i}] is empty")));
            }
            if let Some(previous) = i.checked_sub(1).and_then(|p| wire.terms.get(p))
                && previous >= term
            {
                return Err(damaged(format!(
                    "terms[{i}] ({term:?}) is not after terms[{}] ({previous:?}); terms must \
                     be sorted and unique",
                    i - 1
                )));
            }
        }
        let count = match wire.articles {
            Some(n) if format == SHARD_FORMAT => n,
            _ => wire.ids.len(),
        };
        if let Some(at) = docs
            .iter()
            .position(|&d| usize::try_from(d).map_or(true, |d| d >= count))
        {
            let t = starts.partition_point(|&s| s <= at).saturating_sub(1);
            let first = starts.get(t).copied().unwrap_or(0);
            let range = match count {
                0 => "no articles".to_owned(),
                1 => "1 article (number 0)".to_owned(),
                n => format!("{n} articles (numbers 0 to {})", n - 1),
            };
            return Err(damaged(format!(
                "postings[{t}][{}] refers to article number {}, but the index lists {range}",
                2 * (at - first.min(at)),
                docs.get(at).copied().unwrap_or(0),
            )));
        }
        Ok(SearchIndex {
            fingerprint: wire.fingerprint,
            ids: shared_ids(wire.ids),
            terms: wire.terms,
            starts,
            docs,
            masks,
        })
    }
}

const ADVICE: &str =
    "rebuild it with `cargo xtask build` (or delete it: the reader then builds its index itself)";

fn check_format(format: &serde_json::Value, expected: &str) -> Result<(), String> {
    match format {
        serde_json::Value::String(f) if f == expected => Ok(()),
        serde_json::Value::String(f) => Err(format!(
            "the search index has format {f:?}, but this reader reads only {expected:?}; \
             {ADVICE}"
        )),
        _ => Err(format!(
            "the search index has no \"format\": {expected:?}, so it is not a search index \
             this reader can read; {ADVICE}"
        )),
    }
}

/// Just the format of an index file, to name a format this reader does not
/// read.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: serde_json::Value,
}

/// The index file as read, before the checks that need several fields.
#[derive(Deserialize)]
struct Wire {
    #[serde(default)]
    format: serde_json::Value,
    fingerprint: String,
    #[serde(default)]
    ids: Vec<String>,
    /// A shard's article count (it has no ids).
    #[serde(default)]
    articles: Option<usize>,
    terms: Vec<String>,
    postings: Postings,
}

/// `postings`, read straight into flat arrays (no list per term, so loading
/// takes little more memory than the index itself). Each list is checked as
/// it is read: pairs, masks 1 to 15, article numbers increasing.
struct Postings {
    starts: Vec<usize>,
    docs: Vec<u32>,
    masks: Vec<u8>,
}

impl<'de> Deserialize<'de> for Postings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Postings, D::Error> {
        struct Lists;
        impl<'de> serde::de::Visitor<'de> for Lists {
            type Value = Postings;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of postings lists")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Postings, A::Error> {
                let mut flat = Postings {
                    starts: vec![0],
                    docs: Vec::new(),
                    masks: Vec::new(),
                };
                loop {
                    let term = flat.starts.len() - 1;
                    if seq
                        .next_element_seed(List {
                            flat: &mut flat,
                            term,
                        })?
                        .is_none()
                    {
                        return Ok(flat);
                    }
                    flat.starts.push(flat.docs.len());
                }
            }
        }
        d.deserialize_seq(Lists)
    }
}

/// One term's postings list, appended to the flat arrays.
struct List<'a> {
    flat: &'a mut Postings,
    term: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for List<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for List<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of article numbers and field masks")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let t = self.term;
        let mut previous: Option<u32> = None;
        let mut index = 0usize;
        while let Some(doc) = seq.next_element::<u32>()? {
            let Some(mask) = seq.next_element::<u64>()? else {
                return Err(A::Error::custom(format!(
                    "postings[{t}] has an odd number of values (it holds pairs of article \
                     number and field mask)"
                )));
            };
            let mask = match u8::try_from(mask) {
                Ok(m) if m != 0 && m & !ALL_FIELDS == 0 => m,
                _ => {
                    return Err(A::Error::custom(format!(
                        "the field mask {mask} in postings[{t}][{}] is not between 1 and 15",
                        index + 1
                    )));
                }
            };
            if previous.is_some_and(|p| p >= doc) {
                return Err(A::Error::custom(format!(
                    "postings[{t}] does not list article numbers in increasing order"
                )));
            }
            previous = Some(doc);
            self.flat.docs.push(doc);
            self.flat.masks.push(mask);
            index += 2;
        }
        if index == 0 {
            return Err(A::Error::custom(format!("postings[{t}] is empty")));
        }
        Ok(())
    }
}

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------
// Queries

/// The query's terms as the reader typed them, folded, for highlighting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words matched whole.
    words: Vec<String>,
    /// The last token, when it is a word: matched as a prefix.
    prefix: Option<String>,
    /// CJK runs.
    cjk: Vec<Vec<char>>,
}

/// One query term; each must match.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Clause {
    Exact(String),
    Prefix(String),
    /// A single-character CJK run: any term containing the character.
    CjkChar(char),
}

impl Query {
    /// Folds and tokenises `query` (one `normalize` call).
    pub fn parse(query: &str, normalize: &dyn Fn(&str) -> String) -> Query {
        let mut tokens = tokens(&fold(query, normalize));
        let mut parsed = Query::default();
        if let Some(Token::Word(_)) = tokens.last()
            && let Some(Token::Word(last)) = tokens.pop()
        {
            parsed.prefix = Some(last);
        }
        for token in tokens {
            match token {
                Token::Word(w) => {
                    if !parsed.words.contains(&w) {
                        parsed.words.push(w);
                    }
                }
                Token::Cjk(run) => {
                    if !parsed.cjk.contains(&run) {
                        parsed.cjk.push(run);
                    }
                }
            }
        }
        parsed
    }

    /// True when the query has nothing to search for (blank, or only
    /// punctuation).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.prefix.is_none() && self.cjk.is_empty()
    }

    fn clauses(&self) -> Vec<Clause> {
        let mut clauses: Vec<Clause> = Vec::new();
        let mut add = |c: Clause| {
            if !clauses.contains(&c) {
                clauses.push(c);
            }
        };
        for w in &self.words {
            add(Clause::Exact(w.clone()));
        }
        for run in &self.cjk {
            match run.as_slice() {
                [c] => add(Clause::CjkChar(*c)),
                _ => {
                    for term in cjk_terms(run) {
                        add(Clause::Exact(term));
                    }
                }
            }
        }
        if let Some(p) = &self.prefix {
            add(Clause::Prefix(p.clone()));
        }
        clauses
    }
}

// ---------------------------------------------------------------------------
// Highlighting

/// The characters of `text` and, for each, whether it is part of a match.
fn analyse(
    text: &str,
    query: &Query,
    normalize: &dyn Fn(&str) -> String,
) -> (Vec<char>, Vec<bool>) {
    let source: Vec<char> = text.chars().collect();
    let mut marks = vec![false; source.len()];
    if query.is_empty() {
        return (source, marks);
    }

    // Fold character by character, remembering where each folded character
    // came from.
    let mut cache: HashMap<char, String> = HashMap::new();
    let mut folded: Vec<char> = Vec::with_capacity(source.len());
    // The source characters (a range) each folded character stands for.
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(source.len());
    for (i, &c) in source.iter().enumerate() {
        let before = folded.len();
        let mut push = |f: char| {
            folded.push(f);
            origin.push((i, i + 1));
        };
        if folds_without_normalize(c) {
            fold_normalized_char(c, &mut push);
        } else {
            let normalized = cache
                .entry(c)
                .or_insert_with(|| normalize(c.encode_utf8(&mut [0; 4])));
            for n in normalized.chars() {
                fold_normalized_char(n, &mut push);
            }
        }
        // A character that folds to nothing (a combining accent, a
        // half-width voiced mark) belongs to the character before it.
        if folded.len() == before
            && let Some(last) = origin.last_mut()
        {
            last.1 = i + 1;
        }
    }
    // Composed Hangul spans the source characters of its jamo.
    let mut chars: Vec<char> = Vec::with_capacity(folded.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(folded.len());
    compose_hangul(&folded, |c, from, to| {
        let first = origin.get(from).map_or(0, |o| o.0);
        let last = to
            .checked_sub(1)
            .and_then(|k| origin.get(k))
            .map_or(first + 1, |o| o.1);
        chars.push(c);
        spans.push((first, last.max(first)));
    });
    let mut mark = |k: usize| {
        if let Some(&(from, to)) = spans.get(k) {
            for m in marks.get_mut(from..to).unwrap_or_default() {
                *m = true;
            }
        }
    };

    let singles: HashSet<char> = query
        .cjk
        .iter()
        .filter_map(|run| match run.as_slice() {
            [c] => Some(*c),
            _ => None,
        })
        .collect();
    let bigrams: HashSet<(char, char)> = query
        .cjk
        .iter()
        .flat_map(|run| run.windows(2).map(|w| (w[0], w[1])))
        .collect();

    let mut k = 0;
    while k < chars.len() {
        let class_k = chars.get(k).map_or(Class::Separator, |&c| class(c));
        let end = k + chars
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| class(c) == class_k)
            .count();
        let run = chars.get(k..end).unwrap_or_default();
        match class_k {
            Class::Word => {
                let word: String = run.iter().collect();
                if query.words.contains(&word) {
                    (k..end).for_each(&mut mark);
                } else if let Some(prefix) = &query.prefix
                    && word.starts_with(prefix.as_str())
                {
                    (k..k + prefix.chars().count()).for_each(&mut mark);
                }
            }
            Class::Cjk => {
                for (j, &c) in run.iter().enumerate() {
                    if singles.contains(&c) {
                        mark(k + j);
                    }
                    if let Some(&next) = run.get(j + 1)
                        && bigrams.contains(&(c, next))
                    {
                        mark(k + j);
                        mark(k + j + 1);
                    }
                }
            }
            Class::Separator => {}
        }
        k = end.max(k + 1);
    }
    (source, marks)
}

/// Groups characters into runs of equal marking.
fn segments(chars: &[char], marks: &[bool]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (&c, &marked) in chars.iter().zip(marks) {
        match out.last_mut() {
            Some((s, m)) if *m == marked => s.push(c),
            _ => out.push((c.to_string(), marked)),
        }
    }
    out
}

/// Highlighting: splits `text` (plain text, markup already stripped by the
/// caller) into segments, marking every span that matches a query term:
/// words matched whole, the typed part of a word matching the last query
/// token as a prefix, and in CJK text every occurrence of a query CJK run's
/// bigrams (or of its character, for a one-character run). Segments cover
/// `text` exactly, in order, cut at characters of the original text, so
/// diacritics and full-width forms are highlighted correctly.
///
/// `normalize` (NFKD) is called once per distinct character that is not
/// ASCII, a CJK ideograph or a Hangul syllable.
pub fn highlight(
    text: &str,
    query: &Query,
    normalize: &dyn Fn(&str) -> String,
) -> Vec<(String, bool)> {
    let (chars, marks) = analyse(text, query, normalize);
    segments(&chars, &marks)
}

/// A snippet of at most `max_chars` characters, ellipses included, around
/// the first match, highlighted as by [`highlight`]; `None` if the text has
/// no match. Where the text is cut there is an ellipsis `…`; a cut inside a
/// word moves to the nearest space when there is one (CJK text is cut
/// anywhere). Text as short as `max_chars` is returned whole.
pub fn snippet(
    text: &str,
    query: &Query,
    max_chars: usize,
    normalize: &dyn Fn(&str) -> String,
) -> Option<Vec<(String, bool)>> {
    let (chars, marks) = analyse(text, query, normalize);
    let first = marks.iter().position(|&m| m)?;
    let len = chars.len();
    let max = max_chars.max(1);
    if len <= max {
        return Some(segments(&chars, &marks));
    }
    let match_end = first
        + marks
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&m| m)
            .count();
    let match_len = match_end - first;

    // The window, leaving room for its ellipses.
    let mut window = (0, len.min(max));
    for reserve in 0..=2 {
        let budget = max.saturating_sub(reserve).max(1);
        let before = budget.saturating_sub(match_len) / 3;
        let end = (first.saturating_sub(before) + budget).min(len);
        let start = end.saturating_sub(budget);
        window = (start, end);
        let needed = usize::from(start > 0) + usize::from(end < len);
        if needed <= reserve {
            break;
        }
    }
    let (mut start, mut end) = window;

    // Prefer cutting Latin text at a space.
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let in_word = |c: char| !c.is_whitespace() && !is_cjk(c);
    if start > 0
        && in_word(at(start - 1))
        && in_word(at(start))
        && let Some(space) = (start..first.min(end)).find(|&i| at(i).is_whitespace())
    {
        start = space + 1;
    }
    if end < len
        && in_word(at(end - 1))
        && in_word(at(end))
        && let Some(space) = (match_end.max(start)..end)
            .rev()
            .find(|&i| at(i).is_whitespace())
    {
        end = space;
    }
    while start < first && at(start).is_whitespace() {
        start += 1;
    }
    while end > match_end && end > start && at(end - 1).is_whitespace() {
        end -= 1;
    }

    let mut parts = Vec::new();
    if start > 0 {
        parts.push(("…".to_owned(), false));
    }
    for part in segments(
        chars.get(start..end).unwrap_or_default(),
        marks.get(start..end).unwrap_or_default(),
    ) {
        match parts.last_mut() {
            Some((s, false)) if !part.1 => s.push_str(&part.0),
            _ => parts.push(part),
        }
    }
    if end < len {
        match parts.last_mut() {
            Some((s, false)) => s.push('…'),
            _ => parts.push(("…".to_owned(), false)),
        }
    }
    Some(parts)
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;

    #[test]
    fn fnv_1a_matches_reference_values() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    }

    #[test]
    fn folding_drops_marks_width_and_case() {
        assert_eq!(fold("Café ＡＩ Ère", &nfkd), "cafe ai ere");
        assert_eq!(fold("한국어", &nfkd), "한국어");
        assert_eq!(fold("İstanbul", &nfkd), "istanbul");
    }

    #[test]
    fn text_is_cut_into_words_and_cjk_runs() {
        assert_eq!(
            tokens(&fold("ＡＩ治理，数字外交 2024年", &nfkd)),
            vec![
                Token::Word("ai".into()),
                Token::Cjk("治理".chars().collect()),
                Token::Cjk("数字外交".chars().collect()),
                Token::Word("2024".into()),
                Token::Cjk(vec!['年']),
            ]
        );
        assert_eq!(cjk_terms(&['年']), vec!["年"]);
        assert_eq!(
            cjk_terms(&"数字外交".chars().collect::<Vec<_>>()),
            vec!["数字", "字外", "外交"]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix() {
        let q = Query::parse("Digital diplom", &nfkd);
        assert_eq!(q.words, vec!["digital"]);
        assert_eq!(q.prefix.as_deref(), Some("diplom"));
        let q = Query::parse("diplom 外交", &nfkd);
        assert_eq!(q.prefix, None);
        assert!(Query::parse(" ，。 ", &nfkd).is_empty());
    }
}
