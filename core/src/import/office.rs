//! .docx and .xlsx files: which ZIP entries the readers need, and the blocks read from them.
//! The host unzips (see [`crate::zip`]) and hands the entries over as text.

use crate::import::grid::Block;
use crate::import::{docx, xlsx};

/// Whether an entry of an Office file is one the readers use.
pub fn needed(name: &str) -> bool {
    name == "word/document.xml" || xlsx::needed(name)
}

/// Reads the blocks of an Office file from its needed entries (name, XML text).
pub fn blocks(entries: &[(String, String)]) -> Result<Vec<Block>, String> {
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
        _ => Err("文件里没有 Word 正文或 Excel 工作表，无法读取。".to_owned()),
    }
}
