//! One editable cell. It keeps the raw text exactly as typed (the model stores text, so the
//! value the page sets back is the value the user typed and the caret never jumps), and it
//! addresses its edit itself, so rows pass no per-cell closures down.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
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

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub address: CellAddress,
    pub value: AttrValue,
    /// The accessible name: the column and the row it belongs to.
    pub label: AttrValue,
    pub dispatch: Dispatch,
    /// A textarea for long text (indicator names, reasons).
    #[prop_or_default]
    pub multiline: bool,
    /// A number cell: on leaving it, full-width digits and stray spaces are tidied.
    #[prop_or_default]
    pub numeric: bool,
    #[prop_or_default]
    pub class: Classes,
    /// A `data-testid` for the input itself.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// An input (or textarea) bound to one cell of the document.
#[function_component]
pub fn Cell(props: &CellProps) -> Html {
    let oninput = {
        let address = props.address.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let text = if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                input.value()
            } else if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                area.value()
            } else {
                return;
            };
            dispatch.dispatch(Action::Edit(address.edit(text)));
        })
    };
    let onpaste = {
        let address = props.address.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let CellAddress::Row { form, row, field } = address else { return };
            let Some(data) = event.dyn_ref::<ClipboardEvent>().and_then(ClipboardEvent::clipboard_data) else { return };
            let text = data.get_data("text/plain").unwrap_or_default();
            let from_sheet = data.get_data("text/html").is_ok_and(|html| html.contains("<table"));
            if !is_block(&text, from_sheet) {
                return;
            }
            event.prevent_default();
            let cells = zipin_core::import::delimited::parse(&text, '\t').rows;
            dispatch.dispatch(Action::Edit(Edit::FillBlock { form, row, field, cells }));
        })
    };
    // The text when the cell took the focus: Esc puts it back.
    let original = use_mut_ref(String::new);
    let onfocus = {
        let original = original.clone();
        let value = props.value.clone();
        Callback::from(move |_: FocusEvent| *original.borrow_mut() = value.to_string())
    };
    let onblur = {
        let (address, dispatch, value, numeric) = (props.address.clone(), props.dispatch.clone(), props.value.clone(), props.numeric);
        Callback::from(move |_: FocusEvent| {
            if let Some(tidy) = numeric.then(|| tidy_number(&value)).flatten() {
                dispatch.dispatch(Action::Edit(address.edit(tidy)));
            }
        })
    };
    let onkeydown = {
        let (address, dispatch, original) = (props.address.clone(), props.dispatch.clone(), original.clone());
        Callback::from(move |event: KeyboardEvent| on_key(&event, &address, &dispatch, &original.borrow()))
    };
    let class = classes!("cell", props.numeric.then_some("num"), props.class.clone());
    if props.multiline {
        html! {
            <textarea {class} rows="1" aria-label={props.label.clone()} value={props.value.clone()} {oninput} {onpaste}
                {onfocus} {onblur} {onkeydown} data-testid={props.testid.clone()} />
        }
    } else {
        html! {
            <input {class} type="text" aria-label={props.label.clone()} value={props.value.clone()} {oninput} {onpaste}
                {onfocus} {onblur} {onkeydown} data-testid={props.testid.clone()} />
        }
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
fn on_key(event: &KeyboardEvent, address: &CellAddress, dispatch: &Dispatch, original: &str) {
    use crate::navigation::{caret, caret_place, move_horizontal, move_vertical};
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if event.ctrl_key() || event.meta_key() {
        return;
    }
    let moved = match event.key().as_str() {
        "Escape" => {
            dispatch.dispatch(Action::Edit(address.edit(original.to_owned())));
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
