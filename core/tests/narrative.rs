//! The report's words against its tables (SPEC §9): the sample report's narrative raises its
//! two findings and nothing false; real sentence shapes state what they state; reports written
//! for these tests raise nothing when consistent and each kind of disagreement once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use zipin_core::check::{Code, Severity};
use zipin_core::edit::fresh_document;
use zipin_core::evaluate;
use zipin_core::import::forms::Layouts;
use zipin_core::import::import;
use zipin_core::model::Document;
use zipin_core::narrative::{check_narrative, NarrativeFinding};

/// A pasted report as the page takes it: its forms and its narrative in a document.
fn document_of(text: &str) -> Document {
    let imported = import(text, None, &Layouts::default());
    fresh_document(imported.forms, imported.narrative)
}

fn findings(document: &Document) -> Vec<NarrativeFinding> {
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|form| evaluate(form, &document.profile))
        .collect();
    check_narrative(document, &evaluations)
}

fn quote<'a>(document: &'a Document, finding: &NarrativeFinding) -> &'a str {
    &document.narrative[finding.paragraph][finding.start..finding.end]
}

#[test]
fn the_sample_raises_its_two_findings_and_nothing_false() {
    let document = document_of(include_str!("fixtures/hetang-2022-report.txt"));
    assert_eq!(document.forms.len(), 3);
    assert!(document.narrative.len() > 20, "{:?}", document.narrative);
    let found = findings(&document);
    let said: Vec<(Code, Severity, &str, &str)> = found
        .iter()
        .map(|f| (f.code, f.severity, quote(&document, f), f.message.as_str()))
        .collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert_eq!(said[0].0, Code::NarrativeSumMismatch);
    assert_eq!(said[0].1, Severity::Info, "within 0.01 a part: rounding");
    assert!(
        said[0]
            .2
            .starts_with("2022年支出701.29万元，其中基本支出119.22万元"),
        "{}",
        said[0].2
    );
    assert!(said[0].3.contains("701.3"), "{}", said[0].3);
    assert_eq!(said[1].0, Code::NarrativeNoForm);
    assert!(
        said[1].2.contains("项目绩效自评得分为100分"),
        "{}",
        said[1].2
    );
    assert!(said[1].3.contains("“网格化工作经费”"), "{}", said[1].3);
}

/// Sentences as published reports write them (found with the search tool's stored pages;
/// the store gives `,:()` where the page may have `，：（）`), and what each states: its
/// figures with the labels they are bound to. Numbers without a label zipin knows are left
/// alone.
const SHAPES: &[(&str, &[(&str, &str)])] = &[
    // hnnxzx.com, a 部门整体支出 report.
    ("2、支出:799.12万元。", &[("Spending", "799.12万元")]),
    (
        "其中:人员经费支出434.89万元,公用经费支出77.4万元,项目支出286.83万元。",
        &[("Personnel", "434.89万元"), ("Operating", "77.4万元"), ("Project", "286.83万元")],
    ),
    ("同比上年度增加189.25万元,增加31.39%。", &[]),
    ("其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。", &[]),
    // nanxian.gov.cn, 南县财政局 2020年度机关整体支出绩效评价.
    (
        "按照部门整体支出绩效评价指标体系,对南县财政局2020年度机关整体支出开展了绩效评价,综合评分为97分。",
        &[("Score", "97分")],
    ),
    ("其中,局机关在职113人、离休2人、退休75人、财政事务中心10人,国库集中支付中心5人。", &[]),
    // cqstl.gov.cn, a township's budget execution.
    (
        "全镇本级一般公共预算收入实现111.11万元,为年初预算的116.9%,比上年增长9.0%,其中税收收入109.91万元,增长14.5%;",
        &[("Income", "111.11万元")],
    ),
    (
        "全镇本级一般公共预算支出1,867.48万元,为年初预算的120.9%,比上年降低30.2%。",
        &[("Spending", "1,867.48万元")],
    ),
    // semi.ac.cn: 完成预算 with a parenthesis inside is not the label 完成预算的.
    (
        "截至7月底,全所累计支出16873万元,完成预算(含结余)的56.47%,支出进度低于序时进度1.53个百分点。",
        &[("Spending", "16873万元")],
    ),
    // yzwku.com, a school's project report.
    ("我校2022年财政安排支出共计87.06万元,余款安排下年支出", &[("Spending", "87.06万元")]),
    (
        "我校2022年按生均1000元安排,共计239万元,其中上级资金179.25万元,本级59.75万元,项目绩效目标是保证学校的正常运转",
        &[],
    ),
    // hhyy.gov.cn, bidcenter.com.cn, hh.gov.cn: project funds without the labels.
    ("统筹整合使用财政涉农资金303万元,其中项目管理费3万元,目前项目资金已拨付270万元。", &[]),
    ("西秀镇龙头村蔬菜园产业项目已完成竣工验收,完成率100%。", &[]),
    (
        "年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算861.46万元,年中增加8个项目",
        &[],
    ),
    ("我局实有编制数 63 人,2021 年末在职人数 57 人、离 退休人数 94 人。", &[]),
    // The sample report (hetang-2022-report.txt).
    (
        "2022年预算收入671.71万元，其中年初预算126.11万元，调整增加545.6万元。",
        &[("Income", "671.71万元"), ("Initial", "126.11万元"), ("Increase", "545.6万元")],
    ),
    (
        "项目全年预算数为582.08万元，执行数为582.08万元，完成预算的100.0%。",
        &[("FullYear", "582.08万元"), ("Executed", "582.08万元"), ("Rate", "100.0%")],
    ),
    ("上报处理各类事件17169件，结案率达到99%。", &[]),
    // SPEC §9's grade phrases (no published narrative found states a grade in words).
    ("项目绩效自评得分为96.5分，评价等级为“优”。", &[("Score", "96.5分"), ("Grade", "优")]),
    ("自评等级：良。", &[("Grade", "良")]),
    ("全年执行数7,012,900元。", &[("Executed", "7,012,900元")]),
];

