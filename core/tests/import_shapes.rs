//! One test per paste shape, each with a real-looking form of its own (core/tests/fixtures):
//! its totals by the rules and the mistakes a reviewer would raise.

mod support;

use support::dec;
use zipin_core::check::Code;
use zipin_core::import::forms::{Imported, Layouts};
use zipin_core::import::header::Role;
use zipin_core::import::import;
use zipin_core::import::notices::{NoForm, Notice};
use zipin_core::model::{AmountUnit, Form, FormKind};
use zipin_core::profile::{Profile, ProfileId};
use zipin_core::score::Grade;
use zipin_core::{evaluate, Evaluation};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn one_form(imported: &Imported) -> &Form {
    assert_eq!(imported.forms.len(), 1, "{:?}", imported.notices);
    &imported.forms[0]
}

fn codes(evaluation: &Evaluation) -> Vec<&'static str> {
    evaluation.findings.iter().map(|f| f.code.key()).collect()
}

fn has(evaluation: &Evaluation, code: Code) -> bool {
    evaluation.findings.iter().any(|f| f.code == code)
}

#[test]
fn excel_tsv_with_quoted_multiline_cells() {
    let imported = import(&fixture("nutrition-project.tsv"), None, &Layouts::new());
    let form = one_form(&imported);
    assert_eq!(
        (form.kind, form.name.as_str()),
        (FormKind::Project, "农村义务教育学生营养改善计划")
    );
    assert_eq!(form.funds.total.full_year, "1,260.50");
    assert_eq!(
        form.goals.expected,
        "保障全县农村义务教育阶段学生\r\n每天一顿营养餐"
    );
    let names: Vec<_> = form
        .rows()
        .map(|c| (c.section.name.as_str(), c.level2, c.row.name.as_str()))
        .collect();
    assert_eq!(names.len(), 8);
    assert_eq!(names[1], ("产出指标", "数量指标", "供餐天数"));
    assert_eq!(
        names[3],
        ("产出指标", "时效指标", "营养餐补助\r\n资金拨付及时率")
    );
    assert_eq!(form.rows().nth(6).unwrap().row.target, "逐步\"健全\"");
    let declared: Vec<_> = form
        .sections
        .iter()
        .map(|s| s.declared_weight.as_str())
        .collect();
    assert_eq!(declared, ["50", "30", "10"]);

    let evaluation = evaluate(form, &Profile::default());
    assert_eq!(evaluation.score.funds.score, dec("9.51"));
    assert_eq!(evaluation.score.total, Some(dec("96.19")));
    assert_eq!(evaluation.score.grade, Some(Grade::Excellent));
    // The filer counted 12 points on a 10-point row: the claimed 98.19 is 2 too many.
    assert!(has(&evaluation, Code::ScoreOverWeight));
    let total = evaluation
        .findings
        .iter()
        .find(|f| f.code == Code::TotalMismatch)
        .unwrap();
    assert_eq!(total.message, "申报总分 98.19，按各项得分合计应为 96.19");
    assert!(
        !has(&evaluation, Code::RateMismatch),
        "{:?}",
        codes(&evaluation)
    );
    assert!(!has(&evaluation, Code::BudgetScoreMismatch));
}

