//! Links built from catalogue values (DOI, ORCID iD, e-mail). A value only
//! ever becomes the tail of an `https://doi.org/`, `https://orcid.org/` or
//! `mailto:` address, percent-encoded or checked, so no catalogue can make
//! a `javascript:` (or any other) link.

/// The DOI's resolver address. Characters that would end the path or
/// change its meaning (`?`, `#`, `%`, quotes, spaces, `<`, `>`, …) are
/// percent-encoded, as doi.org asks.
pub fn doi_url(doi: &str) -> String {
    let mut url = String::from("https://doi.org/");
    for byte in doi.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b':'
                    | b';'
                    | b'('
                    | b')'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b','
                    | b'='
            );
        if keep {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// The ORCID iD in its canonical form (`0000-0002-1825-0097`), from the bare
/// iD or its `https://orcid.org/` address, if its check digit is right.
pub fn orcid_id(value: &str) -> Option<String> {
    let id = value
        .trim()
        .trim_start_matches("https://orcid.org/")
        .trim_start_matches("http://orcid.org/");
    let groups: Vec<&str> = id.split('-').collect();
    if groups.len() != 4 || groups.iter().any(|g| g.len() != 4) {
        return None;
    }
    let chars: Vec<char> = groups.concat().chars().collect();
    let (body, check) = chars.split_at(15);
    if !body.iter().all(char::is_ascii_digit) {
        return None;
    }
    // ISO 7064 MOD 11-2, as ORCID specifies.
    let total = body.iter().fold(0u32, |total, c| {
        (total + c.to_digit(10).unwrap_or_default()) * 2
    });
    let expected = match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10)?,
    };
    (check.first() == Some(&expected)).then(|| id.to_owned())
}

/// The ORCID iD's address, when the value is a valid iD.
pub fn orcid_url(value: &str) -> Option<String> {
    orcid_id(value).map(|id| format!("https://orcid.org/{id}"))
}

/// A `mailto:` address for a plain e-mail address (`name@example.org`);
/// `None` for anything else, including addresses that would carry mail
/// headers (`?`, `&`) or other markup.
pub fn mailto(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".!$'*+-/=^_`{|}~".contains(&b));
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    (local_ok && domain_ok).then(|| format!("mailto:{email}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dois_cannot_leave_the_resolver() {
        assert_eq!(doi_url("10.1234/abc"), "https://doi.org/10.1234/abc");
        assert_eq!(
            doi_url("10.1002/(SICI)1097-4571"),
            "https://doi.org/10.1002/(SICI)1097-4571"
        );
        assert_eq!(
            doi_url("10.1/x\" onclick=\"alert(1)"),
            "https://doi.org/10.1/x%22%20onclick=%22alert(1)"
        );
        assert_eq!(
            doi_url("10.1/a?b#c%d"),
            "https://doi.org/10.1/a%3Fb%23c%25d"
        );
        assert_eq!(doi_url("10.1/数"), "https://doi.org/10.1/%E6%95%B0");
    }

    #[test]
    fn orcid_ids_need_their_check_digit() {
        assert_eq!(
            orcid_url("0000-0002-1825-0097").as_deref(),
            Some("https://orcid.org/0000-0002-1825-0097")
        );
        assert_eq!(
            orcid_url("https://orcid.org/0000-0001-5109-3700").as_deref(),
            Some("https://orcid.org/0000-0001-5109-3700")
        );
        assert_eq!(
            orcid_id("0000-0002-1694-233X").as_deref(),
            Some("0000-0002-1694-233X")
        );
        for bad in [
            "0000-0002-1825-0098",
            "javascript:alert(1)",
            "0000-0002-1825",
            "0000-0002-1825-00977",
            "",
            "０000-0002-1825-0097",
        ] {
            assert_eq!(orcid_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_plain_addresses_become_mailto_links() {
        assert_eq!(
            mailto("name@example.org").as_deref(),
            Some("mailto:name@example.org")
        );
        assert_eq!(
            mailto("first.last+tag@sub.example.cn").as_deref(),
            Some("mailto:first.last+tag@sub.example.cn")
        );
        for bad in [
            "javascript:alert(1)//@x.org",
            "a@b",
            "a b@example.org",
            "a@example.org?subject=x",
            "a@example.org&cc=b@example.org",
            "<a@example.org>",
            "@example.org",
            "a@.org",
            "",
        ] {
            assert_eq!(mailto(bad), None, "{bad:?}");
        }
    }
}
