//! Where pages get their articles: the whole catalogue, or, for a split
//! catalogue (`docs/split-catalogue.md`), its parts, loaded as needed.
//!
//! An article page of a split catalogue needs only its article's part (the
//! article with its previous and next), which the prerendered page has
//! already preloaded; the parts of the neighbours are fetched as soon as it
//! shows, so previous/next do not wait on the network. The contents page
//! loads the table of contents (`issues.json`), an issue page its issue's
//! part, the keyword index page `keywords.json`, a keyword page its
//! keyword's file, a search the index shards of its terms; listing pages
//! then load the parts of the articles they show. No page needs the
//! complete file. Nothing is fetched twice: parts are kept by file, in
//! flight or done.

use std::collections::HashMap;
use std::sync::Arc;

use catalogue::search::{Query, SearchIds, SearchIndex};
use catalogue::{Catalogue, IssueList, KeywordArticles, KeywordSummary};
use leptos::prelude::*;

use crate::fetch::{self, FetchError, Loaded};
use crate::prefs::base_path;

/// The catalogue behind the pages, in context once `catalogue.json` loaded.
#[derive(Clone)]
pub enum Source {
    /// A single-file catalogue: every page reads it.
    Whole(Loaded),
    /// A split catalogue's root, with its parts loaded on demand.
    Split(SplitSource),
}

impl Source {
    pub fn new(loaded: Loaded) -> Source {
        match loaded.catalogue.split() {
            None => Source::Whole(loaded),
            Some(_) => Source::Split(SplitSource::new(loaded.catalogue)),
        }
    }

    /// The catalogue that holds article `id` with its neighbours, as far
    /// as it is known yet.
    pub fn for_article(&self, id: &str) -> ArticleSource {
        match self {
            Source::Whole(loaded) => ArticleSource::Ready(loaded.catalogue.clone()),
            Source::Split(split) => split.for_article(id),
        }
    }
}

pub fn use_source() -> Source {
    expect_context::<Source>()
}

/// What an article page can show for an id.
#[derive(Clone)]
pub enum ArticleSource {
    Loading,
    /// A catalogue with the article (if it exists at all) and its
    /// neighbours.
    Ready(Arc<Catalogue>),
    /// The split catalogue has no part for this id: no such article.
    Missing,
    Failed(FetchError),
}

/// A part (an article's or an issue's), in flight or done.
#[derive(Clone)]
enum PartState {
    Loading,
    Ready(Arc<Catalogue>),
    Failed(FetchError),
}

/// What a search has found so far.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchOutcome {
    Loading,
    /// Ranked hits, best first.
    Ready(Arc<Vec<catalogue::search::Hit>>),
    /// Why the search cannot answer (damaged or stale index files).
    Failed(String),
}

/// A split catalogue's file loaded once, on first use, and kept (the table
/// of contents, the keyword index, the search index's ids).
pub struct OnceFile<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<Arc<T>, FetchError>>>,
    started: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for OnceFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for OnceFile<T> {}

impl<T: Send + Sync + 'static> OnceFile<T> {
    fn new() -> Self {
        OnceFile {
            value: RwSignal::new(None),
            started: StoredValue::new(false),
        }
    }

    /// What is loaded so far (tracked).
    pub fn get(&self) -> Option<Result<Arc<T>, FetchError>> {
        self.value.get()
    }

    /// Starts loading `url`, once.
    fn load(&self, url: String, parse: fn(&str) -> Result<T, String>) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        let value = self.value;
        leptos::task::spawn_local(async move {
            let loaded = fetch::load_parsed(url, parse).await.map(Arc::new);
            value.set(Some(loaded));
        });
    }

    /// Forgets a failure and loads `url` again.
    fn reload(&self, url: String, parse: fn(&str) -> Result<T, String>) {
        self.started.set_value(false);
        self.value.set(None);
        self.load(url, parse);
    }
}

/// A keyword's file: `None` while on its way; `Ok(None)` when the
/// catalogue has no such keyword.
type KeywordState = Option<Result<Option<Arc<KeywordArticles>>, FetchError>>;

/// The parts of a split catalogue, loaded as pages ask for them.
#[derive(Clone, Copy)]
pub struct SplitSource {
    root: StoredValue<Arc<Catalogue>>,
    /// Parts by file, relative to `catalogue.json`.
    parts: RwSignal<HashMap<String, PartState>>,
    issues: OnceFile<IssueList>,
    keyword_index: OnceFile<Vec<KeywordSummary>>,
    /// Keyword files by folded keyword.
    keywords: RwSignal<HashMap<String, KeywordState>>,
    search_ids: OnceFile<SearchIds>,
    /// Search shards by key.
    shards: RwSignal<HashMap<String, ShardState>>,
}

