//! `<base>/keyword/?k=<keyword>`: every article carrying a keyword, in any
//! of the forms the catalogue pairs with it (`digital diplomacy` = `数字外交`).
//!
//! From a single-file catalogue the page lists every article at once. From a
//! split one it loads the keyword's own file (its forms and article ids,
//! found from the folded keyword alone) and then the parts of the articles
//! it lists, 50 at a time: a keyword of 10,000 articles must not mean
//! downloading them all.

use std::sync::Arc;

use catalogue::{Article, Catalogue};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::use_view_state;
use crate::components::article_list::{ItemOptions, article_item, show_more};
use crate::components::article_nav::article_href;
use crate::fold::fold_keyword;
use crate::pages::load_error::LoadErrorPage;
use crate::pages::search::{PAGE, STEP};
use crate::prefs::{reveal_app, set_document_title, site_path};
use crate::source::{Source, use_source};

/// Where an article listed is: its catalogue, once at hand.
type Holder = Box<dyn Fn(&str) -> Option<Arc<Catalogue>>>;

/// What the page knows of the keyword.
enum Found {
    Loading,
    Failed(crate::fetch::FetchError),
    /// Its forms (none: no article has it), its articles' ids in reading
    /// order, and where each article is (`None` while its part loads).
    Ready {
        forms: Vec<(String, String)>,
        ids: Vec<String>,
        holder: Holder,
    },
}

#[component]
pub fn KeywordPage() -> impl IntoView {
    let source = use_source();
    let state = use_view_state();
    let query = use_query_map();
    let keyword = Memo::new(move |_| query.read().get("k").unwrap_or_default());
    let folded = Memo::new(move |_| fold_keyword(&keyword.get()));
    let from = Memo::new(move |_| query.read().get("from"));

    Effect::new(move |_| {
        let labels = state.labels();
        set_document_title(&format!("{} · {}", keyword.get(), labels.keywords));
    });
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        folded.track();
        shown.set(PAGE);
    });
    if let Source::Split(split) = &source {
        let split = *split;
        Effect::new(move |_| split.request_keyword(&folded.get()));
        Effect::new(move |_| {
            if let Some(from) = from.get() {
                split.request_part(&from);
            }
        });
    }

    let split = match &source {
        Source::Split(split) => Some(*split),
        Source::Whole(_) => None,
    };
    // As on the search page: a split catalogue lists 50 articles at a time
    // ("Show more"), in steps of six whose parts are all in.
    let listable = Memo::new(move |_| match split {
        Some(split) => match split.keyword(&folded.get()) {
            Some(Ok(Some(entry))) => {
                let shown = shown.get();
                let ids: Vec<&str> = entry.ids.iter().take(shown).map(String::as_str).collect();
                split.settled_prefix(&ids, shown, STEP)
            }
            _ => 0,
        },
        None => usize::MAX,
    });
    if let Some(split) = split {
        // Two steps ahead of what is listed, as on the search page.
        Effect::new(move |_| {
            if let Some(Ok(Some(entry))) = split.keyword(&folded.get()) {
                let ahead = shown.get().min(listable.get().saturating_add(2 * STEP));
                for id in entry.ids.iter().take(ahead) {
                    split.request_part(id);
                }
            }
        });
    }
    let found = move || -> Found {
        match &source {
            Source::Whole(loaded) => {
                let catalogue = loaded.catalogue.clone();
                let entry = catalogue.keyword_entry(&keyword.get(), fold_keyword);
                let (forms, ids) = entry
                    .map(|e| {
                        let ids = e.articles.iter().map(|a| a.id().as_str().to_owned());
                        (e.forms, ids.collect())
                    })
                    .unwrap_or_default();
                Found::Ready {
                    forms,
                    ids,
                    holder: Box::new(move |_| Some(catalogue.clone())),
                }
            }
            Source::Split(split) => {
                let split = *split;
                match split.keyword(&folded.get()) {
                    None => Found::Loading,
                    Some(Err(error)) => Found::Failed(error),
                    Some(Ok(entry)) => {
                        let (forms, ids) = entry
                            .map(|e| (e.forms.clone(), e.ids.clone()))
                            .unwrap_or_default();
                        Found::Ready {
                            forms,
                            ids,
                            // Not tracked: the list grows with `listable`.
                            holder: Box::new(move |id| untrack(|| split.part(id))),
                        }
                    }
                }
            }
        }
    };

    move || {
        let labels = state.labels();
        let view = state.view.get();
        let lang_query = state.lang_query();
        let keyword = keyword.get();
        let (forms, ids, holder) = match found() {
            Found::Loading => {
                return view! { <p class="loading" role="status">{labels.loading}</p> }.into_any();
            }
            Found::Failed(error) => {
                reveal_app();
                let folded = folded.get_untracked();
                return view! {
                    <LoadErrorPage
                        error
                        on_retry=move || {
                            if let Some(split) = split {
                                split.retry_keyword(&folded);
                            }
                        }
                    />
                }
                .into_any();
            }
            Found::Ready { forms, ids, holder } => (forms, ids, holder),
        };
        reveal_app();
        // The heading names the keyword as asked, then its other forms.
        let asked = fold_keyword(&keyword);
        let other_forms: Vec<AnyView> = forms
            .iter()
            .filter(|(_, form)| fold_keyword(form) != asked)
            .map(|(tag, form)| {
                view! { " · "<span class="keyword-name" lang=tag.clone()>"“"{form.clone()}"”"</span> }.into_any()
            })
            .collect();
        // A split catalogue lists a page at a time, a whole one everything.
        let limit = if split.is_some() {
            shown.get()
        } else {
            ids.len()
        };
        let listed = limit.min(listable.get());
        let pending = listed < limit.min(ids.len());
        let items: Vec<AnyView> = ids
            .iter()
            .take(listed)
            .filter_map(|id| {
                let catalogue = holder(id)?;
                let article = catalogue.article(id)?;
                Some(article_item(
                    &catalogue,
                    article,
                    view,
                    &lang_query,
                    ItemOptions {
                        show_source: true,
                        query: None,
                    },
                    None,
                ))
            })
            .collect();
        let more = (ids.len() > limit).then(|| show_more(shown, PAGE, labels));
        let still_loading =
            pending.then(|| view! { <p class="loading" role="status">{labels.loading}</p> });
        let back = from.get().and_then(|id| {
            // Tracked: the link appears once the article's part is in.
            let catalogue = match split {
                Some(split) => split.part(&id),
                None => holder(&id),
            }?;
            let article: &Article = catalogue.article(&id)?;
            let href = article_href(article, &lang_query);
            Some(view! {
                <a href=href>"← "{labels.back_to_article}</a>
                " · "
            })
        });
        view! {
            <section class="keyword-page" aria-labelledby="keyword-heading">
                <p class="back">
                    {back}
                    <a href=site_path(&format!("/keywords/{lang_query}"))>{labels.keyword_index}</a>
                </p>
                <h1 id="keyword-heading">
                    <span class="keyword-heading-label">{labels.keyword_heading}</span>
                    " "
                    <span class="keyword-name">"“"{keyword}"”"</span>
                    {other_forms}
                </h1>
                {if items.is_empty() && !pending {
                    view! { <p class="empty">{labels.keyword_none}</p> }.into_any()
                } else {
                    view! { <ul class="article-list keyword-results">{items}</ul> }.into_any()
                }}
                {still_loading}
                {more}
            </section>
        }
        .into_any()
    }
}
