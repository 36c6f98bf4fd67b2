//! One table line per finding code of SPEC §6: a small form that raises it and a
//! near-identical one that does not. Every line starts from a clean form that raises nothing.

mod support;

use support::*;
use zipin_core::check::{Code, Finding, Severity};
use zipin_core::evaluate;
use zipin_core::model::{Form, FormKind};
use zipin_core::profile::{Profile, ProfileId};

/// A clean 100-point project form: fully executed budget, every target met and scored in
/// full, claims that match.
fn clean() -> Form {
    form(
        FormKind::Project,
        "社区培训项目",
        funds(
            ["100", "100", "100"],
            "10",
            ["100%", "10"],
            [["100", "100", "100"], ["", "", ""], ["", "", ""]],
        ),
        vec![
            section(
                "产出指标",
                "50",
                vec![row([
                    "数量指标",
                    "培训人次",
                    "≥100人",
                    "100人",
                    "50",
                    "50",
                    "",
                ])],
            ),
            section(
                "效益指标",
                "30",
                vec![row([
                    "社会效益指标",
                    "群众知晓率",
                    "≥90%",
                    "95%",
                    "30",
                    "30",
                    "",
                ])],
            ),
            section(
                "满意度指标",
                "10",
                vec![row([
                    "服务对象满意度指标",
                    "满意度",
                    "≥90%",
                    "92%",
                    "10",
                    "10",
                    "",
                ])],
            ),
        ],
        ["100", "优"],
    )
}

/// Changes one thing on the clean form.
type Change = fn(&mut Form);

fn findings(change: Change, profile: &Profile) -> Vec<Finding> {
    let mut form = clean();
    change(&mut form);
    let document = document(profile.clone(), vec![form]);
    evaluate(&document.forms[0], profile).findings
}

fn cell(form: &mut Form, section: usize, set: impl FnOnce(&mut zipin_core::model::Indicator)) {
    set(std::rc::Rc::make_mut(&mut form.sections[section].rows[0]));
}

#[track_caller]
fn case(code: Code, raises: Change, does_not: Change) {
    case_under(code, &Profile::default(), raises, does_not);
}

#[track_caller]
fn case_under(code: Code, profile: &Profile, raises: Change, does_not: Change) {
    let raised = findings(raises, profile);
    let finding = raised.iter().find(|f| f.code == code);
    assert!(finding.is_some(), "{code:?} not raised: {raised:#?}");
    let finding = finding.unwrap();
    assert!(!finding.message.is_empty());
    assert!(
        finding
            .message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}",
        finding.message
    );
    let quiet = findings(does_not, profile);
    assert!(
        quiet.iter().all(|f| f.code != code),
        "{code:?} raised on the near-identical form: {quiet:#?}"
    );
}

#[test]
fn the_clean_form_raises_nothing() {
    assert_eq!(findings(|_| {}, &Profile::default()), vec![]);
}

#[test]
fn a_blank_form_raises_nothing() {
    let blank = zipin_core::edit::blank_form(FormKind::Department, &Profile::default());
    let evaluation = evaluate(&blank, &Profile::default());
    assert_eq!(evaluation.findings, vec![]);
    assert_eq!(
        (evaluation.score.total, evaluation.score.grade),
        (None, None)
    );
}

#[test]
fn every_code_has_a_title_in_both_languages_and_no_code_in_it() {
    for code in Code::ALL {
        assert!(
            !code.title().is_empty() && !code.title().contains('_'),
            "{code:?}"
        );
        assert!(
            code.title()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{code:?}"
        );
        assert!(
            !code.title_en().is_empty() && code.title_en().is_ascii(),
            "{code:?}"
        );
    }
}

