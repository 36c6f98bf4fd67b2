//! Review findings (SPEC §6): what a finance-bureau reviewer checks on every form, each with a
//! stable code, a severity, the place it concerns and a plain Chinese message that says what
//! is wrong and what would be right.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Form, FundsColumn, FundsRow, RowContext, RowField, RowId, Section, SectionId};
use crate::normalize::{is_empty_marker, normalize};
use crate::number::{
    distance, rate_matches_claim, read_number, read_part, read_rate, round2, two_places,
    NumberCell, Plain,
};
use crate::profile::{Denominator, Profile};
use crate::score::{
    denominator_of, level_band, rate_amounts, FormScore, Grade, RowKind, RowScore, SectionScore,
    Source,
};
use crate::value::{read_value, Direction, Reading};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The `data-severity` value of the automation contract.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($code:ident => $key:literal, $severity:ident, $zh:literal, $en:literal;)*) => {
        /// The stable codes of SPEC §6.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum Code { $($code,)* }

        impl Code {
            /// Every code, in the order of SPEC §6.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The stable code as text (`SCORE_OVER_WEIGHT`), for machines: data attributes,
            /// JSON and tooltips, never the text a clerk reads.
            pub fn key(self) -> &'static str {
                match self { $(Code::$code => $key,)* }
            }

            /// The severity the code usually carries.
            pub fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$severity,)* }
            }

            /// A short title in the office Chinese a clerk uses (扣分未写原因).
            pub fn title(self) -> &'static str {
                match self { $(Code::$code => $zh,)* }
            }

            /// The title in English, for the page in English.
            pub fn title_en(self) -> &'static str {
                match self { $(Code::$code => $en,)* }
            }
        }
    };
}

codes! {
    ScoreOverWeight => "SCORE_OVER_WEIGHT", Error, "得分超出分值", "Score above its weight";
    WeightsNot100 => "WEIGHTS_NOT_100", Error, "分值合计不是100", "Weights do not add up to 100";
    SectionWeightMismatch => "SECTION_WEIGHT_MISMATCH", Warning, "一级指标分值不符", "Section weight differs";
    TotalMismatch => "TOTAL_MISMATCH", Error, "总分不符", "Total differs";
    GradeMismatch => "GRADE_MISMATCH", Error, "等级不符", "Grade differs";
    RateMismatch => "RATE_MISMATCH", Error, "执行率算错", "Execution rate miscalculated";
    BudgetScoreMismatch => "BUDGET_SCORE_MISMATCH", Error, "预算执行得分算错", "Budget score miscalculated";
    FundsSumMismatch => "FUNDS_SUM_MISMATCH", Error, "资金合计与分项不符", "Funds total differs from its parts";
    NoBudget => "NO_BUDGET", Error, "缺少预算数", "No budget figure";
    ExecutionOverBudget => "EXECUTION_OVER_BUDGET", Warning, "执行数超过预算数", "Spending above budget";
    LowExecutionNoReason => "LOW_EXECUTION_NO_REASON", Warning, "执行率低未说明原因", "Low execution, no reason";
    ScoreDiffersFromRule => "SCORE_DIFFERS_FROM_RULE", Warning, "得分与计分规则不符", "Score differs from the rule";
    DeductionNoReason => "DEDUCTION_NO_REASON", Warning, "扣分未写原因", "Points deducted, no reason";
    DeductionTargetMet => "DEDUCTION_TARGET_MET", Warning, "完成目标却扣分", "Target met, points deducted";
    FullScoreTargetMissed => "FULL_SCORE_TARGET_MISSED", Warning, "未完成目标却给满分", "Target missed, full marks";
    Overshoot => "OVERSHOOT", Info, "目标可能定得过低", "Target possibly set too low";
    UnitsDiffer => "UNITS_DIFFER", Warning, "单位不一致", "Units differ";
    NotQuantified => "NOT_QUANTIFIED", Warning, "指标未量化", "Target not quantified";
    QualitativeOutOfBand => "QUALITATIVE_OUT_OF_BAND", Warning, "定性得分超出档次", "Qualitative score outside its band";
    ActualLooksLikeTarget => "ACTUAL_LOOKS_LIKE_TARGET", Info, "实际值像照抄目标", "Actual looks copied from the target";
    ValueUnreadable => "VALUE_UNREADABLE", Warning, "数值无法识别", "Number not readable";
    ScoreMissing => "SCORE_MISSING", Warning, "缺少得分", "Score missing";
    SectionOverCap => "SECTION_OVER_CAP", Error, "一级指标得分超上限", "Section above its cap";
    RowWeightsMissing => "ROW_WEIGHTS_MISSING", Info, "三级指标未设分值", "Rows carry no weights";
    NotScored => "NOT_SCORED", Warning, "本表未评分", "Form not scored";
    ActualsMissing => "ACTUALS_MISSING", Warning, "缺少实际完成值", "No actual values";
    NameSuspect => "NAME_SUSPECT", Info, "指标名称疑似混入别列内容", "Name looks mixed with another column";
    ProfileWeightDiffers => "PROFILE_WEIGHT_DIFFERS", Info, "预算执行分值与口径不同", "Budget weight differs from the profile";
    NarrativeSumMismatch => "NARRATIVE_SUM_MISMATCH", Warning, "正文数字加总不符", "Figures in the text do not add up";
    NarrativeFormMismatch => "NARRATIVE_FORM_MISMATCH", Warning, "正文与自评表不符", "Text differs from the form";
    NarrativeNoForm => "NARRATIVE_NO_FORM", Info, "正文所述项目没有自评表", "Project in the text has no form";
}

