//! The journal as a whole: its issues (the table of contents) and its
//! keyword index.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::lang::Lang;
use crate::model::{Article, Catalogue, Journal};
use crate::url::{and_lang, encode_component};

/// Which issue an article belongs to: its journal, year, volume and issue.
///
/// `journal` is `None` for the catalogue's own journal, else the article's
/// own journal's key ([`journal_key`]), so two journals' "2024, Vol. 1,
/// Issue 1" stay apart.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IssueKey {
    pub journal: Option<String>,
    pub year: i64,
    pub volume: Option<String>,
    pub issue: Option<String>,
}

impl IssueKey {
    pub fn of(article: &Article) -> IssueKey {
        IssueKey {
            journal: article.own_journal().map(journal_key),
            year: article.year(),
            volume: article.volume().map(str::to_owned),
            issue: article.issue().map(str::to_owned),
        }
    }

    /// Reads the key from an issue page's query parameters (`j`, `y`, `v`,
    /// `n`), as [`issue_path`] writes them; `None` without a valid year.
    pub fn from_query(
        journal: Option<String>,
        year: Option<&str>,
        volume: Option<String>,
        issue: Option<String>,
    ) -> Option<IssueKey> {
        let year = year?.trim().parse().ok()?;
        let present = |s: Option<String>| s.filter(|s| !s.is_empty());
        Some(IssueKey {
            journal: present(journal),
            year,
            volume: present(volume),
            issue: present(issue),
        })
    }

    /// Newest first: year, then volume, then issue, each compared as numbers
    /// where they are numbers (`10` after `9`, `S1` after `6`).
    fn newest_first(&self, other: &IssueKey) -> Ordering {
        other
            .year
            .cmp(&self.year)
            .then_with(|| natural(other.volume.as_deref(), self.volume.as_deref()))
            .then_with(|| natural(other.issue.as_deref(), self.issue.as_deref()))
    }
}

/// Compares volume or issue labels: numbers by value, then the rest as text;
/// a missing label sorts first.
fn natural(a: Option<&str>, b: Option<&str>) -> Ordering {
    fn split(s: &str) -> (Option<u64>, &str) {
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (s[..digits].parse().ok(), &s[digits..])
    }
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(a), Some(b)) => {
            let (na, ra) = split(a);
            let (nb, rb) = split(b);
            // Plain numbers before labels such as "S1".
            (na.is_none(), na, ra).cmp(&(nb.is_none(), nb, rb))
        }
    }
}

/// A short stable name for an article's own journal in addresses: its ISSN,
/// else its eISSN, else its CN number, else its first title.
pub fn journal_key(journal: &Journal) -> String {
    journal
        .issn()
        .or(journal.eissn())
        .or(journal.cn())
        .or_else(|| journal.title().entries().next().map(|(_, t)| t))
        .unwrap_or_default()
        .to_owned()
}

/// The address of an issue's page; `lang_query` is `""` or `?lang=…`.
pub fn issue_path(base: &str, key: &IssueKey, lang_query: &str) -> String {
    let mut query = String::new();
    if let Some(j) = &key.journal {
        query.push_str(&format!("j={}&", encode_component(j)));
    }
    query.push_str(&format!("y={}", key.year));
    if let Some(v) = &key.volume {
        query.push_str(&format!("&v={}", encode_component(v)));
    }
    if let Some(n) = &key.issue {
        query.push_str(&format!("&n={}", encode_component(n)));
    }
    let extra = and_lang(lang_query);
    format!("{base}/issue/?{query}{extra}")
}

/// The issue's name: `2024, Vol. 58, Issue (6)` as on the seed page, or
/// `2024年第58卷第6期`.
pub fn issue_label(key: &IssueKey, lang: Lang) -> String {
    let year = key.year;
    match lang {
        Lang::En => {
            let mut label = year.to_string();
            if let Some(v) = &key.volume {
                label.push_str(&format!(", Vol. {v}"));
            }
            if let Some(n) = &key.issue {
                label.push_str(&format!(", Issue ({n})"));
            }
            label
        }
        Lang::Zh => {
            let mut label = format!("{year}年");
            if let Some(v) = &key.volume {
                label.push_str(&format!("第{v}卷"));
            }
            if let Some(n) = &key.issue {
                label.push_str(&format!("第{n}期"));
            }
            label
        }
    }
}

/// One issue and its articles in reading order.
#[derive(Debug)]
pub struct Issue<'a> {
    pub key: IssueKey,
    pub journal: &'a Journal,
    pub articles: Vec<&'a Article>,
}

/// One journal's issues, newest first.
#[derive(Debug)]
pub struct JournalIssues<'a> {
    pub journal: &'a Journal,
    pub issues: Vec<Issue<'a>>,
}

