//! .docx and .xlsx files: which ZIP entries the readers need, and the blocks read from them.
//! The host unzips (see [`crate::zip`]) and hands the entries over as text.

use crate::import::grid::Block;
use crate::import::{docx, xlsx};
use crate::zip::Entry;

/// Whether an entry of an Office file is one the readers use. Names are compared whole, so
/// an entry named `../word/document.xml` or `/xl/workbook.xml` is never one of them (and
/// nothing is ever written where a name points).
pub fn needed(name: &str) -> bool {
    name == "word/document.xml" || xlsx::needed(name)
}

/// The most worksheets a workbook may have to be read: each is inflated by the browser on
/// its own, and a workbook of tens of thousands of tiny sheets would hold the page for
/// minutes. A reviewer's workbook of one sheet per unit has a few hundred.
pub const MAX_SHEETS: usize = 1_000;

/// Why an Office file is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeError {
    /// A workbook of more than [`MAX_SHEETS`] worksheets.
    TooManySheets { count: usize },
    /// Neither a Word body nor an Excel workbook with its sheets' relationships.
    NoContent,
}

impl std::fmt::Display for OfficeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OfficeError::TooManySheets { count } => write!(
                f,
                "工作簿有 {count} 张工作表，多于一次能读取的 {MAX_SHEETS} 张，未读取。请分成几个文件再打开。"
            ),
            OfficeError::NoContent => f.write_str("文件里没有 Word 正文或 Excel 工作表，无法读取。"),
        }
    }
}

impl std::error::Error for OfficeError {}

/// The entries the readers need, in order, or why the file is refused.
pub fn select<'a, 'b>(entries: &'b [Entry<'a>]) -> Result<Vec<&'b Entry<'a>>, OfficeError> {
    let chosen: Vec<&Entry> = entries.iter().filter(|entry| needed(&entry.name)).collect();
    let sheets = chosen
        .iter()
        .filter(|entry| entry.name.starts_with("xl/worksheets/"))
        .count();
    if sheets > MAX_SHEETS {
        return Err(OfficeError::TooManySheets { count: sheets });
    }
    Ok(chosen)
}

/// Reads the blocks of an Office file from its needed entries (name, XML text).
pub fn blocks(entries: &[(String, String)]) -> Result<Vec<Block>, OfficeError> {
    let find = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, xml)| xml.as_str())
    };
    if let Some(document) = find("word/document.xml") {
        return Ok(docx::parse(document));
    }
    match (find("xl/workbook.xml"), find("xl/_rels/workbook.xml.rels")) {
        (Some(workbook), Some(relationships)) => Ok(xlsx::parse(&xlsx::Workbook {
            workbook,
            relationships,
            shared_strings: find("xl/sharedStrings.xml"),
            styles: find("xl/styles.xml"),
            sheets: entries
                .iter()
                .filter(|(name, _)| name.starts_with("xl/worksheets/"))
                .map(|(name, xml)| (name.clone(), xml.as_str()))
                .collect(),
        })),
        _ => Err(OfficeError::NoContent),
    }
}
