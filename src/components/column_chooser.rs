//! The column chooser: a table's header words with a role to choose for each column,
//! prefilled with what zipin read. It asks before an import it cannot stand behind, and
//! corrects one already made. Columns wrap over as many lines as the page needs.

use yew::prelude::*;
use zipin_core::import::header::Role;

use crate::i18n::{Lang, T};
use crate::messages;

#[derive(Properties, PartialEq)]
pub struct ColumnChooserProps {
    pub layout: String,
    pub header: Vec<String>,
    pub guess: Vec<Option<Role>>,
    /// A table with no header row: its first row stands where the header would.
    pub headerless: bool,
    pub on_apply: Callback<Vec<Option<Role>>>,
}

#[function_component]
pub fn ColumnChooser(props: &ColumnChooserProps) -> Html {
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
        let shown = if cell.trim().is_empty() { T::ColumnNumber.text(lang).replace("{n}", &(index + 1).to_string()) } else { cell.clone() };
        html! {
            <li class="chooser-column">
                <span class="pasted-header" title={cell.clone()}>{shown.clone()}</span>
                <select aria-label={format!("{} {}", index + 1, shown)} {onchange} data-testid="column-role">
                    <option value="" selected={current.is_none()}>{T::RoleIgnore.text(lang)}</option>
                    { for Role::ALL.iter().map(|role| html! {
                        <option value={format!("{role:?}")} selected={current == Some(*role)}>{messages::role(*role, lang)}</option>
                    }) }
                </select>
            </li>
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
            <ol class="chooser-columns">{ for columns }</ol>
            <button type="button" class="primary" data-testid="apply-mapping" onclick={apply}>{T::MappingApply.text(lang)}</button>
        </div>
    }
}
