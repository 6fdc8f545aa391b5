//! The article page: `<base>/article/<id>/`.

use catalogue::Labels;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_nav::article_href;
use crate::components::article_view::article_body;
use crate::keyboard;
use crate::pages::not_found::ArticleNotFound;
use crate::prefs::set_document_title;

#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let catalogue = use_catalogue();
    let state = use_view_state();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());

    // ← and → go to the previous and next article, unless a modifier is held
    // (browser shortcuts) or the reader is typing.
    let navigate = use_navigate();
    let keys_catalogue = catalogue.clone();
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
        let id = id.get_untracked();
        let target = match event.key().as_str() {
            "ArrowLeft" => keys_catalogue.previous(&id),
            "ArrowRight" => keys_catalogue.next(&id),
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

    let title_catalogue = catalogue.clone();
    Effect::new(move |_| {
        let view = state.view.get();
        let lang = view.chrome_lang();
        let id = id.get();
        let title = match title_catalogue.article(&id) {
            Some(article) => {
                let title = article
                    .title()
                    .pick(lang)
                    .map(|s| catalogue::plain_text(s.text))
                    .unwrap_or_default();
                let journal = title_catalogue
                    .journal_of(article)
                    .title()
                    .pick(lang)
                    .map(|s| s.text.to_owned())
                    .unwrap_or_default();
                format!("{title} · {journal}")
            }
            None => Labels::of(lang).not_found_heading.to_owned(),
        };
        set_document_title(&title);
    });

    move || {
        let id = id.get();
        let view = state.view.get();
        let lang_query = state.lang_query();
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
