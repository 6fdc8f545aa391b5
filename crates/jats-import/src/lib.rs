//! JATS article XML (1.1-1.3, the format most journal platforms export)
//! to the catalogue format.
//!
//! [`import`] reads one article's XML text and returns the article as the
//! JSON the catalogue format describes, its journal, and warnings for
//! whatever it did not understand (named by element, never silently
//! dropped). Inline `<italic>`, `<bold>`, `<sup>`, `<sub>` become the four
//! allowed tags; other markup (MathML, links, `<xref>`) becomes readable
//! text.
//!
//! Invariants: no I/O, no panic on any input (a file that is not XML is an
//! error with a message).

mod text;

use std::collections::HashMap;

use roxmltree::{Document, Node};
use serde_json::{Map, Value, json};

use text::{
    Warnings, block_text, explicit_lang, guess_lang, has_cjk, inline_text, lang_of, normalize_space,
};

/// How deep elements may nest (real JATS stays far below).
const MAX_DEPTH: usize = 256;

/// The result of importing one file.
#[derive(Debug)]
pub struct Imported {
    /// The article, shaped as a catalogue article (with its own `journal`).
    pub article: Value,
    /// The journal it appeared in, shaped as a catalogue journal.
    pub journal: Value,
    /// What was not understood, each naming the element.
    pub warnings: Vec<String>,
}

/// Why a file could not be imported at all.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| c.has_tag_name(name))
}

fn descendants<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |c| c.has_tag_name(name))
}

fn plain(node: Node<'_, '_>) -> String {
    normalize_space(
        &node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<String>(),
    )
}

/// Adds `text` under `lang` in a text object; a second text in the same
/// language becomes another paragraph.
fn put(map: &mut Map<String, Value>, lang: &str, text: String) {
    if text.is_empty() {
        return;
    }
    match map.get_mut(lang) {
        Some(Value::String(existing)) => {
            existing.push_str("\n\n");
            existing.push_str(&text);
        }
        _ => {
            map.insert(lang.to_owned(), Value::String(text));
        }
    }
}

