//! Opening files: a saved document (.json), Word and Excel files (.docx, .xlsx), and text
//! tables (.csv, .tsv, .txt, .html, .xls saved as HTML) — each read by the same importer as
//! a paste. A file that cannot be read says why and changes nothing.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use zipin_core::import::forms::Imported;
use zipin_core::import::{office, Source};
use zipin_core::json::{LoadError, MAX_DOCUMENT_BYTES};
use zipin_core::model::Document;
use zipin_core::zip::{entries, gzip_wrap};

use crate::streams::{error, gunzip, Unpacked};

/// What a file held.
pub enum Opened {
    /// A saved document, and the name to list it under.
    Document(Document, String),
    /// Forms found in a table file.
    /// Tables to read as forms, or the import that says why they were refused.
    Tables(Result<Source, Imported>),
}

/// Reads a file the user chose or dropped.
pub async fn open(file: web_sys::File) -> Result<Opened, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("无法读取文件“{name}”：{}", error(e)))?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let lower = name.to_lowercase();
    let zipped = bytes.starts_with(b"PK");
    let saved_document = !zipped
        && (lower.ends_with(".json")
            || bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&bytes)
                .iter()
                .find(|byte| !byte.is_ascii_whitespace())
                .is_some_and(|byte| *byte == b'{'));
    if saved_document {
        // Refused before it is decoded, with the message reading it would give.
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(format!(
                "“{name}”：{}",
                LoadError::TooLarge(bytes.len()).message()
            ));
        }
    } else if let Some(refused) =
        // Office files are ZIPs of XML several times their size; text is read as it is.
        zipin_core::import::too_large(bytes.len() / if zipped { 4 } else { 1 })
    {
        return Ok(Opened::Tables(Err(refused)));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office_file(&bytes)
            .await
            .map(|source| Opened::Tables(Ok(source)))
            .map_err(|why| format!("“{name}”：{why}"));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(format!("“{name}”是旧版 Office 二进制格式（.xls / .doc），请在 Excel、WPS 或 Word 中另存为 .xlsx 或 .docx 后再打开。"));
    }
    let text = decode(&bytes);
    if saved_document {
        let document =
            zipin_core::json::from_json(&text).map_err(|e| format!("“{name}”：{}", e.message()))?;
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .to_owned();
        return Ok(Opened::Document(document, stem));
    }
    let lower_text = text.to_ascii_lowercase();
    let source = if lower.ends_with(".csv") {
        Source::delimited(&text, ',')
    } else if lower.ends_with(".tsv") {
        Source::delimited(&text, '\t')
    } else if lower_text.contains("<table") || lower_text.contains("<html") {
        Source::paste("", Some(&text))
    } else {
        Source::paste(&text, None)
    };
    Ok(Opened::Tables(source))
}

/// Text in UTF-8 (with or without a byte-order mark), else GB18030 — what older Chinese
/// Excel and WPS save CSV in.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => web_sys::TextDecoder::new_with_label("gb18030")
            .and_then(|decoder| decoder.decode_with_u8_array(bytes))
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// The most one entry of a .docx / .xlsx may inflate to: a sheet or document far larger than
/// any form (a 5,000-row sheet is a few MB).
const ENTRY_LIMIT: usize = 32 * 1024 * 1024;

/// The most all the entries read from one file may inflate to together.
const FILE_LIMIT: usize = 64 * 1024 * 1024;

fn too_large(entry: &str) -> String {
    format!(
        "文件中的 {entry} 解压后超过 {} MB（可能是损坏或恶意构造的文件），未读取。",
        ENTRY_LIMIT / 1_048_576
    )
}

/// A .docx or .xlsx: the entries the readers need, unpacked by the browser.
async fn office_file(bytes: &[u8]) -> Result<Source, String> {
    let all = entries(bytes).map_err(|e| e.0)?;
    let mut texts = Vec::new();
    let mut total = 0usize;
    for entry in office::select(&all)? {
        // Each entry, and all of them together, within the caps, counted as they inflate.
        let limit = ENTRY_LIMIT.min(FILE_LIMIT.saturating_sub(total));
        let data = match entry.method {
            0 if entry.data.len() <= limit => entry.data.to_vec(),
            0 => return Err(too_large(&entry.name)),
            8 => match gunzip(&gzip_wrap(entry), limit).await {
                Ok(data) => data,
                Err(Unpacked::TooLarge { .. }) => return Err(too_large(&entry.name)),
                Err(Unpacked::Failed(why)) => {
                    return Err(format!("解压 {} 失败：{why}", entry.name))
                }
            },
            other => return Err(format!("不支持的压缩方式（{other}）")),
        };
        total = total.saturating_add(data.len());
        texts.push((
            entry.name.clone(),
            String::from_utf8_lossy(&data).into_owned(),
        ));
    }
    Ok(Source {
        blocks: office::blocks(&texts)?,
        empty: false,
    })
}
