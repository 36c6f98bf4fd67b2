//! The official layout of a form — title, name, funds block, 年度总体目标, indicator table,
//! total and grade — as rows of cells with their merges. TSV and CSV write it as typed (so a
//! copy pastes back into the identical document); XLSX and print write it with the results
//! zipin computed (the form as it should be filed).

use crate::model::{Form, FormKind, FundsRow};
use crate::number::{percent, plain, two_places};
use crate::score::{Grade, NOT_SCORED};
use crate::Evaluation;

use super::row_number;

/// Columns of the layout: 绩效指标, 一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 原因.
pub const WIDTH: usize = 9;

/// Which figures the layout shows.
#[derive(Clone, Copy, Debug)]
pub enum Figures<'a> {
    /// Every cell as typed, claims as the filer wrote them.
    AsTyped,
    /// Scores that count, rates, budget score, total and grade as computed.
    Computed(&'a Evaluation),
    /// As computed, for a spreadsheet: each section closes with a 小计 row, and the subtotals,
    /// the weights' sum and the total are formulas (their values cached), so the sheet adds up
    /// again when the filer changes a score in it.
    Spreadsheet(&'a Evaluation),
}

impl<'a> Figures<'a> {
    /// The evaluation behind computed figures.
    fn evaluation(self) -> Option<&'a Evaluation> {
        match self {
            Figures::AsTyped => None,
            Figures::Computed(evaluation) | Figures::Spreadsheet(evaluation) => Some(evaluation),
        }
    }
}

/// How a cell is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Title,
    Header,
    Label,
    Text,
    /// An amount or weight: a number with two decimals where it reads as one.
    Number,
    /// A computed rate (shown as a percentage).
    Percent,
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub style: Style,
    /// A spreadsheet formula (without the `=`) whose value is `text`.
    pub formula: Option<String>,
}

/// A merged range, inclusive, zero-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_column: usize,
    pub last_row: usize,
    pub last_column: usize,
}

/// Rows of cells (each row [`WIDTH`] wide, unless `widths` says otherwise) and their merges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
    /// Column widths in characters; empty for the official form's.
    pub widths: Vec<u32>,
}

impl Layout {
    fn row(&mut self, cells: Vec<(String, Style)>) -> usize {
        let mut row: Vec<Cell> = cells
            .into_iter()
            .map(|(text, style)| Cell {
                text,
                style,
                formula: None,
            })
            .collect();
        row.resize(
            self.widths.len().max(WIDTH),
            Cell {
                text: String::new(),
                style: Style::Text,
                formula: None,
            },
        );
        let index = self.rows.len();
        self.rows.push(row);
        index
    }

    fn merge(
        &mut self,
        first_row: usize,
        first_column: usize,
        last_row: usize,
        last_column: usize,
    ) {
        if last_row > first_row || last_column > first_column {
            self.merges.push(Merge {
                first_row,
                first_column,
                last_row,
                last_column,
            });
        }
    }

    /// Gives a cell a formula (its text stays as the cached value).
    fn formula(&mut self, row: usize, column: usize, formula: String) {
        if let Some(cell) = self.rows.get_mut(row).and_then(|r| r.get_mut(column)) {
            cell.formula = Some(formula);
        }
    }

    /// A table of plain text: a header row and rows, with its own column widths (the
    /// findings sheet).
    pub fn table(widths: Vec<u32>, header_cells: &[&str], rows: Vec<Vec<String>>) -> Layout {
        let mut layout = Layout {
            widths,
            ..Layout::default()
        };
        layout.row(header_cells.iter().map(|cell| header(cell)).collect());
        for row in rows {
            layout.row(row.iter().map(|cell| text(cell)).collect());
        }
        layout
    }

    /// Appends another layout below this one, after an empty row.
    pub fn append(&mut self, other: Layout) {
        if !self.rows.is_empty() {
            self.row(Vec::new());
        }
        let offset = self.rows.len();
        self.rows.extend(other.rows);
        self.merges.extend(other.merges.into_iter().map(|m| Merge {
            first_row: m.first_row.saturating_add(offset),
            last_row: m.last_row.saturating_add(offset),
            ..m
        }));
    }

    /// Whether a position is covered by a merge without being its first cell.
    pub fn is_covered(&self, row: usize, column: usize) -> bool {
        self.merges.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_column..=m.last_column).contains(&column)
                && (row, column) != (m.first_row, m.first_column)
        })
    }

    /// The merge that starts at a position, if any.
    pub fn merge_at(&self, row: usize, column: usize) -> Option<Merge> {
        self.merges
            .iter()
            .copied()
            .find(|m| (m.first_row, m.first_column) == (row, column))
    }
}

