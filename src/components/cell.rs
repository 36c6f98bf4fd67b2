//! Editable cells. A cell keeps the raw text exactly as typed (the model stores text, so the
//! value the page sets back is the value the user typed and the caret never jumps).
//!
//! The markup ([`editor`]) carries no callbacks: the form shown handles the events of all its
//! cells at once ([`delegate`]), finding the cell from the page ([`address_of`]), so the
//! thousands of cells of a large form, and the form's own cells, register no listeners of
//! their own. The handlers are [`on_input`], [`on_key`], [`on_paste`], [`on_focus`] and
//! [`on_blur`].

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{FormId, FundsColumn, RowField, RowId, SectionId};

use crate::marks::funds_field;
use crate::state::Action;
use crate::state::Dispatch;

/// Which cell of the document an input edits.
#[derive(Clone, Debug, PartialEq)]
pub enum CellAddress {
    Row {
        form: FormId,
        row: RowId,
        field: RowField,
    },
    Funds {
        form: FormId,
        row: usize,
        column: FundsColumn,
    },
    FormName {
        form: FormId,
    },
    SectionWeight {
        form: FormId,
        section: SectionId,
    },
    ClaimTotal {
        form: FormId,
    },
    ClaimGrade {
        form: FormId,
    },
    FundsReason {
        form: FormId,
    },
}

impl CellAddress {
    /// The edit that puts `text` into this cell.
    pub fn edit(&self, text: String) -> Edit {
        match *self {
            CellAddress::Row { form, row, field } => Edit::SetRow {
                form,
                row,
                field,
                text,
            },
            CellAddress::Funds { form, row, column } => Edit::SetFunds {
                form,
                row,
                column,
                text,
            },
            CellAddress::FormName { form } => Edit::SetFormName { form, name: text },
            CellAddress::SectionWeight { form, section } => Edit::SetSectionWeight {
                form,
                section,
                text,
            },
            CellAddress::ClaimTotal { form } => Edit::SetClaimTotal { form, text },
            CellAddress::ClaimGrade { form } => Edit::SetClaimGrade { form, text },
            CellAddress::FundsReason { form } => Edit::SetFundsReason { form, text },
        }
    }

    /// How a cell outside the indicator grid names itself in the page (`data-cell`), for the
    /// form's handlers to find it again; grid cells are found from their row and column.
    pub fn key(&self) -> Option<String> {
        match *self {
            CellAddress::Funds { row, column, .. } => {
                Some(format!("funds:{row}:{}", funds_field(column)))
            }
            CellAddress::FormName { .. } => Some("name".to_owned()),
            CellAddress::ClaimTotal { .. } => Some("claimed-total".to_owned()),
            CellAddress::ClaimGrade { .. } => Some("claimed-grade".to_owned()),
            CellAddress::FundsReason { .. } => Some("funds-reason".to_owned()),
            CellAddress::Row { .. } | CellAddress::SectionWeight { .. } => None,
        }
    }

    /// The cell of `form` that [`CellAddress::key`] named.
    fn from_key(key: &str, form: FormId) -> Option<CellAddress> {
        match key {
            "name" => Some(CellAddress::FormName { form }),
            "claimed-total" => Some(CellAddress::ClaimTotal { form }),
            "claimed-grade" => Some(CellAddress::ClaimGrade { form }),
            "funds-reason" => Some(CellAddress::FundsReason { form }),
            _ => {
                let (row, field) = key.strip_prefix("funds:")?.split_once(':')?;
                let column = FundsColumn::ALL
                    .into_iter()
                    .find(|column| funds_field(*column) == field)?;
                Some(CellAddress::Funds {
                    form,
                    row: row.parse().ok()?,
                    column,
                })
            }
        }
    }
}

/// What an editor carries besides its text and label: how the form's handlers find its cell,
/// and a test hook.
#[derive(Default)]
pub struct Hooks {
    /// The section whose declared weight the cell holds (in the grid's 一级 cell).
    pub declared: Option<SectionId>,
    /// A cell outside the grid: its [`CellAddress::key`].
    pub cell: Option<String>,
    /// A `data-testid` for the input itself.
    pub testid: Option<&'static str>,
}

impl Hooks {
    /// The hooks of a cell outside the grid.
    pub fn outside_grid(address: &CellAddress, testid: Option<&'static str>) -> Hooks {
        Hooks {
            cell: address.key(),
            testid,
            ..Hooks::default()
        }
    }
}

/// The markup of an editable cell: an input, or a textarea for long text. `numeric` cells
/// are tidied when left (full-width digits, stray spaces).
pub fn editor(
    value: AttrValue,
    label: AttrValue,
    multiline: bool,
    numeric: bool,
    hooks: Hooks,
) -> Html {
    let class = classes!("cell", numeric.then_some("num"));
    let declared = hooks.declared.map(|section| section.0.to_string());
    let Hooks { cell, testid, .. } = hooks;
    if multiline {
        html! { <textarea {class} rows="1" aria-label={label} {value} data-declared={declared} data-cell={cell} data-testid={testid} /> }
    } else {
        html! { <input {class} type="text" aria-label={label} {value} data-declared={declared} data-cell={cell} data-testid={testid} /> }
    }
}

