//! The reviewer's desk, natively: the rows of a set against the engine's own figures, sorting
//! and filtering them, the charts' figures, and the exports read back by independent readers
//! (calamine for the table, the zip crate and zipin's Word reader for the memos).

mod support;

use std::io::{Cursor, Read};

use support::*;
use zipin_core::evaluate;
use zipin_core::model::{Document, FormKind};
use zipin_core::review::charts::{grade_counts, section_bars, total_points};
use zipin_core::review::memos::{memos_zip, table_layout};
use zipin_core::review::table::{sorted, Column, Filter, Sort};
use zipin_core::review::{review_rows, FormRecord, ReviewRow};
use zipin_core::score::Grade;
use zipin_core::Evaluation;

/// The sample report as three files' worth of forms: the department's form from one file, the
/// two project forms from another, with claims a reviewer would meet.
fn set() -> (Document, Vec<Evaluation>) {
    let mut department = hetang_department();
    department.source = "荷塘区网格中心-部门整体.docx".into();
    department.claim.total = "98".into();
    department.claim.grade = "优".into();
    let mut staff = hetang_grid_staff();
    staff.source = "荷塘区网格中心-项目.xlsx".into();
    staff.unit = "株洲市荷塘区网格化管理服务中心".into();
    staff.claim.total = "97".into();
    staff.claim.grade = "良".into();
    let mut relief = hetang_relief();
    relief.source = "荷塘区网格中心-项目.xlsx".into();
    relief.unit = "株洲市荷塘区民政局".into();
    relief.claim.total.clear();
    let document = document(
        zipin_core::profile::Profile::default(),
        vec![department, staff, relief],
    );
    let evaluations = document
        .forms
        .iter()
        .map(|form| evaluate(form, &document.profile))
        .collect();
    (document, evaluations)
}

fn names(rows: &[ReviewRow], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| rows[i].name.clone()).collect()
}

#[test]
fn each_form_is_one_row_with_the_engines_figures() {
    let (document, evaluations) = set();
    let rows = review_rows(&document, &evaluations);
    assert_eq!(rows.len(), 3);
    for ((row, form), evaluation) in rows.iter().zip(&document.forms).zip(&evaluations) {
        assert_eq!(row.total, evaluation.score.total);
        assert_eq!(row.grade, evaluation.score.grade);
        assert_eq!(row.rate, evaluation.score.funds.rate);
        assert_eq!((row.errors, row.warnings, row.infos), evaluation.counts());
        assert_eq!(row.form, form.id);
    }
    let department = &rows[0];
    assert_eq!(department.unit, "株洲市荷塘区网格化管理服务中心");
    assert_eq!(department.total, Some(dec("95")));
    assert_eq!(department.difference, Some(dec("3")));
    assert!(!department.grade_changed());
    assert_eq!(rows[1].claimed_grade, Some(Grade::Good));
    assert!(rows[1].grade_changed());
    assert_eq!(rows[1].difference, None, "97 claimed, 97 computed");
    // Numbered within their files: the .xlsx holds two forms.
    assert_eq!(
        rows.iter().map(|r| r.index_in_file).collect::<Vec<_>>(),
        [0, 0, 1]
    );
    assert_eq!(rows[2].claimed_total, None);
}

