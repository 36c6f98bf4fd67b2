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
    assert!(apply(
        &mut document,
        Edit::SetRow {
            form,
            row,
            field: RowField::Score,
            text: "1.8".into()
        }
    ));
    assert_eq!(document.forms[0].sections[0].rows[7].score, "1.8");
    // Every other row and form is still the very same allocation.
    assert!(Rc::ptr_eq(&document.forms[1], &before.forms[1]));
    assert!(Rc::ptr_eq(
        &document.forms[0].sections[0].rows[6],
        &before.forms[0].sections[0].rows[6]
    ));
    // Setting the same text again changes nothing.
    assert!(!apply(
        &mut document,
        Edit::SetRow {
            form,
            row,
            field: RowField::Score,
            text: "1.8".into()
        }
    ));
}

#[test]
fn rows_are_added_after_a_row_with_its_second_level_and_a_fresh_id() {
    let mut document = hetang_document();
    let form = document.forms[0].id;
    let section = document.forms[0].sections[0].id;
    let after = document.forms[0].sections[0].rows[5].id;
    assert!(apply(
        &mut document,
        Edit::AddRow {
            form,
            section,
            after: Some(after)
        }
    ));
    let rows = &document.forms[0].sections[0].rows;
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[6].level2, "质量指标");
    assert_eq!(rows[6].name, "");
    let ids: std::collections::HashSet<_> = document
        .forms
        .iter()
        .flat_map(|f| f.rows().map(|c| c.row.id))
        .collect();
    assert_eq!(ids.len(), 14 + 9 + 9 + 1);
    let removed = rows[6].id;
    assert!(apply(&mut document, Edit::RemoveRow { form, row: removed }));
    assert_eq!(document.forms[0].sections[0].rows.len(), 8);
}

#[test]
fn a_pasted_block_fills_from_the_cell_and_adds_rows() {
    let mut document = document(
        Profile::default(),
        vec![blank_form(FormKind::Project, &Profile::default())],
    );
    let form = document.forms[0].id;
    let row = document.forms[0].sections[0].rows[0].id;
    let cells = vec![
        vec!["培训人次".into(), "≥500人次".into(), "520人次".into()],
        vec!["合格率".into(), "≥90%".into(), "85%".into()],
    ];
    assert!(apply(
        &mut document,
        Edit::FillBlock {
            form,
            row,
            field: RowField::Name,
            cells
        }
    ));
    let rows = &document.forms[0].sections[0].rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[1].name.as_str(),
            rows[1].target.as_str(),
            rows[1].actual.as_str()
        ),
        ("合格率", "≥90%", "85%")
    );
    assert_ne!(rows[0].id, rows[1].id);
}

#[test]
fn imports_append_or_replace_in_one_step() {
    let mut document = hetang_document();
    assert!(apply(
        &mut document,
        Edit::Import {
            forms: vec![hetang_relief()],
            replace: false,
            narrative: Vec::new(),
        }
    ));
    assert_eq!(document.forms.len(), 4);
    assert!(apply(
        &mut document,
        Edit::Import {
            forms: vec![hetang_relief()],
            replace: true,
            narrative: Vec::new(),
        }
    ));
    assert_eq!(document.forms.len(), 1);
    assert!(!apply(
        &mut document,
        Edit::Import {
            forms: vec![],
            replace: true,
            narrative: Vec::new(),
        }
    ));
    assert_eq!(document.forms.len(), 1);
}

#[test]
fn a_new_form_starts_with_the_profile_sections() {
    let form = blank_form(FormKind::Department, &Profile::default());
    let sections: Vec<_> = form
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.declared_weight.as_str(), s.rows.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("产出指标", "50", 1),
            ("效益指标", "30", 1),
            ("满意度指标", "10", 1)
        ]
    );
}

#[test]
fn forms_duplicate_and_move_and_rows_move_within_their_section() {
    let mut document = hetang_document();
    let first = document.forms[0].id;
    assert!(apply(&mut document, Edit::DuplicateForm { form: first }));
    assert_eq!(document.forms.len(), 4);
    assert_eq!(document.forms[1].name, document.forms[0].name);
    assert_ne!(
        document.forms[1].sections[0].rows[0].id,
        document.forms[0].sections[0].rows[0].id
    );
    assert!(apply(&mut document, Edit::MoveForm { form: first, by: 2 }));
    assert_eq!(document.forms[2].id, first);
    assert!(!apply(&mut document, Edit::MoveForm { form: first, by: 5 }));

    let form = document.forms[0].id;
    let rows: Vec<_> = document.forms[0].sections[0]
        .rows
        .iter()
        .map(|r| r.id)
        .collect();
    assert!(apply(
        &mut document,
        Edit::MoveRow {
            form,
            row: rows[0],
            by: 1
        }
    ));
    let after: Vec<_> = document.forms[0].sections[0]
        .rows
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(&after[..2], &[rows[1], rows[0]]);
    assert!(!apply(
        &mut document,
        Edit::MoveRow {
            form,
            row: rows[0],
            by: -5
        }
    ));
}

#[test]
fn sections_are_added_moved_and_removed() {
    let mut document = hetang_document();
    let form = document.forms[0].id;
    let first = document.forms[0].sections[0].id;
    assert!(apply(
        &mut document,
        Edit::AddSection {
            form,
            after: Some(first)
        }
    ));
    assert_eq!(document.forms[0].sections[1].name, "新一级指标");
    assert_eq!(document.forms[0].sections[1].rows.len(), 1);
    let added = document.forms[0].sections[1].id;
    assert!(apply(
        &mut document,
        Edit::MoveSection {
            form,
            section: added,
            by: 2
        }
    ));
    assert_eq!(document.forms[0].sections[3].id, added);
    assert!(apply(
        &mut document,
        Edit::RemoveSection {
            form,
            section: added
        }
    ));
    assert_eq!(document.forms[0].sections.len(), 3);
}