impl Code {
    /// Whether the code is one of the narrative's (SPEC §9), raised on the report's words
    /// rather than on a form.
    pub fn is_narrative(self) -> bool {
        matches!(
            self,
            Code::NarrativeSumMismatch | Code::NarrativeFormMismatch | Code::NarrativeNoForm
        )
    }
}

/// Where on the form a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Place {
    /// The form as a whole: its total, grade or weights.
    Form,
    /// A funds cell: row 0 is the total row, 1… the sub-rows.
    Funds { row: usize, column: FundsColumn },
    /// A first-level section.
    Section(SectionId),
    /// An indicator cell.
    Row { id: RowId, field: RowField },
}

/// One review finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub place: Place,
    pub message: String,
}

struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, code: Code, place: Place, message: String) {
        self.push_as(code, code.severity(), place, message);
    }

    fn push_as(&mut self, code: Code, severity: Severity, place: Place, message: String) {
        self.0.push(Finding {
            code,
            severity,
            place,
            message,
        });
    }
}

/// Every finding on a form, form-level first, then the funds block, then row by row.
pub fn check_form(form: &Form, score: &FormScore, profile: &Profile) -> Vec<Finding> {
    let mut findings = Findings(check_form_level(form, score, profile));
    for (context, row_score) in form.rows().zip(&score.rows) {
        check_one_row(context, row_score, profile, &mut findings);
    }
    let mut findings = findings.0;
    settle(&mut findings, form, score);
    findings
}

/// What is said of the form as a whole rather than row by row: a form nothing was typed or
/// pasted into raises nothing (a blank form is not a form with mistakes); on a form none of
/// whose rows is scored, `NOT_SCORED` says it once, not a `SCORE_MISSING` on every row.
pub fn settle(findings: &mut Vec<Finding>, form: &Form, score: &FormScore) {
    if !form.has_content() {
        findings.clear();
    } else if score.total.is_none() {
        findings.retain(|finding| finding.code != Code::ScoreMissing);
    }
}

