//! The floor under the page's size: the bare Yew page (benches/hello) carrying the whole
//! engine — each part of `zipin-core` the page calls: the importers (paste, CSV, Word and
//! Excel files), JSON, edits, scoring and checks, the report's words, the review report, the
//! exports and the offline file. Built as the page is, it weighs what any page with this
//! engine in Yew must; `weigh.sh` prints it beside the page. Its input is the address's `#…`
//! (any paste, CSV or saved document), so the optimiser cannot fold the work away.
use std::rc::Rc;
use yew::prelude::*;
use zipin_core::edit::{apply, blank_form, Edit};
use zipin_core::evaluator::Evaluator;
use zipin_core::import::forms::{Imported, Layouts};
use zipin_core::import::notices::Notice;
use zipin_core::import::office::OfficeError;
use zipin_core::model::{Document, FormKind};
use zipin_core::number::{percent, plain, read_number, two_places, NumberCell};
use zipin_core::offline::{base64, single_file_html, OfflineParts};
use zipin_core::profile::{Profile, ProfileId};
use zipin_core::{export, import, json, report, zip, Evaluation};

/// Reads `text` every way the page can, scores, checks and writes it out every way the page
/// can; returns the first form's total and the bytes written.
fn run(text: &str) -> (String, usize) {
    let layouts = Layouts::default();
    let profile = ProfileId::from_key(text).map_or_else(Profile::default, Profile::builtin);
    let mut written = 0;
    let imported = [
        import::too_large(text.len()).unwrap_or_else(|| import::import(text, Some(text), &layouts)),
        import::import_delimited(text, ',', &layouts),
        office(text.as_bytes(), &layouts).unwrap_or_else(|problem| {
            written += problem.to_string().len();
            Imported::default()
        }),
    ];
    let mut document = json::from_json(text).unwrap_or_else(|error| {
        written += error.to_string().len();
        Document::new(profile.clone())
    });
    for Imported {
        forms,
        readings,
        notices,
        narrative,
    } in imported
    {
        document.narrative.extend(narrative);
        written += readings.len();
        written += notices
            .iter()
            .map(|notice| match notice {
                Notice::Skipped(skip) => skip.to_string().len(),
                Notice::NoForm(why) => why.to_string().len(),
                Notice::NeedsMapping { header, .. } => header.len(),
            })
            .sum::<usize>();
        document.forms.extend(forms.into_iter().map(Rc::new));
    }
    document
        .forms
        .push(Rc::new(blank_form(FormKind::Department, &profile)));
    apply(
        &mut document,
        Edit::AddForm {
            kind: FormKind::Project,
        },
    );
    let mut evaluator = Evaluator::new(profile);
    let evaluations: Vec<Evaluation> = document
        .forms
        .iter()
        .map(|form| evaluator.evaluate(form))
        .collect();
    for evaluation in &evaluations {
        written += evaluation
            .findings
            .iter()
            .map(|finding| finding.message.len())
            .sum::<usize>();
        written += evaluation
            .score
            .total
            .map(percent)
            .unwrap_or_default()
            .len();
    }
    if let NumberCell::Number(number) = read_number(text) {
        written += plain(number).len();
    }
    written += report::review_report(&document, &evaluations)
        .to_text()
        .len();
    let sheets = export::forms_computed(&document, &evaluations);
    written += export::xlsx::workbook(&sheets).len();
    written += sheets
        .iter()
        .map(|(_, layout)| {
            export::delimited::tsv(layout).len() + export::delimited::csv(layout).len()
        })
        .sum::<usize>();
    written += export::xlsx::workbook(&[("表", export::document_as_typed(&document))]).len();
    let saved = json::to_json(&document);
    let parts = OfflineParts {
        css: text,
        glue_base64: &base64(text.as_bytes()),
        wasm_gzip_base64: text,
        document_json: Some(&saved),
    };
    written += single_file_html(&parts).len();
    let total = evaluations
        .first()
        .and_then(|evaluation| evaluation.score.total)
        .map_or_else(String::new, two_places);
    (total, written)
}

/// The Office importer as the page drives it: each part of the ZIP wrapped as gzip, then
/// read as text (the page inflates the wrapped part with the browser's `DecompressionStream`
/// in between; here it is read as it is).
fn office(bytes: &[u8], layouts: &Layouts) -> Result<Imported, OfficeError> {
    let parts: Vec<(String, String)> = match zip::entries(bytes) {
        Ok(entries) => entries
            .iter()
            .map(|entry| {
                (
                    entry.name.clone(),
                    String::from_utf8_lossy(&zip::gzip_wrap(entry)).into_owned(),
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    import::office::blocks(&parts).map(|blocks| import::import_blocks(blocks, layouts, false))
}

#[function_component]
fn Floor() -> Html {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    let (total, written) = run(&hash);
    html! { <p data-testid="total-score" data-written={written.to_string()}>{total}</p> }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
