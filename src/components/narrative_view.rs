//! 报告正文: the report's narrative beside its forms. The sentences the checks quote are
//! marked in the text; each finding leads to its sentence and, where it disagrees with a
//! form, to the form's cell; the text can be edited, and is checked again as it is typed.

use std::collections::HashMap;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;
use zipin_core::check::{Code, Severity};
use zipin_core::edit::Edit;
use zipin_core::model::Document;
use zipin_core::narrative::sentences::is_heading;
use zipin_core::narrative::{check_narrative, unchecked_from, NarrativeFinding};
use zipin_core::Evaluation;

use crate::components::findings_panel::lead_to;
use crate::i18n::{Lang, T};
use crate::shared::Shared;
use crate::state::desk::View;
use crate::state::{Action, Dispatch};

#[derive(Properties, PartialEq)]
pub struct NarrativeViewProps {
    pub document: Shared<Document>,
    pub evaluations: Shared<Vec<std::rc::Rc<Evaluation>>>,
    pub dispatch: Dispatch,
}

/// The id of a marked sentence, by its paragraph and start.
fn mark_id(paragraph: usize, start: usize) -> String {
    format!("narrative-{paragraph}-{start}")
}

fn severity_class(severity: Severity) -> &'static str {
    severity.key()
}

/// Brings a marked sentence to the middle of the view and focuses it.
fn show_sentence(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = element.focus();
    }
}

/// A sentence a finding quotes: where it stands in its paragraph, and the most serious
/// finding's severity.
type Mark = (usize, usize, Severity);

/// The marked sentences of each paragraph, gathered in one pass over the findings.
fn marks_by_paragraph(findings: &[NarrativeFinding]) -> HashMap<usize, Vec<Mark>> {
    let mut marks: HashMap<usize, Vec<Mark>> = HashMap::new();
    for finding in findings {
        marks.entry(finding.paragraph).or_default().push((
            finding.start,
            finding.end,
            finding.severity,
        ));
    }
    for list in marks.values_mut() {
        // By place, the most serious first where several findings quote one sentence.
        list.sort();
        list.dedup_by(|later, earlier| later.0 == earlier.0);
    }
    marks
}

/// A paragraph with its quoted sentences marked.
fn paragraph_html(index: usize, text: &str, marks: &[Mark]) -> Html {
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(start, end, severity) in marks {
        if start < at {
            continue;
        }
        pieces.push(html! { {text.get(at..start).unwrap_or_default()} });
        pieces.push(html! {
            <mark id={mark_id(index, start)} tabindex="-1" class={classes!("narrative-mark", severity_class(severity))}>
                {text.get(start..end).unwrap_or_default()}
            </mark>
        });
        at = end;
    }
    pieces.push(html! { {text.get(at..).unwrap_or_default()} });
    let class = classes!("narrative-p", is_heading(text).then_some("heading"));
    html! { <p {class} data-paragraph={index.to_string()}>{ for pieces }</p> }
}

#[function_component]
pub fn NarrativeView(props: &NarrativeViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let findings = use_memo(
        (props.document.clone(), props.evaluations.clone()),
        |(document, evaluations)| check_narrative(document, evaluations),
    );
    let document = &props.document;
    let items = findings.iter().map(|finding| {
        let id = mark_id(finding.paragraph, finding.start);
        let to_sentence = Callback::from(move |_| show_sentence(&id));
        // Only a disagreement with a form has a cell to lead to.
        let to_form = finding.form.filter(|_| finding.code == Code::NarrativeFormMismatch).map(|form| {
            let (dispatch, place) = (props.dispatch.clone(), finding.place);
            let onclick = Callback::from(move |_| {
                dispatch.dispatch(Action::Show(View::Editor));
                dispatch.dispatch(Action::Select(form));
                Timeout::new(0, move || lead_to(place)).forget();
            });
            html! { <button type="button" data-testid="show-form-cell" {onclick}>{T::ShowFormCell.text(lang)}</button> }
        });
        html! {
            <li data-testid="narrative-finding" data-code={finding.code.key()} data-severity={finding.severity.key()}
                class={classes!("finding", severity_class(finding.severity))}>
                <strong>{finding.code.title()}</strong>{"："}{&finding.message}
                <blockquote>{finding.sentence(document)}</blockquote>
                <button type="button" data-testid="show-sentence" onclick={to_sentence}>{T::ShowSentence.text(lang)}</button>
                { for to_form }
            </li>
        }
    });
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let Some(area) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let paragraphs = area.value().split('\n').map(str::to_owned).collect();
            dispatch.dispatch(Action::Edit(Edit::SetNarrative(paragraphs)));
        })
    };
    let marks = marks_by_paragraph(&findings);
    let paragraphs = document
        .narrative
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(index, text)| {
            paragraph_html(
                index,
                text,
                marks.get(&index).map_or(&[][..], Vec::as_slice),
            )
        });
    html! {
        <section class="narrative" data-testid="narrative" aria-labelledby="narrative-title">
            <h2 id="narrative-title">{T::NarrativeTitle.text(lang)}</h2>
            <p class="hint">{T::NarrativeHint.text(lang)}</p>
            if let Some(from) = unchecked_from(document) {
                <p class="hint bad" role="status" data-testid="narrative-unchecked">
                    {T::NarrativeUnchecked.text(lang).replace("{n}", &from.to_string())}
                </p>
            }
            <h3>{T::NarrativeFindings.text(lang)}</h3>
            if findings.is_empty() {
                <p class="narrative-clean">{T::NarrativeClean.text(lang)}</p>
            } else {
                <ul class="narrative-findings">{ for items }</ul>
            }
            <div class="narrative-text">{ for paragraphs }</div>
            <label class="narrative-edit">{T::NarrativeEdit.text(lang)}
                <textarea data-testid="narrative-text" rows="12" value={document.narrative.join("\n")} {oninput} />
            </label>
        </section>
    }
}
