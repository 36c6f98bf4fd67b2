//! The review findings of the form shown, grouped by severity with counts.

use yew::prelude::*;
use zipin_core::check::{Finding, Severity};

use crate::i18n::{Lang, T};
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

#[function_component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let groups = [Severity::Error, Severity::Warning, Severity::Info].into_iter().filter_map(|severity| {
        let items: Vec<&Finding> = props.findings.iter().filter(|finding| finding.severity == severity).collect();
        if items.is_empty() {
            return None;
        }
        Some(html! {
            <section class={classes!("finding-group", severity.key())}>
                <h3>{format!("{}（{}）", severity_title(severity).text(lang), items.len())}</h3>
                <ul>
                    { for items.into_iter().map(|finding| html! {
                        <li data-testid="finding" data-code={finding.code.key()} data-severity={finding.severity.key()}>
                            <code class="code">{finding.code.key()}</code>
                            <span class="message">{finding.message.clone()}</span>
                        </li>
                    }) }
                </ul>
            </section>
        })
    });
    let empty = props.findings.is_empty().then(|| html! { <p class="no-findings">{T::NoFindings.text(lang)}</p> });
    html! {
        <aside class="findings" data-testid="findings" aria-live="polite">
            <h2>{T::Findings.text(lang)}</h2>
            { for empty }
            { for groups }
        </aside>
    }
}
