//! The summary of every form in the document — total as filed and as reviewed, their
//! difference, both grades, the findings — whose rows open their form, and the tabs that
//! switch between forms.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{Document, FormId, FormKind};
use zipin_core::number::{plain, read_number, round2, two_places};
use zipin_core::score::{Grade, NOT_SCORED};
use zipin_core::Evaluation;

use crate::components::cell::target_of;
use crate::i18n::{Lang, T};
use crate::shared::Shared;
use crate::state::imports::{ImportRecord, Readings};
use crate::state::Action;
use crate::state::Dispatch;

/// What the views of a whole document take: the summary, the form tabs and the workspace
/// around them.
#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub document: Shared<Document>,
    /// The evaluation of each form, in order.
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    /// The form shown (the first when it is gone).
    pub active: FormId,
    pub dispatch: Dispatch,
    /// The last import, for the paste box's report.
    #[prop_or_default]
    pub last_import: Option<Shared<ImportRecord>>,
    /// How each imported form was read, for its header.
    #[prop_or_default]
    pub readings: Shared<Readings>,
    /// The size of a large paste being read, announced in the paste box.
    #[prop_or_default]
    pub reading: Option<usize>,
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
    // One handler for the table: a click anywhere in a row shows its form.
    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            let id = target_of(&event)
                .and_then(|target| target.closest("[data-form-id]").ok().flatten())
                .and_then(|row| row.get_attribute("data-form-id"))
                .and_then(|id| id.parse().ok());
            if let Some(id) = id {
                dispatch.dispatch(Action::Select(FormId(id)));
            }
        })
    };
    let rows = props.document.forms.iter().zip(props.evaluations.iter()).map(|(form, evaluation)| {
        let score = &evaluation.score;
        let claimed = read_number(&form.claim.total).value();
        let claimed_grade = Grade::parse(&form.claim.grade);
        let difference = claimed.zip(score.total).map(|(claimed, total)| round2(claimed).saturating_sub(total)).filter(|d| !d.is_zero());
        let grade_differs = claimed_grade.zip(score.grade).is_some_and(|(a, b)| a != b);
        html! {
            <tr data-testid="summary-row" key={form.id.0} data-form-id={form.id.0.to_string()}
                class={classes!((form.id == props.active).then_some("active"))} title={T::OpenForm.text(lang)}>
                <th scope="row" data-field="name">{display_name(&form.name, form.kind, lang)}</th>
                <td data-field="claimed-total" data-value={claimed.map(plain).unwrap_or_default()} class="num">
                    {claimed.map_or_else(|| "—".to_owned(), two_places)}
                </td>
                <td data-field="total" data-value={score.total.map(plain).unwrap_or_default()} class="num"
                    title={score.not_computable().unwrap_or_default()}>
                    {score.total.map_or_else(|| "—".to_owned(), two_places)}
                </td>
                <td data-field="difference" data-value={difference.map(plain).unwrap_or_default()} class={classes!("num", difference.map(|_| "differs"))}>
                    {difference.map(|d| format!("{:+}", d.normalize())).unwrap_or_default()}
                </td>
                <td data-field="claimed-grade" class="grade">{claimed_grade.map_or("—", Grade::label)}</td>
                <td data-field="grade" class={classes!("grade", grade_class(score.grade), grade_differs.then_some("differs"))}>{grade_label(score.grade, form.has_content())}</td>
                { findings_cell(evaluation, lang) }
            </tr>
        }
    });
    html! {
        <table class="summary" data-testid="forms-summary" {onclick}>
            <caption>{T::Summary.text(lang)}</caption>
            <thead>
                <tr>
                    <th scope="col">{T::SummaryName.text(lang)}</th>
                    <th scope="col">{T::ClaimedTotalShort.text(lang)}</th>
                    <th scope="col">{T::ReviewedTotal.text(lang)}</th>
                    <th scope="col">{T::Difference.text(lang)}</th>
                    <th scope="col">{T::ClaimedGradeShort.text(lang)}</th>
                    <th scope="col">{T::ReviewedGrade.text(lang)}</th>
                    <th scope="col">{T::SummaryFindings.text(lang)}</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The findings of a form counted by severity; only the kinds it has.
fn findings_cell(evaluation: &Evaluation, lang: Lang) -> Html {
    let (errors, warnings, infos) = evaluation.counts();
    let count = |n: usize, class: &'static str, title: T| {
        (n > 0).then(
            || html! { <span class={classes!("count", class)} title={title.text(lang)}>{n}</span> },
        )
    };
    html! {
        <td data-field="findings" data-value={evaluation.findings.len().to_string()} data-errors={errors.to_string()}
            data-warnings={warnings.to_string()} data-infos={infos.to_string()} class="num findings-count">
            { count(errors, "error", T::SeverityError) }
            { count(warnings, "warning", T::SeverityWarning) }
            { count(infos, "info", T::SeverityInfo) }
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

/// The grade as the forms write it; 未评分 where the form holds something but no row is
/// scored; — on a form nothing was put into yet.
pub fn grade_label(grade: Option<Grade>, started: bool) -> &'static str {
    match grade {
        Some(grade) => grade.label(),
        None if started => NOT_SCORED,
        None => "—",
    }
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
                class={classes!("tab", active.then_some("active"))} onclick={select} title={display_name(&form.name, form.kind, lang)}>
                {display_name(&form.name, form.kind, lang)}
            </button>
        }
    });
    let add = |kind: FormKind, text: T| {
        let dispatch = props.dispatch.clone();
        let onclick =
            Callback::from(move |_| dispatch.dispatch(Action::Edit(Edit::AddForm { kind })));
        html! { <button type="button" class="add-form" {onclick}>{format!("＋ {}", text.text(lang))}</button> }
    };
    html! {
        <nav class="tabs" aria-label={T::Forms.text(lang)}>
            <div class="tab-list" role="tablist">{ for tabs }</div>
            { add(FormKind::Department, T::KindDepartment) }
            { add(FormKind::Project, T::KindProject) }
        </nav>
    }
}
