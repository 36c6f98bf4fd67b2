//! Editable cells. A cell keeps the raw text exactly as typed (the model stores text, so the
//! value the page sets back is the value the user typed and the caret never jumps).
//!
//! The markup ([`editor`]) carries no callbacks: the indicator grid, with thousands of
//! cells, handles their events once for all of them (delegation, [`grid_address`] finds the
//! cell from the page); the few cells elsewhere use the [`Cell`] component, which wires the
//! same handlers ([`on_input`], [`on_key`], [`on_paste`], [`on_focus`], [`on_blur`]) to one
//! input.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{FundsColumn, RowField, RowId};

use crate::state::Action;
use crate::Dispatch;

/// Which cell of the document an input edits.
#[derive(Clone, Debug, PartialEq)]
pub enum CellAddress {
    Row { form: RowId, row: RowId, field: RowField },
    Funds { form: RowId, row: usize, column: FundsColumn },
    FormName { form: RowId },
    SectionWeight { form: RowId, section: RowId },
    ClaimTotal { form: RowId },
    ClaimGrade { form: RowId },
    FundsReason { form: RowId },
}

impl CellAddress {
    /// The edit that puts `text` into this cell.
    pub fn edit(&self, text: String) -> Edit {
        match *self {
            CellAddress::Row { form, row, field } => Edit::SetRow { form, row, field, text },
            CellAddress::Funds { form, row, column } => Edit::SetFunds { form, row, column, text },
            CellAddress::FormName { form } => Edit::SetFormName { form, name: text },
            CellAddress::SectionWeight { form, section } => Edit::SetSectionWeight { form, section, text },
            CellAddress::ClaimTotal { form } => Edit::SetClaimTotal { form, text },
            CellAddress::ClaimGrade { form } => Edit::SetClaimGrade { form, text },
            CellAddress::FundsReason { form } => Edit::SetFundsReason { form, text },
        }
    }
}

/// The markup of an editable cell: an input, or a textarea for long text. `numeric` cells
/// are tidied when left (full-width digits, stray spaces).
pub fn editor(value: AttrValue, label: AttrValue, multiline: bool, numeric: bool, extra: Option<(&'static str, String)>) -> Html {
    let class = classes!("cell", numeric.then_some("num"));
    let (name, data) = extra.map_or((None, None), |(name, data)| (Some(name), Some(data)));
    let declared = (name == Some("declared")).then_some(data.clone()).flatten();
    let testid = (name == Some("testid")).then_some(data).flatten();
    if multiline {
        html! { <textarea {class} rows="1" aria-label={label} {value} data-declared={declared} data-testid={testid} /> }
    } else {
        html! { <input {class} type="text" aria-label={label} {value} data-declared={declared} data-testid={testid} /> }
    }
}

/// The cell of the indicator grid an event's target is, read from the page: its row's
/// `data-row-id` and its column's `data-field` (the declared-weight input carries its
/// section in `data-declared`).
pub fn grid_address(target: &Element, form: RowId) -> Option<CellAddress> {
    if !target.class_list().contains("cell") {
        return None;
    }
    if let Some(section) = target.get_attribute("data-declared") {
        return Some(CellAddress::SectionWeight { form, section: RowId(section.parse().ok()?) });
    }
    let row = target.closest("tr[data-row-id]").ok()??.get_attribute("data-row-id")?.parse().ok()?;
    let field = RowField::from_key(&target.closest("td[data-field]").ok()??.get_attribute("data-field")?)?;
    Some(CellAddress::Row { form, row: RowId(row), field })
}

/// A handler bound to one cell.
fn wire<E: AsRef<Event> + 'static>(handle: fn(&Event, &CellAddress, &Dispatch), address: CellAddress, dispatch: Dispatch) -> Callback<E> {
    Callback::from(move |event: E| handle(event.as_ref(), &address, &dispatch))
}

/// A handler for every cell of the indicator grid of `form`, finding the cell from the page.
pub fn delegate<E: AsRef<Event> + 'static>(handle: fn(&Event, &CellAddress, &Dispatch), dispatch: Dispatch, form: RowId) -> Callback<E> {
    Callback::from(move |event: E| {
        let event = event.as_ref();
        if let Some(address) = target_of(event).and_then(|target| grid_address(&target, form)) {
            handle(event, &address, &dispatch);
        }
    })
}