#[test]
fn real_sentence_shapes_state_what_they_state() {
    for (sentence, expected) in SHAPES {
        let stated: Vec<(String, String)> = zipin_core::narrative::figures::figures(sentence)
            .into_iter()
            .map(|figure| (format!("{:?}", figure.label), figure.written))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(label, written)| ((*label).to_owned(), (*written).to_owned()))
            .collect();
        assert_eq!(stated, expected, "{sentence}");
    }
}

/// A report written for these tests around the sample's three forms: every figure it states
/// agrees with them and adds up.
const CONSISTENT: &str = include_str!("fixtures/narrative-consistent.txt");

fn written_report(narrative: &str) -> Document {
    let mut document = support::hetang_document();
    document.narrative = narrative.lines().map(str::to_owned).collect();
    document
}

#[path = "support/mod.rs"]
mod support;

/// What department narratives say without disagreeing with anything: figures after a
/// project's name, a label's second number, changes, full marks, sections' scores, a sum
/// whose parts are given twice over, 结余结转 beside the spending, a project's sub-heading.
const ORDINARY: &str = "一、部门整体支出情况
部门全年执行数701.29万元，主要用于网格员专项经费等支出。
执行数701.29万元（含上年结转20万元），实际支出较上年减少20.5万元。
部门整体支出绩效自评得分95分（满分100分），各项目均按期完成。
产出指标得分48分，效益指标得分30分。
支出701.29万元，比上年增加50万元，其中项目支出增加40万元。
2022年支出701.29万元，其中基本支出119.22万元（其中人员经费支出100.22万元，公用经费支出19万元），项目支出582.07万元，结余结转3万元。
2、支出:701.29万元。其中:人员经费支出100.22万元,公用经费支出19万元,项目支出582.07万元。
二、项目支出绩效情况
（1）网格员专项经费
1.预算执行情况
项目执行数290.32万元，自评得分97分。
2.绩效目标完成情况
项目绩效目标均已完成。
（2）城乡帮困项目
项目全年预算数85.32万元。";

