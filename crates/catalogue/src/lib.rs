//! The `abstract-catalogue/1` model: everything about a catalogue that can be
//! known without a browser.
//!
//! A catalogue arrives as JSON text. [`Catalogue::from_json`] parses it,
//! checks it against the contract (`shared/catalogue-format.md`) and returns
//! either a validated [`Catalogue`] or a [`LoadError`] that lists *every*
//! problem with its JSON path and line:column. The validated types have
//! private fields and borrowed getters, so the app can never hold an article
//! that broke the contract.
//!
//! Invariants (see ARCHITECTURE.md): no `web-sys`, no `leptos`, no I/O, and no
//! panic on any input.

mod browse;
pub mod cite;
mod decode;
mod encode;
mod error;
mod format;
mod keyword;
mod labels;
mod lang;
mod links;
mod lint;
mod locate;
mod markup;
mod meta;
mod model;
pub mod search;
mod split;
mod url;

pub use browse::{
    Issue, IssueKey, JournalIssues, KeywordEntry, issue_label, issue_path, journal_key,
};
pub use error::{Diagnostic, JsonPath, LoadError, PathSegment, Severity};
pub use format::{breadcrumb, format_date};
#[cfg(feature = "unicode-tables")]
pub use keyword::fold_keyword;
pub use keyword::fold_normalized_keyword;
pub use labels::Labels;
pub use lang::{Lang, LangText, Shown, View};
pub use links::{doi_url, mailto, orcid_id, orcid_url};
pub use markup::{Inline, InlineTag, paragraphs, parse_inline, plain_text};
pub use meta::{HeadTag, escape_attr, head_tags};
pub use model::{
    Affiliation, Article, ArticleId, Author, Catalogue, DateKind, Dates, Funding, Journal,
    Keywords, PartialDate,
};
pub use split::{
    ISSUES_FORMAT, IssueEntry, IssueGroup, IssueList, KEYWORD_FORMAT, KEYWORDS_FORMAT,
    KeywordArticles, KeywordSummary, SPLIT_FORMAT, Split, SplitFiles, keyword_file_key,
    keyword_from_json, keywords_from_json, sort_keywords, split_catalogue,
};
pub use url::{article_path, encode_component, keyword_path, search_path};

/// The prebuilt search index's file name, beside `catalogue.json`.
pub const SEARCH_INDEX_FILE: &str = "search-index.json";

/// The only value of the top-level `format` field this reader understands.
pub const FORMAT: &str = "abstract-catalogue/1";
