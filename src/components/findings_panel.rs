//! The review findings of the form shown, under the form's result (total, grade, weights and
//! counts), which stays in view while the clerk edits rows far down. Findings are grouped by
//! severity; each reads as a short title and a sentence, the code only in its tooltip. A
//! finding leads to its cell: the cell comes to the middle of the view, its row is marked
//! for a moment, and the finding is marked as the current one; F8 and Shift+F8 (or the
//! panel's arrows) go to the next and previous finding.

use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use zipin_core::check::{Finding, Place, Severity};
use zipin_core::number::{plain, two_places};
use zipin_core::Evaluation;

use crate::browser::keys::on_window_keydown;
use crate::components::cell::target_of;
use crate::components::summary::{grade_class, grade_label};
use crate::i18n::{Lang, T};
use crate::marks::selector;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub evaluation: Shared<Evaluation>,
    /// Whether anything was typed or pasted into the form: a blank form invites, it does not
    /// congratulate.
    pub started: bool,
}

fn severity_title(severity: Severity) -> T {
    match severity {
        Severity::Error => T::SeverityError,
        Severity::Warning => T::SeverityWarning,
        Severity::Info => T::SeverityInfo,
    }
}

/// The findings in the order the list shows them: errors, then warnings, then notes, each in
/// the order the checks raised them. The list is rendered in this order, and a click is
/// mapped back through it (the n-th link in the list is the n-th finding here).
fn in_display_order(findings: &[Finding]) -> Vec<&Finding> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|severity| {
            findings
                .iter()
                .filter(move |finding| finding.severity == severity)
        })
        .collect()
}

/// A key per finding that stays with it while others come and go, so that an edit which
/// raises or settles one finding inserts or removes one item instead of rewriting every item
/// after it (a 2,000-row form can carry hundreds): its code and place, numbered if repeated.
fn keys_of(ordered: &[&Finding]) -> Vec<String> {
    let mut seen = HashSet::with_capacity(ordered.len());
    ordered
        .iter()
        .enumerate()
        .map(|(index, finding)| {
            let key = format!("{}{}", finding.code.key(), selector(finding.place));
            if seen.insert((finding.code, finding.place)) {
                key
            } else {
                format!("{key}#{index}")
            }
        })
        .collect()
}

/// How long a row stays marked after a finding led to it.
const MARK_MS: u32 = 1_600;

/// Brings the cell of a finding to the middle of the view, focuses it and marks its row.
pub fn lead_to(place: Place) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector(place)).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(element) = element else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    if let Some(row) = element.closest("tr").ok().flatten() {
        let _ = row.class_list().add_1("led-to");
        Timeout::new(MARK_MS, move || {
            let _ = row.class_list().remove_1("led-to");
        })
        .forget();
    }
}

