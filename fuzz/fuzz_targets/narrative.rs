//! The report's words: any text as the narrative of the sample report's document (its three
//! forms), read for figures, bound to subjects, checked against the forms, each finding
//! written as the memo quotes it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zipin_core::edit::fresh_document;
use zipin_core::import::{forms::Layouts, import};
use zipin_core::model::Document;
use zipin_core::narrative::check_narrative;
use zipin_core::Evaluation;

/// The sample's forms and their evaluations.
fn sample() -> (Document, Vec<Evaluation>) {
    let imported = import(
        include_str!("../../core/tests/fixtures/hetang-2022-report.txt"),
        None,
        &Layouts::new(),
    );
    let document = fresh_document(imported.forms, Vec::new());
    let evaluations = document
        .forms
        .iter()
        .map(|form| zipin_core::evaluate(form, &document.profile))
        .collect();
    (document, evaluations)
}

thread_local! {
    /// Read once: libFuzzer runs the target on one thread.
    static SAMPLE: (Document, Vec<Evaluation>) = sample();
}

fuzz_target!(|text: &str| {
    SAMPLE.with(|(document, evaluations)| {
        let mut document = document.clone();
        document.narrative = text.split('\n').map(str::to_owned).collect();
        for finding in check_narrative(&document, evaluations) {
            let _ = finding.as_finding(&document);
        }
    });
});
