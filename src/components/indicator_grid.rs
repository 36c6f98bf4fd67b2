//! The indicator table laid out like the official form: a header, then each section's rows
//! and its subtotal. Rows come in chunks of [`CHUNK`], each its own fixed-layout table with the
//! same columns, so an edit re-lays out one chunk instead of all 2,000 rows, and chunks off
//! screen are skipped by the browser (`content-visibility: auto`). Together they still read
//! as one table (`role="table"`, rows and cells with their roles).

use std::ops::Range;

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{Form, FormId, Indicator, RowField, RowId, SectionId};
use zipin_core::number::{plain, two_places};
use zipin_core::profile::Profile;
use zipin_core::score::RowScore;
use zipin_core::Evaluation;

use crate::components::cell::{follow_row_edit, target_of};
use crate::components::indicator_row::IndicatorRow;
use crate::i18n::{Lang, T};
use crate::marks::{Mark, Marks};
use crate::shared::Shared;
use crate::state::Action;
use crate::state::Dispatch;

/// Rows per chunk.
pub const CHUNK: usize = 40;

/// Chunks added at each tick. A newly shown grid renders none at first: the form's totals,
/// grade and findings (and the summary of every form) reach the screen without waiting for
/// its rows, which follow in the next task; a form of thousands of rows then appears a few
/// hundred rows at a time, and the page answers between the steps.
const CHUNKS_PER_STEP: usize = 3;

/// Column widths, shared by every chunk so the columns line up.
fn columns() -> Html {
    html! {
        <colgroup>
            <col class="c-level1" /><col class="c-level2" /><col class="c-name" /><col class="c-value" /><col class="c-value" />
            <col class="c-num" /><col class="c-num" /><col class="c-computed" /><col class="c-reason" /><col class="c-actions" />
        </colgroup>
    }
}

