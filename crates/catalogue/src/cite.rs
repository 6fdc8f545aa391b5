//! Citations of an article in six styles, as plain text: GB/T 7714-2015,
//! APA 7, MLA 9, Chicago 17 (bibliography entry), BibTeX and RIS.
//!
//! Written by hand rather than with a CSL processor (hayagriva) because the
//! crate runs in the browser as wasm, where every kilobyte counts, and one
//! kind of source (a journal article) needs only a few hundred lines.
//!
//! Plain text cannot show italics, so the journal title and volume that APA,
//! MLA and Chicago set in italics come out roman; nothing is marked with
//! asterisks or tags. Inline markup in catalogue text (`<i>`, `<sub>`, …) is
//! removed with [`plain_text`] and runs of whitespace become one space.
//! Titles keep the capitals the catalogue gives them: APA's sentence case
//! and MLA's and Chicago's headline case would need to know proper nouns,
//! and mean nothing for Chinese.
//!
//! Rule sources (checked when the expected strings in `tests/cite.rs` were
//! written):
//! - GB/T 7714-2015 §8 (journal article `[J]`, `年, 卷(期): 页码`, `DOI:`,
//!   more than three authors → first three then `, 等` / `, et al`; Western
//!   names as FAMILY + initials without dots):
//!   <https://m.fx361.cc/news/2018/0122/15370739.html>,
//!   <https://fx361.cc/page/2020/0218/17486446.shtml>,
//!   <http://clgzk.qks.cqut.edu.cn/CN/column/column19.shtml> (no volume: `2006(8): 25-26`).
//! - APA 7 (up to 20 authors, 21+ → first 19, `…`, last; `Article e0001`):
//!   <https://pressbooks.pub/bankstreetlibrary/chapter/authors>,
//!   <https://library.hud.ac.uk/pages/journalarticleswiththreetotwentyauthors/>,
//!   <https://guides.library.lincoln.ac.uk/c.php?g=683973&p=4920768>.
//! - MLA 9 (two authors `A, and B`, three or more `A, et al.`, `vol.`, `no.`,
//!   `pp.`, DOI as `https://doi.org/…`, URLs without `http(s)://`):
//!   <https://guides.library.ubc.ca/c.php?g=725315&p=5195214>,
//!   <https://aubg.libguides.com/c.php?g=676813&p=4822013>,
//!   <https://spcollege.libguides.com/mla/onlinerefrencebook>.
//! - Chicago 17 bibliography (first author inverted, up to ten authors, more
//!   than ten → first seven then `et al.`; `Journal 58, no. 6 (2024): 95–105.`):
//!   <https://www.chicagomanualofstyle.org/qanda/data/faq/topics/Documentation/faq0417.html>,
//!   <https://usnwc.libguides.com/c.php?g=1220684&p=8936929>,
//!   <https://www.unlockingresearch.com/citation-styles/chicago/listing-authors-2/>.
//! - RIS (`TY  - JOUR` … `ER  - `, T2 = journal):
//!   <https://en.wikipedia.org/wiki/RIS_(file_format)>,
//!   <https://refdb.sourceforge.net/manual-0.9.6/sect1-ris-format.html>.
//!
//! # Pages
//!
//! `95-105` is a range, `95` a page, anything else (`e0001`) an article
//! number. Ranges take a hyphen in GB/T 7714, `--` in BibTeX, SP and EP in
//! RIS, and an en dash elsewhere; MLA 9 and Chicago (CMOS 9.61) shorten the
//! second number (`101–20`), APA gives it in full. An article number is
//! `Article e0001` in APA, `article e0001` in MLA (the handbook has no form
//! for it) and bare elsewhere.
//!
//! # Names
//!
//! The catalogue has one display name per language, not given and family
//! names, so each is read as follows (see `Name`):
//! - a name with Han (or kana, hangul) characters is used whole, as written,
//!   in every style (`韩笑`, `作者甲（占位）`);
//! - a name with a comma is already inverted: `Family, Given`;
//! - otherwise the last word is the family name: `Alice B. Example`.
//!
//! A name with no letter or digit at all (`,`, `--`) is left out.
//! A parenthetical such as `(placeholder)` is a remark on the name it
//! follows: it is set aside before the name is split and written, as is,
//! right after the formatted name (`A, A. (placeholder)` in APA). A name that
//! is nothing but a parenthetical is used whole. Particles and suffixes
//! (`van`, `Jr.`) are not recognised: `Ludwig van Beethoven` gives the family
//! name `Beethoven`; write `van Beethoven, Ludwig` to say otherwise.

