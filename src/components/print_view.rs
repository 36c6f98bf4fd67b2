//! The print view: each form as the official A4 form (merged first- and second-level cells,
//! the indicator header repeated on every page, the total and grade row), and the findings
//! as an optional appendix; shown as a preview, printed through the browser's print.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::export::forms_computed;
use zipin_core::export::layout::{Layout, Style};
use zipin_core::model::Document;
use zipin_core::report::memo_lines;
use zipin_core::Evaluation;

use crate::i18n::{Lang, T};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    pub document: Shared<Document>,
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    pub on_close: Callback<()>,
}

/// Rows `[start, end)` of a layout as table rows, merges clipped to the range.
fn rows(layout: &Layout, start: usize, end: usize, header: bool) -> Html {
    let rows = (start..end).map(|r| {
        let cells = (0..layout.rows.get(r).map_or(0, Vec::len)).filter_map(|c| {
            let merge = layout.merges.iter().find(|m| {
                (m.first_row..=m.last_row).contains(&r)
                    && (m.first_column..=m.last_column).contains(&c)
            });
            let (rowspan, colspan, text) = match merge {
                Some(m) => {
                    let top = m.first_row.max(start);
                    if r != top || c != m.first_column {
                        return None;
                    }
                    let text = if m.first_row == r {
                        cell_text(layout, r, c)
                    } else {
                        String::new()
                    };
                    (
                        m.last_row.min(end - 1) - top + 1,
                        m.last_column - m.first_column + 1,
                        text,
                    )
                }
                None => (1, 1, cell_text(layout, r, c)),
            };
            let style = layout
                .rows
                .get(r)
                .and_then(|row| row.get(c))
                .map_or(Style::Text, |cell| cell.style);
            let class = match style {
                Style::Title => "title",
                Style::Header | Style::Label => "head",
                Style::Number | Style::Percent => "num",
                Style::Text => "",
            };
            let (rowspan, colspan) = (rowspan.to_string(), colspan.to_string());
            Some(if header || style == Style::Header {
                html! { <th {rowspan} {colspan} class={class}>{text}</th> }
            } else {
                html! { <td {rowspan} {colspan} class={class}>{text}</td> }
            })
        });
        html! { <tr>{ for cells }</tr> }
    });
    html! { { for rows } }
}

/// The same column widths for both tables of a form, so their columns line up.
fn columns() -> Html {
    html! {
        <colgroup>
            <col class="p-c1" /><col class="p-c2" /><col class="p-c3" /><col class="p-c4" /><col class="p-c5" />
            <col class="p-c5" /><col class="p-c6" /><col class="p-c6" /><col class="p-c7" />
        </colgroup>
    }
}

fn cell_text(layout: &Layout, row: usize, column: usize) -> String {
    layout
        .rows
        .get(row)
        .and_then(|r| r.get(column))
        .map(|cell| cell.text.clone())
        .unwrap_or_default()
}

#[function_component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // The findings are the reviewer's, not the form's: printed only when asked for.
    let appendix = use_state(|| false);
    let forms = forms_computed(&props.document, &props.evaluations);
    let pages = forms.iter().zip(props.evaluations.iter()).map(|((_, layout), evaluation)| {
        // The title row leads; the indicator header (绩效指标 …) repeats on every page.
        let head = layout.rows.iter().position(|row| row.first().is_some_and(|c| c.text == "绩效指标")).unwrap_or(layout.rows.len());
        let title = cell_text(layout, 0, 0);
        let findings = (*appendix && !evaluation.findings.is_empty()).then(|| html! {
            <section class="print-appendix">
                <h3>{T::Findings.text(lang)}</h3>
                <ol>{ for memo_lines(&evaluation.findings).iter().map(|line| html! {
                    <li><strong>{line.title.clone()}</strong>{"："}{line.text.clone()}</li>
                }) }</ol>
            </section>
        });
        html! {
            <section class="print-form" data-testid="print-form">
                <h2>{title}</h2>
                <table class="print-table">{ columns() }<tbody>{ rows(layout, 1, head, false) }</tbody></table>
                <table class="print-table">
                    { columns() }
                    <thead>{ rows(layout, head, head + 1, true) }</thead>
                    <tbody>{ rows(layout, head + 1, layout.rows.len(), false) }</tbody>
                </table>
                { for findings }
            </section>
        }
    });
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let toggle = {
        let appendix = appendix.clone();
        Callback::from(move |_| appendix.set(!*appendix))
    };
    html! {
        <section class="print-view" data-testid="print-view" aria-label={T::PrintPreview.text(lang)}>
            <header class="print-controls">
                <h2>{T::PrintPreview.text(lang)}</h2>
                <button type="button" class="primary" data-testid="print-now" onclick={print}>{T::PrintNow.text(lang)}</button>
                <label><input type="checkbox" data-testid="print-appendix" checked={*appendix} onchange={toggle} />{T::PrintAppendix.text(lang)}</label>
                <button type="button" data-testid="close-print" onclick={close}>{T::CloseReport.text(lang)}</button>
            </header>
            { for pages }
        </section>
    }
}
