//! The form being shown: its name, funds block, indicator table, result and findings.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::model::{Form, FormKind};
use zipin_core::number::{plain, two_places};
use zipin_core::Evaluation;

use crate::components::cell::{Cell, CellAddress};
use crate::components::findings_panel::FindingsPanel;
use crate::components::funds_table::FundsTable;
use crate::components::indicator_grid::IndicatorGrid;
use crate::components::summary::grade_class;
use crate::i18n::{Lang, T};
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct FormPanelProps {
    pub form: Rc<Form>,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Dispatch,
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
    let findings = use_memo(props.evaluation.clone(), |evaluation| evaluation.findings.clone());
    html! {
        <section class="form" data-testid="form" aria-label={kind.text(lang)}>
            <header class="form-head">
                <h2>{kind.text(lang)}</h2>
                <label class="form-name">
                    <span>{name_label.text(lang)}</span>
                    <Cell address={CellAddress::FormName { form: form.id }} value={form.name.clone()}
                        label={name_label.text(lang)} dispatch={props.dispatch.clone()} />
                </label>
            </header>
            <div class="form-body">
                <div class="sheet">
                    <FundsTable form={form.id} funds={form.funds.clone()} score={score.funds.clone()} dispatch={props.dispatch.clone()} />
                    <IndicatorGrid form={form.clone()} evaluation={props.evaluation.clone()} dispatch={props.dispatch.clone()} />
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
                            <strong data-testid="total-score" data-value={plain(score.total)}>{two_places(score.total)}</strong>
                        </span>
                        <span class="result-item">
                            {T::Grade.text(lang)}{" "}
                            <strong data-testid="grade" class={classes!("grade", grade_class(score.grade.label()))}>{score.grade.label()}</strong>
                        </span>
                    </div>
                </div>
                <FindingsPanel findings={findings} />
            </div>
        </section>
    }
}
