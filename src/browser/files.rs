//! Opening files the user chose or dropped: their bytes read by the browser, then opened by
//! zipin-core's [`files`](zipin_core::files) (the same code the command line opens them with),
//! with the browser inflating .docx/.xlsx entries and decoding GB18030 text.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use zipin_core::files::{
    self, ArchiveBudget, FileError, FileProblem, Host, Opened, Origin, Unpacked,
};
use zipin_core::zip::{gzip_wrap, Entry};

use crate::browser::streams::{error, gunzip};

/// The browser, as the host that opens files.
struct Browser;

impl Host for Browser {
    async fn inflate(&self, entry: &Entry<'_>, limit: usize) -> Result<Vec<u8>, Unpacked> {
        gunzip(&gzip_wrap(entry), limit).await
    }

    fn decode_gb18030(&self, bytes: &[u8]) -> String {
        web_sys::TextDecoder::new_with_label("gb18030")
            .and_then(|decoder| decoder.decode_with_u8_array(bytes))
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Reads a file the user chose or dropped.
pub async fn open(file: web_sys::File) -> Result<Opened, FileError> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FileError {
            name: name.clone(),
            problem: FileProblem::Unreadable(error(e)),
        })?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    files::open(&Browser, &name, &bytes, Origin::Chosen).await
}

/// Reads a file found inside a .zip of reports, within what the archive's reports may still
/// inflate to.
pub async fn open_inside(
    name: &str,
    bytes: &[u8],
    budget: &ArchiveBudget,
) -> Result<Opened, FileError> {
    files::open(&Browser, name, bytes, Origin::InArchive(budget)).await
}
