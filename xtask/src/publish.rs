//! The files that let search engines find a built site: `sitemap.xml` and
//! `robots.txt`. A sitemap needs absolute addresses, so it is written only
//! when the build is given the site's public URL (`--site-url`).

// The catalogue's HTML escaping serves XML too (text and double-quoted
// attributes).
use catalogue::{Catalogue, escape_attr as xml_escape};

/// `https://example.org/repo` becomes `https://example.org/repo/`.
pub fn normalize_site_url(url: &str) -> Result<String, String> {
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(['?', '#', ' '])
    {
        return Err(format!(
            "--site-url {url:?} must be the site's public address, such as https://user.github.io/repo/"
        ));
    }
    Ok(format!("{}/", url.trim_end_matches('/')))
}

/// Every article's address, with the newest date the catalogue gives.
pub fn sitemap_xml(site_url: &str, catalogue: &Catalogue) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    xml.push_str(&format!(
        "  <url><loc>{}</loc></url>\n",
        xml_escape(site_url)
    ));
    for article in catalogue.articles() {
        let loc = format!("{site_url}article/{}/", article.id());
        let lastmod = article
            .dates()
            .iter()
            .map(|(_, d)| d)
            .max()
            .filter(|d| d.day.is_some());
        match lastmod {
            Some(date) => xml.push_str(&format!(
                "  <url><loc>{}</loc><lastmod>{date}</lastmod></url>\n",
                xml_escape(&loc)
            )),
            None => xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&loc))),
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots_txt(site_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = site_url {
        text.push_str(&format!("Sitemap: {url}sitemap.xml\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../public/catalogue.json");

    #[test]
    fn sitemap_lists_every_article() {
        let catalogue = Catalogue::from_json(SAMPLE).unwrap();
        let xml = sitemap_xml("https://example.org/reader/", &catalogue);
        assert!(xml.contains("<url><loc>https://example.org/reader/</loc></url>"));
        assert!(xml.contains("<url><loc>https://example.org/reader/article/2024-58-6-95/</loc><lastmod>2024-06-16</lastmod></url>"), "{xml}");
        assert!(
            xml.contains(
                "<url><loc>https://example.org/reader/article/sample-2025-1-1-9/</loc></url>"
            ),
            "a month-only date is no lastmod"
        );
        assert_eq!(xml.matches("<url>").count(), 1 + catalogue.articles().len());
    }

    #[test]
    fn site_urls_are_checked() {
        assert_eq!(
            normalize_site_url("https://u.github.io/repo").as_deref(),
            Ok("https://u.github.io/repo/")
        );
        assert!(normalize_site_url("u.github.io/repo").is_err());
        assert!(normalize_site_url("https://x/?a").is_err());
    }

    #[test]
    fn robots_points_at_the_sitemap() {
        assert_eq!(
            robots_txt(Some("https://x.org/r/")),
            "User-agent: *\nAllow: /\nSitemap: https://x.org/r/sitemap.xml\n"
        );
        assert_eq!(robots_txt(None), "User-agent: *\nAllow: /\n");
    }
}
