//! Opening files: a saved document (.json), Word and Excel files (.docx, .xlsx), and text
//! tables (.csv, .tsv, .txt, .html, .xls saved as HTML) — each read by the same importer as
//! a paste. A file that cannot be read says why and changes nothing.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use zipin_core::import::forms::Imported;
use zipin_core::import::office::{self, OfficeError};
use zipin_core::import::Source;
use zipin_core::json::{LoadError, MAX_DOCUMENT_BYTES};
use zipin_core::model::Document;
use zipin_core::zip::{entries, gzip_wrap, Entry, ZipError};

use crate::browser::streams::{error, gunzip, Unpacked};

/// What a file held.
pub enum Opened {
    /// A saved document, and the name to list it under.
    Document(Document, String),
    /// Tables to read as forms, or the import that says why they were refused.
    Tables(Result<Source, Imported>),
    /// A .zip of reports: each file in it (name, bytes), to be opened in its turn.
    Archive(Vec<(String, Vec<u8>)>),
}

/// Why a file could not be opened: its name, and what went wrong (worded in the page's
/// language by [`crate::messages::file_error`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub name: String,
    pub problem: FileProblem,
}

/// What went wrong opening a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The browser could not read it (its reason, as the browser gives it).
    Unreadable(String),
    /// A .xls or .doc in the binary format Office used before .xlsx and .docx.
    LegacyOffice,
    /// A .docx or .xlsx whose ZIP cannot be read.
    Zip(ZipError),
    /// A ZIP without what the Office readers need, or with too many sheets.
    Office(OfficeError),
    /// A saved document that cannot be opened.
    Document(LoadError),
    /// An entry that inflates past [`ENTRY_LIMIT`] (or past what [`FILE_LIMIT`] leaves).
    EntryTooLarge { entry: String },
    /// An entry the browser could not inflate, and its reason.
    InflateFailed { entry: String, why: String },
    /// An entry compressed by a method other than stored (0) or deflated (8).
    UnsupportedMethod(u16),
}

impl From<ZipError> for FileProblem {
    fn from(error: ZipError) -> Self {
        FileProblem::Zip(error)
    }
}

impl From<OfficeError> for FileProblem {
    fn from(error: OfficeError) -> Self {
        FileProblem::Office(error)
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
    open_bytes(&name, &Uint8Array::new(&buffer).to_vec()).await
}

/// Reads a file's bytes, by what they are rather than by the name's extension alone.
pub async fn open_bytes(name: &str, bytes: &[u8]) -> Result<Opened, FileError> {
    let failed = |problem| FileError {
        name: name.to_owned(),
        problem,
    };
    let lower = name.to_lowercase();
    let zipped = bytes.starts_with(b"PK");
    let saved_document = !zipped
        && (lower.ends_with(".json")
            || bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(bytes)
                .iter()
                .find(|byte| !byte.is_ascii_whitespace())
                .is_some_and(|byte| *byte == b'{'));
    if saved_document {
        // Refused before it is decoded, with the message reading it would give.
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(failed(FileProblem::Document(LoadError::TooLarge(
                bytes.len(),
            ))));
        }
    } else if let Some(refused) =
        // Office files are ZIPs of XML several times their size; text is read as it is.
        zipin_core::import::too_large(bytes.len() / if zipped { 4 } else { 1 })
    {
        return Ok(Opened::Tables(Err(refused)));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zipped_file(bytes).await.map_err(failed);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(failed(FileProblem::LegacyOffice));
    }
    let text = decode(bytes);
    if saved_document {
        let document =
            zipin_core::json::from_json(&text).map_err(|e| failed(FileProblem::Document(e)))?;
        let stem = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
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
pub const ENTRY_LIMIT: usize = 32 * 1024 * 1024;

/// The most all the entries read from one file may inflate to together.
const FILE_LIMIT: usize = 64 * 1024 * 1024;

/// What an archive may hold: the files a desk reads.
const REPORT_EXTENSIONS: [&str; 8] = [
    ".docx", ".xlsx", ".json", ".csv", ".tsv", ".txt", ".html", ".htm",
];

/// The most an archive's files may inflate to together.
const ARCHIVE_LIMIT: usize = 256 * 1024 * 1024;

/// A ZIP: a .docx or .xlsx when it holds what the Office readers need, else an archive of
/// reports when it holds any.
async fn zipped_file(bytes: &[u8]) -> Result<Opened, FileProblem> {
    let all = entries(bytes)?;
    let reports: Vec<&Entry> = all
        .iter()
        .filter(|entry| {
            let name = entry.name.to_lowercase();
            REPORT_EXTENSIONS
                .iter()
                .any(|extension| name.ends_with(extension))
                && !name.starts_with("__macosx/")
        })
        .collect();
    if all.iter().any(|entry| office::needed(&entry.name)) || reports.is_empty() {
        return office_file(&all)
            .await
            .map(|source| Opened::Tables(Ok(source)));
    }
    let mut files = Vec::new();
    let mut total = 0usize;
    for entry in reports {
        let data = inflate(entry, ENTRY_LIMIT.min(ARCHIVE_LIMIT.saturating_sub(total))).await?;
        total = total.saturating_add(data.len());
        let name = entry
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&entry.name)
            .to_owned();
        files.push((name, data));
    }
    Ok(Opened::Archive(files))
}

/// One entry's bytes, at most `limit`, counted while the browser inflates them.
async fn inflate(entry: &Entry<'_>, limit: usize) -> Result<Vec<u8>, FileProblem> {
    let too_large = || FileProblem::EntryTooLarge {
        entry: entry.name.clone(),
    };
    match entry.method {
        0 if entry.data.len() <= limit => Ok(entry.data.to_vec()),
        0 => Err(too_large()),
        8 => match gunzip(&gzip_wrap(entry), limit).await {
            Ok(data) => Ok(data),
            Err(Unpacked::TooLarge { .. }) => Err(too_large()),
            Err(Unpacked::Failed(why)) => Err(FileProblem::InflateFailed {
                entry: entry.name.clone(),
                why,
            }),
        },
        other => Err(FileProblem::UnsupportedMethod(other)),
    }
}

/// A .docx or .xlsx: the entries the readers need, unpacked by the browser.
async fn office_file(all: &[Entry<'_>]) -> Result<Source, FileProblem> {
    let mut texts = Vec::new();
    let mut total = 0usize;
    for entry in office::select(all)? {
        // Each entry, and all of them together, within the caps, counted as they inflate.
        let data = inflate(entry, ENTRY_LIMIT.min(FILE_LIMIT.saturating_sub(total))).await?;
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
