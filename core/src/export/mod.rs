//! Writing documents out: the official layout ([`layout`]) as TSV and CSV ([`delimited`]) and
//! as an Excel workbook ([`xlsx`]); the saved JSON is [`crate::json`].

pub mod delimited;
pub mod layout;
pub mod markup;
pub mod xlsx;

use crate::model::Document;
use crate::Evaluation;
use layout::{form_layout, Figures, Layout};

/// The number Excel and WPS give the row (or sheet) at `index` here: they count from 1.
fn row_number(index: usize) -> usize {
    index.saturating_add(1)
}

/// Every form of the document as typed, one after another.
pub fn document_as_typed(document: &Document) -> Layout {
    let mut all = Layout::default();
    for form in &document.forms {
        all.append(form_layout(form, Figures::AsTyped));
    }
    all
}

/// Each form with the results zipin computed (one evaluation per form).
pub fn forms_computed<'a, E: std::borrow::Borrow<Evaluation>>(
    document: &'a Document,
    evaluations: &'a [E],
) -> Vec<(&'a str, Layout)> {
    document
        .forms
        .iter()
        .zip(evaluations)
        .map(|(form, evaluation)| {
            (
                form.name.as_str(),
                form_layout(form, Figures::Computed(evaluation.borrow())),
            )
        })
        .collect()
}

/// Each form as a spreadsheet (subtotal rows, formulas), then a sheet of every finding:
/// what `下载 Excel` writes.
pub fn workbook_sheets<'a, E: std::borrow::Borrow<Evaluation>>(
    document: &'a Document,
    evaluations: &'a [E],
) -> Vec<(&'a str, Layout)> {
    let mut sheets: Vec<(&str, Layout)> = document
        .forms
        .iter()
        .zip(evaluations)
        .map(|(form, evaluation)| {
            (
                form.name.as_str(),
                form_layout(form, Figures::Spreadsheet(evaluation.borrow())),
            )
        })
        .collect();
    let rows = document
        .forms
        .iter()
        .zip(evaluations)
        .flat_map(|(form, evaluation)| {
            evaluation.borrow().findings.iter().map(move |finding| {
                vec![
                    form.name.trim().to_owned(),
                    crate::report::severity_name(finding.severity).to_owned(),
                    finding.code.title().to_owned(),
                    finding.message.clone(),
                    finding.code.key().to_owned(),
                ]
            })
        })
        .collect();
    sheets.push((
        "复核意见",
        Layout::table(
            vec![28, 8, 22, 80, 26],
            &["表名", "类别", "问题", "说明", "代码"],
            rows,
        ),
    ));
    sheets
}
