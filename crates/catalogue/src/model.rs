//! The validated catalogue. Every value here has passed the contract checks
//! in `decode`, so fields are private and reached through getters.

use std::collections::HashMap;
use std::fmt;

use crate::lang::{Lang, LangText};
use crate::split::Split;

/// An article id: 1-128 characters from `A-Z a-z 0-9 . _ -`, safe as a URL
/// segment and as a directory name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(String);

impl ArticleId {
    pub fn parse(s: &str) -> Result<ArticleId, String> {
        if s.is_empty() || s.len() > 128 {
            return Err(format!(
                "an id must be 1 to 128 characters long; this one has {}",
                s.chars().count()
            ));
        }
        if let Some(bad) = s
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(format!(
                "an id may only use A-Z, a-z, 0-9, '.', '_' and '-' (it becomes the article's \
                 address); found {bad:?}"
            ));
        }
        if s == "." || s == ".." {
            return Err(format!(
                "{s:?} cannot be an id: it is a directory name in URLs"
            ));
        }
        Ok(ArticleId(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A journal: the collection's (top-level `journal`) or one article's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journal {
    pub(crate) title: LangText,
    pub(crate) issn: Option<String>,
    pub(crate) eissn: Option<String>,
    pub(crate) cn: Option<String>,
}

impl Journal {
    pub fn title(&self) -> &LangText {
        &self.title
    }
    /// Print ISSN, as written.
    pub fn issn(&self) -> Option<&str> {
        self.issn.as_deref()
    }
    /// Electronic ISSN, as written.
    pub fn eissn(&self) -> Option<&str> {
        self.eissn.as_deref()
    }
    /// Chinese CN serial number, as written.
    pub fn cn(&self) -> Option<&str> {
        self.cn.as_deref()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub(crate) name: LangText,
    pub(crate) affiliations: Vec<u32>,
    pub(crate) bio: Option<LangText>,
    pub(crate) orcid: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) corresponding: bool,
}

impl Author {
    pub fn name(&self) -> &LangText {
        &self.name
    }
    /// Affiliation numbers, each one present in the article's affiliations.
    pub fn affiliations(&self) -> &[u32] {
        &self.affiliations
    }
    /// The author note (作者简介).
    pub fn bio(&self) -> Option<&LangText> {
        self.bio.as_ref()
    }
    pub fn orcid(&self) -> Option<&str> {
        self.orcid.as_deref()
    }
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
    pub fn is_corresponding(&self) -> bool {
        self.corresponding
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Affiliation {
    pub(crate) id: u32,
    pub(crate) name: LangText,
}

impl Affiliation {
    /// The number shown on the page.
    pub fn id(&self) -> u32 {
        self.id
    }
    pub fn name(&self) -> &LangText {
        &self.name
    }
}

/// A date as precise as the catalogue gives it: `2024`, `2024-06` or
/// `2024-06-16`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let wrong = || format!("expected a date as YYYY-MM-DD, YYYY-MM or YYYY; found {s:?}");
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u16>().ok())
                .flatten()
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4).ok_or_else(wrong)?, None, None),
            [y, m] => (
                number(y, 4).ok_or_else(wrong)?,
                Some(number(m, 2).ok_or_else(wrong)?),
                None,
            ),
            [y, m, d] => (
                number(y, 4).ok_or_else(wrong)?,
                Some(number(m, 2).ok_or_else(wrong)?),
                Some(number(d, 2).ok_or_else(wrong)?),
            ),
            _ => return Err(wrong()),
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("{s:?} has no month {m}"));
            }
            if let Some(d) = day
                && (d < 1 || d > days_in_month(year, m))
            {
                return Err(format!("{s:?} is not a day of the calendar"));
            }
        }
        // The casts are lossless: both were checked to be at most 31.
        Ok(PartialDate {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The kinds of date an article can carry, in the order they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateKind {
    Received,
    Revised,
    Accepted,
    Online,
    Published,
}

impl DateKind {
    pub const ALL: [DateKind; 5] = [
        DateKind::Received,
        DateKind::Revised,
        DateKind::Accepted,
        DateKind::Online,
        DateKind::Published,
    ];

    /// The field name in the catalogue.
    pub fn key(self) -> &'static str {
        match self {
            DateKind::Received => "received",
            DateKind::Revised => "revised",
            DateKind::Accepted => "accepted",
            DateKind::Online => "online",
            DateKind::Published => "published",
        }
    }
}

/// The dates an article has, in [`DateKind`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dates {
    pub(crate) entries: Vec<(DateKind, PartialDate)>,
}

impl Dates {
    pub fn iter(&self) -> impl Iterator<Item = (DateKind, PartialDate)> + '_ {
        self.entries.iter().copied()
    }
    pub fn get(&self, kind: DateKind) -> Option<PartialDate> {
        self.entries
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, d)| *d)
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funding {
    pub(crate) name: LangText,
    pub(crate) award: Option<String>,
}

impl Funding {
    pub fn name(&self) -> &LangText {
        &self.name
    }
    pub fn award(&self) -> Option<&str> {
        self.award.as_deref()
    }
}

/// Keyword lists by language tag, in the catalogue's order. Lists of equal
/// length pair by position (`digital diplomacy` = `数字外交`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keywords {
    pub(crate) entries: Vec<(String, Vec<String>)>,
}

