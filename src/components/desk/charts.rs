//! The desk's pictures, drawn as SVG from zipin-core's `review::charts` figures: the grades
//! filed beside the grades computed, the totals claimed against the totals computed, and one
//! form's sections (score against weight, each indicator's lost points on hover). Each has a
//! title and a description in words for a screen reader, and black outlines and greys that
//! print in black and white.

use std::rc::Rc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;
use zipin_core::number::plain;
use zipin_core::review::charts::{GradeCount, SectionBar, TotalPoint};
use zipin_core::score::Grade;

use crate::i18n::{Lang, T};

/// A figure's position on a chart (drawing only: every figure shown is the exact decimal).
fn at(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

fn grade_name(grade: Option<Grade>, lang: Lang) -> &'static str {
    grade.map_or(T::ChartNoGrade.text(lang), Grade::label)
}

#[derive(Properties, PartialEq)]
pub struct GradesProps {
    pub counts: Vec<GradeCount>,
}

/// Grouped bars: per grade, the forms filed at it (outlined) and computed at it (filled).
#[function_component]
pub fn GradesChart(props: &GradesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (width, height, base) = (360.0, 190.0, 160.0);
    let most = props
        .counts
        .iter()
        .map(|count| count.filed.max(count.computed))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bar = |x: f64, count: usize, class: &'static str| {
        let tall = 130.0 * count as f64 / most;
        html! {
            <g>
                <rect class={class} x={x.to_string()} y={(base - tall).to_string()} width="26" height={tall.to_string()} />
                <text class="value" x={(x + 13.0).to_string()} y={(base - tall - 4.0).to_string()} text-anchor="middle">{count}</text>
            </g>
        }
    };
    let groups = props.counts.iter().enumerate().map(|(n, count)| {
        let x = 40.0 + n as f64 * 64.0;
        html! {
            <g>
                { bar(x, count.filed, "filed") }
                { bar(x + 28.0, count.computed, "computed") }
                <text class="label" x={(x + 27.0).to_string()} y={(base + 18.0).to_string()} text-anchor="middle">{grade_name(count.grade, lang)}</text>
            </g>
        }
    });
    let description = props
        .counts
        .iter()
        .map(|count| {
            format!(
                "{}：{} {}，{} {}",
                grade_name(count.grade, lang),
                T::ChartFiled.text(lang),
                count.filed,
                T::ChartReviewed.text(lang),
                count.computed
            )
        })
        .collect::<Vec<_>>()
        .join("；");
    html! {
        <svg class="chart" data-testid="desk-chart" data-chart="grades" role="img" viewBox={format!("0 0 {width} {height}")}
            aria-labelledby="chart-grades-title chart-grades-desc">
            <title id="chart-grades-title">{T::ChartGrades.text(lang)}</title>
            <desc id="chart-grades-desc">{description}</desc>
            <line class="axis" x1="30" y1={base.to_string()} x2={(width - 10.0).to_string()} y2={base.to_string()} />
            { for groups }
            <g class="legend">
                <rect class="filed" x="40" y="6" width="12" height="12" />
                <text x="56" y="16">{T::ChartFiled.text(lang)}</text>
                <rect class="computed" x="110" y="6" width="12" height="12" />
                <text x="126" y="16">{T::ChartReviewed.text(lang)}</text>
            </g>
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    /// Shared, so a redraw of the desk compares it by pointer, not point by point.
    pub points: Rc<Vec<TotalPoint>>,
}

