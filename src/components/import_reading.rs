//! How an import read its forms, shown under the paste box (every form of the last import)
//! and in each imported form's header (that form): which column was read as what, where the
//! budget weight came from, which rows were left out and why, which columns are missing —
//! and the column chooser, prefilled, to correct it. A correction reads the same content
//! again and its forms take the place of the ones read before.

use yew::prelude::*;
use zipin_core::import::header::Role;
use zipin_core::import::reading::FormReading;
use zipin_core::model::FormId;

use crate::components::column_chooser::ColumnChooser;
use crate::i18n::{Lang, T};
use crate::layouts;
use crate::messages;
use crate::shared::Shared;
use crate::state::imports::ImportRecord;
use crate::state::Action;
use crate::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct ImportReadingProps {
    pub record: Shared<ImportRecord>,
    /// The one form to show, or every form of the import.
    #[prop_or_default]
    pub form: Option<FormId>,
    pub testid: &'static str,
    /// Whether each form's details show at once (in the form's own header) or on a click
    /// (under the paste box, where a whole report's forms are listed).
    #[prop_or_default]
    pub open: bool,
    pub dispatch: Dispatch,
}

/// Remembers a column choice for a layout, reads the import's content again with it and
/// takes the result in.
pub fn reimport(
    dispatch: &Dispatch,
    record: &Shared<ImportRecord>,
) -> Callback<(String, Vec<Option<Role>>)> {
    let (dispatch, record) = (dispatch.clone(), record.clone());
    Callback::from(move |(layout, roles): (String, Vec<Option<Role>>)| {
        layouts::remember(layout, roles);
        let imported = record.source.read(&layouts::load());
        dispatch.dispatch(Action::Reimport {
            previous: record.clone(),
            imported,
        });
    })
}

#[function_component]
pub fn ImportReading(props: &ImportReadingProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Which form's part is being corrected: (form index, part index).
    let correcting = use_state(|| None::<(usize, usize)>);
    let record = &props.record;
    let on_apply = reimport(&props.dispatch, record);
    let forms = record
        .imported
        .forms
        .iter()
        .zip(&record.imported.readings)
        .enumerate()
        .filter(|(index, _)| {
            props
                .form
                .is_none_or(|id| record.forms.get(*index) == Some(&id))
        });
    let views = forms.map(|(index, (form, reading))| {
        let name = if form.name.trim().is_empty() {
            "—".to_owned()
        } else {
            form.name.trim().to_owned()
        };
        let chooser = correcting
            .and_then(|(f, p)| (f == index).then_some(p))
            .and_then(|p| reading.parts.get(p))
            .map(|part| {
                let on_apply = on_apply.clone();
                let correcting = correcting.clone();
                let layout = part.layout.clone();
                let on_apply = Callback::from(move |roles| {
                    correcting.set(None);
                    on_apply.emit((layout.clone(), roles));
                });
                html! {
                    <ColumnChooser key={part.layout.clone()} layout={part.layout.clone()}
                        header={part.columns.iter().map(|c| c.header.clone()).collect::<Vec<_>>()}
                        guess={part.columns.iter().map(|c| c.role).collect::<Vec<_>>()}
                        headerless={false} {on_apply} />
                }
            });
        let columns = reading.parts.iter().flat_map(|part| &part.columns).filter(|c| c.role.is_some()).count();
        let skipped = (!reading.skipped.is_empty()).then(|| format!(" · {}{}", T::ReadingSkipped.text(lang), reading.skipped.len()));
        html! {
            <section class="reading-form" data-testid="reading-form">
                <details open={props.open}>
                    <summary>
                        <b>{name}</b>
                        {format!(" — {}{columns} · {}：{}", T::ReadingColumns.text(lang), T::ReadingBudgetWeight.text(lang), messages::weight_source(&reading.budget_weight, lang))}
                        {skipped}
                    </summary>
                    { parts(reading, index, &correcting, lang) }
                    { skipped_rows(reading, lang) }
                </details>
                { missing(reading, lang) }
                { chooser }
            </section>
        }
    });
    html! {
        <div class="import-reading" data-testid={props.testid}>
            { for views }
        </div>
    }
}

/// Each table part's columns as read, with the button that opens the chooser for it.
fn parts(
    reading: &FormReading,
    form: usize,
    correcting: &UseStateHandle<Option<(usize, usize)>>,
    lang: Lang,
) -> Html {
    let views = reading.parts.iter().enumerate().map(|(index, part)| {
        let columns = part.columns.iter().filter(|column| !column.header.is_empty() || column.role.is_some()).map(|column| {
            let (key, role) = match column.role {
                Some(role) => (role.key(), messages::role(role, lang)),
                None => ("ignored", T::ReadingIgnored.text(lang)),
            };
            let header = if column.header.is_empty() { T::NoHeader.text(lang).to_owned() } else { column.header.clone() };
            html! {
                <li data-testid="reading-column" data-role={key} class={classes!(column.role.is_none().then_some("ignored"))}>
                    <span class="reading-header">{header}</span>{" → "}<span class="reading-role">{role}</span>
                </li>
            }
        });
        let open = {
            let correcting = correcting.clone();
            Callback::from(move |_| correcting.set(Some((form, index))))
        };
        html! {
            <div class="reading-part">
                <span class="reading-part-name">{messages::part(part.part, lang)}{"："}</span>
                <ul class="reading-columns">{ for columns }</ul>
                <button type="button" class="link" data-testid="correct-columns" onclick={open}>{T::ReadingCorrect.text(lang)}</button>
            </div>
        }
    });
    html! { <>{ for views }</> }
}

/// The columns the form lacks, and what that means for its figures: always in view.
fn missing(reading: &FormReading, lang: Lang) -> Option<Html> {
    (!reading.missing.is_empty()).then(|| {
        let notes: Vec<&str> = reading.missing.iter().map(|role| messages::missing_note(*role, lang)).collect();
        html! {
            <p class="reading-missing" data-testid="reading-missing">{T::ReadingMissing.text(lang)}{notes.join("；")}</p>
        }
    })
}

/// The rows left out, each with why.
fn skipped_rows(reading: &FormReading, lang: Lang) -> Option<Html> {
    (!reading.skipped.is_empty()).then(|| {
        let rows = reading.skipped.iter().map(|skipped| html! {
            <li data-testid="reading-skipped">
                <span class="skipped-row">{skipped.text.replace('\n', " ")}</span>{" — "}<span class="skipped-why">{messages::skip_reason(skipped.why, lang)}</span>
            </li>
        });
        html! { <ul class="reading-skipped">{ for rows }</ul> }
    })
}
