//! Opening a file by what its bytes are rather than by its name alone: a saved document
//! (.json), a Word or Excel file (.docx, .xlsx), a .zip of reports, or text tables (.csv,
//! .tsv, .txt, .html, an .xls saved as HTML), each read by the same importer as a paste.
//!
//! The page and the command line both open files through [`open`], so the same file gives
//! the same forms in both. Each supplies, as a [`Host`], the two things its platform does its
//! own way: inflating a deflated ZIP entry (the browser's `DecompressionStream`, or a native
//! inflate) and decoding text that is not UTF-8 (GB18030, what older Chinese Excel and WPS
//! save CSV in). The caps on what a file may inflate to are kept here, counted as entries
//! inflate, so neither host can forget them.

use std::cell::Cell;
use std::future::Future;

use crate::import::forms::{Imported, Layouts};
use crate::import::notices::{NoForm, Notice};
use crate::import::office::{self, OfficeError};
use crate::import::{too_large, Source};
use crate::json::{from_json, LoadError, MAX_DOCUMENT_BYTES};
use crate::model::{Document, Form};
use crate::zip::{entries, Entry, ZipError};

/// What a file held.
pub enum Opened {
    /// A saved document, and the name to list it under (the file's name without extension).
    Document(Box<Document>, String),
    /// Tables to read as forms, or the import that says why they were refused.
    Tables(Result<Source, Imported>),
    /// A .zip of reports: each file in it (name, bytes), to be opened in its turn.
    Archive(Vec<(String, Vec<u8>)>),
}

/// Why a file could not be opened: its name, and what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub name: String,
    pub problem: FileProblem,
}

/// What went wrong opening a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The system could not read it (its reason, as the system gives it).
    Unreadable(String),
    /// A .xls or .doc in the binary format Office used before .xlsx and .docx.
    LegacyOffice,
    /// A .docx or .xlsx whose ZIP cannot be read.
    Zip(ZipError),
    /// A ZIP without what the Office readers need, or with too many sheets.
    Office(OfficeError),
    /// A saved document that cannot be opened.
    Document(LoadError),
    /// An entry that inflates past a cap: its own, or what its file's or archive's cap left.
    EntryTooLarge { entry: String, cap: Cap },
    /// An entry that could not be inflated, and why.
    InflateFailed { entry: String, why: String },
    /// An entry compressed by a method other than stored (0) or deflated (8).
    UnsupportedMethod(u16),
    /// A file inside a .zip of reports that is itself an archive of reports: one level is
    /// what a set is sent as, and an archive that holds itself would never end.
    ArchiveInArchive,
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

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = &self.name;
        match &self.problem {
            FileProblem::Unreadable(why) => write!(f, "无法读取文件“{name}”：{why}"),
            FileProblem::LegacyOffice => write!(
                f,
                "“{name}”是旧版 Office 二进制格式（.xls / .doc），请在 Excel、WPS 或 Word 中另存为 .xlsx 或 .docx 后再打开。"
            ),
            FileProblem::Zip(error) => write!(f, "“{name}”：{error}"),
            FileProblem::Office(error) => write!(f, "“{name}”：{error}"),
            FileProblem::Document(error) => write!(f, "“{name}”：{error}"),
            FileProblem::EntryTooLarge { entry, cap } => {
                let most = cap.size();
                match cap {
                    Cap::Entry => write!(f, "“{name}”：文件中的 {entry} 解压后超过 {most}"),
                    Cap::File => {
                        write!(f, "“{name}”：文件的各部分解压后合计超过 {most}（读到 {entry} 时）")
                    }
                    Cap::Archive => write!(
                        f,
                        "“{name}”：压缩包里的文件解压后合计超过 {most}（读到 {entry} 时）"
                    ),
                    Cap::ArchiveReports => write!(
                        f,
                        "“{name}”：同一压缩包里的报表解压后合计已超过 {most}（读到 {entry} 时）"
                    ),
                }?;
                f.write_str("（可能是损坏或恶意构造的文件），未读取。")
            }
            FileProblem::InflateFailed { entry, why } => {
                write!(f, "“{name}”：解压 {entry} 失败：{why}")
            }
            FileProblem::UnsupportedMethod(method) => {
                write!(f, "“{name}”：不支持的压缩方式（{method}）")
            }
            FileProblem::ArchiveInArchive => write!(
                f,
                "“{name}”：压缩包里的文件又是一个压缩包，未读取。请先解开外层的压缩包。"
            ),
        }
    }
}

impl std::error::Error for FileError {}

/// Why a host could not inflate an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unpacked {
    /// It inflates past `limit` bytes (a ZIP bomb, or more than a form could be).
    TooLarge { limit: usize },
    /// The inflater failed: its reason, and how many bytes it had inflated by then.
    Failed { why: String, inflated: usize },
}

