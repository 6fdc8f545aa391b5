//! The skip link and the header: collection title and language toggle.

use catalogue::{Labels, View};
use leptos::prelude::*;

use crate::components::lang_toggle::LangToggle;

/// The top of every page.
#[component]
pub fn SiteHeader(
    /// The collection's title and its language tag, once known.
    #[prop(into)]
    collection: Signal<Option<(String, String)>>,
    /// The view on screen.
    view: Memo<View>,
    /// Called with the view the reader picks.
    on_choose: Callback<View>,
) -> impl IntoView {
    let labels = move || Labels::of(view.get().chrome_lang());
    view! {
        <a class="skip-link" href="#content">{move || labels().skip_to_article}</a>
        <header class="site-header">
            <p class="collection">
                {move || match collection.get() {
                    Some((title, tag)) => view! { <span lang=tag>{title}</span> }.into_any(),
                    None => view! { <span>"Journal abstract reader"</span> }.into_any(),
                }}
            </p>
            <LangToggle current=view on_choose/>
        </header>
    }
}
