//! Saving: shortly after each change, and at once when the page is hidden or closed.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::documents::{self, DocMeta};
use crate::state::AppState;

/// How long after the last change the document is written (and at once when the page hides).
const SAVE_DELAY_MS: u32 = 200;

/// Saves the document shortly after each change, and at once when the page is hidden or
/// closed, so closing the tab right after typing loses nothing.
#[hook]
pub fn use_autosave(
    state: &AppState,
    saved: UseStateHandle<bool>,
    listed: UseStateHandle<Vec<DocMeta>>,
) {
    let latest = use_mut_ref(|| None::<(DocMeta, Rc<zipin_core::model::Document>)>);
    let timer = use_mut_ref(|| None::<Timeout>);
    *latest.borrow_mut() = Some((state.meta.clone(), state.document.clone()));
    {
        let latest = latest.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((state.meta.clone(), state.document.clone()), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let latest = latest.clone();
            *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                if let Some((meta, document)) = latest.borrow().as_ref() {
                    let ok = documents::save(meta, document);
                    if *saved != ok {
                        saved.set(ok);
                    }
                    if !listed.iter().any(|m| m == meta) {
                        listed.set(documents::list());
                    }
                }
            }));
        });
    }
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let flush = move |_: &Event| {
            if let Some((meta, document)) = latest.borrow().as_ref() {
                documents::save(meta, document);
            }
        };
        let listeners: Vec<EventListener> = window
            .iter()
            .flat_map(|w| {
                [
                    EventListener::new(w, "pagehide", flush.clone()),
                    EventListener::new(w, "beforeunload", flush.clone()),
                ]
            })
            .collect();
        move || drop(listeners)
    });
}