/// What the platform opening a file does its own way.
pub trait Host {
    /// Inflates a deflated (method 8) entry, at most `limit` bytes, counting while it
    /// inflates: an entry's declared size may lie.
    fn inflate(
        &self,
        entry: &Entry<'_>,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<u8>, Unpacked>>;

    /// Text that is not UTF-8, read as GB18030.
    fn decode_gb18030(&self, bytes: &[u8]) -> String;
}

/// The most one entry of a .docx / .xlsx may inflate to: a sheet or document far larger than
/// any form (a 5,000-row sheet is a few MB).
pub const ENTRY_LIMIT: usize = 32 * 1024 * 1024;

/// The most all the entries read from one Office file may inflate to together.
pub const FILE_LIMIT: usize = 64 * 1024 * 1024;

/// The most an archive's files may inflate to together (they are all held at once).
pub const ARCHIVE_LIMIT: usize = 256 * 1024 * 1024;

/// The most the .docx and .xlsx reports of one archive may inflate to together: a hundred
/// times what a set of hundreds of real reports inflates to, so that an archive of many small
/// inflate bombs is refused after a few dozen of them rather than each inflating to its own
/// caps in turn.
pub const ARCHIVE_REPORTS_LIMIT: usize = 1024 * 1024 * 1024;

/// Which cap an inflating entry reached, to tell the user which bound it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    /// One entry of a .docx / .xlsx, or one file of an archive: [`ENTRY_LIMIT`].
    Entry,
    /// The entries read from one .docx / .xlsx together: [`FILE_LIMIT`].
    File,
    /// The files of an archive together: [`ARCHIVE_LIMIT`].
    Archive,
    /// What the reports of one archive inflate to together: [`ARCHIVE_REPORTS_LIMIT`].
    ArchiveReports,
}

impl Cap {
    /// The cap's size.
    pub fn bytes(self) -> usize {
        match self {
            Cap::Entry => ENTRY_LIMIT,
            Cap::File => FILE_LIMIT,
            Cap::Archive => ARCHIVE_LIMIT,
            Cap::ArchiveReports => ARCHIVE_REPORTS_LIMIT,
        }
    }

    /// The cap's size as the user is told it ("32 MB", "1 GB").
    pub fn size(self) -> String {
        let megabytes = self.bytes() / 1_048_576;
        if megabytes % 1024 == 0 {
            format!("{} GB", megabytes / 1024)
        } else {
            format!("{megabytes} MB")
        }
    }
}

/// What is left of the caps an entry inflates within, and the cap that binds first.
#[derive(Clone, Copy)]
struct Room {
    bytes: usize,
    cap: Cap,
}

impl Room {
    /// The room a cap gives, `left` of it unused.
    fn of(cap: Cap, left: usize) -> Self {
        Room { bytes: left, cap }
    }

    /// The tighter of two rooms (the earlier when they are equal).
    fn within(self, other: Room) -> Self {
        if other.bytes < self.bytes {
            other
        } else {
            self
        }
    }
}

/// What the reports of one archive may still inflate to, shared by them all as each is
/// opened in its turn ([`ARCHIVE_REPORTS_LIMIT`] at the start).
#[derive(Debug)]
pub struct ArchiveBudget(Cell<usize>);

impl Default for ArchiveBudget {
    fn default() -> Self {
        ArchiveBudget(Cell::new(ARCHIVE_REPORTS_LIMIT))
    }
}

impl ArchiveBudget {
    fn room(&self) -> Room {
        Room::of(Cap::ArchiveReports, self.0.get())
    }

    fn spend(&self, bytes: usize) {
        self.0.set(self.0.get().saturating_sub(bytes));
    }
}

/// What an archive may hold: the files a reviewer's set is made of. `.xls` and `.doc` are
/// among them: an .xls is often a table saved as HTML, which is read, and a binary one is
/// named with what to do about it.
pub const REPORT_EXTENSIONS: [&str; 10] = [
    ".docx", ".xlsx", ".json", ".csv", ".tsv", ".txt", ".html", ".htm", ".xls", ".doc",
];

/// Whether a file's name says it is one zipin reads (a folder's other files are passed over).
pub fn is_report(name: &str) -> bool {
    let name = name.to_lowercase();
    REPORT_EXTENSIONS
        .iter()
        .any(|extension| name.ends_with(extension))
}

/// Where a file came from: chosen by the user, or found inside a .zip of reports (whose
/// reports share what they may inflate to).
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    Chosen,
    InArchive(&'a ArchiveBudget),
}

