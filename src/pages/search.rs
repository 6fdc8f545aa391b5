//! `<base>/search/?q=<query>`: ranked results with highlighted snippets.
//!
//! The index is loaded on first use: the prebuilt `search-index.json` when
//! it was built from this very catalogue, else built here from the
//! catalogue (a site whose owner replaced `catalogue.json` still searches).

use std::sync::Arc;

use catalogue::search::{Query, SearchIndex, snippet};
use catalogue::{Article, Catalogue, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::use_view_state;
use crate::components::article_list::{ItemOptions, article_item, marked, show_more};
use crate::fetch::{self, Loaded};
use crate::fold::nfkd;
use crate::prefs::{base_path, reveal_app, set_document_title};
use crate::source::{SearchOutcome, Source, use_source};

/// Results shown at first, and added by each "Show more results".
pub const PAGE: usize = 50;
/// A split catalogue lists results in steps of this many, as their parts
/// arrive: the first ones need not wait for fifty downloads, and the list
/// is not rebuilt for every part. Six is what a browser fetches at once
/// from an HTTP/1.1 host, so the first step takes one round of requests.
pub const STEP: usize = 6;

/// The search index, shared by every visit to the search page.
#[derive(Clone)]
pub struct SearchIndexState {
    index: RwSignal<Option<Arc<SearchIndex>>>,
    started: StoredValue<bool>,
}

impl SearchIndexState {
    pub fn new() -> SearchIndexState {
        SearchIndexState {
            index: RwSignal::new(None),
            started: StoredValue::new(false),
        }
    }

    /// Starts loading the index of `loaded`, once.
    fn ensure_loaded(&self, loaded: Loaded) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        let index = self.index;
        leptos::task::spawn_local(async move {
            let url = fetch::search_index_url(base_path());
            let built = match fetch::load_search_index(url, &loaded.fingerprint).await {
                Ok(built) => built,
                Err(why) => {
                    leptos::logging::warn!("Searching without the prebuilt index: {why}");
                    SearchIndex::build(&loaded.catalogue, &loaded.fingerprint, &nfkd)
                }
            };
            index.set(Some(Arc::new(built)));
        });
    }
}

impl Default for SearchIndexState {
    fn default() -> Self {
        Self::new()
    }
}

