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

/// Fetches and validates the catalogue. `no-cache` makes the browser ask the
/// server each time, so an owner who replaces the file is seen at once.
pub async fn load_catalogue(url: String) -> Result<Loaded, FetchError> {
    let response = Request::get(&url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| FetchError::Unreachable {
            url: url.clone(),
            detail: e.to_string(),
        })?;
    match response.status() {
        200..=299 => {}
        404 => return Err(FetchError::NotFound { url }),
        status => return Err(FetchError::Status { url, status }),
    }
    let text = response.text().await.map_err(|e| FetchError::Unreachable {
        url: url.clone(),
        detail: e.to_string(),
    })?;
    let catalogue =
        Catalogue::from_json(&text).map_err(|error| FetchError::Invalid { url, error })?;
    Ok(Loaded {
        catalogue: Arc::new(catalogue),
        fingerprint: catalogue::search::fingerprint(&text).into(),
    })
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
