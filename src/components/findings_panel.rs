//! The review findings of the form shown, grouped by severity with counts. Each finding is
//! a link to the cell it concerns (one click handler for the list); the list is announced
//! politely to screen readers.

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

/// A click on any finding moves the focus to the cell it concerns, scrolling it into view:
/// one handler for the whole list, which finds the finding by its `data-index` and its cell
/// by [`selector`] only when clicked.
fn focus_finding(findings: Shared<Vec<Finding>>) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        let index = target_of(&event)
            .and_then(|target| target.closest("[data-index]").ok().flatten())
            .and_then(|link| link.get_attribute("data-index"))
            .and_then(|index| index.parse::<usize>().ok());
        let Some(finding) = index.and_then(|index| findings.get(index)) else { return };
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector(finding.place)).ok().flatten())
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
    let groups = [Severity::Error, Severity::Warning, Severity::Info].into_iter().filter_map(|severity| {
        let items: Vec<(usize, &Finding)> = props.findings.iter().enumerate().filter(|(_, finding)| finding.severity == severity).collect();
        if items.is_empty() {
            return None;
        }
        Some(html! {
            <section class={classes!("finding-group", severity.key())}>
                <h3>{format!("{}（{}）", severity_title(severity).text(lang), items.len())}</h3>
                <ul>
                    { for items.into_iter().map(|(index, finding)| {
                        html! {
                            <li data-testid="finding" data-code={finding.code.key()} data-severity={finding.severity.key()}>
                                <button type="button" class="finding-link" data-index={index.to_string()}>
                                    <code class="code">{finding.code.key()}</code>
                                    <span class="message">{finding.message.clone()}</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        })
    });
    let empty = props.findings.is_empty().then(|| html! { <p class="no-findings">{T::NoFindings.text(lang)}</p> });
    html! {
        <aside class="findings" data-testid="findings" aria-live="polite" onclick={focus_finding(props.findings.clone())}>
            <h2>{T::Findings.text(lang)}</h2>
            { for empty }
            { for groups }
        </aside>
    }
}
