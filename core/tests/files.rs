//! Files in and out: TSV, CSV, JSON and XLSX written then read back; the sample report as a
//! .docx and an .xlsx made by independent writers gives its three forms.

mod support;

use std::rc::Rc;

use support::office::{docx, unzip, xlsx};
use support::*;
use zipin_core::evaluate;
use zipin_core::export::layout::{form_layout, Figures};
use zipin_core::export::{delimited, document_as_typed, workbook_sheets, xlsx as export_xlsx};
use zipin_core::import::forms::Layouts;
use zipin_core::import::{import, import_blocks, office};
use zipin_core::model::{Document, Form};
use zipin_core::score::Grade;

/// A form with every id set to 0, to compare documents regardless of ids.
fn without_ids(form: &Form) -> Form {
    let mut form = form.clone();
    form.id = Default::default();
    for section in &mut form.sections {
        section.id = Default::default();
        for row in &mut section.rows {
            Rc::make_mut(row).id = Default::default();
        }
    }
    form
}

fn same_forms(a: &[Form], b: &Document) {
    let a: Vec<_> = a.iter().map(without_ids).collect();
    let b: Vec<_> = b.forms.iter().map(|f| without_ids(f)).collect();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}

fn totals(forms: &[Form]) -> Vec<(String, String)> {
    let profile = zipin_core::profile::Profile::default();
    forms
        .iter()
        .map(|f| {
            let e = evaluate(f, &profile);
            (
                e.score
                    .total
                    .map(zipin_core::number::plain)
                    .unwrap_or_default(),
                e.score
                    .grade
                    .map(|g| g.label())
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect()
}

fn sample_with_reason_and_goals() -> Document {
    let mut document = hetang_document();
    let form = Rc::make_mut(&mut document.forms[1]);
    form.funds.reason = "年底集中支付".into();
    form.goals.expected = "完善网格化服务管理工作\n提升治理水平".into();
    form.goals.achieved = "按计划完成".into();
    document
}

#[test]
fn tsv_pastes_back_into_the_identical_document() {
    let document = sample_with_reason_and_goals();
    let text = delimited::tsv(&document_as_typed(&document));
    assert!(text.starts_with("部门整体支出绩效自评表\t"));
    let imported = import(&text, None, &Layouts::new());
    assert!(imported.notices.is_empty(), "{:?}", imported.notices);
    same_forms(&imported.forms, &document);
}

#[test]
fn csv_starts_with_the_bom_and_reads_back() {
    let document = sample_with_reason_and_goals();
    let bytes = delimited::csv(&document_as_typed(&document));
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let imported = import(std::str::from_utf8(&bytes).unwrap(), None, &Layouts::new());
    same_forms(&imported.forms, &document);
}

#[test]
fn json_round_trips_exactly() {
    let document = sample_with_reason_and_goals();
    let loaded = zipin_core::json::from_json(&zipin_core::json::to_json(&document)).unwrap();
    assert_eq!(loaded, document);
}

#[test]
fn xlsx_written_then_read_back_gives_the_computed_forms() {
    let document = hetang_document();
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|f| evaluate(f, &document.profile))
        .collect();
    let bytes = export_xlsx::workbook(&workbook_sheets(&document, &evaluations));
    let entries = unzip(&bytes).unwrap();
    let sheet = |n: usize| {
        entries
            .iter()
            .find(|(name, _)| *name == format!("xl/worksheets/sheet{n}.xml"))
            .map(|(_, xml)| xml.as_str())
            .unwrap()
    };
    assert!(sheet(1).contains("<mergeCell ref=\"A1:I1\"/>"));
    // Each section closes with a 小计 of formulas, and the total adds the budget score to
    // them, with the values cached: the sheet adds up again when a score is changed in it.
    assert!(
        sheet(1).contains("<f>SUM(H9:H16)</f><v>48</v>"),
        "{}",
        sheet(1)
    );
    assert!(
        sheet(1).contains("<f>F4+G17+G22+G25</f><v>100</v>"),
        "{}",
        sheet(1)
    );
    assert!(
        sheet(1).contains("<f>H4+H17+H22+H25</f><v>95</v>"),
        "{}",
        sheet(1)
    );
    // The last sheet lists the findings, in words, the code last.
    assert!(sheet(4).contains("单位不一致") && sheet(4).contains("UNITS_DIFFER"));
    let imported = import_blocks(office::blocks(&entries).unwrap(), &Layouts::new(), false);
    let names: Vec<_> = imported.forms.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "株洲市荷塘区网格化管理服务中心",
            "网格员专项经费",
            "城乡帮困项目"
        ]
    );
    assert_eq!(
        totals(&imported.forms),
        [
            ("95".into(), "优".into()),
            ("97".into(), "优".into()),
            ("96".into(), "优".into())
        ]
    );
    // The file carries the computed total and grade, and the rate as a percentage cell.
    for form in &imported.forms {
        assert_eq!(Grade::parse(&form.claim.grade), Some(Grade::Excellent));
        assert_eq!(form.funds.total.claimed_rate, "100%");
    }
    assert_eq!(imported.forms[0].claim.total, "95");
    assert_eq!(imported.forms[0].row_count(), 14);
}

