//! Every number a user can type, up to the ends of what a decimal holds, goes through reading,
//! scoring, the checks, the report and every export without a panic.

mod support;

use proptest::prelude::*;
use support::*;
use zipin_core::evaluate;
use zipin_core::export::{delimited, document_as_typed, workbook_sheets, xlsx};
use zipin_core::model::{FormKind, RowField};
use zipin_core::report::review_report;

/// Numbers at the edges: the largest and smallest decimals, 28 places, and their neighbours.
fn extreme() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("79228162514264337593543950335".to_owned()),
        Just("-79228162514264337593543950335".to_owned()),
        Just("0.0000000000000000000000000001".to_owned()),
        Just("-0.0000000000000000000000000001".to_owned()),
        Just("7922816251426433759354395033.5".to_owned()),
        Just("99999999999999999999999999999999".to_owned()),
        Just("1e28".to_owned()),
        Just("≥79228162514264337593543950335%".to_owned()),
        Just("≤-79228162514264337593543950335万元".to_owned()),
        Just("0".to_owned()),
        Just("-0".to_owned()),
        "-?[0-9]{1,29}(\\.[0-9]{1,28})?",
        "[≥≤=]?-?[0-9]{20,29}(%|万元|元|人)?",
    ]
}

fn evaluate_everything(cells: &[String]) {
    let mut form = hetang_department();
    let text = |i: usize| cells.get(i % cells.len()).cloned().unwrap_or_default();
    form.funds.total.initial = text(0);
    form.funds.total.full_year = text(1);
    form.funds.total.executed = text(2);
    form.funds.weight = text(3);
    form.funds.total.claimed_rate = text(4);
    form.funds.total.claimed_score = text(5);
    form.funds.sub_rows[0].full_year = text(6);
    form.sections[0].declared_weight = text(7);
    form.claim.total = text(8);
    let mut i = 9;
    for section in &mut form.sections {
        for row in &mut section.rows {
            let row = std::rc::Rc::make_mut(row);
            for field in [
                RowField::Target,
                RowField::Actual,
                RowField::Weight,
                RowField::Score,
            ] {
                row.set_field(field, text(i));
                i += 1;
            }
            row.coefficient = text(i);
            row.share = text(i + 1);
            row.converted = text(i + 2);
        }
    }
    form.kind = FormKind::Project;
    let document = document(Default::default(), vec![form]);
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|form| evaluate(form, &document.profile))
        .collect();
    let report = review_report(&document, &evaluations);
    let _ = report.to_text();
    let _ = delimited::tsv(&document_as_typed(&document));
    let _ = xlsx::workbook(&workbook_sheets(&document, &evaluations));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_number_anywhere_never_panics(cells in proptest::collection::vec(extreme(), 1..40)) {
        evaluate_everything(&cells);
    }
}

#[test]
fn the_reported_cell_does_not_panic() {
    evaluate_everything(&["-79228162514264337593543950335".to_owned()]);
    evaluate_everything(&[
        "79228162514264337593543950335".to_owned(),
        "0.0000000000000000000000000001".to_owned(),
    ]);
}