#[test]
fn word_html_with_rowspans_and_colspans() {
    let html = fixture("agriculture-department.html");
    let imported = import(
        "(plain text of the same table)",
        Some(&html),
        &Layouts::new(),
    );
    let form = one_form(&imported);
    assert_eq!(
        (form.kind, form.name.as_str()),
        (FormKind::Department, "某县农业农村局")
    );
    let funds: Vec<_> = std::iter::once(&form.funds.total)
        .chain(&form.funds.sub_rows)
        .map(|r| r.full_year.as_str())
        .collect();
    assert_eq!(funds, ["4,012.35", "3,800.00", "212.35", ""]);
    let rows: Vec<_> = form
        .rows()
        .map(|c| {
            (
                c.section.name.as_str(),
                c.level2,
                c.row.name.as_str(),
                c.row.score.as_str(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[1], ("产出指标", "数量指标", "农机购置补贴户数", "10"));
    assert_eq!(
        rows[8],
        ("满意度指标", "服务对象满意度指标", "项目区群众满意度", "10")
    );
    assert_eq!(form.claim.total, "95");
    assert_eq!(Grade::parse(&form.claim.grade), Some(Grade::Excellent));

    let evaluation = evaluate(form, &Profile::default());
    assert_eq!(evaluation.score.funds.score, dec("9.73"));
    assert_eq!(evaluation.score.total, Some(dec("96.33")));
    assert!(has(&evaluation, Code::TotalMismatch));
    assert!(
        !has(&evaluation, Code::FundsSumMismatch),
        "{:?}",
        codes(&evaluation)
    );
    assert!(has(&evaluation, Code::FullScoreTargetMissed));
    assert!(has(&evaluation, Code::QualitativeOutOfBand));
    // The script in the clipboard's <head> is not text of the form.
    assert!(!form.rows().any(|c| c.row.name.contains("alert")));
}

#[test]
fn sichuan_layout_with_separate_nature_value_unit() {
    let imported = import(&fixture("sichuan-clinic.tsv"), None, &Layouts::new());
    let form = one_form(&imported);
    assert_eq!(form.funds.unit, AmountUnit::Yuan);
    let targets: Vec<_> = form
        .rows()
        .map(|c| (c.row.target.as_str(), c.row.actual.as_str()))
        .collect();
    assert_eq!(
        targets,
        [
            ("≥45台", "45台"),
            ("=100%", "100%"),
            ("≤6个月", "7个月"),
            ("≤52000元", "51800元"),
            ("提升", "部分达成"),
            ("≥90%", "88%"),
        ]
    );
    let profile = Profile::builtin(ProfileId::Sichuan);
    let evaluation = evaluate(form, &profile);
    assert_eq!(evaluation.score.funds.rate, Some(dec("0.8")));
    assert_eq!(evaluation.score.total, Some(dec("89")));
    assert_eq!(evaluation.score.grade, Some(Grade::Good));
    assert!(has(&evaluation, Code::LowExecutionNoReason));
    assert!(!has(&evaluation, Code::TotalMismatch));
    assert!(!has(&evaluation, Code::GradeMismatch));
    assert!(
        !has(&evaluation, Code::SectionWeightMismatch),
        "{:?}",
        codes(&evaluation)
    );
}

#[test]
fn csv_whose_header_words_are_all_synonyms() {
    let imported = import(&fixture("elderly-care-synonyms.csv"), None, &Layouts::new());
    let form = one_form(&imported);
    assert_eq!(form.name, "社区养老服务补贴");
    assert_eq!(
        (
            form.funds.total.initial.as_str(),
            form.funds.total.full_year.as_str(),
            form.funds.total.executed.as_str()
        ),
        ("80", "80", "72.5")
    );
    let targets: Vec<_> = form.rows().map(|c| c.row.target.as_str()).collect();
    assert_eq!(targets, [">=12000人次", "<=30分钟", "<=2起", ">=90%"]);
    let evaluation = evaluate(form, &Profile::default());
    assert_eq!(evaluation.score.funds.score, dec("9.06"));
    assert_eq!(evaluation.score.rows[1].computed, Some(dec("21.43")));
    assert_eq!(evaluation.score.total, Some(dec("95.49")));
    assert!(!has(&evaluation, Code::TotalMismatch));
    assert!(!has(&evaluation, Code::RateMismatch));
    assert!(!has(&evaluation, Code::WeightsNot100));
    assert!(!has(&evaluation, Code::SectionWeightMismatch));
}

#[test]
fn amounts_in_yuan_with_thousands_separators() {
    let text = "项目名称\t道路养护\n项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                \t年度资金总额\t1,500,000.00\t1,500,000.00\t1,425,000.50\t10\t95%\t9.5\n\
                一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                产出指标\t数量指标\t养护里程\t>=120公里\t126公里\t90\t90\n";
    let imported = import(text, None, &Layouts::new());
    let form = one_form(&imported);
    assert_eq!(form.funds.unit, AmountUnit::Yuan);
    let evaluation = evaluate(form, &Profile::default());
    assert_eq!(
        evaluation.score.funds.rate.map(|r| r.round_dp(6)),
        Some(dec("0.950000"))
    );
    assert_eq!(evaluation.score.total, Some(dec("99.5")));
}

#[test]
fn headerless_rows_ask_for_a_mapping_then_import() {
    let text = "产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t40\t40\t\n\t质量指标\t合格率\t≥90%\t85%\t50\t47.22\t部分学员缺考\n";
    let imported = import(text, None, &Layouts::new());
    assert!(imported.forms.is_empty());
    let Some(Notice::NeedsMapping {
        layout,
        guess,
        headerless: true,
        ..
    }) = imported.notices.first()
    else {
        panic!("{:?}", imported.notices);
    };
    assert_eq!(guess[0], Some(Role::Level1));
    assert_eq!(guess[7], Some(Role::Reason));
    let mut layouts = Layouts::new();
    layouts.insert(layout.clone(), guess.clone());
    let imported = import(text, None, &layouts);
    let form = one_form(&imported);
    assert_eq!(form.row_count(), 2);
    assert_eq!(form.rows().nth(1).unwrap().row.reason, "部分学员缺考");
    let evaluation = evaluate(form, &Profile::default());
    assert_eq!(evaluation.score.rows[1].computed, Some(dec("47.22")));
}

#[test]
fn a_headerless_table_wider_than_any_form_is_named_not_asked_about() {
    let row = vec!["1"; 1000].join("\t");
    let text = format!("{row}\n{row}\n");
    let imported = import(&text, None, &Layouts::new());
    assert!(!imported.needs_mapping(), "{:?}", imported.notices);
    assert!(imported.notices.iter().any(|notice| matches!(
        notice,
        Notice::Skipped(message) if message.to_string().contains("有 1000 列")
    )));
}

#[test]
fn a_text_column_no_word_names_is_left_out_and_shown_so() {
    let text = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t备注\n产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t90\t90\t按期完成\n";
    let imported = import(text, None, &Layouts::new());
    assert!(!imported.needs_mapping(), "{:?}", imported.notices);
    assert_eq!(imported.forms.len(), 1);
    let columns = &imported.readings[0].parts[0].columns;
    assert_eq!(columns[7].header, "备注");
    assert_eq!(columns[7].role, None);
    assert_eq!(columns[5].role, Some(Role::Weight));
}

#[test]
fn numbers_under_an_unknown_header_are_asked_about_and_the_choice_is_remembered() {
    let text = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t核定数\t得分\n产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t90\t90\n";
    let imported = import(text, None, &Layouts::new());
    assert!(imported.needs_mapping());
    let Some(Notice::NeedsMapping {
        layout,
        header,
        guess,
        headerless: false,
    }) = imported.notices.first()
    else {
        panic!("{:?}", imported.notices);
    };
    assert_eq!(header[5], "核定数");
    assert_eq!(guess[5], None);
    let mut chosen = guess.clone();
    chosen[5] = Some(Role::Weight);
    let mut layouts = Layouts::new();
    layouts.insert(layout.clone(), chosen);
    let imported = import(text, None, &layouts);
    assert!(imported.notices.is_empty(), "{:?}", imported.notices);
    assert_eq!(imported.forms[0].rows().next().unwrap().row.weight, "90");
}

#[test]
fn prose_or_nothing_yields_no_form_and_says_why() {
    for (text, why) in [
        ("", NoForm::Empty),
        ("今年各项工作进展顺利，预算执行情况良好。", NoForm::NotFound),
    ] {
        let imported = import(text, None, &Layouts::new());
        assert!(imported.forms.is_empty());
        assert_eq!(imported.notices, [Notice::NoForm(why)]);
    }
}

#[test]
fn the_basic_data_table_of_the_sample_is_skipped_and_said() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hetang-2022-report.txt"
    ))
    .unwrap();
    let imported = import(&sample, None, &Layouts::new());
    assert!(
        imported
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Skipped(what) if what.to_string().contains("基础数据表"))),
        "{:?}",
        imported.notices
    );
}

