//! Warnings: what the contract allows but is probably a mistake, each seen in
//! real catalogues. The reader loads such files; `cargo xtask check` lists
//! the warnings so an editor can fix them.
//!
//! Each function here looks at one value and returns the warning's sentence;
//! `decode` knows the paths and attaches them.

/// Warnings about one piece of text: markup other than the four inline
/// tags, unbalanced tags, and text not in Unicode NFC.
pub(crate) fn text_warnings(text: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    for tag in tag_like(text) {
        let name = tag.trim_start_matches(['<', '/']);
        let name = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default();
        let allowed = ["i", "b", "sup", "sub"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(name));
        let plain = tag.len() == name.len() + 2 + usize::from(tag.starts_with("</"));
        let known = allowed && plain;
        if !known && !unknown.contains(&tag) {
            unknown.push(tag);
        }
    }
    if !unknown.is_empty() {
        let list = unknown
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        warnings.push(format!(
            "{list} is not one of the inline tags <i>, <b>, <sup>, <sub>: readers see it as typed, \
             characters and all; remove it or use an allowed tag"
        ));
    }
    if has_unpaired_inline_tag(text) {
        warnings.push(
            "an <i>, <b>, <sup> or <sub> tag is not closed (or closed without being opened): it \
             is shown as typed; pair it"
                .to_owned(),
        );
    }
    #[cfg(feature = "unicode-tables")]
    if !unicode_normalization::is_nfc(text) {
        warnings.push(
            "the text is not in Unicode NFC (it holds decomposed characters): searches and \
             keyword matching may miss it; save it as NFC"
                .to_owned(),
        );
    }
    warnings
}

/// Substrings shaped like an HTML tag: `<name …>` or `</name>`.
fn tag_like(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find('<')?;
            let candidate = &rest[start..];
            let after = candidate[1..].trim_start_matches('/');
            let starts_like_tag = after
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
            match (
                starts_like_tag,
                candidate.find('>'),
                candidate[1..].find('<'),
            ) {
                (true, Some(end), next) if next.is_none_or(|n| n + 1 > end) => {
                    rest = &candidate[end + 1..];
                    return Some(&candidate[..=end]);
                }
                _ => rest = &candidate[1..],
            }
        }
    })
}

fn has_unpaired_inline_tag(text: &str) -> bool {
    use crate::markup::{Inline, parse_inline};
    fn literal_tag(nodes: &[Inline]) -> bool {
        nodes.iter().any(|n| match n {
            Inline::Text(s) => ["i", "b", "sup", "sub"].iter().any(|t| {
                let lower = s.to_ascii_lowercase();
                lower.contains(&format!("<{t}>")) || lower.contains(&format!("</{t}>"))
            }),
            Inline::Tagged(_, children) => literal_tag(children),
        })
    }
    literal_tag(&parse_inline(text))
}

/// An ISSN whose form or check digit is wrong (`0257-2826` is right).
pub(crate) fn issn_warning(issn: &str) -> Option<String> {
    let chars: Vec<char> = issn.chars().collect();
    let shaped = chars.len() == 9
        && chars[4] == '-'
        && chars[..4]
            .iter()
            .chain(&chars[5..8])
            .all(char::is_ascii_digit)
        && (chars[8].is_ascii_digit() || chars[8] == 'X' || chars[8] == 'x');
    if !shaped {
        return Some(format!(
            "{issn:?} is not written as an ISSN (NNNN-NNNC, such as 0257-2826)"
        ));
    }
    let digits: Vec<u32> = chars[..4]
        .iter()
        .chain(&chars[5..8])
        .filter_map(|c| c.to_digit(10))
        .collect();
    let sum: u32 = digits.iter().zip((2..=8).rev()).map(|(d, w)| d * w).sum();
    let check = (11 - sum % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('?')
    };
    (chars[8].to_ascii_uppercase() != expected).then(|| {
        format!("the check digit of ISSN {issn} should be {expected}: a digit is probably mistyped")
    })
}

/// Year, volume, issue and first page, each as a number where it is one.
pub(crate) type PlaceKey = (i64, Option<u64>, Option<u64>, Option<u64>);

/// The sort key of an article's place in a journal: year, volume, issue,
/// first page, each as a number where it is one.
pub(crate) fn place_key(
    year: i64,
    volume: Option<&str>,
    issue: Option<&str>,
    pages: Option<&str>,
) -> PlaceKey {
    let number = |s: Option<&str>| s.and_then(|s| s.trim().parse::<u64>().ok());
    let first_page = pages
        .and_then(|p| p.split(['-', '–']).next())
        .and_then(|p| p.trim().parse::<u64>().ok());
    (year, number(volume), number(issue), first_page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issn_check_digits() {
        assert_eq!(issn_warning("0257-2826"), None);
        assert_eq!(issn_warning("2049-3630"), None);
        assert_eq!(issn_warning("0317-8471"), None);
        assert_eq!(issn_warning("2434-561X"), None);
        assert!(issn_warning("0257-2827").unwrap().contains("should be 6"));
        assert!(
            issn_warning("02572826")
                .unwrap()
                .contains("not written as an ISSN")
        );
    }

    #[test]
    fn markup_warnings() {
        assert!(text_warnings("CO<sub>2</sub> and <i>Oryza</i>").is_empty());
        assert!(text_warnings("a < b and c > d").is_empty());
        let w = text_warnings("<script>x</script> <p>para</p>");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("<script>, </script>, <p> is not one of the inline tags"),
            "{}",
            w[0]
        );
        assert!(text_warnings("<i class=x>y</i>")[0].contains("<i class=x>"));
        assert!(text_warnings("<i>open")[0].contains("not closed"));
    }

    #[test]
    fn nfc_warning() {
        assert!(text_warnings("caf\u{e9}").is_empty());
        assert!(text_warnings("cafe\u{301}")[0].contains("NFC"));
    }
}