#[test]
fn ordinary_department_narrative_raises_nothing() {
    let found = findings(&written_report(ORDINARY));
    assert!(found.is_empty(), "{found:#?}");
    // A project of its own heading with no form, scored: that is said.
    let unmatched = format!(
        "{ORDINARY}\n（3）城市管理经费\n项目全年预算数50万元，执行数50万元，自评得分96分。"
    );
    let found = findings(&written_report(&unmatched));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, Code::NarrativeNoForm);
    assert!(
        found[0].message.contains("“城市管理经费”"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_consistent_report_raises_nothing() {
    let found = findings(&written_report(CONSISTENT));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_kind_of_disagreement_is_raised_once() {
    let cases: &[(&str, &str, Code, Severity, &str)] = &[
        (
            "调整增加575.18万元",
            "调整增加570.18万元",
            Code::NarrativeSumMismatch,
            Severity::Warning,
            "相差 5.00 万元",
        ),
        (
            "基本支出119.22万元",
            "基本支出119.23万元",
            Code::NarrativeSumMismatch,
            Severity::Info,
            "可能是四舍五入",
        ),
        (
            "执行数290.32万元",
            "执行数280.32万元",
            Code::NarrativeFormMismatch,
            Severity::Warning,
            "网格员专项经费：报告正文写全年执行数 280.32万元，自评表为 290.32 万元",
        ),
        (
            "执行率100.0%",
            "执行率98.0%",
            Code::NarrativeFormMismatch,
            Severity::Warning,
            "城乡帮困项目：报告正文写执行率 98.0%",
        ),
        (
            "全年预算数为701.29万元",
            "全年预算数为710.29万元",
            Code::NarrativeFormMismatch,
            Severity::Warning,
            "全年预算数 710.29万元",
        ),
        (
            "自评得分95分",
            "自评得分96分",
            Code::NarrativeFormMismatch,
            Severity::Warning,
            "自评表填报总分 95",
        ),
        (
            "自评等级为优",
            "自评等级为良",
            Code::NarrativeFormMismatch,
            Severity::Warning,
            "报告正文写等级 良，自评表为 优",
        ),
        (
            "（2）城乡帮困项目",
            "（2）社区减负增效项目",
            Code::NarrativeNoForm,
            Severity::Info,
            "“社区减负增效”项目的自评得分为 96分",
        ),
    ];
    for (from, to, code, severity, says) in cases {
        assert!(CONSISTENT.contains(from), "{from}");
        let document = written_report(&CONSISTENT.replacen(from, to, 1));
        let found = findings(&document);
        assert_eq!(found.len(), 1, "{to}: {found:#?}");
        assert_eq!(
            (found[0].code, found[0].severity),
            (*code, *severity),
            "{to}"
        );
        assert!(
            found[0].message.contains(says),
            "{to}: {}",
            found[0].message
        );
        assert!(
            quote(&document, &found[0]).contains(to.trim_start_matches("（2）"))
                || *code == Code::NarrativeNoForm,
            "{to}"
        );
    }
}

#[test]
fn the_memo_lists_the_words_findings_under_their_unit() {
    let document = written_report(&CONSISTENT.replacen("执行数290.32万元", "执行数280.32万元", 1));
    let evaluations: Vec<_> = document
        .forms
        .iter()
        .map(|form| evaluate(form, &document.profile))
        .collect();
    let report = zipin_core::report::review_report(&document, &evaluations);
    let grid_staff = &report.forms[1];
    assert!(grid_staff.title.starts_with("网格员专项经费"));
    let line = grid_staff
        .lines
        .iter()
        .find(|line| line.codes.contains(&Code::NarrativeFormMismatch))
        .expect("the memo line");
    assert!(
        line.text
            .contains("（正文：“项目全年预算数290.32万元，执行数280.32万元"),
        "{}",
        line.text
    );
    assert!(report
        .forms
        .iter()
        .enumerate()
        .all(|(i, form)| i == 1 || !form.findings.iter().any(|f| f.code.is_narrative())));
}

#[test]
fn the_narratives_codes_have_a_table_line() {
    let source = include_str!("narrative.rs");
    for code in Code::ALL.iter().filter(|code| code.is_narrative()) {
        assert!(
            source.contains(&format!("Code::{code:?},")),
            "{}",
            code.key()
        );
    }
}

#[test]
fn a_narrative_of_megabytes_is_read_as_far_as_its_cap_and_says_so() {
    let mut text = String::from(CONSISTENT);
    let filler = "2022年支出10万元，其中基本支出5万元，项目支出5万元。\n";
    while text.len() < zipin_core::narrative::MAX_CHECKED_BYTES + 10_000 {
        text.push_str(filler);
    }
    // Past the cap: a sum that does not add up, and a sentence of a megabyte.
    text.push_str("2022年支出10万元，其中基本支出5万元，项目支出6万元。\n");
    text.push_str(&"支出1万元，基本支出1万元，".repeat(40_000));
    let document = written_report(&text);
    let found = findings(&document);
    assert!(found.is_empty(), "{:?}", found.first());
    let from = zipin_core::narrative::unchecked_from(&document).expect("past the cap");
    assert!(from > 8 && from < document.narrative.len());
    // Under the cap, a sentence far longer than any real one is not read either.
    let long = format!(
        "{}\n{}",
        CONSISTENT,
        "支出1万元，基本支出1万元，".repeat(200)
    );
    assert!(findings(&written_report(&long)).is_empty());
    assert_eq!(
        zipin_core::narrative::unchecked_from(&written_report(&long)),
        None
    );
}

#[test]
fn a_word_report_keeps_its_narrative_and_is_checked() {
    use zipin_core::export::layout::{form_layout, Figures};
    let forms = support::hetang_document();
    let layouts: Vec<(String, zipin_core::export::layout::Layout)> = forms
        .forms
        .iter()
        .map(|form| (form.name.clone(), form_layout(form, Figures::AsTyped)))
        .collect();
    let parts: Vec<(&str, zipin_core::export::layout::Layout)> = layouts
        .iter()
        .map(|(name, layout)| (name.as_str(), layout.clone()))
        .collect();
    let read = |narrative: &str| {
        let paragraphs: Vec<&str> = narrative.lines().collect();
        let bytes = support::office::report_docx(&paragraphs, &parts);
        let entries = support::office::unzip(&bytes).unwrap();
        let blocks = zipin_core::import::office::blocks(&entries).unwrap();
        let imported = zipin_core::import::import_blocks(blocks, &Layouts::default(), false);
        fresh_document(imported.forms, imported.narrative)
    };
    let document = read(CONSISTENT);
    assert_eq!(document.forms.len(), 3);
    assert_eq!(
        document.narrative[..CONSISTENT.lines().count()],
        CONSISTENT.lines().collect::<Vec<_>>()[..]
    );
    assert!(findings(&document).is_empty(), "{:#?}", findings(&document));
    let broken = read(&CONSISTENT.replacen("执行率100.0%", "执行率98.0%", 1));
    let found = findings(&broken);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].code, Code::NarrativeFormMismatch);
}
