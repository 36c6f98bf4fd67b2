//! The summary of every form in the document (total, grade, findings), and the tabs that
//! switch between forms.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{Document, FormKind, RowId};
use zipin_core::number::{plain, two_places};

use crate::imports::{ImportRecord, Readings};
use zipin_core::score::{Grade, NOT_SCORED};
use zipin_core::Evaluation;

use crate::i18n::{Lang, T};
use crate::shared::Shared;
use crate::state::Action;
use crate::Dispatch;

/// What the views of a whole document take: the summary, the form tabs and the workspace
/// around them.
#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub document: Shared<Document>,
    /// The evaluation of each form, in order.
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    /// The form shown (the first when it is gone).
    pub active: RowId,
    pub dispatch: Dispatch,
    /// The last import, for the paste box's report.
    #[prop_or_default]
    pub last_import: Option<Shared<ImportRecord>>,
    /// How each imported form was read, for its header.
    #[prop_or_default]
    pub readings: Shared<Readings>,
}

/// A form's name, or its kind when it has none yet.
pub fn display_name(name: &str, kind: FormKind, lang: Lang) -> String {
    if name.trim().is_empty() {
        match kind {
            FormKind::Department => T::KindDepartment.text(lang).to_owned(),
            FormKind::Project => T::KindProject.text(lang).to_owned(),
        }
    } else {
        name.trim().to_owned()
    }
}

#[function_component]
pub fn Summary(props: &DocumentProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let rows = props.document.forms.iter().zip(props.evaluations.iter()).map(|(form, evaluation)| {
        let score = &evaluation.score;
        html! {
            <tr data-testid="summary-row" key={form.id.0} class={classes!((form.id == props.active).then_some("active"))}>
                <td data-field="name">{display_name(&form.name, form.kind, lang)}</td>
                <td data-field="total" data-value={score.total.map(plain).unwrap_or_default()} class="num"
                    title={score.not_computable().unwrap_or_default()}>
                    {score.total.map_or_else(|| "—".to_owned(), two_places)}
                </td>
                <td data-field="grade" class={classes!("grade", grade_class(score.grade))}>{grade_label(score.grade)}</td>
                { findings_cell(evaluation, lang) }
            </tr>
        }
    });
    html! {
        <table class="summary" data-testid="forms-summary">
            <caption>{T::Summary.text(lang)}</caption>
            <thead>
                <tr>
                    <th scope="col">{T::SummaryName.text(lang)}</th>
                    <th scope="col">{T::Total.text(lang)}</th>
                    <th scope="col">{T::Grade.text(lang)}</th>
                    <th scope="col">{T::SummaryFindings.text(lang)}</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The findings of a form counted by severity: errors, warnings, notes.
fn findings_cell(evaluation: &Evaluation, lang: Lang) -> Html {
    let (errors, warnings, infos) = evaluation.counts();
    html! {
        <td data-field="findings" data-value={evaluation.findings.len().to_string()} data-errors={errors.to_string()}
            data-warnings={warnings.to_string()} data-infos={infos.to_string()} class="num findings-count">
            <span class="count error" title={T::SeverityError.text(lang)}>{errors}</span>
            <span class="count warning" title={T::SeverityWarning.text(lang)}>{warnings}</span>
            <span class="count info" title={T::SeverityInfo.text(lang)}>{infos}</span>
        </td>
    }
}

/// A CSS class per grade, for its colour.
pub fn grade_class(grade: Option<Grade>) -> &'static str {
    match grade {
        Some(Grade::Excellent) => "grade-excellent",
        Some(Grade::Good) => "grade-good",
        Some(Grade::Fair) => "grade-fair",
        Some(Grade::Poor) => "grade-poor",
        None => "grade-none",
    }
}

/// The grade as the forms write it, or 未评分 where no row is scored.
pub fn grade_label(grade: Option<Grade>) -> &'static str {
    grade.map_or(NOT_SCORED, Grade::label)
}

#[function_component]
pub fn FormTabs(props: &DocumentProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let tabs = props.document.forms.iter().map(|form| {
        let select = {
            let dispatch = props.dispatch.clone();
            let id = form.id;
            Callback::from(move |_| dispatch.dispatch(Action::Select(id)))
        };
        let active = form.id == props.active;
        html! {
            <button type="button" role="tab" key={form.id.0} data-testid="form-tab" aria-selected={active.to_string()}
                class={classes!("tab", active.then_some("active"))} onclick={select}>
                {display_name(&form.name, form.kind, lang)}
            </button>
        }
    });
    let add = |kind: FormKind, text: T| {
        let dispatch = props.dispatch.clone();
        let onclick =
            Callback::from(move |_| dispatch.dispatch(Action::Edit(Edit::AddForm { kind })));
        html! { <button type="button" class="tab add" {onclick}>{format!("＋ {}", text.text(lang))}</button> }
    };
    html! {
        <nav class="tabs" aria-label={T::Forms.text(lang)}>
            <div class="tab-list" role="tablist">{ for tabs }</div>
            { add(FormKind::Department, T::KindDepartment) }
            { add(FormKind::Project, T::KindProject) }
        </nav>
    }
}