/// The cell of `form` an event's target is, read from the page: a cell outside the grid by
/// its `data-cell`, the declared weight by its section's `data-declared`, any other grid cell
/// by its row's `data-row-id` and its column's `data-field`.
pub fn address_of(target: &Element, form: FormId) -> Option<CellAddress> {
    if !target.class_list().contains("cell") {
        return None;
    }
    if let Some(key) = target.get_attribute("data-cell") {
        return CellAddress::from_key(&key, form);
    }
    if let Some(section) = target.get_attribute("data-declared") {
        return Some(CellAddress::SectionWeight {
            form,
            section: SectionId(section.parse().ok()?),
        });
    }
    let row = target
        .closest("tr[data-row-id]")
        .ok()??
        .get_attribute("data-row-id")?
        .parse()
        .ok()?;
    let field = RowField::from_key(
        &target
            .closest("td[data-field]")
            .ok()??
            .get_attribute("data-field")?,
    )?;
    Some(CellAddress::Row {
        form,
        row: RowId(row),
        field,
    })
}

/// A handler for every cell of `form`, finding the cell from the page.
pub fn delegate<E: AsRef<Event> + 'static>(
    handle: fn(&Event, &CellAddress, &Dispatch),
    dispatch: Dispatch,
    form: FormId,
) -> Callback<E> {
    Callback::from(move |event: E| {
        let event = event.as_ref();
        if let Some(address) = target_of(event).and_then(|target| address_of(&target, form)) {
            handle(event, &address, &dispatch);
        }
    })
}

/// The keys, for every cell of `form`.
pub fn delegate_keys(dispatch: Dispatch, form: FormId) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if let Some(address) = target_of(&event).and_then(|target| address_of(&target, form)) {
            on_key(&event, &address, &dispatch);
        }
    })
}

/// The element an event happened on.
pub fn target_of(event: &Event) -> Option<Element> {
    event.target()?.dyn_into().ok()
}

fn value_of(element: &Element) -> Option<String> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        Some(input.value())
    } else {
        element
            .dyn_ref::<HtmlTextAreaElement>()
            .map(HtmlTextAreaElement::value)
    }
}

/// Typing: the cell's text goes into the document as it is.
pub fn on_input(event: &Event, address: &CellAddress, dispatch: &Dispatch) {
    if let Some(text) = target_of(event).as_ref().and_then(value_of) {
        dispatch.dispatch(Action::Edit(address.edit(text)));
    }
}

/// Entering a cell: remember its text, which Esc puts back.
pub fn on_focus(event: &Event) {
    if let Some(target) = target_of(event) {
        if let Some(text) = value_of(&target) {
            let _ = target.set_attribute("data-original", &text);
        }
    }
}

/// A first click into a cell selects its whole text, as a spreadsheet selects the cell, so
/// typing replaces it; a click into the cell already being edited places the caret.
pub fn on_press(event: &MouseEvent) {
    let Some(target) = target_of(event) else {
        return;
    };
    if event.button() != 0 || !target.class_list().contains("cell") {
        return;
    }
    let active = target
        .owner_document()
        .and_then(|document| document.active_element());
    if active.as_ref() == Some(&target) {
        return;
    }
    event.prevent_default();
    crate::navigation::focus_and_select(&target);
}

/// Leaving a number cell: tidy it.
pub fn on_blur(event: &Event, address: &CellAddress, dispatch: &Dispatch) {
    let Some(target) = target_of(event) else {
        return;
    };
    if !target.class_list().contains("num") {
        return;
    }
    if let Some(tidy) = value_of(&target).and_then(|text| tidy_number(&text)) {
        dispatch.dispatch(Action::Edit(address.edit(tidy)));
    }
}

/// A block copied from a sheet, pasted into an indicator cell, fills the grid from there.
pub fn on_paste(event: &Event, address: &CellAddress, dispatch: &Dispatch) {
    let CellAddress::Row { form, row, field } = *address else {
        return;
    };
    let Some(data) = event
        .dyn_ref::<ClipboardEvent>()
        .and_then(ClipboardEvent::clipboard_data)
    else {
        return;
    };
    let text = data.get_data("text/plain").unwrap_or_default();
    let from_sheet = data
        .get_data("text/html")
        .is_ok_and(|html| html.contains("<table"));
    if !is_block(&text, from_sheet) {
        return;
    }
    event.prevent_default();
    let cells = zipin_core::import::delimited::parse(&text, '\t').rows;
    dispatch.dispatch(Action::Edit(Edit::FillBlock {
        form,
        row,
        field,
        cells,
    }));
}

