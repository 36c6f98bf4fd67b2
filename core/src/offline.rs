//! The offline single file (`zipin.html`): one HTML that carries the stylesheet, the JS glue
//! and the gzipped wasm, and starts the page from them with no request at all. The build
//! writes it from the built assets; the running page writes it again from its own assets
//! (optionally with the open document inside) for the 下载离线版 button. One template serves
//! both, so the two files are the same.
//!
//! Everything but the loader is a data block (`<script type="application/…">`), which never
//! runs: the loader is a constant, so its hash in the file's own Content-Security-Policy is
//! a constant too.

use base64::Engine;

/// The loader: decodes the blocks, unzips the wasm (`DecompressionStream`) into a streaming
/// compile while it imports the glue from a `data:` URL, and starts the glue with the
/// compiled module, so compiling overlaps unzipping (the glue's own init would compile only
/// once every byte is there; Chromium refuses synchronous compiles of large modules). No
/// top-level `await`: Chromium 80–88 lack it. Base64 goes through `Uint8Array.fromBase64`
/// where the browser has it (under 1 ms), else a plain loop (2–11 ms); `Uint8Array.from` with
/// a mapping function would spend about 60 ms of the first result.
pub const LOADER: &str = "\
(async () => {
const block = (id) => document.getElementById(id).textContent.trim();
const bytes = (b64) => {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
};
const unzipped = new Blob([bytes(block('zipin-wasm'))]).stream().pipeThrough(new DecompressionStream('gzip'));
const wasm = WebAssembly.compileStreaming(new Response(unzipped, { headers: { 'content-type': 'application/wasm' } }));
const glue = await import('data:text/javascript;base64,' + block('zipin-glue'));
await glue.default({ module_or_path: await wasm });
})();
";

/// `'sha256-…'` of [`LOADER`] (a test checks it), for the file's Content-Security-Policy.
pub const LOADER_HASH: &str = "sha256-Uvpvg/tWUtuerRv4Ugk//EaaMVmrzDPSDUebRDY6mFI=";

/// The Content-Security-Policy the single file sets for itself: nothing from anywhere, the
/// loader by its hash, the glue from `data:`, wasm compilation, inline styles.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{LOADER_HASH}' data: 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:"
    )
}

/// The parts of the page, as they go into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineParts<'a> {
    /// The stylesheet.
    pub css: &'a str,
    /// The JS glue, base64.
    pub glue_base64: &'a str,
    /// The wasm, gzipped, base64.
    pub wasm_gzip_base64: &'a str,
    /// A saved document (JSON) the file opens with, if any.
    pub document_json: Option<&'a str>,
}

/// Base64 of bytes (standard alphabet, padded), as the loader's `atob` reads it.
pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// JSON safe inside a `<script>` data block: `<` only occurs inside JSON strings, where
/// `\u003c` means the same, so no tag can start, let alone close the block.
fn inert_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The single file.
pub fn single_file_html(parts: &OfflineParts) -> String {
    let document = parts.document_json.map(inert_json).unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>绩效自评计算器 · zipin（离线版）</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <style id=\"zipin-style\">\n{css}\n</style>\n\
         <script type=\"application/octet-stream\" id=\"zipin-glue\">{glue}</script>\n\
         <script type=\"application/octet-stream\" id=\"zipin-wasm\">{wasm}</script>\n\
         <script type=\"application/json\" id=\"zipin-document\">{document}</script>\n\
         <script type=\"module\">{LOADER}</script>\n</head>\n<body>\n\
         <noscript>绩效自评计算器需要启用 JavaScript 与 WebAssembly。This page needs JavaScript and WebAssembly.</noscript>\n\
         </body>\n</html>\n",
        csp = content_security_policy(),
        css = parts.css.replace("</style", "<\\/style"),
        glue = parts.glue_base64,
        wasm = parts.wasm_gzip_base64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_cannot_close_its_block() {
        let html = single_file_html(&OfflineParts {
            css: "body{}",
            glue_base64: "Z2x1ZQ==",
            wasm_gzip_base64: "d2FzbQ==",
            document_json: Some("{\"name\":\"</script><script>alert(1)</script>\"}"),
        });
        assert_eq!(html.matches("<script").count(), 4, "{html}");
        assert!(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
        assert_eq!(base64(b"zipin"), "emlwaW4=");
    }
}
