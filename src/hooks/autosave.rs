//! Saving: shortly after each change, and at once when the page is hidden or closed.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::documents::{self, DocMeta};
use crate::state::desk::DeskState;
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
    type Latest = (DocMeta, Rc<zipin_core::model::Document>, Rc<DeskState>);
    let latest = use_mut_ref(|| None::<Latest>);
    let timer = use_mut_ref(|| None::<Timeout>);
    *latest.borrow_mut() = Some((
        state.meta.clone(),
        state.document.clone(),
        state.desk.clone(),
    ));
    {
        let latest = latest.clone();
        let first = use_mut_ref(|| true);
        let changed = (
            state.meta.clone(),
            state.document.clone(),
            state.desk.files.len(),
        );
        use_effect_with(changed, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let latest = latest.clone();
            *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                if let Some((meta, document, desk)) = latest.borrow().as_ref() {
                    let listed_already = listed.iter().any(|m| m == meta);
                    documents::save_any(meta, document, desk, move |ok| {
                        if *saved != ok {
                            saved.set(ok);
                        }
                        if !listed_already {
                            listed.set(documents::list());
                        }
                    });
                }
            }));
        });
    }
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let flush = move |_: &Event| {
            if let Some((meta, document, desk)) = latest.borrow().as_ref() {
                documents::save_any(meta, document, desk, |_| {});
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
