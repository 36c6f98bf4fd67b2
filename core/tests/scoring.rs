//! Scoring: the sample report's three forms, the grade bands, the rounding rule, each
//! direction, the qualitative levels, and what each profile changes.

mod support;

use std::rc::Rc;

use support::*;
use zipin_core::model::{Form, FormKind};
use zipin_core::profile::{Profile, ProfileId};
use zipin_core::score::{score_form, Grade, RowKind, Source};
use zipin_core::value::Level;

fn scored(form: Form, profile: &Profile) -> zipin_core::score::FormScore {
    let document = document(profile.clone(), vec![form]);
    score_form(&document.forms[0], profile)
}

#[test]
fn sample_department_form_totals_95_excellent() {
    let score = scored(hetang_department(), &Profile::default());
    assert_eq!(score.funds.rate, Some(dec("1")));
    assert_eq!(score.funds.score, dec("10"));
    let subtotals: Vec<_> = score
        .sections
        .iter()
        .map(|s| (s.name.as_str(), s.subtotal))
        .collect();
    assert_eq!(
        subtotals,
        [
            ("产出指标", dec("48")),
            ("效益指标", dec("27")),
            ("满意度指标", dec("10"))
        ]
    );
    assert_eq!(score.weight_sum, dec("100"));
    assert_eq!(score.total, Some(dec("95")));
    assert_eq!(score.grade, Some(Grade::Excellent));
    assert_eq!(score.rows.len(), 14);
}

#[test]
fn sample_project_forms_total_97_and_96() {
    let profile = Profile::default();
    for (form, total) in [(hetang_grid_staff(), "97"), (hetang_relief(), "96")] {
        let score = scored(form, &profile);
        assert_eq!(score.funds.rate, Some(dec("1")));
        assert_eq!(score.funds.score, dec("10"));
        assert_eq!(score.total, Some(dec(total)));
        assert_eq!(score.grade, Some(Grade::Excellent));
    }
}

#[test]
fn sample_cost_indicator_computes_from_the_rule() {
    // 成本控制数算: target 126.11, actual 701.29, no sign under 成本 → less is better.
    let score = scored(hetang_department(), &Profile::default());
    let cost = &score.rows[7];
    assert_eq!(cost.computed, Some(dec("1.80")));
    let profile = Profile::default();
    assert_eq!(cost.explanation(&profile), "10 × 126.11 ÷ 701.29 = 1.80");
    assert_eq!(
        score.rows[8].explanation(&profile),
        "实际 100% = 目标 100%，得满分 10"
    );
    assert_eq!(cost.entered, Some(dec("9")));
    assert_eq!(cost.counted, dec("9"));
    assert_eq!(cost.source, Source::Entered);
    // 城区城乡帮困项目: ≥25个项目 against 100% cannot be compared.
    assert!(matches!(score.rows[0].kind, RowKind::UnitsDiffer(_)));
    assert_eq!(score.rows[0].computed, None);
}

#[test]
fn grade_boundaries() {
    let profile = Profile::default();
    for (total, grade) in [
        ("100", Grade::Excellent),
        ("90", Grade::Excellent),
        ("89.99", Grade::Good),
        ("80", Grade::Good),
        ("79.99", Grade::Fair),
        ("60", Grade::Fair),
        ("59.99", Grade::Poor),
        ("0", Grade::Poor),
    ] {
        assert_eq!(Grade::of(dec(total), &profile), grade, "total {total}");
    }
    assert_eq!(Grade::parse("等级：优"), Some(Grade::Excellent));
    assert_eq!(Grade::parse("良"), Some(Grade::Good));
    assert_eq!(Grade::parse(""), None);
}

/// A one-row form: funds (A, B), one indicator (target, actual, weight 90, score).
fn one_row(budget: [&str; 2], level2: &str, target: &str, actual: &str, entered: &str) -> Form {
    form(
        FormKind::Project,
        "测试项目",
        funds(
            ["", budget[0], budget[1]],
            "10",
            ["", ""],
            [["", "", ""], ["", "", ""], ["", "", ""]],
        ),
        vec![section(
            "产出指标",
            "",
            vec![row([level2, "指标", target, actual, "90", entered, ""])],
        )],
        ["", ""],
    )
}

