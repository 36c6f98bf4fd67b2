//! The review table: one row per form of the set, sorted by a click on a column's header
//! (again: the other way), each row opening its form in the editor (a click, or Enter; ↑ and ↓
//! move between rows). One handler for the whole table, not one per row.
//!
//! A set has hundreds of forms: building every row at once held the page for a fifth of a
//! second after each sort. The rows the order shows first are drawn at once, in a body of
//! their own, and the rest follow a chunk a task later, so a sort or a filter is on screen
//! within a frame and the page answers while the rest arrive.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use zipin_core::model::{FormId, FormKind};
use zipin_core::number::{percent, plain, two_places};
use zipin_core::review::table::{Column, Sort};
use zipin_core::review::ReviewRow;
use zipin_core::score::Grade;

use crate::components::cell::target_of;
use crate::components::summary::grade_class;
use crate::i18n::{Lang, T};

/// Rows drawn at once, and added at each later task.
const CHUNK: usize = 60;

#[derive(Properties, PartialEq)]
pub struct ReviewTableProps {
    pub rows: Rc<Vec<ReviewRow>>,
    /// The rows shown, in order (indices into `rows`).
    pub shown: Rc<Vec<usize>>,
    pub sort: Sort,
    /// The form last opened from the table: its row is marked, and focused on coming back.
    pub opened: Option<FormId>,
    pub on_sort: Callback<Column>,
    pub on_open: Callback<FormId>,
}

fn header(column: Column) -> T {
    match column {
        Column::File => T::ColumnFile,
        Column::Unit => T::ColumnUnit,
        Column::Kind => T::ColumnKind,
        Column::Name => T::ColumnName,
        Column::ClaimedTotal => T::ClaimedTotalShort,
        Column::Total => T::ReviewedTotal,
        Column::Difference => T::Difference,
        Column::ClaimedGrade => T::ClaimedGradeShort,
        Column::Grade => T::ReviewedGrade,
        Column::Rate => T::ColumnRate,
        Column::Errors => T::ColumnErrors,
        Column::Warnings => T::ColumnWarnings,
        Column::Infos => T::ColumnInfos,
    }
}

/// The kind as the table shows it.
pub fn kind_text(kind: FormKind, lang: Lang) -> &'static str {
    match kind {
        FormKind::Department => T::KindDepartmentShort.text(lang),
        FormKind::Project => T::KindProjectShort.text(lang),
    }
}

/// A number cell: `data-value` exact, the text as the forms write it.
fn number_cell(field: &'static str, value: Option<rust_decimal::Decimal>, text: String) -> Html {
    html! {
        <td data-field={field} data-value={value.map(plain).unwrap_or_default()} class="num">{text}</td>
    }
}

fn grade_cell(field: &'static str, grade: Option<Grade>, differs: bool) -> Html {
    html! {
        <td data-field={field} class={classes!("grade", grade_class(grade), differs.then_some("differs"))}>
            {grade.map_or("—", Grade::label)}
        </td>
    }
}

fn count_cell(field: &'static str, count: usize, class: &'static str) -> Html {
    html! {
        <td data-field={field} data-value={count.to_string()} class={classes!("num", (count > 0).then_some(class))}>
            {if count > 0 { count.to_string() } else { String::new() }}
        </td>
    }
}

fn row_html(row: &ReviewRow, active: bool, lang: Lang) -> Html {
    let dash = || "—".to_owned();
    html! {
        <tr data-testid="review-row" key={row.form.0} data-form-id={row.form.0.to_string()} tabindex="0"
            class={classes!(active.then_some("active"))} title={T::OpenInEditor.text(lang)}>
            <td data-field="file" class="file">{&row.file}</td>
            <td data-field="unit">{&row.unit}</td>
            <td data-field="kind">{kind_text(row.kind, lang)}</td>
            <th scope="row" data-field="name">{&row.name}</th>
            { number_cell("claimed-total", row.claimed_total, row.claimed_total.map_or_else(dash, plain)) }
            { number_cell("total", row.total, row.total.map_or_else(dash, two_places)) }
            <td data-field="difference" data-value={row.difference.map(plain).unwrap_or_default()}
                class={classes!("num", row.difference.map(|_| "differs"))}>
                {row.difference.map(|d| format!("{:+}", d.normalize())).unwrap_or_default()}
            </td>
            { grade_cell("claimed-grade", row.claimed_grade, false) }
            { grade_cell("grade", row.grade, row.grade_changed()) }
            { number_cell("rate", row.rate, row.rate.map_or_else(dash, percent)) }
            { count_cell("errors", row.errors, "error") }
            { count_cell("warnings", row.warnings, "warning") }
            { count_cell("infos", row.infos, "info") }
        </tr>
    }
}

