//! The review report (复核意见书) of the whole document: each form's figures as filed and as
//! computed, and every finding in order, to copy into a memo or print.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::model::Document;
use zipin_core::report::review_report;
use zipin_core::Evaluation;

use crate::clipboard::copy_text;
use crate::i18n::{Lang, T};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ReviewReportProps {
    pub document: Shared<Document>,
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    pub on_close: Callback<()>,
}

/// Prints only the report: the page is marked so the print style hides everything else.
fn print_report() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let (Some(root), Some(window)) = (root, web_sys::window()) {
        let _ = root.class_list().add_1("print-report");
        let _ = window.print();
        let _ = root.class_list().remove_1("print-report");
    }
}

#[function_component]
pub fn ReviewReport(props: &ReviewReportProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = use_memo(
        (props.document.clone(), props.evaluations.clone()),
        |(document, evaluations)| review_report(document, evaluations),
    );
    let copied = use_state(|| None::<bool>);
    let copy = {
        let (report, copied) = (report.clone(), copied.clone());
        Callback::from(move |_| copied.set(Some(copy_text(&report.to_text()))))
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let status = match *copied {
        Some(true) => {
            html! { <span class="copy-status ok" role="status">{T::Copied.text(lang)}</span> }
        }
        Some(false) => html! {
            <div class="copy-status bad" role="alert">
                {T::CopyFailed.text(lang)}
                <textarea readonly=true class="report-text" aria-label={T::ReviewReport.text(lang)} value={report.to_text()} />
            </div>
        },
        None => html! {},
    };
    let forms = report.forms.iter().enumerate().map(|(index, form)| {
        html! {
            <section class="report-form" data-testid="report-form">
                <h3>{format!("{}、{}", index + 1, form.title)}</h3>
                <table class="report-figures">
                    <thead><tr><th scope="col"></th><th scope="col">{T::Claimed.text(lang)}</th><th scope="col">{T::Computed.text(lang)}</th><th scope="col"></th></tr></thead>
                    <tbody>
                        { for form.figures.iter().map(|figure| html! {
                            <tr class={classes!(figure.differs.then_some("differs"))}>
                                <th scope="row">{figure.label}</th>
                                <td>{if figure.claimed.is_empty() { "—".to_owned() } else { figure.claimed.clone() }}</td>
                                <td>{figure.computed.clone()}</td>
                                <td>{if figure.differs { T::Differs.text(lang) } else { "" }}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if form.findings.is_empty() {
                    <p class="no-findings">{T::NoFindings.text(lang)}</p>
                } else {
                    <ol class="report-findings">
                        { for form.findings.iter().map(|finding| html! {
                            <li data-testid="report-finding" data-code={finding.code.key()} data-severity={finding.severity.key()}
                                class={finding.severity.key()}>
                                {finding.message.clone()}{" "}<code>{finding.code.key()}</code>
                            </li>
                        }) }
                    </ol>
                }
            </section>
        }
    });
    html! {
        <section class="review-report" data-testid="review-report" aria-label={T::ReviewReport.text(lang)}>
            <header class="report-head">
                <h2>{T::ReviewReport.text(lang)}</h2>
                <button type="button" data-testid="copy-report" onclick={copy}>{T::CopyReport.text(lang)}</button>
                <button type="button" data-testid="print-report" onclick={Callback::from(|_| print_report())}>{T::PrintReport.text(lang)}</button>
                <button type="button" data-testid="close-report" onclick={close}>{T::CloseReport.text(lang)}</button>
                { status }
            </header>
            { for forms }
        </section>
    }
}