/// The findings above the rows: totals, grade, weights, the funds block and the sections.
pub fn check_form_level(form: &Form, score: &FormScore, profile: &Profile) -> Vec<Finding> {
    let mut findings = Findings(Vec::new());
    check_totals(form, score, &mut findings);
    check_funds(form, score, profile, &mut findings);
    check_sections(form, score, profile, &mut findings);
    check_actuals(form, score, &mut findings);
    findings.0
}

/// The findings on one indicator row.
pub fn check_row(context: RowContext, score: &RowScore, profile: &Profile) -> Vec<Finding> {
    let mut findings = Findings(Vec::new());
    check_one_row(context, score, profile, &mut findings);
    findings.0
}

fn is_blank(text: &str) -> bool {
    let text = text.trim();
    // A filler is a few dashes, slashes or 无数据; a written reason, which nearly always
    // starts with another ideograph or is longer than any filler, is not normalised at all.
    let written = text
        .chars()
        .next()
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '无');
    text.is_empty()
        || (!written && text.chars().nth(6).is_none() && is_empty_marker(&normalize(text)))
}

fn check_totals(form: &Form, score: &FormScore, findings: &mut Findings) {
    let hundred = Decimal::ONE_HUNDRED;
    if score.weight_sum != hundred {
        findings.push(
            Code::WeightsNot100,
            Place::Form,
            format!(
                "预算执行分值 {} 与各三级指标分值合计 {}，共 {}，应为 100",
                Plain(score.funds.weight),
                Plain(score.weight_sum.saturating_sub(score.funds.weight)),
                Plain(score.weight_sum)
            ),
        );
    }
    let (Some(total), Some(grade)) = (score.total, score.grade) else {
        if form.has_content() {
            findings.push(
                Code::NotScored,
                Place::Form,
                format!("{}（未评分）", score.not_computable().unwrap_or_default()),
            );
        }
        return;
    };
    match read_number(&form.claim.total) {
        NumberCell::Number(claimed) if round2(claimed) != total => findings.push(
            Code::TotalMismatch,
            Place::Form,
            format!(
                "申报总分 {}，按各项得分合计应为 {}",
                Plain(claimed),
                Plain(total)
            ),
        ),
        NumberCell::Unreadable => unreadable(findings, Place::Form, "总分", &form.claim.total),
        _ => {}
    }
    if let Some(claimed) = Grade::parse(&form.claim.grade) {
        if claimed != grade {
            findings.push(
                Code::GradeMismatch,
                Place::Form,
                format!(
                    "申报等级“{}”，总分 {} 对应等级应为“{}”",
                    claimed.label(),
                    Plain(total),
                    grade.label()
                ),
            );
        }
    } else if !is_blank(&form.claim.grade) {
        findings.push(
            Code::ValueUnreadable,
            Place::Form,
            format!("等级“{}”不是优、良、中、差之一", form.claim.grade.trim()),
        );
    }
}

fn unreadable(findings: &mut Findings, place: Place, what: &str, text: &str) {
    let why = if crate::number::beyond_range(text) {
        "数值超出范围（绝对值须小于一千万亿，小数不超过 12 位），不参与计算"
    } else if crate::number::is_negative(text) {
        "不能为负数，不参与计算"
    } else {
        "无法识别为数字"
    };
    findings.push(
        Code::ValueUnreadable,
        place,
        format!("{what}“{}”{why}", text.trim()),
    );
}

fn denominator_name(column: Denominator) -> &'static str {
    match column {
        Denominator::FullYear => "全年预算数",
        Denominator::Initial => "年初预算数",
    }
}

