//! The review report (复核意见): every form's computed figures beside what the filer claimed,
//! and every finding in order — a reviewer's memo to copy or print.

use std::borrow::Borrow;

use crate::check::{Code, Finding, Place, Severity};
use crate::model::{Document, Form, FormKind};
use crate::narrative::check_narrative;
use crate::number::{
    distance, percent, plain, rate_matches_claim, read_number, two_places, NumberCell,
};
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
    /// The unit's conclusion in one line (总分不符：申报 98.19，应为 96.19；等级应为 优).
    pub conclusion: String,
    /// Every finding, as the checks raised them.
    pub findings: Vec<Finding>,
    /// The memo's lines: errors, then warnings, then notes; the findings on one indicator
    /// said in one line.
    pub lines: Vec<ReportLine>,
}

/// One line of a unit's memo: one finding, or every finding on one indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    /// The most serious of its findings.
    pub severity: Severity,
    pub codes: Vec<Code>,
    /// The findings' short titles (扣分未写原因、单位不一致).
    pub title: String,
    pub text: String,
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

/// The report of a document whose forms have been evaluated (one evaluation per form): each
/// unit's memo holds its form's findings and the narrative's findings on that form (those
/// on no form under the first form's unit).
pub fn review_report<E: Borrow<Evaluation>>(
    document: &Document,
    evaluations: &[E],
) -> ReviewReport {
    let narrative = check_narrative(document, evaluations);
    let forms = document
        .forms
        .iter()
        .zip(evaluations)
        .enumerate()
        .map(|(index, (form, evaluation))| {
            let words: Vec<Finding> = narrative
                .iter()
                .filter(|found| found.form.map_or(index == 0, |id| id == form.id))
                .map(|found| found.as_finding(document))
                .collect();
            form_report(form, evaluation.borrow(), document.profile.tolerance, words)
        })
        .collect();
    ReviewReport { forms }
}

fn form_report(
    form: &Form,
    evaluation: &Evaluation,
    profile_tolerance: rust_decimal::Decimal,
    words: Vec<Finding>,
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
                .is_some_and(|c| distance(c, score.funds.score) > profile_tolerance),
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
    let mut findings = evaluation.findings.clone();
    findings.extend(words);
    let lines = memo_lines(&findings);
    FormReport {
        title: format!("{name}（{}）", kind_name(form.kind)),
        conclusion: conclusion(&figures, &lines, score.total.is_none()),
        figures,
        findings,
        lines,
    }
}

/// The unit's conclusion: what the filer must correct in the result, else that it stands.
fn conclusion(figures: &[Figure], lines: &[ReportLine], unscored: bool) -> String {
    if unscored {
        return "本表未评分，无法计算总分和等级".to_owned();
    }
    let figure = |label: &str| figures.iter().find(|f| f.label == label);
    let mut parts = Vec::new();
    if let Some(total) = figure("总分").filter(|f| f.differs) {
        parts.push(format!(
            "总分不符：申报 {}，应为 {}",
            total.claimed, total.computed
        ));
    }
    if let Some(grade) = figure("等级").filter(|f| f.differs) {
        parts.push(format!("等级应为 {}", grade.computed));
    }
    let errors = lines
        .iter()
        .filter(|l| l.severity == Severity::Error)
        .count();
    if parts.is_empty() {
        let total = figure("总分").map_or("", |f| f.computed.as_str());
        let grade = figure("等级").map_or("", |f| f.computed.as_str());
        parts.push(format!("总分 {total}，等级 {grade}"));
        parts.push(if errors == 0 {
            "未发现需更正的错误".to_owned()
        } else {
            format!("另有 {errors} 处错误需更正")
        });
    }
    parts.join("；")
}

/// The memo's lines: the findings by severity, those on one indicator in one line.
pub fn memo_lines(findings: &[Finding]) -> Vec<ReportLine> {
    let row = |f: &Finding| match f.place {
        Place::Row { id, .. } => Some(id),
        _ => None,
    };
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for finding in findings {
        let same_row = groups.iter_mut().find(|group| {
            row(finding).is_some()
                && group
                    .first()
                    .is_some_and(|first| row(first) == row(finding))
        });
        match same_row {
            Some(group) => group.push(finding),
            None => groups.push(vec![finding]),
        }
    }
    let mut lines: Vec<ReportLine> = groups
        .into_iter()
        .filter_map(|group| memo_line(&group))
        .collect();
    lines.sort_by_key(|line| line.severity);
    lines
}

/// One indicator's findings in one line: their titles, then their messages, the indicator's
/// name said once.
fn memo_line(group: &[&Finding]) -> Option<ReportLine> {
    let first = group.first()?;
    let severity = group
        .iter()
        .map(|f| f.severity)
        .min()
        .unwrap_or(first.severity);
    let mut titles: Vec<&str> = Vec::new();
    for finding in group {
        if !titles.contains(&finding.code.title()) {
            titles.push(finding.code.title());
        }
    }
    let prefix = first.message.split_once('：').map(|(name, _)| name);
    let text = group
        .iter()
        .enumerate()
        .map(|(i, f)| match (i, prefix, f.message.split_once('：')) {
            (1.., Some(prefix), Some((name, rest))) if name == prefix => rest,
            _ => f.message.as_str(),
        })
        .collect::<Vec<_>>()
        .join("；");
    Some(ReportLine {
        severity,
        codes: group.iter().map(|f| f.code).collect(),
        title: titles.join("、"),
        text,
    })
}

/// A severity as the memo writes it.
pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误",
        Severity::Warning => "提醒",
        Severity::Info => "提示",
    }
}

impl FormReport {
    /// The unit's memo as plain text: its title, conclusion, figures and findings in words,
    /// with no finding codes (those are for machines).
    pub fn to_text(&self, number: usize) -> String {
        let mut text = format!("{number}、{}\n  结论：{}\n", self.title, self.conclusion);
        for figure in &self.figures {
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
        if self.lines.is_empty() {
            text.push_str("  未发现问题。\n");
        }
        for (n, line) in (1_usize..).zip(&self.lines) {
            text.push_str(&format!(
                "  （{n}）[{}] {}：{}\n",
                severity_name(line.severity),
                line.title,
                line.text
            ));
        }
        text
    }
}

impl ReviewReport {
    /// The report as plain text, to paste into a memo.
    pub fn to_text(&self) -> String {
        let mut text = String::from("复核意见\n");
        for (n, form) in (1_usize..).zip(&self.forms) {
            text.push('\n');
            text.push_str(&form.to_text(n));
        }
        text
    }
}
