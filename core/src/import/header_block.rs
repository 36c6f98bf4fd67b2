//! A table's header block: the one to four rows that name its columns, read as a whole.
//!
//! Templates print their headers in one row or in two, with group cells over several columns
//! (年度指标值 over 指标性质 / 指标值 / 度量单位) and cells merged down past the group's row
//! (实际完成值, 分值, 得分). A header cell stands over every column its span covers — known
//! from the source's merges (HTML, Word, Excel files), or inferred from the empty positions
//! beside it in tab-separated text — and a column is named from all the words above it:
//! 年度指标值 over 指标值 is the target, 实际完成值 over 指标值 the actual.

use std::ops::Range;

use crate::import::grid::Table;
use crate::import::header::{
    funds_slot, header_key, header_width, is_goals_header, is_number_cell, is_qualifier, role_of,
    role_of_key, Role,
};
use crate::normalize::folded_key;

/// The most rows a header block spans; deeper stacks of words are titles and notes.
const MAX_ROWS: usize = 4;

/// The rows that name a table's columns, and what each column was read as.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderBlock {
    /// The rows of the table it spans.
    pub rows: Range<usize>,
    pub columns: Vec<Column>,
}

/// One column as the header block names it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    /// The header texts above the column, top down, each once, as written (line breaks
    /// inside a cell kept).
    pub words: Vec<String>,
    pub role: Option<Role>,
}

impl Column {
    /// The words above the column as one line ("年度指标值 / 指标值").
    pub fn header(&self) -> String {
        self.words
            .iter()
            .map(|word| folded_key(word))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

impl HeaderBlock {
    /// Each column's role, in order.
    pub fn roles(&self) -> Vec<Option<Role>> {
        self.columns.iter().map(|column| column.role).collect()
    }
}

/// How a row of a table reads before it is placed in a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// Names two columns or more, one of them only headers name (a header row on its own).
    Header,
    /// Column words only (指标性质 | 指标值 | 度量单位, or a group row such as 绩效指标):
    /// part of a header block when it touches a header row.
    Words,
    Other,
}

fn line_of(row: &[String]) -> Line {
    let keys: Vec<String> = row.iter().map(|cell| header_key(cell)).collect();
    if is_goals_header(&keys) {
        return Line::Other;
    }
    if header_width(row).is_some() {
        return Line::Header;
    }
    let cells: Vec<&String> = row.iter().filter(|cell| !cell.trim().is_empty()).collect();
    let words = !cells.is_empty()
        && cells
            .iter()
            .all(|cell| !is_number_cell(cell) && header_key(cell).chars().count() <= 16)
        && keys
            .iter()
            .any(|key| role_of_key(key).is_some() || is_ab_label(key) || is_qualifier(key))
        && cells.first().is_none_or(|first| {
            let key = folded_key(first);
            funds_slot(&key).is_none() && !is_name_label(&key)
        });
    if words {
        Line::Words
    } else {
        Line::Other
    }
}

/// The letters forms put under columns to write their formulas with: A, B, B/A.
fn is_ab_label(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| matches!(c, 'A'..='D' | '/' | '*' | '×' | '÷'))
}

fn is_name_label(key: &str) -> bool {
    let key = key.trim_end_matches([':', '：']);
    key.ends_with("名称") || key == "主管部门" || key == "实施单位"
}

/// Every header block of a table, in order.
pub fn header_blocks(table: &Table) -> Vec<HeaderBlock> {
    let lines: Vec<Line> = table.rows.iter().map(|row| line_of(row)).collect();
    let mut blocks = Vec::new();
    let mut floor = 0;
    let mut at = 0;
    while at < lines.len() {
        if lines.get(at) != Some(&Line::Header) {
            at = at.saturating_add(1);
            continue;
        }
        let mut start = at;
        while start > floor
            && at.saturating_sub(start) < MAX_ROWS - 1
            && lines.get(start.saturating_sub(1)) == Some(&Line::Words)
        {
            start = start.saturating_sub(1);
        }
        let mut end = at.saturating_add(1);
        while end.saturating_sub(start) < MAX_ROWS
            && matches!(lines.get(end), Some(Line::Header | Line::Words))
        {
            end = end.saturating_add(1);
        }
        blocks.push(read_block(table, start..end));
        floor = end;
        at = end;
    }
    blocks
}

/// Names the columns of the rows `rows`.
fn read_block(table: &Table, rows: Range<usize>) -> HeaderBlock {
    let width = table
        .rows
        .get(rows.clone())
        .unwrap_or_default()
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let columns = (0..width)
        .map(|column| {
            let mut words: Vec<String> = Vec::new();
            for row in rows.clone() {
                if let Some(text) = text_over(table, &rows, row, column) {
                    if words.last() != Some(&text) {
                        words.push(text);
                    }
                }
            }
            let role = name_column(&words);
            Column { words, role }
        })
        .collect();
    HeaderBlock { rows, columns }
}

fn cell(table: &Table, row: usize, column: usize) -> &str {
    table
        .rows
        .get(row)
        .and_then(|cells| cells.get(column))
        .map_or("", |text| text.trim())
}