/// Imports one article. `source` names the file in warnings.
pub fn import(xml: &str, source: &str) -> Result<Imported, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = Document::parse_with_options(xml, options)
        .map_err(|e| ImportError(format!("{source}: not well-formed XML: {e}")))?;
    // The converters recurse along the tree; real articles nest a few dozen
    // levels, so a deeper file is refused rather than allowed to overflow
    // the stack.
    let too_deep = doc
        .descendants()
        .filter(|n| !n.has_children())
        .any(|n| n.ancestors().nth(MAX_DEPTH).is_some());
    if too_deep {
        return Err(ImportError(format!(
            "{source}: elements nest more than {MAX_DEPTH} levels deep; this is not a JATS article"
        )));
    }
    let root = doc.root_element();
    if !root.has_tag_name("article") {
        return Err(ImportError(format!(
            "{source}: the root element is <{}>, not a JATS <article>",
            root.tag_name().name()
        )));
    }
    let mut warnings = Warnings::new(source);
    let article_lang = lang_of(root, "en");
    let front = child(root, "front")
        .ok_or_else(|| ImportError(format!("{source}: <article> has no <front>")))?;
    let meta = child(front, "article-meta")
        .ok_or_else(|| ImportError(format!("{source}: <front> has no <article-meta>")))?;

    let journal = journal(child(front, "journal-meta"), &article_lang, &mut warnings);

    // Title and translated titles.
    let mut title = Map::new();
    if let Some(group) = child(meta, "title-group") {
        for t in children(group, "article-title") {
            put(
                &mut title,
                &lang_of(t, &article_lang),
                inline_text(t, &mut warnings),
            );
        }
        for group in children(group, "trans-title-group") {
            let lang = lang_of(group, &article_lang);
            for t in children(group, "trans-title") {
                put(
                    &mut title,
                    &lang_of(t, &lang),
                    inline_text(t, &mut warnings),
                );
            }
        }
    }

    // Abstracts: the main one and its translations. Typed abstracts (an
    // eLife digest, a graphical abstract) stand in only for a language that
    // has no plain one.
    let mut abstract_ = Map::new();
    let candidates: Vec<Node> = children(meta, "abstract")
        .chain(children(meta, "trans-abstract"))
        .collect();
    for plain_only in [true, false] {
        for a in &candidates {
            let kind = a.attribute("abstract-type");
            if plain_only != kind.is_none()
                || matches!(kind, Some("graphical" | "teaser" | "toc" | "web-summary"))
            {
                continue;
            }
            let lang = lang_of(*a, &article_lang);
            if !plain_only && abstract_.contains_key(&lang) {
                continue;
            }
            put(&mut abstract_, &lang, block_text(*a, &mut warnings));
        }
    }

    // Keywords per language.
    let mut keywords: Map<String, Value> = Map::new();
    for group in children(meta, "kwd-group") {
        let lang = lang_of(group, &article_lang);
        let list = keywords.entry(lang).or_insert_with(|| json!([]));
        for k in children(group, "kwd") {
            let word = inline_text(k, &mut warnings);
            if let (false, Some(list)) = (word.is_empty(), list.as_array_mut()) {
                list.push(Value::String(word));
            }
        }
    }

    // Affiliations, numbered by their labels where numeric.
    let mut aff_numbers: HashMap<String, u32> = HashMap::new();
    let mut affiliations = Vec::new();
    let refs = |author: bool| -> std::collections::HashSet<&str> {
        descendants(meta, "contrib")
            .filter(|c| (c.attribute("contrib-type").unwrap_or("author") == "author") == author)
            .flat_map(|c| descendants(c, "xref").collect::<Vec<_>>())
            .filter(|x| x.attribute("ref-type") == Some("aff"))
            .filter_map(|x| x.attribute("rid"))
            .flat_map(str::split_whitespace)
            .collect()
    };
    let by_authors = refs(true);
    let editor_only: std::collections::HashSet<&str> =
        refs(false).difference(&by_authors).copied().collect();
    // In document order: each <aff-alternatives> (one affiliation in several
    // languages) and each <aff> outside one.
    let affs: Vec<Node> = meta
        .descendants()
        .filter(|n| {
            n.has_tag_name("aff-alternatives")
                || (n.has_tag_name("aff")
                    && !n
                        .ancestors()
                        .skip(1)
                        .any(|a| a.has_tag_name("aff-alternatives")))
        })
        // An editor's affiliation is not one of the article's, whether it is
        // written inside the editor's <contrib> or pointed to from it (PLOS).
        .filter(|n| n.attribute("id").is_none_or(|id| !editor_only.contains(id)))
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.has_tag_name("contrib")
                    && a.attribute("contrib-type").is_some_and(|t| t != "author")
            })
        })
        .collect();
    for (i, aff) in affs.iter().enumerate() {
        let labelled = if aff.has_tag_name("aff-alternatives") {
            child(*aff, "aff").unwrap_or(*aff)
        } else {
            *aff
        };
        let number = aff_label(labelled).unwrap_or((i + 1) as u32);
        let mut name = Map::new();
        if aff.has_tag_name("aff-alternatives") {
            for a in children(*aff, "aff") {
                put(
                    &mut name,
                    &lang_of(a, &article_lang),
                    aff_text(a, &mut warnings),
                );
            }
            for a in children(*aff, "aff") {
                if let Some(id) = a.attribute("id") {
                    aff_numbers.insert(id.to_owned(), number);
                }
            }
        } else {
            let text = aff_text(*aff, &mut warnings);
            let lang = explicit_lang(*aff).unwrap_or_else(|| guess_lang(&text, &article_lang));
            put(&mut name, &lang, text);
        }
        if let Some(id) = aff.attribute("id") {
            aff_numbers.insert(id.to_owned(), number);
        }
        if !name.is_empty() && !affiliations.iter().any(|a: &Value| a["id"] == number) {
            affiliations.push(json!({ "id": number, "name": name }));
        }
    }

    let authors = authors(meta, &article_lang, &aff_numbers, &mut warnings);
    let dates = dates(meta);
    let year = dates
        .get("published")
        .or_else(|| dates.get("online"))
        .and_then(|d| d.as_str())
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i64>().ok())
        .or_else(|| any_year(meta));

    let text_of = |name: &str| child(meta, name).map(plain).filter(|s| !s.is_empty());
    let volume = text_of("volume");
    let issue = text_of("issue");
    let pages = match (text_of("fpage"), text_of("lpage")) {
        (Some(f), Some(l)) if f != l => Some(format!("{f}-{l}")),
        (Some(f), _) => Some(f),
        _ => text_of("elocation-id"),
    };
    let doi = children(meta, "article-id")
        .find(|n| n.attribute("pub-id-type") == Some("doi"))
        .map(plain)
        .map(|d| {
            d.trim_start_matches("https://doi.org/")
                .trim_start_matches("doi:")
                .to_owned()
        });

    let funding = funding(meta, &article_lang);

    let id = article_id(
        year,
        volume.as_deref(),
        issue.as_deref(),
        pages.as_deref(),
        doi.as_deref(),
        source,
    );
    let mut article = Map::new();
    article.insert("id".into(), json!(id));
    article.insert("year".into(), json!(year));
    for (key, value) in [("volume", &volume), ("issue", &issue), ("pages", &pages)] {
        if let Some(v) = value {
            article.insert(key.into(), json!(v));
        }
    }
    article.insert("doi".into(), json!(doi));
    article.insert("journal".into(), journal.clone());
    article.insert("title".into(), Value::Object(title));
    article.insert("authors".into(), Value::Array(authors));
    article.insert("affiliations".into(), Value::Array(affiliations));
    article.insert("dates".into(), Value::Object(dates));
    article.insert("funding".into(), Value::Array(funding));
    article.insert("abstract".into(), Value::Object(abstract_));
    keywords.retain(|_, v| v.as_array().is_some_and(|a| !a.is_empty()));
    article.insert("keywords".into(), Value::Object(keywords));
    if year.is_none() {
        warnings.push(
            "no publication year found (<pub-date>/<year>): the catalogue needs one".to_owned(),
        );
    }
    Ok(Imported {
        article: Value::Object(article),
        journal,
        warnings: warnings.into_vec(),
    })
}

