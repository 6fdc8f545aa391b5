//! Keyword identity: when two keywords are the same keyword.
//!
//! The full fold is Unicode NFKC, then lower case, then single spaces. NFKC
//! needs about 60 KB (gzip) of tables, which the browser already has
//! (`String.prototype.normalize`), so the tables sit behind the default
//! feature `unicode-tables`: native tools use [`fold_keyword`], the wasm app
//! normalises with the browser and calls [`fold_normalized_keyword`].

/// The part of the fold that follows NFKC: lower case and single spaces.
/// `text` must already be in NFKC.
pub fn fold_normalized_keyword(text: &str) -> String {
    let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form keywords are compared in: Unicode NFKC (so full-width `ＡＩ` is
/// `AI` and composed and decomposed accents agree), lower case, and single
/// spaces. `Digital  Diplomacy`, `digital diplomacy` and `ｄｉｇｉｔａｌ
/// ｄｉｐｌｏｍａｃｙ` all fold to `digital diplomacy`.
#[cfg(feature = "unicode-tables")]
pub fn fold_keyword(keyword: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    fold_normalized_keyword(&keyword.nfkc().collect::<String>())
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_width_spacing_and_normalisation() {
        for (a, b) in [
            ("Digital Diplomacy", "digital diplomacy"),
            ("ｄｉｇｉｔａｌ　ｄｉｐｌｏｍａｃｙ", "digital diplomacy"),
            (" digital\u{3000}\tdiplomacy ", "digital diplomacy"),
            ("cafe\u{301}", "caf\u{e9}"),
            ("ＡＩ治理", "ai治理"),
            ("数字外交", "数字外交"),
        ] {
            assert_eq!(fold_keyword(a), fold_keyword(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn different_keywords_stay_different() {
        assert_ne!(fold_keyword("数字外交"), fold_keyword("网络外交"));
        assert_ne!(fold_keyword("cafe"), fold_keyword("café"));
    }
}
