//! Office files made in the tests by independent writers (the `zip` crate with deflate,
//! rust_xlsxwriter), and the host side of reading them: unzip with zipin-core, inflate as the
//! page does (a gzip stream around each deflated entry).
#![allow(dead_code)]

use std::io::{Read, Write};

use zipin_core::export::layout::Layout;
use zipin_core::import::office;
use zipin_core::zip::{entries, gzip_wrap};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A Word table of a layout: horizontal merges as `w:gridSpan`, vertical ones as `w:vMerge`.
fn word_table(layout: &Layout) -> String {
    let mut xml = String::from("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>");
    for (r, row) in layout.rows.iter().enumerate() {
        xml.push_str("<w:tr>");
        let mut c = 0;
        while c < row.len() {
            let merge = layout.merges.iter().find(|m| {
                (m.first_row..=m.last_row).contains(&r)
                    && (m.first_column..=m.last_column).contains(&c)
            });
            let (span, vmerge, first_row) = match merge {
                Some(m) if m.first_column == c => (
                    m.last_column - m.first_column + 1,
                    (m.last_row > m.first_row).then_some(if m.first_row == r {
                        "<w:vMerge w:val=\"restart\"/>"
                    } else {
                        "<w:vMerge/>"
                    }),
                    m.first_row == r,
                ),
                Some(_) => {
                    c += 1;
                    continue;
                }
                None => (1, None, true),
            };
            xml.push_str("<w:tc><w:tcPr>");
            if span > 1 {
                xml.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            xml.push_str(vmerge.unwrap_or(""));
            xml.push_str("</w:tcPr>");
            let text = if first_row { row[c].text.as_str() } else { "" };
            for line in text.split('\n') {
                xml.push_str(&format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    escape(line)
                ));
            }
            xml.push_str("</w:tc>");
            c += span;
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

/// A .docx whose body is, for each (title line, layout): the line as a paragraph, then the
/// layout as a table — as a Word report lays out its 附件.
pub fn docx(parts: &[(&str, Layout)]) -> Vec<u8> {
    report_docx(&[], parts)
}

/// A whole report as a .docx: its narrative's paragraphs, then its forms as [`docx`] lays
/// them out.
pub fn report_docx(narrative: &[&str], parts: &[(&str, Layout)]) -> Vec<u8> {
    let mut body = String::new();
    for paragraph in narrative {
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(paragraph)
        ));
    }
    for (title, layout) in parts {
        body.push_str(&format!(
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
            escape(title)
        ));
        body.push_str(&word_table(layout));
        body.push_str("<w:p/>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_owned()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned()),
        ("word/document.xml", document),
    ])
}

/// A ZIP of deflated entries (name, content), in order, as Office writes them.
pub fn zip_of(files: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in files {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// An .xlsx of layouts, one sheet each (name, layout), written by rust_xlsxwriter.
pub fn xlsx(sheets: &[(&str, Layout)]) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let percent = Format::new().set_num_format("0.00%");
    for (name, layout) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in layout.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if layout.is_covered(r, c) || cell.text.is_empty() {
                    continue;
                }
                let (r, c) = (r as u32, c as u16);
                if let Some(rate) = cell
                    .text
                    .strip_suffix('%')
                    .and_then(|t| t.parse::<f64>().ok())
                {
                    sheet
                        .write_number_with_format(r, c, rate / 100.0, &percent)
                        .unwrap();
                } else if let Ok(number) = cell.text.parse::<f64>() {
                    sheet.write_number(r, c, number).unwrap();
                } else {
                    sheet.write_string(r, c, &cell.text).unwrap();
                }
            }
        }
        for m in &layout.merges {
            let first = &layout.rows[m.first_row][m.first_column].text;
            sheet
                .merge_range(
                    m.first_row as u32,
                    m.first_column as u16,
                    m.last_row as u32,
                    m.last_column as u16,
                    first,
                    &Format::new(),
                )
                .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// The entries the readers need, unzipped as the page does it: stored entries as they are,
/// deflated ones through a gzip decoder (the browser's DecompressionStream('gzip')).
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    let all = entries(bytes).map_err(|error| error.to_string())?;
    Ok(office::select(&all)
        .map_err(|error| error.to_string())?
        .into_iter()
        .map(|entry| {
            let data = match entry.method {
                0 => entry.data.to_vec(),
                8 => {
                    let mut out = Vec::new();
                    flate2::read::GzDecoder::new(&gzip_wrap(entry)[..])
                        .read_to_end(&mut out)
                        .unwrap();
                    out
                }
                other => panic!("method {other}"),
            };
            (entry.name.clone(), String::from_utf8(data).unwrap())
        })
        .collect())
}