#[test]
fn every_code_is_raised_where_it_applies_and_only_there() {
    case(
        Code::ScoreOverWeight,
        |f| cell(f, 0, |r| r.score = "60".into()),
        |f| cell(f, 0, |r| r.score = "50".into()),
    );
    case(
        Code::ScoreOverWeight,
        |f| cell(f, 0, |r| r.score = "-1".into()),
        |f| cell(f, 0, |r| r.score = "0.5".into()),
    );
    case(
        Code::WeightsNot100,
        |f| {
            cell(f, 0, |r| {
                r.weight = "45".into();
                r.score = "45".into()
            })
        },
        |_| {},
    );
    case(
        Code::SectionWeightMismatch,
        |f| f.sections[0].declared_weight = "55".into(),
        |f| f.sections[0].declared_weight = "50".into(),
    );
    case(
        Code::TotalMismatch,
        |f| f.claim.total = "98".into(),
        |f| f.claim.total = "100.00".into(),
    );
    case(
        Code::GradeMismatch,
        |f| f.claim.grade = "良".into(),
        |f| f.claim.grade = "等级：优".into(),
    );
    case(
        Code::RateMismatch,
        |f| f.funds.total.claimed_rate = "95%".into(),
        |f| f.funds.total.claimed_rate = "100.00%".into(),
    );
    case(
        Code::BudgetScoreMismatch,
        |f| f.funds.total.claimed_score = "9".into(),
        |f| f.funds.total.claimed_score = "10.00".into(),
    );
    case(
        Code::FundsSumMismatch,
        |f| f.funds.sub_rows[0].full_year = "90".into(),
        |f| f.funds.sub_rows[0].full_year = "100".into(),
    );
    case(
        Code::NoBudget,
        |f| f.funds.total.full_year = String::new(),
        |f| f.funds.total.full_year = "100".into(),
    );
    case(
        Code::ExecutionOverBudget,
        |f| {
            f.funds.total.executed = "105".into();
            f.funds.sub_rows[0].executed = "105".into()
        },
        |f| {
            f.funds.total.executed = "100".into();
            f.funds.sub_rows[0].executed = "100".into()
        },
    );
    case_under(
        Code::LowExecutionNoReason,
        &Profile::builtin(ProfileId::Sichuan),
        |f| {
            f.funds.total.executed = "80".into();
            f.funds.sub_rows[0].executed = "80".into()
        },
        |f| {
            f.funds.total.executed = "80".into();
            f.funds.sub_rows[0].executed = "80".into();
            f.funds.reason = "受疫情影响部分采购延期".into()
        },
    );
    case(
        Code::ScoreDiffersFromRule,
        |f| {
            cell(f, 0, |r| {
                r.actual = "80人".into();
                r.score = "45".into()
            })
        },
        |f| {
            cell(f, 0, |r| {
                r.actual = "80人".into();
                r.score = "40".into()
            })
        },
    );
    case(
        Code::DeductionNoReason,
        |f| {
            cell(f, 0, |r| {
                r.actual = "80人".into();
                r.score = "40".into()
            })
        },
        |f| {
            cell(f, 0, |r| {
                r.actual = "80人".into();
                r.score = "40".into();
                r.reason = "培训场地受限".into()
            })
        },
    );
    case(
        Code::DeductionTargetMet,
        |f| {
            cell(f, 0, |r| {
                r.score = "45".into();
                r.reason = "酌情扣分".into()
            })
        },
        |f| cell(f, 0, |r| r.score = "50".into()),
    );
    case(
        Code::FullScoreTargetMissed,
        |f| cell(f, 0, |r| r.actual = "80人".into()),
        |f| {
            cell(f, 0, |r| {
                r.actual = "80人".into();
                r.score = "40".into()
            })
        },
    );
    case(
        Code::Overshoot,
        |f| cell(f, 0, |r| r.actual = "120人".into()),
        |f| cell(f, 0, |r| r.actual = "119人".into()),
    );
    case(
        Code::Overshoot,
        |f| {
            cell(f, 0, |r| {
                r.target = "=100人".into();
                r.actual = "101人".into()
            })
        },
        |f| cell(f, 0, |r| r.target = "=100人".into()),
    );
    case(
        Code::UnitsDiffer,
        |f| cell(f, 0, |r| r.actual = "100%".into()),
        |f| cell(f, 0, |r| r.actual = "100".into()),
    );
    case(
        Code::NotQuantified,
        |f| cell(f, 0, |r| r.target = "有所提升".into()),
        |f| cell(f, 1, |r| r.target = "有所提升".into()),
    );
    case(
        Code::QualitativeOutOfBand,
        |f| {
            cell(f, 1, |r| {
                r.target = "有所提升".into();
                r.actual = "部分达成".into();
                r.score = "25".into();
                r.reason = "宣传覆盖不足".into()
            })
        },
        |f| {
            cell(f, 1, |r| {
                r.target = "有所提升".into();
                r.actual = "部分达成".into();
                r.score = "21".into();
                r.reason = "宣传覆盖不足".into()
            })
        },
    );
    case(
        Code::ActualLooksLikeTarget,
        |f| cell(f, 0, |r| r.actual = "≥100人".into()),
        |f| cell(f, 0, |r| r.actual = "100人".into()),
    );
    case(
        Code::ValueUnreadable,
        |f| cell(f, 0, |r| r.weight = "五十".into()),
        |f| cell(f, 0, |r| r.weight = "５０".into()),
    );
    case(
        Code::ValueUnreadable,
        |f| f.funds.total.executed = "一百".into(),
        |_| {},
    );
    case(
        Code::ScoreMissing,
        |f| {
            cell(f, 1, |r| {
                r.target = "有所提升".into();
                r.actual = "有所提升".into();
                r.score = String::new()
            })
        },
        |f| {
            cell(f, 1, |r| {
                r.target = "有所提升".into();
                r.actual = "有所提升".into()
            })
        },
    );
}

/// Every row's weight taken away: a template that caps only its sections.
fn unweighted(form: &mut Form) {
    for section in 0..3 {
        cell(form, section, |r| r.weight = String::new());
    }
}

