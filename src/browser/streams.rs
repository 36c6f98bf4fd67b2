//! The browser's own gzip (`CompressionStream`, `DecompressionStream`): the offline file packs
//! the wasm with it and opened .docx/.xlsx entries are unpacked with it, so the page carries
//! no deflate code. Reached by name: web-sys keeps these behind an unstable flag.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, Response,
    WritableStream,
};
use zipin_core::files::Unpacked;

/// A JS error as text.
pub fn error(value: JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| "?".to_owned())
}

/// The bytes of a response.
pub async fn bytes(response: Response) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(response.array_buffer().map_err(error)?)
        .await
        .map_err(error)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The stream of bytes through `CompressionStream('gzip')` or `DecompressionStream('gzip')`.
fn transformed(data: &[u8], class: &str) -> Result<ReadableStream, String> {
    let parts = Array::new();
    parts.push(&Uint8Array::from(data));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(error)?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))
            .map_err(error)?
            .dyn_into()
            .map_err(|_| format!("{class} unsupported"))?;
    let stream = js_sys::Reflect::construct(&constructor, &Array::of1(&JsValue::from_str("gzip")))
        .map_err(error)?;
    let side = |name: &str| js_sys::Reflect::get(&stream, &JsValue::from_str(name)).map_err(error);
    let readable: ReadableStream = side("readable")?.unchecked_into();
    let writable: WritableStream = side("writable")?.unchecked_into();
    Ok(blob
        .stream()
        .pipe_through(&ReadableWritablePair::new(&readable, &writable)))
}

/// Gzips bytes.
pub async fn gzip(data: &[u8]) -> Result<Vec<u8>, String> {
    let stream = transformed(data, "CompressionStream")?;
    bytes(Response::new_with_opt_readable_stream(Some(&stream)).map_err(error)?).await
}

/// Unpacks a gzip stream, at most `limit` bytes: the count is kept while the browser
/// inflates, chunk by chunk, and the stream is cancelled the moment it passes the limit, so a
/// small entry that inflates to gigabytes never fills the memory (its declared size may lie).
pub async fn gunzip(data: &[u8], limit: usize) -> Result<Vec<u8>, Unpacked> {
    let failed = |why: String, inflated: usize| Unpacked::Failed { why, inflated };
    let stream = transformed(data, "DecompressionStream").map_err(|why| failed(why, 0))?;
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let failed_here = |value: JsValue| failed(error(value), out.len());
        let chunk = JsFuture::from(reader.read()).await.map_err(failed_here)?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(failed_here)?
            .is_truthy();
        if done {
            return Ok(out);
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(failed_here)?
            .unchecked_into();
        let length = usize::try_from(value.length()).unwrap_or(usize::MAX);
        if out.len().saturating_add(length) > limit {
            let _ = reader.cancel();
            return Err(Unpacked::TooLarge { limit });
        }
        let start = out.len();
        out.resize(start + length, 0);
        if let Some(slot) = out.get_mut(start..) {
            value.copy_to(slot);
        }
    }
}