#[test]
fn the_table_sorts_either_way_with_missing_values_last_and_filters() {
    let (document, evaluations) = set();
    let rows = review_rows(&document, &evaluations);
    let by = |column, descending| sorted(&rows, Sort { column, descending });
    // The relief form claims no total: last both ways.
    assert_eq!(
        names(&rows, &by(Column::ClaimedTotal, true)),
        [
            "株洲市荷塘区网格化管理服务中心",
            "网格员专项经费",
            "城乡帮困项目"
        ]
    );
    assert_eq!(
        names(&rows, &by(Column::ClaimedTotal, false)),
        [
            "网格员专项经费",
            "株洲市荷塘区网格化管理服务中心",
            "城乡帮困项目"
        ]
    );
    assert_eq!(
        names(&rows, &by(Column::Total, true)),
        [
            "网格员专项经费",
            "城乡帮困项目",
            "株洲市荷塘区网格化管理服务中心"
        ]
    );
    // A first click sorts numbers largest first, words A→Z; a second click turns it round.
    let sort = Sort::default().clicked(Column::Errors);
    assert!(sort.descending);
    assert!(!sort.clicked(Column::Errors).descending);
    assert!(!Sort::default().clicked(Column::Name).descending);
    let all = sorted(&rows, Sort::default());
    let kept = |filter: Filter| names(&rows, &filter.apply(&rows, &all));
    assert_eq!(
        kept(Filter {
            grade_changed: true,
            ..Filter::default()
        }),
        ["网格员专项经费"]
    );
    assert_eq!(
        kept(Filter {
            kind: Some(FormKind::Department),
            ..Filter::default()
        }),
        ["株洲市荷塘区网格化管理服务中心"]
    );
    assert_eq!(
        kept(Filter {
            unit: Some("株洲市荷塘区民政局".into()),
            ..Filter::default()
        }),
        ["城乡帮困项目"]
    );
    assert_eq!(
        kept(Filter {
            search: "网格员".into(),
            ..Filter::default()
        }),
        ["网格员专项经费"]
    );
    let with_errors: Vec<String> = rows
        .iter()
        .filter(|row| row.errors > 0)
        .map(|row| row.name.clone())
        .collect();
    assert_eq!(
        kept(Filter {
            errors_only: true,
            ..Filter::default()
        }),
        with_errors
    );
}

#[test]
fn the_charts_count_grades_and_show_where_points_were_lost() {
    let (document, evaluations) = set();
    let rows = review_rows(&document, &evaluations);
    let grades = grade_counts(&rows);
    let excellent = grades
        .iter()
        .find(|g| g.grade == Some(Grade::Excellent))
        .unwrap();
    assert_eq!((excellent.filed, excellent.computed), (1, 3));
    let good = grades
        .iter()
        .find(|g| g.grade == Some(Grade::Good))
        .unwrap();
    assert_eq!((good.filed, good.computed), (1, 0));
    let none = grades.iter().find(|g| g.grade.is_none()).unwrap();
    assert_eq!((none.filed, none.computed), (1, 0));
    let points = total_points(&rows);
    assert_eq!(points.len(), 2, "the relief form claims no total");
    assert_eq!(
        (points[0].claimed, points[0].computed),
        (dec("98"), dec("95"))
    );
    // The department form: the budget part and each section, the sum of their scores the
    // total, and every lost point named by its indicator.
    let bars = section_bars(&document.forms[0], &evaluations[0]);
    let total: rust_decimal::Decimal = bars.iter().map(|bar| bar.score).sum();
    assert_eq!(Some(total), evaluations[0].score.total);
    let weights: rust_decimal::Decimal = bars.iter().map(|bar| bar.weight).sum();
    assert_eq!(weights, dec("100"));
    for bar in &bars {
        let lost: rust_decimal::Decimal = bar.losses.iter().map(|loss| loss.points).sum();
        if bar.name != "预算执行" {
            assert_eq!(lost, bar.weight - bar.score, "{}", bar.name);
        }
        assert!(bar.losses.windows(2).all(|w| w[0].points >= w[1].points));
    }
}

