//! Scoring (SPEC §4): the execution rate and budget score, each indicator row's computed and
//! counted score, section subtotals, the total and the grade. Every computed number comes
//! with the formula that produced it, so the page can show why a score is what it is.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::model::{Form, FundsBlock, FundsRow, RowContext, RowId, SectionId};
use crate::number::{plain, read_number, read_part, round2, two_places, NumberCell};
use crate::profile::{Denominator, Profile};
use crate::value::{read_value, Direction, Level, Quantity, Reading, UnitsDiffer};

/// What the forms' words say where a figure cannot be computed.
pub const NOT_COMPUTABLE: &str = "无法计算";

/// The grade of a form none of whose rows is scored.
pub const NOT_SCORED: &str = "未评分";

/// 优 / 良 / 中 / 差.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    /// The grade as the forms write it; the page shows this whatever its language.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }

    /// The grade a total earns under `profile`.
    pub fn of(total: Decimal, profile: &Profile) -> Grade {
        let bands = &profile.grades;
        if total >= bands.excellent {
            Grade::Excellent
        } else if total >= bands.good {
            Grade::Good
        } else if total >= bands.fair {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    /// The grade a filer wrote ("等级：优", "良好", "优秀"), if the text names one.
    pub fn parse(text: &str) -> Option<Grade> {
        let text = text.trim();
        [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor]
            .into_iter()
            .find(|grade| text.contains(grade.label()))
    }
}

/// The funds block's result.
#[derive(Clone, Debug, PartialEq)]
pub struct FundsScore {
    pub weight: Decimal,
    /// B / A of the total row, unrounded; `None` when A is 0 or missing.
    pub rate: Option<Decimal>,
    /// B / A of each sub-row, in order.
    pub sub_rates: Vec<Option<Decimal>>,
    pub score: Decimal,
    /// The denominator and B of the rate (0 when not given), for the formula.
    pub budget: Decimal,
    pub executed: Decimal,
    /// The total row holds no amounts while its sub-rows do: A and B are the sub-rows' sums
    /// (templates whose 年度资金总额 row was left 0 0 0).
    pub from_sub_rows: bool,
}

impl FundsScore {
    /// The rate of funds row `index`, numbered as [`FundsBlock::row_mut`] numbers them: 0 the
    /// total, then the sub-rows.
    pub fn rate_of(&self, index: usize) -> Option<Decimal> {
        match index.checked_sub(1) {
            None => self.rate,
            Some(sub) => self.sub_rates.get(sub).copied().flatten(),
        }
    }

    /// The formula behind the budget score, or why there is none.
    pub fn explanation(&self) -> String {
        match self.rate {
            None if self.budget <= Decimal::ZERO => {
                "预算数为 0 或未填，无法计算执行率，预算执行得 0 分".to_owned()
            }
            None => "全年执行数未填，无法计算执行率，预算执行得 0 分".to_owned(),
            Some(rate) if rate >= Decimal::ONE => {
                format!("执行率 ≥ 100%，得满分 {}", plain(self.weight))
            }
            Some(_) => formula(self.weight, self.executed, self.budget, "", self.score),
        }
    }
}

/// How a row was read, which decides how it can be scored.
#[derive(Clone, Debug, PartialEq)]
pub enum RowKind {
    /// Both values are numbers in comparable units (already converted to one unit).
    Quantitative {
        direction: Direction,
        target: Decimal,
        actual: Decimal,
        unit: Cow<'static, str>,
    },
    /// Words; scored by level when one is named or chosen.
    Qualitative { level: Option<Level> },
    /// Numbers whose units cannot be compared.
    UnitsDiffer(UnitsDiffer),
    /// The target or the actual is empty.
    Incomplete,
}

/// Which score a row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The score the user entered (or the pasted form carried), clamped into [0, w].
    Entered,
    /// The score computed by the rules.
    Computed,
    /// A qualitative level's suggested score.
    Suggested,
    /// Neither: the row counts 0.
    Missing,
}

