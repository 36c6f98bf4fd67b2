//! The text Word gives when a report is copied or extracted as plain text: each table cell
//! on a line of its own after a tab, cells that wrap over several lines, blank lines inside
//! rows, merged cells left empty, and no marker at all where a row ends. Rows are rebuilt
//! from the header rows' widths and from what the cells say, not from blank lines alone.

use crate::import::grid::{Block, Table};
use crate::import::header::{header_width, is_title};

/// One cell of the flat stream, and how many blank lines stood right before it.
#[derive(Debug)]
struct Cell {
    text: String,
    blank_before: usize,
}

/// Whether text has the Word-extract shape: many lines that start with a tab and carry one
/// cell each (a TSV row has tabs between cells instead).
pub fn looks_like_word_text(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let cell_lines = lines
        .iter()
        .filter(|line| is_cell_line(line) && line.matches('\t').count() == 1)
        .count();
    cell_lines >= 4 && cell_lines.saturating_mul(2) >= lines.len()
}

fn is_cell_line(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with('\t')
}

/// Reads the text into titles, prose and tables.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut blanks = 0;
    for line in text.lines() {
        if is_cell_line(line) {
            let content = line.trim_start_matches(' ').get(1..).unwrap_or("");
            if is_title(content) {
                flush_table(&mut blocks, &mut cells);
                blocks.push(Block::Line(content.trim().to_owned()));
            } else {
                cells.push(Cell {
                    text: content.to_owned(),
                    blank_before: blanks,
                });
            }
            blanks = 0;
        } else if line.trim().is_empty() {
            blanks = blanks.saturating_add(1);
        } else if is_title(line) || cells.is_empty() {
            flush_table(&mut blocks, &mut cells);
            blocks.push(Block::Line(line.trim().to_owned()));
            blanks = 0;
        } else if let Some(cell) = cells.last_mut() {
            // A wrapped line continues the cell above, keeping its inner blank lines.
            for _ in 0..=blanks {
                cell.text.push('\n');
            }
            cell.text.push_str(line);
            blanks = 0;
        }
    }
    flush_table(&mut blocks, &mut cells);
    blocks
}

fn flush_table(blocks: &mut Vec<Block>, cells: &mut Vec<Cell>) {
    if cells.is_empty() {
        return;
    }
    let rows = rebuild_rows(std::mem::take(cells));
    let table = Table::positional(rows);
    if !table.is_blank() {
        blocks.push(Block::Table(table));
    }
}

/// Groups the flat cell stream into rows. A blank line marks where a row may end; runs of
/// cells between such marks (segments) are joined until they fill the width of the last
/// header row seen. A new header row, or a row that opens with 总分, always starts a row.
fn rebuild_rows(cells: Vec<Cell>) -> Vec<Vec<String>> {
    let mut segments: Vec<Vec<String>> = Vec::new();
    for cell in cells {
        let text = tidy(&cell.text);
        match segments.last_mut() {
            Some(segment) if cell.blank_before == 0 => segment.push(text),
            _ => segments.push(vec![text]),
        }
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut width: Option<usize> = None;
    let mut current: Vec<String> = Vec::new();
    for segment in segments {
        if let Some(header) = header_width(&segment) {
            if !current.is_empty() {
                rows.push(std::mem::take(&mut current));
            }
            width = Some(header);
            rows.push(segment);
            continue;
        }
        let opens_total = segment
            .iter()
            .find(|c| !c.trim().is_empty())
            .is_some_and(|c| is_total_label(c));
        let fits = width.is_some_and(|w| current.len().saturating_add(segment.len()) <= w);
        if !current.is_empty() && (opens_total || !fits) {
            rows.push(std::mem::take(&mut current));
        }
        current.extend(segment);
        if width.is_some_and(|w| current.len() >= w) || width.is_none() {
            rows.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        rows.push(current);
    }
    rows
}

fn is_total_label(text: &str) -> bool {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    key == "总分" || key == "总计" || key.starts_with("总分")
}

/// A cell's text: lines trimmed of the extractor's padding, blank lines at the ends dropped.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |i| i.saturating_add(1));
    lines.get(start..end).unwrap_or_default().join("\n")
}
