//! From JSON text to a validated [`Catalogue`], collecting every contract
//! problem on the way rather than stopping at the first.
//!
//! The text is parsed into a `serde_json::Value` (syntax errors carry
//! line:column from serde_json), then walked by hand: a derive would stop at
//! the first wrong field, and editors want the whole list in one go. Paths
//! are built lazily as a linked list on the stack, so a valid catalogue costs
//! no path allocations at all.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::FORMAT;
use crate::error::{Diagnostic, JsonPath, LoadError, PathSegment, Severity};
use crate::lang::{Lang, LangText};
use crate::lint::{self, PlaceKey};
use crate::locate::position_of;
use crate::model::{
    Affiliation, Article, ArticleId, Author, Catalogue, DateKind, Dates, Funding, Journal,
    Keywords, PartialDate,
};
use crate::split::{self, SPLIT_FORMAT, Split};

/// Locating a diagnostic rescans the text; beyond this many, the list is
/// long enough that positions stop helping.
const MAX_LOCATED: usize = 200;

impl Catalogue {
    /// Parses and validates a catalogue. On failure the error lists every
    /// problem found, each with its JSON path and, where found, line:column.
    pub fn from_json(text: &str) -> Result<Catalogue, LoadError> {
        decode(text, false).map(|(catalogue, _)| catalogue)
    }

    /// As [`Catalogue::from_json`], and also looks for what the contract
    /// allows but is probably a mistake (see `lint.rs`): the warnings come
    /// with the catalogue, or among the errors when it is refused.
    pub fn check_json(text: &str) -> Result<(Catalogue, Vec<Diagnostic>), LoadError> {
        decode(text, true)
    }
}

fn decode(text: &str, lint: bool) -> Result<(Catalogue, Vec<Diagnostic>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    let mut decoder = Decoder {
        lint,
        diagnostics: Vec::new(),
    };
    let catalogue = decoder.catalogue(&value);
    let mut diagnostics = decoder.diagnostics;
    // Errors first, each group in document order.
    diagnostics.sort_by_key(|d| d.severity != Severity::Error);
    for d in diagnostics.iter_mut().take(MAX_LOCATED) {
        d.position = position_of(text, &d.path);
    }
    match catalogue {
        Some(catalogue) if diagnostics.iter().all(|d| d.severity != Severity::Error) => {
            Ok((catalogue, diagnostics))
        }
        _ => Err(LoadError::Contract(diagnostics)),
    }
}

fn syntax_error(text: &str, e: &serde_json::Error) -> LoadError {
    // serde_json appends " at line L column C" to its message; we show the
    // position ourselves, in words.
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    LoadError::Syntax {
        message,
        line: e.line(),
        column: e.column(),
        looks_like_html: text.trim_start().starts_with('<'),
    }
}

