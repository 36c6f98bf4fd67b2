//! Reading tables out of pasted HTML (Word, WPS and Excel put `text/html` on the clipboard).
//! The HTML is only read, never rendered: scripts, styles and comments are skipped, every
//! attribute but rowspan/colspan is ignored, and nesting is tracked with an explicit stack,
//! so hostile or deeply nested input cannot run, inject or overflow anything.

use crate::import::grid::{expand_spans, Block};

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
}

/// Reads the tables and the text lines between them, in document order.
pub fn parse(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut stack: Vec<TableBuilder> = Vec::new();
    let mut outside = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            push_text(&mut stack, &mut outside, rest);
            break;
        };
        let (text, after) = rest.split_at(open);
        push_text(&mut stack, &mut outside, text);
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| comment.get(end + 3..).unwrap_or(""));
            continue;
        }
        let Some(close) = tag_end(after) else { break };
        let tag = after.get(1..close).unwrap_or("");
        rest = after.get(close + 1..).unwrap_or("");
        let (name, closing) = tag_name(tag);
        match (name.as_str(), closing) {
            ("script" | "style" | "title" | "head" | "xml" | "template", false) => {
                rest = skip_element(rest, &name);
            }
            ("table", false) => {
                if stack.len() < MAX_DEPTH {
                    flush_lines(&mut blocks, &mut outside);
                    stack.push(TableBuilder::default());
                }
            }
            ("table", true) => {
                if let Some(mut table) = stack.pop() {
                    table.close_cell();
                    let grid = expand_spans(table.rows);
                    if !grid.is_blank() {
                        blocks.push(Block::Table(grid));
                    }
                }
            }
            ("tr", false) => {
                if let Some(table) = stack.last_mut() {
                    table.close_cell();
                    table.rows.push(Vec::new());
                }
            }
            ("tr", true) => {
                if let Some(table) = stack.last_mut() {
                    table.close_cell();
                }
            }
            ("td" | "th", false) => {
                if let Some(table) = stack.last_mut() {
                    table.close_cell();
                    table.cell = Some((String::new(), span(tag, "rowspan"), span(tag, "colspan")));
                }
            }
            ("td" | "th", true) => {
                if let Some(table) = stack.last_mut() {
                    table.close_cell();
                }
            }
            ("br", _) | ("p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                push_raw(&mut stack, &mut outside, "\n");
            }
            _ => {}
        }
    }
    while let Some(mut table) = stack.pop() {
        table.close_cell();
        let grid = expand_spans(table.rows);
        if !grid.is_blank() {
            blocks.push(Block::Table(grid));
        }
    }
    flush_lines(&mut blocks, &mut outside);
    blocks
}

/// The index of the `>` that ends the tag starting at 0, respecting quoted attributes.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The lower-case tag name, and whether it is a closing tag.
fn tag_name(tag: &str) -> (String, bool) {
    let (closing, body) = match tag.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, tag),
    };
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let name = name.rsplit(':').next().unwrap_or_default().to_owned();
    (name, closing)
}

/// Skips to just after `</name>`, case-insensitively.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let closing = format!("</{name}");
    let lower = rest.to_ascii_lowercase();
    match lower.find(&closing) {
        Some(at) => {
            let after = rest.get(at..).unwrap_or("");
            after.find('>').map_or("", |end| after.get(end + 1..).unwrap_or(""))
        }
        None => "",
    }
}

/// A rowspan or colspan attribute's value (1 when absent or unreadable).
fn span(tag: &str, attribute: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(attribute) else { return 1 };
    let value: String = lower
        .get(at + attribute.len()..)
        .unwrap_or("")
        .trim_start_matches(|c: char| c == '=' || c == '"' || c == '\'' || c.is_whitespace())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    value.parse().unwrap_or(1)
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
fn clean(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |i| i + 1);
    lines.get(start..end).unwrap_or_default().join("\n")
}

/// Decodes the entities Office writes: named (`&nbsp;`, `&lt;` …) and numeric.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        let end = after.find(';').filter(|&end| end <= 10);
        let decoded = end.and_then(|end| entity(after.get(..end).unwrap_or("")));
        match (decoded, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = after.get(end + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "ge" => '≥',
        "le" => '≤',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "yen" => '¥',
        _ => return None,
    })
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
                Block::Line(_) => None,
            })
            .collect()
    }

    #[test]
    fn spans_expand_into_a_positional_grid() {
        let html = "<table><tr><td rowspan=2>产出指标<br>(50分)</td><td colspan=\"2\">数量</td><td>5</td></tr>\
                    <tr><td>a</td><td>b</td><td>c</td></tr></table>";
        assert_eq!(
            tables(html)[0].rows,
            vec![vec!["产出指标\n(50分)", "数量", "", "5"], vec!["", "a", "b", "c"]]
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
