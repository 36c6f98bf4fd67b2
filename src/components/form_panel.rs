//! The form being shown: its name, funds block, indicator table, result and findings.

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::{Form, FormKind};
use zipin_core::number::{plain, two_places};
use zipin_core::profile::Profile;
use zipin_core::Evaluation;

use crate::components::cell::{
    delegate, delegate_keys, editor, on_blur, on_focus, on_input, on_paste, on_press, CellAddress,
    Hooks,
};
use crate::components::findings_panel::FindingsPanel;
use crate::components::funds_table::FundsTable;
use crate::components::import_reading::ImportReading;
use crate::components::indicator_grid::IndicatorGrid;
use crate::components::summary::{grade_class, grade_label};
use crate::i18n::{Lang, T};
use crate::marks::{Mark, Marks};
use crate::shared::Shared;
use crate::state::imports::ImportRecord;
use crate::state::Action;
use crate::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct FormPanelProps {
    pub form: Shared<Form>,
    pub profile: Shared<Profile>,
    pub evaluation: Shared<Evaluation>,
    pub dispatch: Dispatch,
    /// How the form was read, when it was imported.
    #[prop_or_default]
    pub reading: Option<Shared<ImportRecord>>,
}

#[function_component]
pub fn FormPanel(props: &FormPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = &props.form;
    let score = &props.evaluation.score;
    let (kind, name_label) = match form.kind {
        FormKind::Department => (T::KindDepartment, T::FormNameDepartment),
        FormKind::Project => (T::KindProject, T::FormNameProject),
    };
    let marks = Shared(use_memo(props.evaluation.clone(), |evaluation| {
        Marks::of(&evaluation.findings)
    }));
    let funds_marks: Vec<Vec<Mark>> = (0..=form.funds.sub_rows.len())
        .map(|row| marks.funds.get(&row).cloned().unwrap_or_default())
        .collect();
    let form_action = |edit: Edit| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Edit(edit.clone())))
    };
    let choose_kind = {
        let dispatch = props.dispatch.clone();
        let id = form.id;
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let kind = if value == "project" {
                FormKind::Project
            } else {
                FormKind::Department
            };
            dispatch.dispatch(Action::Edit(Edit::SetFormKind { form: id, kind }));
        })
    };
    // One set of handlers for every cell of the form, the grid's included: each finds its
    // cell from the page.
    let (dispatch, id) = (props.dispatch.clone(), form.id);
    let oninput: Callback<InputEvent> = delegate(on_input, dispatch.clone(), id);
    let onpaste: Callback<Event> = delegate(on_paste, dispatch.clone(), id);
    let onfocusout: Callback<FocusEvent> = delegate(on_blur, dispatch.clone(), id);
    let onkeydown = delegate_keys(dispatch, id);
    let onfocusin = Callback::from(|event: FocusEvent| on_focus(&event));
    let onmousedown = Callback::from(|event: MouseEvent| on_press(&event));
    let cell = |address: CellAddress,
                value: &str,
                label: T,
                numeric: bool,
                testid: Option<&'static str>| {
        editor(
            AttrValue::from(value.to_owned()),
            label.text(lang).into(),
            false,
            numeric,
            Hooks::outside_grid(&address, testid),
        )
    };
    html! {
        <section class="form" data-testid="form" aria-label={kind.text(lang)} {oninput} {onpaste} {onfocusout} {onfocusin} {onkeydown} {onmousedown}>
            <header class="form-head">
                <h2 class="sr-only">{kind.text(lang)}</h2>
                <label class="form-kind">
                    <span class="sr-only">{T::FormKind.text(lang)}</span>
                    <select data-testid="form-kind" onchange={choose_kind} aria-label={T::FormKind.text(lang)}>
                        <option value="department" selected={form.kind == FormKind::Department}>{T::KindDepartment.text(lang)}</option>
                        <option value="project" selected={form.kind == FormKind::Project}>{T::KindProject.text(lang)}</option>
                    </select>
                </label>
                <label class="form-name">
                    <span>{name_label.text(lang)}</span>
                    { cell(CellAddress::FormName { form: form.id }, &form.name, name_label, false, None) }
                </label>
                <span class="form-actions">
                    <button type="button" data-testid="duplicate-form" onclick={form_action(Edit::DuplicateForm { form: form.id })}>{T::DuplicateForm.text(lang)}</button>
                    <button type="button" data-testid="move-form-left" onclick={form_action(Edit::MoveForm { form: form.id, by: -1 })}>{T::MoveLeft.text(lang)}</button>
                    <button type="button" data-testid="move-form-right" onclick={form_action(Edit::MoveForm { form: form.id, by: 1 })}>{T::MoveRight.text(lang)}</button>
                    <button type="button" class="danger" data-testid="delete-form" onclick={form_action(Edit::RemoveForm { form: form.id })}>{T::DeleteForm.text(lang)}</button>
                </span>
            </header>
            if let Some(record) = props.reading.clone() {
                <details class="form-reading">
                    <summary>{T::ReadingFormHeader.text(lang)}</summary>
                    <ImportReading record={record} form={Some(form.id)} testid="form-reading" open={true} dispatch={props.dispatch.clone()} />
                </details>
            }
            <div class="form-body">
                <div class="sheet">
                    <FundsTable form={form.id} funds={form.funds.clone()} score={score.funds.clone()} marks={funds_marks} />
                    // Keyed by form: a newly shown form's grid starts with none of its rows, so its
                    // results come first; the rest of the panel is kept across forms, only its
                    // texts and values change.
                    <IndicatorGrid key={form.id.0} form={form.clone()} marks={marks.clone()} profile={props.profile.clone()} evaluation={props.evaluation.clone()} dispatch={props.dispatch.clone()} />
                    <div class="result" role="status">
                        <span class="result-item">
                            {T::BudgetScore.text(lang)}{" "}
                            <strong>{two_places(score.funds.score)}</strong>
                        </span>
                        <span class="result-item">
                            {T::Weight.text(lang)}{" Σ "}
                            <strong class={classes!((score.weight_sum != rust_decimal::Decimal::ONE_HUNDRED).then_some("bad"))}>
                                {plain(score.weight_sum)}
                            </strong>
                        </span>
                        <span class="result-item total">
                            {T::Total.text(lang)}{" "}
                            <strong data-testid="total-score" data-value={score.total.map(plain).unwrap_or_default()}>
                                {score.total.map_or_else(|| "—".to_owned(), two_places)}
                            </strong>
                            if let Some(why) = score.not_computable() {
                                <span class="why" data-testid="total-why">{why}</span>
                            }
                        </span>
                        <label class="result-item claimed">
                            {T::ClaimedTotal.text(lang)}
                            { cell(CellAddress::ClaimTotal { form: form.id }, &form.claim.total, T::ClaimedTotal, true, Some("claimed-total")) }
                        </label>
                        <span class="result-item">
                            {T::Grade.text(lang)}{" "}
                            <strong data-testid="grade" class={classes!("grade", grade_class(score.grade))}>{grade_label(score.grade, form.has_content())}</strong>
                        </span>
                        <label class="result-item claimed">
                            {T::ClaimedGrade.text(lang)}
                            { cell(CellAddress::ClaimGrade { form: form.id }, &form.claim.grade, T::ClaimedGrade, false, Some("claimed-grade")) }
                        </label>
                    </div>
                </div>
                <FindingsPanel evaluation={props.evaluation.clone()} started={form.has_content()} />
            </div>
        </section>
    }
}