impl Catalogue {
    /// The table of contents: journals in the order their first article
    /// appears, each with its issues newest first, each issue's articles in
    /// reading order.
    pub fn table_of_contents(&self) -> Vec<JournalIssues<'_>> {
        let mut journals: Vec<(Option<String>, JournalIssues<'_>)> = Vec::new();
        for issue in self.issues() {
            match journals.iter_mut().find(|(k, _)| *k == issue.key.journal) {
                Some((_, group)) => group.issues.push(issue),
                None => journals.push((
                    issue.key.journal.clone(),
                    JournalIssues {
                        journal: issue.journal,
                        issues: vec![issue],
                    },
                )),
            }
        }
        // `issues()` is newest first overall; restore journal order by first
        // appearance in the catalogue.
        let first_seen = |key: &Option<String>| {
            self.articles
                .iter()
                .position(|a| a.own_journal().map(journal_key) == *key)
                .unwrap_or(usize::MAX)
        };
        journals.sort_by_key(|(k, _)| first_seen(k));
        journals.into_iter().map(|(_, g)| g).collect()
    }

    /// Every issue, newest first, each with its articles in reading order.
    pub fn issues(&self) -> Vec<Issue<'_>> {
        let mut issues: Vec<Issue<'_>> = Vec::new();
        let mut index: HashMap<IssueKey, usize> = HashMap::new();
        for article in &self.articles {
            let key = IssueKey::of(article);
            match index.get(&key) {
                Some(&i) => issues[i].articles.push(article),
                None => {
                    index.insert(key.clone(), issues.len());
                    issues.push(Issue {
                        key,
                        journal: self.journal_of(article),
                        articles: vec![article],
                    });
                }
            }
        }
        issues.sort_by(|a, b| a.key.newest_first(&b.key));
        issues
    }

    /// The issue with `key`, if any article is in it.
    pub fn issue(&self, key: &IssueKey) -> Option<Issue<'_>> {
        let articles: Vec<&Article> = self
            .articles
            .iter()
            .filter(|a| IssueKey::of(a) == *key)
            .collect();
        let first = articles.first()?;
        Some(Issue {
            key: key.clone(),
            journal: self.journal_of(first),
            articles,
        })
    }
}

/// A keyword's written forms: `(language tag, keyword)`, one per tag.
pub(crate) type Forms = Vec<(String, String)>;

/// The form in `lang`, if `forms` has one.
pub(crate) fn form_in(forms: &Forms, lang: Lang) -> Option<&str> {
    forms
        .iter()
        .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
        .map(|(_, f)| f.as_str())
}

/// The form to name a keyword by in `lang`: that language's, else the first.
fn name_in(forms: &Forms, lang: Lang) -> &str {
    form_in(forms, lang)
        .or_else(|| forms.first().map(|(_, f)| f.as_str()))
        .unwrap_or_default()
}

/// Where a keyword goes in the keyword index for `lang`: keywords with a
/// form in `lang` first, by that form folded (by code point); then the rest.
pub(crate) fn index_order(
    forms: &Forms,
    lang: Lang,
    fold: &dyn Fn(&str) -> String,
) -> (bool, String) {
    (form_in(forms, lang).is_none(), fold(name_in(forms, lang)))
}

/// One keyword of the index: its forms (one per language tag, as first
/// written) and the articles carrying any of them.
#[derive(Debug)]
pub struct KeywordEntry<'a> {
    /// `(language tag, keyword as written)`, the first of each tag.
    pub forms: Forms,
    pub articles: Vec<&'a Article>,
}

impl KeywordEntry<'_> {
    /// The form in `lang`, if the entry has one.
    pub fn form(&self, lang: Lang) -> Option<&str> {
        form_in(&self.forms, lang)
    }

    /// The form to name the entry by in `lang`: that language's, else the
    /// first.
    pub fn name(&self, lang: Lang) -> &str {
        name_in(&self.forms, lang)
    }
}

/// Union-find over folded keywords: keywords that an article's lists pair
/// by position are one entry.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            // The earlier keyword stays the root, so entries keep the
            // catalogue's order of first appearance.
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[high] = low;
        }
    }
}

