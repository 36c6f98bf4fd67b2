//! An Excel workbook of the forms, one sheet each, laid out like the official form: merged
//! cells, column widths, number formats (0.00, 0.00%), borders, the total and the grade.
//! Written by hand into a stored ZIP: a spreadsheet-writer crate would add a deflate
//! implementation and far more than the page needs (see README, Files).

use crate::export::layout::{Layout, Style};
use crate::number::{read_number, read_rate, NumberCell};
use crate::zip::write_stored;

use super::markup::escaped;
use super::row_number;

/// Column widths, in characters, of the layout's nine columns.
const WIDTHS: [u32; 9] = [6, 11, 13, 26, 15, 15, 8, 9, 24];

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// "A", "B" … "I" for columns 0…8 (the layout is nine wide).
fn column_name(column: usize) -> char {
    char::from(b'A'.saturating_add(u8::try_from(column % 26).unwrap_or(0)))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(name: &str, index: usize, taken: &[String]) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    let base = if cleaned.is_empty() {
        format!("表{}", row_number(index))
    } else {
        cleaned
    };
    let mut candidate = base.clone();
    let mut n = 2_usize;
    while taken.contains(&candidate) {
        candidate = format!("{base}({n})");
        n = n.saturating_add(1);
    }
    candidate
}

/// The style index (see [`STYLES`]) and the XML of one cell; a formula keeps its value
/// cached, so the sheet shows it before Excel or WPS recalculates.
fn cell_xml(reference: &str, text: &str, style: Style, formula: Option<&str>) -> String {
    if let Some(formula) = formula {
        let value = read_number(text).value().map(|v| v.normalize().to_string());
        return format!(
            "<c r=\"{reference}\" s=\"2\"><f>{}</f>{}</c>",
            escaped(formula),
            value.map_or_else(String::new, |v| format!("<v>{v}</v>"))
        );
    }
    let (number, style_index) = match style {
        Style::Title => (None, 5),
        Style::Header | Style::Label => (None, 4),
        Style::Text => (None, 1),
        Style::Number => match read_number(text) {
            NumberCell::Number(value) => (Some(value.normalize().to_string()), 2),
            _ => (None, 1),
        },
        Style::Percent => match read_rate(text).0 {
            NumberCell::Number(value) => (Some(value.normalize().to_string()), 3),
            _ => (None, 1),
        },
    };
    match number {
        Some(value) => format!("<c r=\"{reference}\" s=\"{style_index}\"><v>{value}</v></c>"),
        None if text.is_empty() => format!("<c r=\"{reference}\" s=\"{style_index}\"/>"),
        None => format!("<c r=\"{reference}\" s=\"{style_index}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", escaped(text)),
    }
}

fn sheet_xml(layout: &Layout) -> String {
    let mut xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{RELATIONSHIPS}\"><cols>");
    let widths = if layout.widths.is_empty() {
        &WIDTHS[..]
    } else {
        &layout.widths[..]
    };
    for (n, width) in (1_usize..).zip(widths) {
        xml.push_str(&format!(
            "<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>"
        ));
    }
    xml.push_str("</cols><sheetData>");
    for (r, row) in layout.rows.iter().enumerate() {
        let number = row_number(r);
        xml.push_str(&format!("<row r=\"{number}\">"));
        let blank = row.iter().all(|cell| cell.text.is_empty())
            && !layout
                .merges
                .iter()
                .any(|m| (m.first_row..=m.last_row).contains(&r));
        if !blank {
            for (c, cell) in row.iter().enumerate() {
                let reference = format!("{}{number}", column_name(c));
                let style = if layout.is_covered(r, c) {
                    covered_style(layout, r, c)
                } else {
                    cell.style
                };
                xml.push_str(&cell_xml(
                    &reference,
                    &cell.text,
                    style,
                    cell.formula.as_deref(),
                ));
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if !layout.merges.is_empty() {
        xml.push_str(&format!("<mergeCells count=\"{}\">", layout.merges.len()));
        for m in &layout.merges {
            xml.push_str(&format!(
                "<mergeCell ref=\"{}{}:{}{}\"/>",
                column_name(m.first_column),
                row_number(m.first_row),
                column_name(m.last_column),
                row_number(m.last_row)
            ));
        }
        xml.push_str("</mergeCells>");
    }
    xml.push_str("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>");
    xml.push_str(
        "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToHeight=\"0\"/></worksheet>",
    );
    xml
}

/// A covered cell takes its merge's style, so borders run around the whole range.
fn covered_style(layout: &Layout, row: usize, column: usize) -> Style {
    layout
        .merges
        .iter()
        .find(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_column..=m.last_column).contains(&column)
        })
        .and_then(|m| {
            layout
                .rows
                .get(m.first_row)
                .and_then(|r| r.get(m.first_column))
        })
        .map_or(Style::Text, |cell| {
            if cell.style == Style::Title {
                Style::Title
            } else {
                Style::Text
            }
        })
}

/// Cell formats: 0 default, 1 text, 2 number 0.00, 3 percent 0.00%, 4 header, 5 title.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/><numFmt numFmtId=\"165\" formatCode=\"0.00%\"/></numFmts>\
<fonts count=\"3\"><font><sz val=\"10.5\"/><name val=\"宋体\"/></font><font><b/><sz val=\"10.5\"/><name val=\"宋体\"/></font><font><b/><sz val=\"16\"/><name val=\"宋体\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"6\">\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\"/></xf>\
<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\"/></xf>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>\
</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

/// The workbook: one sheet per (name, layout).
pub fn workbook(sheets: &[(&str, Layout)]) -> Vec<u8> {
    let mut names: Vec<String> = Vec::with_capacity(sheets.len());
    for (index, (name, _)) in sheets.iter().enumerate() {
        let unique = sheet_name(name, index, &names);
        names.push(unique);
    }
    let mut types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    let mut book = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{MAIN}\" xmlns:r=\"{RELATIONSHIPS}\"><sheets>");
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, ((_, layout), name)) in sheets.iter().zip(&names).enumerate() {
        let n = row_number(index);
        types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escaped(name)
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{n}\" Type=\"{RELATIONSHIPS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        ));
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet_xml(layout).into_bytes(),
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{RELATIONSHIPS}/styles\" Target=\"styles.xml\"/></Relationships>",
        sheets.len().saturating_add(1)
    ));
    let package_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{RELATIONSHIPS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let mut all: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", package_rels.into_bytes()),
        ("xl/workbook.xml", book.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/styles.xml", STYLES.as_bytes().to_vec()),
    ];
    all.extend(
        files
            .iter()
            .map(|(name, data)| (name.as_str(), data.clone())),
    );
    write_stored(&all)
}
