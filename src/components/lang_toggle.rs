//! The English / 中文 / both switch.

use catalogue::{Labels, Lang, View};
use leptos::prelude::*;

/// Three buttons; the pressed one is the current view. Each button's label
/// is in its own language, so it reads right whatever the page's language.
#[component]
pub fn LangToggle(
    /// The view on screen.
    current: Memo<View>,
    /// Called with the view the reader picks.
    on_choose: Callback<View>,
) -> impl IntoView {
    let button = move |view: View, label: &'static str, lang: &'static str| {
        view! {
            <button
                type="button"
                lang=lang
                aria-pressed=move || (current.get() == view).to_string()
                on:click=move |_| on_choose.run(view)
            >
                {label}
            </button>
        }
    };
    let group_label = move || Labels::of(current.get().chrome_lang()).language;
    let both_label = move || match current.get().chrome_lang() {
        Lang::En => "English and Chinese side by side",
        Lang::Zh => "中英对照",
    };
    view! {
        <div class="lang-toggle" role="group" aria-label=group_label>
            {button(View::One(Lang::En), "English", "en")}
            {button(View::One(Lang::Zh), "中文", "zh")}
            // The accessible name starts with the visible text, as speech
            // input users say what they see.
            <button
                type="button"
                aria-pressed=move || (current.get() == View::Both).to_string()
                on:click=move |_| on_choose.run(View::Both)
            >
                "EN + 中文"
                <span class="visually-hidden">" ("{both_label}")"</span>
            </button>
        </div>
    }
}
