//! The host page's messages (`embed`): what an allowed host sends is loaded, and every change
//! is told to it.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::paste_box::import_paste;
use crate::embed::{self, HostMessage};
use crate::params::Params;
use crate::shared::Shared;
use crate::state::{Action, Dispatch};

/// The postMessage API (see `embed`): loads what an allowed host sends, and tells it about
/// every change.
#[hook]
pub fn use_host_messages(
    params: Params,
    dispatch: Dispatch,
    document: Shared<zipin_core::model::Document>,
    evaluations: Shared<Vec<Rc<zipin_core::Evaluation>>>,
) {
    {
        let params = params.clone();
        use_effect_with((), move |_| {
            embed::post_ready(&params);
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    match embed::read(&params, &event.origin(), event.data()) {
                        Some(HostMessage::Load { document }) => {
                            match zipin_core::json::from_json(&document) {
                                Ok(document) => dispatch.dispatch(Action::Edit(
                                    zipin_core::edit::Edit::Replace(document),
                                )),
                                Err(error) => {
                                    embed::warn(&format!("zipin: 无法打开收到的文档：{error}"))
                                }
                            }
                        }
                        Some(HostMessage::Paste {
                            text,
                            html,
                            replace,
                        }) => import_paste(&dispatch, text, html, replace),
                        None => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with((document, evaluations), move |(document, evaluations)| {
        embed::post_changed(&params, &embed::summaries(document, evaluations));
    });
}