#[track_caller]
fn row_computed(level2: &str, target: &str, actual: &str, expected: Option<&str>) {
    let score = scored(
        one_row(["100", "100"], level2, target, actual, ""),
        &Profile::default(),
    );
    assert_eq!(
        score.rows[0].computed,
        expected.map(dec),
        "{level2} {target} → {actual}"
    );
}

#[test]
fn each_direction_scores_by_the_rule() {
    row_computed("数量指标", "≥100人", "120人", Some("90"));
    row_computed("数量指标", "≥100人", "80人", Some("72"));
    row_computed("数量指标", "≥95%", "94%", Some("89.05"));
    row_computed("时效指标", "≤10天", "8天", Some("90"));
    row_computed("时效指标", "≤10天", "12天", Some("75"));
    row_computed("时效指标", "≤10天", "0天", Some("90"));
    row_computed("数量指标", "=12次", "12次", Some("90"));
    row_computed("数量指标", "=12次", "9次", Some("67.5"));
    row_computed("数量指标", "=12次", "15次", Some("90"));
    row_computed("成本指标", "100万元", "120万元", Some("75"));
    row_computed("成本指标", "100万元", "80万元", Some("90"));
    row_computed("成本指标", "1000000元", "120万元", Some("75"));
    row_computed("数量指标", "≥100", "-5", Some("0"));
    row_computed("数量指标", "≥25个", "30个项目", Some("90"));
    row_computed("数量指标", "≥25个项目", "100%", None);
    row_computed("数量指标", "≥25个项目", "", None);
}

#[test]
fn budget_execution_rate_and_cap() {
    let score = scored(
        one_row(["251.89", "245.60"], "数量指标", "1", "1", ""),
        &Profile::default(),
    );
    assert_eq!(score.funds.score, dec("9.75"));
    assert_eq!(score.funds.explanation(), "10 × 245.60 ÷ 251.89 = 9.75");
    let over = scored(
        one_row(["100", "130"], "数量指标", "1", "1", ""),
        &Profile::default(),
    );
    assert_eq!(over.funds.rate, Some(dec("1.3")));
    assert_eq!(over.funds.score, dec("10"));
    let none = scored(
        one_row(["0", "10"], "数量指标", "1", "1", ""),
        &Profile::default(),
    );
    assert_eq!(none.funds.rate, None);
    assert_eq!(none.funds.score, dec("0"));
}

#[test]
fn entered_scores_count_clamped() {
    let profile = Profile::default();
    let over = scored(
        one_row(["100", "100"], "数量指标", "≥1", "1", "95"),
        &profile,
    );
    assert_eq!(
        (over.rows[0].entered, over.rows[0].counted),
        (Some(dec("95")), dec("90"))
    );
    let below = scored(
        one_row(["100", "100"], "数量指标", "≥1", "1", "-3"),
        &profile,
    );
    assert_eq!(below.rows[0].counted, dec("0"));
    let rounded = scored(
        one_row(["100", "100"], "数量指标", "≥1", "1", "9.375"),
        &profile,
    );
    assert_eq!(rounded.rows[0].counted, dec("9.38"));
    let rounded = scored(
        one_row(["100", "100"], "数量指标", "≥1", "1", "9.385"),
        &profile,
    );
    assert_eq!(rounded.rows[0].counted, dec("9.39"));
}