/// A search shard: `None` while on its way.
type ShardState = Option<Result<Arc<SearchIndex>, String>>;

impl SplitSource {
    fn new(root: Arc<Catalogue>) -> SplitSource {
        SplitSource {
            root: StoredValue::new(root),
            parts: RwSignal::new(HashMap::new()),
            issues: OnceFile::new(),
            keyword_index: OnceFile::new(),
            keywords: RwSignal::new(HashMap::new()),
            search_ids: OnceFile::new(),
            shards: RwSignal::new(HashMap::new()),
        }
    }

    /// The address of the split's file for `relative`.
    fn file(&self, relative: impl FnOnce(&catalogue::Split) -> String) -> String {
        fetch::site_file(base_path(), &self.relative(relative))
    }

    /// The split's file for `relative` (a function of [`catalogue::Split`]).
    fn relative(&self, relative: impl FnOnce(&catalogue::Split) -> String) -> String {
        let root = self.root.get_value();
        root.split().map(relative).unwrap_or_default()
    }

    fn for_article(&self, id: &str) -> ArticleSource {
        if catalogue::ArticleId::parse(id).is_err() {
            return ArticleSource::Missing;
        }
        self.file_state(&self.relative(|split| split.article_file(id)))
    }

    /// A part's state by its file (tracked).
    fn file_state(&self, file: &str) -> ArticleSource {
        match self.parts.with(|parts| parts.get(file).cloned()) {
            None | Some(PartState::Loading) => ArticleSource::Loading,
            Some(PartState::Ready(part)) => ArticleSource::Ready(part),
            Some(PartState::Failed(FetchError::NotFound { .. })) => ArticleSource::Missing,
            Some(PartState::Failed(error)) => ArticleSource::Failed(error),
        }
    }

    /// Starts loading article `id`'s part unless it is loaded or on its
    /// way. Ids that are not valid article ids have no part.
    pub fn request_part(&self, id: &str) {
        if catalogue::ArticleId::parse(id).is_ok() {
            self.request_file(self.relative(|split| split.article_file(id)));
        }
    }

    /// Starts loading a part by its file, once.
    fn request_file(&self, file: String) {
        if self.parts.with_untracked(|parts| parts.contains_key(&file)) {
            return;
        }
        self.parts
            .update(|parts| _ = parts.insert(file.clone(), PartState::Loading));
        let url = fetch::site_file(base_path(), &file);
        let parts = self.parts;
        leptos::task::spawn_local(async move {
            let state = match fetch::load_part(url).await {
                Ok(part) => PartState::Ready(Arc::new(part)),
                Err(error) => PartState::Failed(error),
            };
            parts.update(|parts| _ = parts.insert(file, state));
        });
    }

    /// Forgets a failed part and loads it again.
    pub fn retry_part(&self, id: &str) {
        let file = self.relative(|split| split.article_file(id));
        self.parts.update(|parts| _ = parts.remove(&file));
        self.request_part(id);
    }

    /// The table of contents, once [`SplitSource::load_issues`] has it.
    pub fn issues(&self) -> Option<Result<Arc<IssueList>, FetchError>> {
        self.issues.get()
    }

    /// Starts loading the table of contents, once.
    pub fn load_issues(&self) {
        let url = self.file(catalogue::Split::issues_file);
        self.issues.load(url, IssueList::from_json);
    }

    pub fn retry_issues(&self) {
        let url = self.file(catalogue::Split::issues_file);
        self.issues.reload(url, IssueList::from_json);
    }

    /// The keyword index, once [`SplitSource::load_keyword_index`] has it.
    pub fn keyword_index(&self) -> Option<Result<Arc<Vec<KeywordSummary>>, FetchError>> {
        self.keyword_index.get()
    }

    /// Starts loading the keyword index, once.
    pub fn load_keyword_index(&self) {
        let url = self.file(catalogue::Split::keywords_file);
        self.keyword_index.load(url, catalogue::keywords_from_json);
    }

    pub fn retry_keyword_index(&self) {
        let url = self.file(catalogue::Split::keywords_file);
        self.keyword_index
            .reload(url, catalogue::keywords_from_json);
    }

    /// Starts loading the file of the keyword that folds to `folded`, once.
    pub fn request_keyword(&self, folded: &str) {
        if self.keywords.with_untracked(|k| k.contains_key(folded)) {
            return;
        }
        self.keywords
            .update(|k| _ = k.insert(folded.to_owned(), None));
        let url = self.file(|split| split.keyword_file(folded));
        let keywords = self.keywords;
        let folded = folded.to_owned();
        leptos::task::spawn_local(async move {
            let key = folded.clone();
            let parse = move |text: &str| catalogue::keyword_from_json(text, &key);
            let state = match fetch::load_parsed(url, parse).await {
                Ok(entry) => Ok(entry.map(Arc::new)),
                // No file: no article carries the keyword.
                Err(FetchError::NotFound { .. }) => Ok(None),
                Err(error) => Err(error),
            };
            keywords.update(|k| _ = k.insert(folded, Some(state)));
        });
    }

