//! Tables for a terminal: columns lined up by display width (a 汉字 is two columns wide),
//! figures aligned right.

use unicode_width::UnicodeWidthStr;

/// Whether a cell holds a figure (a number, a percentage or a signed difference).
fn is_figure(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '+' | '-' | ','))
}

/// The rows as lines, the first row the header, a rule under it.
pub fn render(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (index, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (column, width) in widths.iter().enumerate() {
            let cell = row.get(column).map_or("", String::as_str);
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if column > 0 {
                line.push_str("  ");
            }
            if index > 0 && is_figure(cell) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if index == 0 {
            let total = widths
                .iter()
                .sum::<usize>()
                .saturating_add(widths.len().saturating_sub(1).saturating_mul(2));
            out.push_str(&"─".repeat(total));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn chinese_text_lines_up_by_display_width() {
        let rows = vec![
            vec!["名称".to_owned(), "总分".to_owned()],
            vec!["城乡低保补助".to_owned(), "96.50".to_owned()],
            vec!["abc".to_owned(), "100".to_owned()],
        ];
        let out = render(&rows);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "名称          总分");
        assert_eq!(lines[2], "城乡低保补助  96.50");
        assert_eq!(lines[3], "abc             100");
    }
}
