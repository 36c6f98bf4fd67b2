//! The common shape every paste and file becomes before forms are found in it: text lines
//! (titles, prose) and tables of cells, with merged cells expanded so that each row is
//! positional (a merged cell's text stands in its first position, the positions it covers
//! are empty — as Excel shows them).

use crate::import::notices::Skip;

/// One piece of a pasted document, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A line of text outside any table (a title such as "附件1-2 …自评表", or prose).
    Line(String),
    Table(Table),
    /// What a reader left out of the source, and why: told to the user with the notices.
    LeftOut(Skip),
}

/// The most cell positions one source may lay out across all its tables. A merged cell
/// fills every position it covers, so a few bytes (`<td colspan="1000">`) ask for a
/// thousand, and a sheet's cell may stand at row 1,000,000; counting positions rather than
/// cells or bytes bounds the memory a hostile source can ask for (about 50 MB here). A real
/// report lays out a few hundred; a reviewer's paste of 300 reports, about 100,000.
pub const MAX_POSITIONS: usize = 2_000_000;

/// What is left of [`MAX_POSITIONS`] while one source is read.
#[derive(Debug)]
pub struct Positions {
    left: usize,
    cut: bool,
}

impl Default for Positions {
    fn default() -> Self {
        Positions {
            left: MAX_POSITIONS,
            cut: false,
        }
    }
}

impl Positions {
    /// Takes `count` positions, or refuses (and remembers that the source was cut).
    pub fn take(&mut self, count: usize) -> bool {
        match self.left.checked_sub(count) {
            Some(left) => {
                self.left = left;
                true
            }
            None => {
                self.cut = true;
                false
            }
        }
    }

    /// The block that says the source was cut, when it was.
    pub fn left_out(&self) -> Option<Block> {
        self.cut.then_some(Block::LeftOut(Skip::TooManyCells))
    }
}

/// A table: rows of cell texts, as written (line breaks inside cells kept).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// The merged cells, where the source says them (HTML, Word): the header reader then
    /// knows which header cell stands over which columns instead of inferring it from the
    /// empty positions, as it must for tab-separated text. `None` when the source cannot say.
    pub merges: Option<Vec<Merge>>,
}

/// A merged cell: its top-left position and how many rows and columns it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub row: usize,
    pub column: usize,
    pub rows: usize,
    pub columns: usize,
}

impl Merge {
    /// Whether the merge covers a position.
    pub fn covers(&self, row: usize, column: usize) -> bool {
        (self.row..self.row.saturating_add(self.rows)).contains(&row)
            && (self.column..self.column.saturating_add(self.columns)).contains(&column)
    }
}

impl Table {
    /// A table from positional rows, with no word on merges.
    pub fn positional(rows: Vec<Vec<String>>) -> Table {
        Table { rows, merges: None }
    }

    /// The widest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.rows
            .iter()
            .flatten()
            .all(|cell| cell.trim().is_empty())
    }
}

/// Places cells with row and column spans into positional rows. `cells` yields, row by
/// row, each cell's text and its (rowspan, colspan); positions covered by a span stay
/// empty. As browsers do, a colspan counts to 1,000 at most and a rowspan ends with the
/// table; every position laid out is taken from `positions`, and the table stops where they
/// run out.
pub fn expand_spans(rows: Vec<Vec<(String, usize, usize)>>, positions: &mut Positions) -> Table {
    const MAX_COLSPAN: usize = 1_000;
    let height = rows.len();
    let mut grid: Vec<Vec<Option<String>>> = Vec::with_capacity(height);
    let mut merges = Vec::new();
    'rows: for (r, row) in rows.into_iter().enumerate() {
        if grid.len() <= r {
            grid.resize_with(r.saturating_add(1), Vec::new);
        }
        let mut c = 0;
        for (text, rowspan, colspan) in row {
            while grid
                .get(r)
                .and_then(|g| g.get(c))
                .is_some_and(Option::is_some)
            {
                c = c.saturating_add(1);
            }
            let rowspan = rowspan.clamp(1, height.saturating_sub(r).max(1));
            let colspan = colspan.clamp(1, MAX_COLSPAN);
            let mut text = Some(text);
            if rowspan > 1 || colspan > 1 {
                merges.push(Merge {
                    row: r,
                    column: c,
                    rows: rowspan,
                    columns: colspan,
                });
            }
            let end = c.saturating_add(colspan);
            for (dr, target) in (r..r.saturating_add(rowspan)).enumerate() {
                if grid.len() <= target {
                    grid.resize_with(target.saturating_add(1), Vec::new);
                }
                let Some(target_row) = grid.get_mut(target) else {
                    continue;
                };
                if target_row.len() < end {
                    if !positions.take(end.saturating_sub(target_row.len())) {
                        break 'rows;
                    }
                    target_row.resize(end, None);
                }
                for (dc, slot) in target_row.iter_mut().skip(c).take(colspan).enumerate() {
                    *slot = Some(if dr == 0 && dc == 0 {
                        text.take().unwrap_or_default()
                    } else {
                        String::new()
                    });
                }
            }
            c = end;
        }
    }
    Table {
        rows: grid
            .into_iter()
            .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
            .collect(),
        merges: Some(merges),
    }
}