#[test]
fn huge_content_is_refused_or_capped_with_a_message() {
    let huge = "x\t".repeat(3 * 1024 * 1024);
    let imported = import(&huge, None, &Layouts::new());
    assert!(
        matches!(imported.notices.as_slice(), [Notice::NoForm(why)] if why.to_string().contains("内容过大（6.0 MB）")),
        "{:?}",
        imported.notices
    );

    let mut text =
        String::from("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n");
    for i in 0..6_000 {
        text.push_str(&format!("产出指标\t数量指标\t指标{i}\t≥1\t1\t0.01\t0.01\n"));
    }
    let imported = import(&text, None, &Layouts::new());
    assert_eq!(
        imported.forms[0].row_count(),
        zipin_core::import::forms::MAX_ROWS
    );
    assert!(
        imported
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Skipped(what) if what.to_string().contains("6000 行"))),
        "{:?}",
        imported.notices
    );
}

#[test]
fn control_characters_long_cells_and_marks_are_kept_as_text() {
    let long = "很长的说明".repeat(2_000);
    let text = format!("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t\u{202e}反向\u{0}名称\u{7}\t≥1\t1\t90\t90\t{long}\n");
    let imported = import(&text, None, &Layouts::new());
    let row = imported.forms[0].rows().next().unwrap().row.clone();
    assert_eq!(row.name, "\u{202e}反向\u{0}名称\u{7}");
    assert_eq!(row.reason.chars().count(), 10_000);
    let bytes = zipin_core::export::xlsx::workbook(&[(
        "表",
        zipin_core::export::layout::form_layout(
            &imported.forms[0],
            zipin_core::export::layout::Figures::AsTyped,
        ),
    )]);
    let sheet = zipin_core::zip::entries(&bytes)
        .unwrap()
        .into_iter()
        .find(|e| e.name == "xl/worksheets/sheet1.xml")
        .unwrap();
    let xml = String::from_utf8(sheet.data.to_vec()).unwrap();
    assert!(
        xml.contains("反向名称") && !xml.contains('\u{0}') && !xml.contains('\u{7}'),
        "the sheet's XML drops what XML forbids"
    );
}

