//! The postMessage API for host pages (portals that embed zipin in an iframe).
//!
//! In: `{ type: "zipin:load", document }` (a saved document, as JSON text or object) and
//! `{ type: "zipin:paste", text, html?, replace? }` (pasted text or HTML to import).
//! Out: `{ type: "zipin:ready" }` once, then `{ type: "zipin:changed", forms: [...] }` on
//! every change, each form with `name`, `total`, `grade`, `errors`, `warnings`, `infos`.
//! Only origins named in the `host` URL parameter may talk to the page; anything else, and
//! anything malformed, is ignored with a console warning.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use zipin_core::model::Document;
use zipin_core::Evaluation;

use crate::params::Params;

/// A message a host sends.
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
pub enum HostMessage {
    /// A saved document, as JSON text (an object is turned into its text first).
    #[serde(rename = "zipin:load")]
    Load { document: String },
    #[serde(rename = "zipin:paste")]
    Paste {
        text: String,
        #[serde(default)]
        html: Option<String>,
        #[serde(default)]
        replace: bool,
    },
}

/// One form in a `zipin:changed` message.
#[derive(Debug, Serialize, PartialEq)]
pub struct FormSummary {
    pub name: String,
    pub total: String,
    pub grade: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum PageMessage<'a> {
    #[serde(rename = "zipin:ready")]
    Ready,
    #[serde(rename = "zipin:changed")]
    Changed { forms: &'a [FormSummary] },
}

/// Warns in the console (never throws): how the page reports messages it ignores.
pub fn warn(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(text));
}

/// Reads a message event's data, if it comes from an allowed origin and is well-formed.
pub fn read(params: &Params, origin: &str, data: JsValue) -> Option<HostMessage> {
    if !params.allows(origin) {
        warn(&format!(
            "zipin: 忽略来自 {origin} 的消息：该来源不在 host 参数允许的列表中"
        ));
        return None;
    }
    // A document sent as an object travels on as its JSON text.
    if let Ok(document) = js_sys::Reflect::get(&data, &JsValue::from_str("document")) {
        if document.is_object() {
            if let Some(text) = js_sys::JSON::stringify(&document)
                .ok()
                .and_then(|t| t.as_string())
            {
                let _ = js_sys::Reflect::set(
                    &data,
                    &JsValue::from_str("document"),
                    &JsValue::from_str(&text),
                );
            }
        }
    }
    match serde_wasm_bindgen::from_value::<HostMessage>(data) {
        Ok(message) => Some(message),
        Err(error) => {
            warn(&format!("zipin: 忽略格式不对的消息：{error}"));
            None
        }
    }
}

/// The summary of every form, as `zipin:changed` carries it.
pub fn summaries(document: &Document, evaluations: &[std::rc::Rc<Evaluation>]) -> Vec<FormSummary> {
    document
        .forms
        .iter()
        .zip(evaluations)
        .map(|(form, evaluation)| {
            let (errors, warnings, infos) = evaluation.counts();
            FormSummary {
                name: form.name.trim().to_owned(),
                total: evaluation
                    .score
                    .total
                    .map(zipin_core::number::plain)
                    .unwrap_or_default(),
                grade: evaluation
                    .score
                    .grade
                    .map_or(zipin_core::score::NOT_SCORED, |grade| grade.label()),
                errors,
                warnings,
                infos,
            }
        })
        .collect()
}

fn post(params: &Params, message: &PageMessage) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(value) = message.serialize(&serializer) else {
        return;
    };
    for host in &params.hosts {
        let _ = parent.post_message(&value, host);
    }
}

/// Tells the host the page is ready for messages.
pub fn post_ready(params: &Params) {
    post(params, &PageMessage::Ready);
}

/// Tells the host every form's name, total, grade and findings counts.
pub fn post_changed(params: &Params, forms: &[FormSummary]) {
    post(params, &PageMessage::Changed { forms });
}