fn text(value: &str) -> (String, Style) {
    (value.trim().to_owned(), Style::Text)
}

fn label(value: &str) -> (String, Style) {
    (value.to_owned(), Style::Label)
}

fn header(value: &str) -> (String, Style) {
    (value.to_owned(), Style::Header)
}

fn number(value: &str) -> (String, Style) {
    (value.trim().to_owned(), Style::Number)
}

/// The title the official forms carry.
pub fn kind_title(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Department => "部门整体支出绩效自评表",
        FormKind::Project => "项目支出绩效自评表",
    }
}

/// The layout of one form.
pub fn form_layout(form: &Form, figures: Figures) -> Layout {
    let mut layout = Layout::default();
    let title = layout.row(vec![(kind_title(form.kind).to_owned(), Style::Title)]);
    layout.merge(title, 0, title, WIDTH - 1);
    let name_label = match form.kind {
        FormKind::Department => "部门名称",
        FormKind::Project => "项目名称",
    };
    let name = layout.row(vec![label(name_label), text(&form.name)]);
    layout.merge(name, 1, name, WIDTH - 1);
    if !form.unit.trim().is_empty() {
        let unit = layout.row(vec![label("实施单位"), text(&form.unit)]);
        layout.merge(unit, 1, unit, WIDTH - 1);
    }

    let budget_row = funds(&mut layout, form, figures);
    if !form.goals.expected.trim().is_empty() || !form.goals.achieved.trim().is_empty() {
        let head = layout.row(vec![
            label("年度总体目标"),
            header("预期目标"),
            header(""),
            header(""),
            header(""),
            header("实际完成情况"),
        ]);
        layout.merge(head, 1, head, 4);
        layout.merge(head, 5, head, WIDTH - 1);
        let goals = layout.row(vec![
            text(""),
            text(&form.goals.expected),
            text(""),
            text(""),
            text(""),
            text(&form.goals.achieved),
        ]);
        layout.merge(goals, 1, goals, 4);
        layout.merge(goals, 5, goals, WIDTH - 1);
        layout.merge(head, 0, goals, 0);
    }
    indicators(&mut layout, form, figures, budget_row);
    layout
}

/// Writes the funds block; returns the row of its total (年度资金总额), where the budget
/// weight and score stand.
fn funds(layout: &mut Layout, form: &Form, figures: Figures) -> usize {
    let funds = &form.funds;
    let head = layout.row(vec![
        label(&format!("资金情况（{}）", funds.unit.label())),
        header("项目"),
        header("年初预算数"),
        header("全年预算数"),
        header("全年执行数"),
        header("分值"),
        header("执行率"),
        header("得分"),
    ]);
    let rows = std::iter::once(&funds.total)
        .chain(&funds.sub_rows)
        .enumerate();
    let mut last = head;
    for (index, row) in rows {
        let (rate, score) = funds_results(index, row, figures);
        let weight = match (index, figures.evaluation()) {
            (0, Some(evaluation)) => (plain(evaluation.score.funds.weight), Style::Number),
            (0, None) => number(&funds.weight),
            _ => text(""),
        };
        last = layout.row(vec![
            text(""),
            label(&row.label),
            number(&row.initial),
            number(&row.full_year),
            number(&row.executed),
            weight,
            rate,
            score,
        ]);
    }
    layout.merge(head, 0, last, 0);
    if !funds.reason.trim().is_empty() {
        let reason = layout.row(vec![label("执行偏差原因"), text(&funds.reason)]);
        layout.merge(reason, 1, reason, WIDTH - 1);
    }
    head.saturating_add(1)
}

fn funds_results(
    index: usize,
    row: &FundsRow,
    figures: Figures,
) -> ((String, Style), (String, Style)) {
    match figures {
        Figures::AsTyped => (
            text(&row.claimed_rate),
            if index == 0 {
                number(&row.claimed_score)
            } else {
                text("")
            },
        ),
        Figures::Computed(evaluation) | Figures::Spreadsheet(evaluation) => {
            let funds = &evaluation.score.funds;
            let rate = funds
                .rate_of(index)
                .map_or_else(|| text(""), |rate| (percent(rate), Style::Percent));
            let score = if index == 0 {
                (two_places(funds.score), Style::Number)
            } else {
                text("")
            };
            (rate, score)
        }
    }
}

/// The indicator table's first columns as the official form heads them: what a row is, what
/// it aimed at and achieved, and what it weighs.
pub const INDICATOR_COLUMNS: [&str; 6] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
];