use crate::lang::{Lang, LangText};
use crate::markup::plain_text;
use crate::model::{Article, Journal};

/// A citation style the reader offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiteStyle {
    GbT7714,
    Apa,
    Mla,
    Chicago,
    Bibtex,
    Ris,
}

impl CiteStyle {
    pub const ALL: [CiteStyle; 6] = [
        CiteStyle::GbT7714,
        CiteStyle::Apa,
        CiteStyle::Mla,
        CiteStyle::Chicago,
        CiteStyle::Bibtex,
        CiteStyle::Ris,
    ];

    /// The name shown to readers.
    pub fn name(self) -> &'static str {
        match self {
            CiteStyle::GbT7714 => "GB/T 7714-2015",
            CiteStyle::Apa => "APA 7",
            CiteStyle::Mla => "MLA 9",
            CiteStyle::Chicago => "Chicago",
            CiteStyle::Bibtex => "BibTeX",
            CiteStyle::Ris => "RIS",
        }
    }

    /// A stable id for HTML ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            CiteStyle::GbT7714 => "gbt7714",
            CiteStyle::Apa => "apa",
            CiteStyle::Mla => "mla",
            CiteStyle::Chicago => "chicago",
            CiteStyle::Bibtex => "bibtex",
            CiteStyle::Ris => "ris",
        }
    }

    /// The extension of a file holding the citation, for styles that are
    /// offered as a download.
    pub fn file_extension(self) -> Option<&'static str> {
        match self {
            CiteStyle::Bibtex => Some("bib"),
            CiteStyle::Ris => Some("ris"),
            _ => None,
        }
    }

    /// The media type of that file.
    pub fn mime_type(self) -> Option<&'static str> {
        match self {
            CiteStyle::Bibtex => Some("application/x-bibtex"),
            CiteStyle::Ris => Some("application/x-research-info-systems"),
            _ => None,
        }
    }
}

/// The citation of `article`, which appeared in `journal` (the app passes
/// `catalogue.journal_of(article)`), in `style`.
///
/// `lang` picks the language of the title, the author names and the journal
/// title, each falling back to the other language through
/// [`LangText::pick`] when the article lacks it (the seed article has only
/// Chinese names and only an English title: both are used as they are, in
/// either language). For GB/T 7714 it also picks the Chinese form (`, 等`)
/// or the English form (`, et al`). `url` is the article's page, printed by
/// APA, MLA and Chicago when there is no DOI, and by BibTeX (`url`) and RIS
/// (`UR`) in any case. GB/T 7714 prints no URL: an online reference there
/// needs `[J/OL]` and an access date, which the catalogue cannot know.
///
/// Missing volume, issue, pages or DOI drop out with their punctuation. The
/// result is never empty: the year is always there.
///
/// RIS lines end with `"\n"`, not the `"\r\n"` of the original RIS
/// specification: Zotero, EndNote, Mendeley and JabRef read both, and the
/// file stays readable where it is shown on the page.
pub fn cite(
    article: &Article,
    journal: &Journal,
    style: CiteStyle,
    lang: Lang,
    url: Option<&str>,
) -> String {
    let parts = Parts::new(article, journal, lang, url);
    match style {
        CiteStyle::GbT7714 => gbt7714(&parts, lang),
        CiteStyle::Apa => apa(&parts),
        CiteStyle::Mla => mla(&parts),
        CiteStyle::Chicago => chicago(&parts),
        CiteStyle::Bibtex => bibtex(&parts, &citation_key(article)),
        CiteStyle::Ris => ris(&parts),
    }
}

/// The BibTeX/RIS citation key and file stem: the article id, which the
/// contract already limits to `A-Z a-z 0-9 . _ -` (checked again here, so
/// the key is ASCII whatever happens to ids).
pub fn citation_key(article: &Article) -> String {
    let key: String = article
        .id()
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    if key.is_empty() {
        "article".to_owned()
    } else {
        key
    }
}

/// Page numbers as the catalogue writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pages {
    /// `95-105`
    Range(String, String),
    /// `95`
    Page(String),
    /// `e0001`: anything that is not a range or a number.
    Number(String),
}

