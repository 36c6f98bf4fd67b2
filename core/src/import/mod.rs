//! Pastes and files become forms: every source is first read into [`grid::Block`]s (lines
//! and positional tables), then [`forms::find_forms`] finds the forms in them. One importer
//! serves the paste box, opened files and the tests.

pub mod delimited;
pub mod docx;
pub mod forms;
pub mod grid;
pub mod header;
pub mod header_block;
pub mod html;
pub mod markup;
pub mod notices;
pub mod office;
pub mod reading;
pub mod transposed;
pub mod word_text;
pub mod xlsx;

use forms::{find_forms, Imported, Layouts};
use grid::Block;
use notices::{NoForm, Notice};

/// Reads clipboard content into blocks: HTML tables when the paste carries them, else the
/// plain text's shape (Word extract, Excel/WPS TSV, CSV, or prose).
pub fn read_blocks(text: &str, html: Option<&str>) -> Vec<Block> {
    // A UTF-8 byte-order mark (CSV files from Excel) is not text.
    let text = text.trim_start_matches('\u{feff}');
    if let Some(html) = html.filter(|h| markup::find_tag(h, "<", "table").is_some()) {
        let blocks = html::parse(html);
        if blocks.iter().any(|b| matches!(b, Block::Table(_))) {
            return blocks;
        }
    }
    if word_text::looks_like_word_text(text) {
        word_text::parse(text)
    } else if text.contains('\t') {
        vec![Block::Table(delimited::parse(text, '\t'))]
    } else if delimited::looks_like_csv(text) {
        vec![Block::Table(delimited::parse(text, ','))]
    } else {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::Line(l.to_owned()))
            .collect()
    }
}

/// What an import reads, kept so that the same content can be read again once the user has
/// chosen what a column holds: the blocks of a paste or a file, and whether it was empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub blocks: Vec<Block>,
    pub empty: bool,
}

impl Source {
    /// A paste: its `text/plain` and, when present, `text/html`. Content over [`MAX_BYTES`]
    /// is refused with the import that says so.
    pub fn paste(text: &str, html: Option<&str>) -> Result<Source, Imported> {
        if let Some(refused) = too_large(text.len().saturating_add(html.map_or(0, str::len))) {
            return Err(refused);
        }
        let empty = text.trim().is_empty() && html.is_none_or(|h| h.trim().is_empty());
        Ok(Source {
            blocks: read_blocks(text, html),
            empty,
        })
    }

    /// Delimited text whose separator is known (a .csv or .tsv file).
    pub fn delimited(text: &str, separator: char) -> Result<Source, Imported> {
        if let Some(refused) = too_large(text.len()) {
            return Err(refused);
        }
        let text = text.trim_start_matches('\u{feff}');
        Ok(Source {
            blocks: vec![Block::Table(delimited::parse(text, separator))],
            empty: text.trim().is_empty(),
        })
    }

    /// The forms in the content, read with the column choices in `layouts`.
    pub fn read(&self, layouts: &Layouts) -> Imported {
        import_blocks(self.blocks.clone(), layouts, self.empty)
    }
}

/// Imports delimited text whose separator is known (a .csv or .tsv file).
pub fn import_delimited(text: &str, separator: char, layouts: &Layouts) -> Imported {
    Source::delimited(text, separator).map_or_else(|refused| refused, |source| source.read(layouts))
}

/// The most text one import reads (4 MB: a thousand pages of forms); more would hold the
/// page for seconds. Larger content is refused with a message saying so.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The notice for content over [`MAX_BYTES`], or `None` when it fits.
pub fn too_large(bytes: usize) -> Option<Imported> {
    (bytes > MAX_BYTES).then(|| Imported {
        notices: vec![Notice::NoForm(NoForm::TooLarge { bytes })],
        ..Imported::default()
    })
}

/// Imports a paste (its `text/plain` and, when present, `text/html`), with the column
/// mappings the user chose for layouts zipin could not map itself.
pub fn import(text: &str, html: Option<&str>, layouts: &Layouts) -> Imported {
    Source::paste(text, html).map_or_else(|refused| refused, |source| source.read(layouts))
}

/// A report's narrative among its blocks: the lines of text before its first table (a
/// report's words come before the forms it attaches), and the prose between and after the
/// tables (lines that end a sentence). Only a report with prose has one: a form's title
/// lines alone are not a narrative.
fn narrative(blocks: &[Block]) -> Vec<String> {
    let prose = |line: &str| line.contains('。');
    let mut before_tables = true;
    let mut lines = Vec::new();
    for block in blocks {
        match block {
            Block::Table(_) => before_tables = false,
            Block::Line(line) if before_tables || prose(line) => lines.push(line.clone()),
            Block::Line(_) | Block::LeftOut(_) => {}
        }
    }
    if lines.iter().any(|line| prose(line)) {
        lines
    } else {
        Vec::new()
    }
}

/// Finds the forms in blocks read from any source, saying why when there are none.
pub fn import_blocks(blocks: Vec<Block>, layouts: &Layouts, empty: bool) -> Imported {
    let narrative = narrative(&blocks);
    let mut imported = find_forms(blocks, layouts);
    imported.narrative = narrative;
    let needs_mapping = imported
        .notices
        .iter()
        .any(|n| matches!(n, Notice::NeedsMapping { .. }));
    if imported.forms.is_empty() && !needs_mapping {
        let why = if empty {
            NoForm::Empty
        } else {
            NoForm::NotFound
        };
        imported.notices.push(Notice::NoForm(why));
    }
    imported
}
