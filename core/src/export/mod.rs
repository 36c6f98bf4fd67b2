//! Writing documents out: the official layout ([`layout`]) as TSV and CSV ([`delimited`]) and
//! as an Excel workbook ([`xlsx`]); the saved JSON is [`crate::json`].

pub mod delimited;
pub mod layout;
pub mod xlsx;

use crate::model::Document;
use crate::Evaluation;
use layout::{form_layout, Figures, Layout};

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
