//! Reading tables out of pasted HTML (Word, WPS and Excel put `text/html` on the clipboard).
//! The HTML is only read, never rendered: scripts, styles and comments are skipped, every
//! attribute but rowspan/colspan is ignored, and nesting is tracked with an explicit stack,
//! so hostile or deeply nested input cannot run, inject or overflow anything.

use crate::import::grid::{expand_spans, Block, Positions};
use crate::import::markup::{attribute, decode_entities, Token, Tokens};

/// Tables nested deeper than this are read as plain text of the cell they sit in.
const MAX_DEPTH: usize = 32;

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<(String, usize, usize)>>,
    /// The cell being read: its text and spans.
    cell: Option<(String, usize, usize)>,
}

impl TableBuilder {
    fn close_cell(&mut self) {
        if let Some((text, rowspan, colspan)) = self.cell.take() {
            if self.rows.is_empty() {
                self.rows.push(Vec::new());
            }
            if let Some(row) = self.rows.last_mut() {
                row.push((clean(&text), rowspan, colspan));
            }
        }
    }

    fn finish(mut self, blocks: &mut Vec<Block>, positions: &mut Positions) {
        self.close_cell();
        let grid = expand_spans(self.rows, positions);
        if !grid.is_blank() {
            blocks.push(Block::Table(grid));
        }
    }
}

/// Reads the tables and the text lines between them, in document order.
pub fn parse(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut stack: Vec<TableBuilder> = Vec::new();
    let mut outside = String::new();
    let mut positions = Positions::default();
    let mut tokens = Tokens::new(html);
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => push_text(&mut stack, &mut outside, text),
            Token::Open {
                name,
                attributes,
                self_closing,
            } => match name.as_str() {
                "script" | "style" | "title" | "head" | "xml" | "template" if !self_closing => {
                    tokens.skip_element(&name)
                }
                "table" if stack.len() < MAX_DEPTH => {
                    flush_lines(&mut blocks, &mut outside);
                    stack.push(TableBuilder::default());
                }
                "tr" => {
                    if let Some(table) = stack.last_mut() {
                        table.close_cell();
                        table.rows.push(Vec::new());
                    }
                }
                "td" | "th" => {
                    if let Some(table) = stack.last_mut() {
                        table.close_cell();
                        table.cell = Some((
                            String::new(),
                            span(attributes, "rowspan"),
                            span(attributes, "colspan"),
                        ));
                    }
                }
                "br" => push_raw(&mut stack, &mut outside, "\n"),
                _ => {}
            },
            Token::Close { name } => match name.as_str() {
                "table" => {
                    if let Some(table) = stack.pop() {
                        table.finish(&mut blocks, &mut positions);
                    }
                }
                "tr" | "td" | "th" => {
                    if let Some(table) = stack.last_mut() {
                        table.close_cell();
                    }
                }
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    push_raw(&mut stack, &mut outside, "\n")
                }
                _ => {}
            },
        }
    }
    while let Some(table) = stack.pop() {
        table.finish(&mut blocks, &mut positions);
    }
    flush_lines(&mut blocks, &mut outside);
    blocks.extend(positions.left_out());
    blocks
}

/// A rowspan or colspan attribute's value (1 when absent or unreadable).
fn span(attributes: &str, name: &str) -> usize {
    attribute(attributes, name)
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(1)
}

fn push_text(stack: &mut [TableBuilder], outside: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    let collapsed = collapse_whitespace(&decode_entities(text));
    push_raw(stack, outside, &collapsed);
}

fn push_raw(stack: &mut [TableBuilder], outside: &mut String, text: &str) {
    match stack.last_mut() {
        Some(table) => {
            if let Some((cell, _, _)) = table.cell.as_mut() {
                cell.push_str(text);
            }
        }
        None => outside.push_str(text),
    }
}

fn flush_lines(blocks: &mut Vec<Block>, outside: &mut String) {
    for line in outside.lines() {
        let line = line.trim();
        if !line.is_empty() {
            blocks.push(Block::Line(line.to_owned()));
        }
    }
    outside.clear();
}

/// Source whitespace collapses to one space, as a browser shows it.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// A cell's text: each line trimmed, blank lines at the ends dropped.
pub fn clean(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i.saturating_add(1));
    lines.get(start..end).unwrap_or_default().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Table;

    fn tables(html: &str) -> Vec<Table> {
        parse(html)
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Line(_) | Block::LeftOut(_) => None,
            })
            .collect()
    }

    #[test]
    fn spans_expand_into_a_positional_grid() {
        let html = "<table><tr><td rowspan=2>产出指标<br>(50分)</td><td colspan=\"2\">数量</td><td>5</td></tr>\
                    <tr><td>a</td><td>b</td><td>c</td></tr></table>";
        assert_eq!(
            tables(html)[0].rows,
            vec![
                vec!["产出指标\n(50分)", "数量", "", "5"],
                vec!["", "a", "b", "c"]
            ]
        );
    }

    #[test]
    fn scripts_styles_comments_and_attributes_are_ignored() {
        let html = "<style>td{color:red}</style><script>alert(1)</script><!-- <table><tr><td>x</td></tr></table> -->\
                    <p>附件1-2</p><table><tr><td onclick=\"alert('>')\">&ge;95&#37;&nbsp;</td><td><a href=\"javascript:x\">链接</a></td></tr></table>";
        let blocks = parse(html);
        assert_eq!(blocks[0], Block::Line("附件1-2".into()));
        assert_eq!(tables(html)[0].rows, vec![vec!["≥95%", "链接"]]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<table><tr><td>".repeat(10_000) + "深处" + &"</td></tr></table>".repeat(10_000);
        let found = tables(&html);
        assert!(!found.is_empty());
    }
}
