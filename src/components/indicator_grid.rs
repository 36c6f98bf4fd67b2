//! The indicator table laid out like the official form: 一级 merged over its section's rows,
//! a subtotal under each section, rows keyed by their stable ids.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::edit::Edit;
use zipin_core::model::Form;
use zipin_core::number::{plain, two_places};
use zipin_core::Evaluation;

use crate::components::indicator_row::IndicatorRow;
use crate::i18n::{Lang, T};
use crate::state::Action;
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct IndicatorGridProps {
    pub form: Rc<Form>,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn IndicatorGrid(props: &IndicatorGridProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = &props.form;
    let mut scores = props.evaluation.score.rows.iter();
    let sections = form.sections.iter().zip(&props.evaluation.score.sections).map(|(section, section_score)| {
        let level1 = AttrValue::from(section.name.clone());
        let declared = AttrValue::from(section.declared_weight.clone());
        let mut previous_level2: Option<&str> = None;
        let rows = section.rows.iter().zip(scores.by_ref()).enumerate().map(|(index, (row, score))| {
            let score = score.clone();
            let continued = !row.level2.trim().is_empty() && previous_level2 == Some(row.level2.trim());
            previous_level2 = Some(row.level2.trim());
            html! {
                <IndicatorRow key={row.id.0} form={form.id} section={section.id} level1={level1.clone()}
                    first_in_section={index == 0} level2_continued={continued} declared={declared.clone()} row={row.clone()} {score}
                    dispatch={props.dispatch.clone()} />
            }
        });
        let add = {
            let dispatch = props.dispatch.clone();
            let (form, section) = (form.id, section.id);
            Callback::from(move |_| dispatch.dispatch(Action::Edit(Edit::AddRow { form, section, after: None })))
        };
        let mismatch = section_score.declared.is_some_and(|declared| declared != section_score.weight_sum);
        html! {
            <tbody key={section.id.0}>
                { for rows }
                <tr class="subtotal" key={format!("subtotal-{}", section.id.0)}>
                    <th scope="row" colspan="5">
                        {format!("{} {}", section.name, T::Subtotal.text(lang))}
                        <button type="button" class="add-row" data-testid="add-row" data-section={section.name.clone()} onclick={add}>
                            {T::AddRow.text(lang)}
                        </button>
                    </th>
                    <td class={classes!("num", "weight-sum", mismatch.then_some("bad"))} data-value={plain(section_score.weight_sum)}
                        title={T::WeightSum.text(lang)}>
                        {plain(section_score.weight_sum)}
                    </td>
                    <td class="computed" data-testid="section-subtotal" data-section={section.name.clone()}
                        data-value={plain(section_score.subtotal)} colspan="2">
                        {two_places(section_score.subtotal)}
                    </td>
                    <td colspan="2"></td>
                </tr>
            </tbody>
        }
    });
    html! {
        <table class="indicators" data-testid="indicators">
            <thead>
                <tr>
                    <th scope="col" class="c-level1">{T::Level1.text(lang)}</th>
                    <th scope="col" class="c-level2">{T::Level2.text(lang)}</th>
                    <th scope="col" class="c-name">{T::Level3.text(lang)}</th>
                    <th scope="col" class="c-value">{T::Target.text(lang)}</th>
                    <th scope="col" class="c-value">{T::Actual.text(lang)}</th>
                    <th scope="col" class="c-num">{T::Weight.text(lang)}</th>
                    <th scope="col" class="c-num">{T::EnteredScore.text(lang)}</th>
                    <th scope="col" class="c-num">{T::ComputedScore.text(lang)}</th>
                    <th scope="col" class="c-reason">{T::Reason.text(lang)}</th>
                    <th scope="col" class="c-actions"><span class="sr-only">{T::Actions.text(lang)}</span></th>
                </tr>
            </thead>
            { for sections }
        </table>
    }
}