/// The form a row of the table stands for.
fn form_of(element: &web_sys::Element) -> Option<FormId> {
    element
        .closest("[data-testid=\"review-row\"]")
        .ok()
        .flatten()?
        .get_attribute("data-form-id")?
        .parse()
        .ok()
        .map(FormId)
}

#[function_component]
pub fn ReviewTable(props: &ReviewTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let onclick = {
        let (on_sort, on_open) = (props.on_sort.clone(), props.on_open.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(target) = target_of(&event) else {
                return;
            };
            let sorted = target
                .closest("[data-sort]")
                .ok()
                .flatten()
                .and_then(|button| button.get_attribute("data-sort"))
                .and_then(|key| Column::from_key(&key));
            if let Some(column) = sorted {
                on_sort.emit(column);
            } else if let Some(form) = form_of(&target) {
                on_open.emit(form);
            }
        })
    };
    let onkeydown = {
        let on_open = props.on_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(target) = target_of(&event) else {
                return;
            };
            if target.get_attribute("data-testid").as_deref() != Some("review-row") {
                return;
            }
            let next = match event.key().as_str() {
                "Enter" => {
                    if let Some(form) = form_of(&target) {
                        event.prevent_default();
                        on_open.emit(form);
                    }
                    return;
                }
                "ArrowDown" => target.next_element_sibling(),
                "ArrowUp" => target.previous_element_sibling(),
                _ => return,
            };
            if let Some(row) = next.and_then(|row| row.dyn_into::<HtmlElement>().ok()) {
                event.prevent_default();
                let _ = row.focus();
            }
        })
    };
    // Coming back from a form: its row is where the focus returns.
    {
        let opened = props.opened;
        use_effect_with((), move |_| {
            let Some(opened) = opened else {
                return;
            };
            let row = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector(&format!(
                        "[data-testid=\"review-row\"][data-form-id=\"{}\"]",
                        opened.0
                    ))
                    .ok()
                    .flatten()
                })
                .and_then(|row| row.dyn_into::<HtmlElement>().ok());
            if let Some(row) = row {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                row.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = row.focus();
            }
        });
    }
    let headers = Column::ALL.into_iter().map(|column| {
        let sorted = props.sort.column == column;
        let order = match (sorted, props.sort.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        let arrow = match order {
            "descending" => " ↓",
            "ascending" => " ↑",
            _ => "",
        };
        html! {
            <th scope="col" aria-sort={order} data-field={column.key()}>
                <button type="button" class="sort" data-sort={column.key()}>{header(column).text(lang)}{arrow}</button>
            </th>
        }
    });
    // How many rows of this order are drawn: a new order starts again from the first chunk;
    // the table's first order is drawn as far as the form last opened, so that coming back
    // from it finds its row.
    let drawn = use_mut_ref(|| (Rc::new(Vec::new()), 0_usize, 0_u32));
    let redraw = use_state(|| 0_u32);
    let (visible, generation) = {
        let mut drawn = drawn.borrow_mut();
        if !Rc::ptr_eq(&drawn.0, &props.shown) {
            let rows = &props.rows;
            let active_at = props.shown.iter().position(|&index| {
                rows.get(index)
                    .is_some_and(|row| Some(row.form) == props.opened)
            });
            let first = drawn.2 == 0;
            let reach = active_at
                .filter(|_| first)
                .map_or(0, |at| at.saturating_add(1));
            *drawn = (
                props.shown.clone(),
                CHUNK.max(reach),
                drawn.2.wrapping_add(1),
            );
        }
        (drawn.1, drawn.2)
    };
    {
        let (drawn, redraw) = (drawn.clone(), redraw.clone());
        let total = props.shown.len();
        use_effect_with((generation, visible), move |_| {
            let more = (visible < total).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    let mut drawn = drawn.borrow_mut();
                    drawn.1 = drawn.1.saturating_add(CHUNK);
                    redraw.set(redraw.wrapping_add(1));
                })
            });
            move || drop(more)
        });
    }
    let rows = props
        .shown
        .iter()
        .take(visible)
        .filter_map(|&index| props.rows.get(index))
        .map(|row| row_html(row, Some(row.form) == props.opened, lang));
    html! {
        <table class="review-table" data-testid="review-table" {onclick} {onkeydown}>
            <thead><tr>{ for headers }</tr></thead>
            <tbody key={generation}>{ for rows }</tbody>
        </table>
    }
}