/// One indicator row's result.
#[derive(Clone, Debug, PartialEq)]
pub struct RowScore {
    pub id: RowId,
    /// The row's weight; `None` on a form whose rows carry none (sections capped instead).
    pub weight: Option<Decimal>,
    pub kind: RowKind,
    /// The score by the rules (or the level's suggestion), rounded to 0.01.
    pub computed: Option<Decimal>,
    /// The readable entered score, as entered (not clamped); where the row gives a
    /// 得分系数 and no score, weight × 系数.
    pub entered: Option<Decimal>,
    /// weight × 得分系数, where the row gives a coefficient, rounded to 0.01.
    pub by_coefficient: Option<Decimal>,
    /// The score that counts toward the total.
    pub counted: Decimal,
    pub source: Source,
    /// What the checks need to know of the cells, read once here.
    pub cells: CellFacts,
}

/// Facts about a row's cells that the checks use, so they never read a cell again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CellFacts {
    pub weight_unreadable: bool,
    pub score_unreadable: bool,
    pub coefficient_unreadable: bool,
    pub share_unreadable: bool,
    pub converted_unreadable: bool,
    /// The target holds a number.
    pub target_quantified: bool,
    /// The actual holds a number written with an operator ("≥95%").
    pub actual_has_operator: bool,
}

/// A first-level section's result.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionScore {
    pub id: SectionId,
    pub name: String,
    pub declared: Option<Decimal>,
    /// Σ row weights; on a form whose rows carry no weights, the declared weight.
    pub weight_sum: Decimal,
    /// What the section counts toward the total: Σ counted row scores, held to the declared
    /// weight on a form whose rows carry no weights.
    pub subtotal: Decimal,
    /// Σ counted row scores before any cap.
    pub row_sum: Decimal,
}

/// A whole form's result.
#[derive(Clone, Debug, PartialEq)]
pub struct FormScore {
    pub funds: FundsScore,
    pub sections: Vec<SectionScore>,
    /// Every indicator row, in order.
    pub rows: Vec<RowScore>,
    /// Budget weight plus every row's weight (100 on a well-formed form).
    pub weight_sum: Decimal,
    /// Budget score plus the sections' subtotals; `None` when no row counts a score (an
    /// unscored form, or no rows): a budget part alone is not a form's total.
    pub total: Option<Decimal>,
    pub grade: Option<Grade>,
}

impl FormScore {
    /// Why the total cannot be computed, when it cannot.
    pub fn not_computable(&self) -> Option<&'static str> {
        let why = if self.rows.is_empty() {
            "没有指标行，无法计算总分"
        } else {
            "各指标均未评分：没有填报得分，也无法按规则计算（缺少分值或实际完成值），无法计算总分"
        };
        self.total.is_none().then_some(why)
    }
}

/// Scores a form under a profile.
pub fn score_form(form: &Form, profile: &Profile) -> FormScore {
    score_form_with(form, profile, score_row)
}

/// Scores a form with `row_score` giving each row's score (a cache may answer for rows that
/// have not changed); everything above the rows is computed here.
pub fn score_form_with(
    form: &Form,
    profile: &Profile,
    mut row_score: impl FnMut(RowContext) -> RowScore,
) -> FormScore {
    let funds = score_funds(&form.funds, profile);
    let unweighted = form.rows_unweighted();
    let mut rows = Vec::with_capacity(form.row_count());
    let mut sections = Vec::with_capacity(form.sections.len());
    let mut weight_sum = funds.weight;
    let mut total = funds.score;
    for section in &form.sections {
        let declared = read_number(&section.declared_weight).value();
        let mut section_score = SectionScore {
            id: section.id,
            name: section.name.clone(),
            declared,
            weight_sum: Decimal::ZERO,
            subtotal: Decimal::ZERO,
            row_sum: Decimal::ZERO,
        };
        for context in section.contexts(unweighted) {
            let row_score = row_score(context);
            section_score.weight_sum = add(
                section_score.weight_sum,
                row_score.weight.unwrap_or(Decimal::ZERO),
            );
            section_score.row_sum = add(section_score.row_sum, row_score.counted);
            rows.push(row_score);
        }
        section_score.subtotal = section_score.row_sum;
        if unweighted {
            section_score.weight_sum = declared.unwrap_or(Decimal::ZERO);
            if let Some(cap) = declared {
                section_score.subtotal = section_score.row_sum.min(cap.max(Decimal::ZERO));
            }
        }
        weight_sum = add(weight_sum, section_score.weight_sum);
        total = add(total, section_score.subtotal);
        sections.push(section_score);
    }
    let scored = rows.iter().any(|row| row.source != Source::Missing);
    let total = scored.then_some(total);
    FormScore {
        funds,
        sections,
        rows,
        weight_sum,
        total,
        grade: total.map(|total| Grade::of(total, profile)),
    }
}

