//! The page shown when the catalogue cannot be loaded: what went wrong, in
//! words that say what to do, every contract problem with its place, and a
//! way to try again.

use catalogue::Severity;
use leptos::prelude::*;

use crate::app::use_view_state;
use crate::fetch::FetchError;

/// How many contract problems to list before "N more".
const SHOWN_PROBLEMS: usize = 50;

#[component]
pub fn LoadErrorPage(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let state = use_view_state();
    let (summary, problems) = match &error {
        FetchError::Invalid { url, error } => {
            let problems: Vec<String> = error
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(ToString::to_string)
                .collect();
            let summary = match error {
                catalogue::LoadError::Contract(_) => {
                    let n = problems.len();
                    format!(
                        "{url} breaks the catalogue format ({n} {}):",
                        if n == 1 { "problem" } else { "problems" }
                    )
                }
                other => format!("{url}: {other}"),
            };
            (summary, problems)
        }
        other => (other.to_string(), Vec::new()),
    };
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let items: Vec<_> = problems
        .into_iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| view! { <li><code>{p}</code></li> })
        .collect();
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-heading">
            <h1 id="load-error-heading">{move || state.labels().error_heading}</h1>
            <p class="error-summary" lang="en">{summary}</p>
            {(!items.is_empty()).then(|| view! { <ul class="problems" lang="en">{items}</ul> })}
            {(hidden > 0).then(|| view! { <p>{hidden}" "{move || state.labels().more_problems}</p> })}
            <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                {move || state.labels().retry}
            </button>
        </section>
    }
}
