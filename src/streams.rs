//! The browser's own gzip (`CompressionStream`, `DecompressionStream`): the offline file packs
//! the wasm with it and opened .docx/.xlsx entries are unpacked with it, so the page carries
//! no deflate code. Reached by name: web-sys keeps these behind an unstable flag.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, Response, WritableStream};

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

/// Runs bytes through `CompressionStream('gzip')` or `DecompressionStream('gzip')`.
async fn transform(data: &[u8], class: &str) -> Result<Vec<u8>, String> {
    let parts = Array::new();
    parts.push(&Uint8Array::from(data));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(error)?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))
            .map_err(error)?
            .dyn_into()
            .map_err(|_| format!("浏览器不支持 {class}"))?;
    let stream = js_sys::Reflect::construct(&constructor, &Array::of1(&JsValue::from_str("gzip")))
        .map_err(error)?;
    let side = |name: &str| js_sys::Reflect::get(&stream, &JsValue::from_str(name)).map_err(error);
    let readable: ReadableStream = side("readable")?.unchecked_into();
    let writable: WritableStream = side("writable")?.unchecked_into();
    let piped = blob
        .stream()
        .pipe_through(&ReadableWritablePair::new(&readable, &writable));
    bytes(Response::new_with_opt_readable_stream(Some(&piped)).map_err(error)?).await
}

/// Gzips bytes.
pub async fn gzip(data: &[u8]) -> Result<Vec<u8>, String> {
    transform(data, "CompressionStream").await
}

/// Unpacks a gzip stream.
pub async fn gunzip(data: &[u8]) -> Result<Vec<u8>, String> {
    transform(data, "DecompressionStream").await
}