/// Whether pasted text spans several cells (a range copied from a sheet), not one cell's
/// text: it has tabs, or several lines and a table on the clipboard beside it.
fn is_block(text: &str, from_sheet: bool) -> bool {
    let text = text.trim_end_matches(['\r', '\n']);
    text.contains('\t') || (from_sheet && text.contains('\n'))
}

/// A number cell's text tidied on leaving it: compatibility characters folded and the ends
/// trimmed, when it reads as a number and the tidy text differs. Anything else stays as typed.
fn tidy_number(text: &str) -> Option<String> {
    let tidy = zipin_core::normalize::compat_fold(text).trim().to_owned();
    let reads = matches!(
        zipin_core::number::read_number(&tidy),
        zipin_core::number::NumberCell::Number(_)
    );
    (reads && tidy != text).then_some(tidy)
}

/// The spreadsheet keys: Enter and Shift+Enter move down and up, arrows leave the cell at the
/// edge of its text, Esc puts back the text the cell had when it took the focus, Alt+Enter
/// starts a new line in a multi-line cell.
pub fn on_key(event: &KeyboardEvent, address: &CellAddress, dispatch: &Dispatch) {
    use crate::navigation::{caret, caret_place, move_horizontal, move_vertical};
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if let &CellAddress::Row { form, row, field } = address {
        if let Some(edit) = row_shortcut(event, form, row) {
            event.prevent_default();
            follow_row_edit(&edit, &target, field);
            dispatch.dispatch(Action::Edit(edit));
            return;
        }
    }
    if event.ctrl_key() || event.meta_key() {
        return;
    }
    let moved = match event.key().as_str() {
        "Escape" => {
            let original = target.get_attribute("data-original").unwrap_or_default();
            dispatch.dispatch(Action::Edit(address.edit(original)));
            true
        }
        "Enter" if event.alt_key() => {
            insert_line_break(&target);
            true
        }
        "Enter" => {
            let down = !event.shift_key();
            let moved = move_vertical(&target, if down { 1 } else { -1 });
            // Enter in a section's last row adds a row below, as a list in a spreadsheet grows.
            if let (false, true, &CellAddress::Row { form, row, field }) = (moved, down, address) {
                let edit = Edit::InsertRowAfter { form, row };
                follow_row_edit(&edit, &target, field);
                dispatch.dispatch(Action::Edit(edit));
            }
            true
        }
        key @ ("ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight")
            if !event.shift_key() && !event.alt_key() =>
        {
            let Some((start, end, text)) = caret(&target) else {
                return;
            };
            let place = caret_place(start, end, &text);
            match key {
                "ArrowUp" if place.on_first_line => move_vertical(&target, -1),
                "ArrowDown" if place.on_last_line => move_vertical(&target, 1),
                "ArrowLeft" if place.at_start => move_horizontal(&target, -1),
                "ArrowRight" if place.at_end => move_horizontal(&target, 1),
                _ => false,
            }
        }
        _ => false,
    };
    if moved {
        event.prevent_default();
    }
}

/// The keys that act on a whole row from any of its cells: Ctrl+Enter inserts a row below,
/// Ctrl+Delete removes the row, Alt+↑ / Alt+↓ move it. The row's buttons do the same, and
/// are left out of the Tab order so Tab walks the cells only.
fn row_shortcut(event: &KeyboardEvent, form: FormId, row: RowId) -> Option<Edit> {
    let ctrl = event.ctrl_key() || event.meta_key();
    match event.key().as_str() {
        "Enter" if ctrl => Some(Edit::InsertRowAfter { form, row }),
        "Delete" if ctrl => Some(Edit::RemoveRow { form, row }),
        "ArrowUp" if event.alt_key() => Some(Edit::MoveRow { form, row, by: -1 }),
        "ArrowDown" if event.alt_key() => Some(Edit::MoveRow { form, row, by: 1 }),
        _ => None,
    }
}

/// Where the focus goes once a row edit is drawn: into the row ＋ added (the same column),
/// to the neighbour of the row ✕ removed, or along with the row that moved.
pub fn follow_row_edit(edit: &Edit, from: &Element, field: RowField) {
    use crate::navigation::{focus_row_later, neighbour_row};
    let key = Some(field.key().to_owned());
    match edit {
        Edit::InsertRowAfter { row, .. } => focus_row_later(row.0, true, key),
        Edit::RemoveRow { .. } => {
            if let Some(neighbour) = neighbour_row(from) {
                focus_row_later(neighbour, false, key);
            }
        }
        Edit::MoveRow { row, .. } => focus_row_later(row.0, false, key),
        _ => {}
    }
}

/// Inserts a line break at the caret as typing would (an `input` event follows).
fn insert_line_break(target: &web_sys::Element) {
    let document = target
        .owner_document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(document) = document {
        let _ = document.exec_command_with_show_ui_and_value("insertText", false, "\n");
    }
}