#[derive(Properties, PartialEq)]
pub struct IndicatorGridProps {
    pub form: Shared<Form>,
    pub marks: Shared<Marks>,
    pub profile: Shared<Profile>,
    pub evaluation: Shared<Evaluation>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn IndicatorGrid(props: &IndicatorGridProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = &props.form;
    let total_chunks: usize = form
        .sections
        .iter()
        .map(|s| s.rows.len().div_ceil(CHUNK))
        .sum();
    let shown = use_state(|| 0);
    {
        let shown = shown.clone();
        use_effect_with((*shown, total_chunks), move |(count, total)| {
            let next = (*count < *total).then(|| {
                let count = *count;
                gloo::timers::callback::Timeout::new(0, move || shown.set(count + CHUNKS_PER_STEP))
            });
            move || drop(next)
        });
    }
    let mut chunk_number = 0;
    // Where the section's first row is in the evaluation's rows.
    let mut section_start = 0;
    let sections = form.sections.iter().zip(&props.evaluation.score.sections).map(|(section, section_score)| {
        let first_row = section_start;
        section_start += section.rows.len();
        if chunk_number >= *shown {
            // Not yet: a later step renders this section.
            return html! {};
        }
        let level1 = AttrValue::from(section.name.clone());
        let declared = AttrValue::from(section.declared_weight.clone());
        let continued: Vec<bool> = section
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let level2 = row.level2.trim();
                i.checked_sub(1).and_then(|p| section.rows.get(p)).is_some_and(|prev| !level2.is_empty() && prev.level2.trim() == level2)
            })
            .collect();
        let chunks = section.rows.chunks(CHUNK).zip(continued.chunks(CHUNK)).enumerate().map(
            |(index, (rows, continued))| {
                chunk_number += 1;
                if chunk_number > *shown {
                    return html! {};
                }
                let start = first_row + index * CHUNK;
                let scores = ScoreWindow { evaluation: props.evaluation.clone(), rows: start..start + rows.len() };
                html! {
                    <RowChunk key={format!("{}-{index}", section.id.0)} form={form.id} section={section.id} level1={level1.clone()}
                        declared={declared.clone()} starts_section={index == 0}
                        rows={rows.iter().map(|r| Shared(r.clone())).collect::<Vec<Shared<Indicator>>>()}
                        {scores} continued={continued.to_vec()} profile={props.profile.clone()}
                        marks={rows.iter().map(|r| props.marks.rows.get(&r.id).cloned().unwrap_or_default()).collect::<Vec<Vec<Mark>>>()}
                        dispatch={props.dispatch.clone()} />
                }
            },
        );
        let mismatch = form.has_content() && section_score.declared.is_some_and(|declared| declared != section_score.weight_sum);
        html! {
            <>
                { for chunks }
                <table class="indicators-part subtotal-part" role="presentation" key={format!("subtotal-{}", section.id.0)}>
                    { columns() }
                    <tbody role="presentation">
                        <tr class="subtotal" role="row" data-subtotal-of={section.id.0.to_string()}>
                            <th scope="row" colspan="5" role="rowheader">
                                {format!("{} {}", section.name, T::Subtotal.text(lang))}
                                <button type="button" class="add-row" data-testid="add-row" data-section={section.name.clone()} data-action="add-row">
                                    {T::AddRow.text(lang)}
                                </button>
                                <span class="section-actions">
                                    <button type="button" data-testid="add-section" data-action="add-section">{T::AddSection.text(lang)}</button>
                                    <button type="button" class="icon" data-testid="move-section-up" data-action="up" title={T::MoveUp.text(lang)}
                                        aria-label={format!("{} {}", T::MoveUp.text(lang), section.name)}>{"↑"}</button>
                                    <button type="button" class="icon" data-testid="move-section-down" data-action="down" title={T::MoveDown.text(lang)}
                                        aria-label={format!("{} {}", T::MoveDown.text(lang), section.name)}>{"↓"}</button>
                                    <button type="button" class="icon danger" data-testid="remove-section" data-action="remove" title={T::RemoveSection.text(lang)}
                                        aria-label={format!("{} {}", T::RemoveSection.text(lang), section.name)}>{"✕"}</button>
                                </span>
                            </th>
                            <td role="cell" class={classes!("num", "weight-sum", mismatch.then_some("bad"))}
                                data-value={plain(section_score.weight_sum)} title={T::WeightSum.text(lang)}>
                                {plain(section_score.weight_sum)}
                            </td>
                            <td role="cell" class="computed" data-testid="section-subtotal" data-section={section.name.clone()}
                                data-value={plain(section_score.subtotal)} colspan="2">
                                {two_places(section_score.subtotal)}
                            </td>
                            <td role="cell" colspan="2"></td>
                        </tr>
                    </tbody>
                </table>
            </>
        }
    });
    // One handler for the buttons of every row and section (the form handles the cells' events).
    let onclick = buttons(form.clone(), props.dispatch.clone());
    html! {
        <div class="indicators" data-testid="indicators" role="table" aria-label={T::Indicators.text(lang)} {onclick}>
            <table class="indicators-part indicators-head" role="presentation">
                { columns() }
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{T::Level1.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Level2.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Level3.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Target.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Actual.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Weight.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::EnteredScore.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::ComputedScore.text(lang)}</th>
                        <th scope="col" role="columnheader">{T::Reason.text(lang)}</th>
                        <th scope="col" role="columnheader"><span class="sr-only">{T::Actions.text(lang)}</span></th>
                    </tr>
                </thead>
            </table>
            { for sections }
        </div>
    }
}

