//! Catalogue text on the page: inline markup, paragraphs, and the marker for
//! text shown in another language than asked for.
//!
//! Catalogue strings only ever become text nodes; the four inline tags are
//! rebuilt as elements from the parsed tree. Nothing is set as HTML.

use catalogue::{Inline, InlineTag, Labels, Shown, parse_inline};
use leptos::prelude::*;

fn inline_view(node: Inline) -> AnyView {
    match node {
        Inline::Text(text) => text.into_any(),
        Inline::Tagged(tag, children) => {
            let children: Vec<AnyView> = children.into_iter().map(inline_view).collect();
            match tag {
                InlineTag::Italic => view! { <i>{children}</i> }.into_any(),
                InlineTag::Bold => view! { <b>{children}</b> }.into_any(),
                InlineTag::Superscript => view! { <sup>{children}</sup> }.into_any(),
                InlineTag::Subscript => view! { <sub>{children}</sub> }.into_any(),
            }
        }
    }
}

/// Inline text with its four allowed tags rendered.
pub fn rich(text: &str) -> Vec<AnyView> {
    parse_inline(text).into_iter().map(inline_view).collect()
}

/// The visible note after text in another language than the page's, e.g.
/// "仅有英文" after the seed article's English title in the Chinese view.
pub fn fallback_note(labels: &'static Labels, shown: Shown<'_>) -> Option<AnyView> {
    shown.is_fallback.then(|| {
        view! { <span class="fallback-note" lang=labels.lang.tag()>{labels.fallback_note(shown.tag)}</span> }
            .into_any()
    })
}