#[test]
fn saved_json_round_trips_and_bad_files_say_why() {
    use zipin_core::json::{from_json, to_json, LoadError};
    let document = hetang_document();
    let text = to_json(&document);
    assert_eq!(from_json(&text).unwrap(), document);
    assert!(matches!(
        from_json("{不是 JSON"),
        Err(LoadError::NotADocument(_))
    ));
    assert!(matches!(
        from_json("{\"version\": 99}"),
        Err(LoadError::TooNew(99))
    ));
    assert!(from_json("[]")
        .unwrap_err()
        .to_string()
        .contains("不是 zipin 保存的文档"));
    // Repeated ids in a hand-edited file are renumbered, never kept.
    let repeated = text.replace(
        &format!("\"id\":{}", document.forms[1].id.0),
        &format!("\"id\":{}", document.forms[0].id.0),
    );
    let loaded = from_json(&repeated).unwrap();
    assert_ne!(loaded.forms[0].id, loaded.forms[1].id);
}

#[test]
fn the_evaluator_gives_what_evaluate_gives_as_a_form_is_edited() {
    use zipin_core::evaluator::Evaluator;
    let mut document = hetang_document();
    let mut evaluator = Evaluator::new(document.profile.clone());
    let form_id = document.forms[0].id;
    let rows: Vec<_> = document.forms[0].rows().map(|c| c.row.id).collect();
    let edits = [
        (rows[7], RowField::Score, "1.8"),
        (rows[0], RowField::Actual, "26个项目"),
        (rows[8], RowField::Score, "10"),
        (rows[8], RowField::Level2, ""),
        (rows[3], RowField::Weight, "15"),
    ];
    assert_eq!(
        evaluator.evaluate(&document.forms[0]),
        zipin_core::evaluate(&document.forms[0], &document.profile)
    );
    for (row, field, text) in edits {
        apply(
            &mut document,
            Edit::SetRow {
                form: form_id,
                row,
                field,
                text: text.into(),
            },
        );
        let form = &document.forms[0];
        assert_eq!(
            evaluator.evaluate(form),
            zipin_core::evaluate(form, &document.profile),
            "{field:?} {text}"
        );
    }
    let section = document.forms[0].sections[1].id;
    apply(
        &mut document,
        Edit::RemoveSection {
            form: form_id,
            section,
        },
    );
    assert_eq!(
        evaluator.evaluate(&document.forms[0]),
        zipin_core::evaluate(&document.forms[0], &document.profile)
    );
}

#[test]
fn forms_read_again_take_the_place_of_the_ones_they_replace() {
    let mut document = hetang_document();
    let [first, second, third] = [0, 1, 2].map(|i| document.forms[i].id);
    let mut corrected = (*document.forms[1]).clone();
    corrected.name = "网格员专项经费（更正后）".into();
    assert!(apply(
        &mut document,
        Edit::ReplaceForms {
            forms: vec![second],
            with: vec![corrected.clone(), corrected],
        }
    ));
    let names: Vec<&str> = document.forms.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "株洲市荷塘区网格化管理服务中心",
            "网格员专项经费（更正后）",
            "网格员专项经费（更正后）",
            "城乡帮困项目"
        ]
    );
    assert_eq!((document.forms[0].id, document.forms[3].id), (first, third));
    let mut ids: Vec<_> = document.forms.iter().map(|f| f.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "fresh ids for the forms read again");
    assert!(!apply(
        &mut document,
        Edit::ReplaceForms {
            forms: vec![second],
            with: vec![]
        }
    ));
}

#[test]
fn a_document_holds_at_most_max_forms_and_a_saved_one_with_more_is_refused() {
    use zipin_core::model::MAX_FORMS;
    let profile = Profile::default();
    let mut document = zipin_core::model::Document::new(profile.clone());
    let forms = |count: usize| -> Vec<_> {
        (0..count)
            .map(|_| blank_form(FormKind::Project, &profile))
            .collect()
    };
    assert!(apply(
        &mut document,
        Edit::Import {
            forms: forms(MAX_FORMS - 1),
            replace: false,
            narrative: Vec::new(),
        }
    ));
    // Room for one more: of three, the first is taken.
    assert!(apply(
        &mut document,
        Edit::Import {
            forms: forms(3),
            replace: false,
            narrative: Vec::new(),
        }
    ));
    assert_eq!(document.forms.len(), MAX_FORMS);
    assert!(!apply(
        &mut document,
        Edit::AddForm {
            kind: FormKind::Department
        }
    ));
    let first = document.forms[0].id;
    assert!(!apply(&mut document, Edit::DuplicateForm { form: first }));
    assert_eq!(document.forms.len(), MAX_FORMS);
    // Saved, it opens again; one form more and it is refused with the count.
    let saved = zipin_core::json::to_json(&document);
    assert!(zipin_core::json::from_json(&saved).is_ok());
    document.forms.push(document.forms[0].clone());
    let refused = zipin_core::json::from_json(&zipin_core::json::to_json(&document)).unwrap_err();
    assert!(refused
        .to_string()
        .contains(&format!("有 {} 张表", MAX_FORMS + 1)));
}