impl Pages {
    fn parse(text: &str) -> Option<Pages> {
        let text = clean(text)?;
        let dash = |c: char| matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−' | '~' | '～');
        let one = |p: &str| {
            if p.chars().all(|c| c.is_ascii_digit()) {
                Pages::Page(p.to_owned())
            } else {
                Pages::Number(p.to_owned())
            }
        };
        match text.split_once(dash) {
            Some((first, last)) => {
                let first = first.trim();
                let last = last.trim_matches(|c: char| c.is_whitespace() || dash(c));
                match (first.is_empty(), last.is_empty()) {
                    (false, false) => Some(Pages::Range(first.to_owned(), last.to_owned())),
                    (false, true) => Some(one(first)),
                    (true, false) => Some(one(last)),
                    (true, true) => None,
                }
            }
            None => Some(one(&text)),
        }
    }

    /// The pages with `dash` between first and last.
    fn joined(&self, dash: &str) -> String {
        match self {
            Pages::Range(first, last) => format!("{first}{dash}{last}"),
            Pages::Page(p) | Pages::Number(p) => p.clone(),
        }
    }

    /// A range with an en dash and its last number shortened as `style`
    /// (MLA or Chicago) shortens it; anything but two plain numbers of the
    /// same length, the second larger, is left whole.
    fn shortened(&self, style: CiteStyle) -> String {
        let Pages::Range(first, last) = self else {
            return self.joined("–");
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let whole = || format!("{first}–{last}");
        if !digits(first) || !digits(last) || first.len() != last.len() || first >= last {
            return whole();
        }
        let len = last.len();
        // The first digit that differs; there is one, as first < last.
        let differs = first
            .bytes()
            .zip(last.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let hundreds = first
            .get(len.saturating_sub(2)..)
            .and_then(|s| s.parse::<u8>().ok());
        let keep = match (style, hundreds) {
            // Numbers under 100 are given in full.
            (_, _) if len < 3 => return whole(),
            // CMOS 9.61: 100, 1100 (multiples of 100): in full.
            (CiteStyle::Chicago, Some(0)) => return whole(),
            // CMOS 9.61: 101-109: only the part that changes (101–8).
            (CiteStyle::Chicago, Some(1..=9)) => differs,
            // CMOS 9.61: 110-199, and MLA 9 for any number over 99: at least
            // two digits, more when needed (321–28, 498–532).
            _ => differs.min(len - 2),
        };
        let mut kept = last.get(keep..).unwrap_or(last);
        // CMOS 9.61: when three digits of four change, all four are given
        // (1496–1504); a shortened number never starts with 0 (MLA 100–104).
        if (style == CiteStyle::Chicago && len == 4 && kept.len() == 3) || kept.starts_with('0') {
            kept = last;
        }
        format!("{first}–{kept}")
    }
}

/// One author's name, read as the module documentation says.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Name {
    /// Used as written: CJK names, and names that are only a remark.
    Whole(String),
    Person {
        family: String,
        /// Given names as written; may be empty (`Plato`).
        given: String,
        /// Parenthetical remarks, written after the name; may be empty.
        note: String,
    },
}

impl Name {
    fn parse(raw: &str) -> Option<Name> {
        // A name without a single letter or digit (`,`, `--`) is no name.
        let text = clean(raw).filter(|t| t.chars().any(char::is_alphanumeric))?;
        let (core, note) = split_parentheticals(&text);
        if core.is_empty() || core.chars().any(is_cjk) {
            return Some(Name::Whole(text));
        }
        let person = |family: &str, given: &str| Name::Person {
            family: family.to_owned(),
            given: collapse(given),
            note: note.clone(),
        };
        if let Some((family, given)) = core.split_once(',') {
            let (family, given) = (family.trim(), given.trim());
            if !family.is_empty() {
                return Some(person(family, given));
            }
            // ", Given" has no family name: read what follows the comma.
            return match given.rsplit_once(' ') {
                Some((given, family)) => Some(person(family, given)),
                None if !given.is_empty() => Some(person(given, "")),
                None => Some(Name::Whole(text)),
            };
        }
        match core.rsplit_once(' ') {
            Some((given, family)) => Some(person(family, given)),
            None => Some(person(&core, "")),
        }
    }

    fn with_note(name: String, note: &str) -> String {
        if note.is_empty() {
            name
        } else {
            format!("{name} {note}")
        }
    }