/// Each form's claimed total (up) against its computed total (across); forms above the
/// diagonal claimed more than their rows give.
#[function_component]
pub fn TotalsChart(props: &TotalsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (size, margin) = (140.0, 28.0);
    let low = props
        .points
        .iter()
        .flat_map(|point| [at(point.claimed), at(point.computed)])
        .fold(100.0_f64, f64::min)
        .clamp(0.0, 90.0);
    let low = (low / 10.0).floor() * 10.0;
    let scale = |value: f64| (value - low) / (100.0 - low).max(1.0) * size;
    let over = props
        .points
        .iter()
        .filter(|point| point.claimed > point.computed)
        .count();
    let dots = props.points.iter().map(|point| {
        let (x, y) = (margin + scale(at(point.computed)), margin + size - scale(at(point.claimed)));
        html! {
            <circle class={classes!("dot", (point.claimed > point.computed).then_some("over"))}
                cx={x.to_string()} cy={y.to_string()} r="3.5">
                <title>{format!("{}：{} {}，{} {}", point.label, T::ChartFiled.text(lang), plain(point.claimed), T::ChartReviewed.text(lang), plain(point.computed))}</title>
            </circle>
        }
    });
    let end = margin + size;
    html! {
        <svg class="chart" data-testid="desk-chart" data-chart="totals" role="img" viewBox={format!("0 0 {} {}", end + 20.0, end + 30.0)}
            aria-labelledby="chart-totals-title chart-totals-desc">
            <title id="chart-totals-title">{T::ChartTotals.text(lang)}</title>
            <desc id="chart-totals-desc">{format!("{} / {}{}", over, props.points.len(), T::ChartOverClaimed.text(lang))}</desc>
            <rect class="frame" x={margin.to_string()} y={margin.to_string()} width={size.to_string()} height={size.to_string()} />
            <line class="diagonal" x1={margin.to_string()} y1={end.to_string()} x2={end.to_string()} y2={margin.to_string()} />
            { for dots }
            <text class="label" x={margin.to_string()} y={(end + 16.0).to_string()}>{low}</text>
            <text class="label" x={end.to_string()} y={(end + 16.0).to_string()} text-anchor="end">{"100"}</text>
            <text class="label" x={(margin + size / 2.0).to_string()} y={(end + 28.0).to_string()} text-anchor="middle">{T::ChartReviewed.text(lang)}</text>
            <text class="label" x="4" y={(margin - 8.0).to_string()}>{T::ChartFiled.text(lang)}</text>
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectionsProps {
    pub name: String,
    pub bars: Vec<SectionBar>,
}

/// One form: per section, the weight (outlined) and the score (filled), and each indicator's
/// lost points as a segment of its own that names it on hover.
#[function_component]
pub fn SectionsChart(props: &SectionsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let width = 360.0;
    let most = props
        .bars
        .iter()
        .map(|bar| at(bar.weight))
        .fold(1.0_f64, f64::max);
    let length = |value: Decimal| 190.0 * at(value) / most;
    let rows = props.bars.iter().enumerate().map(|(n, bar)| {
        let y = 28.0 + n as f64 * 30.0;
        let mut x = 110.0 + length(bar.score);
        let losses = bar.losses.iter().map(|loss| {
            let start = x;
            x += length(loss.points);
            html! {
                <rect class="lost" x={start.to_string()} y={y.to_string()} width={length(loss.points).to_string()} height="16">
                    <title>{format!("{}：{} {}", loss.indicator, T::ChartLost.text(lang), plain(loss.points))}</title>
                </rect>
            }
        });
        html! {
            <g>
                <text class="label" x="104" y={(y + 12.0).to_string()} text-anchor="end">{&bar.name}</text>
                <rect class="weight" x="110" y={y.to_string()} width={length(bar.weight).to_string()} height="16" />
                <rect class="computed" x="110" y={y.to_string()} width={length(bar.score).to_string()} height="16" />
                { for losses }
                <text class="value" x={(114.0 + length(bar.weight)).to_string()} y={(y + 12.0).to_string()}>
                    {format!("{}/{}", plain(bar.score), plain(bar.weight))}
                </text>
            </g>
        }
    });
    let description = props
        .bars
        .iter()
        .map(|bar| {
            let lost: Vec<String> = bar
                .losses
                .iter()
                .map(|loss| format!("{} {}", loss.indicator, plain(loss.points)))
                .collect();
            if lost.is_empty() {
                format!("{} {}/{}", bar.name, plain(bar.score), plain(bar.weight))
            } else {
                format!(
                    "{} {}/{}（{}：{}）",
                    bar.name,
                    plain(bar.score),
                    plain(bar.weight),
                    T::ChartLost.text(lang),
                    lost.join("、")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("；");
    let height = 36.0 + props.bars.len() as f64 * 30.0;
    html! {
        <svg class="chart" data-testid="desk-chart" data-chart="sections" role="img" viewBox={format!("0 0 {width} {height}")}
            aria-labelledby="chart-sections-title chart-sections-desc">
            <title id="chart-sections-title">{format!("{}：{}", T::ChartSections.text(lang), props.name)}</title>
            <desc id="chart-sections-desc">{description}</desc>
            <text class="label" x="4" y="14">{&props.name}</text>
            { for rows }
        </svg>
    }
}
