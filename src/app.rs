//! The app shell: loads the catalogue once, keeps the reader's view (English,
//! 中文, both) in the URL, and routes to the pages.
//!
//! Addresses (README "Addresses"): `<base>/` (contents),
//! `<base>/article/<id>/`, `<base>/issue/?y=&v=&n=`, `<base>/keywords/`,
//! `<base>/keyword/?k=<keyword>`, `<base>/search/?q=<query>`;
//! `?lang=en|zh|both` on any of them.

use std::sync::Arc;

use catalogue::{Catalogue, Labels, View};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::{NavigateOptions, path};
use web_sys::RequestCache;

use crate::components::site_header::SiteHeader;
use crate::fetch::{self, FetchError, Loaded};
use crate::pages::article::ArticleRoute;
use crate::pages::home::HomePage;
use crate::pages::issue::IssueRoute;
use crate::pages::issue_list::IssueListPage;
use crate::pages::keyword::KeywordPage;
use crate::pages::keyword_index::KeywordIndexPage;
use crate::pages::load_error::LoadErrorPage;
use crate::pages::not_found::PageNotFound;
use crate::pages::search::{SearchIndexState, SearchPage};
use crate::prefs;
use crate::source::Source;

type CatalogueResource = LocalResource<Result<Loaded, FetchError>>;

/// The reader's current view and the explicit `?lang=` of the URL, shared
/// with every page through context.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// What is on screen: the URL's `?lang=`, else the remembered or
    /// browser choice.
    pub view: Memo<View>,
    /// The `?lang=` of the URL, if it names a view; links carry it along.
    pub in_url: Memo<Option<View>>,
}

impl ViewState {
    /// The query string internal links should carry: `?lang=zh` when the URL
    /// names a view, nothing otherwise.
    pub fn lang_query(&self) -> String {
        lang_query_of(self.in_url.get())
    }

    /// As [`ViewState::lang_query`], for event handlers outside the
    /// reactive graph.
    pub fn lang_query_untracked(&self) -> String {
        lang_query_of(self.in_url.get_untracked())
    }

    pub fn labels(&self) -> &'static Labels {
        Labels::of(self.view.get().chrome_lang())
    }
}

/// `?lang=zh` for a view named in the URL, nothing otherwise.
pub fn lang_query_of(view: Option<View>) -> String {
    view.map(|v| format!("?lang={}", v.as_query()))
        .unwrap_or_default()
}

pub fn use_view_state() -> ViewState {
    expect_context::<ViewState>()
}

