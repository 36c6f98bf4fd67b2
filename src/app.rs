//! The top component: owns the one reducer and lays out the page; what it does besides
//! rendering (scoring, saving, shortcuts, the session, the host, other tabs) is in `hooks/`.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::download::download;
use crate::browser::folders::Dropped;
use crate::browser::storage;
use crate::commands::{Command, Context, LANG_KEY};
use crate::components::conflict_banner::ConflictBanner;
use crate::components::desk::{Desk, DeskExport};
use crate::components::narrative_view::NarrativeView;
use crate::components::print_view::PrintView;
use crate::components::review_report::ReviewReport;
use crate::components::toolbar::Toolbar;
use crate::components::workspace::Workspace;
use crate::desk::reading::Item;
use crate::documents;
use crate::hooks::autosave::use_autosave;
use crate::hooks::conflict_watch::use_conflict_watch;
use crate::hooks::evaluations::use_evaluations;
use crate::hooks::host_messages::use_host_messages;
use crate::hooks::session::{use_restore_focus, use_session};
use crate::hooks::shortcuts::use_shortcuts;
use crate::i18n::{Lang, T};
use crate::messages;
use crate::shared::Shared;
use crate::start::AppProps;
use crate::state::desk::View;
use crate::state::Action;

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
    let onfocusin = use_session(state.meta.id.clone(), state.active);

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
    // One file dropped opens as a file does; several, or a folder, go to the desk.
    let ondrop = {
        let context = context.clone();
        Callback::from(move |event: DragEvent| {
            let Some(data) = event.data_transfer() else {
                return;
            };
            event.prevent_default();
            let dropped = Dropped::take(&data);
            let folder = dropped.has_folder();
            let context = context.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut files = dropped.files().await;
                match (files.len(), folder) {
                    (1, false) => {
                        if let Some(file) = files.pop() {
                            context.run(Command::OpenFile(file));
                        }
                    }
                    _ => context.read_into_desk(files.into_iter().map(Item::File).collect()),
                }
            });
        })
    };
    {
        let (context, pending) = (context.clone(), props.pending_set.clone());
        use_effect_with((), move |_| {
            if let Some(meta) = pending {
                context.open_set(meta);
            }
        });
    }
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let on_items = {
        let context = context.clone();
        Callback::from(move |items: Vec<Item>| context.read_into_desk(items))
    };
    let on_export = {
        let context = context.clone();
        Callback::from(move |export: DeskExport| context.run(Command::Desk(export)))
    };
    let view_tab = |view: View, label: T| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Show(view)));
        let shown = state.view == view;
        let testid = match view {
            View::Editor => "view-editor",
            View::Desk => "view-desk",
            View::Narrative => "view-narrative",
        };
        html! {
            <button type="button" data-testid={testid} class={classes!("view", shown.then_some("shown"))}
                aria-pressed={shown.to_string()} {onclick}>{label.text(*lang)}</button>
        }
    };
    let has_narrative = !state.document.narrative.is_empty();
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
                <nav class="views" aria-label={T::ViewDesk.text(*lang)}>
                    { view_tab(View::Editor, T::ViewEditor) }
                    if has_narrative {
                        { view_tab(View::Narrative, T::ViewNarrative) }
                    }
                    { view_tab(View::Desk, T::ViewDesk) }
                </nav>
                if state.view == View::Narrative && has_narrative {
                    <main>
                        <NarrativeView document={Shared(state.document.clone())} evaluations={evaluations.clone()} dispatch={dispatch.clone()} />
                    </main>
                } else if state.view == View::Desk {
                    <main>
                        <Desk document={Shared(state.document.clone())} evaluations={evaluations.clone()} desk={Shared(state.desk.clone())}
                            active={state.active} dispatch={dispatch.clone()} {on_items} {on_export} />
                    </main>
                } else {
                <main {onfocusin}>
                    <Workspace document={Shared(state.document.clone())} evaluations={evaluations.clone()} active={state.active} dispatch={dispatch.clone()}
                        last_import={state.last_import.clone()} readings={state.readings.clone()} reading={state.reading} />
                </main>
                }
            </div>
        </ContextProvider<Lang>>
    }
}
