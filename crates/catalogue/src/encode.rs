//! A catalogue back to `abstract-catalogue/1` JSON: what the importer and
//! tools write, and what the round-trip property tests parse again.

use serde_json::{Map, Value, json};

use crate::lang::LangText;
use crate::model::{Article, Author, Catalogue, Journal};

fn text(t: &LangText) -> Value {
    Value::Object(
        t.entries()
            .map(|(tag, s)| (tag.to_owned(), Value::String(s.to_owned())))
            .collect(),
    )
}

/// Inserts `key` only when there is a value: absent fields stay absent.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v);
    }
}

fn string(s: Option<&str>) -> Option<Value> {
    s.map(|s| Value::String(s.to_owned()))
}

fn journal(j: &Journal) -> Value {
    let mut map = Map::new();
    map.insert("title".into(), text(j.title()));
    put(&mut map, "issn", string(j.issn()));
    put(&mut map, "eissn", string(j.eissn()));
    put(&mut map, "cn", string(j.cn()));
    Value::Object(map)
}

fn author(a: &Author) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), text(a.name()));
    if !a.affiliations().is_empty() {
        map.insert("affiliations".into(), json!(a.affiliations()));
    }
    put(&mut map, "bio", a.bio().map(text));
    put(&mut map, "orcid", string(a.orcid()));
    put(&mut map, "email", string(a.email()));
    if a.is_corresponding() {
        map.insert("corresponding".into(), Value::Bool(true));
    }
    Value::Object(map)
}

fn article(a: &Article) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), json!(a.id().as_str()));
    map.insert("year".into(), json!(a.year()));
    put(&mut map, "volume", string(a.volume()));
    put(&mut map, "issue", string(a.issue()));
    put(&mut map, "pages", string(a.pages()));
    put(&mut map, "doi", string(a.doi()));
    map.insert("title".into(), text(a.title()));
    if !a.authors().is_empty() {
        map.insert(
            "authors".into(),
            Value::Array(a.authors().iter().map(author).collect()),
        );
    }
    if !a.affiliations().is_empty() {
        let list = a
            .affiliations()
            .iter()
            .map(|f| json!({ "id": f.id(), "name": text(f.name()) }))
            .collect();
        map.insert("affiliations".into(), Value::Array(list));
    }
    if !a.dates().is_empty() {
        let dates: Map<String, Value> = a
            .dates()
            .iter()
            .map(|(kind, date)| (kind.key().to_owned(), Value::String(date.to_string())))
            .collect();
        map.insert("dates".into(), Value::Object(dates));
    }
    if !a.funding().is_empty() {
        let list = a
            .funding()
            .iter()
            .map(|f| {
                let mut m = Map::new();
                m.insert("name".into(), text(f.name()));
                put(&mut m, "award", string(f.award()));
                Value::Object(m)
            })
            .collect();
        map.insert("funding".into(), Value::Array(list));
    }
    map.insert("abstract".into(), text(a.abstract_text()));
    // Even an empty list is written back: it was in the file.
    if a.keywords().entries().next().is_some() {
        let lists: Map<String, Value> = a
            .keywords()
            .entries()
            .map(|(tag, list)| (tag.to_owned(), json!(list)))
            .collect();
        map.insert("keywords".into(), Value::Object(lists));
    }
    put(&mut map, "journal", a.own_journal().map(journal));
    Value::Object(map)
}

impl Catalogue {
    /// The catalogue as `abstract-catalogue/1` JSON; parsing it again gives
    /// an equal catalogue.
    pub fn to_json(&self) -> String {
        let mut value = json!({
            "format": crate::FORMAT,
            "journal": journal(self.journal()),
            "articles": self.articles().iter().map(article).collect::<Vec<_>>(),
        });
        if let (Some(split), Some(map)) = (self.split(), value.as_object_mut()) {
            map.insert("split".into(), split.to_value());
        }
        value.to_string()
    }
}
