//! The reviewer's desk: many files read at once into a set, the set's review table (sorted,
//! filtered, searched), its pictures, the files that could not be read, and the set's exports.

pub mod charts;
pub mod review_table;
pub mod row_markup;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zipin_core::model::{Document, FormId, FormKind};
use zipin_core::review::charts::{
    grade_counts, section_bars, total_points, GradeCount, TotalPoint,
};
use zipin_core::review::table::{sorted, units, Column, Filter};
use zipin_core::review::{review_rows, ReviewRow};
use zipin_core::Evaluation;

use crate::components::desk::charts::{GradesChart, SectionsChart, TotalsChart};
use crate::components::desk::review_table::ReviewTable;
use crate::components::desk::row_markup::kind_text;
use crate::desk::reading::Item;
use crate::desk::sets::reason_text;
use crate::i18n::{Lang, T};
use crate::shared::Shared;
use crate::state::desk::DeskState;
use crate::state::{Action, Dispatch};

/// What the desk's export buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskExport {
    TableXlsx,
    TableCsv,
    Memos,
    PrintMemos,
}

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub document: Shared<Document>,
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    pub desk: Shared<DeskState>,
    /// The form last opened from the table.
    pub active: FormId,
    pub dispatch: Dispatch,
    pub on_items: Callback<Vec<Item>>,
    pub on_export: Callback<DeskExport>,
}

/// The files an `<input type=file>` holds.
fn chosen_files(event: &Event) -> Vec<Item> {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        .and_then(|input| {
            let files = input.files()?;
            let items = (0..files.length())
                .filter_map(|i| files.get(i))
                .map(Item::File)
                .collect();
            // The same files can be chosen again (a set passes over the ones it holds).
            input.set_value("");
            Some(items)
        })
        .unwrap_or_default()
}

/// What the desk says of a whole set, worked out once per set rather than at every sort.
#[derive(PartialEq)]
struct Summary {
    files: usize,
    with_errors: usize,
    grade_changed: usize,
    units: Vec<String>,
    grades: Vec<GradeCount>,
    totals: Rc<Vec<TotalPoint>>,
}

impl Summary {
    fn of(rows: &[ReviewRow]) -> Summary {
        Summary {
            files: rows
                .iter()
                .map(|row| row.file.as_str())
                .filter(|file| !file.is_empty())
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            with_errors: rows.iter().filter(|row| row.errors > 0).count(),
            grade_changed: rows.iter().filter(|row| row.grade_changed()).count(),
            units: units(rows).into_iter().map(str::to_owned).collect(),
            grades: grade_counts(rows),
            totals: Rc::new(total_points(rows)),
        }
    }
}

/// Whether the checkbox an event came from is ticked.
fn checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The value of the select an event came from.
fn selected(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}

