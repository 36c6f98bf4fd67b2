//! 资金情况: the total row and its sub-rows, each with its execution rate; the total row
//! carries the block's weight and the budget score.

use rust_decimal::Decimal;
use yew::prelude::*;
use zipin_core::model::{FundsBlock, FundsColumn, RowId};
use zipin_core::number::{percent, plain, two_places};
use zipin_core::score::FundsScore;

use crate::components::cell::{Cell, CellAddress};
use crate::i18n::{Lang, T};
use crate::Dispatch;

#[derive(Properties, PartialEq)]
pub struct FundsTableProps {
    pub form: RowId,
    pub funds: FundsBlock,
    pub score: FundsScore,
    pub dispatch: Dispatch,
}

/// The execution rate as shown ("100.00%") and its exact `data-value` (a fraction); where
/// there is none, `missing` with the reason beside it.
fn rate_cell(rate: Option<Decimal>, missing: Html, testid: Option<&'static str>) -> Html {
    match rate {
        Some(rate) => html! { <td class="computed" data-testid={testid} data-value={plain(rate)}>{percent(rate)}</td> },
        None => html! { <td class="computed" data-testid={testid} data-value="">{missing}</td> },
    }
}

#[function_component]
pub fn FundsTable(props: &FundsTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let funds = &props.funds;
    let columns = [(FundsColumn::Initial, T::Initial), (FundsColumn::FullYear, T::FullYear), (FundsColumn::Executed, T::Executed)];
    let rows = std::iter::once(&funds.total).chain(&funds.sub_rows).enumerate().map(|(index, row)| {
        let amounts = columns.iter().map(|(column, title)| {
            let address = CellAddress::Funds { form: props.form, row: index, column: *column };
            let label = format!("{} {}", row.label.trim(), title.text(lang));
            html! {
                <td data-field={column_key(*column)}>
                    <Cell {address} value={row.amount(*column).to_owned()} {label} dispatch={props.dispatch.clone()} numeric=true />
                </td>
            }
        });
        let (weight, rate, score) = if index == 0 {
            let address = CellAddress::Funds { form: props.form, row: 0, column: FundsColumn::Weight };
            let label = format!("{} {}", row.label.trim(), T::Weight.text(lang));
            (
                html! {
                    <td data-field="weight">
                        <Cell {address} value={funds.weight.clone()} {label} dispatch={props.dispatch.clone()} numeric=true />
                    </td>
                },
                rate_cell(
                    props.score.rate,
                    html! { <span title={props.score.explanation.clone()}>{T::CannotCompute.text(lang)}</span> },
                    Some("execution-rate"),
                ),
                html! {
                    <td class="computed" data-testid="budget-score" data-value={plain(props.score.score)} title={props.score.explanation.clone()}>
                        {two_places(props.score.score)}
                        <span class="explain">{props.score.explanation.clone()}</span>
                    </td>
                },
            )
        } else {
            let rate = props.score.sub_rates.get(index - 1).copied().flatten();
            let missing = html! { T::NotGiven.text(lang) };
            (html! { <td class="blank"></td> }, rate_cell(rate, missing, None), html! { <td class="blank"></td> })
        };
        html! {
            <tr class={if index == 0 { "funds-total" } else { "funds-sub" }}>
                <th scope="row">{row.label.clone()}</th>
                { for amounts }
                { weight }
                { rate }
                { score }
            </tr>
        }
    });
    html! {
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
                    <th scope="col">{T::Score.text(lang)}</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn column_key(column: FundsColumn) -> &'static str {
    match column {
        FundsColumn::Initial => "initial",
        FundsColumn::FullYear => "full-year",
        FundsColumn::Executed => "executed",
        FundsColumn::Weight => "weight",
        FundsColumn::ClaimedRate => "claimed-rate",
        FundsColumn::ClaimedScore => "claimed-score",
    }
}