#[test]
fn the_template_arithmetic_codes_are_raised_where_they_apply() {
    case(
        Code::SectionOverCap,
        |f| {
            unweighted(f);
            cell(f, 0, |r| r.score = "52".into())
        },
        |f| {
            unweighted(f);
            cell(f, 0, |r| r.score = "50".into())
        },
    );
    case(Code::RowWeightsMissing, unweighted, |_| {});
    case(
        Code::NameSuspect,
        |f| cell(f, 0, |r| r.name = "城区城乡帮困项\n目".into()),
        |f| cell(f, 0, |r| r.name = "城区城乡\n帮困项目".into()),
    );
    case(
        Code::NameSuspect,
        |f| cell(f, 1, |r| r.name = "95%".into()),
        |f| cell(f, 1, |r| r.name = "群众知晓率".into()),
    );
    case(
        Code::ProfileWeightDiffers,
        |f| {
            f.funds.weight = "20".into();
            cell(f, 0, |r| {
                r.weight = "40".into();
                r.score = "40".into()
            })
        },
        |f| f.funds.weight = "10".into(),
    );
    case(
        Code::ActualsMissing,
        |f| {
            for section in 0..3 {
                cell(f, section, |r| r.actual = String::new());
            }
        },
        |f| cell(f, 0, |r| r.actual = String::new()),
    );
    case(
        Code::NotScored,
        |f| {
            for section in 0..3 {
                cell(f, section, |r| {
                    r.actual = String::new();
                    r.score = String::new()
                });
            }
        },
        |f| cell(f, 0, |r| r.score = String::new()),
    );
}

#[test]
fn every_code_of_the_spec_has_a_table_line() {
    // The narrative's codes (SPEC §9) have their table in narrative.rs.
    let source = include_str!("findings.rs");
    for code in Code::ALL.iter().filter(|code| !code.is_narrative()) {
        assert!(
            source.contains(&format!("Code::{code:?},")),
            "no table line for {}",
            code.key()
        );
    }
}

#[test]
fn severities_and_messages_say_what_is_wrong_and_what_would_be_right() {
    let raised = findings(|f| f.claim.total = "98".into(), &Profile::default());
    assert_eq!(raised[0].severity, Severity::Error);
    assert_eq!(raised[0].message, "申报总分 98，按各项得分合计应为 100");
    let raised = findings(
        |f| cell(f, 0, |r| r.score = "60".into()),
        &Profile::default(),
    );
    let over = raised
        .iter()
        .find(|f| f.code == Code::ScoreOverWeight)
        .unwrap();
    assert_eq!(over.message, "培训人次：得分 60 超过分值 50，按 50 计");
    let raised = findings(
        |f| f.funds.sub_rows[0].full_year = "100.01".into(),
        &Profile::default(),
    );
    let sum = raised
        .iter()
        .find(|f| f.code == Code::FundsSumMismatch)
        .unwrap();
    assert_eq!(sum.severity, Severity::Info);
    // The profile sets the overshoot ratio.
    let lenient = Profile {
        overshoot_ratio: "1.5".parse().unwrap(),
        ..Profile::default()
    };
    assert!(
        findings(|f| cell(f, 0, |r| r.actual = "130人".into()), &lenient)
            .iter()
            .all(|f| f.code != Code::Overshoot)
    );
}

/// A deduction's reason counts when something is written, not when the cell holds one of the
/// fillers forms use for "nothing" (in any width), however it starts.
#[test]
fn a_filler_is_no_reason_and_any_written_reason_is() {
    let raises_no_reason = |reason: &str| {
        let mut form = clean();
        cell(&mut form, 0, |r| {
            r.actual = "80人".into();
            r.score = "40".into();
            r.reason = reason.into();
        });
        let document = document(Profile::default(), vec![form]);
        evaluate(&document.forms[0], &Profile::default())
            .findings
            .iter()
            .any(|f| f.code == Code::DeductionNoReason)
    };
    for filler in [
        "",
        "　",
        "—",
        "——",
        "／",
        "－",
        " - ",
        "\\",
        "无数据",
        "　无数据　",
    ] {
        assert!(raises_no_reason(filler), "{filler:?} counted as a reason");
    }
    for written in [
        "材料涨价",
        "无",
        "无数据可查",
        "疫情影响，已整改",
        "COVID",
        "—因场地受限",
        "1月停工",
    ] {
        assert!(
            !raises_no_reason(written),
            "{written:?} not counted as a reason"
        );
    }
}

/// A finding names its row as written, trimmed, and names a row without a name as such.
#[test]
fn findings_quote_the_rows_name() {
    let raised = findings(
        |f| {
            cell(f, 0, |r| {
                r.name = "  培训人次 ".into();
                r.score = "60".into()
            })
        },
        &Profile::default(),
    );
    assert!(
        raised
            .iter()
            .any(|f| f.message == "培训人次：得分 60 超过分值 50，按 50 计"),
        "{raised:#?}"
    );
    let raised = findings(
        |f| {
            cell(f, 0, |r| {
                r.name = "　".into();
                r.score = "60".into()
            })
        },
        &Profile::default(),
    );
    assert!(
        raised
            .iter()
            .any(|f| f.message == "（未命名指标）：得分 60 超过分值 50，按 50 计"),
        "{raised:#?}"
    );
}
