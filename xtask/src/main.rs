//! Project tooling, run as `cargo xtask <command>` (an alias in
//! `.cargo/config.toml`). One module per command; standard library only, so
//! it compiles in seconds.

mod bench;
mod build;
mod check;
mod compress;
mod generate;
mod import;
mod install;
mod publish;
mod search;
mod serve;
mod test;
mod util;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve   [--port N] [--catalogue FILE]
          Install what is missing, build the reader, serve it on 127.0.0.1.
  bench   [--sizes 1,1000,10000,100000] [--runs 5]
          Measure cold loads (as a ratio to a plain static page of the same
          article), bytes, language switch, next article, search and memory
          at each catalogue size in headless Chromium; print a table and
          write target/bench/report.json.
  test    Run every test: formatting, clippy, library tests, and the browser
          tests against the release build in headless Chromium.
  build   [--catalogue FILE] [--base /path/] [--out DIR] [--site-url URL]
          [--split auto|always|never]
          Write a static site for any catalogue, hosted under a base path;
          with the site's public URL, also sitemap.xml.
  check   FILE [--format json]
          List every error and warning in a catalogue, with JSON path and
          line:column. Exit 0 without errors, 1 with errors, 2 on misuse.
  import  jats FILE... --out FILE
          Turn JATS article XML into catalogue articles, appended to FILE
          (an article with the same id is replaced), then check the result.
  search  QUERY [--catalogue FILE]
          What the reader's search finds, ranked, with the index's size and
          the time one query takes.
  generate --articles N [--out FILE]
          Write a plainly fictitious catalogue of N articles (demos, scale
          tests); the same N always gives the same file.
  install Install the toolchain pieces: wasm32 target, trunk, the
          wasm-bindgen CLI matching Cargo.lock, wasm-opt.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "serve" => serve::run(rest),
        "test" => test::run(rest),
        "bench" => bench::run(rest),
        "build" => build::run(rest),
        "check" => check::run(rest),
        "import" => import::run(rest),
        "generate" => generate::run(rest),
        "install" => install::run(rest),
        "search" => search::run(rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(util::usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(util::Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{HELP}");
            ExitCode::from(2)
        }
        Err(util::Failure::Failed(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
        Err(util::Failure::Quiet) => ExitCode::FAILURE,
    }
}
