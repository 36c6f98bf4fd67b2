//! The top component: owns the one reducer, computes the evaluations, and lays out the page.

use yew::prelude::*;

use crate::components::form_panel::FormPanel;
use crate::components::paste_box::PasteBox;
use crate::components::summary::{FormTabs, Summary};
use crate::evaluations::use_evaluations;
use crate::i18n::{Lang, T};
use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The state to start from.
    pub initial: AppState,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let lang = use_state(Lang::default);
    let evaluations = use_evaluations(state.document.clone());
    let dispatch = state.dispatcher();
    let index = state.active_index();
    let panel = match (state.document.forms.get(index), evaluations.get(index)) {
        (Some(form), Some(evaluation)) => html! {
            <FormPanel key={form.id.0} form={form.clone()} evaluation={evaluation.clone()} dispatch={dispatch.clone()} />
        },
        _ => html! {},
    };
    let switch_language = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(if *lang == Lang::Zh { Lang::En } else { Lang::Zh }))
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
            <div class="app" lang={lang.tag()}>
                <header class="app-head">
                    <h1>{T::AppTitle.text(*lang)}</h1>
                    <p class="tagline">{T::AppTagline.text(*lang)}</p>
                    <button type="button" class="lang" onclick={switch_language}>{T::SwitchLanguage.text(*lang)}</button>
                </header>
                <main>
                    <PasteBox dispatch={dispatch.clone()} has_content={state.document.forms.iter().any(|f| f.has_content())} />
                    <Summary document={state.document.clone()} evaluations={evaluations.clone()} active={state.active} dispatch={dispatch.clone()} />
                    <FormTabs document={state.document.clone()} evaluations={evaluations.clone()} active={state.active} dispatch={dispatch.clone()} />
                    { panel }
                </main>
            </div>
        </ContextProvider<Lang>>
    }
}
