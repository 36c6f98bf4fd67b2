//! A funds block printed on its side: the sources of funds across the top (合计 | 财政拨款 |
//! 上年结转 | 其他资金) and the figures down the side (年初预算数, 全年预算数, 全年执行数, 执行率,
//! 得分). Turned the usual way round before anything else reads the table, it is read by the
//! same funds reader as every other form's.

use crate::import::grid::Table;
use crate::import::header::{header_key, is_number_cell, role_of, Role};

/// The least number of figure rows that make a block on its side.
const MIN_ROWS: usize = 2;

/// The figure a row of a sideways block gives, by the label it opens with.
fn figure_row(row: &[String]) -> Option<usize> {
    let (at, label) = row
        .iter()
        .enumerate()
        .find(|(_, cell)| !cell.trim().is_empty())?;
    let role = role_of(label)?;
    let figure = matches!(
        role,
        Role::Initial | Role::FullYear | Role::Executed | Role::Rate | Role::Score | Role::Weight
    );
    // Figures only after the label: a row of label/value pairs (预算数 | 6.84 | 执行数 | 6.84)
    // is not one.
    let rest: Vec<&String> = row
        .iter()
        .skip(at.saturating_add(1))
        .filter(|c| !c.trim().is_empty())
        .collect();
    let numbers = rest.iter().all(|c| is_number_cell(c)) && !rest.is_empty();
    (figure && numbers).then_some(at)
}

/// Turns every sideways funds block of the table the usual way round.
pub fn turn(table: &mut Table) {
    let mut at = 1;
    while at < table.rows.len() {
        let run: Vec<usize> = (at..table.rows.len())
            .take_while(|&r| table.rows.get(r).and_then(|row| figure_row(row)).is_some())
            .collect();
        let amounts = run.iter().any(|&r| {
            table
                .rows
                .get(r)
                .and_then(|row| row.iter().find(|c| !c.trim().is_empty()))
                .and_then(|label| role_of(label))
                .is_some_and(|role| matches!(role, Role::FullYear | Role::Executed))
        });
        if run.len() < MIN_ROWS || !amounts {
            at = at.saturating_add(run.len().max(1));
            continue;
        }
        let header_row = at.saturating_sub(1);
        let label_at = run
            .first()
            .and_then(|&r| table.rows.get(r))
            .and_then(|row| figure_row(row))
            .unwrap_or(0);
        let header = table.rows.get(header_row).cloned().unwrap_or_default();
        // The sources: the header's labels over columns where some figure row has a number.
        let sources: Vec<usize> = (label_at.saturating_add(1)..header.len())
            .filter(|&c| {
                header.get(c).is_some_and(|h| !h.trim().is_empty())
                    && run.iter().any(|&r| {
                        table
                            .rows
                            .get(r)
                            .and_then(|row| row.get(c))
                            .is_some_and(|cell| is_number_cell(cell))
                    })
            })
            .collect();
        if sources.is_empty() {
            at = at.saturating_add(run.len());
            continue;
        }
        let cell = |r: usize, c: usize| -> String {
            table
                .rows
                .get(r)
                .and_then(|row| row.get(c))
                .cloned()
                .unwrap_or_default()
        };
        let corner = header
            .iter()
            .take(label_at.saturating_add(1))
            .find(|c| !c.trim().is_empty() && header_key(c) != "项目")
            .cloned()
            .unwrap_or_default();
        let mut turned = Vec::with_capacity(sources.len().saturating_add(1));
        turned.push(
            std::iter::once(corner)
                .chain(run.iter().map(|&r| cell(r, label_at)))
                .collect::<Vec<_>>(),
        );
        for &c in &sources {
            turned.push(
                std::iter::once(cell(header_row, c))
                    .chain(run.iter().map(|&r| cell(r, c)))
                    .collect(),
            );
        }
        let end = at.saturating_add(run.len());
        let added = turned.len();
        table.rows.splice(header_row..end, turned);
        // The merges of the rows turned no longer say anything about them.
        if let Some(merges) = table.merges.as_mut() {
            merges.retain(|m| m.row.saturating_add(m.rows) <= header_row || m.row >= end);
        }
        at = header_row.saturating_add(added).saturating_add(1);
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
    fn a_block_on_its_side_is_turned_round() {
        let mut t = table(&[
            &["资金情况（万元）", "", "合计", "财政拨款", "其他资金"],
            &["", "全年预算数", "96.40", "85.00", "11.40"],
            &["", "全年执行数", "91.58", "80.18", "11.40"],
            &["", "执行率", "95.00%", "94.33%", "100.00%"],
            &["一级指标", "二级指标", "三级指标", "", ""],
        ]);
        turn(&mut t);
        assert_eq!(
            t.rows[..4].to_vec(),
            vec![
                vec!["资金情况（万元）", "全年预算数", "全年执行数", "执行率"],
                vec!["合计", "96.40", "91.58", "95.00%"],
                vec!["财政拨款", "85.00", "80.18", "94.33%"],
                vec!["其他资金", "11.40", "11.40", "100.00%"],
            ]
        );
        assert_eq!(t.rows[4][0], "一级指标");
    }

    #[test]
    fn a_usual_funds_block_is_left_alone() {
        let rows: &[&[&str]] = &[
            &["项目资金", "年初预算数", "全年预算数", "全年执行数"],
            &["年度资金总额", "100", "100", "98"],
        ];
        let mut t = table(rows);
        turn(&mut t);
        assert_eq!(t, table(rows));
    }
}
