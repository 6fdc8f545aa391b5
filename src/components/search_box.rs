//! The search box in the header of every page.
//!
//! A plain `GET` form to `<base>/search/`, so it works on a prerendered page
//! before (or without) the app; with the app, results update as the reader
//! types.

use catalogue::Labels;
use leptos::prelude::*;

use crate::prefs::site_path;

/// The search field's id (the `/` shortcut focuses it).
pub const INPUT_ID: &str = "search-input";

#[component]
pub fn SearchBox(
    /// The query on screen (the search page's `?q=`).
    #[prop(into)]
    query: Signal<String>,
    /// The `?lang=` the form should keep, if any (`"zh"`, `"both"`).
    #[prop(into)]
    lang: Signal<Option<&'static str>>,
    /// The interface's words.
    #[prop(into)]
    labels: Signal<&'static Labels>,
    /// Called with the text on each change and on submit; `None` leaves the
    /// form to the browser.
    on_search: Option<Callback<String>>,
) -> impl IntoView {
    let on_input = move |event: leptos::ev::Event| {
        if let Some(on_search) = on_search {
            on_search.run(event_target_value(&event));
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        if let Some(on_search) = on_search {
            event.prevent_default();
            if let Some(input) = input.get() {
                on_search.run(input.value());
            }
        }
    };
    view! {
        <form class="search-box" role="search" method="get" action=site_path("/search/") on:submit=on_submit>
            <label for=INPUT_ID class="visually-hidden">{move || labels.get().search}</label>
            <input
                id=INPUT_ID
                node_ref=input
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=move || labels.get().search_placeholder
                prop:value=move || query.get()
                on:input=on_input
            />
            {move || lang.get().map(|l| view! { <input type="hidden" name="lang" value=l/> })}
            <button type="submit">{move || labels.get().search}</button>
        </form>
    }
}