fn indicators(layout: &mut Layout, form: &Form, figures: Figures, budget_row: usize) {
    let head = layout.row(
        std::iter::once(label("绩效指标"))
            .chain(INDICATOR_COLUMNS.iter().map(|column| header(column)))
            .chain([header("得分"), header("偏差原因分析及改进措施")])
            .collect(),
    );
    let mut scores = figures
        .evaluation()
        .map(|evaluation| evaluation.score.rows.iter());
    let spreadsheet = matches!(figures, Figures::Spreadsheet(_));
    let mut subtotals: Vec<usize> = Vec::new();
    let mut last = head;
    for (section_index, section) in form.sections.iter().enumerate() {
        let first = layout.rows.len();
        let level1 = if section.declared_weight.trim().is_empty() {
            section.name.clone()
        } else {
            format!("{}（{}分）", section.name, section.declared_weight.trim())
        };
        let mut level2_start: Option<(usize, String)> = None;
        for (index, context) in section.contexts(form.rows_unweighted()).enumerate() {
            let row = context.row;
            let score = match scores.as_mut().and_then(Iterator::next) {
                Some(score) => (plain(score.counted), Style::Number),
                None => number(&row.score),
            };
            let level2 = match figures {
                Figures::AsTyped => row.level2.trim().to_owned(),
                Figures::Computed(_) | Figures::Spreadsheet(_) => context.level2.trim().to_owned(),
            };
            last = layout.row(vec![
                text(""),
                if index == 0 {
                    (level1.clone(), Style::Label)
                } else {
                    text("")
                },
                (level2.clone(), Style::Label),
                text(&row.name),
                text(&row.target),
                text(&row.actual),
                number(&row.weight),
                score,
                text(&row.reason),
            ]);
            if figures.evaluation().is_some() {
                // Equal 二级 cells down a section merge, as on the paper form.
                match &level2_start {
                    Some((_, previous)) if *previous == level2 && !level2.is_empty() => {
                        if let Some(cell) = layout.rows.get_mut(last).and_then(|r| r.get_mut(2)) {
                            cell.text.clear();
                        }
                    }
                    _ => {
                        if let Some((start, _)) = level2_start.take() {
                            layout.merge(start, 2, last.saturating_sub(1), 2);
                        }
                        level2_start = Some((last, level2));
                    }
                }
            }
        }
        if section.rows.is_empty() {
            last = layout.row(vec![text(""), (level1, Style::Label)]);
        }
        if let Some((start, _)) = level2_start {
            layout.merge(start, 2, last, 2);
        }
        if let (true, Some(evaluation)) = (spreadsheet, figures.evaluation()) {
            let section_score = evaluation.score.sections.get(section_index);
            let subtotal = layout.row(vec![
                text(""),
                text(""),
                label("小计"),
                text(""),
                text(""),
                text(""),
                (
                    section_score
                        .map(|s| plain(s.weight_sum))
                        .unwrap_or_default(),
                    Style::Number,
                ),
                (
                    section_score.map(|s| plain(s.subtotal)).unwrap_or_default(),
                    Style::Number,
                ),
                text(""),
            ]);
            layout.merge(subtotal, 2, subtotal, 5);
            if subtotal > first && !form.rows_unweighted() {
                let range =
                    |column: char| format!("SUM({column}{}:{column}{subtotal})", row_number(first));
                layout.formula(subtotal, 6, range('G'));
                layout.formula(subtotal, 7, range('H'));
            }
            subtotals.push(subtotal);
            last = subtotal;
        }
        layout.merge(first, 1, last, 1);
    }
    layout.merge(head, 0, last, 0);
    let (weights, total, grade) = match figures.evaluation() {
        None => (
            String::new(),
            form.claim.total.trim().to_owned(),
            form.claim.grade.trim().to_owned(),
        ),
        Some(evaluation) => (
            plain(evaluation.score.weight_sum),
            evaluation.score.total.map_or_else(String::new, two_places),
            evaluation
                .score
                .grade
                .map_or(NOT_SCORED, Grade::label)
                .to_owned(),
        ),
    };
    let total_row = layout.row(vec![
        label("总分"),
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
        (weights, Style::Number),
        (total, Style::Number),
        (format!("等级：{grade}"), Style::Label),
    ]);
    layout.merge(total_row, 0, total_row, 5);
    let computable = figures
        .evaluation()
        .is_some_and(|evaluation| evaluation.score.total.is_some());
    if spreadsheet && computable && !subtotals.is_empty() {
        // The funds block's 分值 and 得分 stand in its total row, columns F and H.
        let sum = |column: char, of: char| {
            let cells: Vec<String> = subtotals
                .iter()
                .map(|row| format!("{column}{}", row_number(*row)))
                .collect();
            format!("{of}{}+{}", row_number(budget_row), cells.join("+"))
        };
        layout.formula(total_row, 6, sum('G', 'F'));
        layout.formula(total_row, 7, sum('H', 'H'));
    }
}
