//! Findings as marks on the cells they concern: which cell, how serious, and the messages
//! to show on hover. The grid and the funds table draw them; the findings panel links to them.

use rustc_hash::FxHashMap;
use zipin_core::check::{Finding, Place, Severity};
use zipin_core::model::{FundsColumn, RowId};

/// The marks on one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The cell's `data-field`.
    pub field: &'static str,
    /// The most serious severity among its findings.
    pub severity: Severity,
    /// Every message on it, one a line.
    pub messages: String,
}

/// The `data-field` of a funds column.
pub fn funds_field(column: FundsColumn) -> &'static str {
    match column {
        FundsColumn::Initial => "initial",
        FundsColumn::FullYear => "full-year",
        FundsColumn::Executed => "executed",
        FundsColumn::Weight => "weight",
        FundsColumn::ClaimedRate => "claimed-rate",
        FundsColumn::ClaimedScore => "claimed-score",
    }
}

fn add(marks: &mut Vec<Mark>, field: &'static str, finding: &Finding) {
    match marks.iter_mut().find(|m| m.field == field) {
        Some(mark) => {
            mark.severity = mark.severity.min(finding.severity);
            mark.messages.push('\n');
            mark.messages.push_str(&finding.message);
        }
        None => marks.push(Mark {
            field,
            severity: finding.severity,
            messages: finding.message.clone(),
        }),
    }
}

/// The marks of a form's findings, by indicator row and by funds row. The grid looks up
/// every row it shows at every edit; like the evaluator's, the maps hash ids with `FxHash`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub rows: FxHashMap<RowId, Vec<Mark>>,
    pub funds: FxHashMap<usize, Vec<Mark>>,
}

impl Marks {
    /// Gathers the marks of `findings`.
    pub fn of(findings: &[Finding]) -> Marks {
        let mut marks = Marks::default();
        for finding in findings {
            match finding.place {
                Place::Row { id, field } => {
                    add(marks.rows.entry(id).or_default(), field.key(), finding)
                }
                Place::Funds { row, column } => add(
                    marks.funds.entry(row).or_default(),
                    funds_field(column),
                    finding,
                ),
                Place::Section(_) | Place::Form => {}
            }
        }
        marks
    }
}

/// The CSS class of a severity's mark.
pub fn mark_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "mark-error",
        Severity::Warning => "mark-warning",
        Severity::Info => "mark-info",
    }
}

/// The CSS selector of the input a finding points at, for focusing it.
pub fn selector(place: Place) -> String {
    match place {
        Place::Row { id, field } => format!(
            "[data-row-id=\"{}\"] [data-field=\"{}\"] .cell",
            id.0,
            field.key()
        ),
        Place::Funds { row, column } => {
            format!(
                "[data-testid=\"funds\"] tbody tr:nth-child({}) [data-field=\"{}\"] .cell",
                row + 1,
                funds_field(column)
            )
        }
        Place::Section(id) => format!("[data-section-id=\"{}\"] .cell", id.0),
        Place::Form => "[data-testid=\"claimed-total\"]".to_owned(),
    }
}