/// The header text standing over a position of the block: its own, else the text of the
/// merged cell covering it.
fn text_over(table: &Table, block: &Range<usize>, row: usize, column: usize) -> Option<String> {
    let own = cell(table, row, column);
    if !own.is_empty() {
        return Some(own.to_owned());
    }
    let anchor = match &table.merges {
        Some(merges) => merges
            .iter()
            .find(|m| m.covers(row, column) && block.contains(&m.row))
            .map(|m| (m.row, m.column)),
        None => inferred_anchor(table, block, row, column),
    };
    anchor
        .map(|(r, c)| cell(table, r, c))
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// Where merges are not known (tab-separated text), an empty position is under a group cell
/// to its left when the rows below divide both columns: 年度指标值 with two empty positions
/// after it, over 指标性质 | 指标值 | 度量单位.
fn inferred_anchor(
    table: &Table,
    block: &Range<usize>,
    row: usize,
    column: usize,
) -> Option<(usize, usize)> {
    let divided =
        |c: usize| (row.saturating_add(1)..block.end).any(|r| !cell(table, r, c).is_empty());
    if !divided(column) {
        return None;
    }
    let left = (0..column)
        .rev()
        .find(|&c| !cell(table, row, c).is_empty())?;
    divided(left).then_some((row, left))
}

/// A column's role from the words above it: the lowest word naming a value wins, read in
/// the light of the words over it (实际完成值 over 指标值 is the actual); a label only where
/// no word names a value.
fn name_column(words: &[String]) -> Option<Role> {
    let roles: Vec<Option<Role>> = words.iter().map(|word| role_of(word)).collect();
    let above =
        |role: Role, below: usize| roles.get(..below).unwrap_or_default().contains(&Some(role));
    let leaf = roles
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, role)| role.filter(|r| *r != Role::Label).map(|r| (i, r)));
    // A bare qualifier under a group (预算数 over 年初 | 调整后) says which of the group's
    // figures the column holds: the adjusted one is the one in force.
    if let (Some((_, parent)), Some(last)) = (leaf, words.last()) {
        let key = header_key(last);
        if is_qualifier(&key) {
            let initial = key.starts_with("年初");
            return Some(match (parent, initial) {
                (Role::FullYear | Role::Initial, true) => Role::Initial,
                (Role::FullYear | Role::Initial, false) => Role::FullYear,
                (Role::Target | Role::AdjustedTarget, true) => Role::Target,
                (Role::Target | Role::AdjustedTarget, false) => Role::AdjustedTarget,
                (role, _) => role,
            });
        }
    }
    match leaf {
        Some((i, Role::Target)) if above(Role::Actual, i) => Some(Role::Actual),
        Some((i, Role::Target)) if above(Role::AdjustedTarget, i) => Some(Role::AdjustedTarget),
        Some((_, role)) => Some(role),
        None => roles.iter().flatten().next().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table::positional(
            rows.iter()
                .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        )
    }

    #[test]
    fn a_group_over_three_columns_names_each_from_both_rows() {
        let t = table(&[
            &[
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "",
                "",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施",
            ],
            &["", "", "", "指标性质", "指标值", "度量单位", "", "", "", ""],
            &[
                "产出指标",
                "数量指标",
                "安装摄像头",
                "≥",
                "120",
                "个",
                "126",
                "10",
                "10",
                "",
            ],
        ]);
        let blocks = header_blocks(&t);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].rows, 0..2);
        use Role::*;
        assert_eq!(
            blocks[0].roles(),
            [Level1, Level2, Name, Nature, Target, Unit, Actual, Weight, Score, Reason].map(Some)
        );
        assert_eq!(blocks[0].columns[4].header(), "年度指标值 / 指标值");
    }

    #[test]
    fn the_actual_over_a_value_column_is_the_actual() {
        let t = table(&[
            &["绩效指标", "", "", "年度指标值", "", "实际完成值", ""],
            &[
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "单位",
                "指标值",
                "单位",
            ],
        ]);
        use Role::*;
        assert_eq!(
            header_blocks(&t)[0].roles(),
            [Level1, Level2, Name, Target, Unit, Actual, Unit].map(Some)
        );
    }

    #[test]
    fn a_group_row_above_the_budget_columns_joins_the_block() {
        let t = table(&[
            &["项目名称", "边境安防", "", "", ""],
            &["预算执行情况(万元)(20分)", "", "", "", ""],
            &[
                "",
                "预算数(A)",
                "执行数(B)",
                "执行率(B/A)",
                "得分(20分*执行率)",
            ],
            &["", "100", "98", "98%", "19.6"],
        ]);
        let blocks = header_blocks(&t);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].rows, 1..3);
        use Role::*;
        assert_eq!(
            blocks[0].roles(),
            [
                Some(Label),
                Some(FullYear),
                Some(Executed),
                Some(Rate),
                Some(Score)
            ]
        );
    }

    #[test]
    fn known_merges_are_trusted_over_inference() {
        let mut t = table(&[&["指标", "", "分值"], &["三级指标", "年度指标值", ""]]);
        // "指标" spans only its own column: the empty position beside it stays unnamed above.
        t.merges = Some(vec![crate::import::grid::Merge {
            row: 0,
            column: 2,
            rows: 2,
            columns: 1,
        }]);
        let block = &header_blocks(&t)[0];
        assert_eq!(block.columns[1].words, ["年度指标值"]);
        assert_eq!(block.columns[2].words, ["分值"]);
    }
}
