//! The top component: owns the one reducer, computes the evaluations, saves every change,
//! remembers where the user is, and lays out the page.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::commands::{Command, Context, LANG_KEY};
use crate::components::conflict_banner::ConflictBanner;
use crate::components::paste_box::import_paste;
use crate::components::print_view::PrintView;
use crate::components::review_report::ReviewReport;
use crate::components::toolbar::Toolbar;
use crate::components::workspace::Workspace;
use crate::documents::{self, DocMeta, Session, Unreadable};
use crate::download::download;
use crate::embed::{self, HostMessage};
use crate::evaluations::use_evaluations;
use crate::i18n::{Lang, T};
use crate::params::Params;
use crate::shared::Shared;
use crate::state::{Action, AppState};
use crate::{messages, offline, storage, Dispatch};

/// How long after the last change the document is written (and at once when the page hides).
const SAVE_DELAY_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The state to start from.
    pub initial: AppState,
    /// The cell that had focus when the page was last left: (row id, field).
    #[prop_or_default]
    pub focus: Option<(u64, String)>,
    /// A saved document that could not be opened at start.
    #[prop_or_default]
    pub start_problem: Option<Unreadable>,
    /// What the URL asks for (profile, language, compact mode, allowed hosts).
    #[prop_or_default]
    pub params: Params,
}

/// Where the page starts: the document an offline file carries (the first time it is
/// opened), else the last session's document, form and cell, or a new document; with the
/// profile the URL names for a new document.
pub fn startup() -> AppProps {
    let params = Params::current();
    let mut props = resume();
    if let Some(json) = offline::embedded_document() {
        let marker = format!("zipin.embedded.{:016x}", fingerprint(&json));
        if storage::get(&marker).is_none() {
            match zipin_core::json::from_json(&json) {
                Ok(document) => {
                    let name = document
                        .forms
                        .first()
                        .map(|f| f.name.trim().to_owned())
                        .unwrap_or_default();
                    let meta = DocMeta {
                        id: documents::new_id(),
                        name,
                    };
                    storage::set(&marker, &meta.id);
                    props = AppProps {
                        initial: AppState::new(meta, document),
                        ..AppProps::default_with(props)
                    };
                }
                Err(error) => {
                    props.start_problem = Some(Unreadable { error, raw: json });
                }
            }
        }
    }
    if let Some(profile) = params.profile {
        if !props
            .initial
            .document
            .forms
            .iter()
            .any(|form| form.has_content())
        {
            let mut document = (*props.initial.document).clone();
            document.profile = zipin_core::profile::Profile::builtin(profile);
            props.initial = AppState::new(props.initial.meta.clone(), document);
        }
    }
    props.params = params;
    props
}

/// A stable fingerprint of a text (FNV-1a), to recognise an offline file already opened.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl AppProps {
    /// Props keeping `other`'s start problem and parameters.
    fn default_with(other: AppProps) -> AppProps {
        AppProps {
            focus: None,
            ..other
        }
    }
}

