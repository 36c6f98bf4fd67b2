//! Tab- and comma-separated text: what Excel and WPS put on the clipboard (TSV) and what
//! .csv files hold. Quoted cells may contain the separator, line breaks and `""` escapes.

use crate::import::grid::Table;

/// Parses delimited text into rows of cells. CRLF and LF both end rows; a trailing empty
/// row (Excel adds one) is dropped.
pub fn parse(text: &str, separator: char) -> Table {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            c if c == separator => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    while rows
        .last()
        .is_some_and(|last| last.iter().all(|cell| cell.trim().is_empty()))
    {
        rows.pop();
    }
    Table::positional(rows)
}

/// Whether text looks like comma-separated values rather than prose: several lines with
/// the same number of commas, more than one.
pub fn looks_like_csv(text: &str) -> bool {
    let counts: Vec<usize> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .map(|l| l.matches(',').count())
        .collect();
    counts.len() >= 2
        && counts.iter().all(|&n| n >= 2)
        && counts
            .windows(2)
            .filter(|w| w.first() == w.get(1))
            .count()
            .saturating_mul(2)
            >= counts.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, sep: char) -> Vec<Vec<String>> {
        parse(text, sep).rows
    }

    #[test]
    fn excel_tsv_with_quotes_and_crlf() {
        let text = "一级指标\t三级指标\t分值\r\n产出指标\t\"多行\r\n名称\"\t10\r\n\t\"含\t制表符与\"\"引号\"\"\"\t5\r\n";
        assert_eq!(
            rows(text, '\t'),
            vec![
                vec!["一级指标", "三级指标", "分值"],
                vec!["产出指标", "多行\r\n名称", "10"],
                vec!["", "含\t制表符与\"引号\"", "5"],
            ]
        );
    }

    #[test]
    fn trailing_empty_rows_dropped_and_unterminated_last_row_kept() {
        assert_eq!(rows("a\tb\n\t\n", '\t'), vec![vec!["a", "b"]]);
        assert_eq!(rows("a,b\nc,d", ','), vec![vec!["a", "b"], vec!["c", "d"]]);
    }

    #[test]
    fn csv_detection() {
        assert!(looks_like_csv("一级,二级,三级\n产出,数量,人数\n"));
        assert!(!looks_like_csv("这是一段说明，包含逗号，但不是表格。"));
    }
}