#[function_component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let evaluation = &props.evaluation;
    let ordered = in_display_order(&evaluation.findings);
    let keys = keys_of(&ordered);
    // The current finding, by its key, so it stays marked while other findings come and go.
    let current = use_state(|| None::<String>);
    let go = {
        let (evaluation, current) = (props.evaluation.clone(), current.clone());
        Callback::from(move |index: usize| {
            let ordered = in_display_order(&evaluation.findings);
            if let Some(finding) = ordered.get(index) {
                current.set(keys_of(&ordered).get(index).cloned());
                lead_to(finding.place);
            }
        })
    };
    let position = (*current)
        .as_ref()
        .and_then(|key| keys.iter().position(|k| k == key));
    // The listener reads where the list stands when a key is pressed, not when it was added.
    let standing = use_mut_ref(|| (None::<usize>, 0usize));
    *standing.borrow_mut() = (position, ordered.len());
    let step = {
        let (go, standing) = (go.clone(), standing.clone());
        Rc::new(move |forward: bool| {
            let (position, count) = *standing.borrow();
            if count == 0 {
                return;
            }
            let next = match (position, forward) {
                (None, true) => 0,
                (None, false) => count - 1,
                (Some(at), true) => (at + 1) % count,
                (Some(at), false) => (at + count - 1) % count,
            };
            go.emit(next);
        })
    };
    {
        // Registered again with each evaluation, so the keys walk the findings shown now.
        let step = step.clone();
        use_effect_with(props.evaluation.clone(), move |_| {
            let listener = on_window_keydown(move |event| {
                if event.key() == "F8" {
                    event.prevent_default();
                    step(!event.shift_key());
                }
            });
            move || drop(listener)
        });
    }
    let onclick = {
        let go = go.clone();
        Callback::from(move |event: MouseEvent| {
            let clicked = target_of(&event)
                .and_then(|target| target.closest("[data-testid=\"finding\"]").ok().flatten());
            let index = clicked
                .and_then(|item| item.get_attribute("data-index"))
                .and_then(|index| index.parse().ok());
            if let Some(index) = index {
                go.emit(index);
            }
        })
    };
    let keyed: Vec<(usize, &Finding, &String)> = ordered
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(index, (finding, key))| (index, *finding, key))
        .collect();
    let groups = keyed.chunk_by(|(_, a, _), (_, b, _)| a.severity == b.severity).map(|group| {
        let severity = group.first().map_or(Severity::Info, |(_, finding, _)| finding.severity);
        html! {
            <section key={severity.key()} class={classes!("finding-group", severity.key())}>
                <h3>{format!("{}（{}）", severity_title(severity).text(lang), group.len())}</h3>
                <ul>
                    { for group.iter().map(|(index, finding, key)| {
                        let is_current = position == Some(*index);
                        let title = match lang {
                            Lang::Zh => finding.code.title(),
                            Lang::En => finding.code.title_en(),
                        };
                        html! {
                            <li key={key.as_str()} data-testid="finding" data-code={finding.code.key()} data-severity={finding.severity.key()}
                                data-index={index.to_string()} class={classes!(is_current.then_some("current"))}
                                aria-current={is_current.then_some("true")}>
                                <button type="button" class="finding-link" title={finding.code.key()}>
                                    <strong class="finding-title">{title}</strong>
                                    <span class="message">{finding.message.clone()}</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    });
    let empty = evaluation.findings.is_empty().then(|| {
        let text = if props.started { T::NoFindings } else { T::StartHint };
        html! { <p class={classes!(if props.started { "no-findings" } else { "start-hint" })}>{text.text(lang)}</p> }
    });
    let walk = |forward: bool, text: T, testid: &'static str| {
        let step = step.clone();
        html! {
            <button type="button" class="icon" data-testid={testid} title={text.text(lang)} aria-label={text.text(lang)}
                disabled={ordered.is_empty()} onclick={Callback::from(move |_| step(forward))}>
                { if forward { "↓" } else { "↑" } }
            </button>
        }
    };
    html! {
        <aside class="findings" data-testid="findings" aria-label={T::Findings.text(lang)} aria-live="polite" {onclick}>
            { pinned(evaluation, props.started, lang) }
            <div class="findings-head">
                <h2>{T::Findings.text(lang)}</h2>
                { walk(false, T::PreviousFinding, "previous-finding") }
                { walk(true, T::NextFinding, "next-finding") }
            </div>
            { for empty }
            { for groups }
        </aside>
    }
}

/// The form's result, always in view beside the rows: total, grade, the weights' sum and
/// how many findings of each kind.
fn pinned(evaluation: &Evaluation, started: bool, lang: Lang) -> Html {
    let score = &evaluation.score;
    let (errors, warnings, infos) = evaluation.counts();
    let count = |n: usize, severity: Severity, testid: &'static str| {
        html! {
            <span class={classes!("count", severity.key(), (n == 0).then_some("none"))} data-testid={testid} data-value={n.to_string()}
                title={severity_title(severity).text(lang)}>
                {format!("{} {n}", severity_title(severity).text(lang))}
            </span>
        }
    };
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    html! {
        <div class="pinned">
            <span class="pinned-figure">
                {T::Total.text(lang)}{" "}
                <strong data-testid="pinned-total" data-value={score.total.map(plain).unwrap_or_default()}>
                    {score.total.map_or_else(|| "—".to_owned(), two_places)}
                </strong>
            </span>
            <span class="pinned-figure">
                {T::Grade.text(lang)}{" "}
                <strong data-testid="pinned-grade" class={classes!("grade", grade_class(score.grade))}>{grade_label(score.grade, started)}</strong>
            </span>
            <span class="pinned-figure">
                {T::WeightSumShort.text(lang)}{" "}
                <strong data-testid="pinned-weights" data-value={plain(score.weight_sum)}
                    class={classes!((started && score.weight_sum != hundred).then_some("bad"))}>{plain(score.weight_sum)}</strong>
            </span>
            <span class="pinned-counts">
                { count(errors, Severity::Error, "pinned-errors") }
                { count(warnings, Severity::Warning, "pinned-warnings") }
                { count(infos, Severity::Info, "pinned-infos") }
            </span>
        </div>
    }
}