#[test]
fn the_sample_as_an_xlsx_from_another_writer_gives_its_three_forms() {
    let document = hetang_document();
    let sheets: Vec<_> = document
        .forms
        .iter()
        .map(|f| (f.name.as_str(), form_layout(f, Figures::AsTyped)))
        .collect();
    let bytes = xlsx(&sheets);
    let imported = import_blocks(
        office::blocks(&unzip(&bytes).unwrap()).unwrap(),
        &Layouts::new(),
        false,
    );
    assert_eq!(imported.forms.len(), 3, "{:?}", imported.notices);
    assert_eq!(
        totals(&imported.forms),
        [
            ("95".into(), "优".into()),
            ("97".into(), "优".into()),
            ("96".into(), "优".into())
        ]
    );
    same_forms(&imported.forms, &document);
}

#[test]
fn the_sample_as_a_word_file_gives_its_three_forms() {
    let document = hetang_document();
    let parts: Vec<_> = document
        .forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let title: &'static str = ["附件1-2", "附件1-3", "附件1-4"][i];
            (title, form_layout(f, Figures::AsTyped))
        })
        .collect();
    let bytes = docx(&parts);
    let entries = unzip(&bytes).unwrap();
    assert_eq!(entries.len(), 1);
    let imported = import_blocks(office::blocks(&entries).unwrap(), &Layouts::new(), false);
    assert_eq!(imported.forms.len(), 3, "{:?}", imported.notices);
    assert_eq!(
        totals(&imported.forms),
        [
            ("95".into(), "优".into()),
            ("97".into(), "优".into()),
            ("96".into(), "优".into())
        ]
    );
    same_forms(&imported.forms, &document);
}

#[test]
fn a_file_that_is_not_an_office_file_says_why() {
    assert!(zipin_core::zip::entries(b"not a zip at all").is_err());
    let stored = zipin_core::zip::write_stored(&[("other.txt", b"x".to_vec())]);
    let entries = unzip(&stored).unwrap();
    let refused = office::blocks(&entries).unwrap_err();
    assert_eq!(refused, office::OfficeError::NoContent);
    assert!(refused
        .to_string()
        .contains("没有 Word 正文或 Excel 工作表"));
}

#[test]
fn the_workbook_zipin_writes_opens_again_without_asking() {
    let document = hetang_document();
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|f| evaluate(f, &document.profile))
        .collect();
    let bytes = export_xlsx::workbook(&workbook_sheets(&document, &evaluations));
    let imported = import_blocks(
        office::blocks(&unzip(&bytes).unwrap()).unwrap(),
        &Layouts::new(),
        false,
    );
    assert!(!imported.needs_mapping(), "{:?}", imported.notices);
    assert_eq!(imported.forms.len(), 3);
}
