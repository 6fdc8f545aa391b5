//! A small static file server on 127.0.0.1, for `cargo xtask serve` and the
//! browser tests.
//!
//! It behaves like a plain static host (`python3 -m http.server`, GitHub
//! Pages): files and `index.html` under a mount path, a redirect from
//! `dir` to `dir/`, no rewrites. Two extras serve the tests: `404.html` as
//! the body of 404 answers (as GitHub Pages does), and canned answers for
//! chosen paths (an error status, a dropped connection, a body cut short),
//! so each fault a reader can meet is reproducible.
//!
//! Standard library only: it must compile in seconds, and the tests need
//! control over the socket that a full HTTP stack would hide.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// An answer the server gives for one path instead of the file.
#[derive(Clone, Debug)]
pub enum Canned {
    /// This status, with this body as `content-type`.
    Respond {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Close the connection without a word: the browser sees a network error.
    Drop,
    /// Announce the whole body but send only its first `sent` bytes.
    CutOff { body: Vec<u8>, sent: usize },
    /// Wait, then answer 200 with this JSON body: a slow network.
    Slow { delay: Duration, body: Vec<u8> },
}

/// What to serve and how.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder served.
    pub root: PathBuf,
    /// The URL path the folder appears under, `/` or `/reader/`.
    pub mount: String,
    /// Answer unknown paths with `404.html` from the root, as GitHub Pages
    /// does (still with status 404).
    pub not_found_page: bool,
    /// Canned answers by path relative to the mount (`catalogue.json`).
    pub canned: HashMap<String, Canned>,
    /// Serve `F.br` or `F.gz` for `F` when the client accepts it and the
    /// copy exists, as nginx's `gzip_static` does (`cargo xtask build`
    /// writes them).
    pub precompressed: bool,
}

impl Config {
    pub fn new(root: impl Into<PathBuf>, mount: &str) -> Config {
        let mut mount = mount.trim_end_matches('/').to_owned();
        mount.push('/');
        if !mount.starts_with('/') {
            mount.insert(0, '/');
        }
        Config {
            root: root.into(),
            mount,
            not_found_page: false,
            canned: HashMap::new(),
            precompressed: true,
        }
    }
}

/// A running server; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    mount: String,
    stop: Arc<AtomicBool>,
    canned: Arc<Mutex<HashMap<String, Canned>>>,
    offline: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts serving on 127.0.0.1 at `port` (0 for any free port).
    pub fn start(config: Config, port: u16) -> io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let mount = config.mount.clone();
        let canned = Arc::new(Mutex::new(config.canned.clone()));
        let offline = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Shared {
            config,
            canned: canned.clone(),
            offline: offline.clone(),
            log: log.clone(),
        };
        let config = Arc::new(shared);
        let stop_flag = stop.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop_flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let config = config.clone();
                thread::spawn(move || {
                    // A client that goes away mid-answer is not our problem.
                    let _ = handle(stream, &config);
                });
            }
        });
        Ok(Server {
            addr,
            mount,
            stop,
            canned,
            offline,
            log,
        })
    }

    /// The path of every request answered so far, in order of arrival
    /// (`/reader/catalogue.json`), so tests can see what was fetched and
    /// how often.
    pub fn requests(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// While offline, every connection is closed without an answer: the
    /// browser sees the network fail, as with no connection at all.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// Changes the canned answer for a path while the server runs (`None`
    /// serves the file again), e.g. to let a retry succeed.
    pub fn set_canned(&self, path: &str, canned: Option<Canned>) {
        let mut map = self.canned.lock().unwrap_or_else(PoisonError::into_inner);
        match canned {
            Some(c) => map.insert(path.to_owned(), c),
            None => map.remove(path),
        };
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The site's address: `http://127.0.0.1:PORT/reader/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.mount)
    }

    /// Blocks for as long as the server runs (for `cargo xtask serve`).
    pub fn wait(self) {
        loop {
            thread::sleep(Duration::from_secs(3600));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

struct Shared {
    config: Config,
    canned: Arc<Mutex<HashMap<String, Canned>>>,
    offline: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<String>>>,
}

struct Request {
    method: String,
    path: String,
    query: String,
    /// The `accept-encoding` header, lower case.
    accept_encoding: String,
}

fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    // Only `accept-encoding` matters here; other headers are ignored.
    let mut accept_encoding = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("accept-encoding")
        {
            accept_encoding = value.trim().to_ascii_lowercase();
        }
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or("/");
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target.to_owned(), String::new()),
    };
    Ok(Some(Request {
        method,
        path,
        query,
        accept_encoding,
    }))
}