/// Sums that saturate instead of panicking on absurd input.
fn add(a: Decimal, b: Decimal) -> Decimal {
    a.saturating_add(b)
}

/// The column the execution rate divides by: the profile's, unless the form has no figure
/// in it while it has one in the other (a form printing only 年初预算数（A）, or only 全年预算数).
pub fn denominator_of(funds: &FundsBlock, profile: &Profile) -> Denominator {
    let rows = || std::iter::once(&funds.total).chain(&funds.sub_rows);
    let filled = |column: Denominator| {
        rows().any(|row| !matches!(budget_in(row, column), NumberCell::Empty))
    };
    let other = match profile.denominator {
        Denominator::FullYear => Denominator::Initial,
        Denominator::Initial => Denominator::FullYear,
    };
    if !filled(profile.denominator) && filled(other) {
        other
    } else {
        profile.denominator
    }
}

/// A funds row's figure in a denominator column.
pub fn budget_in(row: &FundsRow, column: Denominator) -> NumberCell {
    match column {
        Denominator::FullYear => read_number(&row.full_year),
        Denominator::Initial => read_number(&row.initial),
    }
}

/// B / A, or `None` when A is not a positive number or B is not given.
fn rate_of(row: &FundsRow, column: Denominator) -> Option<Decimal> {
    let budget = budget_in(row, column)
        .value()
        .filter(|a| *a > Decimal::ZERO)?;
    let executed = read_number(&row.executed).value()?.max(Decimal::ZERO);
    executed.checked_div(budget)
}

/// The funds block's weight: the one the form states, else the profile's.
pub fn funds_weight(funds: &FundsBlock, profile: &Profile) -> Decimal {
    read_number(&funds.weight)
        .value()
        .unwrap_or(profile.budget_weight)
}

/// A and B of the rate: the total row's, or, where the total row holds no amounts and its
/// sub-rows do, the sub-rows' sums.
pub fn rate_amounts(funds: &FundsBlock, profile: &Profile) -> (NumberCell, NumberCell, bool) {
    let column = denominator_of(funds, profile);
    let budget = budget_in(&funds.total, column);
    let executed = read_number(&funds.total.executed);
    let nothing = |cell: NumberCell| cell.value().is_none_or(|value| value.is_zero());
    if !(nothing(budget) && nothing(executed)) {
        return (budget, executed, false);
    }
    let sum = |cells: Vec<NumberCell>| {
        let values: Vec<Decimal> = cells.into_iter().filter_map(NumberCell::value).collect();
        if values.is_empty() {
            NumberCell::Empty
        } else {
            NumberCell::Number(values.into_iter().fold(Decimal::ZERO, add))
        }
    };
    let sub_budget = sum(funds
        .sub_rows
        .iter()
        .map(|row| budget_in(row, column))
        .collect());
    let sub_executed = sum(funds
        .sub_rows
        .iter()
        .map(|row| read_number(&row.executed))
        .collect());
    if nothing(sub_budget) {
        return (budget, executed, false);
    }
    (sub_budget, sub_executed, true)
}

fn score_funds(funds: &FundsBlock, profile: &Profile) -> FundsScore {
    let weight = funds_weight(funds, profile);
    let (budget, executed, from_sub_rows) = rate_amounts(funds, profile);
    let rate = budget
        .value()
        .filter(|a| *a > Decimal::ZERO)
        .zip(executed.value())
        .and_then(|(a, b)| b.max(Decimal::ZERO).checked_div(a));
    let column = denominator_of(funds, profile);
    let sub_rates = funds
        .sub_rows
        .iter()
        .map(|row| rate_of(row, column))
        .collect();
    let budget = budget.or_zero();
    let executed = executed.or_zero().max(Decimal::ZERO);
    let score = match rate {
        None => Decimal::ZERO,
        Some(rate) if rate >= Decimal::ONE => weight,
        Some(_) => proportional(weight, executed, budget).unwrap_or(Decimal::ZERO),
    };
    FundsScore {
        weight,
        rate,
        sub_rates,
        score,
        budget,
        executed,
        from_sub_rows,
    }
}

/// `w × numerator ÷ denominator`, within [0, w], rounded; `None` when it cannot be computed.
fn proportional(weight: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if let Some(score) = proportional_in_integers(weight, numerator, denominator) {
        return Some(score);
    }
    let value = weight.checked_mul(numerator)?.checked_div(denominator)?;
    Some(round2(
        value.clamp(Decimal::ZERO, weight.max(Decimal::ZERO)),
    ))
}

