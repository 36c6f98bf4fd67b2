//! The sheets of an Excel file: cells by reference, shared strings, percentages shown as
//! the sheet shows them, merged ranges left empty but for their first cell — the same
//! positional tables a paste gives.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::import::grid::{Block, Merge, Positions, Table};
use crate::import::header::is_title;
use crate::import::markup::{attribute, decode_entities, Token, Tokens};

/// The parts of an .xlsx the reader uses, by their names in the ZIP.
pub struct Workbook<'a> {
    pub workbook: &'a str,
    pub relationships: &'a str,
    pub shared_strings: Option<&'a str>,
    pub styles: Option<&'a str>,
    /// Sheet XML by its path in the ZIP ("xl/worksheets/sheet1.xml").
    pub sheets: Vec<(String, &'a str)>,
}

/// Whether the reader needs this ZIP entry.
pub fn needed(name: &str) -> bool {
    matches!(
        name,
        "xl/workbook.xml" | "xl/_rels/workbook.xml.rels" | "xl/sharedStrings.xml" | "xl/styles.xml"
    ) || (name.starts_with("xl/worksheets/") && name.ends_with(".xml"))
}

/// Text inside `<t>` elements, per enclosing `item` element (`si` of shared strings), skipping
/// phonetic runs (`rPh`).
fn texts_of(xml: &str, item: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_text, mut phonetic) = (false, false);
    for token in Tokens::new(xml) {
        match token {
            Token::Open {
                name, self_closing, ..
            } => match name.as_str() {
                n if n == item => {
                    if self_closing {
                        items.push(String::new());
                    } else {
                        current = Some(String::new());
                    }
                }
                "t" if !self_closing => in_text = true,
                "rph" => phonetic = true,
                _ => {}
            },
            Token::Close { name } => match name.as_str() {
                n if n == item => items.extend(current.take()),
                "t" => in_text = false,
                "rph" => phonetic = false,
                _ => {}
            },
            Token::Text(text) if in_text && !phonetic => {
                if let Some(current) = current.as_mut() {
                    current.push_str(&decode_entities(text));
                }
            }
            Token::Text(_) => {}
        }
    }
    items
}

/// For each cell style (`cellXfs` index), whether its number format shows a percentage.
fn percent_styles(styles: &str) -> Vec<bool> {
    let mut custom: Vec<(String, bool)> = Vec::new();
    let mut in_cell_xfs = false;
    let mut percent = Vec::new();
    for token in Tokens::new(styles) {
        match token {
            Token::Open {
                name, attributes, ..
            } => match name.as_str() {
                "numfmt" => {
                    if let (Some(id), Some(code)) = (
                        attribute(attributes, "numFmtId"),
                        attribute(attributes, "formatCode"),
                    ) {
                        custom.push((id, code.contains('%')));
                    }
                }
                "cellxfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let id = attribute(attributes, "numFmtId").unwrap_or_default();
                    let builtin = matches!(id.as_str(), "9" | "10");
                    percent.push(
                        builtin
                            || custom
                                .iter()
                                .any(|(custom_id, is_percent)| *custom_id == id && *is_percent),
                    );
                }
                _ => {}
            },
            Token::Close { name } if name == "cellxfs" => in_cell_xfs = false,
            _ => {}
        }
    }
    percent
}

/// A number as Excel shows it: 15 significant digits, no float noise; a percentage ×100 with `%`.
fn excel_number(value: &str, percent: bool) -> String {
    let parsed = value
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(value).ok());
    let Some(number) = parsed else {
        return value.to_owned();
    };
    let number = if percent {
        number.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(number)
    } else {
        number
    };
    let integer_digits = number.abs().max(Decimal::ONE).trunc().to_string().len();
    let rounded = number.round_dp_with_strategy(
        u32::try_from(15_usize.saturating_sub(integer_digits)).unwrap_or(0),
        RoundingStrategy::MidpointAwayFromZero,
    );
    let text = rounded.normalize().to_string();
    if percent {
        format!("{text}%")
    } else {
        text
    }
}

/// "B12" → (row 11, column 1), zero-based.
fn position(reference: &str) -> Option<(usize, usize)> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let row: usize = reference.get(letters.len()..)?.parse().ok()?;
    let column = letters.chars().try_fold(0usize, |n, c| {
        let digit = usize::from(
            u8::try_from(c.to_ascii_uppercase())
                .ok()?
                .checked_sub(b'A')?,
        ) + 1;
        n.checked_mul(26)?.checked_add(digit)
    })?;
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

/// Excel's last column (XFD).
const MAX_COLUMNS: usize = 16_384;

