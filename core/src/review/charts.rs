//! The figures behind the desk's pictures: the grades filed beside the grades computed, the
//! totals claimed against the totals computed, and for one form, each first-level section's
//! score against its weight with the points each indicator lost. The page draws them; their
//! figures are tested here.

use rust_decimal::Decimal;

use crate::model::{Form, FormId};
use crate::review::ReviewRow;
use crate::score::Grade;
use crate::Evaluation;

/// How many forms of a set were filed, and computed, at one grade (`None`: no grade filed, or
/// none computable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradeCount {
    pub grade: Option<Grade>,
    pub filed: usize,
    pub computed: usize,
}

/// The forms at each grade, best first, then those without one.
pub fn grade_counts(rows: &[ReviewRow]) -> Vec<GradeCount> {
    [
        Some(Grade::Excellent),
        Some(Grade::Good),
        Some(Grade::Fair),
        Some(Grade::Poor),
        None,
    ]
    .into_iter()
    .map(|grade| GradeCount {
        grade,
        filed: rows.iter().filter(|row| row.claimed_grade == grade).count(),
        computed: rows.iter().filter(|row| row.grade == grade).count(),
    })
    .collect()
}

/// One form's claimed total against its computed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalPoint {
    pub form: FormId,
    pub label: String,
    pub claimed: Decimal,
    pub computed: Decimal,
}

/// Every form that has both a claimed and a computed total.
pub fn total_points(rows: &[ReviewRow]) -> Vec<TotalPoint> {
    rows.iter()
        .filter_map(|row| {
            Some(TotalPoint {
                form: row.form,
                label: if row.unit.is_empty() || row.unit == row.name {
                    row.name.clone()
                } else {
                    format!("{} · {}", row.unit, row.name)
                },
                claimed: row.claimed_total?,
                computed: row.total?,
            })
        })
        .collect()
}

/// Points an indicator lost: its weight less what it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    pub indicator: String,
    pub points: Decimal,
}

/// One first-level section of a form (or its budget part): its weight, what it scores, and
/// where the rest went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionBar {
    pub name: String,
    pub weight: Decimal,
    pub score: Decimal,
    /// The indicators that lost points, largest loss first.
    pub losses: Vec<Loss>,
}

/// The bars of one evaluated form: the budget part (when it weighs anything), then each
/// section.
pub fn section_bars(form: &Form, evaluation: &Evaluation) -> Vec<SectionBar> {
    let score = &evaluation.score;
    let mut bars = Vec::new();
    if !score.funds.weight.is_zero() {
        bars.push(SectionBar {
            name: "预算执行".to_owned(),
            weight: score.funds.weight,
            score: score.funds.score,
            losses: Vec::new(),
        });
    }
    let mut rows = score.rows.iter();
    for (section, section_score) in form.sections.iter().zip(&score.sections) {
        let mut losses: Vec<Loss> = section
            .rows
            .iter()
            .zip(rows.by_ref())
            .filter_map(|(row, row_score)| {
                let lost = row_score.weight?.saturating_sub(row_score.counted);
                (lost > Decimal::ZERO).then(|| Loss {
                    indicator: row.name.trim().to_owned(),
                    points: lost,
                })
            })
            .collect();
        losses.sort_by_key(|loss| std::cmp::Reverse(loss.points));
        bars.push(SectionBar {
            name: section.name.trim().to_owned(),
            weight: section_score.weight_sum,
            score: section_score.subtotal,
            losses,
        });
    }
    bars
}