fn journal(meta: Option<Node<'_, '_>>, article_lang: &str, warnings: &mut Warnings) -> Value {
    let mut title = Map::new();
    let mut journal = Map::new();
    if let Some(meta) = meta {
        for group in descendants(meta, "journal-title-group") {
            for t in children(group, "journal-title") {
                put(
                    &mut title,
                    &lang_of(t, article_lang),
                    inline_text(t, warnings),
                );
            }
            for t in descendants(group, "trans-title") {
                put(
                    &mut title,
                    &lang_of(t, article_lang),
                    inline_text(t, warnings),
                );
            }
        }
        // JATS 1.0 and older exports put <journal-title> straight in <journal-meta>.
        for t in children(meta, "journal-title") {
            put(
                &mut title,
                &lang_of(t, article_lang),
                inline_text(t, warnings),
            );
        }
        for issn in children(meta, "issn") {
            let kind = issn
                .attribute("pub-type")
                .or_else(|| issn.attribute("publication-format"))
                .unwrap_or("ppub");
            let key = if matches!(kind, "epub" | "electronic") {
                "eissn"
            } else {
                "issn"
            };
            journal
                .entry(key)
                .or_insert_with(|| Value::String(plain(issn)));
        }
    }
    if title.is_empty() {
        warnings.push("no <journal-title>: the journal is named \"Unknown journal\"".to_owned());
        title.insert("en".into(), json!("Unknown journal"));
    }
    // The title first, as a person would write it, then the ISSNs.
    let mut ordered = Map::new();
    ordered.insert("title".into(), Value::Object(title));
    ordered.extend(journal);
    Value::Object(ordered)
}

fn aff_label(aff: Node<'_, '_>) -> Option<u32> {
    child(aff, "label").and_then(|l| {
        plain(l)
            .trim_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()
    })
}

