//! The article page: `<base>/article/<id>/`.

use catalogue::{Catalogue, Labels};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::app::use_view_state;
use crate::components::article_nav::article_href;
use crate::components::article_view::article_body;
use crate::keyboard;
use crate::pages::load_error::LoadErrorPage;
use crate::pages::not_found::ArticleNotFound;
use crate::prefs::{reveal_app, set_document_title};
use crate::source::{ArticleSource, Source, use_source};

#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let source = use_source();
    let state = use_view_state();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());

    // The catalogue that holds this article and its neighbours: the whole
    // one, or the article's part of a split one.
    let split = match &source {
        Source::Split(split) => Some(*split),
        Source::Whole(_) => None,
    };
    let found = Signal::derive({
        let source = source.clone();
        move || source.for_article(&id.get())
    });
    if let Some(split) = split {
        Effect::new(move |_| {
            let id = id.get();
            split.request_part(&id);
            // Once this article is in, its neighbours' parts are fetched,
            // so previous/next open without waiting on the network.
            if let ArticleSource::Ready(part) = found.get() {
                for neighbour in [part.previous(&id), part.next(&id)].into_iter().flatten() {
                    split.request_part(neighbour.id().as_str());
                }
            }
        });
    }
    Effect::new(move |_| {
        if !matches!(found.get(), ArticleSource::Loading) {
            reveal_app();
        }
    });

    // ← and → go to the previous and next article, unless a modifier is held
    // (browser shortcuts) or the reader is typing.
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.default_prevented()
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
        {
            return;
        }
        if keyboard::typing_in_field(&event) {
            return;
        }
        let ArticleSource::Ready(catalogue) = found.get_untracked() else {
            return;
        };
        let id = id.get_untracked();
        let target = match event.key().as_str() {
            "ArrowLeft" => catalogue.previous(&id),
            "ArrowRight" => catalogue.next(&id),
            _ => return,
        };
        if let Some(article) = target {
            event.prevent_default();
            // The href already holds the base path: do not resolve it again.
            let options = NavigateOptions {
                resolve: false,
                ..Default::default()
            };
            navigate(
                &article_href(article, &state.lang_query_untracked()),
                options,
            );
        }
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let lang = state.view.get().chrome_lang();
        let title = match found.get() {
            ArticleSource::Ready(catalogue) => page_title(&catalogue, &id.get(), lang),
            ArticleSource::Loading => return,
            _ => None,
        };
        set_document_title(&title.unwrap_or_else(|| Labels::of(lang).not_found_heading.to_owned()));
    });

    move || {
        let id = id.get();
        let view = state.view.get();
        let lang_query = state.lang_query();
        let catalogue = match found.get() {
            ArticleSource::Ready(catalogue) => catalogue,
            ArticleSource::Loading => {
                return view! { <p class="loading" role="status">{state.labels().loading}</p> }
                    .into_any();
            }
            ArticleSource::Missing => return view! { <ArticleNotFound id/> }.into_any(),
            ArticleSource::Failed(error) => {
                let failed_id = id.clone();
                let retry = move || {
                    if let Some(split) = split {
                        split.retry_part(&failed_id);
                    }
                };
                return view! { <LoadErrorPage error on_retry=retry/> }.into_any();
            }
        };
        let Some(article) = catalogue.article(&id) else {
            return view! { <ArticleNotFound id/> }.into_any();
        };
        let page_url = window()
            .location()
            .origin()
            .ok()
            .map(|origin| format!("{origin}{}", article_href(article, "")));
        article_body(&catalogue, article, view, &lang_query, page_url.as_deref())
    }
}

/// "Title · Journal" in the interface language, for the document title.
fn page_title(catalogue: &Catalogue, id: &str, lang: catalogue::Lang) -> Option<String> {
    let article = catalogue.article(id)?;
    let title = article
        .title()
        .pick(lang)
        .map(|s| catalogue::plain_text(s.text))
        .unwrap_or_default();
    let journal = catalogue
        .journal_of(article)
        .title()
        .pick(lang)
        .map(|s| s.text.to_owned())
        .unwrap_or_default();
    Some(format!("{title} · {journal}"))
}