/// Mounts the app: into the body, or, over a prerendered page, into a hidden
/// host that [`prefs::reveal_app`] swaps in once the app has content.
pub fn mount() {
    let prerendered = document().get_element_by_id(prefs::PRERENDERED_ID);
    let host = prerendered.and_then(|_| {
        let host = document().create_element("div").ok()?;
        host.set_id(prefs::APP_ID);
        host.set_attribute("hidden", "").ok()?;
        document().body()?.append_child(&host).ok()?;
        host.dyn_into::<web_sys::HtmlElement>().ok()
    });
    match host {
        Some(host) => leptos::mount::mount_to(host, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let base = prefs::base_path();
    let url = fetch::catalogue_url(base);
    let catalogue: CatalogueResource =
        LocalResource::new(move || fetch::load_catalogue(url.clone(), RequestCache::NoCache));
    view! {
        <Router base=base>
            <Shell catalogue/>
        </Router>
    }
}

/// Everything inside the router: view state, header, the page, footer.
#[component]
fn Shell(catalogue: CatalogueResource) -> impl IntoView {
    let query = use_query_map();
    let in_url = Memo::new(move |_| {
        query
            .read()
            .get_str("lang")
            .and_then(|v| v.parse::<View>().ok())
    });
    let fallback = prefs::default_view();
    let view = Memo::new(move |_| in_url.get().unwrap_or(fallback));
    let state = ViewState { view, in_url };
    provide_context(state);
    Effect::new(move |_| prefs::set_document_lang(view.get().chrome_lang()));

    // Announced to screen readers after a switch (not on load), in the
    // language of the view picked.
    let announcement = RwSignal::new("");
    let navigate = use_navigate();
    let navigate_to_search = navigate.clone();
    // Switching view: remember it, and put it in the URL by replacing the
    // history entry (a language switch is not a page to go back to). The
    // router updates its URL signal at once, so the page re-renders in the
    // same frame, with no refetch.
    let choose = Callback::new(move |next: View| {
        prefs::remember_view(next);
        announcement.set(Labels::of(next.chrome_lang()).view_announcement(next));
        if let Some(url) = url_with_lang(next) {
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });

    let collection = Signal::derive(move || {
        let lang = view.get().chrome_lang();
        catalogue.get().and_then(|r| r.ok()).and_then(|loaded| {
            loaded
                .catalogue
                .journal()
                .title()
                .pick(lang)
                .map(|s| (s.text.to_owned(), s.tag.to_owned()))
        })
    });
    // Over a prerendered page, the app renders hidden; once it shows the
    // catalogue (or why it cannot), it takes the page's place in one go.
    // A split catalogue's pages reveal themselves once their part is in.
    Effect::new(move |_| match catalogue.get() {
        Some(Ok(loaded)) if loaded.catalogue.split().is_some() => {}
        Some(_) => prefs::reveal_app(),
        None => {}
    });

    crate::keyboard::slash_focuses_search();
    let location = use_location();
    let skip_href = Signal::derive(move || {
        location.pathname.track();
        location.search.track();
        let here = window().location();
        format!(
            "{}{}#{}",
            here.pathname().unwrap_or_default(),
            here.search().unwrap_or_default(),
            prefs::CONTENT_ID
        )
    });
    let search_query = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    // Typing a search shows its results at once: the first keystroke opens
    // the search page (a new history entry, so Back returns to the page
    // before), later ones replace it (Back does not step through letters).
    let on_search = Callback::new(move |text: String| {
        let on_search_page = window()
            .location()
            .pathname()
            .is_ok_and(|p| p.trim_end_matches('/').ends_with("/search"));
        let href = catalogue::search_path(prefs::base_path(), &text, &state.lang_query_untracked());
        navigate_to_search(
            &href,
            NavigateOptions {
                resolve: false,
                replace: on_search_page,
                scroll: !on_search_page,
                ..Default::default()
            },
        );
    });

    view! {
        <SiteHeader
            collection
            view
            in_url
            on_choose=choose
            query=search_query
            on_search=Some(on_search)
            skip_href
        />
        <p class="visually-hidden" role="status" aria-live="polite" id="view-announcement">
            {move || announcement.get()}
        </p>
        <main id="content" tabindex="-1">
            {move || match catalogue.get() {
                None => view! { <p class="loading" role="status">{move || state.labels().loading}</p> }.into_any(),
                Some(Err(error)) => view! { <LoadErrorPage error on_retry=move || catalogue.refetch()/> }.into_any(),
                Some(Ok(loaded)) => view! { <CatalogueRoutes loaded/> }.into_any(),
            }}
        </main>
    }
}

/// The current address with `lang` set in its query, other parameters kept.
fn url_with_lang(view: View) -> Option<String> {
    let location = window().location();
    let path = location.pathname().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    params.set("lang", view.as_query());
    Some(format!("{path}?{}", String::from(params.to_string())))
}

/// The routes, once the catalogue is loaded; pages take it (and the search
/// index, loaded on first use) from context.
#[component]
fn CatalogueRoutes(loaded: Loaded) -> impl IntoView {
    provide_context(SearchIndexState::new());
    let source = Source::new(loaded);
    if let Source::Whole(loaded) = &source {
        provide_context(loaded.catalogue.clone());
    }
    provide_context(source);
    view! {
        <Routes fallback=|| view! { <PageNotFound/> }>
            <Route path=path!("/") view=contents_page/>
            <Route path=path!("/article/:id") view=ArticleRoute/>
            <Route path=path!("/issue") view=IssueRoute/>
            <Route path=path!("/keyword") view=KeywordPage/>
            <Route path=path!("/keywords") view=KeywordIndexPage/>
            <Route path=path!("/search") view=SearchPage/>
        </Routes>
    }
}

/// `<base>/`: the whole catalogue's contents, or a split one's issues.
fn contents_page() -> AnyView {
    match expect_context::<Source>() {
        Source::Whole(_) => HomePage().into_any(),
        Source::Split(split) => view! { <IssueListPage split/> }.into_any(),
    }
}

/// The catalogue a listing page reads: the whole one, or, for an issue page
/// of a split catalogue, its issue's part.
pub fn use_catalogue() -> Arc<Catalogue> {
    expect_context::<Arc<Catalogue>>()
}
