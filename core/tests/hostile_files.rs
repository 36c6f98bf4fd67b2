//! Hostile files (docs/HOSTILE.md): merged cells that would cover billions of positions, a
//! sheet cell at Excel's last row, a million shared strings, a million rows, tens of
//! thousands of worksheets, entry names that climb out of the folder, XML entities, and
//! saved documents nested past any depth. Each is read within its caps, and what was left
//! out is said.

mod support;

use support::office::{unzip, zip_of};
use zipin_core::import::forms::{Imported, Layouts};
use zipin_core::import::notices::Notice;
use zipin_core::import::{import, import_blocks, office};
use zipin_core::json::{LoadError, MAX_DOCUMENT_BYTES};

/// A small project form's header and one row, as sheet cells (inline strings).
const FORM: [[&str; 7]; 2] = [
    [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ],
    [
        "产出指标",
        "数量指标",
        "培训人次",
        "≥500人次",
        "520人次",
        "90",
        "90",
    ],
];

fn inline_row(row: usize, cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .enumerate()
        .map(|(c, text)| {
            let column = char::from(b'A' + u8::try_from(c).unwrap());
            format!(
                "<c r=\"{column}{}\" t=\"inlineStr\"><is><t>{text}</t></is></c>",
                row + 1
            )
        })
        .collect();
    format!("<row r=\"{}\">{cells}</row>", row + 1)
}

fn workbook(sheets: &[String], shared_strings: Option<String>) -> Vec<u8> {
    let listed: String = (1..=sheets.len())
        .map(|n| format!("<sheet name=\"表{n}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>"))
        .collect();
    let targets: String = (1..=sheets.len())
        .map(|n| format!("<Relationship Id=\"rId{n}\" Target=\"worksheets/sheet{n}.xml\"/>"))
        .collect();
    let mut files = vec![
        (
            "xl/workbook.xml".to_owned(),
            format!("<workbook><sheets>{listed}</sheets></workbook>"),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_owned(),
            format!("<Relationships>{targets}</Relationships>"),
        ),
    ];
    files.extend(shared_strings.map(|xml| ("xl/sharedStrings.xml".to_owned(), xml)));
    for (n, sheet) in sheets.iter().enumerate() {
        files.push((format!("xl/worksheets/sheet{}.xml", n + 1), sheet.clone()));
    }
    // Stored, not deflated: the readers see the same entries, and the tests of a million rows
    // do not spend their time compressing.
    let named: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(name, xml)| (name.as_str(), xml.clone().into_bytes()))
        .collect();
    zipin_core::zip::write_stored(&named)
}

fn sheet(rows: &str) -> String {
    format!("<worksheet><sheetData>{rows}</sheetData></worksheet>")
}

fn read_office(bytes: &[u8]) -> Result<Imported, String> {
    let blocks = office::blocks(&unzip(bytes)?).map_err(|error| error.to_string())?;
    Ok(import_blocks(blocks, &Layouts::new(), false))
}

fn said(imported: &Imported, words: &str) -> bool {
    imported.notices.iter().any(|notice| match notice {
        Notice::Skipped(skip) => skip.to_string().contains(words),
        Notice::NoForm(why) => why.to_string().contains(words),
        Notice::NeedsMapping { .. } => false,
    })
}

fn the_form_is_read(imported: &Imported) {
    assert_eq!(imported.forms.len(), 1, "{:?}", imported.notices);
    assert_eq!(imported.forms[0].row_count(), 1);
}

#[test]
fn merged_cells_covering_billions_of_positions_are_cut_at_the_cap_and_said() {
    // 600 bytes once asked for a billion positions (24 GB).
    let bomb =
        "<table><tr><td rowspan=\"65534\" colspan=\"1000\">x</td></tr></table>".repeat(3_000);
    let table: String = FORM
        .iter()
        .map(|row| {
            format!(
                "<tr>{}</tr>",
                row.iter()
                    .map(|c| format!("<td>{c}</td>"))
                    .collect::<String>()
            )
        })
        .collect();
    // The real form first: it is read, then the bomb's tables until the positions run out.
    let html = format!("<table>{table}</table>{bomb}");
    let imported = import("", Some(&html), &Layouts::new());
    the_form_is_read(&imported);
    assert!(said(&imported, "表格过大"), "{:?}", imported.notices);
}

#[test]
fn a_rowspan_ends_with_its_table_as_in_a_browser() {
    let html = "<table><tr><td rowspan=\"60000\">a</td><td>b</td></tr><tr><td>c</td></tr></table>";
    let blocks = zipin_core::import::html::parse(html);
    let zipin_core::import::grid::Block::Table(table) = &blocks[0] else {
        panic!("{blocks:?}");
    };
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1], vec!["".to_owned(), "c".to_owned()]);
}

#[test]
fn word_merges_past_the_cap_are_cut_and_said() {
    let cell = "<w:tc><w:tcPr><w:gridSpan w:val=\"1000\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>";
    let row = format!("<w:tr>{}</w:tr>", cell.repeat(10));
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(300));
    let document = format!("<w:document><w:body>{body}</w:body></w:document>");
    let bytes = zip_of(&[("word/document.xml", document)]);
    let imported = read_office(&bytes).unwrap();
    assert!(said(&imported, "表格过大"), "{:?}", imported.notices);
}

#[test]
fn cells_at_excels_last_row_and_column_are_laid_out_only_within_the_cap() {
    let rows: String = FORM
        .iter()
        .enumerate()
        .map(|(r, row)| inline_row(r, row))
        .collect();
    let far = "<row r=\"1048576\"><c r=\"XFC1048576\"><v>1</v></c></row>";
    // Each far cell lays out a million rows: the first sheet's fits, the second's does not.
    let bytes = workbook(&[sheet(&format!("{rows}{far}")), sheet(far)], None);
    let imported = read_office(&bytes).unwrap();
    the_form_is_read(&imported);
    assert!(said(&imported, "表格过大"), "{:?}", imported.notices);
}

