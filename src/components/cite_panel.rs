//! The Cite panel: the article in GB/T 7714 (Chinese and English forms),
//! APA, MLA, Chicago, BibTeX and RIS, each with a copy button, downloads of
//! `.bib` and `.ris`, and a link to share that keeps the language.
//!
//! A `<details>` element, so it opens with the keyboard and without the
//! app (on a prerendered page the texts and downloads work; copying needs
//! the app).

use catalogue::cite::{CiteStyle, citation_key, cite};
use catalogue::{Article, Catalogue, Labels, Lang, View, encode_component};
use leptos::prelude::*;

/// Copies `text` to the clipboard; the result says whether it worked.
async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// One citation: its style's name, the text, a copy button and, for the
/// file formats, a download.
fn citation(
    id: String,
    name: String,
    text: String,
    file: Option<(String, &'static str)>,
    labels: &'static Labels,
    status: RwSignal<String>,
) -> AnyView {
    let to_copy = text.clone();
    let copied_name = name.clone();
    let copy = move |_| {
        let text = to_copy.clone();
        let name = copied_name.clone();
        leptos::task::spawn_local(async move {
            status.set(if copy_to_clipboard(text).await {
                format!("{}: {name}", labels.copied)
            } else {
                labels.copy_failed.to_owned()
            });
        });
    };
    let download = file.map(|(file_name, mime)| {
        let href = format!("data:{mime};charset=utf-8,{}", encode_component(&text));
        view! { <a class="download" href=href download=file_name.clone()>{labels.download}" "{file_name.clone()}</a> }
    });
    let text_id = format!("cite-{id}");
    view! {
        <div class="citation" data-style=id.clone()>
            <h3 id=format!("{text_id}-name")>{name}</h3>
            <pre id=text_id.clone() class="citation-text" tabindex="0" aria-labelledby=format!("{text_id}-name")>{text}</pre>
            <p class="citation-actions">
                <button type="button" class="copy" aria-describedby=text_id on:click=copy>{labels.copy}</button>
                {download}
            </p>
        </div>
    }
    .into_any()
}

/// The panel for `article`. `page_url` is the article's absolute address
/// when known; `view` is kept in the shared link.
pub fn cite_panel(
    catalogue: &Catalogue,
    article: &Article,
    view: View,
    page_url: Option<&str>,
) -> AnyView {
    let labels = Labels::of(view.chrome_lang());
    let journal = catalogue.journal_of(article);
    let status = RwSignal::new(String::new());
    let key = citation_key(article);
    let mut entries: Vec<AnyView> = Vec::new();
    for style in CiteStyle::ALL {
        // GB/T 7714 has a Chinese and an English form; the other styles are
        // English-language styles.
        let forms: &[(Lang, &str)] = match style {
            CiteStyle::GbT7714 => &[(Lang::Zh, "（中文）"), (Lang::En, " (English)")],
            _ => &[(Lang::En, "")],
        };
        for &(lang, suffix) in forms {
            let id = match style {
                CiteStyle::GbT7714 => format!("{}-{}", style.key(), lang.tag()),
                _ => style.key().to_owned(),
            };
            let text = cite(article, journal, style, lang, page_url);
            let file = style
                .file_extension()
                .zip(style.mime_type())
                .map(|(ext, mime)| (format!("{key}.{ext}"), mime));
            let name = format!("{}{suffix}", style.name());
            entries.push(citation(id, name, text, file, labels, status));
        }
    }
    let share = page_url.map(|url| {
        let link = format!("{url}?lang={}", view.as_query());
        let shown = link.clone();
        let copy_link = move |_| {
            let link = link.clone();
            leptos::task::spawn_local(async move {
                status.set(if copy_to_clipboard(link).await {
                    format!("{}: {}", labels.copied, labels.copy_link)
                } else {
                    labels.copy_failed.to_owned()
                });
            });
        };
        view! {
            <p class="share">
                <button type="button" class="copy-link" on:click=copy_link>{labels.copy_link}</button>
                " "<code class="share-link">{shown}</code>
            </p>
        }
    });
    view! {
        <details class="cite-panel">
            <summary>{labels.cite}</summary>
            <h2 class="visually-hidden">{labels.cite_heading}</h2>
            {share}
            {entries}
            <p class="copy-status" role="status" aria-live="polite">{move || status.get()}</p>
        </details>
    }
    .into_any()
}
