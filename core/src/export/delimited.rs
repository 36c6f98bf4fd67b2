//! TSV and CSV of a layout: TSV for the clipboard (Excel and WPS paste it with the official
//! layout), CSV with a UTF-8 byte-order mark (Excel on Chinese Windows reads UTF-8 without
//! mojibake only with it).

use crate::export::layout::Layout;

fn quoted(cell: &str, separator: char) -> String {
    let needs = cell.contains(separator) || cell.contains(['\n', '\r', '"']);
    if needs {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

fn write(layout: &Layout, separator: char) -> String {
    let mut out = String::new();
    for row in &layout.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| quoted(&cell.text, separator))
            .collect();
        out.push_str(&cells.join(&separator.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Tab-separated text, as Excel copies a range.
pub fn tsv(layout: &Layout) -> String {
    write(layout, '\t')
}

/// Comma-separated bytes with a UTF-8 byte-order mark.
pub fn csv(layout: &Layout) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(write(layout, ',').as_bytes());
    bytes
}
