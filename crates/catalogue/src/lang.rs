//! Languages: the two the interface speaks ([`Lang`]), the views a reader can
//! pick ([`View`]), and multilingual text from the catalogue ([`LangText`]).

use std::fmt;
use std::str::FromStr;

/// A language the reader's interface speaks. Catalogue text may carry any
/// BCP 47 tag; [`Lang::from_tag`] maps the ones that mean English or Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// Maps a BCP 47 tag to an interface language by its primary subtag, so
    /// `en-US` is English and `zh-Hans` or `zh-CN` is Chinese.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The tag written in `lang` attributes and URLs.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The first interface language among a browser's preferred languages
    /// (`navigator.languages`), if any.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// What the article page shows: one language, or both side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    One(Lang),
    Both,
}

impl View {
    /// The value of the `?lang=` query parameter for this view.
    pub fn as_query(self) -> &'static str {
        match self {
            View::One(lang) => lang.tag(),
            View::Both => "both",
        }
    }

    /// The language of the interface chrome (labels, navigation). The
    /// both-languages view keeps English chrome; each column labels itself.
    pub fn chrome_lang(self) -> Lang {
        match self {
            View::One(lang) => lang,
            View::Both => Lang::En,
        }
    }

    /// The columns to render, in order.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            View::One(Lang::En) => &[Lang::En],
            View::One(Lang::Zh) => &[Lang::Zh],
            View::Both => &[Lang::En, Lang::Zh],
        }
    }
}

impl FromStr for View {
    type Err = ();

    /// Accepts `both` and any tag that [`Lang::from_tag`] understands
    /// (`en`, `zh`, `zh-CN`, …); anything else is not a view.
    fn from_str(s: &str) -> Result<View, ()> {
        if s.eq_ignore_ascii_case("both") {
            Ok(View::Both)
        } else {
            Lang::from_tag(s).map(View::One).ok_or(())
        }
    }
}

/// Text in one or more languages, in the order the catalogue wrote them.
/// Tags are kept as written; a map would lose `zh-Hans` vs `zh`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LangText {
    entries: Vec<(String, String)>,
}

/// One language's text chosen for display, with the tag it really has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The tag of the text shown, for its `lang` attribute.
    pub tag: &'a str,
    /// True when the text is not in the language asked for.
    pub is_fallback: bool,
}

impl LangText {
    pub(crate) fn from_entries(entries: Vec<(String, String)>) -> LangText {
        LangText { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every (tag, text) pair, including languages the interface does not speak.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(t, s)| (t.as_str(), s.as_str()))
    }

    /// The text in `lang` exactly, with its tag.
    pub fn get(&self, lang: Lang) -> Option<(&str, &str)> {
        self.entries
            .iter()
            .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
            .map(|(t, s)| (t.as_str(), s.as_str()))
    }

    /// The text to show for `lang`: that language if present, else the other
    /// interface language, else whatever language comes first. `None` only
    /// for empty text.
    pub fn pick(&self, lang: Lang) -> Option<Shown<'_>> {
        if let Some((tag, text)) = self.get(lang) {
            return Some(Shown {
                text,
                tag,
                is_fallback: false,
            });
        }
        self.get(lang.other())
            .or_else(|| self.entries().next())
            .map(|(tag, text)| Shown {
                text,
                tag,
                is_fallback: true,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> LangText {
        LangText::from_entries(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn tags_map_by_primary_subtag() {
        for (tag, want) in [
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("zh", Some(Lang::Zh)),
            ("zh-Hans", Some(Lang::Zh)),
            ("zh-CN", Some(Lang::Zh)),
            ("zh_TW", Some(Lang::Zh)),
            ("fr", None),
            ("", None),
            ("eng", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn browser_preferences_pick_first_known_language() {
        assert_eq!(
            Lang::from_preferences(["fr-FR", "zh-CN", "en"]),
            Some(Lang::Zh)
        );
        assert_eq!(Lang::from_preferences(["de"]), None);
    }

    #[test]
    fn views_parse_from_query() {
        assert_eq!("zh".parse(), Ok(View::One(Lang::Zh)));
        assert_eq!("en-GB".parse(), Ok(View::One(Lang::En)));
        assert_eq!("both".parse(), Ok(View::Both));
        assert_eq!("fr".parse::<View>(), Err(()));
        assert_eq!(View::Both.as_query(), "both");
    }

    #[test]
    fn pick_prefers_asked_language() {
        let t = text(&[("en", "Title"), ("zh-Hans", "标题")]);
        assert_eq!(
            t.pick(Lang::Zh),
            Some(Shown {
                text: "标题",
                tag: "zh-Hans",
                is_fallback: false
            })
        );
        assert_eq!(t.pick(Lang::En).map(|s| s.is_fallback), Some(false));
    }

    #[test]
    fn pick_falls_back_and_says_so() {
        let t = text(&[("en", "Only English")]);
        assert_eq!(
            t.pick(Lang::Zh),
            Some(Shown {
                text: "Only English",
                tag: "en",
                is_fallback: true
            })
        );
    }

    #[test]
    fn pick_falls_back_to_other_languages_last() {
        let t = text(&[("fr", "Titre"), ("zh", "标题")]);
        assert_eq!(t.pick(Lang::En).map(|s| s.tag), Some("zh"));
        let t = text(&[("fr", "Titre")]);
        assert_eq!(t.pick(Lang::En).map(|s| s.tag), Some("fr"));
        assert_eq!(text(&[]).pick(Lang::En), None);
    }
}