/// The last session's document, form and cell, or a new document.
fn resume() -> AppProps {
    let session = documents::session();
    let listed = documents::list();
    let wanted = session
        .as_ref()
        .map(|s| s.document.clone())
        .or_else(|| listed.last().map(|m| m.id.clone()));
    let fresh = || DocMeta {
        id: documents::new_id(),
        name: String::new(),
    };
    let Some(id) = wanted else {
        return AppProps {
            initial: AppState::starter(fresh()),
            focus: None,
            start_problem: None,
            params: Params::default(),
        };
    };
    let meta = listed
        .iter()
        .find(|m| m.id == id)
        .cloned()
        .unwrap_or(DocMeta {
            id: id.clone(),
            name: String::new(),
        });
    match documents::load(&id) {
        Some(Ok(document)) => {
            let mut state = AppState::new(meta, document);
            let session = session.filter(|s| s.document == id).unwrap_or_default();
            if let Some(form) = session.form.map(zipin_core::model::FormId) {
                if state.document.form(form).is_some() {
                    state.active = form;
                }
            }
            let focus = session.row.zip(session.field);
            AppProps {
                initial: state,
                focus,
                start_problem: None,
                params: Params::default(),
            }
        }
        Some(Err(problem)) => AppProps {
            initial: AppState::starter(fresh()),
            focus: None,
            start_problem: Some(problem),
            params: Params::default(),
        },
        None => AppProps {
            initial: AppState::starter(meta),
            focus: None,
            start_problem: None,
            params: Params::default(),
        },
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let lang = {
        let wanted = props.params.lang;
        use_state(move || {
            wanted
                .or_else(|| storage::get(LANG_KEY).and_then(|key| Lang::from_key(&key)))
                .unwrap_or_default()
        })
    };
    let saved = use_state(storage::is_persistent);
    let listed = use_state(documents::list);
    let reporting = use_state(|| false);
    let evaluations = use_evaluations(Shared(state.document.clone()));
    let dispatch = state.dispatcher();

    use_autosave(&state, saved.clone(), listed.clone());
    use_host_messages(
        props.params.clone(),
        dispatch.clone(),
        Shared(state.document.clone()),
        evaluations.clone(),
    );
    use_shortcuts(dispatch.clone());
    use_restore_focus(props.focus.clone());
    {
        let (document, form) = (state.meta.id.clone(), state.active);
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
    let onfocusin = {
        let (document, form) = (state.meta.id.clone(), state.active);
        Callback::from(move |event: FocusEvent| remember_focus(&event, &document, form.0))
    };

    let printing = use_state(|| false);
    let conflict = use_conflict_watch(state.meta.id.clone());
    let conflict_banner = (*conflict).clone().map(|theirs| {
        let on_load = {
            let (conflict, dispatch) = (conflict.clone(), dispatch.clone());
            Callback::from(move |_| {
                documents::hold(None);
                if let Ok(document) = zipin_core::json::from_json(&theirs) {
                    dispatch.dispatch(Action::Edit(zipin_core::edit::Edit::Replace(document)));
                }
                conflict.set(None);
            })
        };
        let on_keep = {
            let (conflict, meta, document) =
                (conflict.clone(), state.meta.clone(), state.document.clone());
            Callback::from(move |_| {
                documents::hold(None);
                documents::save(&meta, &document);
                conflict.set(None);
            })
        };
        html! { <ConflictBanner {on_load} {on_keep} /> }
    });
    let message = use_state(|| None::<(bool, String)>);
    let context = Context {
        state: Rc::new((*state).clone()),
        evaluations: evaluations.0.clone(),
        dispatch: dispatch.clone(),
        listed: listed.clone(),
        lang: lang.clone(),
        reporting: reporting.clone(),
        printing: printing.clone(),
        message: message.clone(),
    };
    let on_command = {
        let context = context.clone();
        Callback::from(move |command: Command| context.run(command))
    };
    let ondrop = {
        let context = context.clone();
        Callback::from(move |event: DragEvent| {
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                event.prevent_default();
                context.run(Command::OpenFile(file));
            }
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let problem = props.start_problem.as_ref().map(|problem| {
        let raw = problem.raw.clone();
        let onclick = Callback::from(move |_| {
            download("zipin-原始数据.json", "application/json", raw.as_bytes());
        });
        html! {
            <p class="start-problem" role="alert" data-testid="start-problem">
                {T::StartProblem.text(*lang)}{messages::load_error(&problem.error, *lang)}{" "}
                <button type="button" {onclick}>{T::DownloadRaw.text(*lang)}</button>
            </p>
        }
    });
    html! {
        <ContextProvider<Lang> context={*lang}>
            <div class={classes!("app", props.params.embed.then_some("embedded"), printing.then_some("printing"))} lang={lang.tag()}
                {ondrop} {ondragover}>
                <header class="app-head">
                    <h1>{T::AppTitle.text(*lang)}</h1>
                    <p class="tagline">{T::AppTagline.text(*lang)}</p>
                </header>
                <Toolbar meta={state.meta.clone()} documents={(*listed).clone()} profile={state.document.profile.clone()}
                    can_undo={state.can_undo()} can_redo={state.can_redo()} saved={*saved} dispatch={dispatch.clone()}
                    {on_command} />
                if let Some((ok, text)) = (*message).clone() {
                    <p class={classes!("file-message", if ok { "ok" } else { "bad" })} role={if ok { "status" } else { "alert" }}
                        data-testid="file-message">{text}</p>
                }
                if *printing {
                    <PrintView document={Shared(state.document.clone())} evaluations={evaluations.clone()}
                        on_close={{ let printing = printing.clone(); Callback::from(move |_| printing.set(false)) }} />
                }
                { for problem }
                { for conflict_banner }
                if *reporting {
                    <ReviewReport document={Shared(state.document.clone())} evaluations={evaluations.clone()}
                        on_close={{ let reporting = reporting.clone(); Callback::from(move |_| reporting.set(false)) }} />
                }
                <main {onfocusin}>
                    <Workspace document={Shared(state.document.clone())} evaluations={evaluations.clone()} active={state.active} dispatch={dispatch.clone()}
                        last_import={state.last_import.clone()} readings={state.readings.clone()} reading={state.reading} />
                </main>
            </div>
        </ContextProvider<Lang>>
    }
}

/// A download's file name from the document's name.
pub fn file_name(meta: &DocMeta, extension: &str) -> String {
    let name: String = meta
        .name
        .trim()
        .chars()
        .filter(|c| !"\\/:*?\"<>|".contains(*c))
        .collect();
    let name = if name.is_empty() {
        "绩效自评".to_owned()
    } else {
        name
    };
    format!("{name}.{extension}")
}

/// Saves the document shortly after each change, and at once when the page is hidden or
/// closed, so closing the tab right after typing loses nothing.
#[hook]
fn use_autosave(
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

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, wherever the focus is (the page's history
/// covers every change, pastes and row operations included).
#[hook]
fn use_shortcuts(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
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
                },
            )
        });
        move || drop(listener)
    });
}

/// Puts the focus back on the cell it was in when the page was left.
#[hook]
fn use_restore_focus(focus: Option<(u64, String)>) {
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

/// The postMessage API (see `embed`): loads what an allowed host sends, and tells it about
/// every change.
#[hook]
fn use_host_messages(
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

/// Watches for another tab writing the open document (the `storage` event fires in every
/// other tab): then saving is held and the other version is kept for the user to choose.
#[hook]
fn use_conflict_watch(document: String) -> UseStateHandle<Option<String>> {
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