    /// The name written whole, or a person's family and given names put
    /// together by `format(family, given)`, followed by the note.
    fn person(&self, format: impl Fn(&str, &str) -> String) -> String {
        match self {
            Name::Whole(text) => text.clone(),
            Name::Person {
                family,
                given,
                note,
            } => Name::with_note(format(family, given), note),
        }
    }

    /// `HAN X`, `EXAMPLE A B`: GB/T 7714's family name in capitals and
    /// initials without dots.
    fn gbt(&self) -> String {
        self.person(|family, given| {
            let mut out = family.to_uppercase();
            for initial in initials(given) {
                out.push(' ');
                out.push_str(&initial.join(" "));
            }
            out
        })
    }

    /// `Example, A. B.`, `Liu, Q.-Q.`: APA's family name and initials.
    fn apa(&self) -> String {
        self.person(|family, given| {
            let dotted: Vec<String> = initials(given)
                .iter()
                .map(|parts| {
                    parts
                        .iter()
                        .map(|p| format!("{p}."))
                        .collect::<Vec<_>>()
                        .join("-")
                })
                .collect();
            if dotted.is_empty() {
                family.to_owned()
            } else {
                format!("{family}, {}", dotted.join(" "))
            }
        })
    }

    /// As [`Name::person`], with the family name alone when there are no
    /// given names.
    fn written(&self, join: impl Fn(&str, &str) -> String) -> String {
        self.person(|family, given| {
            if given.is_empty() {
                family.to_owned()
            } else {
                join(family, given)
            }
        })
    }

    /// `Example, Alice B.`: family name first (MLA, Chicago, BibTeX, RIS).
    fn inverted(&self) -> String {
        self.written(|family, given| format!("{family}, {given}"))
    }

    /// `Alice B. Example`: the name in reading order.
    fn natural(&self) -> String {
        self.written(|family, given| format!("{given} {family}"))
    }

    /// The name for a BibTeX `author` list: `Family, Given`, with braces
    /// around parts BibTeX would otherwise misread (a word `and`, or a whole
    /// name with spaces or commas).
    fn bibtex(&self) -> String {
        let protect = |s: &str| {
            let s = escape_bibtex(s);
            if s.split_whitespace().any(|w| w.eq_ignore_ascii_case("and")) {
                format!("{{{s}}}")
            } else {
                s
            }
        };
        match self {
            Name::Whole(text) => {
                let s = escape_bibtex(text);
                if s.contains([' ', ',']) {
                    format!("{{{s}}}")
                } else {
                    s
                }
            }
            Name::Person {
                family,
                given,
                note,
            } => {
                let given = Name::with_note(given.clone(), note);
                let given = given.trim();
                if given.is_empty() {
                    protect(family)
                } else {
                    format!("{}, {}", protect(family), protect(given))
                }
            }
        }
    }
}

/// The initials of given names, one list per word, one entry per
/// hyphenated part: `Zhi-Cheng Li` → `[["Z", "C"], ["L"]]`. Words without
/// a letter or digit give nothing.
fn initials(given: &str) -> Vec<Vec<String>> {
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().find(|c| c.is_alphanumeric()))
                .map(|c| c.to_uppercase().collect::<String>())
                .collect::<Vec<_>>()
        })
        .filter(|parts| !parts.is_empty())
        .collect()
}

/// Han ideographs, kana and hangul: names in these scripts are never split.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3134F  // CJK extensions B-G
    )
}

/// Splits balanced `(…)` / `（…）` groups out of a name: (the rest, the
/// groups joined by spaces). An unbalanced bracket is ordinary text.
fn split_parentheticals(text: &str) -> (String, String) {
    let mut core = String::new();
    let mut notes: Vec<&str> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut copied = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let end = i + c.len_utf8();
                    core.push_str(text.get(copied..start).unwrap_or_default());
                    core.push(' ');
                    notes.push(text.get(start..end).unwrap_or_default());
                    copied = end;
                }
            }
            _ => {}
        }
    }
    core.push_str(text.get(copied..).unwrap_or_default());
    (collapse(&core), notes.join(" "))
}

/// Runs of whitespace (newlines included) become one space; ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Catalogue text as plain, one-line text; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    Some(collapse(&plain_text(text))).filter(|s| !s.is_empty())
}