/// Reads a file's bytes, by what they are rather than by the name's extension alone.
pub async fn open(
    host: &impl Host,
    name: &str,
    bytes: &[u8],
    origin: Origin<'_>,
) -> Result<Opened, FileError> {
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
        too_large(
            bytes
                .len()
                .checked_div(if zipped { 4 } else { 1 })
                .unwrap_or_default(),
        )
    {
        return Ok(Opened::Tables(Err(refused)));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zipped_file(host, bytes, origin).await.map_err(failed);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(failed(FileProblem::LegacyOffice));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => host.decode_gb18030(bytes),
    };
    if saved_document {
        let document = from_json(&text).map_err(|e| failed(FileProblem::Document(e)))?;
        let stem = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_owned();
        return Ok(Opened::Document(Box::new(document), stem));
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

/// A ZIP: a .docx or .xlsx when it holds what the Office readers need, else an archive of
/// reports when it holds any.
async fn zipped_file(
    host: &impl Host,
    bytes: &[u8],
    origin: Origin<'_>,
) -> Result<Opened, FileProblem> {
    let all = entries(bytes)?;
    let reports: Vec<&Entry> = all
        .iter()
        .filter(|entry| {
            is_report(&entry.name) && !entry.name.to_lowercase().starts_with("__macosx/")
        })
        .collect();
    let budget = match origin {
        Origin::Chosen => None,
        Origin::InArchive(budget) => Some(budget),
    };
    if all.iter().any(|entry| office::needed(&entry.name)) || reports.is_empty() {
        return office_file(host, &all, budget).await;
    }
    if budget.is_some() {
        return Err(FileProblem::ArchiveInArchive);
    }
    let mut files = Vec::new();
    let mut left = ARCHIVE_LIMIT;
    for entry in reports {
        let room = Room::of(Cap::Entry, ENTRY_LIMIT).within(Room::of(Cap::Archive, left));
        let data = unpack(host, entry, room, None).await?;
        left = left.saturating_sub(data.len());
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

/// A .docx or .xlsx: the entries the readers need, each and all of them together (and, for
/// a report inside an archive, with the archive's other reports) within the caps, counted as
/// they inflate.
async fn office_file(
    host: &impl Host,
    all: &[Entry<'_>],
    budget: Option<&ArchiveBudget>,
) -> Result<Opened, FileProblem> {
    let mut texts = Vec::new();
    let mut left = FILE_LIMIT;
    for entry in office::select(all)? {
        let mut room = Room::of(Cap::Entry, ENTRY_LIMIT).within(Room::of(Cap::File, left));
        if let Some(budget) = budget {
            room = room.within(budget.room());
        }
        let data = unpack(host, entry, room, budget).await?;
        left = left.saturating_sub(data.len());
        texts.push((
            entry.name.clone(),
            String::from_utf8_lossy(&data).into_owned(),
        ));
    }
    Ok(Opened::Tables(Ok(Source {
        blocks: office::blocks(&texts)?,
        empty: false,
    })))
}

/// One entry's bytes, at most what `room` leaves. What was inflated to get them, or before
/// they were refused, is spent from the archive's `budget` (for a report inside an archive).
async fn unpack(
    host: &impl Host,
    entry: &Entry<'_>,
    room: Room,
    budget: Option<&ArchiveBudget>,
) -> Result<Vec<u8>, FileProblem> {
    let too_large = || FileProblem::EntryTooLarge {
        entry: entry.name.clone(),
        cap: room.cap,
    };
    let (unpacked, inflated) = match entry.method {
        0 if entry.data.len() <= room.bytes => (Ok(entry.data.to_vec()), entry.data.len()),
        0 => (Err(too_large()), 0),
        8 => match host.inflate(entry, room.bytes).await {
            Ok(data) => {
                let inflated = data.len();
                (Ok(data), inflated)
            }
            Err(Unpacked::TooLarge { .. }) => (Err(too_large()), room.bytes),
            Err(Unpacked::Failed { why, inflated }) => (
                Err(FileProblem::InflateFailed {
                    entry: entry.name.clone(),
                    why,
                }),
                inflated,
            ),
        },
        other => (Err(FileProblem::UnsupportedMethod(other)), 0),
    };
    if let Some(budget) = budget {
        budget.spend(inflated);
    }
    unpacked
}

/// Why a file's tables gave no form to a reviewer's set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoForms {
    /// The import found none (too large, empty, or no table it recognises as a form).
    Refused(NoForm),
    /// A layout whose columns the user must choose: a set cannot ask, file after file.
    NeedsMapping,
}

impl std::fmt::Display for NoForms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoForms::Refused(why) => write!(f, "{why}"),
            NoForms::NeedsMapping => f.write_str(
                "表头没能识别，有的列装着数字：请在 zipin 的填报页打开这个文件，指定各列的含义。",
            ),
        }
    }
}

impl std::error::Error for NoForms {}

/// What a file's tables give (read with the column choices in `layouts`) when they give
/// forms, or why they give none.
pub fn read_tables(
    tables: Result<Source, Imported>,
    layouts: &Layouts,
) -> Result<Imported, NoForms> {
    let imported = match tables {
        Ok(source) => source.read(layouts),
        Err(refused) => refused,
    };
    if !imported.forms.is_empty() {
        return Ok(imported);
    }
    Err(imported
        .notices
        .iter()
        .find_map(|notice| match notice {
            Notice::NoForm(why) => Some(NoForms::Refused(why.clone())),
            Notice::NeedsMapping { .. } => Some(NoForms::NeedsMapping),
            Notice::Skipped(_) => None,
        })
        .unwrap_or(NoForms::Refused(NoForm::NotFound)))
}

/// The forms a file's tables give a reviewer's set, or why they give none.
pub fn set_forms(
    tables: Result<Source, Imported>,
    layouts: &Layouts,
) -> Result<Vec<Form>, NoForms> {
    read_tables(tables, layouts).map(|imported| imported.forms)
}
