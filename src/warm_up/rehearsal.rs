//! The user's first paste, rehearsed out of sight. The paste that brings a report in renders
//! summary rows, tabs, findings and a new form's panel for the first time, and V8 runs code
//! that has not run before in its baseline tier: the same render took twice as long the first
//! time as the third. So, once the importers are warm, a [`Workspace`] of its own, in an
//! element never put in the page, takes the warm-up form in through its paste box and undoes
//! it, a few rounds, one step per idle period, and is then taken down. It shares nothing with
//! the page's document: it has its own reducer and saves nothing.

use wasm_bindgen::JsCast;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Element, HtmlElement, HtmlTextAreaElement,
};
use yew::prelude::*;
use zipin_core::import::warm_up::shapes;

use crate::components::workspace::Workspace;
use crate::documents::DocMeta;
use crate::evaluations::use_evaluations;
use crate::shared::Shared;
use crate::state::{Action, AppState};
use crate::warm_up::when_idle;

/// Steps of the rehearsal: a paste, then its undo, six times over (the sample report's paste
/// a second after opening, in Chromium: median 26.3–26.8 → 15.2–18.5 ms; docs/PERFORMANCE.md).
pub const STEPS: u32 = 12;

/// The idle time a step waits for: one takes 10–20 ms once compiled, the first up to 50 ms, so a
/// step runs only when the page has been left alone, not between the frames of someone typing.
const STEP_MS: f64 = 30.0;

/// The performance mark set when the warm-up is over (the end-to-end test waits for it).
const WARM_MARK: &str = "zipin-warm";

#[derive(Properties, PartialEq)]
pub struct RehearsalProps {
    /// The step to take: odd ones bring the form in, even ones undo that; 0 only renders.
    pub step: u32,
}

/// A workspace of its own that brings the warm-up form in through its paste box, or undoes
/// it, at each step.
#[function_component]
pub fn Rehearsal(props: &RehearsalProps) -> Html {
    let state = use_reducer(|| {
        AppState::starter(DocMeta {
            id: String::new(),
            name: String::new(),
        })
    });
    let evaluations = use_evaluations(Shared(state.document.clone()));
    let root = use_node_ref();
    {
        let (dispatch, root) = (state.dispatcher(), root.clone());
        use_effect_with(props.step, move |&step| {
            if step % 2 == 1 {
                if let Some(root) = root.cast::<Element>() {
                    bring_in(&root, step / 2);
                }
            } else if step > 0 {
                dispatch.dispatch(Action::Undo);
            }
        });
    }
    html! {
        <div ref={root}>
            <Workspace document={Shared(state.document.clone())} evaluations={evaluations} active={state.active} dispatch={state.dispatcher()} />
        </div>
    }
}

/// Brings the warm-up form in through the paste box under `root`, in the `nth` of its shapes
/// (round robin): every other time as a paste event, the way the browser delivers a paste,
/// and otherwise put in the box and imported with its button (the box's other way in; both end
/// in the same import). A paste event made by a script carries no data in Firefox, so there
/// every round takes the button.
fn bring_in(root: &Element, nth: u32) {
    let shapes = shapes();
    let Some((text, html)) = shapes.get(nth as usize % shapes.len()) else {
        return;
    };
    let find = |testid: &str| {
        root.query_selector(&format!("[data-testid=\"{testid}\"]"))
            .ok()
            .flatten()
    };
    let Some(paste_box) = find("paste-input") else {
        return;
    };
    if let Some(event) = (nth % 2 == 0)
        .then(|| paste_event(text, html.as_deref()))
        .flatten()
    {
        let _ = paste_box.dispatch_event(&event);
        return;
    }
    let button = find("import-button").and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let (Some(area), Some(button)) = (paste_box.dyn_ref::<HtmlTextAreaElement>(), button) {
        area.set_value(text);
        button.click();
    }
}

/// A paste event carrying `text` (and `html`), if this browser lets a script's event carry it.
fn paste_event(text: &str, html: Option<&str>) -> Option<ClipboardEvent> {
    let data = DataTransfer::new().ok()?;
    data.set_data("text/plain", text).ok()?;
    if let Some(html) = html {
        data.set_data("text/html", html).ok()?;
    }
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = ClipboardEvent::new_with_event_init_dict("paste", &init).ok()?;
    let carried = event.clipboard_data()?.get_data("text/plain").ok()?;
    (carried == text).then_some(event)
}

/// Mounts the rehearsal in a detached element and takes its steps over idle periods.
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    else {
        return;
    };
    let handle =
        yew::Renderer::<Rehearsal>::with_root_and_props(root, RehearsalProps { step: 0 }).render();
    take_step(handle, 1);
}

/// Takes `step` in the next idle period long enough for it, then the next; after the last,
/// takes the rehearsal down and marks `zipin-warm` in the page's performance timeline.
fn take_step(mut handle: yew::AppHandle<Rehearsal>, step: u32) {
    when_idle(move |deadline| {
        if deadline.time_remaining() < STEP_MS {
            take_step(handle, step);
        } else if step > STEPS {
            handle.destroy();
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark(WARM_MARK);
            }
        } else {
            handle.update(RehearsalProps { step });
            take_step(handle, step + 1);
        }
    });
}