/// The same score in exact integer arithmetic, for the amounts forms hold (non-negative,
/// a few decimals): `Decimal`'s 96-bit division was a fifth of scoring a large form.
/// Rounds the exact quotient half away from zero to hundredths, then takes the lesser of it
/// and the rounded weight — the same as clamping first, as rounding keeps order. `None`
/// when the integers would overflow or a value is negative or the denominator is 0; the
/// caller then divides in `Decimal`.
fn proportional_in_integers(
    weight: Decimal,
    numerator: Decimal,
    denominator: Decimal,
) -> Option<Decimal> {
    let [w, n, d] = [weight, numerator, denominator].map(|v| (v.mantissa(), v.scale()));
    if w.0 < 0 || n.0 < 0 || d.0 <= 0 {
        return None;
    }
    let ten = |exponent: u32| 10_i128.checked_pow(exponent);
    // v × 100 = w·n·10^(d.scale + 2) ÷ (d·10^(w.scale + n.scale))
    let top =
        w.0.checked_mul(n.0)?
            .checked_mul(ten(d.1.checked_add(2)?)?)?;
    let bottom = d.0.checked_mul(ten(w.1.checked_add(n.1)?)?)?;
    let (quotient, remainder) = (top.checked_div(bottom)?, top.checked_rem(bottom)?);
    let hundredths = if remainder.checked_mul(2)? >= bottom {
        quotient.checked_add(1)?
    } else {
        quotient
    };
    let score = Decimal::try_from_i128_with_scale(hundredths, 2).ok()?;
    Some(score.min(round2(weight)))
}

/// The written formula of a proportional score.
fn formula(
    weight: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    unit: &str,
    score: Decimal,
) -> String {
    format!(
        "{weight} × {numerator}{unit} ÷ {denominator}{unit} = {}",
        two_places(score)
    )
}

/// The direction a row counts in: the target's sign or word, else positive — except under
/// a 成本 indicator, where less is better.
fn direction_of(target: &Quantity, context: RowContext) -> Direction {
    let default = if context.is_cost() {
        Direction::AtMost
    } else {
        Direction::AtLeast
    };
    target.direction.unwrap_or(default)
}

/// How the row's values read, before any score.
pub fn classify(context: RowContext) -> RowKind {
    let target = read_value(&context.row.target);
    let actual = read_value(&context.row.actual);
    classify_readings(context, &target, &actual)
}

fn classify_readings(context: RowContext, target: &Reading, actual: &Reading) -> RowKind {
    let row = context.row;
    if let (Reading::Quantity(target), Reading::Quantity(actual)) = (target, actual) {
        return match target.common_unit(actual) {
            Ok((a, b, unit)) => RowKind::Quantitative {
                direction: direction_of(target, context),
                target: a.max(Decimal::ZERO),
                actual: b.max(Decimal::ZERO),
                unit,
            },
            Err(differ) => match row.level {
                Some(level) => RowKind::Qualitative { level: Some(level) },
                None => RowKind::UnitsDiffer(differ),
            },
        };
    }
    let named = match actual {
        Reading::Qualitative(level) => *level,
        _ => None,
    };
    match (row.level.or(named), target, actual) {
        (Some(level), _, _) => RowKind::Qualitative { level: Some(level) },
        (None, Reading::Empty, _) | (None, _, Reading::Empty) => RowKind::Incomplete,
        (None, _, _) => RowKind::Qualitative { level: None },
    }
}

/// The share of the weight a level suggests (达成 1, 部分达成 0.7, 未达成 0.3).
pub fn suggested_share(level: Level) -> Decimal {
    match level {
        Level::Achieved => Decimal::ONE,
        Level::Partial => Decimal::new(7, 1),
        Level::NotAchieved => Decimal::new(3, 1),
    }
}

/// The band `[low, high]` of scores a level allows under a profile; `high_open` marks the
/// upper bound as exclusive (部分达成 and 未达成 stop below the next level).
pub fn level_band(level: Level, weight: Decimal, profile: &Profile) -> (Decimal, Decimal, bool) {
    let share = |s: Decimal| weight.checked_mul(s).unwrap_or(weight);
    match level {
        Level::Achieved => (share(profile.achieved_from), weight, false),
        Level::Partial => (
            share(profile.partial_from),
            share(profile.achieved_from),
            true,
        ),
        Level::NotAchieved => (Decimal::ZERO, share(profile.partial_from), true),
    }
}