fn check_funds(form: &Form, score: &FormScore, profile: &Profile, findings: &mut Findings) {
    let funds = &form.funds;
    let total_place = |column| Place::Funds { row: 0, column };
    let denominator = denominator_of(funds, profile);
    let budget_column = match denominator {
        Denominator::FullYear => FundsColumn::FullYear,
        Denominator::Initial => FundsColumn::Initial,
    };
    for (index, row) in std::iter::once(&funds.total)
        .chain(&funds.sub_rows)
        .enumerate()
    {
        for column in [
            FundsColumn::Initial,
            FundsColumn::FullYear,
            FundsColumn::Executed,
        ] {
            if read_number(row.amount(column)) == NumberCell::Unreadable {
                let what = format!("{}的{}", row.label.trim(), column_name(column));
                unreadable(
                    findings,
                    Place::Funds { row: index, column },
                    &what,
                    row.amount(column),
                );
            }
        }
        let rate = score.funds.rate_of(index);
        check_claimed_rate(row, index, rate, denominator, findings);
    }
    match read_number(&funds.weight) {
        NumberCell::Unreadable => unreadable(
            findings,
            total_place(FundsColumn::Weight),
            "预算执行分值",
            &funds.weight,
        ),
        NumberCell::Number(weight) if weight != profile.budget_weight => findings.push(
            Code::ProfileWeightDiffers,
            total_place(FundsColumn::Weight),
            format!(
                "本表预算执行分值 {} 分，{}口径为 {} 分；按本表计",
                Plain(weight),
                profile.name,
                Plain(profile.budget_weight)
            ),
        ),
        _ => {}
    }
    let (budget, executed, _) = rate_amounts(funds, profile);
    let budget = budget.value().unwrap_or(Decimal::ZERO);
    let executed = executed.value();
    if budget <= Decimal::ZERO {
        findings.push(
            Code::NoBudget,
            total_place(budget_column),
            format!(
                "{}为 0 或未填，无法计算执行率",
                denominator_name(denominator)
            ),
        );
    } else if let Some(executed) = executed.filter(|b| *b > budget) {
        findings.push(
            Code::ExecutionOverBudget,
            total_place(FundsColumn::Executed),
            format!(
                "全年执行数 {} 超过{} {}",
                Plain(executed),
                denominator_name(denominator),
                Plain(budget)
            ),
        );
    }
    if let (Some(rate), Some(threshold)) = (score.funds.rate, profile.low_execution_reason_below) {
        if rate < threshold && is_blank(&funds.reason) {
            findings.push(
                Code::LowExecutionNoReason,
                total_place(FundsColumn::Executed),
                format!(
                    "执行率 {} 低于 {}，未说明原因",
                    crate::number::percent(rate),
                    crate::number::percent(threshold)
                ),
            );
        }
    }
    match read_number(&funds.total.claimed_score) {
        NumberCell::Number(claimed) if distance(claimed, score.funds.score) > profile.tolerance => {
            findings.push(
                Code::BudgetScoreMismatch,
                total_place(FundsColumn::ClaimedScore),
                format!(
                    "申报预算执行得分 {}，按 分值 × 执行率 应为 {}（{}）",
                    Plain(claimed),
                    Plain(score.funds.score),
                    score.funds.explanation()
                ),
            )
        }
        NumberCell::Unreadable => unreadable(
            findings,
            total_place(FundsColumn::ClaimedScore),
            "预算执行得分",
            &funds.total.claimed_score,
        ),
        _ => {}
    }
    for column in [
        FundsColumn::Initial,
        FundsColumn::FullYear,
        FundsColumn::Executed,
    ] {
        check_funds_sum(
            &funds.total,
            &funds.sub_rows,
            column,
            profile.tolerance,
            findings,
        );
    }
}

fn column_name(column: FundsColumn) -> &'static str {
    match column {
        FundsColumn::Initial => "年初预算数",
        FundsColumn::FullYear => "全年预算数",
        FundsColumn::Executed => "全年执行数",
        FundsColumn::Weight => "分值",
        FundsColumn::ClaimedRate => "执行率",
        FundsColumn::ClaimedScore => "得分",
    }
}