#[test]
fn the_unit_that_files_a_form_is_read_from_its_rows_or_a_line_above() {
    let header = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t90\t90\n";
    for (above, unit) in [
        // 实施单位 files it, though 主管部门 stands first in the row; codes and wraps go.
        (
            "项目名称\t培训项目\n主管部门\t312-县教育局\t实施单位\t\"312003-县教师\n进修学校\"\n",
            "县教师进修学校",
        ),
        ("项目名称\t培训项目\n主管部门\t县教育局\n", "县教育局"),
        (
            "填报单位（盖章）：县教育局　　填报日期：2023年3月\n项目名称\t培训项目\n",
            "县教育局",
        ),
        (
            "项目名称\t培训项目\n实施单位：县教师进修学校\t\n",
            "县教师进修学校",
        ),
    ] {
        let imported = import(&format!("{above}{header}"), None, &Layouts::new());
        let form = one_form(&imported);
        assert_eq!(form.name, "培训项目", "{above}");
        assert_eq!(form.unit, unit, "{above}");
        assert_eq!(form.filer(), unit);
    }
    // A department's form is filed by the department it names.
    let imported = import(
        &format!("部门名称\t县民政局\n{header}"),
        None,
        &Layouts::new(),
    );
    let form = one_form(&imported);
    assert_eq!((form.unit.as_str(), form.filer()), ("", "县民政局"));
}
