//! Sorting and filtering the review table: by any column, either way, and down to the forms a
//! reviewer asks for (those with errors, those whose grade changed, a kind, a unit, a name).

use std::cmp::Ordering;

use crate::model::FormKind;
use crate::review::ReviewRow;
use crate::score::Grade;

/// A column of the review table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    /// The order the files were read in.
    #[default]
    File,
    Unit,
    Kind,
    Name,
    ClaimedTotal,
    Total,
    Difference,
    ClaimedGrade,
    Grade,
    Rate,
    Errors,
    Warnings,
    Infos,
}

impl Column {
    /// Every column, in the table's order.
    pub const ALL: [Column; 13] = [
        Column::File,
        Column::Unit,
        Column::Kind,
        Column::Name,
        Column::ClaimedTotal,
        Column::Total,
        Column::Difference,
        Column::ClaimedGrade,
        Column::Grade,
        Column::Rate,
        Column::Errors,
        Column::Warnings,
        Column::Infos,
    ];

    /// The `data-field` of its cells.
    pub fn key(self) -> &'static str {
        match self {
            Column::File => "file",
            Column::Unit => "unit",
            Column::Kind => "kind",
            Column::Name => "name",
            Column::ClaimedTotal => "claimed-total",
            Column::Total => "total",
            Column::Difference => "difference",
            Column::ClaimedGrade => "claimed-grade",
            Column::Grade => "grade",
            Column::Rate => "rate",
            Column::Errors => "errors",
            Column::Warnings => "warnings",
            Column::Infos => "infos",
        }
    }

    /// The column whose cells carry `key`.
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|column| column.key() == key)
    }

    /// Whether its values are numbers (a first click sorts them largest first).
    pub fn is_numeric(self) -> bool {
        !matches!(
            self,
            Column::File | Column::Unit | Column::Kind | Column::Name
        )
    }
}

/// How the table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// The sort a click on `column`'s header asks for: the other way round when the table is
    /// already sorted by it, else largest first for numbers and A→Z for words.
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: column.is_numeric(),
            }
        }
    }
}

/// Department forms before project forms.
fn kind_rank(kind: FormKind) -> u8 {
    match kind {
        FormKind::Department => 0,
        FormKind::Project => 1,
    }
}

/// A grade's rank, best first, so that sorting by grade reads 优 良 中 差.
fn grade_rank(grade: Grade) -> u8 {
    match grade {
        Grade::Excellent => 3,
        Grade::Good => 2,
        Grade::Fair => 1,
        Grade::Poor => 0,
    }
}

/// Compares two optional values, a missing one after every present one whichever way the
/// table is sorted (a form with no total is never "the largest").
fn present_first<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare(a: &ReviewRow, b: &ReviewRow, sort: Sort) -> Ordering {
    let descending = sort.descending;
    let text = |a: &str, b: &str| {
        let ordering = a.cmp(b);
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    let count = |a: usize, b: usize| present_first(Some(a), Some(b), descending);
    match sort.column {
        Column::File => present_first(
            Some((&a.file, a.index_in_file)),
            Some((&b.file, b.index_in_file)),
            descending,
        ),
        Column::Unit => text(&a.unit, &b.unit),
        Column::Kind => present_first(Some(kind_rank(a.kind)), Some(kind_rank(b.kind)), descending),
        Column::Name => text(&a.name, &b.name),
        Column::ClaimedTotal => present_first(a.claimed_total, b.claimed_total, descending),
        Column::Total => present_first(a.total, b.total, descending),
        Column::Difference => present_first(
            a.difference.map(|d| d.abs()),
            b.difference.map(|d| d.abs()),
            descending,
        ),
        Column::ClaimedGrade => present_first(
            a.claimed_grade.map(grade_rank),
            b.claimed_grade.map(grade_rank),
            descending,
        ),
        Column::Grade => {
            present_first(a.grade.map(grade_rank), b.grade.map(grade_rank), descending)
        }
        Column::Rate => present_first(a.rate, b.rate, descending),
        Column::Errors => count(a.errors, b.errors),
        Column::Warnings => count(a.warnings, b.warnings),
        Column::Infos => count(a.infos, b.infos),
    }
}

/// The rows' order under `sort`, as indices into `rows`; rows that compare equal keep the
/// order they were read in.
pub fn sorted(rows: &[ReviewRow], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| match (rows.get(a), rows.get(b)) {
        (Some(a), Some(b)) => compare(a, b, sort),
        _ => Ordering::Equal,
    });
    order
}

/// Which rows the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only forms with an error-level finding.
    pub errors_only: bool,
    /// Only forms whose computed grade differs from the grade filed.
    pub grade_changed: bool,
    pub kind: Option<FormKind>,
    /// Only the forms of one unit.
    pub unit: Option<String>,
    /// Words the unit, name or file must contain.
    pub search: String,
}

impl Filter {
    /// Whether `row` is shown.
    pub fn keeps(&self, row: &ReviewRow) -> bool {
        let search = self.search.trim();
        (!self.errors_only || row.errors > 0)
            && (!self.grade_changed || row.grade_changed())
            && self.kind.is_none_or(|kind| kind == row.kind)
            && self.unit.as_ref().is_none_or(|unit| *unit == row.unit)
            && (search.is_empty()
                || [&row.unit, &row.name, &row.file]
                    .iter()
                    .any(|text| text.contains(search)))
    }

    /// The indices of `order` whose rows are shown, in that order.
    pub fn apply(&self, rows: &[ReviewRow], order: &[usize]) -> Vec<usize> {
        order
            .iter()
            .copied()
            .filter(|&index| rows.get(index).is_some_and(|row| self.keeps(row)))
            .collect()
    }
}

/// The units of a set, each once, in the order they first appear.
pub fn units(rows: &[ReviewRow]) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    rows.iter()
        .map(|row| row.unit.as_str())
        .filter(|unit| !unit.is_empty() && seen.insert(*unit))
        .collect()
}