/// `text` ending with a full stop, unless it already ends with one (or with
/// a question or exclamation mark, which stands for it).
fn terminated(mut text: String) -> String {
    if !text.ends_with(['.', '?', '!', '。', '？', '！']) {
        text.push('.');
    }
    text
}

/// The fields of an article as one style needs them: plain text, one line
/// each, in the language asked for (or its fallback).
struct Parts {
    authors: Vec<Name>,
    title: Option<String>,
    /// The language tag of the title shown (RIS `LA`).
    title_tag: Option<String>,
    journal: Option<String>,
    year: i64,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<Pages>,
    doi: Option<String>,
    url: Option<String>,
    issn: Option<String>,
}

impl Parts {
    fn new(article: &Article, journal: &Journal, lang: Lang, url: Option<&str>) -> Parts {
        let pick = |text: &LangText| text.pick(lang).and_then(|s| clean(s.text));
        let title = article.title().pick(lang);
        Parts {
            authors: article
                .authors()
                .iter()
                .filter_map(|a| a.name().pick(lang).and_then(|s| Name::parse(s.text)))
                .collect(),
            title: title.and_then(|s| clean(s.text)),
            title_tag: title.map(|s| s.tag.to_owned()),
            journal: pick(journal.title()),
            year: article.year(),
            volume: article.volume().and_then(clean),
            issue: article.issue().and_then(clean),
            pages: article.pages().and_then(Pages::parse),
            doi: article.doi().and_then(clean),
            url: url.and_then(clean),
            issn: journal.issn().or(journal.eissn()).and_then(clean),
        }
    }

    /// The DOI as a link, else the page's URL (APA, MLA, Chicago).
    fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
            (None, Some(url)) => Some(url.clone()),
            (None, None) => None,
        }
    }
}

/// `A, B, C` and the rest as `others` (`, 等`), GB/T 7714 §8.1.2.
fn gbt7714(p: &Parts, lang: Lang) -> String {
    let mut out = String::new();
    if !p.authors.is_empty() {
        let names: Vec<String> = p.authors.iter().take(3).map(Name::gbt).collect();
        out.push_str(&names.join(", "));
        if p.authors.len() > 3 {
            out.push_str(match lang {
                Lang::Zh => ", 等",
                Lang::En => ", et al",
            });
        }
        out = terminated(out);
        out.push(' ');
    }
    if let Some(title) = &p.title {
        out.push_str(title);
        out.push_str("[J]. ");
    }
    if let Some(journal) = &p.journal {
        out.push_str(journal);
        out.push_str(", ");
    }
    out.push_str(&p.year.to_string());
    match (&p.volume, &p.issue) {
        (Some(v), Some(i)) => out.push_str(&format!(", {v}({i})")),
        (Some(v), None) => out.push_str(&format!(", {v}")),
        (None, Some(i)) => out.push_str(&format!("({i})")),
        (None, None) => {}
    }
    if let Some(pages) = &p.pages {
        out.push_str(": ");
        out.push_str(&pages.joined("-"));
    }
    out.push('.');
    if let Some(doi) = &p.doi {
        out.push_str(&format!(" DOI:{doi}."));
    }
    out
}

/// APA 7 reference list entry.
fn apa(p: &Parts) -> String {
    let names: Vec<String> = p.authors.iter().map(Name::apa).collect();
    let authors = match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        // The comma before "&" belongs to an inverted name ("Han, X., &");
        // a name written whole takes none ("韩笑 & 吴志成").
        [first, last] if matches!(p.authors.first(), Some(Name::Whole(_))) => {
            Some(format!("{first} & {last}"))
        }
        [first @ .., last] if names.len() <= 20 => Some(format!("{}, & {last}", first.join(", "))),
        [.., last] => Some(format!(
            "{}, … {last}",
            names.get(..19).unwrap_or_default().join(", ")
        )),
    };
    let year = format!("({}).", p.year);
    let mut out = Vec::new();
    match (authors, &p.title) {
        (Some(authors), title) => {
            out.push(terminated(authors));
            out.push(year);
            out.extend(title.clone().map(terminated));
        }
        // Without an author the title moves to the author's place.
        (None, Some(title)) => {
            out.push(terminated(title.clone()));
            out.push(year);
        }
        (None, None) => out.push(year),
    }
    let volume = match (&p.volume, &p.issue) {
        (Some(v), Some(i)) => Some(format!("{v}({i})")),
        (Some(v), None) => Some(v.clone()),
        (None, Some(i)) => Some(format!("({i})")),
        (None, None) => None,
    };
    let pages = p.pages.as_ref().map(|pages| match pages {
        Pages::Number(n) => format!("Article {n}"),
        other => other.joined("–"),
    });
    let source: Vec<String> = [p.journal.clone(), volume, pages]
        .into_iter()
        .flatten()
        .collect();
    if !source.is_empty() {
        out.push(terminated(source.join(", ")));
    }
    // APA puts no full stop after a DOI or URL.
    out.extend(p.link());
    out.join(" ")
}

