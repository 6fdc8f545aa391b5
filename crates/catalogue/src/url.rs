//! Building addresses inside the site, the same in the browser and in the
//! native prerenderer.

/// Percent-encodes a query value (RFC 3986: everything but the unreserved
/// characters), as JavaScript's `encodeURIComponent` does for the
/// characters a keyword can hold.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The path of an article's page under `base` (`""` or `/reader`), with an
/// optional query (`?lang=zh`).
pub fn article_path(base: &str, id: &str, query: &str) -> String {
    format!("{base}/article/{id}/{query}")
}

/// `lang_query` (`""` or `?lang=…`) as a further query parameter:
/// `""` or `&lang=…`.
pub(crate) fn and_lang(lang_query: &str) -> String {
    lang_query.replacen('?', "&", 1)
}

/// The path of a keyword's page, coming from article `from` (`""` when not
/// from an article); `lang_query` is `""` or `?lang=…`.
pub fn keyword_path(base: &str, keyword: &str, from: &str, lang_query: &str) -> String {
    let extra = and_lang(lang_query);
    let from = if from.is_empty() {
        String::new()
    } else {
        format!("&from={from}")
    };
    format!(
        "{base}/keyword/?k={}{from}{extra}",
        encode_component(keyword)
    )
}

/// The path of the search page for `query`; `lang_query` is `""` or
/// `?lang=…`.
pub fn search_path(base: &str, query: &str, lang_query: &str) -> String {
    let extra = and_lang(lang_query);
    format!("{base}/search/?q={}{extra}", encode_component(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_encoded_like_encode_uri_component() {
        assert_eq!(encode_component("digital diplomacy"), "digital%20diplomacy");
        assert_eq!(encode_component("数字"), "%E6%95%B0%E5%AD%97");
        assert_eq!(encode_component("a&b=c/d?#"), "a%26b%3Dc%2Fd%3F%23");
        assert_eq!(encode_component("A-z_0.9~"), "A-z_0.9~");
    }

    #[test]
    fn paths_carry_base_and_language() {
        assert_eq!(
            article_path("/reader", "a1", "?lang=zh"),
            "/reader/article/a1/?lang=zh"
        );
        assert_eq!(
            keyword_path("", "x y", "a1", "?lang=zh"),
            "/keyword/?k=x%20y&from=a1&lang=zh"
        );
        assert_eq!(keyword_path("/r", "x", "a1", ""), "/r/keyword/?k=x&from=a1");
        assert_eq!(
            keyword_path("", "x", "", "?lang=en"),
            "/keyword/?k=x&lang=en"
        );
        assert_eq!(
            search_path("/r", "数字 外交", "?lang=both"),
            "/r/search/?q=%E6%95%B0%E5%AD%97%20%E5%A4%96%E4%BA%A4&lang=both"
        );
    }
}
