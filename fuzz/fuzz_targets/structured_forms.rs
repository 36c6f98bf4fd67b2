//! Structure-aware: tables built from the cells of real forms (every template and variant
//! under core/tests/fixtures), with merged cells, carried four ways (clipboard HTML, TSV, an
//! .xlsx and a .docx packed in a ZIP), then imported, scored and checked. Byte-level targets
//! seldom build a header a reader accepts; these inputs start as forms and go wrong from there.
#![no_main]

use std::fmt::Write as _;
use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use zipin_core::import::{forms::Layouts, import, import_blocks, office};
use zipin_core::profile::Profile;
use zipin_core::zip::{entries, write_stored};

/// One cell: a real form's cell, a number, or anything.
#[derive(Arbitrary, Debug)]
enum Cell {
    Real(u16),
    Number(i64, u8),
    Percent(u16),
    Text(String),
    Empty,
}

/// A cell spanning rows and columns.
#[derive(Arbitrary, Debug)]
struct Span {
    row: u8,
    column: u8,
    rows: u8,
    columns: u8,
}

#[derive(Arbitrary, Debug)]
enum Carrier {
    Html,
    Tsv,
    Xlsx,
    Docx,
}

#[derive(Arbitrary, Debug)]
struct Table {
    title: Cell,
    rows: Vec<Vec<Cell>>,
    spans: Vec<Span>,
    carrier: Carrier,
}

/// The distinct cells of every fixture form, read once.
fn vocabulary() -> &'static [String] {
    static CELLS: OnceLock<Vec<String>> = OnceLock::new();
    CELLS.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures");
        let mut cells = std::collections::BTreeSet::new();
        for group in ["templates", "variants"] {
            let Ok(dirs) = std::fs::read_dir(format!("{root}/{group}")) else {
                continue;
            };
            for dir in dirs.flatten() {
                let text = std::fs::read_to_string(dir.path().join("form.tsv")).unwrap_or_default();
                for cell in text.lines().flat_map(|line| line.split('\t')) {
                    cells.insert(cell.trim().to_owned());
                }
            }
        }
        cells.into_iter().collect()
    })
}

impl Cell {
    fn text(&self) -> String {
        let words = vocabulary();
        match self {
            Cell::Real(n) if !words.is_empty() => words[usize::from(*n) % words.len()].clone(),
            Cell::Number(mantissa, scale) => rust_decimal::Decimal::try_from_i128_with_scale(
                i128::from(*mantissa),
                u32::from(*scale % 29),
            )
            .map(|d| d.to_string())
            .unwrap_or_default(),
            Cell::Percent(n) => format!("{}%", f64::from(*n) / 100.0),
            Cell::Text(text) => text.clone(),
            _ => String::new(),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn span_at(table: &Table, row: usize, column: usize) -> Option<(usize, usize)> {
    table
        .spans
        .iter()
        .find(|span| usize::from(span.row) == row && usize::from(span.column) == column)
        .map(|span| {
            (
                usize::from(span.rows % 6).max(1),
                usize::from(span.columns % 9).max(1),
            )
        })
}

fn html(table: &Table) -> String {
    let mut out = format!("<p>{}</p><table>", escape(&table.title.text()));
    for (r, row) in table.rows.iter().enumerate() {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let (rows, columns) = span_at(table, r, c).unwrap_or((1, 1));
            let _ = write!(
                out,
                "<td rowspan=\"{rows}\" colspan=\"{columns}\">{}</td>",
                escape(&cell.text())
            );
        }
        out.push_str("</tr>");
    }
    out + "</table>"
}

fn tsv(table: &Table) -> String {
    let mut out = table.title.text() + "\n";
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(Cell::text).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// "A1"-style reference.
fn reference(row: usize, column: usize) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        letters.insert(
            0,
            char::from(b'A' + u8::try_from((n - 1) % 26).unwrap_or(0)),
        );
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

fn xlsx(table: &Table) -> Vec<u8> {
    let mut sheet = String::from("<worksheet><sheetData>");
    let mut merges = String::new();
    let title = std::iter::once(vec![&table.title]);
    for (r, row) in title
        .chain(table.rows.iter().map(|row| row.iter().collect()))
        .enumerate()
    {
        let _ = write!(sheet, "<row r=\"{}\">", r + 1);
        for (c, cell) in row.iter().enumerate() {
            let _ = write!(
                sheet,
                "<c r=\"{}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                reference(r, c),
                escape(&cell.text())
            );
            if let Some((rows, columns)) = r.checked_sub(1).and_then(|data| span_at(table, data, c))
            {
                let _ = write!(
                    merges,
                    "<mergeCell ref=\"{}:{}\"/>",
                    reference(r, c),
                    reference(r + rows - 1, c + columns - 1)
                );
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData>");
    if !merges.is_empty() {
        let _ = write!(sheet, "<mergeCells>{merges}</mergeCells>");
    }
    sheet.push_str("</worksheet>");
    write_stored(&[
        ("xl/workbook.xml", b"<workbook><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_vec()),
        ("xl/_rels/workbook.xml.rels", b"<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_vec()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ])
}

fn docx(table: &Table) -> Vec<u8> {
    let mut body = format!(
        "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p><w:tbl>",
        escape(&table.title.text())
    );
    for (r, row) in table.rows.iter().enumerate() {
        body.push_str("<w:tr>");
        for (c, cell) in row.iter().enumerate() {
            let properties = match span_at(table, r, c) {
                Some((rows, columns)) => format!(
                    "<w:tcPr><w:gridSpan w:val=\"{columns}\"/>{}</w:tcPr>",
                    if rows > 1 {
                        "<w:vMerge w:val=\"restart\"/>"
                    } else {
                        "<w:vMerge/>"
                    }
                ),
                None => String::new(),
            };
            let _ = write!(
                body,
                "<w:tc>{properties}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                escape(&cell.text())
            );
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl></w:body></w:document>");
    write_stored(&[("word/document.xml", body.into_bytes())])
}

/// Reads a packed Office file the way the page does, the stored entries standing in for the
/// browser's inflating.
fn office_blocks(bytes: &[u8]) -> Vec<zipin_core::import::grid::Block> {
    let Ok(all) = entries(bytes) else {
        return Vec::new();
    };
    let Ok(chosen) = office::select(&all) else {
        return Vec::new();
    };
    let parts: Vec<(String, String)> = chosen
        .into_iter()
        .map(|entry| {
            (
                entry.name.clone(),
                String::from_utf8_lossy(entry.data).into_owned(),
            )
        })
        .collect();
    office::blocks(&parts).unwrap_or_default()
}

fuzz_target!(|table: Table| {
    let layouts = Layouts::new();
    let imported = match table.carrier {
        Carrier::Html => import("", Some(&html(&table)), &layouts),
        Carrier::Tsv => import(&tsv(&table), None, &layouts),
        Carrier::Xlsx => import_blocks(office_blocks(&xlsx(&table)), &layouts, false),
        Carrier::Docx => import_blocks(office_blocks(&docx(&table)), &layouts, false),
    };
    for form in &imported.forms {
        let _ = zipin_core::evaluate(form, &Profile::default());
    }
});