/// An affiliation's text without its label. SciELO-style files carry the
/// affiliation as printed in `<institution content-type="original">`,
/// beside its parts: that text is the affiliation. Otherwise the parts are
/// joined; the text between them (", ") is the publisher's, and parts
/// laid out on separate lines with nothing between them get a comma.
fn aff_text(aff: Node<'_, '_>, warnings: &mut Warnings) -> String {
    if let Some(original) =
        children(aff, "institution").find(|i| i.attribute("content-type") == Some("original"))
    {
        return inline_text(original, warnings);
    }
    let mut text = String::new();
    let mut after_element = false;
    for c in aff.children() {
        if c.has_tag_name("label") || c.has_tag_name("institution-id") {
            continue;
        }
        if c.is_text() {
            let t = c.text().unwrap_or_default();
            // A line break with indentation is the file's layout; a plain
            // space is the publisher's text.
            let layout = t.trim().is_empty() && t.contains('\n');
            if !layout {
                text.push_str(t);
                after_element = false;
            }
        } else if c.is_element() {
            if after_element {
                text.push_str(", ");
            }
            text.push_str(&inline_text(c, warnings));
            after_element = true;
        }
    }
    normalize_space(&text)
        .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .to_owned()
}

fn name_text(name: Node<'_, '_>) -> (String, Option<String>) {
    let explicit = explicit_lang(name);
    if name.has_tag_name("string-name") && child(name, "surname").is_none() {
        return (plain(name), explicit);
    }
    let surname = child(name, "surname").map(plain).unwrap_or_default();
    let given = child(name, "given-names").map(plain).unwrap_or_default();
    let eastern =
        name.attribute("name-style") == Some("eastern") || has_cjk(&surname) || has_cjk(&given);
    let full = match (given.is_empty(), eastern) {
        (true, _) => surname,
        (false, true) if has_cjk(&surname) => format!("{surname}{given}"),
        (false, true) => format!("{surname} {given}"),
        (false, false) => format!("{given} {surname}"),
    };
    (full, explicit)
}

fn authors(
    meta: Node<'_, '_>,
    article_lang: &str,
    aff_numbers: &HashMap<String, u32>,
    warnings: &mut Warnings,
) -> Vec<Value> {
    let mut result = Vec::new();
    for contrib in descendants(meta, "contrib") {
        if contrib
            .attribute("contrib-type")
            .is_some_and(|t| t != "author")
        {
            continue;
        }
        let mut name = Map::new();
        let names: Vec<Node> = contrib
            .children()
            .filter(|c| {
                c.has_tag_name("name") || c.has_tag_name("string-name") || c.has_tag_name("collab")
            })
            .chain(
                descendants(contrib, "name-alternatives")
                    .flat_map(|alt| alt.children().filter(|c| c.is_element())),
            )
            .collect();
        for n in names {
            let (text, explicit) = if n.has_tag_name("collab") {
                (inline_text(n, warnings), None)
            } else {
                name_text(n)
            };
            let lang = explicit.unwrap_or_else(|| guess_lang(&text, article_lang));
            if !text.is_empty() && !name.contains_key(&lang) {
                name.insert(lang, Value::String(text));
            }
        }
        if name.is_empty() {
            warnings
                .push("a <contrib> has no <name>, <string-name> or <collab>: skipped".to_owned());
            continue;
        }
        let mut author = Map::new();
        author.insert("name".into(), Value::Object(name));
        let affs: Vec<u32> = descendants(contrib, "xref")
            .filter(|x| x.attribute("ref-type") == Some("aff"))
            .filter_map(|x| x.attribute("rid"))
            .flat_map(|rids| rids.split_whitespace())
            .filter_map(|rid| aff_numbers.get(rid).copied())
            .collect();
        if !affs.is_empty() {
            author.insert("affiliations".into(), json!(affs));
        }
        if let Some(orcid) = children(contrib, "contrib-id")
            .find(|c| c.attribute("contrib-id-type") == Some("orcid"))
        {
            let id = plain(orcid);
            author.insert("orcid".into(), json!(id.rsplit('/').next().unwrap_or(&id)));
        }
        if let Some(email) = descendants(contrib, "email").next() {
            author.insert("email".into(), json!(plain(email)));
        }
        let corresponding = contrib.attribute("corresp") == Some("yes")
            || descendants(contrib, "xref").any(|x| x.attribute("ref-type") == Some("corresp"));
        if corresponding {
            author.insert("corresponding".into(), json!(true));
        }
        if let Some(bio) = child(contrib, "bio") {
            let mut text = Map::new();
            put(
                &mut text,
                &lang_of(bio, article_lang),
                block_text(bio, warnings),
            );
            author.insert("bio".into(), Value::Object(text));
        }
        result.push(Value::Object(author));
    }
    result
}

