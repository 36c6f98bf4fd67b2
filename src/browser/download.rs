//! Downloads through the browser's own download (an `<a download>`), so nothing leaves the
//! machine and no server is involved.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `bytes` as a file named `name`. Returns `false` when the browser refused.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    try_download(name, mime, bytes).is_some()
}

fn try_download(name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_attribute("data-testid", "download-link").ok()?;
    anchor.style().set_property("display", "none").ok()?;
    document.body()?.append_child(&anchor).ok()?;
    anchor.click();
    anchor.remove();
    // The object URL is released when the page goes; revoking now could cancel the download.
    Some(())
}
