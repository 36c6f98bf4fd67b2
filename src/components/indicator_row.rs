//! One third-level indicator row: its cells, its computed score with the formula behind it,
//! and its row actions. It re-renders only when its own row or score changes.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{Indicator, RowField, RowId};
use zipin_core::number::{plain, two_places};
use zipin_core::score::{RowKind, RowScore, Source};

use crate::components::cell::{Cell, CellAddress};
use crate::i18n::{Lang, T};
use crate::state::Action;
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct IndicatorRowProps {
    pub form: RowId,
    pub section: RowId,
    /// The section's name: shown in the first row, carried (merged) by the others.
    pub level1: AttrValue,
    pub first_in_section: bool,
    /// The 二级指标 continues the row above (shown merged).
    pub level2_continued: bool,
    /// The section's declared weight ("50" of "产出指标(50分)"), edited in its first row.
    pub declared: AttrValue,
    pub row: Rc<Indicator>,
    pub score: RowScore,
    pub dispatch: Dispatch,
}

/// The column title of each field, for labels.
pub fn field_title(field: RowField) -> T {
    match field {
        RowField::Level1 => T::Level1,
        RowField::Level2 => T::Level2,
        RowField::Name => T::Level3,
        RowField::Target => T::Target,
        RowField::Actual => T::Actual,
        RowField::Weight => T::Weight,
        RowField::Score => T::EnteredScore,
        RowField::Reason => T::Reason,
    }
}

#[function_component]
pub fn IndicatorRow(props: &IndicatorRowProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let row = &props.row;
    let row_name = if row.name.trim().is_empty() { props.level1.to_string() } else { row.name.trim().to_owned() };
    let cell = |field: RowField, value: &str, multiline: bool, class: &'static str| {
        let address = CellAddress::Row { form: props.form, row: row.id, field };
        let label = format!("{} {}", field_title(field).text(lang), row_name);
        html! {
            <td data-field={field.key()} class={class}>
                <Cell {address} value={value.to_owned()} {label} {multiline} dispatch={props.dispatch.clone()}
                    class={if matches!(field, RowField::Weight | RowField::Score) { "num" } else { "" }} />
            </td>
        }
    };
    let level1 = if props.first_in_section {
        let address = CellAddress::Row { form: props.form, row: row.id, field: RowField::Level1 };
        let declared = CellAddress::SectionWeight { form: props.form, section: props.section };
        html! {
            <td data-field="level1" class="level1">
                <Cell {address} value={props.level1.clone()} label={T::Level1.text(lang)} multiline=true dispatch={props.dispatch.clone()} />
                <label class="declared">
                    {"（"}
                    <Cell address={declared} value={props.declared.clone()} label={format!("{} {}", props.level1, T::DeclaredWeight.text(lang))}
                        dispatch={props.dispatch.clone()} class="num" />
                    {T::Points.text(lang)}{"）"}
                </label>
            </td>
        }
    } else {
        html! { <td data-field="level1" class="level1 merged"><span class="merged-text">{props.level1.clone()}</span></td> }
    };
    let level2_class = if props.level2_continued { "continued" } else { "" };
    let computed = computed_cell(&props.score, lang);
    let remove = {
        let dispatch = props.dispatch.clone();
        let (form, id) = (props.form, row.id);
        Callback::from(move |_| dispatch.dispatch(Action::Edit(Edit::RemoveRow { form, row: id })))
    };
    let insert = {
        let dispatch = props.dispatch.clone();
        let (form, section, id) = (props.form, props.section, row.id);
        Callback::from(move |_| dispatch.dispatch(Action::Edit(Edit::AddRow { form, section, after: Some(id) })))
    };
    html! {
        <tr data-testid="indicator-row" data-row-id={row.id.0.to_string()}>
            { level1 }
            { cell(RowField::Level2, &row.level2, true, level2_class) }
            { cell(RowField::Name, &row.name, true, "") }
            { cell(RowField::Target, &row.target, true, "") }
            { cell(RowField::Actual, &row.actual, true, "") }
            { cell(RowField::Weight, &row.weight, false, "") }
            { cell(RowField::Score, &row.score, false, "") }
            { computed }
            { cell(RowField::Reason, &row.reason, true, "") }
            <td class="row-actions">
                <button type="button" class="icon" data-testid="insert-row" title={T::InsertRow.text(lang)}
                    aria-label={format!("{} {}", T::InsertRow.text(lang), row_name)} onclick={insert}>{"＋"}</button>
                <button type="button" class="icon danger" data-testid="remove-row" title={T::RemoveRow.text(lang)}
                    aria-label={format!("{} {}", T::RemoveRow.text(lang), row_name)} onclick={remove}>{"✕"}</button>
            </td>
        </tr>
    }
}

/// Why a row has no computed score, in two or three words (the tooltip has the sentence).
fn why_not(kind: &RowKind) -> T {
    match kind {
        RowKind::UnitsDiffer(_) => T::WhyUnitsDiffer,
        RowKind::Qualitative { .. } => T::WhyNoLevel,
        RowKind::Incomplete => T::WhyIncomplete,
        RowKind::Quantitative { .. } => T::CannotCompute,
    }
}

/// The computed score with its formula (shown on hover and focus), or why there is none.
fn computed_cell(score: &RowScore, lang: Lang) -> Html {
    let (shown, value) = match score.computed {
        Some(computed) => (html! { <span class="computed-value">{two_places(computed)}</span> }, plain(computed)),
        None => (html! { <span class="why">{why_not(&score.kind).text(lang)}</span> }, String::new()),
    };
    let suggested = (score.source == Source::Suggested).then(|| html! { <small class="suggested">{T::Suggested.text(lang)}</small> });
    html! {
        <td data-field="computed-score" class="computed" data-value={value} title={score.explanation.clone()} tabindex="0">
            { shown }
            { for suggested }
            <span class="explain" role="tooltip">{score.explanation.clone()}</span>
        </td>
    }
}