/// Two authors in MLA and Chicago: the first inverted, then ", and" after
/// an inverted name ("Han, Xiao, and Zhicheng Wu") or " and" after a name
/// written whole ("韩笑 and 吴志成").
fn two_authors(first: &Name, second: &Name) -> String {
    let and = match first {
        Name::Whole(_) => " and",
        Name::Person { .. } => ", and",
    };
    format!("{}{and} {}", first.inverted(), second.natural())
}

/// MLA 9 works-cited entry.
fn mla(p: &Parts) -> String {
    let authors = match p.authors.as_slice() {
        [] => None,
        [one] => Some(one.inverted()),
        [first, second] => Some(two_authors(first, second)),
        [first, ..] => Some(format!("{}, et al.", first.inverted())),
    };
    let mut out = Vec::new();
    out.extend(authors.map(terminated));
    if let Some(title) = &p.title {
        out.push(format!("“{}”", terminated(title.clone())));
    }
    let pages = p.pages.as_ref().map(|pages| match pages {
        Pages::Range(..) => format!("pp. {}", pages.shortened(CiteStyle::Mla)),
        Pages::Page(n) => format!("p. {n}"),
        Pages::Number(n) => format!("article {n}"),
    });
    // MLA gives a DOI as a link but a URL without its scheme.
    let link = match (&p.doi, &p.url) {
        (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
        (None, Some(url)) => Some(
            url.strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .unwrap_or(url)
                .to_owned(),
        ),
        (None, None) => None,
    };
    let container: Vec<String> = [
        p.journal.clone(),
        p.volume.as_ref().map(|v| format!("vol. {v}")),
        p.issue.as_ref().map(|i| format!("no. {i}")),
        Some(p.year.to_string()),
        pages,
        link,
    ]
    .into_iter()
    .flatten()
    .collect();
    out.push(terminated(container.join(", ")));
    out.join(" ")
}

/// Chicago 17 bibliography entry (notes-bibliography system).
fn chicago(p: &Parts) -> String {
    let names = &p.authors;
    let natural = |list: &[Name]| list.iter().map(Name::natural).collect::<Vec<_>>();
    let authors = match names.as_slice() {
        [] => None,
        [one] => Some(one.inverted()),
        [first, second] => Some(two_authors(first, second)),
        [first, rest @ .., last] if names.len() <= 10 => {
            let mut list = vec![first.inverted()];
            list.extend(natural(rest));
            Some(format!("{}, and {}", list.join(", "), last.natural()))
        }
        [first, rest @ ..] => {
            let mut list = vec![first.inverted()];
            list.extend(natural(rest.get(..6).unwrap_or_default()));
            Some(format!("{}, et al.", list.join(", ")))
        }
    };
    let mut out = Vec::new();
    out.extend(authors.map(terminated));
    if let Some(title) = &p.title {
        out.push(format!("“{}”", terminated(title.clone())));
    }
    let mut source = p.journal.clone().unwrap_or_default();
    if let Some(v) = &p.volume {
        if !source.is_empty() {
            source.push(' ');
        }
        source.push_str(v);
    }
    if let Some(i) = &p.issue {
        if !source.is_empty() {
            source.push_str(", ");
        }
        source.push_str(&format!("no. {i}"));
    }
    if !source.is_empty() {
        source.push(' ');
    }
    source.push_str(&format!("({})", p.year));
    if let Some(pages) = &p.pages {
        source.push_str(": ");
        source.push_str(&pages.shortened(CiteStyle::Chicago));
    }
    out.push(terminated(source));
    out.extend(p.link().map(terminated));
    out.join(" ")
}

/// Escapes text for a BibTeX field in braces. Braces become
/// `\textbraceleft{}`/`\textbraceright{}` rather than `\{`, because BibTeX
/// and biber count every brace, escaped or not, when they look for the end
/// of a field: one stray `\{` would swallow the rest of the file.
fn escape_bibtex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A `doi` or `url` value: biblatex reads these verbatim, so nothing is
/// escaped; the characters that would unbalance the field are
/// percent-encoded instead, as they would be in a link anyway.
fn verbatim_bibtex(text: &str) -> String {
    text.replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D")
}

/// A BibTeX `@article` entry; Chinese stays UTF-8 (biber reads it).
fn bibtex(p: &Parts, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !p.authors.is_empty() {
        let names: Vec<String> = p.authors.iter().map(Name::bibtex).collect();
        fields.push(("author", names.join(" and ")));
    }
    fields.extend(p.title.as_deref().map(|t| ("title", escape_bibtex(t))));
    fields.extend(p.journal.as_deref().map(|j| ("journal", escape_bibtex(j))));
    fields.push(("year", p.year.to_string()));
    fields.extend(p.volume.as_deref().map(|v| ("volume", escape_bibtex(v))));
    fields.extend(p.issue.as_deref().map(|i| ("number", escape_bibtex(i))));
    fields.extend(
        p.pages
            .as_ref()
            .map(|pages| ("pages", escape_bibtex(&pages.joined("--")))),
    );
    fields.extend(p.doi.as_deref().map(|d| ("doi", verbatim_bibtex(d))));
    fields.extend(p.url.as_deref().map(|u| ("url", verbatim_bibtex(u))));
    fields.extend(p.issn.as_deref().map(|s| ("issn", escape_bibtex(s))));
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {{{value}}}"))
        .collect();
    format!("@article{{{key},\n{}\n}}\n", body.join(",\n"))
}

/// An RIS record, lines ending in `"\n"` (see [`cite`]).
fn ris(p: &Parts) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", "JOUR".to_owned())];
    lines.extend(p.authors.iter().map(|a| ("AU", a.inverted())));
    lines.extend(p.title.clone().map(|t| ("TI", t)));
    lines.extend(p.journal.clone().map(|j| ("T2", j)));
    lines.push(("PY", p.year.to_string()));
    lines.extend(p.volume.clone().map(|v| ("VL", v)));
    lines.extend(p.issue.clone().map(|i| ("IS", i)));
    match &p.pages {
        Some(Pages::Range(first, last)) => {
            lines.push(("SP", first.clone()));
            lines.push(("EP", last.clone()));
        }
        Some(Pages::Page(n) | Pages::Number(n)) => lines.push(("SP", n.clone())),
        None => {}
    }
    lines.extend(p.doi.clone().map(|d| ("DO", d)));
    lines.extend(p.url.clone().map(|u| ("UR", u)));
    lines.extend(p.issn.clone().map(|s| ("SN", s)));
    lines.extend(p.title_tag.clone().map(|t| ("LA", t)));
    lines.push(("ER", String::new()));
    lines
        .iter()
        .map(|(tag, value)| format!("{tag}  - {value}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str, note: &str) -> Option<Name> {
        Some(Name::Person {
            family: family.to_owned(),
            given: given.to_owned(),
            note: note.to_owned(),
        })
    }

    #[test]
    fn names_split_as_documented() {
        for (raw, want) in [
            ("Alice Example", person("Example", "Alice", "")),
            ("Alice  B.\nExample", person("Example", "Alice B.", "")),
            ("Example, Alice B.", person("Example", "Alice B.", "")),
            (
                "van Beethoven, Ludwig",
                person("van Beethoven", "Ludwig", ""),
            ),
            ("Plato", person("Plato", "", "")),
            (", Alice Example", person("Example", "Alice", "")),
            ("Example,", person("Example", "", "")),
            (
                "Author A (placeholder)",
                person("A", "Author", "(placeholder)"),
            ),
            ("Author (x) A (y)", person("A", "Author", "(x) (y)")),
            ("Author (A", person("(A", "Author", "")),
            ("Ann (a (nested) b", person("b", "Ann (a (nested)", "")),
            ("Author A)", person("A)", "Author", "")),
            ("<i>Alice</i> Example", person("Example", "Alice", "")),
            ("韩笑", Some(Name::Whole("韩笑".into()))),
            ("作者甲（占位）", Some(Name::Whole("作者甲（占位）".into()))),
            ("Han 笑", Some(Name::Whole("Han 笑".into()))),
            ("(anonymous)", Some(Name::Whole("(anonymous)".into()))),
            (",", None),
            ("-- --", None),
            ("（）", None),
            ("", None),
            ("  <b></b> ", None),
        ] {
            assert_eq!(Name::parse(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn names_print_in_each_form() {
        let forms = |raw: &str| {
            let name = Name::parse(raw).unwrap();
            [
                name.gbt(),
                name.apa(),
                name.inverted(),
                name.natural(),
                name.bibtex(),
            ]
        };
        assert_eq!(
            forms("Alice Bea Example"),
            [
                "EXAMPLE A B",
                "Example, A. B.",
                "Example, Alice Bea",
                "Alice Bea Example",
                "Example, Alice Bea"
            ]
        );
        assert_eq!(
            forms("Zhi-Cheng Wu"),
            [
                "WU Z C",
                "Wu, Z.-C.",
                "Wu, Zhi-Cheng",
                "Zhi-Cheng Wu",
                "Wu, Zhi-Cheng"
            ]
        );
        assert_eq!(
            forms("Author A (placeholder)"),
            [
                "A A (placeholder)",
                "A, A. (placeholder)",
                "A, Author (placeholder)",
                "Author A (placeholder)",
                "A, Author (placeholder)"
            ]
        );
        assert_eq!(
            forms("Plato"),
            ["PLATO", "Plato", "Plato", "Plato", "Plato"]
        );
        assert_eq!(forms("韩笑"), ["韩笑", "韩笑", "韩笑", "韩笑", "韩笑"]);
        assert_eq!(forms("Smith and Sons, Ann")[4], "{Smith and Sons}, Ann");
        assert_eq!(forms("作者 甲")[4], "{作者 甲}");
        assert_eq!(
            forms("Ann O'Brien_{x}")[4],
            "O'Brien\\_\\textbraceleft{}x\\textbraceright{}, Ann"
        );
    }

    #[test]
    fn pages_parse() {
        let p = |s: &str| Pages::parse(s);
        assert_eq!(p("95-105"), Some(Pages::Range("95".into(), "105".into())));
        assert_eq!(p("95–105"), Some(Pages::Range("95".into(), "105".into())));
        assert_eq!(
            p(" 95 - 105 "),
            Some(Pages::Range("95".into(), "105".into()))
        );
        assert_eq!(p("95--105"), Some(Pages::Range("95".into(), "105".into())));
        assert_eq!(p("95"), Some(Pages::Page("95".into())));
        assert_eq!(p("95-"), Some(Pages::Page("95".into())));
        assert_eq!(p("e0001"), Some(Pages::Number("e0001".into())));
        assert_eq!(p("-"), None);
        assert_eq!(p(" "), None);
    }

    #[test]
    fn page_ranges_shorten_as_mla_and_chicago_say() {
        for (range, mla, chicago) in [
            ("3-10", "3–10", "3–10"),
            ("96-117", "96–117", "96–117"),
            ("95-105", "95–105", "95–105"),
            ("100-104", "100–104", "100–104"),
            ("1100-1113", "1100–13", "1100–1113"),
            ("101-108", "101–108", "101–8"),
            ("101-120", "101–20", "101–20"),
            ("808-833", "808–33", "808–33"),
            ("1103-1104", "1103–1104", "1103–4"),
            ("321-328", "321–28", "321–28"),
            ("498-532", "498–532", "498–532"),
            ("1087-1089", "1087–89", "1087–89"),
            ("1496-1504", "1496–504", "1496–1504"),
            ("2787-2816", "2787–816", "2787–2816"),
            ("1198-1215", "1198–215", "1198–1215"),
            ("120-101", "120–101", "120–101"),
            ("e1-e9", "e1–e9", "e1–e9"),
            ("95", "95", "95"),
        ] {
            let pages = Pages::parse(range).unwrap();
            assert_eq!(pages.shortened(CiteStyle::Mla), mla, "MLA {range}");
            assert_eq!(
                pages.shortened(CiteStyle::Chicago),
                chicago,
                "Chicago {range}"
            );
        }
    }

    #[test]
    fn initials_skip_words_without_letters() {
        assert_eq!(initials("- & Ann"), vec![vec!["A".to_owned()]]);
        assert_eq!(initials("ßa"), vec![vec!["SS".to_owned()]]);
    }
}