/// Reads one sheet into positional rows, taking every row and column it lays out from
/// `positions`: a cell may name any row up to 1,048,576 and column up to XFD, and the rows
/// before it are laid out too. The sheet stops where the positions run out.
fn sheet_table(
    xml: &str,
    strings: &[String],
    percent: &[bool],
    positions: &mut Positions,
) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut merges = Vec::new();
    let mut cell: Option<(usize, usize, String, bool)> = None;
    let mut value = String::new();
    let mut in_value = false;
    let mut next_row = 0_usize;
    for token in Tokens::new(xml) {
        match token {
            Token::Open {
                name,
                attributes,
                self_closing,
            } => match name.as_str() {
                "row" => {
                    next_row = attribute(attributes, "r")
                        .and_then(|r| r.parse::<usize>().ok())
                        .map_or(next_row, |r| r.saturating_sub(1));
                }
                "c" => {
                    let (row, column) = attribute(attributes, "r")
                        .and_then(|r| position(&r))
                        .unwrap_or((next_row, 0));
                    let kind = attribute(attributes, "t").unwrap_or_default();
                    let style = attribute(attributes, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .unwrap_or(0);
                    let is_percent =
                        kind.is_empty() && percent.get(style).copied().unwrap_or(false);
                    value.clear();
                    cell = (!self_closing).then_some((row, column, kind, is_percent));
                }
                "v" | "t" if !self_closing => in_value = true,
                "mergeCell" if merges.len() < MAX_MERGES => {
                    if let Some(merge) = attribute(attributes, "ref").and_then(|r| merge(&r)) {
                        merges.push(merge);
                    }
                }
                _ => {}
            },
            Token::Close { name } => match name.as_str() {
                "v" | "t" => in_value = false,
                "c" => {
                    if let Some((row, column, kind, is_percent)) = cell.take() {
                        if column >= MAX_COLUMNS {
                            continue;
                        }
                        let new_rows = row.saturating_add(1).saturating_sub(rows.len());
                        let new_columns =
                            rows.get(row).map_or(column.saturating_add(1), |target| {
                                column.saturating_add(1).saturating_sub(target.len())
                            });
                        if !positions.take(new_rows.saturating_add(new_columns)) {
                            break;
                        }
                        let text = match kind.as_str() {
                            "s" => value
                                .trim()
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| strings.get(i))
                                .cloned()
                                .unwrap_or_default(),
                            "b" => (if value.trim() == "1" { "TRUE" } else { "FALSE" }).to_owned(),
                            "str" | "inlineStr" | "e" => value.clone(),
                            _ if value.is_empty() => String::new(),
                            _ => excel_number(value.trim(), is_percent),
                        };
                        if rows.len() <= row {
                            rows.resize_with(row.saturating_add(1), Vec::new);
                        }
                        if let Some(target) = rows.get_mut(row) {
                            if target.len() <= column {
                                target.resize(column.saturating_add(1), String::new());
                            }
                            if let Some(slot) = target.get_mut(column) {
                                *slot = text;
                            }
                        }
                    }
                }
                "row" => next_row = next_row.saturating_add(1),
                _ => {}
            },
            Token::Text(text) if in_value => value.push_str(&decode_entities(text)),
            Token::Text(_) => {}
        }
    }
    Table {
        rows,
        merges: Some(merges),
    }
}

/// More merged ranges than any form has are not kept (a hostile sheet could list millions).
const MAX_MERGES: usize = 100_000;

/// A merged range ("A1:C2") as a merge of its top-left cell.
fn merge(reference: &str) -> Option<Merge> {
    let (from, to) = reference.split_once(':')?;
    let ((top, left), (bottom, right)) = (position(from)?, position(to)?);
    Some(Merge {
        row: top,
        column: left,
        rows: bottom.checked_sub(top)?.checked_add(1)?,
        columns: right.checked_sub(left)?.checked_add(1)?,
    })
}

/// The sheets, in workbook order, as blocks: a sheet named like a form's title becomes a title
/// line before its table.
pub fn parse(book: &Workbook) -> Vec<Block> {
    let strings = book
        .shared_strings
        .map(|xml| texts_of(xml, "si"))
        .unwrap_or_default();
    let percent = book.styles.map(percent_styles).unwrap_or_default();
    let mut targets = Vec::new();
    for token in Tokens::new(book.relationships) {
        if let Token::Open {
            name, attributes, ..
        } = token
        {
            if name == "relationship" {
                if let (Some(id), Some(target)) =
                    (attribute(attributes, "Id"), attribute(attributes, "Target"))
                {
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.push((id, path));
                }
            }
        }
    }
    let mut blocks = Vec::new();
    let mut positions = Positions::default();
    for token in Tokens::new(book.workbook) {
        let Token::Open {
            name, attributes, ..
        } = token
        else {
            continue;
        };
        if name != "sheet" {
            continue;
        }
        let sheet_name = attribute(attributes, "name").unwrap_or_default();
        let id = attribute(attributes, "id").unwrap_or_default();
        let Some((_, path)) = targets.iter().find(|(rel, _)| *rel == id) else {
            continue;
        };
        let Some((_, xml)) = book
            .sheets
            .iter()
            .find(|(sheet_path, _)| sheet_path == path)
        else {
            continue;
        };
        if is_title(&sheet_name) {
            blocks.push(Block::Line(sheet_name));
        }
        let table = sheet_table(xml, &strings, &percent, &mut positions);
        if !table.is_blank() {
            blocks.push(Block::Table(table));
        }
    }
    blocks.extend(positions.left_out());
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_as_excel_shows_them() {
        assert_eq!(excel_number("290.32000000000005", false), "290.32");
        assert_eq!(excel_number("0.95", true), "95%");
        assert_eq!(excel_number("1", true), "100%");
        assert_eq!(excel_number("1E-3", false), "0.001");
        assert_eq!(excel_number("701.29", false), "701.29");
        assert_eq!(position("B12"), Some((11, 1)));
        assert_eq!(position("AA1"), Some((0, 26)));
        assert_eq!(position("1A"), None);
    }
}