/// Where a value sits, as a linked list of steps back to the root.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    const ROOT: At<'static> = At {
        parent: None,
        step: Step::Root,
    };

    fn key<'b>(&'b self, key: &'b str) -> At<'b> {
        At {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    fn to_path(self) -> JsonPath {
        let mut segments = Vec::new();
        let mut at = Some(&self);
        while let Some(a) = at {
            match a.step {
                Step::Root => {}
                Step::Key(k) => segments.push(PathSegment::Key(k.to_owned())),
                Step::Index(i) => segments.push(PathSegment::Index(i)),
            }
            at = a.parent;
        }
        segments.reverse();
        JsonPath(segments)
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A BCP 47 tag in shape: letters, then `-`-separated alphanumeric subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

struct Decoder {
    /// Also report warnings (`cargo xtask check`); the reader skips them.
    lint: bool,
    diagnostics: Vec<Diagnostic>,
}

impl Decoder {
    fn push(&mut self, severity: Severity, at: &At<'_>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            severity,
            path: at.to_path(),
            message: message.into(),
            position: None,
        });
    }

    fn warn(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.push(Severity::Warning, at, message);
    }

    /// Warnings about one string: markup, normalisation.
    fn lint_text(&mut self, at: &At<'_>, text: &str) {
        if self.lint {
            for message in lint::text_warnings(text) {
                self.warn(at, message);
            }
        }
    }

    fn error(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.push(Severity::Error, at, message);
    }

    fn object<'v>(
        &mut self,
        v: &'v Value,
        at: &At<'_>,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(map) => Some(map),
            other => {
                self.error(
                    at,
                    format!("expected {what} (an object), found {}", describe(other)),
                );
                None
            }
        }
    }

    /// A required field: reports its absence.
    fn required<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        at: &At<'_>,
        hint: &str,
    ) -> Option<&'v Value> {
        match obj.get(key) {
            Some(Value::Null) | None => {
                self.error(&at.key(key), format!("missing; {hint}"));
                None
            }
            Some(v) => Some(v),
        }
    }

    /// An optional field: absent and `null` both mean "not given".
    fn optional<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        obj.get(key).filter(|v| !v.is_null())
    }

    fn opt_string(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        at: &At<'_>,
        example: &str,
    ) -> Option<String> {
        match Self::optional(obj, key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(
                    &at.key(key),
                    format!(
                        "expected a string such as {example:?}, found {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    fn opt_list<'v>(&mut self, obj: &'v Map<String, Value>, key: &str, at: &At<'_>) -> &'v [Value] {
        match Self::optional(obj, key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.error(
                    &at.key(key),
                    format!("expected a list ([…]), found {}", describe(other)),
                );
                &[]
            }
        }
    }

    /// Text by language: `{ "en": "…", "zh": "…" }`. Empty strings count as
    /// absent, so `{"en": ""}` is no title at all.
    fn text(&mut self, v: &Value, at: &At<'_>, required: bool) -> Option<LangText> {
        let Value::Object(map) = v else {
            self.error(
                at,
                format!(
                    "expected text by language, such as {{\"en\": \"…\", \"zh\": \"…\"}}, found {}",
                    describe(v)
                ),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(map.len());
        for (tag, value) in map {
            let at = at.key(tag);
            if !is_language_tag(tag) {
                self.error(
                    &at,
                    format!(
                        "{tag:?} is not a language tag; use BCP 47 tags such as \"en\" or \"zh\""
                    ),
                );
                continue;
            }
            match value {
                Value::String(s) if s.trim().is_empty() => {
                    if self.lint {
                        self.warn(&at, "empty text: fill it in or remove the entry");
                    }
                }
                Value::String(s) => {
                    self.lint_text(&at, s);
                    entries.push((tag.clone(), s.clone()));
                }
                Value::Null => {}
                other => self.error(&at, format!("expected a string, found {}", describe(other))),
            }
        }
        if entries.is_empty() && required {
            self.error(
                at,
                "expected at least one language, such as {\"en\": \"…\"} or {\"zh\": \"…\"}",
            );
        }
        Some(LangText::from_entries(entries))
    }

    fn catalogue(&mut self, root: &Value) -> Option<Catalogue> {
        let at = At::ROOT;
        let obj = self.object(root, &at, "a catalogue")?;
        match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                // Another version may mean anything: refuse it alone rather
                // than bury the real reason under consequential errors.
                self.error(
                    &at.key("format"),
                    format!("unsupported format {f:?}; this reader reads {FORMAT:?}"),
                );
                return None;
            }
            Some(other) => self.error(
                &at.key("format"),
                format!("expected the string {FORMAT:?}, found {}", describe(other)),
            ),
            None => self.error(
                &at.key("format"),
                format!("missing; add \"format\": {FORMAT:?}"),
            ),
        }
        let journal = self
            .required(
                obj,
                "journal",
                &at,
                "add \"journal\": {\"title\": {\"en\": \"…\"}}",
            )
            .and_then(|v| self.journal(v, &at.key("journal")));
        let articles_at = at.key("articles");
        let mut articles = Vec::new();
        match self.required(
            obj,
            "articles",
            &at,
            "add \"articles\": [] with the articles in reading order",
        ) {
            Some(Value::Array(items)) => {
                articles.reserve(items.len());
                let mut first_use: HashMap<&str, usize> = HashMap::new();
                let mut order = OrderCheck::default();
                for (i, item) in items.iter().enumerate() {
                    let item_at = articles_at.index(i);
                    if let Some(Value::String(id)) = item.get("id")
                        && let Some(first) = first_use.insert(id, i)
                    {
                        self.error(
                                &item_at.key("id"),
                                format!("id {id:?} is used again; articles[{first}] has it already, and ids must be unique"),
                            );
                        first_use.insert(id, first);
                    }
                    if let Some(article) = self.article(item, &item_at) {
                        if self.lint
                            && let Some(message) = order.next(i, &article)
                        {
                            self.warn(&item_at, message);
                        }
                        articles.push(article);
                    }
                }
            }
            Some(other) => self.error(
                &articles_at,
                format!("expected a list of articles, found {}", describe(other)),
            ),
            None => {}
        }
        let split = match obj.get("split") {
            None | Some(Value::Null) => None,
            Some(v) => self.split(v, &at.key("split"), articles.len()),
        };
        let mut catalogue = Catalogue::new(journal?, articles);
        catalogue.split = split;
        Some(catalogue)
    }

    /// The optional `split` object of a split catalogue's root.
    fn split(&mut self, v: &Value, at: &At<'_>, listed: usize) -> Option<Split> {
        let obj = self.object(v, at, "a split catalogue's parts")?;
        match obj.get("format") {
            Some(Value::String(f)) if f == SPLIT_FORMAT => {}
            Some(Value::String(f)) => {
                self.error(
                    &at.key("format"),
                    format!("unsupported split format {f:?}; this reader reads {SPLIT_FORMAT:?}"),
                );
                return None;
            }
            _ => {
                self.error(
                    &at.key("format"),
                    format!("expected the string {SPLIT_FORMAT:?}"),
                );
                return None;
            }
        }
        let folder = match obj.get("folder") {
            Some(Value::String(folder)) => match split::check_folder(folder) {
                Ok(()) => Some(folder.clone()),
                Err(message) => {
                    self.error(&at.key("folder"), message);
                    None
                }
            },
            _ => {
                self.error(
                    &at.key("folder"),
                    "expected the parts' folder, such as \"catalogue/3f2a9c/\"",
                );
                None
            }
        };
        let article_count = match obj.get("articles").and_then(Value::as_u64) {
            Some(n) => usize::try_from(n).ok(),
            None => {
                self.error(
                    &at.key("articles"),
                    "expected the number of articles in the parts",
                );
                None
            }
        };
        if listed > 0 {
            self.error(
                at,
                "a split catalogue keeps its articles in its parts: \"articles\" must be [] \
                 (or remove \"split\" to read this file as a whole catalogue)",
            );
        }
        Some(Split {
            folder: folder?,
            article_count: article_count?,
        })
    }

    fn journal(&mut self, v: &Value, at: &At<'_>) -> Option<Journal> {
        let obj = self.object(v, at, "a journal")?;
        let title = self
            .required(
                obj,
                "title",
                at,
                "give the journal's title, such as {\"en\": \"…\"}",
            )
            .and_then(|v| self.text(v, &at.key("title"), true));
        let issn = self.opt_string(obj, "issn", at, "0257-2826");
        let eissn = self.opt_string(obj, "eissn", at, "2096-1234");
        let cn = self.opt_string(obj, "cn", at, "11-1454/G4");
        if self.lint {
            for (key, value) in [("issn", &issn), ("eissn", &eissn)] {
                if let Some(message) = value.as_deref().and_then(lint::issn_warning) {
                    self.warn(&at.key(key), message);
                }
            }
        }
        Some(Journal {
            title: title?,
            issn,
            eissn,
            cn,
        })
    }

    fn article(&mut self, v: &Value, at: &At<'_>) -> Option<Article> {
        let obj = self.object(v, at, "an article")?;
        let id = match self.required(
            obj,
            "id",
            at,
            "give the article an id such as \"2024-58-6-95\"",
        ) {
            Some(Value::String(s)) => ArticleId::parse(s)
                .map_err(|m| self.error(&at.key("id"), m))
                .ok(),
            Some(other) => {
                self.error(
                    &at.key("id"),
                    format!("expected a string, found {}", describe(other)),
                );
                None
            }
            None => None,
        };
        let year = match self.required(
            obj,
            "year",
            at,
            "give the year of publication, such as 2024",
        ) {
            Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
            Some(other) => {
                self.error(
                    &at.key("year"),
                    format!(
                        "expected a whole number such as 2024, found {}",
                        describe(other)
                    ),
                );
                None
            }
            None => None,
        };
        let volume = self.opt_string(obj, "volume", at, "58");
        let issue = self.opt_string(obj, "issue", at, "6");
        let pages = self.opt_string(obj, "pages", at, "95-105");
        let doi = self.opt_string(obj, "doi", at, "10.1234/abc");
        if let Some(d) = &doi
            && (!d.starts_with("10.") || !d.contains('/'))
        {
            self.error(
                &at.key("doi"),
                format!(
                    "{d:?} is not a bare DOI; write it as 10.xxxx/…, without \"https://doi.org/\""
                ),
            );
        }
        let title = self
            .required(obj, "title", at, "give the title, such as {\"en\": \"…\"}")
            .and_then(|v| self.text(v, &at.key("title"), true));
        let abstract_ = self
            .required(
                obj,
                "abstract",
                at,
                "give the abstract, such as {\"en\": \"…\"}",
            )
            .and_then(|v| self.text(v, &at.key("abstract"), true));

        let affiliations = self.affiliations(obj, at);
        let known: HashSet<u32> = affiliations.iter().map(|a| a.id).collect();
        let authors_at = at.key("authors");
        let authors: Vec<Author> = self
            .opt_list(obj, "authors", at)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.author(v, &authors_at.index(i), &known))
            .collect();
        let dates = match Self::optional(obj, "dates") {
            Some(v) => self.dates(v, &at.key("dates")),
            None => Dates::default(),
        };
        let funding_at = at.key("funding");
        let funding = self
            .opt_list(obj, "funding", at)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.funding(v, &funding_at.index(i)))
            .collect();
        let keywords = match Self::optional(obj, "keywords") {
            Some(v) => self.keywords(v, &at.key("keywords")),
            None => Keywords::default(),
        };
        let journal =
            Self::optional(obj, "journal").and_then(|v| self.journal(v, &at.key("journal")));
        if self.lint {
            self.lint_article(obj, at, &affiliations, &authors, &dates);
        }

        Some(Article {
            id: id?,
            year: year?,
            volume,
            issue,
            pages,
            doi,
            title: title?,
            authors,
            affiliations,
            dates,
            funding,
            abstract_: abstract_?,
            keywords,
            journal,
        })
    }

    /// Warnings that need several fields of one article.
    fn lint_article(
        &mut self,
        obj: &Map<String, Value>,
        at: &At<'_>,
        affiliations: &[Affiliation],
        authors: &[Author],
        dates: &Dates,
    ) {
        if let (Some(online), Some(published)) =
            (dates.get(DateKind::Online), dates.get(DateKind::Published))
            && earlier(published, online)
        {
            self.warn(
                &at.key("dates").key("published"),
                format!(
                    "published ({published}) is earlier than online ({online}): check both dates"
                ),
            );
        }
        if !authors.is_empty() {
            let list_at = at.key("affiliations");
            let items = Self::optional(obj, "affiliations").and_then(Value::as_array);
            for aff in affiliations {
                if authors.iter().all(|a| !a.affiliations.contains(&aff.id)) {
                    // Point at the entry as written, by its position in the list.
                    let index = items
                        .and_then(|list| {
                            list.iter().position(|v| {
                                v.get("id").and_then(Value::as_u64) == Some(u64::from(aff.id))
                            })
                        })
                        .unwrap_or(0);
                    self.warn(
                        &list_at.index(index),
                        format!(
                            "no author has affiliation {}: add it to an author or remove it",
                            aff.id
                        ),
                    );
                }
            }
        }
    }

    fn affiliations(&mut self, article: &Map<String, Value>, at: &At<'_>) -> Vec<Affiliation> {
        let list_at = at.key("affiliations");
        let mut result: Vec<Affiliation> = Vec::new();
        for (i, v) in self
            .opt_list(article, "affiliations", at)
            .iter()
            .enumerate()
        {
            let at = list_at.index(i);
            let Some(obj) = self.object(v, &at, "an affiliation") else {
                continue;
            };
            let id = match self.required(
                obj,
                "id",
                &at,
                "number the affiliation as on the page, such as 1",
            ) {
                Some(Value::Number(n)) => match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
                    Some(id) => Some(id),
                    None => {
                        self.error(
                            &at.key("id"),
                            format!("expected a whole number such as 1, found {n}"),
                        );
                        None
                    }
                },
                Some(other) => {
                    self.error(
                        &at.key("id"),
                        format!(
                            "expected a whole number such as 1, found {}",
                            describe(other)
                        ),
                    );
                    None
                }
                None => None,
            };
            if let Some(id) = id
                && result.iter().any(|a| a.id == id)
            {
                self.error(
                    &at.key("id"),
                    format!("affiliation {id} is numbered twice; numbers must be unique"),
                );
            }
            let name = self
                .required(
                    obj,
                    "name",
                    &at,
                    "give the affiliation's name, such as {\"en\": \"…\"}",
                )
                .and_then(|v| self.text(v, &at.key("name"), true));
            if let (Some(id), Some(name)) = (id, name) {
                result.push(Affiliation { id, name });
            }
        }
        result
    }

    fn author(&mut self, v: &Value, at: &At<'_>, known: &HashSet<u32>) -> Option<Author> {
        let obj = self.object(v, at, "an author")?;
        let name = self
            .required(
                obj,
                "name",
                at,
                "give the author's name, such as {\"zh\": \"韩笑\"}",
            )
            .and_then(|v| self.text(v, &at.key("name"), true));
        let refs_at = at.key("affiliations");
        let mut affiliations = Vec::new();
        for (i, r) in self.opt_list(obj, "affiliations", at).iter().enumerate() {
            match r.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) if known.contains(&n) => affiliations.push(n),
                Some(n) => self.error(
                    &refs_at.index(i),
                    format!("affiliation {n} does not exist; the article's affiliations are numbered {}", numbers(known)),
                ),
                None => self.error(
                    &refs_at.index(i),
                    format!("expected an affiliation number such as 1, found {}", describe(r)),
                ),
            }
        }
        let bio = Self::optional(obj, "bio")
            .and_then(|v| self.text(v, &at.key("bio"), false))
            .filter(|t| !t.is_empty());
        let orcid = self.opt_string(obj, "orcid", at, "0000-0002-1825-0097");
        if let Some(o) = &orcid
            && crate::links::orcid_id(o).is_none()
        {
            self.warn(
                &at.key("orcid"),
                format!(
                    "{o:?} is not an ORCID iD (0000-0002-1825-0097, with a correct last digit): \
                     readers see no ORCID link"
                ),
            );
        }
        let email = self.opt_string(obj, "email", at, "name@example.org");
        if let Some(e) = &email
            && crate::links::mailto(e).is_none()
        {
            self.warn(
                &at.key("email"),
                format!("{e:?} is not a plain e-mail address: readers see no e-mail link"),
            );
        }
        let corresponding = match Self::optional(obj, "corresponding") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(
                    &at.key("corresponding"),
                    format!("expected true or false, found {}", describe(other)),
                );
                false
            }
        };
        Some(Author {
            name: name?,
            affiliations,
            bio,
            orcid,
            email,
            corresponding,
        })
    }

    fn dates(&mut self, v: &Value, at: &At<'_>) -> Dates {
        let Some(obj) = self.object(v, at, "dates") else {
            return Dates::default();
        };
        let mut entries = Vec::new();
        for kind in DateKind::ALL {
            match Self::optional(obj, kind.key()) {
                None => {}
                Some(Value::String(s)) => match PartialDate::parse(s) {
                    Ok(date) => entries.push((kind, date)),
                    Err(message) => self.error(&at.key(kind.key()), message),
                },
                Some(other) => self.error(
                    &at.key(kind.key()),
                    format!(
                        "expected a date string such as \"2024-06-14\", found {}",
                        describe(other)
                    ),
                ),
            }
        }
        Dates { entries }
    }

    fn funding(&mut self, v: &Value, at: &At<'_>) -> Option<Funding> {
        let obj = self.object(v, at, "a funding entry")?;
        let name = self
            .required(
                obj,
                "name",
                at,
                "name the funder, such as {\"en\": \"National Social Science Fund of China\"}",
            )
            .and_then(|v| self.text(v, &at.key("name"), true));
        let award = self.opt_string(obj, "award", at, "21BGJ001");
        Some(Funding { name: name?, award })
    }

    fn keywords(&mut self, v: &Value, at: &At<'_>) -> Keywords {
        let Some(obj) = self.object(
            v,
            at,
            "keyword lists by language, such as {\"en\": [\"…\"]}",
        ) else {
            return Keywords::default();
        };
        let mut entries = Vec::new();
        for (tag, list) in obj {
            let at = at.key(tag);
            if !is_language_tag(tag) {
                self.error(
                    &at,
                    format!(
                        "{tag:?} is not a language tag; use BCP 47 tags such as \"en\" or \"zh\""
                    ),
                );
                continue;
            }
            let Value::Array(items) = list else {
                self.error(
                    &at,
                    format!("expected a list of keywords, found {}", describe(list)),
                );
                continue;
            };
            let mut words: Vec<String> = Vec::with_capacity(items.len());
            let mut folded: Vec<String> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) if s.trim().is_empty() => {
                        if self.lint {
                            self.warn(&at.index(i), "empty keyword: remove it");
                        }
                    }
                    Value::String(s) => {
                        if self.lint {
                            self.lint_text(&at.index(i), s);
                            let f = fold(s);
                            if let Some(first) = folded.iter().position(|k| *k == f) {
                                self.warn(
                                    &at.index(i),
                                    format!("repeats keyword {:?}: remove one", words[first]),
                                );
                            }
                            folded.push(f);
                        }
                        words.push(s.clone());
                    }
                    other => self.error(
                        &at.index(i),
                        format!("expected a keyword (a string), found {}", describe(other)),
                    ),
                }
            }
            entries.push((tag.clone(), words));
        }
        if self.lint {
            let list = |lang| {
                entries.iter().find(|(t, l): &&(String, Vec<String>)| {
                    Lang::from_tag(t) == Some(lang) && !l.is_empty()
                })
            };
            if let (Some((en_tag, en)), Some((zh_tag, zh))) = (list(Lang::En), list(Lang::Zh))
                && en.len() != zh.len()
            {
                let message = format!(
                    "the {en_tag:?} list has {} keywords and the {zh_tag:?} list {}: keywords pair by \
                     position, so readers cannot tell which translates which",
                    en.len(),
                    zh.len()
                );
                self.warn(at, message);
            }
        }
        Keywords { entries }
    }
}