fn handle(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    if shared.offline.load(Ordering::SeqCst) {
        return stream.shutdown(Shutdown::Both);
    }
    let config = &shared.config;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some(request) = read_request(&stream)? else {
        return Ok(());
    };
    shared
        .log
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(request.path.clone());
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            head_only,
        );
    }
    let Some(relative) = request.path.strip_prefix(&config.mount).or_else(|| {
        // `/reader` without its slash: send it to `/reader/`.
        (request.path == config.mount.trim_end_matches('/')).then_some("")
    }) else {
        return not_found(&mut stream, config, head_only);
    };
    if request.path.len() < config.mount.len() {
        return redirect(&mut stream, &config.mount, &request.query);
    }
    let relative = percent_decode(relative);
    let canned = shared
        .canned
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&relative)
        .cloned();
    if let Some(canned) = canned {
        return answer_canned(&mut stream, &canned);
    }
    let Some(mut file) = safe_join(&config.root, &relative) else {
        return not_found(&mut stream, config, head_only);
    };
    if file.is_dir() {
        if !request.path.ends_with('/') {
            return redirect(&mut stream, &format!("{}/", request.path), &request.query);
        }
        file.push("index.html");
    }
    if config.precompressed
        && let Some((encoding, body)) = precompressed(&file, &request.accept_encoding)
    {
        let content_type = content_type(&file);
        return respond_with(
            &mut stream,
            200,
            content_type,
            Some(encoding),
            &body,
            head_only,
        );
    }
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, 200, content_type(&file), &body, head_only),
        Err(_) => not_found(&mut stream, config, head_only),
    }
}

/// The best precompressed copy of `file` the client accepts: brotli, then
/// gzip.
fn precompressed(file: &Path, accept_encoding: &str) -> Option<(&'static str, Vec<u8>)> {
    let accepts = |coding: &str| {
        accept_encoding
            .split(',')
            .any(|c| c.split(';').next().map(str::trim) == Some(coding))
    };
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .filter(|(coding, _)| accepts(coding))
        .find_map(|(coding, extension)| {
            let mut name = file.as_os_str().to_owned();
            name.push(".");
            name.push(extension);
            std::fs::read(&name).ok().map(|body| (coding, body))
        })
}

/// Joins a URL path to the root, refusing anything that climbs out of it.
fn safe_join(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(path)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    respond_with(stream, status, content_type, None, body, head_only)
}

