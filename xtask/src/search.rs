//! `cargo xtask search QUERY [--catalogue FILE]`: what a reader's search
//! finds in a catalogue, with the size of its prebuilt index and the time a
//! query takes (natively; the browser runs the same code as wasm).

use std::path::PathBuf;
use std::time::Instant;

use catalogue::Lang;
use catalogue::search::{SearchIndex, nfkd};

use crate::check;
use crate::util::{Args, Result, project_root, usage};

/// Queries timed per measurement; the report gives the mean.
const RUNS: u32 = 1000;

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let file = args
        .value("--catalogue")?
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("public/catalogue.json"));
    let query = args
        .positional()
        .ok_or_else(|| usage("search needs a query, e.g. cargo xtask search 数字外交"))?;
    args.finish()?;

    let (catalogue, fingerprint) = check::load(&file)?;
    let started = Instant::now();
    let index = SearchIndex::build(&catalogue, &fingerprint, &nfkd);
    let built = started.elapsed();
    let json = index.to_json();

    let started = Instant::now();
    let mut hits = Vec::new();
    for _ in 0..RUNS {
        hits = index.search(&query, &nfkd);
    }
    let per_query = started.elapsed() / RUNS;

    println!(
        "index: {} articles, {} terms, {} bytes of JSON (built in {:.1} ms)",
        index.article_count(),
        index.term_count(),
        json.len(),
        built.as_secs_f64() * 1e3
    );
    // `cargo xtask` builds without optimisation, so this is an upper
    // bound; the browser runs an optimised wasm build of the same code.
    let build = if cfg!(debug_assertions) {
        "unoptimised build"
    } else {
        "optimised build"
    };
    println!(
        "query {query:?}: {} hits, {:.1} µs per query (mean of {RUNS}, native, {build})",
        hits.len(),
        per_query.as_secs_f64() * 1e6
    );
    for hit in hits.iter().take(20) {
        let title = catalogue
            .article(&hit.id)
            .and_then(|a| a.title().pick(Lang::En))
            .map(|t| catalogue::plain_text(t.text))
            .unwrap_or_default();
        println!("{:>6}  {}  {title}", hit.score, hit.id);
    }
    Ok(())
}