#[function_component]
pub fn Desk(props: &DeskProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let desk = &props.desk;
    // While a reading goes on only its progress is drawn: redrawing the table and the charts
    // after every file would cost more than reading the files.
    let reading = desk.progress.is_some();
    let rows: Rc<Vec<ReviewRow>> = use_memo(
        (props.document.clone(), props.evaluations.clone(), reading),
        |(document, evaluations, reading)| {
            if *reading {
                Vec::new()
            } else {
                review_rows(document, evaluations)
            }
        },
    );
    let shown: Rc<Vec<usize>> = use_memo(
        (Shared(rows.clone()), desk.sort, desk.filter.clone()),
        |(rows, sort, filter)| filter.apply(rows, &sorted(rows, *sort)),
    );
    let table = |sort, filter| Action::DeskTable { sort, filter };
    let on_sort = {
        let (dispatch, sort, filter) = (props.dispatch.clone(), desk.sort, desk.filter.clone());
        Callback::from(move |column: Column| {
            dispatch.dispatch(table(sort.clicked(column), filter.clone()))
        })
    };
    let on_open = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |form: FormId| dispatch.dispatch(Action::DeskOpen(form)))
    };
    let refilter = |change: fn(&mut Filter, &Event)| {
        let (dispatch, sort, filter) = (props.dispatch.clone(), desk.sort, desk.filter.clone());
        Callback::from(move |event: Event| {
            let mut filter = filter.clone();
            change(&mut filter, &event);
            dispatch.dispatch(table(sort, filter));
        })
    };
    let on_errors = refilter(|filter, event| filter.errors_only = checked(event));
    let on_grade = refilter(|filter, event| filter.grade_changed = checked(event));
    let on_kind = refilter(|filter, event| {
        filter.kind = match selected(event).as_str() {
            "department" => Some(FormKind::Department),
            "project" => Some(FormKind::Project),
            _ => None,
        }
    });
    let on_unit = refilter(|filter, event| {
        filter.unit = Some(selected(event)).filter(|unit| !unit.is_empty())
    });
    let on_search = {
        let (dispatch, sort, filter) = (props.dispatch.clone(), desk.sort, desk.filter.clone());
        Callback::from(move |event: InputEvent| {
            let search = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .map(|input| input.value())
                .unwrap_or_default();
            dispatch.dispatch(table(
                sort,
                Filter {
                    search,
                    ..filter.clone()
                },
            ));
        })
    };
    let on_files = {
        let on_items = props.on_items.clone();
        Callback::from(move |event: Event| on_items.emit(chosen_files(&event)))
    };
    let export = |what: DeskExport, testid: &'static str, label: T| {
        let on_export = props.on_export.clone();
        let onclick = Callback::from(move |_| on_export.emit(what));
        html! { <button type="button" data-testid={testid} {onclick}>{label.text(lang)}</button> }
    };
    let progress = desk.progress.as_ref().map(|progress| {
        html! {
            <div class="desk-progress" role="status">
                <progress data-testid="desk-progress" value={progress.done.to_string()} max={progress.total.to_string()} />
                <span>{format!("{} {}/{}：{}", T::DeskReading.text(lang), progress.done, progress.total, progress.file)}</span>
            </div>
        }
    });
    if reading {
        return html! {
            <section class="desk" data-testid="desk" aria-labelledby="desk-title">
                <div class="desk-head"><h2 id="desk-title">{T::DeskTitle.text(lang)}</h2></div>
                { progress }
            </section>
        };
    }
    let failed = (!desk.failed.is_empty()).then(|| {
        let items = desk.failed.iter().map(|failed| {
            html! {
                <li data-testid="desk-failed-file" data-file={failed.file.clone()}>
                    <strong>{&failed.file}</strong>{"："}{reason_text(&failed.why, lang)}
                </li>
            }
        });
        html! {
            <details class="desk-failed" data-testid="desk-failed" open=true>
                <summary>{format!("{}{}", desk.failed.len(), T::DeskFailed.text(lang))}</summary>
                <ul>{ for items }</ul>
            </details>
        }
    });
    let skipped = (desk.skipped > 0).then(
        || html! { <p class="hint">{format!("{}{}", desk.skipped, T::DeskSkipped.text(lang))}</p> },
    );
    let summary = use_memo(Shared(rows.clone()), |rows| Summary::of(rows));
    let Summary {
        files,
        with_errors,
        grade_changed,
        ..
    } = *summary;
    let counts = html! {
        <p class="desk-counts" data-testid="desk-counts">
            {T::DeskCounts.text(lang).replace("{files}", &files.to_string()).replace("{forms}", &rows.len().to_string())
                .replace("{errors}", &with_errors.to_string()).replace("{changed}", &grade_changed.to_string())}
        </p>
    };
    let unit_options = summary.units.iter().map(|unit| {
        let chosen = desk.filter.unit.as_deref() == Some(unit.as_str());
        html! { <option value={unit.clone()} selected={chosen}>{unit}</option> }
    });
    let kind_option = |value: &'static str, kind: Option<FormKind>| {
        let label = kind.map_or(T::FilterAll.text(lang), |kind| kind_text(kind, lang));
        html! { <option {value} selected={desk.filter.kind == kind}>{label}</option> }
    };
    let active_bars = props
        .document
        .forms
        .iter()
        .zip(props.evaluations.iter())
        .find(|(form, _)| form.id == props.active)
        .map(|(form, evaluation)| {
            html! { <SectionsChart name={form.name.trim().to_owned()} bars={section_bars(form, evaluation)} /> }
        });
    html! {
        <section class="desk" data-testid="desk" aria-labelledby="desk-title">
            <div class="desk-head">
                <h2 id="desk-title">{T::DeskTitle.text(lang)}</h2>
                <p class="hint">{T::DeskHint.text(lang)}</p>
                <div class="desk-open">
                    <label class="button primary">{T::DeskChooseFiles.text(lang)}
                        <input type="file" multiple=true data-testid="desk-files" class="sr-only"
                            accept=".docx,.xlsx,.json,.csv,.tsv,.txt,.html,.htm,.zip" onchange={on_files.clone()} />
                    </label>
                    <label class="button">{T::DeskChooseFolder.text(lang)}
                        <input type="file" multiple=true webkitdirectory=true data-testid="desk-folder" class="sr-only" onchange={on_files} />
                    </label>
                </div>
            </div>
            { progress }
            { failed }
            { skipped }
            { counts }
            <div class="desk-charts">
                <GradesChart counts={summary.grades.clone()} />
                <TotalsChart points={summary.totals.clone()} />
                { active_bars }
            </div>
            <div class="desk-tools">
                <label><input type="checkbox" checked={desk.filter.errors_only} onchange={on_errors} />{T::FilterErrors.text(lang)}</label>
                <label><input type="checkbox" checked={desk.filter.grade_changed} onchange={on_grade} />{T::FilterGradeChanged.text(lang)}</label>
                <label>{T::FilterKind.text(lang)}
                    <select onchange={on_kind}>
                        { kind_option("", None) }
                        { kind_option("department", Some(FormKind::Department)) }
                        { kind_option("project", Some(FormKind::Project)) }
                    </select>
                </label>
                <label>{T::FilterUnit.text(lang)}
                    <select onchange={on_unit}>
                        <option value="" selected={desk.filter.unit.is_none()}>{T::FilterAll.text(lang)}</option>
                        { for unit_options }
                    </select>
                </label>
                <input type="search" class="desk-search" placeholder={T::FilterSearch.text(lang)}
                    aria-label={T::FilterSearch.text(lang)} value={desk.filter.search.clone()} oninput={on_search} />
                <span class="shown">{format!("{} {}/{}", T::ShownRows.text(lang), shown.len(), rows.len())}</span>
            </div>
            <div class="desk-exports">
                { export(DeskExport::TableXlsx, "desk-export-xlsx", T::ExportTableXlsx) }
                { export(DeskExport::TableCsv, "desk-export-csv", T::ExportTableCsv) }
                { export(DeskExport::Memos, "desk-export-memos", T::ExportMemos) }
                { export(DeskExport::PrintMemos, "desk-print-memos", T::PrintMemos) }
            </div>
            if rows.is_empty() {
                <p class="hint">{T::DeskEmpty.text(lang)}</p>
            }
            <ReviewTable rows={rows.clone()} shown={shown.clone()} sort={desk.sort} opened={desk.opened} {on_sort} {on_open} />
        </section>
    }
}
