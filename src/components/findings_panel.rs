//! The review findings of the form shown, grouped by severity with counts. Each finding is
//! a link to the cell it concerns (one click handler for the list); the list is announced
//! politely to screen readers.

use std::collections::HashSet;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use zipin_core::check::{Finding, Severity};

use crate::components::cell::target_of;
use crate::i18n::{Lang, T};
use crate::marks::selector;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub findings: Shared<Vec<Finding>>,
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
fn keys(ordered: &[&Finding]) -> Vec<String> {
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

/// A click on any finding moves the focus to the cell it concerns, scrolling it into view:
/// one handler for the whole list, which finds the clicked finding by its place in the list
/// and its cell by [`selector`] only when clicked.
fn focus_finding(findings: Shared<Vec<Finding>>) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        let clicked = target_of(&event)
            .and_then(|target| target.closest("[data-testid=\"finding\"]").ok().flatten());
        let links = event
            .current_target()
            .and_then(|list| list.dyn_into::<web_sys::Element>().ok())
            .and_then(|list| list.query_selector_all("[data-testid=\"finding\"]").ok());
        let (Some(clicked), Some(links)) = (clicked, links) else {
            return;
        };
        let clicked: &web_sys::Node = &clicked;
        let position =
            (0..links.length()).position(|n| links.get(n).is_some_and(|link| &link == clicked));
        let ordered = in_display_order(&findings);
        let Some(place) = position
            .and_then(|position| ordered.get(position))
            .map(|finding| finding.place)
        else {
            return;
        };
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector(place)).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
            element.scroll_into_view_with_bool(false);
        }
    })
}

#[function_component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let ordered = in_display_order(&props.findings);
    let keys = keys(&ordered);
    let keyed: Vec<(&Finding, String)> = ordered.into_iter().zip(keys).collect();
    let groups = keyed.chunk_by(|(a, _), (b, _)| a.severity == b.severity).map(|group| {
        let severity = group.first().map_or(Severity::Info, |(finding, _)| finding.severity);
        html! {
            <section key={severity.key()} class={classes!("finding-group", severity.key())}>
                <h3>{format!("{}（{}）", severity_title(severity).text(lang), group.len())}</h3>
                <ul>
                    { for group.iter().map(|(finding, key)| html! {
                        <li key={key.as_str()} data-testid="finding" data-code={finding.code.key()} data-severity={finding.severity.key()}>
                            <button type="button" class="finding-link">
                                <code class="code">{finding.code.key()}</code>
                                <span class="message">{finding.message.clone()}</span>
                            </button>
                        </li>
                    }) }
                </ul>
            </section>
        }
    });
    let empty = props
        .findings
        .is_empty()
        .then(|| html! { <p class="no-findings">{T::NoFindings.text(lang)}</p> });
    html! {
        <aside class="findings" data-testid="findings" aria-live="polite" onclick={focus_finding(props.findings.clone())}>
            <h2>{T::Findings.text(lang)}</h2>
            { for empty }
            { for groups }
        </aside>
    }
}
