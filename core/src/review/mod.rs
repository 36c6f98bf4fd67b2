//! The reviewer's desk: a finance bureau's reviewer receives every unit's self-evaluations at
//! once and must find the totals that do not add up, the inflated grades and the deductions
//! without reasons. Here each form of a set becomes one row — what was filed beside what zipin
//! computes — that the page's review table and the command line both show; `table` sorts and
//! filters the rows, `charts` gives the figures the desk draws, `memos` writes the set's
//! exports.

pub mod charts;
pub mod memos;
pub mod table;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::check::Finding;
use crate::model::{Document, Form, FormId, FormKind};
use crate::number::{plain, read_number, round2};
use crate::score::Grade;
use crate::Evaluation;

/// One form of a set, as the review table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub form: FormId,
    /// The file it came from (empty when typed or pasted).
    pub file: String,
    /// Its place among the forms of its file, from 0.
    pub index_in_file: usize,
    pub kind: FormKind,
    /// Who filed it ([`Form::filer`]).
    pub unit: String,
    pub name: String,
    pub claimed_total: Option<Decimal>,
    pub total: Option<Decimal>,
    /// Claimed minus computed, when both are there and differ.
    pub difference: Option<Decimal>,
    pub claimed_grade: Option<Grade>,
    pub grade: Option<Grade>,
    /// The funds' execution rate (a fraction).
    pub rate: Option<Decimal>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl ReviewRow {
    /// The row of one evaluated form, `index_in_file` its place in its file.
    pub fn of(form: &Form, evaluation: &Evaluation, index_in_file: usize) -> ReviewRow {
        let score = &evaluation.score;
        let claimed_total = read_number(&form.claim.total).value();
        let difference = claimed_total
            .zip(score.total)
            .map(|(claimed, total)| round2(claimed).saturating_sub(total))
            .filter(|difference| !difference.is_zero());
        let (errors, warnings, infos) = evaluation.counts();
        ReviewRow {
            form: form.id,
            file: form.source.clone(),
            index_in_file,
            kind: form.kind,
            unit: form.filer().to_owned(),
            name: form.name.trim().to_owned(),
            claimed_total,
            total: score.total,
            difference,
            claimed_grade: Grade::parse(&form.claim.grade),
            grade: score.grade,
            rate: score.funds.rate,
            errors,
            warnings,
            infos,
        }
    }

    /// Whether the grade computed differs from the grade filed.
    pub fn grade_changed(&self) -> bool {
        self.claimed_grade
            .zip(self.grade)
            .is_some_and(|(claimed, computed)| claimed != computed)
    }
}

/// The rows of a document's forms (one evaluation per form, in order), each numbered within
/// the file it came from.
pub fn review_rows<E: std::borrow::Borrow<Evaluation>>(
    document: &Document,
    evaluations: &[E],
) -> Vec<ReviewRow> {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    document
        .forms
        .iter()
        .zip(evaluations)
        .map(|(form, evaluation)| {
            let index = match seen.iter_mut().find(|(file, _)| *file == form.source) {
                Some((_, count)) => {
                    *count = count.saturating_add(1);
                    *count
                }
                None => {
                    seen.push((&form.source, 0));
                    0
                }
            };
            ReviewRow::of(form, evaluation.borrow(), index)
        })
        .collect()
}

/// One form as the command line's JSON writes it (`../shared/CONTRACT.md`, "The command
/// line"): numbers as the page's `data-value` writes them, `null` where not computable or
/// not claimed.
#[derive(Clone, Debug, Serialize)]
pub struct FormRecord<'a> {
    pub file: &'a str,
    pub form: usize,
    pub kind: &'static str,
    pub unit: &'a str,
    pub name: &'a str,
    pub claimed_total: Option<String>,
    pub total: Option<String>,
    pub claimed_grade: Option<&'static str>,
    pub grade: Option<&'static str>,
    pub rate: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub findings: &'a [Finding],
}

impl<'a> FormRecord<'a> {
    /// The record of a row and its form's findings.
    pub fn of(row: &'a ReviewRow, findings: &'a [Finding]) -> FormRecord<'a> {
        FormRecord {
            file: &row.file,
            form: row.index_in_file,
            kind: kind_key(row.kind),
            unit: &row.unit,
            name: &row.name,
            claimed_total: row.claimed_total.map(plain),
            total: row.total.map(plain),
            claimed_grade: row.claimed_grade.map(Grade::label),
            grade: row.grade.map(Grade::label),
            rate: row.rate.map(plain),
            errors: row.errors,
            warnings: row.warnings,
            infos: row.infos,
            findings,
        }
    }
}

/// The kind as data carries it: `department` or `project`.
pub fn kind_key(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Department => "department",
        FormKind::Project => "project",
    }
}
