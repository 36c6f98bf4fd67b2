//! The paste box: a paste (text and, when the clipboard has it, HTML) imports at once; text
//! put in the box imports with the button. It reports what was imported, what was skipped
//! and why nothing was, and asks for the columns it could not map.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;
use zipin_core::import::notices::{megabytes, Notice};

use crate::components::column_chooser::ColumnChooser;
use crate::components::import_reading::{reimport, ImportReading};
use crate::i18n::{Lang, T};
use crate::messages;
use crate::shared::Shared;
use crate::state::imports::ImportRecord;
use crate::state::Action;
use crate::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub dispatch: Dispatch,
    /// Whether the document already holds work (then a paste is added to it by default).
    pub has_content: bool,
    /// The last import, reported under the box.
    pub last_import: Option<Shared<ImportRecord>>,
    /// The size of a large paste being read: said while the reading holds the page.
    pub reading: Option<usize>,
}

/// Pastes larger than this are announced in a frame of their own before they are read: the
/// largest shapes near the 4 MB limit take over a second to read in Chromium, and the page
/// must answer within one (docs/HOSTILE.md). Smaller ones, every real report among them, are
/// read at once, keeping paste → results free of the wait for a frame.
const ANNOUNCED_BYTES: usize = 1024 * 1024;

/// Reads a paste and hands it to the reducer, which takes it in or holds it for a column
/// choice.
pub fn import_paste(dispatch: &Dispatch, text: String, html: Option<String>, replace: bool) {
    let bytes = text
        .len()
        .saturating_add(html.as_ref().map_or(0, String::len));
    let read = move || ImportRecord::pasted(&text, html.as_deref(), replace);
    if bytes <= ANNOUNCED_BYTES {
        dispatch.dispatch(Action::Import(read()));
        return;
    }
    dispatch.dispatch(Action::Reading(bytes));
    let dispatch = dispatch.clone();
    after_next_paint(move || dispatch.dispatch(Action::Import(read())));
}

/// Runs `task` once the browser has painted the next frame: scheduled from the frame's
/// callback, a task runs after that frame's paint.
fn after_next_paint(task: impl FnOnce() + 'static) {
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, task).forget();
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

#[function_component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = use_node_ref();
    let replace_choice = use_state(|| None::<bool>);
    let replace = replace_choice.unwrap_or(!props.has_content);

    let onpaste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(data) = event
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
            else {
                return;
            };
            event.prevent_default();
            let text = data.get_data("text/plain").unwrap_or_default();
            let html = data
                .get_data("text/html")
                .ok()
                .filter(|h| !h.trim().is_empty());
            // The pasted text is not put into the box: a whole report is thousands of lines
            // the browser would lay out for nothing; the report under the box says what came in.
            import_paste(&dispatch, text, html, replace);
        })
    };
    let onclick = {
        let dispatch = props.dispatch.clone();
        let input = input.clone();
        Callback::from(move |_| {
            let text = input
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            import_paste(&dispatch, text, None, replace);
        })
    };
    let mode = |value: bool, text: T| {
        let replace_choice = replace_choice.clone();
        let onchange = Callback::from(move |_| replace_choice.set(Some(value)));
        html! {
            <label class="mode">
                <input type="radio" name="import-mode" checked={replace == value} {onchange} />
                {text.text(lang)}
            </label>
        }
    };
    let progress = props.reading.map(|bytes| {
        html! {
            <p class="import-progress" role="status" data-testid="import-progress">
                {T::ReadingPaste.text(lang).replace("{size}", &megabytes(bytes))}
            </p>
        }
    });
    let outcome = props.last_import.as_ref().map(|record| {
        let on_apply = reimport(&props.dispatch, record);
        let choosers = record.imported.notices.iter().filter_map(|notice| match notice {
            Notice::NeedsMapping { layout, header, guess, headerless } => {
                let on_apply = on_apply.clone();
                let key = layout.clone();
                let on_apply = Callback::from(move |roles| on_apply.emit((key.clone(), roles)));
                Some(html! {
                    <ColumnChooser key={layout.clone()} layout={layout.clone()} header={header.clone()} guess={guess.clone()}
                        headerless={*headerless} {on_apply} />
                })
            }
            _ => None,
        });
        let reading = (!record.imported.forms.is_empty()).then(|| html! {
            <ImportReading record={record.clone()} testid="import-reading" dispatch={props.dispatch.clone()} />
        });
        html! {
            <>
                { report(record, lang) }
                { for choosers }
                { reading }
            </>
        }
    });
    html! {
        <section class="paste-box" aria-labelledby="paste-title">
            <h2 id="paste-title">{T::PasteTitle.text(lang)}</h2>
            <p class="hint">{T::PasteHint.text(lang)}</p>
            <textarea ref={input} data-testid="paste-input" aria-label={T::PasteLabel.text(lang)} rows="2" {onpaste} />
            <div class="paste-actions">
                <button type="button" class="primary" data-testid="import-button" {onclick}>{T::ImportButton.text(lang)}</button>
                { mode(false, T::ModeAppend) }
                { mode(true, T::ModeReplace) }
            </div>
            { progress }
            { outcome }
        </section>
    }
}

/// What the last import did: the forms it brought in (or that it waits for a column choice),
/// what it skipped and why nothing came in.
fn report(record: &ImportRecord, lang: Lang) -> Html {
    let names: Vec<&str> = record
        .imported
        .forms
        .iter()
        .map(|f| {
            if f.name.trim().is_empty() {
                "—"
            } else {
                f.name.trim()
            }
        })
        .collect();
    let gaps = record
        .imported
        .readings
        .iter()
        .any(|r| !r.missing.is_empty());
    let status = if record.held() {
        Some(
            html! { <p class="import-held" role="alert" data-testid="import-held">{T::MappingHeld.text(lang)}</p> },
        )
    } else if !names.is_empty() {
        let class = if gaps { "import-warn" } else { "import-ok" };
        let gaps = gaps.then(|| format!("（{}）", T::ImportedWithGaps.text(lang)));
        Some(html! {
            <p class={class} role="status" data-testid="import-report">
                {format!("{} {} {}：{}", T::ImportedForms.text(lang), names.len(), T::FormsUnit.text(lang), names.join("、"))}
                { gaps }
            </p>
        })
    } else {
        None
    };
    let already = (!record.already.is_empty()).then(|| {
        html! {
            <p class="import-warn" role="alert" data-testid="import-duplicate">
                {T::AlreadyInDocument.text(lang)}{record.already.join("、")}
            </p>
        }
    });
    let notes = record.imported.notices.iter().filter_map(|notice| match notice {
        Notice::NoForm(why) => Some(html! { <p class="import-error" role="alert" data-testid="import-error">{messages::no_form(why, lang)}</p> }),
        Notice::Skipped(what) => Some(html! { <p class="import-note">{messages::skip(what, lang)}</p> }),
        Notice::NeedsMapping { .. } => None,
    });
    html! { <div class="import-report" aria-live="polite">{ status }{ already }{ for notes }</div> }
}