/// An answer; `encoding` names the body's content coding when it is a
/// precompressed copy.
fn respond_with(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    encoding: Option<&str>,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let encoding = encoding
        .map(|e| format!("content-encoding: {e}\r\nvary: accept-encoding\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\ncontent-type: {content_type}\r\n{encoding}content-length: {}\r\ncache-control: no-cache\r\nconnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn redirect(stream: &mut TcpStream, location: &str, query: &str) -> io::Result<()> {
    let location = if query.is_empty() {
        location.to_owned()
    } else {
        format!("{location}?{query}")
    };
    write!(
        stream,
        "HTTP/1.1 301 Moved Permanently\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    )?;
    stream.flush()
}

fn not_found(stream: &mut TcpStream, config: &Config, head_only: bool) -> io::Result<()> {
    let page = config
        .not_found_page
        .then(|| std::fs::read(config.root.join("404.html")).ok())
        .flatten();
    match page {
        Some(body) => respond(stream, 404, "text/html; charset=utf-8", &body, head_only),
        None => respond(
            stream,
            404,
            "text/plain; charset=utf-8",
            b"404 not found\n",
            head_only,
        ),
    }
}

fn answer_canned(stream: &mut TcpStream, canned: &Canned) -> io::Result<()> {
    match canned {
        Canned::Respond {
            status,
            content_type,
            body,
        } => respond(stream, *status, content_type, body, false),
        Canned::Drop => stream.shutdown(Shutdown::Both),
        Canned::Slow { delay, body } => {
            thread::sleep(*delay);
            respond(stream, 200, "application/json", body, false)
        }
        Canned::CutOff { body, sent } => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body[..(*sent).min(body.len())])?;
            stream.flush()?;
            stream.shutdown(Shutdown::Both)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(server: &Server, path: &str) -> String {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nhost: x\r\n\r\n").unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    }

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("static-server-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("article/a1")).unwrap();
        std::fs::write(dir.join("index.html"), "root page").unwrap();
        std::fs::write(dir.join("article/a1/index.html"), "article page").unwrap();
        std::fs::write(dir.join("404.html"), "fallback page").unwrap();
        std::fs::write(dir.join("数字.txt"), "cjk name").unwrap();
        dir
    }

    #[test]
    fn serves_files_directories_and_redirects_like_a_plain_host() {
        let server = Server::start(Config::new(site(), "/reader/"), 0).unwrap();
        assert!(get(&server, "/reader/").ends_with("root page"));
        assert!(get(&server, "/reader/article/a1/?lang=zh").ends_with("article page"));
        let moved = get(&server, "/reader/article/a1?lang=zh");
        assert!(
            moved.starts_with("HTTP/1.1 301")
                && moved.contains("location: /reader/article/a1/?lang=zh"),
            "{moved}"
        );
        assert!(get(&server, "/reader").contains("location: /reader/"));
        assert!(get(&server, "/reader/%E6%95%B0%E5%AD%97.txt").ends_with("cjk name"));
        let missing = get(&server, "/reader/article/zz/");
        assert!(missing.starts_with("HTTP/1.1 404") && missing.ends_with("404 not found\n"));
        assert!(get(&server, "/reader/../../etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get(&server, "/elsewhere").starts_with("HTTP/1.1 404"));
        let log = server.requests();
        assert_eq!(log.first().map(String::as_str), Some("/reader/"));
        assert_eq!(log.last().map(String::as_str), Some("/elsewhere"));
        assert_eq!(log.len(), 8, "{log:?}");
    }

    #[test]
    fn precompressed_copies_are_served_to_clients_that_accept_them() {
        let dir = site();
        std::fs::write(dir.join("data.json"), "plain").unwrap();
        std::fs::write(dir.join("data.json.gz"), "gzipped").unwrap();
        std::fs::write(dir.join("data.json.br"), "brotli").unwrap();
        let server = Server::start(Config::new(&dir, "/"), 0).unwrap();
        let ask = |encodings: &str| {
            let mut stream = TcpStream::connect(server.addr()).unwrap();
            write!(
                stream,
                "GET /data.json HTTP/1.1\r\nhost: x\r\nAccept-Encoding: {encodings}\r\n\r\n"
            )
            .unwrap();
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            answer
        };
        let br = ask("gzip, deflate, br");
        assert!(
            br.contains("content-encoding: br") && br.ends_with("brotli"),
            "{br}"
        );
        assert!(br.contains("content-type: application/json"));
        let gz = ask("gzip;q=1.0, identity");
        assert!(
            gz.contains("content-encoding: gzip") && gz.ends_with("gzipped"),
            "{gz}"
        );
        let plain = get(&server, "/data.json");
        assert!(
            !plain.contains("content-encoding") && plain.ends_with("plain"),
            "{plain}"
        );
        let mut config = Config::new(&dir, "/");
        config.precompressed = false;
        let off = Server::start(config, 0).unwrap();
        let mut stream = TcpStream::connect(off.addr()).unwrap();
        write!(
            stream,
            "GET /data.json HTTP/1.1\r\nAccept-Encoding: br\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.ends_with("plain"), "{answer}");
    }

    #[test]
    fn not_found_page_and_canned_answers() {
        let mut config = Config::new(site(), "/");
        config.not_found_page = true;
        config.canned.insert(
            "catalogue.json".into(),
            Canned::Respond {
                status: 500,
                content_type: "text/plain",
                body: b"boom".to_vec(),
            },
        );
        config.canned.insert("gone.json".into(), Canned::Drop);
        let server = Server::start(config, 0).unwrap();
        let missing = get(&server, "/article/zz/");
        assert!(missing.starts_with("HTTP/1.1 404") && missing.ends_with("fallback page"));
        assert!(get(&server, "/catalogue.json").starts_with("HTTP/1.1 500"));
        assert_eq!(get(&server, "/gone.json"), "");
        server.set_canned("gone.json", None);
        assert!(get(&server, "/gone.json").starts_with("HTTP/1.1 404"));
    }
}