fn check_claimed_rate(
    row: &FundsRow,
    index: usize,
    rate: Option<Decimal>,
    denominator: Denominator,
    findings: &mut Findings,
) {
    let place = Place::Funds {
        row: index,
        column: FundsColumn::ClaimedRate,
    };
    match read_rate(&row.claimed_rate) {
        (NumberCell::Number(_), _) => {
            let Some(rate) = rate else { return };
            if rate_matches_claim(rate, &row.claimed_rate) == Some(false) {
                findings.push(
                    Code::RateMismatch,
                    place,
                    format!(
                        "{}申报执行率 {}，按 全年执行数 ÷ {} 应为 {}",
                        row.label.trim(),
                        row.claimed_rate.trim(),
                        denominator_name(denominator),
                        crate::number::percent(rate)
                    ),
                );
            }
        }
        (NumberCell::Unreadable, _) => unreadable(findings, place, "执行率", &row.claimed_rate),
        (NumberCell::Empty, _) => {}
    }
}

fn check_funds_sum(
    total: &FundsRow,
    subs: &[FundsRow],
    column: FundsColumn,
    tolerance: Decimal,
    findings: &mut Findings,
) {
    let values: Vec<Decimal> = subs
        .iter()
        .filter_map(|row| read_number(row.amount(column)).value())
        .collect();
    if values.is_empty() {
        return;
    }
    let sum = values
        .iter()
        .fold(Decimal::ZERO, |sum, value| sum.saturating_add(*value));
    let stated = read_number(total.amount(column)).or_zero();
    let difference = distance(stated, sum);
    if difference.is_zero() {
        return;
    }
    let rounding = difference <= tolerance.saturating_mul(Decimal::from(values.len()));
    let (severity, note) = if rounding {
        (Severity::Info, "，属四舍五入误差")
    } else {
        (Severity::Error, "")
    };
    findings.push_as(
        Code::FundsSumMismatch,
        severity,
        Place::Funds { row: 0, column },
        format!(
            "{}合计 {} 与各分项之和 {} 不一致（相差 {}{note}）",
            column_name(column),
            two_places(stated),
            two_places(sum),
            two_places(difference)
        ),
    );
}

fn check_sections(form: &Form, score: &FormScore, profile: &Profile, findings: &mut Findings) {
    if form.rows_unweighted() {
        check_caps(form, score, findings);
        return;
    }
    for (section, section_score) in form.sections.iter().zip(&score.sections) {
        let place = Place::Section(section.id);
        if read_number(&section.declared_weight) == NumberCell::Unreadable {
            unreadable(findings, place, "一级指标分值", &section.declared_weight);
        }
        let Some(declared) = section_score.declared else {
            continue;
        };
        if declared != section_score.weight_sum {
            findings.push(
                Code::SectionWeightMismatch,
                place,
                format!(
                    "{}声明 {} 分，其三级指标分值合计 {} 分",
                    section.name,
                    Plain(declared),
                    Plain(section_score.weight_sum)
                ),
            );
        }
        let rule = profile
            .sections
            .iter()
            .find(|rule| rule.names.len() == 1 && rule.covers(&section.name));
        if let Some(rule) = rule.filter(|rule| rule.weight != declared) {
            findings.push_as(
                Code::SectionWeightMismatch,
                Severity::Info,
                place,
                format!(
                    "表头声明{} {} 分，{}口径为 {} 分；按表头计",
                    section.name,
                    Plain(declared),
                    profile.name,
                    Plain(rule.weight)
                ),
            );
        }
    }
    check_undeclared_groups(&form.sections, &score.sections, profile, findings);
}

/// A form whose rows are scored but none of which states what was achieved (a form without
/// a 实际完成值 column): its scores cannot be checked against the rules.
fn check_actuals(form: &Form, score: &FormScore, findings: &mut Findings) {
    let scored = score.rows.iter().any(|row| row.source == Source::Entered);
    if scored && form.rows().all(|context| is_blank(&context.row.actual)) {
        findings.push(
            Code::ActualsMissing,
            Place::Form,
            "本表各指标都没有实际完成值：填报得分无法按规则核对".to_owned(),
        );
    }
}