/// A JATS date element as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn date_of(node: Node<'_, '_>) -> Option<String> {
    if let Some(iso) = node.attribute("iso-8601-date").filter(|d| d.len() >= 4) {
        return Some(iso.to_owned());
    }
    let number = |name: &str| {
        child(node, name)
            .map(plain)
            .and_then(|s| s.parse::<u32>().ok())
    };
    let year = number("year")?;
    Some(match (number("month"), number("day")) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    })
}

fn dates(meta: Node<'_, '_>) -> Map<String, Value> {
    let mut dates = Map::new();
    let mut set = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            dates.entry(key.to_owned()).or_insert(Value::String(v));
        }
    };
    if let Some(history) = child(meta, "history") {
        for d in children(history, "date") {
            let key = match d.attribute("date-type") {
                Some("received") => "received",
                Some("rev-recd" | "revised") => "revised",
                Some("accepted") => "accepted",
                _ => continue,
            };
            set(key, date_of(d));
        }
    }
    let pub_dates: Vec<Node> = children(meta, "pub-date").collect();
    let find = |pred: &dyn Fn(Node) -> bool| {
        pub_dates
            .iter()
            .copied()
            .find(|d| pred(*d))
            .and_then(date_of)
    };
    let epub = find(&|d| {
        d.attribute("pub-type") == Some("epub")
            || d.attribute("publication-format") == Some("electronic")
    });
    let ppub = find(&|d| {
        d.attribute("pub-type") == Some("ppub")
            || d.attribute("publication-format") == Some("print")
    });
    let collection = find(&|d| {
        matches!(d.attribute("pub-type"), Some("collection" | "epub-ppub"))
            || d.attribute("date-type") == Some("collection")
    });
    set("online", epub.clone());
    set("published", ppub.or(collection).or(epub));
    dates
}

fn any_year(meta: Node<'_, '_>) -> Option<i64> {
    descendants(meta, "year")
        .next()
        .and_then(|y| plain(y).parse().ok())
}

fn funding(meta: Node<'_, '_>, article_lang: &str) -> Vec<Value> {
    let mut result = Vec::new();
    for group in descendants(meta, "award-group") {
        let mut name = Map::new();
        for source in descendants(group, "funding-source") {
            // The funder's name, without the <institution-id> beside it.
            let text = normalize_space(
                &source
                    .descendants()
                    .filter(|n| {
                        n.is_text() && !n.ancestors().any(|a| a.has_tag_name("institution-id"))
                    })
                    .filter_map(|n| n.text())
                    .collect::<String>(),
            );
            let lang = explicit_lang(source).unwrap_or_else(|| guess_lang(&text, article_lang));
            put(&mut name, &lang, text);
        }
        if name.is_empty() {
            continue;
        }
        let awards: Vec<String> = children(group, "award-id")
            .map(plain)
            .filter(|a| !a.is_empty())
            .collect();
        if awards.is_empty() {
            result.push(json!({ "name": name }));
        }
        for award in awards {
            result.push(json!({ "name": name, "award": award }));
        }
    }
    result
}

/// An id from the article's place (`2024-58-6-95`, like the seed), else
/// its DOI, else the file's name; only the characters ids allow.
fn article_id(
    year: Option<i64>,
    volume: Option<&str>,
    issue: Option<&str>,
    pages: Option<&str>,
    doi: Option<&str>,
    source: &str,
) -> String {
    let first_page = pages.map(|p| p.split('-').next().unwrap_or(p));
    let raw = match (year, volume, first_page) {
        (Some(y), Some(v), Some(p)) => match issue {
            Some(i) => format!("{y}-{v}-{i}-{p}"),
            None => format!("{y}-{v}-{p}"),
        },
        _ => match doi {
            Some(d) => d.rsplit('/').next().unwrap_or(d).to_owned(),
            None => source
                .rsplit('/')
                .next()
                .unwrap_or(source)
                .trim_end_matches(".xml")
                .to_owned(),
        },
    };
    let clean: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .take(128)
        .collect();
    let clean = clean.trim_matches('-').to_owned();
    if clean.is_empty() || clean == "." || clean == ".." {
        "article".to_owned()
    } else {
        clean
    }
}