impl Keywords {
    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|(_, list)| list.is_empty())
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.entries.iter().map(|(t, l)| (t.as_str(), l.as_slice()))
    }

    /// The list to show for `lang`, with its tag and whether it is a
    /// fallback, choosing as [`LangText::pick`] does.
    pub fn pick(&self, lang: Lang) -> Option<(&str, &[String], bool)> {
        let in_lang = |l: Lang| {
            self.entries()
                .find(|(tag, list)| Lang::from_tag(tag) == Some(l) && !list.is_empty())
        };
        if let Some((tag, list)) = in_lang(lang) {
            return Some((tag, list, false));
        }
        in_lang(lang.other())
            .or_else(|| self.entries().find(|(_, list)| !list.is_empty()))
            .map(|(tag, list)| (tag, list, true))
    }

    /// Every keyword in every language.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .flat_map(|(_, l)| l.iter().map(String::as_str))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub(crate) id: ArticleId,
    pub(crate) year: i64,
    pub(crate) volume: Option<String>,
    pub(crate) issue: Option<String>,
    pub(crate) pages: Option<String>,
    pub(crate) doi: Option<String>,
    pub(crate) title: LangText,
    pub(crate) authors: Vec<Author>,
    pub(crate) affiliations: Vec<Affiliation>,
    pub(crate) dates: Dates,
    pub(crate) funding: Vec<Funding>,
    pub(crate) abstract_: LangText,
    pub(crate) keywords: Keywords,
    pub(crate) journal: Option<Journal>,
}

impl Article {
    pub fn id(&self) -> &ArticleId {
        &self.id
    }
    pub fn year(&self) -> i64 {
        self.year
    }
    pub fn volume(&self) -> Option<&str> {
        self.volume.as_deref()
    }
    pub fn issue(&self) -> Option<&str> {
        self.issue.as_deref()
    }
    pub fn pages(&self) -> Option<&str> {
        self.pages.as_deref()
    }
    /// A bare DOI (`10.1234/abc`).
    pub fn doi(&self) -> Option<&str> {
        self.doi.as_deref()
    }
    pub fn title(&self) -> &LangText {
        &self.title
    }
    pub fn authors(&self) -> &[Author] {
        &self.authors
    }
    pub fn affiliations(&self) -> &[Affiliation] {
        &self.affiliations
    }
    pub fn dates(&self) -> &Dates {
        &self.dates
    }
    pub fn funding(&self) -> &[Funding] {
        &self.funding
    }
    pub fn abstract_text(&self) -> &LangText {
        &self.abstract_
    }
    pub fn keywords(&self) -> &Keywords {
        &self.keywords
    }
    /// The article's own journal, when it overrides the catalogue's.
    pub fn own_journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
    }
}

/// A validated catalogue: the collection's journal and its articles in
/// reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    pub(crate) journal: Journal,
    pub(crate) articles: Vec<Article>,
    pub(crate) positions: HashMap<ArticleId, usize>,
    pub(crate) split: Option<Split>,
}

impl Catalogue {
    pub(crate) fn new(journal: Journal, articles: Vec<Article>) -> Catalogue {
        let positions = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        Catalogue {
            journal,
            articles,
            positions,
            split: None,
        }
    }

    /// For a split catalogue (`docs/split-catalogue.md`), where its parts
    /// are; its own article list is then empty.
    pub fn split(&self) -> Option<&Split> {
        self.split.as_ref()
    }

    /// The collection's journal (top-level `journal`).
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The articles in reading order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.position(id).map(|i| &self.articles[i])
    }

    /// The article's index in reading order.
    pub fn position(&self, id: &str) -> Option<usize> {
        let id = ArticleId::parse(id).ok()?;
        self.positions.get(&id).copied()
    }

    /// The article before `id` in reading order.
    pub fn previous(&self, id: &str) -> Option<&Article> {
        let i = self.position(id)?;
        i.checked_sub(1).and_then(|i| self.articles.get(i))
    }

    /// The article after `id` in reading order.
    pub fn next(&self, id: &str) -> Option<&Article> {
        let i = self.position(id)?;
        self.articles.get(i + 1)
    }

    /// The journal an article appeared in: its own, else the catalogue's.
    pub fn journal_of<'a>(&'a self, article: &'a Article) -> &'a Journal {
        article.journal.as_ref().unwrap_or(&self.journal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_contract() {
        assert!(ArticleId::parse("2024-58-6-95").is_ok());
        assert!(ArticleId::parse("a.b_c-D9").is_ok());
        assert!(ArticleId::parse(&"x".repeat(128)).is_ok());
        for bad in ["", "a b", "a/b", "数字", "..", ".", "a?b"] {
            assert!(ArticleId::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(ArticleId::parse(&"x".repeat(129)).is_err());
    }

    #[test]
    fn dates_parse_at_three_precisions() {
        let d = PartialDate::parse("2024-06-16").unwrap();
        assert_eq!((d.year, d.month, d.day), (2024, Some(6), Some(16)));
        assert_eq!(d.to_string(), "2024-06-16");
        assert_eq!(
            PartialDate::parse("2024-06").unwrap().to_string(),
            "2024-06"
        );
        assert_eq!(PartialDate::parse("2024").unwrap().to_string(), "2024");
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-06-31",
            "24-06-16",
            "2024/06/16",
            "2024-6-1",
            "",
            "2024-06-16T00:00",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
