//! The page's keyboard shortcuts.

use yew::prelude::*;

use crate::browser::keys::on_window_keydown;
use crate::state::{Action, Dispatch};

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, wherever the focus is (the page's history
/// covers every change, pastes and row operations included).
#[hook]
pub fn use_shortcuts(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = on_window_keydown(move |event| {
            if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
                return;
            }
            let action = match (event.code().as_str(), event.shift_key()) {
                ("KeyZ", false) => Action::Undo,
                ("KeyZ", true) | ("KeyY", _) => Action::Redo,
                _ => return,
            };
            event.prevent_default();
            dispatch.dispatch(action);
        });
        move || drop(listener)
    });
}
