//! Short text assembled from an article's fields.

use crate::lang::Lang;
use crate::model::{Article, PartialDate};

/// The year/volume/issue/pages parts of the breadcrumb, after the journal
/// title: `["2024, Vol. 58", "Issue (6): 95-105"]` as on the seed page, or
/// `["2024年第58卷", "第6期：95-105"]`. Missing fields drop out cleanly.
pub fn breadcrumb(article: &Article, lang: Lang) -> Vec<String> {
    let year = article.year();
    let pages = article.pages();
    let (first, second) = match lang {
        Lang::En => (
            match article.volume() {
                Some(v) => format!("{year}, Vol. {v}"),
                None => year.to_string(),
            },
            article.issue().map(|i| format!("Issue ({i})")),
        ),
        Lang::Zh => (
            match article.volume() {
                Some(v) => format!("{year}年第{v}卷"),
                None => format!("{year}年"),
            },
            article.issue().map(|i| format!("第{i}期")),
        ),
    };
    let colon = match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    };
    match (second, pages) {
        (Some(issue), Some(p)) => vec![first, format!("{issue}{colon}{p}")],
        (Some(issue), None) => vec![first, issue],
        (None, Some(p)) => vec![format!("{first}{colon}{p}")],
        (None, None) => vec![first],
    }
}

/// A date as shown on the page. ISO 8601 reads the same in both languages
/// and is what the seed page prints.
pub fn format_date(date: PartialDate) -> String {
    date.to_string()
}
