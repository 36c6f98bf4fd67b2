//! The XML inside .docx and .xlsx files: the Word body, and a workbook's parts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zipin_core::import::office::blocks;

fuzz_target!(|parts: (&str, &str, &str)| {
    let (first, second, third) = parts;
    let _ = blocks(&[("word/document.xml".to_owned(), first.to_owned())]);
    let _ = blocks(&[
        ("xl/workbook.xml".to_owned(), first.to_owned()),
        ("xl/_rels/workbook.xml.rels".to_owned(), "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_owned()),
        ("xl/sharedStrings.xml".to_owned(), second.to_owned()),
        ("xl/styles.xml".to_owned(), third.to_owned()),
        ("xl/worksheets/sheet1.xml".to_owned(), third.to_owned()),
    ]);
});
