//! The tables of a Word file (`word/document.xml`): `w:tbl` rows and cells, with horizontal
//! merges (`w:gridSpan`) and vertical ones (`w:vMerge`) laid out positionally, as a paste
//! gives them, and the paragraphs between tables as lines (titles such as "附件1-2").

use crate::import::grid::{expand_spans, Block, Positions};
use crate::import::html::clean;
use crate::import::markup::{attribute, decode_entities, Token, Tokens};

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<(String, usize, usize)>>,
    cell: Option<(String, usize)>,
}

/// Reads the blocks of `word/document.xml`.
pub fn parse(document_xml: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut stack: Vec<TableBuilder> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut positions = Positions::default();
    for token in Tokens::new(document_xml) {
        match token {
            Token::Open {
                name,
                attributes,
                self_closing,
            } => match name.as_str() {
                "tbl" => {
                    flush_paragraph(&mut blocks, &mut paragraph, &stack);
                    stack.push(TableBuilder::default());
                }
                "tr" => {
                    if let Some(table) = stack.last_mut() {
                        table.rows.push(Vec::new());
                    }
                }
                "tc" => {
                    if let Some(table) = stack.last_mut() {
                        table.cell = Some((String::new(), 1));
                    }
                }
                "gridspan" => {
                    let span = attribute(attributes, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                    if let Some((_, colspan)) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                        *colspan = span;
                    }
                }
                "t" if !self_closing => in_text = true,
                "tab" => push(&mut stack, &mut paragraph, "\t"),
                "br" | "cr" => push(&mut stack, &mut paragraph, "\n"),
                _ => {}
            },
            Token::Close { name } => match name.as_str() {
                "t" => in_text = false,
                "p" => {
                    if stack.last().is_some_and(|t| t.cell.is_some()) {
                        push(&mut stack, &mut paragraph, "\n");
                    } else {
                        flush_paragraph(&mut blocks, &mut paragraph, &stack);
                    }
                }
                "tc" => {
                    if let Some(table) = stack.last_mut() {
                        if let Some((text, colspan)) = table.cell.take() {
                            if let Some(row) = table.rows.last_mut() {
                                row.push((clean(&text), 1, colspan));
                            }
                        }
                    }
                }
                "tbl" => {
                    if let Some(table) = stack.pop() {
                        let grid = expand_spans(table.rows, &mut positions);
                        if !grid.is_blank() {
                            blocks.push(Block::Table(grid));
                        }
                    }
                }
                _ => {}
            },
            Token::Text(text) if in_text => {
                push(&mut stack, &mut paragraph, &decode_entities(text))
            }
            Token::Text(_) => {}
        }
    }
    flush_paragraph(&mut blocks, &mut paragraph, &stack);
    blocks.extend(positions.left_out());
    blocks
}

/// Text goes to the open cell, else to the paragraph outside tables.
fn push(stack: &mut [TableBuilder], paragraph: &mut String, text: &str) {
    match stack.last_mut().and_then(|t| t.cell.as_mut()) {
        Some((cell, _)) => cell.push_str(text),
        None => paragraph.push_str(text),
    }
}

fn flush_paragraph(blocks: &mut Vec<Block>, paragraph: &mut String, stack: &[TableBuilder]) {
    if stack.is_empty() {
        let line = paragraph.trim();
        if !line.is_empty() {
            blocks.push(Block::Line(line.to_owned()));
        }
    }
    paragraph.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Table;

    #[test]
    fn merged_cells_take_their_positions() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>附件1-2</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>部门名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某局</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出</w:t></w:r></w:p><w:p><w:r><w:t>(50分)</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">d &amp; e</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let blocks = parse(xml);
        assert_eq!(blocks[0], Block::Line("附件1-2".into()));
        let Block::Table(Table { rows, .. }) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            rows,
            &vec![
                vec!["部门名称", "", "某局"],
                vec!["产出\n(50分)", "a", "b"],
                vec!["", "c", "d & e"]
            ]
        );
    }
}