/// The keys, for every cell of the indicator grid of `form`.
pub fn delegate_keys(dispatch: Dispatch, form: RowId) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if let Some(address) = target_of(&event).and_then(|target| grid_address(&target, form)) {
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
        element.dyn_ref::<HtmlTextAreaElement>().map(HtmlTextAreaElement::value)
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

/// Leaving a number cell: tidy it.
pub fn on_blur(event: &Event, address: &CellAddress, dispatch: &Dispatch) {
    let Some(target) = target_of(event) else { return };
    if !target.class_list().contains("num") {
        return;
    }
    if let Some(tidy) = value_of(&target).and_then(|text| tidy_number(&text)) {
        dispatch.dispatch(Action::Edit(address.edit(tidy)));
    }
}

/// A block copied from a sheet, pasted into an indicator cell, fills the grid from there.
pub fn on_paste(event: &Event, address: &CellAddress, dispatch: &Dispatch) {
    let CellAddress::Row { form, row, field } = *address else { return };
    let Some(data) = event.dyn_ref::<ClipboardEvent>().and_then(ClipboardEvent::clipboard_data) else { return };
    let text = data.get_data("text/plain").unwrap_or_default();
    let from_sheet = data.get_data("text/html").is_ok_and(|html| html.contains("<table"));
    if !is_block(&text, from_sheet) {
        return;
    }
    event.prevent_default();
    let cells = zipin_core::import::delimited::parse(&text, '\t').rows;
    dispatch.dispatch(Action::Edit(Edit::FillBlock { form, row, field, cells }));
}

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub address: CellAddress,
    pub value: AttrValue,
    /// The accessible name: the column and the row it belongs to.
    pub label: AttrValue,
    pub dispatch: Dispatch,
    /// A textarea for long text.
    #[prop_or_default]
    pub multiline: bool,
    /// A number cell: on leaving it, full-width digits and stray spaces are tidied.
    #[prop_or_default]
    pub numeric: bool,
    /// A `data-testid` for the input itself.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// One input bound to one cell, outside the indicator grid.
#[function_component]
pub fn Cell(props: &CellProps) -> Html {
    let (address, dispatch) = (&props.address, &props.dispatch);
    let oninput: Callback<InputEvent> = wire(on_input, address.clone(), dispatch.clone());
    let onpaste: Callback<Event> = wire(on_paste, address.clone(), dispatch.clone());
    let onfocusout: Callback<FocusEvent> = wire(on_blur, address.clone(), dispatch.clone());
    let onkeydown = {
        let (address, dispatch) = (props.address.clone(), props.dispatch.clone());
        Callback::from(move |event: KeyboardEvent| on_key(&event, &address, &dispatch))
    };
    let extra = props.testid.as_ref().map(|id| ("testid", id.to_string()));
    let markup = editor(props.value.clone(), props.label.clone(), props.multiline, props.numeric, extra);
    html! {
        <span class="cell-wrap" {oninput} {onpaste} onfocusin={Callback::from(|event: FocusEvent| on_focus(&event))}
            {onfocusout} {onkeydown}>
            { markup }
        </span>
    }
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
    let reads = matches!(zipin_core::number::read_number(&tidy), zipin_core::number::NumberCell::Number(_));
    (reads && tidy != text).then_some(tidy)
}

/// The spreadsheet keys: Enter and Shift+Enter move down and up, arrows leave the cell at the
/// edge of its text, Esc puts back the text the cell had when it took the focus, Alt+Enter
/// starts a new line in a multi-line cell.
pub fn on_key(event: &KeyboardEvent, address: &CellAddress, dispatch: &Dispatch) {
    use crate::navigation::{caret, caret_place, move_horizontal, move_vertical};
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
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
            move_vertical(&target, if event.shift_key() { -1 } else { 1 });
            true
        }
        key @ ("ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight") if !event.shift_key() && !event.alt_key() => {
            let Some((start, end, text)) = caret(&target) else { return };
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

/// Inserts a line break at the caret as typing would (an `input` event follows).
fn insert_line_break(target: &web_sys::Element) {
    let document = target.owner_document().and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(document) = document {
        let _ = document.exec_command_with_show_ui_and_value("insertText", false, "\n");
    }
}
