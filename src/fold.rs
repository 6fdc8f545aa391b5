//! Text folding with the browser's Unicode tables: `String.prototype
//! .normalize` instead of ~60 KB (gzip) of tables in the wasm.

/// Unicode NFKD, by the browser.
pub fn nfkd(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFKD").into()
}

/// The catalogue's keyword fold, with NFKC done by the browser.
pub fn fold_keyword(keyword: &str) -> String {
    let nfkc = js_sys::JsString::from(keyword).normalize("NFKC");
    catalogue::fold_normalized_keyword(&String::from(nfkc))
}