/// A level and its band in the words forms use: 部分达成（6–8分）.
pub fn band_words(level: Level, weight: Decimal, profile: &Profile) -> String {
    let (low, high, _) = level_band(level, weight, profile);
    format!("{}（{}–{}分）", level.label(), plain(low), plain(high))
}

/// The computed score of a row by its kind (a level's suggestion for a qualitative row).
fn compute(kind: &RowKind, weight: Decimal) -> Option<Decimal> {
    match kind {
        RowKind::Quantitative {
            direction,
            target: a,
            actual: b,
            ..
        } => match direction {
            Direction::AtLeast | Direction::Equal if b >= a => Some(weight),
            Direction::AtMost if b <= a => Some(weight),
            Direction::AtLeast | Direction::Equal => proportional(weight, *b, *a),
            Direction::AtMost => proportional(weight, *a, *b),
        },
        RowKind::Qualitative { level: Some(level) } => Some(round2(
            weight
                .checked_mul(suggested_share(*level))
                .unwrap_or(weight),
        )),
        RowKind::Qualitative { level: None } | RowKind::UnitsDiffer(_) | RowKind::Incomplete => {
            None
        }
    }
}

impl RowScore {
    /// The formula behind the computed score, or why there is none. Written when asked: a
    /// form of 100,000 rows is scored without formatting a single formula.
    pub fn explanation(&self, profile: &Profile) -> String {
        let Some(weight) = self.weight else {
            return "本表三级指标未设分值（只有一级指标的分值上限），按填报得分计".to_owned();
        };
        let full = |why: String| format!("{why}，得满分 {}", plain(weight));
        match &self.kind {
            RowKind::Quantitative {
                direction,
                target: a,
                actual: b,
                unit,
            } => match (direction, self.computed) {
                (Direction::AtLeast | Direction::Equal, _) if b >= a => full(format!(
                    "实际 {b}{unit} {} 目标 {a}{unit}",
                    if b == a { "=" } else { ">" }
                )),
                (Direction::AtMost, _) if b <= a => full(format!(
                    "实际 {b}{unit} {} 目标 {a}{unit}（越低越好）",
                    if b == a { "=" } else { "<" }
                )),
                (Direction::AtLeast | Direction::Equal, Some(score)) => {
                    formula(weight, *b, *a, unit, score)
                }
                (Direction::AtMost, Some(score)) => formula(weight, *a, *b, unit, score),
                (_, None) => "数值过大或为 0，无法计算".to_owned(),
            },
            RowKind::Qualitative { level: Some(level) } => format!(
                "定性指标，{}，建议得分 {}",
                band_words(*level, weight, profile),
                two_places(self.computed.unwrap_or(weight))
            ),
            RowKind::Qualitative { level: None } => {
                "定性指标未写明达成程度（达成、部分达成或未达成），按填报得分计".to_owned()
            }
            RowKind::UnitsDiffer(differ) => format!(
                "年度指标值单位“{}”与实际完成值单位“{}”不同，无法比较",
                shown_unit(&differ.target),
                shown_unit(&differ.actual)
            ),
            RowKind::Incomplete => "年度指标值或实际完成值为空，无法计算".to_owned(),
        }
    }
}

fn shown_unit(unit: &str) -> &str {
    if unit.is_empty() {
        "（无）"
    } else {
        unit
    }
}