/// A form whose rows carry no weights is held to its sections' caps (产出指标(60分)).
fn check_caps(form: &Form, score: &FormScore, findings: &mut Findings) {
    findings.push(
        Code::RowWeightsMissing,
        Place::Form,
        "本表三级指标未设分值，只有一级指标的分值上限：各指标按填报得分计，按一级指标上限复核"
            .to_owned(),
    );
    for (section, section_score) in form.sections.iter().zip(&score.sections) {
        let Some(cap) = section_score.declared else {
            continue;
        };
        if section_score.row_sum > cap {
            findings.push(
                Code::SectionOverCap,
                Place::Section(section.id),
                format!(
                    "{}上限 {} 分，各指标得分合计 {} 分，超出 {} 分；按 {} 分计",
                    section.name,
                    Plain(cap),
                    Plain(section_score.row_sum),
                    Plain(section_score.row_sum.saturating_sub(cap)),
                    Plain(section_score.subtotal)
                ),
            );
        }
    }
}

/// Sections that declare no weight are held to the profile's default for their group.
fn check_undeclared_groups(
    sections: &[Section],
    scores: &[SectionScore],
    profile: &Profile,
    findings: &mut Findings,
) {
    for rule in &profile.sections {
        let members: Vec<(&Section, &SectionScore)> = sections
            .iter()
            .zip(scores)
            .filter(|(section, score)| score.declared.is_none() && rule.covers(&section.name))
            .collect();
        let Some((first, _)) = members.first() else {
            continue;
        };
        let sum = members.iter().fold(Decimal::ZERO, |sum, (_, score)| {
            sum.saturating_add(score.weight_sum)
        });
        if sum != rule.weight {
            let names: Vec<&str> = members
                .iter()
                .map(|(section, _)| section.name.as_str())
                .collect();
            findings.push(
                Code::SectionWeightMismatch,
                Place::Section(first.id),
                format!(
                    "{}的三级指标分值合计 {} 分，{}口径应为 {} 分",
                    names.join("、"),
                    Plain(sum),
                    profile.name,
                    Plain(rule.weight)
                ),
            );
        }
    }
}

/// A row's name as findings quote it. Most rows raise nothing, so the name is trimmed only
/// when a message is written.
#[derive(Clone, Copy)]
struct RowName<'a>(&'a str);

impl std::fmt::Display for RowName<'_> {
    /// The name on one line: a line break in a pasted cell is where Word wrapped it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.trim() {
            "" => f.write_str("（未命名指标）"),
            name => name
                .lines()
                .map(str::trim)
                .try_for_each(|line| f.write_str(line)),
        }
    }
}

/// Why a name looks like it holds text from another column: a last line of a character or
/// two (a neighbouring cell's end, 城区城乡帮困项目⏎业), a number, or a sign or percent
/// that belongs to a target or an actual (95%, ≥90).
fn suspect_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let last = name.lines().map(str::trim).rfind(|l| !l.is_empty());
    if name.lines().filter(|l| !l.trim().is_empty()).count() > 1
        && last.is_some_and(|line| line.chars().count() <= 2)
    {
        return Some("最后一行只有一两个字，像是相邻单元格的内容");
    }
    // A number has a digit, ASCII or full-width; most names have none to read.
    let has_digit = name
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if has_digit
        && (matches!(read_number(name), NumberCell::Number(_))
            || crate::import::header::is_number_cell(name))
    {
        return Some("名称是一个数字");
    }
    if name.contains(['≥', '≤', '%', '％', '≧', '≦']) {
        return Some("名称里有比较符号或百分号，像是指标值");
    }
    None
}