impl Catalogue {
    /// The keyword index: every keyword, with keywords that articles pair
    /// across languages (lists of equal length pair by position:
    /// `digital diplomacy` = `数字外交`) merged into one entry. Keywords are
    /// compared as `fold` makes them (see
    /// [`keyword_entry`](Catalogue::keyword_entry)). Sorted by the form in
    /// `lang` (by code point: Latin alphabetically, Chinese not by pinyin),
    /// entries without one last.
    pub fn keyword_index(
        &self,
        lang: Lang,
        fold: impl Fn(&str) -> String,
    ) -> Vec<KeywordEntry<'_>> {
        let (mut index, _) = self.keyword_groups(&fold);
        index.sort_by_cached_key(|e| index_order(&e.forms, lang, &fold));
        index
    }

    /// The keyword index entry holding `keyword`, folded as `fold` does.
    pub fn keyword_entry(
        &self,
        keyword: &str,
        fold: impl Fn(&str) -> String,
    ) -> Option<KeywordEntry<'_>> {
        let (mut entries, by_folded) = self.keyword_groups(&fold);
        let &e = by_folded.get(&fold(keyword))?;
        Some(entries.swap_remove(e))
    }

    /// The keyword index's entries in order of first appearance, and the
    /// entry of every folded keyword.
    pub(crate) fn keyword_groups(
        &self,
        fold: &dyn Fn(&str) -> String,
    ) -> (Vec<KeywordEntry<'_>>, HashMap<String, usize>) {
        // Every distinct folded keyword, numbered in order of appearance,
        // with its first written form per language tag.
        let mut numbers: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<Forms> = Vec::new();
        let mut groups = Groups { parent: Vec::new() };
        let mut carriers: Vec<Vec<usize>> = Vec::new();
        for (position, article) in self.articles.iter().enumerate() {
            let lists: Vec<(&str, Vec<usize>)> = article
                .keywords()
                .entries()
                .map(|(tag, list)| {
                    let ids = list
                        .iter()
                        .filter_map(|word| {
                            let folded = fold(word);
                            if folded.is_empty() {
                                return None;
                            }
                            let n = *numbers.entry(folded).or_insert_with(|| {
                                forms.push(Vec::new());
                                carriers.push(Vec::new());
                                groups.parent.push(groups.parent.len());
                                forms.len() - 1
                            });
                            if !forms[n].iter().any(|(t, _)| t == tag) {
                                forms[n].push((tag.to_owned(), word.clone()));
                            }
                            if carriers[n].last() != Some(&position) {
                                carriers[n].push(position);
                            }
                            Some(n)
                        })
                        .collect();
                    (tag, ids)
                })
                .collect();
            // Pair lists of the same length by position. Only lists that
            // kept every keyword pair (an empty keyword breaks the order).
            let lengths: Vec<usize> = article.keywords().entries().map(|(_, l)| l.len()).collect();
            for (i, (_, a)) in lists.iter().enumerate() {
                for (j, (_, b)) in lists.iter().enumerate().skip(i + 1) {
                    if lengths[i] == lengths[j] && a.len() == lengths[i] && b.len() == lengths[j] {
                        for (&x, &y) in a.iter().zip(b) {
                            groups.join(x, y);
                        }
                    }
                }
            }
        }

        let mut entries: Vec<(Forms, Vec<usize>)> = Vec::new();
        let mut entry_of_root: HashMap<usize, usize> = HashMap::new();
        for n in 0..forms.len() {
            let root = groups.root(n);
            let e = *entry_of_root.entry(root).or_insert_with(|| {
                entries.push((Vec::new(), Vec::new()));
                entries.len() - 1
            });
            for (tag, word) in &forms[n] {
                if !entries[e].0.iter().any(|(t, _)| t == tag) {
                    entries[e].0.push((tag.clone(), word.clone()));
                }
            }
            entries[e].1.extend(&carriers[n]);
        }
        let index: Vec<KeywordEntry<'_>> = entries
            .into_iter()
            .map(|(forms, mut positions)| {
                positions.sort_unstable();
                positions.dedup();
                KeywordEntry {
                    forms,
                    articles: positions.iter().map(|&p| &self.articles[p]).collect(),
                }
            })
            .collect();
        let by_folded = numbers
            .into_iter()
            .filter_map(|(folded, n)| {
                let root = groups.root(n);
                entry_of_root.get(&root).map(|&e| (folded, e))
            })
            .collect();
        (index, by_folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_sort_as_numbers_then_text() {
        let mut labels = vec!["10", "S1", "2", "9", "1"];
        labels.sort_by(|a, b| natural(Some(a), Some(b)));
        assert_eq!(labels, ["1", "2", "9", "10", "S1"]);
        assert_eq!(natural(None, Some("1")), Ordering::Less);
    }

    #[test]
    fn issue_labels_in_both_languages() {
        let key = IssueKey {
            journal: None,
            year: 2024,
            volume: Some("58".into()),
            issue: Some("6".into()),
        };
        assert_eq!(issue_label(&key, Lang::En), "2024, Vol. 58, Issue (6)");
        assert_eq!(issue_label(&key, Lang::Zh), "2024年第58卷第6期");
        let bare = IssueKey {
            volume: None,
            issue: None,
            ..key.clone()
        };
        assert_eq!(issue_label(&bare, Lang::En), "2024");
        assert_eq!(issue_label(&bare, Lang::Zh), "2024年");
    }

    #[test]
    fn issue_paths_round_trip_through_the_query() {
        let key = IssueKey {
            journal: Some("0257-2826".into()),
            year: 2024,
            volume: Some("58".into()),
            issue: Some("S1".into()),
        };
        assert_eq!(
            issue_path("/r", &key, "?lang=zh"),
            "/r/issue/?j=0257-2826&y=2024&v=58&n=S1&lang=zh"
        );
        let read = IssueKey::from_query(
            Some("0257-2826".into()),
            Some("2024"),
            Some("58".into()),
            Some("S1".into()),
        );
        assert_eq!(read, Some(key));
        assert_eq!(IssueKey::from_query(None, Some("x"), None, None), None);
        assert_eq!(IssueKey::from_query(None, None, None, None), None);
    }
}
