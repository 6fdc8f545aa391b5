//! `<base>/`: the first article (a table of contents comes later).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;

use crate::app::{use_catalogue, use_view_state};
use crate::components::article_nav::article_href;

#[component]
pub fn HomePage() -> impl IntoView {
    let catalogue = use_catalogue();
    let state = use_view_state();
    match catalogue.articles().first() {
        // Replace, so Back does not return here and bounce forward again;
        // the href already holds the base path, so no resolving.
        Some(first) => view! {
            <Redirect
                path=article_href(first, &state.lang_query_untracked())
                options=NavigateOptions { replace: true, resolve: false, ..Default::default() }
            />
        }
        .into_any(),
        None => view! { <p class="empty">{move || state.labels().empty_catalogue}</p> }.into_any(),
    }
}
