//! The header bar: the document (name, list, new), undo and redo, the rule profile with
//! what it changes, whether work is saved, and the language.

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::profile::{Profile, ProfileId};

use crate::documents::DocMeta;
use crate::i18n::{Lang, T};
use crate::state::Action;
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub meta: DocMeta,
    pub documents: Vec<DocMeta>,
    pub profile: Profile,
    pub can_undo: bool,
    pub can_redo: bool,
    pub saved: bool,
    pub dispatch: Dispatch,
    pub on_new: Callback<()>,
    pub on_open: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_download: Callback<()>,
    pub on_language: Callback<()>,
    pub on_report: Callback<()>,
    /// Downloads the offline single file (with the open document when `true`).
    pub on_offline: Callback<bool>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let dispatch = props.dispatch.clone();
    let with_document = use_state(|| true);
    let rename = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let name = event.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            dispatch.dispatch(Action::RenameDocument(name));
        })
    };
    let action = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    };
    let choose_profile = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(id) = ProfileId::from_key(&key) {
                dispatch.dispatch(Action::Edit(Edit::SetProfile(Profile::builtin(id))));
            }
        })
    };
    let documents = props.documents.iter().map(|meta| {
        let open = { let on_open = props.on_open.clone(); let id = meta.id.clone(); Callback::from(move |_| on_open.emit(id.clone())) };
        let delete = { let on_delete = props.on_delete.clone(); let id = meta.id.clone(); Callback::from(move |_| on_delete.emit(id.clone())) };
        let current = meta.id == props.meta.id;
        let name = if meta.name.trim().is_empty() { T::UntitledDocument.text(lang).to_owned() } else { meta.name.clone() };
        html! {
            <li key={meta.id.clone()} class={classes!(current.then_some("current"))} data-testid="document-item">
                <span class="doc-name">{name.clone()}</span>
                <button type="button" onclick={open} disabled={current} aria-label={format!("{} {name}", T::OpenDocument.text(lang))}>{T::OpenDocument.text(lang)}</button>
                <button type="button" class="danger" onclick={delete} aria-label={format!("{} {name}", T::DeleteDocument.text(lang))}>{T::DeleteDocument.text(lang)}</button>
            </li>
        }
    });
    let new = { let on_new = props.on_new.clone(); Callback::from(move |_| on_new.emit(())) };
    let download = { let on_download = props.on_download.clone(); Callback::from(move |_| on_download.emit(())) };
    let language = { let on_language = props.on_language.clone(); Callback::from(move |_| on_language.emit(())) };
    let save_state = if props.saved {
        html! { <span class="save-state ok" data-testid="save-state" data-saved="true">{T::Saved.text(lang)}</span> }
    } else {
        html! {
            <span class="save-state bad" role="alert" data-testid="save-state" data-saved="false">
                {T::NotSaved.text(lang)}
                <button type="button" onclick={download.clone()}>{T::DownloadCopy.text(lang)}</button>
            </span>
        }
    };
    html! {
        <div class="toolbar">
            <label class="doc-title">
                <span class="sr-only">{T::DocumentName.text(lang)}</span>
                <input type="text" data-testid="document-name" value={props.meta.name.clone()} oninput={rename}
                    placeholder={T::UntitledDocument.text(lang)} aria-label={T::DocumentName.text(lang)} />
            </label>
            <details class="doc-menu">
                <summary data-testid="documents-menu">{T::Documents.text(lang)}</summary>
                <div class="doc-menu-body">
                    <button type="button" data-testid="new-document" onclick={new}>{T::NewDocument.text(lang)}</button>
                    <ul>{ for documents }</ul>
                </div>
            </details>
            <button type="button" data-testid="undo" disabled={!props.can_undo} onclick={action(Action::Undo)} title="Ctrl+Z">{T::Undo.text(lang)}</button>
            <button type="button" data-testid="redo" disabled={!props.can_redo} onclick={action(Action::Redo)} title="Ctrl+Y">{T::Redo.text(lang)}</button>
            <button type="button" data-testid="review-report-button" onclick={{ let on_report = props.on_report.clone(); Callback::from(move |_| on_report.emit(())) }}>
                {T::ReviewReport.text(lang)}
            </button>
            <label class="profile">
                {T::Profile.text(lang)}{" "}
                <select data-testid="profile" onchange={choose_profile} title={props.profile.summary()}>
                    { for ProfileId::ALL.iter().map(|id| html! {
                        <option value={id.key()} selected={props.profile.id == *id}>{Profile::builtin(*id).name}</option>
                    }) }
                </select>
            </label>
            <span class="profile-summary" data-testid="profile-summary">{props.profile.summary()}</span>
            { save_state }
            <span class="offline">
                <button type="button" data-testid="download-offline" title={T::OfflineHint.text(lang)}
                    onclick={{ let on_offline = props.on_offline.clone(); let with = with_document.clone(); Callback::from(move |_| on_offline.emit(*with)) }}>
                    {T::DownloadOffline.text(lang)}
                </button>
                <label class="with-document">
                    <input type="checkbox" data-testid="offline-with-document" checked={*with_document}
                        onchange={{ let with = with_document.clone(); Callback::from(move |_| with.set(!*with)) }} />
                    {T::WithDocument.text(lang)}
                </label>
            </span>
            <button type="button" class="lang" data-testid="language" onclick={language}>{T::SwitchLanguage.text(lang)}</button>
        </div>
    }
}
