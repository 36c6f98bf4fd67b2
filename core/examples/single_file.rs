//! Trunk's post-build step (see Trunk.toml): in the staging directory,
//! 1. moves Trunk's inline module loader into `loader.js`, so the served page runs under a
//!    strict CSP (`script-src 'self' 'wasm-unsafe-eval'`), and
//! 2. writes `zipin.html`, the offline single file, from the built stylesheet, JS glue and
//!    wasm (zipin-core's template: the same file the page's 下载离线版 button writes).
//!
//! Usage: `cargo run --release -p zipin-core --example single_file -- <dir>` (Trunk passes
//! the directory in TRUNK_STAGING_DIR).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use zipin_core::offline::{base64, single_file_html, OfflineParts};

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".to_owned())
        .into();
    if let Err(problem) = run(&dir) {
        eprintln!("single_file: {problem}");
        std::process::exit(1);
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Result<&'a str, String> {
    let from = text
        .find(start)
        .ok_or_else(|| format!("index.html has no {start:?}"))?
        + start.len();
    let rest = &text[from..];
    let to = rest
        .find(end)
        .ok_or_else(|| format!("index.html has no {end:?} after {start:?}"))?;
    Ok(&rest[..to])
}

fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    fs::read(dir.join(name.trim_start_matches("./"))).map_err(|e| format!("{name}: {e}"))
}

fn run(dir: &Path) -> Result<(), String> {
    let index_path = dir.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| format!("index.html: {e}"))?;
    let css_name = between(&index, "<link rel=\"stylesheet\" href=\"", "\"")?.to_owned();
    let js_name = between(&index, "from '", "'")?.to_owned();
    let wasm_name = between(&index, "module_or_path: '", "'")?.to_owned();

    // 1. The inline loader becomes a file of its own, without top-level await (Chromium 80–88
    //    lack it) and without Trunk's globals, which nothing uses.
    let loader = between(&index, "<script type=\"module\">", "</script>")?.to_owned();
    let loader_name = js_name.replace(".js", "-loader.js");
    let module =
        format!("import init from '{js_name}';\ninit({{ module_or_path: '{wasm_name}' }});\n");
    fs::write(dir.join(loader_name.trim_start_matches("./")), module).map_err(|e| e.to_string())?;
    let index = index.replace(
        &format!("<script type=\"module\">{loader}</script>"),
        &format!("<script type=\"module\" src=\"{loader_name}\"></script>"),
    );
    fs::write(&index_path, index).map_err(|e| e.to_string())?;

    // 2. The single file.
    let css = String::from_utf8(read(dir, &css_name)?).map_err(|e| e.to_string())?;
    let glue = read(dir, &js_name)?;
    let wasm = read(dir, &wasm_name)?;
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    gzip.write_all(&wasm).map_err(|e| e.to_string())?;
    let wasm_gzip = gzip.finish().map_err(|e| e.to_string())?;
    let html = single_file_html(&OfflineParts {
        css: &css,
        glue_base64: &base64(&glue),
        wasm_gzip_base64: &base64(&wasm_gzip),
        document_json: None,
    });
    fs::write(dir.join("zipin.html"), &html).map_err(|e| e.to_string())?;
    println!(
        "single_file: wrote zipin.html ({} bytes) and {loader_name}",
        html.len()
    );
    Ok(())
}
