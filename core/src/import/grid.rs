//! The common shape every paste and file becomes before forms are found in it: text lines
//! (titles, prose) and tables of cells, with merged cells expanded so that each row is
//! positional (a merged cell's text stands in its first position, the positions it covers
//! are empty — as Excel shows them).

/// One piece of a pasted document, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A line of text outside any table (a title such as "附件1-2 …自评表", or prose).
    Line(String),
    Table(Table),
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
/// empty. Spans are capped so hostile input cannot allocate without bound.
pub fn expand_spans(rows: Vec<Vec<(String, usize, usize)>>) -> Table {
    const MAX_SPAN: usize = 1_000;
    let mut grid: Vec<Vec<Option<String>>> = Vec::with_capacity(rows.len());
    let mut merges = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
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
            let (rowspan, colspan) = (rowspan.clamp(1, MAX_SPAN), colspan.clamp(1, MAX_SPAN));
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