/// The buttons of every row (↑ ↓ ＋ ✕) and section (＋行, ＋部分, ↑ ↓ ✕) of `form`, handled once
/// for the grid as its cells are: the button's `data-action` says what, its row's
/// `data-row-id` or its subtotal's `data-subtotal-of` which. Rows and sections then carry no
/// handlers of their own, so a form of thousands of rows is built and taken down without
/// registering four listeners a row.
fn buttons(form: Shared<Form>, dispatch: Dispatch) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        let Some(button) = target_of(&event)
            .and_then(|target| target.closest("button[data-action]").ok().flatten())
        else {
            return;
        };
        let Some(action) = button.get_attribute("data-action") else {
            return;
        };
        let id_of = |selector: &str, attribute: &str| {
            button
                .closest(selector)
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute(attribute))
                .and_then(|id| id.parse::<u64>().ok())
        };
        let edit = if let Some(row) = id_of("tr[data-row-id]", "data-row-id").map(RowId) {
            let edit = row_edit(&form, row, &action);
            if let Some(edit) = &edit {
                follow_row_edit(edit, &button, RowField::Name);
            }
            edit
        } else if let Some(section) =
            id_of("tr[data-subtotal-of]", "data-subtotal-of").map(SectionId)
        {
            section_edit(form.id, section, &action)
        } else {
            None
        };
        if let Some(edit) = edit {
            dispatch.dispatch(Action::Edit(edit));
        }
    })
}

/// What a row's button does.
fn row_edit(form: &Form, row: RowId, action: &str) -> Option<Edit> {
    match action {
        "up" => Some(Edit::MoveRow {
            form: form.id,
            row,
            by: -1,
        }),
        "down" => Some(Edit::MoveRow {
            form: form.id,
            row,
            by: 1,
        }),
        "insert" => Some(Edit::InsertRowAfter { form: form.id, row }),
        "remove" => Some(Edit::RemoveRow { form: form.id, row }),
        _ => None,
    }
}

/// What a section's button does.
fn section_edit(form: FormId, section: SectionId, action: &str) -> Option<Edit> {
    match action {
        "add-row" => Some(Edit::AddRow {
            form,
            section,
            after: None,
        }),
        "add-section" => Some(Edit::AddSection {
            form,
            after: Some(section),
        }),
        "up" => Some(Edit::MoveSection {
            form,
            section,
            by: -1,
        }),
        "down" => Some(Edit::MoveSection {
            form,
            section,
            by: 1,
        }),
        "remove" => Some(Edit::RemoveSection { form, section }),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
struct RowChunkProps {
    form: FormId,
    section: SectionId,
    level1: AttrValue,
    declared: AttrValue,
    /// Whether the chunk's first row is the section's first (it carries the 一级 cell).
    starts_section: bool,
    rows: Vec<Shared<Indicator>>,
    scores: ScoreWindow,
    continued: Vec<bool>,
    profile: Shared<Profile>,
    marks: Vec<Vec<Mark>>,
    dispatch: Dispatch,
}

/// A chunk's rows' scores, seen through the form's evaluation. Every edit brings a new
/// evaluation, and each of the grid's chunks is asked whether it must render again: a window
/// answers by comparing its scores in place, where copies of them would cost every chunk an
/// allocation and a clone of each score at each edit.
struct ScoreWindow {
    evaluation: Shared<Evaluation>,
    /// The chunk's rows, as indices into the evaluation's rows.
    rows: Range<usize>,
}

impl ScoreWindow {
    fn scores(&self) -> &[RowScore] {
        self.evaluation
            .score
            .rows
            .get(self.rows.clone())
            .unwrap_or_default()
    }
}

impl PartialEq for ScoreWindow {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
            && (self.evaluation == other.evaluation || self.scores() == other.scores())
    }
}

/// Up to [`CHUNK`] rows of one section; it re-renders only when one of its rows or scores does.
#[function_component]
fn RowChunk(props: &RowChunkProps) -> Html {
    let rows = props.rows.iter().zip(props.scores.scores()).zip(&props.continued).zip(&props.marks).enumerate().map(|(index, (((row, score), continued), marks))| {
        html! {
            <IndicatorRow key={row.id.0} form={props.form} section={props.section} level1={props.level1.clone()}
                first_in_section={props.starts_section && index == 0} level2_continued={*continued}
                declared={props.declared.clone()} row={row.clone()} score={score.clone()}
                profile={props.profile.clone()} marks={marks.clone()} dispatch={props.dispatch.clone()} />
        }
    });
    html! {
        <div class="chunk" role="rowgroup">
            <table class="indicators-part" role="presentation">
                { columns() }
                <tbody role="presentation">{ for rows }</tbody>
            </table>
        </div>
    }
}
