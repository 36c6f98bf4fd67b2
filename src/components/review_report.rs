//! The review report (复核意见书) of the whole document: each form's figures as filed and as
//! computed, and every finding in order, to copy into a memo or print.

use std::rc::Rc;

use yew::prelude::*;
use zipin_core::model::Document;
use zipin_core::report::review_report;
use zipin_core::Evaluation;

use crate::browser::clipboard::copy_text;
use crate::i18n::{Lang, T};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ReviewReportProps {
    pub document: Shared<Document>,
    pub evaluations: Shared<Vec<Rc<Evaluation>>>,
    pub on_close: Callback<()>,
}

/// A figure's label in the page's language (the report's own labels are the forms' Chinese).
fn figure_label(label: &'static str, lang: Lang) -> &'static str {
    match (lang, label) {
        (Lang::En, "执行率") => T::Rate.text(lang),
        (Lang::En, "预算执行得分") => T::BudgetScore.text(lang),
        (Lang::En, "总分") => T::Total.text(lang),
        (Lang::En, "等级") => T::Grade.text(lang),
        _ => label,
    }
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
        let copy_one = {
            let (report, copied) = (report.clone(), copied.clone());
            Callback::from(move |_| {
                let text = report.forms.get(index).map(|form| form.to_text(index + 1)).unwrap_or_default();
                copied.set(Some(copy_text(&text)));
            })
        };
        html! {
            <section class="report-form" data-testid="report-form">
                <header class="report-form-head">
                    <h3>{format!("{}、{}", index + 1, form.title)}</h3>
                    <button type="button" data-testid="copy-form-report" onclick={copy_one}>{T::CopyFormReport.text(lang)}</button>
                </header>
                <p class="report-conclusion" data-testid="report-conclusion"><strong>{T::Conclusion.text(lang)}</strong>{form.conclusion.clone()}</p>
                <table class="report-figures">
                    <thead><tr><th scope="col"></th><th scope="col">{T::Claimed.text(lang)}</th><th scope="col">{T::Computed.text(lang)}</th><th scope="col"></th></tr></thead>
                    <tbody>
                        { for form.figures.iter().map(|figure| html! {
                            <tr class={classes!(figure.differs.then_some("differs"))}>
                                <th scope="row">{figure_label(figure.label, lang)}</th>
                                <td>{if figure.claimed.is_empty() { "—".to_owned() } else { figure.claimed.clone() }}</td>
                                <td>{figure.computed.clone()}</td>
                                <td>{if figure.differs { T::Differs.text(lang) } else { "" }}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if form.lines.is_empty() {
                    <p class="no-findings">{T::NoFindings.text(lang)}</p>
                } else {
                    <ol class="report-findings">
                        { for form.lines.iter().map(|line| {
                            let codes: Vec<&str> = line.codes.iter().map(|code| code.key()).collect();
                            html! {
                                <li data-testid="report-finding" data-code={codes.first().copied().unwrap_or_default()}
                                    data-codes={codes.join(" ")} data-severity={line.severity.key()} class={line.severity.key()}>
                                    <strong>{line.title.clone()}</strong>{"："}{line.text.clone()}
                                </li>
                            }
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
