//! Previous / next article links, also on the keyboard (← and →).

use catalogue::{Article, Labels, Lang};
use leptos::prelude::*;

/// The full address of an article's page, base path included.
pub fn article_href(article: &Article, lang_query: &str) -> String {
    catalogue::article_path(crate::prefs::base_path(), article.id().as_str(), lang_query)
}

fn link(
    article: Option<&Article>,
    lang: Lang,
    rel: &'static str,
    label: &'static str,
    none: &'static str,
    lang_query: &str,
) -> AnyView {
    match article.and_then(|a| a.title().pick(lang).map(|t| (a, t))) {
        Some((article, title)) => {
            let arrow_before = (rel == "prev").then_some("← ");
            let arrow_after = (rel == "next").then_some(" →");
            let title_tag = title.tag.to_owned();
            let title_view = crate::components::text::rich(title.text);
            view! {
                <a href=article_href(article, lang_query) class=format!("nav-link nav-{rel}") rel=rel>
                    <span class="nav-label">{arrow_before}{label}{arrow_after}</span>
                    <span class="nav-title" lang=title_tag>{title_view}</span>
                </a>
            }
            .into_any()
        }
        None => view! {
            <span class=format!("nav-link nav-{rel} nav-disabled") aria-disabled="true">
                <span class="nav-label">{label}</span>
                <span class="nav-title">{none}</span>
            </span>
        }
        .into_any(),
    }
}

/// The previous/next block for an article.
pub fn article_nav(
    previous: Option<&Article>,
    next: Option<&Article>,
    lang: Lang,
    lang_query: &str,
) -> AnyView {
    let labels = Labels::of(lang);
    view! {
        <nav class="article-nav" aria-label=labels.article_navigation>
            {link(previous, lang, "prev", labels.previous, labels.no_previous, lang_query)}
            {link(next, lang, "next", labels.next, labels.no_next, lang_query)}
        </nav>
    }
    .into_any()
}