/// True when `a` is earlier than `b` at the precision both have.
fn earlier(a: PartialDate, b: PartialDate) -> bool {
    match (a.month.zip(b.month), a.day.zip(b.day)) {
        (Some(months), Some(days)) => (a.year, months.0, days.0) < (b.year, months.1, days.1),
        (Some(months), None) => (a.year, months.0) < (b.year, months.1),
        _ => a.year < b.year,
    }
}

/// Articles of one journal should follow year/volume/issue/page order,
/// newest first or oldest first; this notices the first article that breaks
/// the direction the catalogue has taken.
#[derive(Default)]
struct OrderCheck {
    previous: Option<(usize, String, PlaceKey)>,
    /// `Some(true)` once the catalogue is seen to go oldest first.
    ascending: Option<bool>,
}

impl OrderCheck {
    fn next(&mut self, index: usize, article: &Article) -> Option<String> {
        let journal = article
            .journal
            .as_ref()
            .and_then(|j| j.title.entries().next().map(|(_, t)| t.to_owned()))
            .unwrap_or_default();
        let key = lint::place_key(
            article.year,
            article.volume(),
            article.issue(),
            article.pages(),
        );
        let previous = self.previous.replace((index, journal.clone(), key));
        let (prev_index, prev_journal, prev_key) = previous?;
        if prev_journal != journal || prev_key == key {
            return None;
        }
        let same_issue = (prev_key.0, prev_key.1, prev_key.2) == (key.0, key.1, key.2);
        if same_issue {
            // Within an issue, pages go up whichever way the issues run.
            return match (prev_key.3, key.3) {
                (Some(a), Some(b)) if b < a => Some(format!(
                    "starts on page {b}, before articles[{prev_index}] of the same issue (page {a}): \
                     articles are in reading order, so check the order"
                )),
                _ => None,
            };
        }
        let up = key > prev_key;
        match self.ascending {
            None => {
                self.ascending = Some(up);
                None
            }
            Some(direction) if direction != up => Some(format!(
                "is out of order: the catalogue runs {} but this article ({}) follows articles[{prev_index}] ({}); \
                 check the order",
                if direction {
                    "oldest first"
                } else {
                    "newest first"
                },
                describe_place(key),
                describe_place(prev_key)
            )),
            Some(_) => None,
        }
    }
}

fn describe_place(key: PlaceKey) -> String {
    let mut s = key.0.to_string();
    if let Some(v) = key.1 {
        s.push_str(&format!(", vol. {v}"));
    }
    if let Some(i) = key.2 {
        s.push_str(&format!(", issue {i}"));
    }
    s
}

/// The keyword fold the checker compares with.
fn fold(keyword: &str) -> String {
    #[cfg(feature = "unicode-tables")]
    return crate::keyword::fold_keyword(keyword);
    #[cfg(not(feature = "unicode-tables"))]
    return crate::keyword::fold_normalized_keyword(keyword);
}

fn numbers(known: &HashSet<u32>) -> String {
    if known.is_empty() {
        return "(none: add them under \"affiliations\")".to_owned();
    }
    let mut ids: Vec<u32> = known.iter().copied().collect();
    ids.sort_unstable();
    ids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
