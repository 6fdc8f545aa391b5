//! Precompressed copies: `F.gz` and `F.br` beside every text file of a built
//! site but `catalogue.json`, for hosts that serve them (nginx `gzip_static`/`brotli_static`,
//! Caddy `precompressed`, `crates/static-server`). Hosts that compress on
//! the fly (GitHub Pages) ignore them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::util::{Result, failed};

/// The file types worth compressing; images and fonts are already.
const TEXT: [&str; 9] = [
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "xml",
    "txt",
    "svg",
    "webmanifest",
];

/// Brotli's best quality (11) takes tens of milliseconds even for a small
/// page: worth it for the app's bundle, which every reader loads, but at
/// 100,000 article pages it would take hours. Everything else gets quality
/// 5, about as small as gzip -9 and as fast.
const BEST_BROTLI_FOR: [&str; 3] = ["wasm", "js", "css"];

/// Writes `.gz` and `.br` copies of every text file under `dir`, on every
/// core; returns how many files it compressed.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut files = Vec::new();
    text_files(dir, &mut files)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().try_for_each(|f| compress_file(f))))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(failed("a compression thread panicked")))
            })
            .collect::<Result<Vec<()>>>()
    })?;
    Ok(files.len())
}

/// Every file under `dir` worth a compressed copy.
fn text_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| failed(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            text_files(&path, files)?;
            continue;
        }
        let is_text = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT.contains(&e));
        // An owner may replace catalogue.json without rebuilding; a stale
        // copy beside it would be served instead (hosts do not compare
        // dates), so it has none.
        let is_catalogue = path.file_name().is_some_and(|n| n == "catalogue.json");
        if is_text && !is_catalogue {
            files.push(path);
        }
    }
    Ok(())
}

fn compress_file(path: &Path) -> Result {
    let bytes =
        std::fs::read(path).map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
    let best = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| BEST_BROTLI_FOR.contains(&e));
    let gz = gzip(&bytes)?;
    let br = brotli(&bytes, if best { 11 } else { 5 })?;
    // Hosts prefer .br; where quality 5 loses to gzip, leave it out.
    if br.len() < gz.len() {
        write_beside(path, "br", &br)?;
    }
    write_beside(path, "gz", &gz)
}

fn write_beside(path: &Path, extension: &str, bytes: &[u8]) -> Result {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    std::fs::write(&name, bytes)
        .map_err(|e| failed(format!("cannot write {}: {e}", Path::new(&name).display())))
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| failed(format!("gzip failed: {e}")))
}

/// Brotli at `quality` (0-11).
pub fn brotli(bytes: &[u8], quality: i32) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| failed(format!("brotli failed: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_original() {
        let text = "数字外交 digital diplomacy ".repeat(200);
        let gz = gzip(text.as_bytes()).unwrap();
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let br = brotli(text.as_bytes(), 11).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
    }
}
