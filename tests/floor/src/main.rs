//! The framework floor: what a Leptos 0.8 CSR app with a router, one
//! fetched JSON file and a language toggle weighs, with none of the
//! reader's own code. `cargo xtask bench` reports the reader's bundle
//! beside it.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

async fn load() -> Result<serde_json::Value, String> {
    let response = gloo_net::http::Request::get("catalogue.json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

#[component]
fn Article() -> impl IntoView {
    let data = LocalResource::new(load);
    let zh = RwSignal::new(false);
    view! {
        <button on:click=move |_| zh.update(|z| *z = !*z)>"English / 中文"</button>
        <Suspense fallback=|| "Loading">
            {move || data.get().map(|loaded| match loaded {
                Ok(value) => {
                    let lang = if zh.get() { "zh" } else { "en" };
                    let title = value["articles"][0]["title"][lang].as_str().unwrap_or_default();
                    view! { <h1>{title.to_owned()}</h1> }.into_any()
                }
                Err(why) => view! { <p>{why}</p> }.into_any(),
            })}
        </Suspense>
    }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"Home"</A>" "<A href="/article">"Article"</A></nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=|| view! { <p>"Home"</p> }/>
                    <Route path=path!("/article") view=Article/>
                </Routes>
            </Router>
        }
    })
}
