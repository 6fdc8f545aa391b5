//! Loading `catalogue.json`: the one place the app touches the network.

use std::fmt;
use std::sync::Arc;

use catalogue::search::SearchIndex;
use catalogue::{Catalogue, LoadError};
use gloo_net::http::Request;
use web_sys::RequestCache;

/// Why the catalogue is not on screen, in words a site owner can act on.
#[derive(Clone, Debug)]
pub enum FetchError {
    /// The server has no file at the address (HTTP 404).
    NotFound { url: String },
    /// The server answered with another error status.
    Status { url: String, status: u16 },
    /// No answer at all: offline, refused, or cut off.
    Unreachable { url: String, detail: String },
    /// The file arrived but is not a valid catalogue.
    Invalid { url: String, error: LoadError },
    /// A split catalogue's other file (table of contents, keyword index)
    /// arrived but cannot be read; `why` says so and what to do.
    Damaged { url: String, why: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NotFound { url } => write!(
                f,
                "There is no catalogue at {url} (HTTP 404). Put catalogue.json beside index.html, \
                 or check the site's address."
            ),
            FetchError::Status { url, status } => write!(
                f,
                "The server answered HTTP {status} when asked for {url}. Try again later; if it \
                 persists, the site's owner should check the server."
            ),
            FetchError::Unreachable { url, detail } => write!(
                f,
                "The catalogue at {url} could not be reached ({detail}). Check the connection and \
                 try again."
            ),
            FetchError::Invalid { error, .. } => write!(f, "{error}"),
            FetchError::Damaged { url, why } => write!(f, "{url}: {why}"),
        }
    }
}

/// The catalogue's address: beside `index.html`, under the site's base path.
pub fn catalogue_url(base: &str) -> String {
    format!("{base}/catalogue.json")
}

/// A loaded catalogue and the fingerprint of its text, which a prebuilt
/// search index must carry to be used with it.
#[derive(Clone)]
pub struct Loaded {
    pub catalogue: Arc<Catalogue>,
    pub fingerprint: Arc<str>,
}

/// Fetches and validates a catalogue. For `catalogue.json`, `NoCache` makes
/// the browser ask the server each time, so an owner who replaces the file
/// is seen at once.
pub async fn load_catalogue(url: String, cache: RequestCache) -> Result<Loaded, FetchError> {
    let text = fetch_text(&url, cache).await?;
    let catalogue =
        Catalogue::from_json(&text).map_err(|error| FetchError::Invalid { url, error })?;
    Ok(Loaded {
        catalogue: Arc::new(catalogue),
        fingerprint: catalogue::search::fingerprint(&text).into(),
    })
}

/// Fetches and validates a part of a split catalogue. Parts live in a
/// folder named by the catalogue's hash and never change, so the browser's
/// cache (and a page's preload of the same address) may answer.
pub async fn load_part(url: String) -> Result<Catalogue, FetchError> {
    let text = fetch_text(&url, RequestCache::Default).await?;
    Catalogue::from_json(&text).map_err(|error| FetchError::Invalid { url, error })
}

/// A file that never changes under its name (a split catalogue's search
/// shards), as text; the browser's cache may answer.
pub async fn load_file(url: &str) -> Result<String, FetchError> {
    fetch_text(url, RequestCache::Default).await
}

/// A split catalogue's file that never changes under its name, read by
/// `parse` (whose error is a sentence for the site owner).
pub async fn load_parsed<T>(
    url: String,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, FetchError> {
    let text = load_file(&url).await?;
    parse(&text).map_err(|why| FetchError::Damaged { url, why })
}

/// A file of the site beside `catalogue.json`, by its relative path.
pub fn site_file(base: &str, relative: &str) -> String {
    format!("{base}/{relative}")
}

async fn fetch_text(url: &str, cache: RequestCache) -> Result<String, FetchError> {
    let unreachable = |e: gloo_net::Error| FetchError::Unreachable {
        url: url.to_owned(),
        detail: e.to_string(),
    };
    let response = Request::get(url)
        .cache(cache)
        .send()
        .await
        .map_err(unreachable)?;
    match response.status() {
        200..=299 => {}
        404 => {
            return Err(FetchError::NotFound {
                url: url.to_owned(),
            });
        }
        status => {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status,
            });
        }
    }
    response.text().await.map_err(unreachable)
}

/// The prebuilt search index's address, beside the catalogue.
pub fn search_index_url(base: &str) -> String {
    format!("{base}/{}", catalogue::SEARCH_INDEX_FILE)
}

/// The prebuilt search index, if the site has one that was built from this
/// very catalogue; `Err` says why not (the app then indexes in memory).
pub async fn load_search_index(url: String, fingerprint: &str) -> Result<SearchIndex, String> {
    let response = Request::get(&url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| format!("{url} could not be fetched ({e})"))?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {}", response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("{url} was cut off ({e})"))?;
    let index = SearchIndex::from_json(&text).map_err(|e| format!("{url}: {e}"))?;
    if index.fingerprint() != fingerprint {
        return Err(format!(
            "{url} was built from another catalogue.json (rebuild the site to refresh it)"
        ));
    }
    Ok(index)
}