fn check_one_row(
    context: RowContext,
    score: &RowScore,
    profile: &Profile,
    findings: &mut Findings,
) {
    let row = context.row;
    let at = |field| Place::Row { id: row.id, field };
    let name = RowName(&row.name);
    for (field, what, flagged) in [
        (RowField::Weight, "分值", score.cells.weight_unreadable),
        (RowField::Score, "得分", score.cells.score_unreadable),
    ] {
        if flagged {
            unreadable(
                findings,
                at(field),
                &format!("{name}的{what}"),
                row.field(field),
            );
        }
    }
    if let Some(why) = suspect_name(&row.name) {
        // The row as the form has it, so the reviewer sees where the text came from.
        let cells: Vec<String> = [
            &row.level2,
            &row.name,
            &row.target,
            &row.actual,
            &row.weight,
            &row.score,
        ]
        .iter()
        .map(|cell| {
            cell.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("⏎")
        })
        .filter(|cell| !cell.is_empty())
        .collect();
        findings.push(
            Code::NameSuspect,
            at(RowField::Name),
            format!("{name}：{why}（本行：{}）", cells.join(" | ")),
        );
    }
    for (what, flagged, text) in [
        (
            "得分系数",
            score.cells.coefficient_unreadable,
            &row.coefficient,
        ),
        ("权重占比", score.cells.share_unreadable, &row.share),
        ("折算得分", score.cells.converted_unreadable, &row.converted),
    ] {
        if flagged {
            unreadable(
                findings,
                at(RowField::Score),
                &format!("{name}的{what}"),
                text,
            );
        }
    }
    if let Some(entered) = score.entered {
        let over = score.weight.filter(|weight| entered > *weight);
        if over.is_some() || entered < Decimal::ZERO {
            let bound = match over {
                Some(weight) => format!("超过分值 {}", Plain(weight)),
                None => "小于 0".to_owned(),
            };
            findings.push(
                Code::ScoreOverWeight,
                at(RowField::Score),
                format!(
                    "{name}：得分 {} {bound}，按 {} 计",
                    Plain(entered),
                    Plain(score.counted)
                ),
            );
        }
    }
    let written_score = read_number(&row.score).value();
    if let (Some(written), Some(rule)) = (written_score, score.by_coefficient) {
        if distance(written, rule) > profile.tolerance {
            findings.push(
                Code::ScoreDiffersFromRule,
                at(RowField::Score),
                format!(
                    "{name}：填报得分 {}，按 指标权重 × 得分系数（{}）应为 {}",
                    Plain(written),
                    row.coefficient.trim(),
                    two_places(rule)
                ),
            );
        }
    }
    let converted = read_number(&row.converted).value();
    if let (Some(written), Some(score), Some(NumberCell::Number(share))) = (
        converted,
        written_score,
        converted.map(|_| read_part(&row.share)),
    ) {
        let rule = round2(score.saturating_mul(share));
        if distance(written, rule) > profile.tolerance {
            findings.push(
                Code::ScoreDiffersFromRule,
                at(RowField::Score),
                format!(
                    "{name}：折算得分 {}，按 单项得分 {} × 权重占比 {} 应为 {}",
                    Plain(written),
                    Plain(score),
                    row.share.trim(),
                    two_places(rule)
                ),
            );
        }
    }
    if score.source == Source::Missing {
        findings.push(
            Code::ScoreMissing,
            at(RowField::Score),
            format!("{name}：未填得分，也无法按规则计算，按 0 分计"),
        );
    }
    if let Some(weight) = score.weight {
        if score.counted < weight && is_blank(&row.reason) {
            findings.push(
                Code::DeductionNoReason,
                at(RowField::Reason),
                format!(
                    "{name}：扣 {} 分（得分 {} / 分值 {}），未填写偏差原因分析及改进措施",
                    Plain(weight.saturating_sub(score.counted)),
                    Plain(score.counted),
                    Plain(weight)
                ),
            );
        }
    }
    match &score.kind {
        RowKind::Quantitative {
            direction,
            target,
            actual,
            ..
        } => check_quantitative(
            name, *direction, *target, *actual, score, profile, row.id, findings,
        ),
        RowKind::Qualitative { level: Some(level) } => {
            let entered = score.entered.filter(|_| score.source == Source::Entered);
            if let (Some(entered), Some(weight)) = (entered, score.weight) {
                let (low, high, open) = level_band(*level, weight, profile);
                let inside = entered >= low
                    && if open {
                        entered < high
                    } else {
                        entered <= high
                    };
                if !inside {
                    let close = if open { ")" } else { "]" };
                    findings.push(
                        Code::QualitativeOutOfBand,
                        at(RowField::Score),
                        format!(
                            "{name}：得分 {} 不在“{}”的得分区间 [{}, {}{close} 内",
                            Plain(entered),
                            level.label(),
                            Plain(low),
                            Plain(high)
                        ),
                    );
                }
            }
        }
        RowKind::UnitsDiffer(_) => findings.push(
            Code::UnitsDiffer,
            at(RowField::Actual),
            format!("{name}：{}", score.explanation(profile)),
        ),
        RowKind::Qualitative { level: None } | RowKind::Incomplete => {}
    }
    if context.is_measured() && !score.cells.target_quantified {
        findings.push(
            Code::NotQuantified,
            at(RowField::Target),
            format!(
                "{name}：{}的年度指标值“{}”没有量化数值",
                context.level2.trim(),
                row.target.trim()
            ),
        );
    }
    if score.cells.actual_has_operator {
        if let Reading::Quantity(actual) = read_value(&row.actual) {
            findings.push(
                Code::ActualLooksLikeTarget,
                at(RowField::Actual),
                format!(
                    "{name}：实际完成值“{}”带有比较符号，像是照抄了年度指标值；已按 {}{} 计算",
                    row.actual.trim(),
                    Plain(actual.amount),
                    actual.unit
                ),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_quantitative(
    name: RowName,
    direction: Direction,
    target: Decimal,
    actual: Decimal,
    score: &RowScore,
    profile: &Profile,
    id: RowId,
    findings: &mut Findings,
) {
    let at = |field| Place::Row { id, field };
    let Some(weight) = score.weight else {
        return;
    };
    if let (Some(entered), Some(computed)) = (score.entered, score.computed) {
        if distance(entered, computed) > profile.tolerance {
            findings.push(
                Code::ScoreDiffersFromRule,
                at(RowField::Score),
                format!(
                    "{name}：填报得分 {}，按规则应为 {}（{}）",
                    Plain(entered),
                    two_places(computed),
                    score.explanation(profile)
                ),
            );
        }
        if computed == weight && entered < weight {
            findings.push(
                Code::DeductionTargetMet,
                at(RowField::Score),
                format!(
                    "{name}：目标已完成（按规则得满分 {}），却扣了 {} 分",
                    Plain(weight),
                    Plain(weight.saturating_sub(entered))
                ),
            );
        }
        if computed < weight && entered >= weight {
            findings.push(
                Code::FullScoreTargetMissed,
                at(RowField::Score),
                format!(
                    "{name}：目标未完成（按规则得 {}），却填报满分 {}",
                    two_places(computed),
                    Plain(weight)
                ),
            );
        }
    }
    let overshoot = match direction {
        Direction::AtLeast => {
            target > Decimal::ZERO
                && target
                    .checked_mul(profile.overshoot_ratio)
                    .is_some_and(|limit| actual >= limit)
        }
        Direction::Equal => actual > target,
        Direction::AtMost => false,
    };
    if overshoot {
        let ratio = actual
            .checked_div(target)
            .map(|r| format!("，为目标的 {} 倍", Plain(round2(r))))
            .unwrap_or_default();
        findings.push(
            Code::Overshoot,
            at(RowField::Actual),
            format!(
                "{name}：实际完成值 {} 远超年度指标值 {}{ratio}，目标可能定得偏低",
                Plain(actual),
                Plain(target)
            ),
        );
    }
}
