//! 下载离线版: the page writes the offline single file from its own assets — read from the
//! file it is running in, or fetched from where it was served — optionally with the open
//! document inside, and offers it for download. No server is involved.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
use zipin_core::offline::{base64, single_file_html, OfflineParts};

use crate::browser::download::download;
use crate::browser::streams::{bytes, error, gzip};

/// The file name of the offline page.
pub const FILE_NAME: &str = "绩效自评计算器-离线版.html";

fn text_of(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// The saved document the offline file was written with, if it carries one.
pub fn embedded_document() -> Option<String> {
    text_of("zipin-document")
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn href(selector: &str) -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let element = document
        .query_selector(selector)
        .ok()
        .flatten()
        .ok_or_else(|| format!("no {selector}"))?;
    let link: web_sys::HtmlLinkElement = element
        .dyn_into()
        .map_err(|_| format!("{selector} is not a link"))?;
    Ok(link.href())
}

async fn fetch(url: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(error)?
        .dyn_into()
        .map_err(error)?;
    if response.ok() {
        Ok(response)
    } else {
        Err(format!("{url}: HTTP {}", response.status()))
    }
}

/// The stylesheet, glue and gzipped wasm of the running page.
async fn own_parts() -> Result<(String, String, String), String> {
    if let (Some(css), Some(glue), Some(wasm)) = (
        text_of("zipin-style"),
        text_of("zipin-glue"),
        text_of("zipin-wasm"),
    ) {
        return Ok((
            css.trim().to_owned(),
            glue.trim().to_owned(),
            wasm.trim().to_owned(),
        ));
    }
    let css_response = fetch(&href("link[rel=\"stylesheet\"]")?).await?;
    let css = JsFuture::from(css_response.text().map_err(error)?)
        .await
        .map_err(error)?
        .as_string()
        .unwrap_or_default();
    let glue = bytes(fetch(&href("link[rel=\"modulepreload\"]")?).await?).await?;
    let wasm = bytes(fetch(&href("link[rel=\"preload\"][as=\"fetch\"]")?).await?).await?;
    Ok((css, base64(&glue), base64(&gzip(&wasm).await?)))
}

/// Why the offline file could not be offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfflineError {
    /// The page's own assets could not be read (the detail is technical, for a report).
    Assets(String),
    /// The browser refused the download.
    Refused,
}

/// Writes the offline file (with `document_json` inside, when given) and offers it for
/// download.
pub async fn download_offline(document_json: Option<String>) -> Result<(), OfflineError> {
    let (css, glue_base64, wasm_gzip_base64) = own_parts().await.map_err(OfflineError::Assets)?;
    let html = single_file_html(&OfflineParts {
        css: &css,
        glue_base64: &glue_base64,
        wasm_gzip_base64: &wasm_gzip_base64,
        document_json: document_json.as_deref(),
    });
    if download(FILE_NAME, "text/html;charset=utf-8", html.as_bytes()) {
        Ok(())
    } else {
        Err(OfflineError::Refused)
    }
}