#[test]
fn qualitative_levels_suggest_and_entered_scores_win() {
    let profile = Profile::default();
    for (actual, suggested) in [("达成", "90"), ("部分达成", "63"), ("未达成", "27")] {
        let score = scored(
            one_row(["100", "100"], "社会效益指标", "不断提升", actual, ""),
            &profile,
        );
        assert_eq!(score.rows[0].computed, Some(dec(suggested)), "{actual}");
        assert_eq!(score.rows[0].source, Source::Suggested);
        assert_eq!(score.rows[0].counted, dec(suggested));
    }
    let chosen = {
        let mut form = one_row(["100", "100"], "社会效益指标", "不断提升", "有所提升", "");
        Rc::make_mut(&mut form.sections[0].rows[0]).level = Some(Level::Partial);
        scored(form, &profile)
    };
    assert_eq!(
        chosen.rows[0].kind,
        RowKind::Qualitative {
            level: Some(Level::Partial)
        }
    );
    let missing = scored(
        one_row(["100", "100"], "社会效益指标", "不断提升", "有所提升", ""),
        &profile,
    );
    assert_eq!(
        (missing.rows[0].counted, missing.rows[0].source),
        (dec("0"), Source::Missing)
    );
    let entered = scored(
        one_row(["100", "100"], "社会效益指标", "不断提升", "有所提升", "80"),
        &profile,
    );
    assert_eq!(
        (entered.rows[0].counted, entered.rows[0].source),
        (dec("80"), Source::Entered)
    );
}

#[test]
fn profiles_change_weights_denominators_and_bands() {
    let hubei = Profile::builtin(ProfileId::Hubei);
    assert_eq!(hubei.budget_weight, dec("20"));
    assert_eq!(hubei.partial_from, dec("0.5"));
    // 北京 divides by 年初预算数.
    let beijing = Profile::builtin(ProfileId::Beijing);
    let mut form = one_row(["100", "90"], "数量指标", "1", "1", "");
    form.funds.total.initial = "120".into();
    assert_eq!(scored(form.clone(), &beijing).funds.rate, Some(dec("0.75")));
    assert_eq!(
        scored(form.clone(), &Profile::default()).funds.rate,
        Some(dec("0.9"))
    );
    // An empty funds weight takes the profile's.
    form.funds.weight = String::new();
    assert_eq!(scored(form.clone(), &hubei).funds.weight, dec("20"));
    assert_eq!(scored(form, &Profile::default()).funds.weight, dec("10"));
    // 湖北's 部分达成 band starts at 50%.
    let band = zipin_core::score::level_band(Level::Partial, dec("10"), &hubei);
    assert_eq!(band, (dec("5"), dec("8"), true));
    let band = zipin_core::score::level_band(Level::Partial, dec("10"), &Profile::default());
    assert_eq!(band, (dec("6"), dec("8"), true));
    for id in ProfileId::ALL {
        assert_eq!(ProfileId::from_key(id.key()), Some(id));
    }
}

#[test]
fn merged_second_level_continues_downward() {
    // The second row leaves 二级 empty under 成本指标: it is a cost row, less is better.
    let mut form = one_row(["100", "100"], "成本指标", "100万元", "90万元", "");
    let next = row(["", "第二项", "100万元", "120万元", "0", "", ""]);
    form.sections[0].rows.push(next);
    let score = scored(form, &Profile::default());
    assert!(matches!(
        score.rows[1].kind,
        RowKind::Quantitative {
            direction: zipin_core::value::Direction::AtMost,
            ..
        }
    ));
}

#[test]
fn profile_summaries_say_what_they_change() {
    assert_eq!(
        Profile::default().summary(),
        "预算执行 10 分；产出 50、效益 30、满意度 10；执行率 = 全年执行数 ÷ 全年（调整后）预算数；部分达成 60%–80%"
    );
    assert_eq!(
        Profile::builtin(ProfileId::Hubei).summary(),
        "预算执行 20 分；产出 40、效益+满意度 40；执行率 = 全年执行数 ÷ 全年（调整后）预算数；部分达成 50%–80%；等级可不评"
    );
    assert!(Profile::builtin(ProfileId::Sichuan)
        .summary()
        .contains("执行率低于 90% 须说明原因"));
    assert!(Profile::builtin(ProfileId::Beijing)
        .summary()
        .contains("年初预算数"));
    assert!(Profile::builtin(ProfileId::Hunan)
        .summary()
        .contains("以表头声明为准"));
}
