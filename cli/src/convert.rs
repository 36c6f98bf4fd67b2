//! `zipin convert`: a file as the page exports it — 保存文档 (JSON), 复制为表格 (TSV),
//! 下载 CSV, 下载 Excel — byte for byte, from the same engine calls.

use zipin_core::export::{delimited, document_as_typed, workbook_sheets, xlsx};
use zipin_core::json::to_json;
use zipin_core::Evaluation;

use crate::args::{ConvertArgs, Target};
use crate::output;
use crate::reading::document;
use crate::status::Status;

/// Runs `zipin convert`.
pub fn run(args: &ConvertArgs) -> Status {
    let name = args.file.to_string_lossy().into_owned();
    let document = match document(&args.file, &name) {
        Ok(document) => document,
        Err(why) => {
            eprintln!("zipin: {why}");
            return Status::Unreadable;
        }
    };
    let (bytes, binary) = match args.to {
        Target::Json => (to_json(&document).into_bytes(), false),
        Target::Tsv => (
            delimited::tsv(&document_as_typed(&document)).into_bytes(),
            false,
        ),
        Target::Csv => (delimited::csv(&document_as_typed(&document)), false),
        Target::Xlsx => {
            let evaluations: Vec<Evaluation> = document
                .forms
                .iter()
                .map(|form| zipin_core::evaluate(form, &document.profile))
                .collect();
            (
                xlsx::workbook(&workbook_sheets(&document, &evaluations)),
                true,
            )
        }
    };
    match output::write(args.out.as_deref(), &bytes, binary) {
        Ok(()) => Status::Clean,
        Err(why) => {
            eprintln!("zipin: {why}");
            Status::Unreadable
        }
    }
}