/// Scores one indicator row.
pub fn score_row(context: RowContext) -> RowScore {
    let row = context.row;
    let weight_cell = read_number(&row.weight);
    let score_cell = read_number(&row.score);
    let coefficient_cell = read_part(&row.coefficient);
    let share_cell = read_part(&row.share);
    let converted_cell = read_number(&row.converted);
    // 权重占比 scales the row: it weighs 分值 × 占比 and counts 得分 × 占比 (河北).
    let share = share_cell.value();
    let scaled = |value: Decimal| match share {
        Some(share) => value.checked_mul(share).map(round2),
        None => Some(value),
    };
    let weight = (!context.unweighted)
        .then(|| scaled(weight_cell.or_zero().max(Decimal::ZERO)))
        .map(|weight| weight.unwrap_or(Decimal::ZERO));
    let target = read_value(&row.target);
    let actual = read_value(&row.actual);
    let cells = CellFacts {
        weight_unreadable: weight_cell == NumberCell::Unreadable,
        score_unreadable: score_cell == NumberCell::Unreadable,
        coefficient_unreadable: coefficient_cell == NumberCell::Unreadable,
        share_unreadable: share_cell == NumberCell::Unreadable,
        converted_unreadable: converted_cell == NumberCell::Unreadable,
        target_quantified: matches!(target, Reading::Quantity(_)),
        actual_has_operator: matches!(&actual, Reading::Quantity(q) if q.direction.is_some()),
    };
    let kind = classify_readings(context, &target, &actual);
    // A row with no weight written has nothing to scale: the rules give it no score.
    let computed = weight
        .filter(|_| matches!(weight_cell, NumberCell::Number(_)))
        .and_then(|weight| compute(&kind, weight));
    let by_coefficient = weight
        .zip(coefficient_cell.value())
        .and_then(|(weight, share)| weight.checked_mul(share))
        .map(round2);
    let entered = score_cell
        .value()
        .and_then(scaled)
        .or(converted_cell.value().filter(|_| share.is_some()))
        .or(by_coefficient);
    let (counted, source) = match (entered, computed) {
        (Some(entered), _) => {
            let ceiling = weight.unwrap_or(Decimal::MAX).max(Decimal::ZERO);
            (
                round2(entered.clamp(Decimal::ZERO, ceiling)),
                Source::Entered,
            )
        }
        (None, Some(computed)) => {
            let source = if matches!(kind, RowKind::Qualitative { .. }) {
                Source::Suggested
            } else {
                Source::Computed
            };
            (computed, source)
        }
        (None, None) => (Decimal::ZERO, Source::Missing),
    };
    RowScore {
        id: row.id,
        weight,
        kind,
        computed,
        entered,
        by_coefficient,
        counted,
        source,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    /// The division in `Decimal`, as `proportional` does when integers overflow.
    fn in_decimal(weight: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
        let value = weight.checked_mul(numerator)?.checked_div(denominator)?;
        Some(round2(
            value.clamp(Decimal::ZERO, weight.max(Decimal::ZERO)),
        ))
    }

    #[test]
    fn integer_scores_round_exact_ties_away_from_zero() {
        // 1 × 1 ÷ 8 = 0.125; 10 × 93.85 ÷ 100 = 9.385; 5 × 1 ÷ 40 = 0.125.
        assert_eq!(
            proportional(dec("1"), dec("1"), dec("8")),
            Some(dec("0.13"))
        );
        assert_eq!(
            proportional(dec("10"), dec("93.85"), dec("100")),
            Some(dec("9.39"))
        );
        assert_eq!(
            proportional(dec("5"), dec("1"), dec("40")),
            Some(dec("0.13"))
        );
        assert_eq!(
            proportional(dec("10"), dec("126.11"), dec("701.29")),
            Some(dec("1.80"))
        );
        assert_eq!(proportional(dec("10"), dec("2"), dec("1")), Some(dec("10")));
        assert_eq!(proportional(dec("10"), dec("1"), dec("0")), None);
    }

    #[test]
    fn amounts_too_large_for_integers_are_divided_in_decimal() {
        // 10^10 × 10^10 × 10^22 overflows i128; Decimal divides, and the score stops at the weight.
        let (weight, numerator, denominator) = (
            dec("10000000000"),
            dec("10000000000"),
            dec("200000000.00000000000000000000"),
        );
        assert_eq!(
            proportional_in_integers(weight, numerator, denominator),
            None
        );
        assert_eq!(proportional(weight, numerator, denominator), Some(weight));
    }

    /// A non-negative decimal with 0 to 6 places; denominators from 8, 16 and 40 make exact
    /// ties at the third decimal common.
    fn amount() -> impl Strategy<Value = Decimal> {
        (0i64..100_000_000, 0u32..=6).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
    }

    proptest! {
        #[test]
        fn integers_agree_with_decimal_division(weight in amount(), numerator in amount(), denominator in amount(), tie in prop::sample::select(vec![1i64, 8, 16, 40])) {
            let denominator = denominator.saturating_mul(Decimal::from(tie));
            prop_assert_eq!(proportional(weight, numerator, denominator), in_decimal(weight, numerator, denominator));
        }
    }
}
