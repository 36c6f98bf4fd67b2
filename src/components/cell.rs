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
}

impl CellAddress {
    /// The edit that puts `text` into this cell.
    pub fn edit(&self, text: String) -> Edit {
        match *self {
            CellAddress::Row { form, row, field } => Edit::SetRow { form, row, field, text },
            CellAddress::Funds { form, row, column } => Edit::SetFunds { form, row, column, text },
            CellAddress::FormName { form } => Edit::SetFormName { form, name: text },
            CellAddress::SectionWeight { form, section } => Edit::SetSectionWeight { form, section, text },
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
    #[prop_or_default]
    pub class: Classes,
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
    let class = classes!("cell", props.class.clone());
    if props.multiline {
        html! {
            <textarea {class} rows="1" aria-label={props.label.clone()} value={props.value.clone()} {oninput} {onpaste} />
        }
    } else {
        html! {
            <input {class} type="text" aria-label={props.label.clone()} value={props.value.clone()} {oninput} {onpaste} />
        }
    }
}

/// Whether pasted text spans several cells (a range copied from a sheet), not one cell's
/// text: it has tabs, or several lines and a table on the clipboard beside it.
fn is_block(text: &str, from_sheet: bool) -> bool {
    let text = text.trim_end_matches(['\r', '\n']);
    text.contains('\t') || (from_sheet && text.contains('\n'))
}
