//! Where the user is: the document, form and cell, remembered for the next visit and given
//! back when the page opens.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use zipin_core::model::FormId;

use crate::documents::{self, Session};

/// Remembers the document and form shown as they change; returns the handler that remembers
/// the indicator cell taking the focus.
#[hook]
pub fn use_session(document: String, form: FormId) -> Callback<FocusEvent> {
    {
        let (document, form) = (document.clone(), form);
        use_effect_with((document, form), move |(document, form)| {
            let mut session = documents::session()
                .filter(|s| &s.document == document)
                .unwrap_or_default();
            if session.form != Some(form.0) {
                session.row = None;
                session.field = None;
            }
            session.document = document.clone();
            session.form = Some(form.0);
            documents::set_session(&session);
        });
    }
    Callback::from(move |event: FocusEvent| remember_focus(&event, &document, form.0))
}

/// Puts the focus back on the cell it was in when the page was left.
#[hook]
pub fn use_restore_focus(focus: Option<(u64, String)>) {
    use_effect_with((), move |_| {
        if let Some((row, field)) = focus {
            focus_when_present(
                format!("[data-row-id=\"{row}\"] [data-field=\"{field}\"] .cell"),
                FOCUS_TRIES,
            );
        }
    });
}

/// How many tasks the focus waits for its cell: the grid's rows arrive a task after the
/// results and then 120 a task, so a cell in the last row of a 5,000-row form is there
/// within about 42.
const FOCUS_TRIES: u32 = 64;

/// Focuses the cell `selector` names once it is on the page, looking again after each task.
fn focus_when_present(selector: String, tries_left: u32) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => {
            let _ = element.focus();
        }
        None if tries_left > 0 => {
            Timeout::new(0, move || focus_when_present(selector, tries_left - 1)).forget();
        }
        None => {}
    }
}

/// Records the indicator cell that took the focus, for the next visit.
fn remember_focus(event: &FocusEvent, document: &str, form: u64) {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let row = target
        .closest("[data-row-id]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-row-id"))
        .and_then(|v| v.parse().ok());
    let field = target
        .closest("td[data-field]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-field"));
    if row.is_none() || field.is_none() {
        return;
    }
    documents::set_session(&Session {
        document: document.to_owned(),
        form: Some(form),
        row,
        field,
    });
}
