//! The work area under the toolbar: the paste box beside the summary of every form, the form
//! tabs, and the form shown.

use yew::prelude::*;

use crate::components::form_panel::FormPanel;
use crate::components::paste_box::PasteBox;
use crate::components::summary::{DocumentProps, FormTabs, Summary};
use crate::shared::Shared;

#[function_component]
pub fn Workspace(props: &DocumentProps) -> Html {
    let document = &props.document;
    let profile = Shared(use_memo(document.profile.clone(), |profile| {
        profile.clone()
    }));
    let index = document
        .forms
        .iter()
        .position(|form| form.id == props.active)
        .unwrap_or(0);
    let panel = match (document.forms.get(index), props.evaluations.get(index)) {
        (Some(form), Some(evaluation)) => html! {
            <FormPanel form={Shared(form.clone())} profile={profile} evaluation={Shared(evaluation.clone())} dispatch={props.dispatch.clone()}
                reading={props.readings.get(&form.id).cloned()} />
        },
        _ => html! {},
    };
    html! {
        <>
            <div class="overview">
                <PasteBox dispatch={props.dispatch.clone()} has_content={document.forms.iter().any(|f| f.has_content())}
                    last_import={props.last_import.clone()} reading={props.reading} />
                <Summary document={document.clone()} evaluations={props.evaluations.clone()} active={props.active} dispatch={props.dispatch.clone()} />
            </div>
            <FormTabs document={document.clone()} evaluations={props.evaluations.clone()} active={props.active} dispatch={props.dispatch.clone()} />
            { panel }
        </>
    }
}