#[test]
fn a_million_shared_strings_are_read_and_the_form_found() {
    let mut strings = String::from("<sst>");
    for n in 0..1_000_000 {
        strings.push_str(&format!("<si><t>s{n}</t></si>"));
    }
    for text in FORM.iter().flatten() {
        strings.push_str(&format!("<si><t>{text}</t></si>"));
    }
    strings.push_str("</sst>");
    let rows: String = FORM
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let cells: String = (0..row.len())
                .map(|c| {
                    let column = char::from(b'A' + u8::try_from(c).unwrap());
                    format!(
                        "<c r=\"{column}{}\" t=\"s\"><v>{}</v></c>",
                        r + 1,
                        1_000_000 + r * 7 + c
                    )
                })
                .collect();
            format!("<row r=\"{}\">{cells}</row>", r + 1)
        })
        .collect();
    let imported = read_office(&workbook(&[sheet(&rows)], Some(strings))).unwrap();
    the_form_is_read(&imported);
}

#[test]
fn a_sheet_of_a_million_rows_is_cut_at_the_cap_and_says_so() {
    let mut rows: String = FORM
        .iter()
        .enumerate()
        .map(|(r, row)| inline_row(r, row))
        .collect();
    for _ in 0..1_000_000 {
        rows.push_str("<row><c t=\"inlineStr\"><is><t>产出指标</t></is></c><c><v>1</v></c><c><v>1</v></c></row>");
    }
    let imported = read_office(&workbook(&[sheet(&rows)], None)).unwrap();
    let form = imported.forms.first().expect("the form before the rows");
    assert_eq!(form.rows().next().unwrap().row.name, "培训人次");
    let rows: usize = imported.forms.iter().map(|form| form.row_count()).sum();
    assert!(rows <= zipin_core::import::forms::MAX_ROWS, "{rows}");
    assert!(said(&imported, "表格过大"), "{:?}", imported.notices);
}

#[test]
fn more_worksheets_than_a_workbook_may_have_are_refused_with_the_count() {
    let tiny = sheet(&inline_row(0, &["x"]));
    let sheets = vec![tiny; office::MAX_SHEETS + 1];
    let refused = read_office(&workbook(&sheets, None)).unwrap_err();
    assert!(
        refused.contains(&format!("{} 张工作表", office::MAX_SHEETS + 1)),
        "{refused}"
    );
}

#[test]
fn entry_names_that_climb_out_of_the_folder_are_never_read() {
    let rows: String = FORM
        .iter()
        .enumerate()
        .map(|(r, row)| inline_row(r, row))
        .collect();
    let stray =
        "<w:document><w:body><w:p><w:r><w:t>不应读到</w:t></w:r></w:p></w:body></w:document>"
            .to_owned();
    let mut bytes_of = workbook(&[sheet(&rows)], None);
    // The workbook again, with Word bodies under climbing and absolute names beside it.
    for name in [
        "../word/document.xml",
        "/word/document.xml",
        "word/../../word/document.xml",
    ] {
        assert!(!office::needed(name), "{name}");
    }
    let all = zipin_core::zip::entries(&bytes_of).unwrap();
    assert!(office::select(&all)
        .unwrap()
        .iter()
        .all(|entry| !entry.name.contains("..")));
    bytes_of = zip_of(&[
        ("../word/document.xml", stray.clone()),
        ("/word/document.xml", stray),
        ("xl/workbook.xml", "<workbook><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_owned()),
        ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_owned()),
        ("xl/worksheets/sheet1.xml", sheet(&rows)),
    ]);
    let imported = read_office(&bytes_of).unwrap();
    the_form_is_read(&imported);
}

#[test]
fn xml_entities_are_never_expanded() {
    let levels: String = (1..10)
        .map(|n| format!("<!ENTITY e{n} \"{}\">", format!("&e{};", n - 1).repeat(10)))
        .collect();
    let doctype = format!("<!DOCTYPE x [<!ENTITY e0 \"lol\">{levels}]>");
    let rows: String = FORM
        .iter()
        .enumerate()
        .map(|(r, row)| inline_row(r, row))
        .collect();
    let bomb = format!(
        "<?xml version=\"1.0\"?>{doctype}{}",
        sheet(&format!(
            "{rows}<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>&e9;</t></is></c></row>"
        ))
    );
    let imported = read_office(&workbook(&[bomb], None)).unwrap();
    the_form_is_read(&imported);
    let text = serde_json::to_string(&imported.forms).unwrap();
    assert!(!text.contains("lollol"));
}

#[test]
fn a_saved_document_nested_past_any_depth_is_refused_with_a_message() {
    for nested in [
        format!(
            "{{\"version\":1,\"forms\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
        format!(
            "{{\"version\":1,\"x\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    ] {
        let refused = zipin_core::json::from_json(&nested).unwrap_err();
        assert!(refused.to_string().contains("无法打开"), "{refused}");
    }
}

#[test]
fn a_saved_document_past_the_size_limit_is_refused_before_it_is_read() {
    let padded = format!(
        "{{\"version\":1,\"pad\":\"{}\"}}",
        " ".repeat(MAX_DOCUMENT_BYTES)
    );
    let refused = zipin_core::json::from_json(&padded).unwrap_err();
    assert_eq!(refused, LoadError::TooLarge(padded.len()));
    assert!(
        refused.to_string().contains("超过文档的上限 16 MB"),
        "{refused}"
    );
}
