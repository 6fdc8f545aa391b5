//! The split search index: for every query, the shards it names, merged,
//! find exactly what the whole index finds.

use std::collections::HashMap;

use catalogue::Catalogue;
use catalogue::search::{
    Query, SHARD_FORMAT, SearchIds, SearchIndex, fingerprint, nfkd, shard_file,
};

const SAMPLE: &str = include_str!("../../../public/catalogue.json");

fn sample_index() -> SearchIndex {
    let catalogue = Catalogue::from_json(SAMPLE).expect("sample loads");
    SearchIndex::build(&catalogue, &fingerprint(SAMPLE), &nfkd)
}

/// Queries a reader could type: every word of the sample and its first one,
/// two and three characters, every CJK character and pair of characters,
/// and some mixed and missing ones.
fn queries() -> Vec<String> {
    let mut queries = vec![
        "数字外交 digital".to_owned(),
        "diplomacy 外交".to_owned(),
        "笑".to_owned(),
        "zzzz".to_owned(),
        "z".to_owned(),
        "韩笑 吴".to_owned(),
        "CO2".to_owned(),
        "".to_owned(),
    ];
    let text = nfkd(SAMPLE).to_lowercase();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = word.chars().collect();
        if chars.is_empty() {
            continue;
        }
        if chars[0].is_ascii() {
            queries.push(word.to_owned());
            for n in 1..=3.min(chars.len()) {
                queries.push(chars[..n].iter().collect());
            }
        } else {
            for (i, c) in chars.iter().enumerate() {
                queries.push(c.to_string());
                if let Some(next) = chars.get(i + 1) {
                    queries.push(format!("{c}{next}"));
                }
            }
        }
    }
    queries.sort();
    queries.dedup();
    queries
}

#[test]
fn the_merged_shards_of_a_query_find_what_the_whole_index_finds() {
    let whole = sample_index();
    let files = whole.to_shards();
    let ids = SearchIds::from_json(&files.ids).expect("ids file");
    assert_eq!(ids.article_count(), 4);
    let shards: HashMap<String, SearchIndex> = files
        .shards
        .iter()
        .map(|(name, text)| {
            assert!(text.contains(SHARD_FORMAT));
            (
                name.clone(),
                SearchIndex::shard_from_json(text).expect("shard"),
            )
        })
        .collect();
    let queries = queries();
    assert!(queries.len() > 300, "{} queries", queries.len());
    let mut with_hits = 0;
    for q in &queries {
        let query = Query::parse(q, &nfkd);
        let needed: Vec<&SearchIndex> = ids
            .keys_for(&query)
            .iter()
            .map(|key| &shards[&shard_file(key)])
            .collect();
        let merged = SearchIndex::merge(&ids, &needed).expect("merge");
        let expected = whole.search_query(&query);
        assert_eq!(merged.search_query(&query), expected, "query {q:?}");
        if !expected.is_empty() {
            with_hits += 1;
        }
    }
    assert!(with_hits > 250, "only {with_hits} queries found something");
}

#[test]
fn a_query_loads_few_shards() {
    let whole = sample_index();
    let files = whole.to_shards();
    let ids = SearchIds::from_json(&files.ids).unwrap();
    let keys = |q: &str| ids.keys_for(&Query::parse(q, &nfkd));
    assert_eq!(keys("digital diplomacy"), ["di"]);
    assert_eq!(keys("数字外交"), ["数", "字", "外"]);
    assert_eq!(keys("笑"), ["笑"]);
    assert!(keys("zzzz").is_empty(), "no shard, nothing to load");
    let d = keys("d");
    assert!(d.len() > 1 && d.iter().all(|k| k.starts_with('d')), "{d:?}");
}

#[test]
fn shards_of_another_build_are_refused() {
    let whole = sample_index();
    let files = whole.to_shards();
    let ids = SearchIds::from_json(&files.ids).unwrap();
    let other = Catalogue::from_json(SAMPLE).unwrap();
    let stale = SearchIndex::build(&other, "0000000000000000", &nfkd).to_shards();
    let shard = SearchIndex::shard_from_json(&stale.shards[0].1).unwrap();
    let error = SearchIndex::merge(&ids, &[&shard]).unwrap_err();
    assert!(error.contains("another catalogue"), "{error}");
}

#[test]
fn damaged_files_are_refused_with_a_sentence() {
    let whole = sample_index();
    let files = whole.to_shards();
    assert!(SearchIds::from_json("{").is_err());
    assert!(
        SearchIds::from_json(&files.ids.replace("abstract-search-ids/1", "x"))
            .unwrap_err()
            .contains("format")
    );
    let shard = &files.shards[0].1;
    assert!(
        SearchIndex::shard_from_json(&shard.replace("\"articles\":4", "\"articles\":0"))
            .unwrap_err()
            .contains("article number")
    );
    assert!(SearchIndex::shard_from_json(&shard[..shard.len() / 2]).is_err());
    // A whole index is not a shard, nor the reverse.
    assert!(SearchIndex::shard_from_json(&whole.to_json()).is_err());
    assert!(SearchIndex::from_json(shard).is_err());
}
