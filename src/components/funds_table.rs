//! 资金情况: the total row and its sub-rows, each with its execution rate; the total row
//! carries the block's weight and the budget score. What the filer wrote as the rate and the
//! score stands beside what zipin computes; findings mark the cells they concern.

use rust_decimal::Decimal;
use yew::prelude::*;
use zipin_core::model::{FormId, FundsBlock, FundsColumn};
use zipin_core::number::{percent, plain, two_places};
use zipin_core::score::FundsScore;

use crate::components::cell::{editor, CellAddress, Hooks};
use crate::i18n::{Lang, T};
use crate::marks::{funds_field, mark_class, Mark};

#[derive(Properties, PartialEq)]
pub struct FundsTableProps {
    pub form: FormId,
    pub funds: FundsBlock,
    pub score: FundsScore,
    /// The marks of each funds row (0 the total row).
    pub marks: Vec<Vec<Mark>>,
}

/// The execution rate as shown ("100.00%") and its exact `data-value` (a fraction); where
/// there is none, `missing` with the reason beside it.
fn rate_cell(rate: Option<Decimal>, missing: Html, testid: Option<&'static str>) -> Html {
    match rate {
        Some(rate) => {
            html! { <td class="computed" data-testid={testid} data-value={plain(rate)}>{percent(rate)}</td> }
        }
        None => html! { <td class="computed" data-testid={testid} data-value="">{missing}</td> },
    }
}

#[function_component]
pub fn FundsTable(props: &FundsTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let funds = &props.funds;
    let no_marks = Vec::new();
    let rows = std::iter::once(&funds.total).chain(&funds.sub_rows).enumerate().map(|(index, row)| {
        let marks = props.marks.get(index).unwrap_or(&no_marks);
        let input = |column: FundsColumn, value: &str, title: T| {
            let field = funds_field(column);
            let mark = marks.iter().find(|m| m.field == field);
            let address = CellAddress::Funds { form: props.form, row: index, column };
            let label = format!("{} {}", row.label.trim(), title.text(lang));
            html! {
                <td data-field={field} class={classes!(mark.map(|m| mark_class(m.severity)))} title={mark.map(|m| m.messages.clone())}>
                    { editor(AttrValue::from(value.to_owned()), label.into(), false, true, Hooks::outside_grid(&address, None)) }
                </td>
            }
        };
        let amounts = html! {
            <>
                { input(FundsColumn::Initial, &row.initial, T::Initial) }
                { input(FundsColumn::FullYear, &row.full_year, T::FullYear) }
                { input(FundsColumn::Executed, &row.executed, T::Executed) }
            </>
        };
        let rest = if index == 0 {
            html! {
                <>
                    { input(FundsColumn::Weight, &funds.weight, T::Weight) }
                    { rate_cell(
                        props.score.rate,
                        // Nothing typed yet is not a failure to compute.
                        if [&row.initial, &row.full_year, &row.executed].iter().all(|c| c.trim().is_empty()) {
                            html! { T::NotGiven.text(lang) }
                        } else {
                            html! { <span title={props.score.explanation()}>{T::CannotCompute.text(lang)}</span> }
                        },
                        Some("execution-rate"),
                    ) }
                    { input(FundsColumn::ClaimedRate, &row.claimed_rate, T::ClaimedRate) }
                    <td class="computed" data-testid="budget-score" data-value={plain(props.score.score)} title={props.score.explanation()}>
                        {two_places(props.score.score)}
                        <span class="explain">{props.score.explanation()}</span>
                    </td>
                    { input(FundsColumn::ClaimedScore, &row.claimed_score, T::ClaimedScore) }
                </>
            }
        } else {
            let rate = props.score.sub_rates.get(index - 1).copied().flatten();
            html! {
                <>
                    <td class="blank"></td>
                    { rate_cell(rate, html! { T::NotGiven.text(lang) }, None) }
                    { input(FundsColumn::ClaimedRate, &row.claimed_rate, T::ClaimedRate) }
                    <td class="blank"></td>
                    <td class="blank"></td>
                </>
            }
        };
        html! {
            <tr class={if index == 0 { "funds-total" } else { "funds-sub" }}>
                <th scope="row">{row.label.clone()}</th>
                { amounts }
                { rest }
            </tr>
        }
    });
    let reason_address = CellAddress::FundsReason { form: props.form };
    html! {
        <div class="funds-block">
            <table class="funds" data-testid="funds">
                <caption>{format!("{}（{}）", T::Funds.text(lang), funds.unit.label())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{T::FundsRow.text(lang)}</th>
                        <th scope="col">{T::Initial.text(lang)}</th>
                        <th scope="col">{T::FullYear.text(lang)}</th>
                        <th scope="col">{T::Executed.text(lang)}</th>
                        <th scope="col">{T::Weight.text(lang)}</th>
                        <th scope="col">{T::Rate.text(lang)}</th>
                        <th scope="col" class="claimed">{T::ClaimedRate.text(lang)}</th>
                        <th scope="col">{T::Score.text(lang)}</th>
                        <th scope="col" class="claimed">{T::ClaimedScore.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <label class="funds-reason">
                <span>{T::FundsReason.text(lang)}</span>
                { editor(AttrValue::from(funds.reason.clone()), T::FundsReason.text(lang).into(), true, false,
                    Hooks::outside_grid(&reason_address, Some("funds-reason"))) }
            </label>
        </div>
    }
}
