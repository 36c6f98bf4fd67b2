//! The paste box: a paste (text and, when the clipboard has it, HTML) imports at once; text
//! put in the box imports with the button. It reports what was imported, what was skipped
//! and why nothing was, and asks for the columns it could not map.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::import::forms::Notice;
use zipin_core::import::header::Role;
use zipin_core::import::import;

use crate::i18n::{Lang, T};
use crate::layouts;
use crate::state::Action;
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub dispatch: Dispatch,
    /// Whether the document already holds work (then a paste is added to it by default).
    pub has_content: bool,
}

/// What the clipboard or the box held.
#[derive(Clone, Debug, Default, PartialEq)]
struct Pasted {
    text: String,
    html: Option<String>,
}

/// What the last import found, for the report under the box.
#[derive(Clone, Debug, Default, PartialEq)]
struct Outcome {
    imported: Vec<String>,
    notices: Vec<Notice>,
}

#[function_component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = use_node_ref();
    let pasted = use_state(Pasted::default);
    let outcome = use_state(Outcome::default);
    let replace_choice = use_state(|| None::<bool>);
    let replace = replace_choice.unwrap_or(!props.has_content);

    let run = {
        let dispatch = props.dispatch.clone();
        let outcome = outcome.clone();
        let pasted_state = pasted.clone();
        Callback::from(move |pasted: Pasted| {
            let result = import(&pasted.text, pasted.html.as_deref(), &layouts::load());
            let imported = result
                .forms
                .iter()
                .map(|f| f.name.trim().to_owned())
                .collect();
            if !result.forms.is_empty() {
                dispatch.dispatch(Action::Edit(Edit::Import {
                    forms: result.forms,
                    replace,
                }));
            }
            outcome.set(Outcome {
                imported,
                notices: result.notices,
            });
            pasted_state.set(pasted);
        })
    };
    let onpaste = {
        let run = run.clone();
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
            run.emit(Pasted { text, html });
        })
    };
    let onclick = {
        let run = run.clone();
        let input = input.clone();
        Callback::from(move |_| {
            let text = input
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            run.emit(Pasted { text, html: None });
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
    let report = report(&outcome, lang);
    let choosers = outcome.notices.iter().filter_map(|notice| match notice {
        Notice::NeedsMapping { layout, header, guess, headerless } => {
            let pasted = (*pasted).clone();
            let run = run.clone();
            let key = layout.clone();
            let on_apply = Callback::from(move |roles: Vec<Option<Role>>| {
                layouts::remember(key.clone(), roles);
                run.emit(pasted.clone());
            });
            Some(html! {
                <ColumnChooser key={layout.clone()} layout={layout.clone()} header={header.clone()} guess={guess.clone()}
                    headerless={*headerless} {on_apply} />
            })
        }
        _ => None,
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
            { report }
            { for choosers }
        </section>
    }
}

fn report(outcome: &Outcome, lang: Lang) -> Html {
    let imported = (!outcome.imported.is_empty()).then(|| {
        let names = outcome.imported.iter().map(|n| if n.is_empty() { "—" } else { n.as_str() }).collect::<Vec<_>>().join("、");
        html! {
            <p class="import-ok" role="status" data-testid="import-report">
                {format!("{} {} {}：{names}", T::ImportedForms.text(lang), outcome.imported.len(), T::FormsUnit.text(lang))}
            </p>
        }
    });
    let notes = outcome.notices.iter().filter_map(|notice| match notice {
        Notice::NoForm(why) => Some(html! { <p class="import-error" role="alert" data-testid="import-error">{why.clone()}</p> }),
        Notice::Skipped(what) => Some(html! { <p class="import-note">{what.clone()}</p> }),
        Notice::NeedsMapping { .. } => None,
    });
    html! { <div class="import-report" aria-live="polite">{ for imported }{ for notes }</div> }
}

#[derive(Properties, PartialEq)]
struct ColumnChooserProps {
    layout: String,
    header: Vec<String>,
    guess: Vec<Option<Role>>,
    headerless: bool,
    on_apply: Callback<Vec<Option<Role>>>,
}

/// The pasted header (or first row) with a role to choose under each column.
#[function_component]
fn ColumnChooser(props: &ColumnChooserProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let roles = use_state(|| props.guess.clone());
    let columns = props.header.iter().enumerate().map(|(index, cell)| {
        let roles_state = roles.clone();
        let onchange = Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let mut next = (*roles_state).clone();
            if let Some(slot) = next.get_mut(index) {
                *slot = Role::ALL.iter().find(|r| format!("{r:?}") == value).copied();
            }
            roles_state.set(next);
        });
        let current = roles.get(index).copied().flatten();
        html! {
            <th scope="col">
                <span class="pasted-header">{cell.clone()}</span>
                <select aria-label={format!("{} {}", index + 1, cell)} {onchange} data-testid="column-role">
                    <option value="" selected={current.is_none()}>{T::RoleIgnore.text(lang)}</option>
                    { for Role::ALL.iter().map(|role| html! {
                        <option value={format!("{role:?}")} selected={current == Some(*role)}>{role.label()}</option>
                    }) }
                </select>
            </th>
        }
    });
    let apply = {
        let roles = roles.clone();
        let on_apply = props.on_apply.clone();
        Callback::from(move |_| on_apply.emit((*roles).clone()))
    };
    let title = if props.headerless {
        T::MappingHeaderless
    } else {
        T::MappingTitle
    };
    html! {
        <div class="column-chooser" data-testid="column-chooser" data-layout={props.layout.clone()}>
            <p>{title.text(lang)}</p>
            <div class="chooser-scroll"><table><thead><tr>{ for columns }</tr></thead></table></div>
            <button type="button" class="primary" data-testid="apply-mapping" onclick={apply}>{T::MappingApply.text(lang)}</button>
        </div>
    }
}