#[test]
fn the_table_reads_back_in_an_independent_reader() {
    use calamine::{Data, Reader, Xlsx};
    let (document, evaluations) = set();
    let rows = review_rows(&document, &evaluations);
    let order = sorted(&rows, Sort::default());
    let bytes = zipin_core::export::xlsx::workbook(&[("复核表", table_layout(&rows, &order))]);
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("复核表").unwrap();
    let cell = |row: u32, column: u32| match range.get_value((row, column)) {
        Some(Data::String(text)) => text.clone(),
        Some(Data::Float(number)) => number.to_string(),
        Some(Data::Int(number)) => number.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(cell(0, 0), "文件");
    assert_eq!(cell(0, 5), "计算总分");
    assert_eq!(cell(1, 3), "株洲市荷塘区网格化管理服务中心");
    assert_eq!(cell(1, 4), "98");
    assert!(cell(1, 5).starts_with("95"), "{}", cell(1, 5));
    assert_eq!(cell(2, 7), "良");
    assert_eq!(cell(2, 8), "优");
    assert_eq!(range.height(), 4);
}

#[test]
fn one_memo_per_unit_as_a_word_file_each_in_one_zip() {
    let (document, evaluations) = set();
    let bytes = memos_zip(&document, &evaluations, "2024年3月18日");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "复核意见书-株洲市荷塘区民政局.docx",
            "复核意见书-株洲市荷塘区网格化管理服务中心.docx"
        ]
    );
    let mut memo = Vec::new();
    archive
        .by_name("复核意见书-株洲市荷塘区网格化管理服务中心.docx")
        .unwrap()
        .read_to_end(&mut memo)
        .unwrap();
    // The memo opens as a Word file: zipin's own reader finds its paragraphs.
    let mut word = zip::ZipArchive::new(Cursor::new(memo)).unwrap();
    let mut xml = String::new();
    word.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let lines: Vec<String> = zipin_core::import::docx::parse(&xml)
        .into_iter()
        .filter_map(|block| match block {
            zipin_core::import::grid::Block::Line(line) => Some(line),
            _ => None,
        })
        .collect();
    assert_eq!(
        lines[0],
        "关于株洲市荷塘区网格化管理服务中心预算绩效自评的复核意见"
    );
    assert_eq!(lines[1], "株洲市荷塘区网格化管理服务中心：");
    assert!(lines[2].contains("2张绩效自评表"), "{}", lines[2]);
    assert!(lines.iter().any(|l| l.starts_with("一、")), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("二、")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("总分：填报 98，复核 95.00（不一致）")),
        "{lines:?}"
    );
    assert_eq!(lines.last().unwrap(), "2024年3月18日");
}

#[test]
fn the_command_lines_records_carry_the_figures_as_data_values() {
    let (document, evaluations) = set();
    let rows = review_rows(&document, &evaluations);
    let record = FormRecord::of(&rows[0], &evaluations[0].findings);
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["file"], "荷塘区网格中心-部门整体.docx");
    assert_eq!(json["form"], 0);
    assert_eq!(json["kind"], "department");
    assert_eq!(json["claimed_total"], "98");
    assert_eq!(json["total"], "95");
    assert_eq!(json["grade"], "优");
    let rate = evaluations[0]
        .score
        .funds
        .rate
        .map(zipin_core::number::plain);
    assert_eq!(json["rate"].as_str(), rate.as_deref());
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        evaluations[0].findings.len()
    );
    let relief = serde_json::to_value(FormRecord::of(&rows[2], &evaluations[2].findings)).unwrap();
    assert!(relief["claimed_total"].is_null());
}

/// The generated set a reviewer's desk is tested and measured on reads back as it was
/// written: every file's three forms, their units, claims and totals.
#[test]
fn the_generated_set_reads_back_as_written() {
    use support::review_set::generate;
    use zipin_core::import::forms::Layouts;
    use zipin_core::import::{import, import_blocks, office};
    let profile = zipin_core::profile::Profile::default();
    for file in generate(9, 7) {
        let imported = if file.name.ends_with(".txt") {
            import(
                std::str::from_utf8(&file.bytes).unwrap(),
                None,
                &Layouts::new(),
            )
        } else {
            let entries = support::office::unzip(&file.bytes).unwrap();
            import_blocks(office::blocks(&entries).unwrap(), &Layouts::new(), false)
        };
        assert_eq!(
            imported.forms.len(),
            3,
            "{}: {:?}",
            file.name,
            imported.notices
        );
        for (read, written) in imported.forms.iter().zip(&file.forms) {
            assert_eq!(
                (read.kind, read.name.as_str(), read.filer()),
                (written.kind, written.name.as_str(), written.filer()),
                "{}",
                file.name
            );
            // A spreadsheet keeps a claimed 88.20 as the number 88.2.
            let claimed = |text: &str| zipin_core::number::read_number(text).value();
            assert_eq!(
                (claimed(&read.claim.total), &read.claim.grade),
                (claimed(&written.claim.total), &written.claim.grade),
                "{}",
                file.name
            );
            assert_eq!(
                evaluate(read, &profile).score.total,
                evaluate(written, &profile).score.total,
                "{} {}",
                file.name,
                written.name
            );
        }
    }
}
