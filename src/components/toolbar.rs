//! The header bar: the document (name, list, new), files (open, copy, download, print),
//! undo and redo, the review report, the rule profile with what it changes, whether work is
//! saved, the offline file, and the language. It owns its markup; what the buttons do is the
//! app's (see `commands`).

use yew::prelude::*;
use zipin_core::profile::{Profile, ProfileId};

use crate::commands::Command;
use crate::documents::DocMeta;
use crate::i18n::{Lang, T};
use crate::state::Action;
use crate::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub meta: DocMeta,
    pub documents: Vec<DocMeta>,
    pub profile: Profile,
    pub can_undo: bool,
    pub can_redo: bool,
    pub saved: bool,
    pub dispatch: Dispatch,
    pub on_command: Callback<Command>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let dispatch = props.dispatch.clone();
    let with_document = use_state(|| true);
    let command = |command: Command| {
        let on_command = props.on_command.clone();
        Callback::from(move |_| on_command.emit(command.clone()))
    };
    let rename = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let name = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            dispatch.dispatch(Action::RenameDocument(name));
        })
    };
    let action = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    };
    let choose_profile = {
        let on_command = props.on_command.clone();
        Callback::from(move |event: Event| {
            let key = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(id) = ProfileId::from_key(&key) {
                on_command.emit(Command::SetProfile(id));
            }
        })
    };
    let choose_file = {
        let on_command = props.on_command.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_command.emit(Command::OpenFile(file));
            }
            input.set_value("");
        })
    };
    let documents = props.documents.iter().map(|meta| {
        let current = meta.id == props.meta.id;
        let name = if meta.name.trim().is_empty() { T::UntitledDocument.text(lang).to_owned() } else { meta.name.clone() };
        html! {
            <li key={meta.id.clone()} class={classes!(current.then_some("current"))} data-testid="document-item">
                <span class="doc-name">{name.clone()}</span>
                <button type="button" onclick={command(Command::OpenDocument(meta.id.clone()))} disabled={current}
                    aria-label={format!("{} {name}", T::OpenDocument.text(lang))}>{T::OpenDocument.text(lang)}</button>
                <button type="button" class="danger" onclick={command(Command::DeleteDocument(meta.id.clone()))}
                    aria-label={format!("{} {name}", T::DeleteDocument.text(lang))}>{T::DeleteDocument.text(lang)}</button>
            </li>
        }
    });
    let save_state = if props.saved {
        html! { <span class="save-state ok" data-testid="save-state" data-saved="true">{T::Saved.text(lang)}</span> }
    } else {
        html! {
            <span class="save-state bad" role="alert" data-testid="save-state" data-saved="false">
                {T::NotSaved.text(lang)}
                <button type="button" onclick={command(Command::ExportJson)}>{T::DownloadCopy.text(lang)}</button>
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
                    <button type="button" data-testid="new-document" onclick={command(Command::NewDocument)}>{T::NewDocument.text(lang)}</button>
                    <ul>{ for documents }</ul>
                </div>
            </details>
            <span class="files">
                <label class="file-open button-like" title={T::OpenFileHint.text(lang)}>
                    <input type="file" class="sr-only" data-testid="file-input" onchange={choose_file}
                        accept=".json,.docx,.xlsx,.xls,.csv,.tsv,.txt,.html,.htm" />
                    {T::OpenFile.text(lang)}
                </label>
                <button type="button" data-testid="export-tsv" onclick={command(Command::ExportTsv)}>{T::ExportTsv.text(lang)}</button>
                <button type="button" data-testid="export-csv" onclick={command(Command::ExportCsv)}>{T::ExportCsv.text(lang)}</button>
                <button type="button" data-testid="export-xlsx" onclick={command(Command::ExportXlsx)}>{T::ExportXlsx.text(lang)}</button>
                <button type="button" data-testid="export-json" onclick={command(Command::ExportJson)}>{T::ExportJson.text(lang)}</button>
                <button type="button" data-testid="print" onclick={command(Command::Print)}>{T::Print.text(lang)}</button>
            </span>
            <button type="button" data-testid="undo" disabled={!props.can_undo} onclick={action(Action::Undo)} title="Ctrl+Z">{T::Undo.text(lang)}</button>
            <button type="button" data-testid="redo" disabled={!props.can_redo} onclick={action(Action::Redo)} title="Ctrl+Y">{T::Redo.text(lang)}</button>
            <button type="button" data-testid="review-report-button" onclick={command(Command::ReviewReport)}>{T::ReviewReport.text(lang)}</button>
            <label class="profile">
                {T::Profile.text(lang)}{" "}
                <select data-testid="profile" onchange={choose_profile} title={props.profile.summary()}>
                    { for ProfileId::ALL.iter().map(|id| html! {
                        <option value={id.key()} selected={props.profile.id == *id}>{Profile::builtin(*id).name}</option>
                    }) }
                </select>
            </label>
            <span class="profile-summary" data-testid="profile-summary">
                { match lang { Lang::Zh => props.profile.summary(), Lang::En => props.profile.summary_en() } }
            </span>
            { save_state }
            <span class="offline">
                <button type="button" data-testid="download-offline" title={T::OfflineHint.text(lang)}
                    onclick={command(Command::DownloadOffline(*with_document))}>
                    {T::DownloadOffline.text(lang)}
                </button>
                <label class="with-document">
                    <input type="checkbox" data-testid="offline-with-document" checked={*with_document}
                        onchange={{ let with = with_document.clone(); Callback::from(move |_| with.set(!*with)) }} />
                    {T::WithDocument.text(lang)}
                </label>
            </span>
            <button type="button" class="lang" data-testid="language" onclick={command(Command::SetLanguage(lang.other()))}>{T::SwitchLanguage.text(lang)}</button>
        </div>
    }
}