    /// The entry of the keyword that folds to `folded`, as far as it is
    /// loaded (tracked).
    pub fn keyword(&self, folded: &str) -> KeywordState {
        self.keywords.with(|k| k.get(folded).cloned().flatten())
    }

    /// Forgets a failed keyword file and loads it again.
    pub fn retry_keyword(&self, folded: &str) {
        self.keywords.update(|k| _ = k.remove(folded));
        self.request_keyword(folded);
    }

    /// Starts loading issue `number`'s part, once.
    pub fn request_issue(&self, number: usize) {
        self.request_file(self.relative(|split| split.issue_file(number)));
    }

    /// How far issue `number`'s part is (tracked).
    pub fn issue_part(&self, number: usize) -> ArticleSource {
        self.file_state(&self.relative(|split| split.issue_file(number)))
    }

    /// Forgets issue `number`'s failed part and loads it again.
    pub fn retry_issue(&self, number: usize) {
        let file = self.relative(|split| split.issue_file(number));
        self.parts.update(|parts| _ = parts.remove(&file));
        self.request_file(file);
    }

    /// The root: the journal, and no articles.
    pub fn root(&self) -> Arc<Catalogue> {
        self.root.get_value()
    }
}

impl SplitSource {
    /// Starts loading what `query` needs: the ids file, then the shards of
    /// its terms. Each file is fetched once. Call it from an effect.
    pub fn prepare_search(&self, query: &Query) {
        let url = self.file(catalogue::Split::search_ids_file);
        self.search_ids.load(url, SearchIds::from_json);
        // Tracked: an effect calling this runs again once the ids are in.
        let Some(Ok(ids)) = self.search_ids.get() else {
            return;
        };
        for key in ids.keys_for(query) {
            if self.shards.with_untracked(|s| s.contains_key(&key)) {
                continue;
            }
            self.shards.update(|s| _ = s.insert(key.clone(), None));
            let url = self.file(|split| split.search_shard_file(&key));
            let shards = self.shards;
            leptos::task::spawn_local(async move {
                let shard = fetch::load_parsed(url, SearchIndex::shard_from_json)
                    .await
                    .map(Arc::new)
                    .map_err(|e| e.to_string());
                shards.update(|s| _ = s.insert(key, Some(shard)));
            });
        }
    }

    /// The hits of `query`, once its files are in (tracked: re-runs as
    /// they arrive).
    pub fn search(&self, query: &Query) -> SearchOutcome {
        let ids = match self.search_ids.get() {
            None => return SearchOutcome::Loading,
            Some(Err(error)) => return SearchOutcome::Failed(error.to_string()),
            Some(Ok(ids)) => ids,
        };
        let keys = ids.keys_for(query);
        let found = self.shards.with(|shards| {
            let mut found = Vec::with_capacity(keys.len());
            for key in &keys {
                match shards.get(key) {
                    None | Some(None) => return Ok(None),
                    Some(Some(Err(why))) => return Err(why.clone()),
                    Some(Some(Ok(shard))) => found.push(shard.clone()),
                }
            }
            Ok(Some(found))
        });
        match found {
            Err(why) => SearchOutcome::Failed(why),
            Ok(None) => SearchOutcome::Loading,
            Ok(Some(shards)) => {
                let refs: Vec<&SearchIndex> = shards.iter().map(AsRef::as_ref).collect();
                match SearchIndex::merge(&ids, &refs) {
                    Ok(index) => SearchOutcome::Ready(Arc::new(index.search_query(query))),
                    Err(why) => SearchOutcome::Failed(why),
                }
            }
        }
    }

    /// The part holding article `id`, if it is in (tracked).
    pub fn part(&self, id: &str) -> Option<Arc<Catalogue>> {
        match self.for_article(id) {
            ArticleSource::Ready(part) => Some(part),
            _ => None,
        }
    }

    /// How many of the first `limit` of `ids` can be listed: whole steps of
    /// `step` ids whose parts have all arrived (or failed), in order
    /// (tracked).
    pub fn settled_prefix(&self, ids: &[&str], limit: usize, step: usize) -> usize {
        let limit = limit.min(ids.len());
        let mut settled = 0;
        while settled < limit {
            let end = (settled + step.max(1)).min(limit);
            let loading = ids[settled..end]
                .iter()
                .any(|id| matches!(self.for_article(id), ArticleSource::Loading));
            if loading {
                break;
            }
            settled = end;
        }
        settled
    }
}
