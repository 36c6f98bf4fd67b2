//! Document edits: each touches only what it names, keeps ids unique, and reports a no-op.

mod support;

use std::rc::Rc;

use support::*;
use zipin_core::edit::{apply, blank_form, Edit};
use zipin_core::model::{FormKind, RowField};
use zipin_core::profile::Profile;

#[test]
fn setting_a_cell_changes_only_its_row() {
    let mut document = hetang_document();
    let before = document.clone();
    let form = document.forms[0].id;
    let row = document.forms[0].sections[0].rows[7].id;
    assert!(apply(&mut document, Edit::SetRow { form, row, field: RowField::Score, text: "1.8".into() }));
    assert_eq!(document.forms[0].sections[0].rows[7].score, "1.8");
    // Every other row and form is still the very same allocation.
    assert!(Rc::ptr_eq(&document.forms[1], &before.forms[1]));
    assert!(Rc::ptr_eq(&document.forms[0].sections[0].rows[6], &before.forms[0].sections[0].rows[6]));
    // Setting the same text again changes nothing.
    assert!(!apply(&mut document, Edit::SetRow { form, row, field: RowField::Score, text: "1.8".into() }));
}

#[test]
fn rows_are_added_after_a_row_with_its_second_level_and_a_fresh_id() {
    let mut document = hetang_document();
    let form = document.forms[0].id;
    let section = document.forms[0].sections[0].id;
    let after = document.forms[0].sections[0].rows[5].id;
    assert!(apply(&mut document, Edit::AddRow { form, section, after: Some(after) }));
    let rows = &document.forms[0].sections[0].rows;
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[6].level2, "质量指标");
    assert_eq!(rows[6].name, "");
    let ids: std::collections::HashSet<_> = document.forms.iter().flat_map(|f| f.rows().map(|c| c.row.id)).collect();
    assert_eq!(ids.len(), 14 + 9 + 9 + 1);
    let removed = rows[6].id;
    assert!(apply(&mut document, Edit::RemoveRow { form, row: removed }));
    assert_eq!(document.forms[0].sections[0].rows.len(), 8);
}

#[test]
fn a_pasted_block_fills_from_the_cell_and_adds_rows() {
    let mut document = document(Profile::default(), vec![blank_form(FormKind::Project, &Profile::default())]);
    let form = document.forms[0].id;
    let row = document.forms[0].sections[0].rows[0].id;
    let cells = vec![
        vec!["培训人次".into(), "≥500人次".into(), "520人次".into()],
        vec!["合格率".into(), "≥90%".into(), "85%".into()],
    ];
    assert!(apply(&mut document, Edit::FillBlock { form, row, field: RowField::Name, cells }));
    let rows = &document.forms[0].sections[0].rows;
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[1].name.as_str(), rows[1].target.as_str(), rows[1].actual.as_str()), ("合格率", "≥90%", "85%"));
    assert_ne!(rows[0].id, rows[1].id);
}

#[test]
fn imports_append_or_replace_in_one_step() {
    let mut document = hetang_document();
    assert!(apply(&mut document, Edit::Import { forms: vec![hetang_relief()], replace: false }));
    assert_eq!(document.forms.len(), 4);
    assert!(apply(&mut document, Edit::Import { forms: vec![hetang_relief()], replace: true }));
    assert_eq!(document.forms.len(), 1);
    assert!(!apply(&mut document, Edit::Import { forms: vec![], replace: true }));
    assert_eq!(document.forms.len(), 1);
}

#[test]
fn a_new_form_starts_with_the_profile_sections() {
    let form = blank_form(FormKind::Department, &Profile::default());
    let sections: Vec<_> = form.sections.iter().map(|s| (s.name.as_str(), s.declared_weight.as_str(), s.rows.len())).collect();
    assert_eq!(sections, [("产出指标", "50", 1), ("效益指标", "30", 1), ("满意度指标", "10", 1)]);
}