/// The first highlighted snippet among an article's texts: abstracts (the
/// reader's language first), then keywords and author names.
fn best_snippet(article: &Article, lang: Lang, query: &Query) -> Option<AnyView> {
    let abstracts = [lang, lang.other()]
        .into_iter()
        .filter_map(|l| article.abstract_text().get(l))
        .map(|(tag, text)| (tag.to_owned(), catalogue::plain_text(text)));
    let keywords = article
        .keywords()
        .entries()
        .map(|(tag, list)| (tag.to_owned(), list.join(", ")));
    let names = article
        .authors()
        .iter()
        .flat_map(|a| a.name().entries())
        .map(|(tag, name)| (tag.to_owned(), name.to_owned()));
    abstracts
        .chain(keywords)
        .chain(names)
        .find_map(|(tag, text)| {
            let parts = snippet(&text, query, 180, &nfkd)?;
            Some(view! { <p class="snippet" lang=tag>{marked(parts)}</p> }.into_any())
        })
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let source = use_source();
    let state = use_view_state();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let parsed = Memo::new(move |_| Query::parse(&q.get(), &nfkd));

    Effect::new(move |_| {
        let labels = state.labels();
        let q = q.get();
        set_document_title(&if q.trim().is_empty() {
            labels.search_heading.to_owned()
        } else {
            format!("{q} · {}", labels.search_heading)
        });
    });

    // Long result lists grow on request: rendering thousands of entries at
    // each keystroke would stall typing. A new query starts again.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        q.track();
        shown.set(PAGE);
    });

    // The hits: from the whole index (a single-file catalogue), or from the
    // shards the query needs (a split one, whose results then come from
    // their articles' parts, fetched for the results shown).
    let split = match &source {
        Source::Split(split) => Some(*split),
        Source::Whole(_) => None,
    };
    let outcome: Memo<SearchOutcome> = match &source {
        Source::Whole(loaded) => {
            let search = expect_context::<SearchIndexState>();
            search.ensure_loaded(loaded.clone());
            let index = search.index;
            Memo::new(move |_| match index.get() {
                None => SearchOutcome::Loading,
                Some(index) => SearchOutcome::Ready(Arc::new(index.search_query(&parsed.get()))),
            })
        }
        Source::Split(split) => {
            let split = *split;
            Effect::new(move |_| split.prepare_search(&parsed.get()));
            Memo::new(move |_| split.search(&parsed.get()))
        }
    };
    let whole = match &source {
        Source::Whole(loaded) => Some(loaded.catalogue.clone()),
        Source::Split(_) => None,
    };
    // The catalogue that holds a hit's article, once it is at hand. Not
    // tracked: the list re-renders when `listable` grows, not at each part.
    let holder = move |id: &str| -> Option<Arc<Catalogue>> {
        match (&whole, split) {
            (Some(whole), _) => Some(whole.clone()),
            (None, Some(split)) => untrack(|| split.part(id)),
            (None, None) => None,
        }
    };
    // How many results can be listed: all of them for a single-file
    // catalogue; for a split one, the steps (of STEP, in rank order) whose
    // parts are all in.
    let listable = Memo::new(move |_| match (split, outcome.get()) {
        (Some(split), SearchOutcome::Ready(hits)) => {
            // Only the ids that can be shown (a query may have 80,000 hits).
            let shown = shown.get();
            let ids: Vec<&str> = hits.iter().take(shown).map(|h| &*h.id).collect();
            split.settled_prefix(&ids, shown, STEP)
        }
        _ => usize::MAX,
    });
    if let Some(split) = split {
        // Parts are asked for two steps ahead of what is listed: enough to
        // keep the connections busy, while the first step's answers are
        // not held up behind fifty requests being set up.
        Effect::new(move |_| {
            if let SearchOutcome::Ready(hits) = outcome.get() {
                let ahead = shown.get().min(listable.get().saturating_add(2 * STEP));
                for hit in hits.iter().take(ahead) {
                    split.request_part(&hit.id);
                }
            }
        });
    }

    move || {
        let labels = state.labels();
        let view = state.view.get();
        let lang = view.chrome_lang();
        let lang_query = state.lang_query();
        let q = q.get();
        let heading = view! { <h1 id="search-heading">{labels.search_heading}</h1> };
        if q.trim().is_empty() {
            reveal_app();
            return view! {
                <section class="search-page" aria-labelledby="search-heading">
                    {heading}
                    <p class="search-prompt">{labels.search_prompt}</p>
                </section>
            }
            .into_any();
        }
        let hits = match outcome.get() {
            SearchOutcome::Loading => {
                return view! {
                    <section class="search-page" aria-labelledby="search-heading">
                        {heading}
                        <p class="loading" role="status">{labels.loading}</p>
                    </section>
                }
                .into_any();
            }
            SearchOutcome::Failed(why) => {
                reveal_app();
                return view! {
                    <section class="search-page" aria-labelledby="search-heading">
                        {heading}
                        <p class="load-error" role="alert">{why}</p>
                    </section>
                }
                .into_any();
            }
            SearchOutcome::Ready(hits) => hits,
        };
        reveal_app();
        let parsed = parsed.get();
        let limit = shown.get();
        let listed = limit.min(listable.get());
        let pending = listed < limit.min(hits.len());
        let items: Vec<AnyView> = hits
            .iter()
            .take(listed)
            .filter_map(|hit| {
                let holder = holder(&hit.id)?;
                let article = holder.article(&hit.id)?;
                let options = ItemOptions {
                    show_source: true,
                    query: Some(&parsed),
                };
                Some(article_item(
                    &holder,
                    article,
                    view,
                    &lang_query,
                    options,
                    best_snippet(article, lang, &parsed),
                ))
            })
            .collect();
        let count = hits.len();
        let more = (count > limit).then(|| show_more(shown, PAGE, labels));
        // Results whose articles are still on their way (a split catalogue).
        let still_loading =
            pending.then(|| view! { <p class="loading" role="status">{labels.loading}</p> });
        view! {
            <section class="search-page" aria-labelledby="search-heading">
                {heading}
                <p class="result-count" role="status">
                    {labels.result_count(count)}" — “"<span class="search-query">{q.clone()}</span>"”"
                </p>
                {if items.is_empty() && !pending {
                    view! { <p class="empty">{labels.search_none}</p> }.into_any()
                } else {
                    view! { <ol class="article-list search-results">{items}</ol> }.into_any()
                }}
                {still_loading}
                {more}
            </section>
        }
        .into_any()
    }
}
