//! `cargo xtask serve`: install what is missing, build the reader with the
//! sample catalogue (or another), and serve it on 127.0.0.1.

use std::path::PathBuf;

use static_server::{Config, Server};

use crate::build::{SiteOptions, build_site};
use crate::install;
use crate::util::{Args, Result, failed, project_root, usage};

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let port = match args.value("--port")? {
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| usage(format!("--port {p:?} is not a port number")))?,
        None => 8080,
    };
    let catalogue = args.value("--catalogue")?.map(PathBuf::from);
    args.finish()?;

    let tools = install::ensure()?;
    let mut options = SiteOptions::sample(project_root().join("target/site"), "/");
    if let Some(catalogue) = catalogue {
        options.catalogue = catalogue;
    }
    build_site(&tools, &options)?;

    let mut config = Config::new(&options.out, "/");
    config.not_found_page = true;
    // Try the asked port, then the next few, so a busy 8080 is no dead end.
    let server = (port..port.saturating_add(10))
        .find_map(|p| Server::start(config.clone(), p).ok())
        .ok_or_else(|| failed(format!("no free port from {port} on; pass --port N")))?;
    println!("\nThe reader is at {}  (Ctrl-C stops it)", server.url());
    server.wait();
    Ok(())
}
