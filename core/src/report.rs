//! The review report (复核意见): every form's computed figures beside what the filer claimed,
//! and every finding in order — a reviewer's memo to copy or print.

use std::borrow::Borrow;

use crate::check::{Finding, Severity};
use crate::model::{Document, Form, FormKind};
use crate::number::{percent, plain, rate_matches_claim, read_number, two_places, NumberCell};
use crate::score::{Grade, NOT_COMPUTABLE};
use crate::Evaluation;

/// One figure: what the filer wrote and what zipin computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub label: &'static str,
    pub claimed: String,
    pub computed: String,
    /// Whether the two disagree.
    pub differs: bool,
}

/// One form's part of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormReport {
    pub title: String,
    pub figures: Vec<Figure>,
    pub findings: Vec<Finding>,
}

/// The whole document's report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewReport {
    pub forms: Vec<FormReport>,
}

fn kind_name(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Department => "部门整体支出绩效自评表",
        FormKind::Project => "项目支出绩效自评表",
    }
}

/// The report of a document whose forms have been evaluated (one evaluation per form).
pub fn review_report<E: Borrow<Evaluation>>(
    document: &Document,
    evaluations: &[E],
) -> ReviewReport {
    let forms = document
        .forms
        .iter()
        .zip(evaluations)
        .map(|(form, evaluation)| {
            form_report(form, evaluation.borrow(), document.profile.tolerance)
        })
        .collect();
    ReviewReport { forms }
}

fn form_report(
    form: &Form,
    evaluation: &Evaluation,
    profile_tolerance: rust_decimal::Decimal,
) -> FormReport {
    let score = &evaluation.score;
    let name = if form.name.trim().is_empty() {
        "（未命名）"
    } else {
        form.name.trim()
    };
    let claimed_number = |text: &str| match read_number(text) {
        NumberCell::Number(value) => Some(value),
        _ => None,
    };
    let rate = score.funds.rate;
    let rate_differs = rate
        .and_then(|rate| rate_matches_claim(rate, &form.funds.total.claimed_rate))
        == Some(false);
    let budget_claim = claimed_number(&form.funds.total.claimed_score);
    let total_claim = claimed_number(&form.claim.total);
    let grade_claim = Grade::parse(&form.claim.grade);
    let figures = vec![
        Figure {
            label: "执行率",
            claimed: form.funds.total.claimed_rate.trim().to_owned(),
            computed: rate.map_or_else(|| NOT_COMPUTABLE.to_owned(), percent),
            differs: rate_differs,
        },
        Figure {
            label: "预算执行得分",
            claimed: budget_claim.map(plain).unwrap_or_default(),
            computed: two_places(score.funds.score),
            differs: budget_claim
                .is_some_and(|c| (c - score.funds.score).abs() > profile_tolerance),
        },
        Figure {
            label: "总分",
            claimed: total_claim.map(plain).unwrap_or_default(),
            computed: score
                .total
                .map_or_else(|| NOT_COMPUTABLE.to_owned(), two_places),
            differs: total_claim
                .zip(score.total)
                .is_some_and(|(c, total)| crate::number::round2(c) != total),
        },
        Figure {
            label: "等级",
            claimed: grade_claim
                .map(|g| g.label().to_owned())
                .unwrap_or_default(),
            computed: score.grade.map_or(NOT_COMPUTABLE, Grade::label).to_owned(),
            differs: grade_claim
                .zip(score.grade)
                .is_some_and(|(claimed, grade)| claimed != grade),
        },
    ];
    FormReport {
        title: format!("{name}（{}）", kind_name(form.kind)),
        figures,
        findings: evaluation.findings.clone(),
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误",
        Severity::Warning => "提醒",
        Severity::Info => "提示",
    }
}

impl ReviewReport {
    /// The report as plain text, to paste into a memo.
    pub fn to_text(&self) -> String {
        let mut text = String::from("复核意见\n");
        for (index, form) in self.forms.iter().enumerate() {
            text.push_str(&format!("\n{}、{}\n", index + 1, form.title));
            for figure in &form.figures {
                let claimed = if figure.claimed.is_empty() {
                    "未填"
                } else {
                    figure.claimed.as_str()
                };
                let mark = if figure.differs {
                    "  ✗ 不一致"
                } else {
                    ""
                };
                text.push_str(&format!(
                    "  {}：填报 {claimed}，计算 {}{mark}\n",
                    figure.label, figure.computed
                ));
            }
            if form.findings.is_empty() {
                text.push_str("  未发现问题。\n");
            }
            for (n, finding) in form.findings.iter().enumerate() {
                text.push_str(&format!(
                    "  （{}）[{}] {}（{}）\n",
                    n + 1,
                    severity_name(finding.severity),
                    finding.message,
                    finding.code.key()
                ));
            }
        }
        text
    }
}
