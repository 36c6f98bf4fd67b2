//! One third-level indicator row: its cells, its computed score with the formula behind it,
//! and its row buttons (the grid handles them for all rows). It re-renders only when its own
//! row or score changes.

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{FormId, Indicator, RowField, SectionId};
use zipin_core::number::{plain, two_places};
use zipin_core::profile::Profile;
use zipin_core::score::{band_words, RowKind, RowScore, Source};
use zipin_core::value::Level;

use crate::components::cell::{editor, Hooks};
use crate::i18n::{Lang, T};
use crate::marks::{mark_class, Mark};
use crate::shared::Shared;
use crate::state::Action;
use crate::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct IndicatorRowProps {
    pub form: FormId,
    pub section: SectionId,
    /// The section's name: shown in the first row, carried (merged) by the others.
    pub level1: AttrValue,
    pub first_in_section: bool,
    /// The 二级指标 continues the row above (shown merged).
    pub level2_continued: bool,
    /// The section's declared weight ("50" of "产出指标(50分)"), edited in its first row.
    pub declared: AttrValue,
    pub row: Shared<Indicator>,
    pub score: RowScore,
    pub profile: Shared<Profile>,
    /// Findings on this row's cells.
    #[prop_or_default]
    pub marks: Vec<Mark>,
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
    let row_name = if row.name.trim().is_empty() {
        props.level1.to_string()
    } else {
        row.name.trim().to_owned()
    };
    // Plain inputs: the form handles their events for all its cells at once (see `cell`).
    let cell = |field: RowField, value: &str, multiline: bool, class: &'static str| {
        let label = format!("{} {}", field_title(field).text(lang), row_name);
        let mark = props.marks.iter().find(|m| m.field == field.key());
        let numeric = matches!(field, RowField::Weight | RowField::Score);
        html! {
            <td role="cell" data-field={field.key()} class={classes!(class, mark.map(|m| mark_class(m.severity)))}
                title={mark.map(|m| m.messages.clone())}>
                { editor(AttrValue::from(value.to_owned()), label.into(), multiline, numeric, Hooks::default()) }
            </td>
        }
    };
    let level1 = if props.first_in_section {
        let declared_label = format!("{} {}", props.level1, T::DeclaredWeight.text(lang));
        html! {
            <td role="cell" data-field="level1" class="level1" data-section-id={props.section.0.to_string()}>
                { editor(props.level1.clone(), T::Level1.text(lang).into(), true, false, Hooks::default()) }
                <label class="declared">
                    {"（"}
                    { editor(props.declared.clone(), declared_label.into(), false, true, Hooks { declared: Some(props.section), ..Hooks::default() }) }
                    {T::Points.text(lang)}{"）"}
                </label>
            </td>
        }
    } else {
        html! { <td role="cell" data-field="level1" class="level1 merged"><span class="merged-text">{props.level1.clone()}</span></td> }
    };
    let level2_class = if props.level2_continued {
        "continued"
    } else {
        ""
    };
    let computed = computed_cell(props, lang);
    html! {
        <tr data-testid="indicator-row" data-row-id={row.id.0.to_string()} role="row"
            class={classes!(props.marks.iter().map(|m| m.severity).min().map(|s| format!("row-{}", s.key())))}>
            { level1 }
            { cell(RowField::Level2, &row.level2, true, level2_class) }
            { cell(RowField::Name, &row.name, true, "") }
            { cell(RowField::Target, &row.target, true, "") }
            { cell(RowField::Actual, &row.actual, true, "") }
            { cell(RowField::Weight, &row.weight, false, "") }
            { cell(RowField::Score, &row.score, false, "") }
            { computed }
            { cell(RowField::Reason, &row.reason, true, "") }
            <td role="cell" class="row-actions">
                <button type="button" class="icon" data-testid="move-row-up" tabindex="-1" data-action="up" title={T::MoveUp.text(lang)}
                    aria-label={format!("{} {}", T::MoveUp.text(lang), row_name)}>{"↑"}</button>
                <button type="button" class="icon" data-testid="move-row-down" tabindex="-1" data-action="down" title={T::MoveDown.text(lang)}
                    aria-label={format!("{} {}", T::MoveDown.text(lang), row_name)}>{"↓"}</button>
                <button type="button" class="icon" data-testid="insert-row" tabindex="-1" data-action="insert" title={T::InsertRow.text(lang)}
                    aria-label={format!("{} {}", T::InsertRow.text(lang), row_name)}>{"＋"}</button>
                <button type="button" class="icon danger" data-testid="remove-row" tabindex="-1" data-action="remove" title={T::RemoveRow.text(lang)}
                    aria-label={format!("{} {}", T::RemoveRow.text(lang), row_name)}>{"✕"}</button>
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

/// The computed score with its formula (shown on hover and focus), or why there is none; a
/// qualitative row offers its three levels with their bands.
fn computed_cell(props: &IndicatorRowProps, lang: Lang) -> Html {
    let score = &props.score;
    let explanation = score.explanation(&props.profile);
    let (shown, value) = match score.computed {
        Some(computed) => (
            html! { <span class="computed-value">{two_places(computed)}</span> },
            plain(computed),
        ),
        // A row nothing was typed into has nothing to explain.
        None if RowField::ALL
            .iter()
            .all(|field| props.row.field(*field).trim().is_empty()) =>
        {
            (html! {}, String::new())
        }
        None => (
            html! { <span class="why">{why_not(&score.kind).text(lang)}</span> },
            String::new(),
        ),
    };
    let suggested = (score.source == Source::Suggested)
        .then(|| html! { <small class="suggested">{T::Suggested.text(lang)}</small> });
    html! {
        <td role="cell" data-field="computed-score" class="computed" data-value={value} title={explanation.clone()}>
            { shown }
            { for suggested }
            { level_choice(props, lang) }
            <span class="explain" role="tooltip">{explanation}</span>
        </td>
    }
}

/// The level select of a qualitative row: 按实际值判定, or one of the three levels with the
/// band of scores it allows under the document's profile.
fn level_choice(props: &IndicatorRowProps, lang: Lang) -> Html {
    let qualitative = matches!(props.score.kind, RowKind::Qualitative { .. });
    if !qualitative && props.row.level.is_none() {
        return html! {};
    }
    let onchange = {
        let dispatch = props.dispatch.clone();
        let (form, row) = (props.form, props.row.id);
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let level = Level::ALL.into_iter().find(|level| level.label() == value);
            dispatch.dispatch(Action::Edit(Edit::SetLevel { form, row, level }));
        })
    };
    let weight = props.score.weight;
    let options = Level::ALL.into_iter().map(|level| {
        // A row without a weight (a form that caps only its sections) has no band to show.
        let shown = weight.map_or_else(|| level.label().to_owned(), |weight| band_words(level, weight, &props.profile));
        html! { <option value={level.label()} selected={props.row.level == Some(level)}>{shown}</option> }
    });
    html! {
        <select class="level" data-testid="level" aria-label={format!("{} {}", T::LevelAuto.text(lang), props.row.name.trim())} {onchange}>
            <option value="" selected={props.row.level.is_none()}>{T::LevelAuto.text(lang)}</option>
            { for options }
        </select>
    }
}
