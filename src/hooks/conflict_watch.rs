//! The same document open in two tabs: no silent overwrite.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::documents;

/// Watches for another tab writing the open document (the `storage` event fires in every
/// other tab): then saving is held and the other version is kept for the user to choose.
#[hook]
pub fn use_conflict_watch(document: String) -> UseStateHandle<Option<String>> {
    let conflict = use_state(|| None::<String>);
    {
        let conflict = conflict.clone();
        use_effect_with(document, move |id| {
            let key = documents::document_key(id);
            let id = id.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let (Some(changed), Some(value)) = (event.key(), event.new_value()) else {
                        return;
                    };
                    if changed == key && documents::written_elsewhere(&id, &value) {
                        documents::hold(Some(id.clone()));
                        conflict.set(Some(value));
                    }
                })
            });
            move || drop(listener)
        });
    }
    conflict
}
