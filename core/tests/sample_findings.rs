//! What a reviewer finds on the sample report, form by form.

mod support;

use support::*;
use zipin_core::check::{Code, Place, Severity};
use zipin_core::model::{Form, RowField};
use zipin_core::{evaluate, Evaluation};

fn evaluated(index: usize) -> (Form, Evaluation) {
    let document = hetang_document();
    let form = (*document.forms[index]).clone();
    let evaluation = evaluate(&form, &document.profile);
    (form, evaluation)
}

/// The indicator names a code is raised on, in order.
fn rows_with(form: &Form, evaluation: &Evaluation, code: Code) -> Vec<String> {
    evaluation
        .findings
        .iter()
        .filter(|finding| finding.code == code)
        .filter_map(|finding| match finding.place {
            Place::Row { id, .. } => form
                .rows()
                .find(|c| c.row.id == id)
                .map(|c| c.row.name.clone()),
            _ => None,
        })
        .collect()
}

fn count(evaluation: &Evaluation, code: Code) -> usize {
    evaluation
        .findings
        .iter()
        .filter(|finding| finding.code == code)
        .count()
}

#[test]
fn department_form_findings() {
    let (form, evaluation) = evaluated(0);
    assert_eq!(
        rows_with(&form, &evaluation, Code::ScoreDiffersFromRule),
        ["成本控制数算", "通过实施城乡帮困，有效缓解服务对象经济困难"]
    );
    assert_eq!(
        rows_with(&form, &evaluation, Code::DeductionTargetMet),
        ["通过实施城乡帮困，有效缓解服务对象经济困难"]
    );
    // Every deduction (5 rows scored below their weight) and none has a reason.
    assert_eq!(count(&evaluation, Code::DeductionNoReason), 5);
    for code in [
        Code::TotalMismatch,
        Code::GradeMismatch,
        Code::WeightsNot100,
        Code::ScoreOverWeight,
    ] {
        assert_eq!(count(&evaluation, code), 0, "{code:?}");
    }
    let cost = evaluation
        .findings
        .iter()
        .find(|f| f.code == Code::ScoreDiffersFromRule)
        .unwrap();
    assert_eq!(
        cost.message,
        "成本控制数算：填报得分 9，按规则应为 1.80（10 × 126.11 ÷ 701.29 = 1.80）"
    );
    assert!(matches!(
        cost.place,
        Place::Row {
            field: RowField::Score,
            ..
        }
    ));
    // 670.32 + 29.58 + 1.4 = 701.30 against 701.29: a rounding difference, not an error.
    let sum = evaluation
        .findings
        .iter()
        .find(|f| f.code == Code::FundsSumMismatch)
        .unwrap();
    assert_eq!(sum.severity, Severity::Info);
    assert_eq!(count(&evaluation, Code::UnitsDiffer), 4);
}

#[test]
fn project_forms_findings() {
    for (index, deductions) in [(1, 3), (2, 4)] {
        let (form, evaluation) = evaluated(index);
        assert_eq!(
            count(&evaluation, Code::DeductionNoReason),
            deductions,
            "{}",
            form.name
        );
        assert_eq!(count(&evaluation, Code::TotalMismatch), 0);
        assert_eq!(count(&evaluation, Code::WeightsNot100), 0);
        // The headers declare 产出 60 and 效益 20 against the central 50 and 30: said, as info.
        let declared: Vec<_> = evaluation
            .findings
            .iter()
            .filter(|f| f.code == Code::SectionWeightMismatch)
            .map(|f| f.severity)
            .collect();
        assert_eq!(declared, [Severity::Info, Severity::Info]);
    }
}

#[test]
fn the_review_report_lists_every_form_with_claimed_and_computed_figures() {
    let document = hetang_document();
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|f| evaluate(f, &document.profile))
        .collect();
    let report = zipin_core::report::review_report(&document, &evaluations);
    assert_eq!(report.forms.len(), 3);
    let figures: Vec<_> = report.forms[0]
        .figures
        .iter()
        .map(|f| (f.label, f.claimed.as_str(), f.computed.as_str(), f.differs))
        .collect();
    assert_eq!(
        figures,
        [
            ("执行率", "100%", "100.00%", false),
            ("预算执行得分", "10", "10.00", false),
            ("总分", "95", "95.00", false),
            ("等级", "优", "优", false)
        ]
    );
    let text = report.to_text();
    assert!(text
        .starts_with("复核意见\n\n1、株洲市荷塘区网格化管理服务中心（部门整体支出绩效自评表）\n  结论：总分 95.00，等级 优；未发现需更正的错误\n"));
    // One line per indicator, its findings' titles first, its name said once.
    assert!(text.contains("[提醒] 扣分未写原因、得分与计分规则不符：成本控制数算：扣 1 分（得分 9 / 分值 10），未填写偏差原因分析及改进措施；填报得分 9，按规则应为 1.80（10 × 126.11 ÷ 701.29 = 1.80）\n"));
    // A name Word wrapped (as the pasted report has it) is one line in the memo.
    let pasted = zipin_core::import::import(
        include_str!("fixtures/hetang-2022-report.txt"),
        None,
        &Default::default(),
    );
    let mut pasted_document = zipin_core::model::Document::new(document.profile.clone());
    for form in pasted.forms {
        pasted_document.push_form(form);
    }
    let pasted_evaluations: Vec<_> = pasted_document
        .forms
        .iter()
        .map(|f| evaluate(f, &document.profile))
        .collect();
    let pasted_text =
        zipin_core::report::review_report(&pasted_document, &pasted_evaluations).to_text();
    assert!(
        pasted_text.contains("城区城乡帮困项目业："),
        "{pasted_text}"
    );
    assert!(text.contains("3、城乡帮困项目（项目支出绩效自评表）"));
    // Codes are for machines: none in the memo.
    for code in zipin_core::check::Code::ALL {
        assert!(!text.contains(code.key()), "{}", code.key());
    }
    let lines: usize = report.forms.iter().map(|f| f.lines.len()).sum();
    assert_eq!(
        text.matches("[错误]").count()
            + text.matches("[提醒]").count()
            + text.matches("[提示]").count(),
        lines
    );
    // Errors, then warnings, then notes, in every unit.
    for form in &report.forms {
        assert!(form
            .lines
            .windows(2)
            .all(|pair| pair[0].severity <= pair[1].severity));
    }
}
