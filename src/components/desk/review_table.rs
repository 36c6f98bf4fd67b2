//! The review table: one row per form of the set, sorted by a click on a column's header
//! (again: the other way), each row opening its form in the editor (a click, or Enter; ↑ and ↓
//! move between rows). One handler for the whole table, not one per row.
//!
//! A set has hundreds of forms: building every row at once held the page for a fifth of a
//! second after each sort. The rows the order shows first are drawn at once, in a body of
//! their own, and the rest follow a chunk a task later, so a sort or a filter is on screen
//! within a frame and the page answers while the rest arrive. The rows are written as markup
//! into that body ([`row_markup`](super::row_markup) says why).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use zipin_core::model::FormId;
use zipin_core::review::table::{Column, Sort};
use zipin_core::review::ReviewRow;

use super::row_markup::push_row;
use crate::components::cell::target_of;
use crate::i18n::{Lang, T};

/// Rows drawn at once: a screenful and some, so that a new order is on screen in one frame.
const FIRST: usize = 24;
/// Rows added at each later task.
const CHUNK: usize = 60;

/// What the table's body holds: the order it shows, in which language, how many of its rows
/// are wanted and how many are written, and which body (a new order, a new body).
struct Drawn {
    shown: Rc<Vec<usize>>,
    lang: Lang,
    target: usize,
    written: usize,
    generation: u32,
}

/// Scrolls to the row of the form last opened and focuses it.
fn focus_opened(body: &Element, opened: Option<FormId>) {
    let Some(opened) = opened else {
        return;
    };
    let row = body
        .query_selector(&format!("[data-form-id=\"{}\"]", opened.0))
        .ok()
        .flatten()
        .and_then(|row| row.dyn_into::<HtmlElement>().ok());
    if let Some(row) = row {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        row.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = row.focus();
    }
}

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
    let drawn = use_mut_ref(|| Drawn {
        shown: Rc::new(Vec::new()),
        lang,
        target: 0,
        written: 0,
        generation: 0,
    });
    let redraw = use_state(|| 0_u32);
    let body = use_node_ref();
    let (target, generation) = {
        let mut drawn = drawn.borrow_mut();
        if !Rc::ptr_eq(&drawn.shown, &props.shown) || drawn.lang != lang {
            let rows = &props.rows;
            let active_at = props.shown.iter().position(|&index| {
                rows.get(index)
                    .is_some_and(|row| Some(row.form) == props.opened)
            });
            let first = drawn.generation == 0;
            let reach = active_at
                .filter(|_| first)
                .map_or(0, |at| at.saturating_add(1));
            *drawn = Drawn {
                shown: props.shown.clone(),
                lang,
                target: FIRST.max(reach),
                written: 0,
                generation: drawn.generation.wrapping_add(1),
            };
        }
        (drawn.target, drawn.generation)
    };
    {
        let (drawn, redraw, body) = (drawn.clone(), redraw.clone(), body.clone());
        let (rows, opened) = (props.rows.clone(), props.opened);
        use_effect_with((generation, target), move |_| {
            let total = {
                let mut state = drawn.borrow_mut();
                if let Some(body) = body.cast::<Element>() {
                    let mut markup = String::new();
                    let new_rows = state
                        .shown
                        .iter()
                        .skip(state.written)
                        .take(state.target.saturating_sub(state.written));
                    for row in new_rows.filter_map(|&index| rows.get(index)) {
                        push_row(&mut markup, row, Some(row.form) == opened, state.lang);
                    }
                    let _ = body.insert_adjacent_html("beforeend", &markup);
                    // Coming back from a form: its row is where the focus returns.
                    if state.written == 0 && state.generation == 1 {
                        focus_opened(&body, opened);
                    }
                    state.written = state.target.min(state.shown.len());
                }
                state.shown.len()
            };
            let more = (target < total).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    let mut drawn = drawn.borrow_mut();
                    drawn.target = drawn.target.saturating_add(CHUNK);
                    redraw.set(redraw.wrapping_add(1));
                })
            });
            move || drop(more)
        });
    }
    html! {
        <table class="review-table" data-testid="review-table" {onclick} {onkeydown}>
            <thead><tr>{ for headers }</tr></thead>
            <tbody key={generation} ref={body}></tbody>
        </table>
    }
}
