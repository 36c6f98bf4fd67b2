//! Spreadsheet movement between cells: Enter and the arrows move the focus to the cell
//! below, above, left or right, found in the page itself (the grid's rows and columns are
//! its table rows and `data-field` cells), so the components need no coordinates.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Moves the focus from the cell input `from` to the same column `by` rows down (or up).
pub fn move_vertical(from: &Element, by: i32) -> bool {
    let found = (|| {
        let cell = from.closest("td[data-field]").ok()??;
        let field = cell.get_attribute("data-field")?;
        let row = cell.closest("tr").ok()??;
        let table = row.closest("[data-testid=\"indicators\"], table").ok()??;
        let selector = format!("td[data-field=\"{field}\"] .cell");
        let rows = table.query_selector_all("tr").ok()?;
        let mut candidates: Vec<Element> = Vec::new();
        let mut current = None;
        for index in 0..rows.length() {
            let Some(tr) = rows.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if tr == row {
                current = Some(candidates.len());
            }
            if let Some(input) = tr.query_selector(&selector).ok().flatten() {
                if tr != row {
                    candidates.push(input);
                } else {
                    candidates.push(from.clone());
                }
            }
        }
        let target = i64::try_from(current?).ok()? + i64::from(by);
        candidates.get(usize::try_from(target).ok()?).cloned()
    })();
    found.is_some_and(|target| focus_and_select(&target))
}

/// Moves the focus to the editable cell `by` places right (or left) in the same row.
pub fn move_horizontal(from: &Element, by: i32) -> bool {
    let found = (|| {
        let row = from.closest("tr").ok()??;
        let cells = row.query_selector_all(".cell").ok()?;
        let list: Vec<Element> = (0..cells.length())
            .filter_map(|i| cells.item(i)?.dyn_into().ok())
            .collect();
        let index = list.iter().position(|cell| cell == from)?;
        let target = i64::try_from(index).ok()? + i64::from(by);
        list.get(usize::try_from(target).ok()?).cloned()
    })();
    found.is_some_and(|target| focus_and_select(&target))
}

/// After the page has drawn an edit, focuses a cell of the row `row`, or of the row after it
/// (`next`): the row ＋ added, the neighbour of the row ✕ removed. The cell is the one of
/// `field` when given, else the row's first. The row may come a task or two later, when the
/// renderer has yielded, so it is looked for a few times.
pub fn focus_row_later(row: u64, next: bool, field: Option<String>) {
    fn attempt(row: u64, next: bool, field: Option<String>, tries: u32) {
        gloo::timers::callback::Timeout::new(if tries == 0 { 0 } else { 30 }, move || {
            let found = (|| {
                let document = web_sys::window()?.document()?;
                let mut tr = document
                    .query_selector(&format!("tr[data-row-id=\"{row}\"]"))
                    .ok()??;
                if next {
                    tr = tr.next_element_sibling()?;
                }
                let selector = field.as_ref().map_or_else(
                    || ".cell".to_owned(),
                    |field| format!("td[data-field=\"{field}\"] .cell"),
                );
                tr.query_selector(&selector).ok()?
            })();
            match found {
                Some(cell) => {
                    focus_and_select(&cell);
                }
                None if tries < 5 => attempt(row, next, field, tries + 1),
                None => {}
            }
        })
        .forget();
    }
    attempt(row, next, field, 0);
}

/// The id of the indicator row next to the one holding `element`: after it, else before.
pub fn neighbour_row(element: &Element) -> Option<u64> {
    let tr = element.closest("tr[data-row-id]").ok()??;
    let id = |e: Element| e.get_attribute("data-row-id")?.parse().ok();
    tr.next_element_sibling()
        .and_then(id)
        .or_else(|| tr.previous_element_sibling().and_then(id))
}

/// Focuses a cell and selects its whole text, as a spreadsheet selects the cell it enters.
pub fn focus_and_select(target: &Element) -> bool {
    let Some(element) = target.dyn_ref::<HtmlElement>() else {
        return false;
    };
    if element.focus().is_err() {
        return false;
    }
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.select();
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.select();
    }
    true
}

/// The caret of an input or textarea: (start, end, text).
pub fn caret(element: &Element) -> Option<(u32, u32, String)> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some((
            input.selection_start().ok()??,
            input.selection_end().ok()??,
            input.value(),
        ));
    }
    let area = element.dyn_ref::<HtmlTextAreaElement>()?;
    Some((
        area.selection_start().ok()??,
        area.selection_end().ok()??,
        area.value(),
    ))
}

/// Where the caret stands in a cell's text, for deciding whether an arrow leaves the cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaretPlace {
    pub at_start: bool,
    pub at_end: bool,
    pub on_first_line: bool,
    pub on_last_line: bool,
}

/// The caret's place. A part of the text selected is at no edge; the whole text selected
/// (as after moving into a cell) is at every edge, so the arrows keep moving.
pub fn caret_place(start: u32, end: u32, text: &str) -> CaretPlace {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (start as usize, end as usize);
    if start == 0 && end >= utf16.len() {
        return CaretPlace {
            at_start: true,
            at_end: true,
            on_first_line: true,
            on_last_line: true,
        };
    }
    let collapsed = start == end;
    let newline = u16::from(b'\n');
    let before = utf16.get(..start).unwrap_or(&utf16);
    let after = utf16.get(end..).unwrap_or(&[]);
    CaretPlace {
        at_start: collapsed && start == 0,
        at_end: collapsed && end >= utf16.len(),
        on_first_line: collapsed && !before.contains(&newline),
        on_last_line: collapsed && !after.contains(&newline),
    }
}
