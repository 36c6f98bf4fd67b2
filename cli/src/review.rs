//! `zipin review`: every form of every file, the figures and findings the page's desk shows,
//! read on all cores; the table, CSV and workbook are the desk's own exports.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use zipin_core::check::{Finding, Severity};
use zipin_core::export::{delimited, xlsx};
use zipin_core::profile::Profile;
use zipin_core::report::severity_name;
use zipin_core::review::memos::table_layout;
use zipin_core::review::{FormRecord, ReviewRow};

use crate::args::{Format, ReviewArgs};
use crate::inputs::{expand, Input};
use crate::output;
use crate::reading::read_file;
use crate::status::Status;
use crate::text_table;

/// One form reviewed: its row of the table and its findings.
pub struct Reviewed {
    pub row: ReviewRow,
    pub findings: Vec<Finding>,
}

/// One file reviewed: its forms, or why it gave none.
struct FileReview {
    forms: Result<Vec<Reviewed>, String>,
}

/// Reads and reviews one input (an archive gives one result per report inside).
fn review_input(input: &Input, profile: &Profile) -> Vec<FileReview> {
    read_file(&input.path, &input.name)
        .into_iter()
        .map(|file| FileReview {
            forms: file.forms.map(|forms| {
                forms
                    .iter()
                    .enumerate()
                    .map(|(index, form)| {
                        let evaluation = zipin_core::evaluate(form, profile);
                        Reviewed {
                            row: ReviewRow::of(form, &evaluation, index),
                            findings: evaluation.findings,
                        }
                    })
                    .collect()
            }),
        })
        .collect()
}

/// A progress bar on a terminal's standard error; none when it is piped.
fn progress(files: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(files).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} 份 {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Runs `zipin review`.
pub fn run(args: &ReviewArgs) -> Status {
    let inputs = expand(&args.paths);
    let mut status = Status::Clean;
    for missing in &inputs.missing {
        eprintln!("zipin: {missing}");
        status = Status::Unreadable;
    }
    if inputs.passed_over > 0 {
        eprintln!(
            "zipin: 文件夹中另有 {} 个文件不是报表（.docx、.xlsx、.xls、.doc、.json、.csv、.tsv、.txt、.html），未读取",
            inputs.passed_over
        );
    }
    if inputs.files.is_empty() && inputs.missing.is_empty() {
        eprintln!(
            "zipin: 没有找到报表文件（.docx、.xlsx、.xls、.doc、.json、.csv、.tsv、.txt、.html）"
        );
        status = Status::Unreadable;
    }
    let profile = Profile::builtin(args.profile);
    let bar = progress(inputs.files.len());
    let files: Vec<FileReview> = inputs
        .files
        .par_iter()
        .flat_map_iter(|input| {
            bar.set_message(input.name.clone());
            let reviewed = review_input(input, &profile);
            bar.inc(1);
            reviewed
        })
        .collect();
    bar.finish_and_clear();
    let mut forms = Vec::new();
    let mut unreadable = 0_usize;
    for file in files {
        match file.forms {
            Ok(reviewed) => forms.extend(reviewed),
            Err(why) => {
                eprintln!("zipin: {why}");
                status = Status::Unreadable;
                unreadable = unreadable.saturating_add(1);
            }
        }
    }
    if status == Status::Clean && forms.iter().any(|form| form.row.errors > 0) {
        status = Status::Errors;
    }
    let written = match args.format {
        Format::Json => output::write(args.out.as_deref(), json(&forms).as_bytes(), false),
        Format::Csv => output::write(args.out.as_deref(), &delimited::csv(&layout(&forms)), false),
        Format::Xlsx => output::write(
            args.out.as_deref(),
            &xlsx::workbook(&[("复核表", layout(&forms))]),
            true,
        ),
        Format::Table => output::write(
            args.out.as_deref(),
            table(&forms, unreadable).as_bytes(),
            false,
        ),
    };
    match written {
        Ok(()) => status,
        Err(why) => {
            eprintln!("zipin: {why}");
            Status::Unreadable
        }
    }
}

/// The records of `../shared/CONTRACT.md`, "The command line", as one JSON array.
fn json(forms: &[Reviewed]) -> String {
    let records: Vec<FormRecord> = forms
        .iter()
        .map(|form| FormRecord::of(&form.row, &form.findings))
        .collect();
    let mut text = serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

/// The desk's review table, in file order then form order.
fn layout(forms: &[Reviewed]) -> zipin_core::export::layout::Layout {
    let rows: Vec<ReviewRow> = forms.iter().map(|form| form.row.clone()).collect();
    let order: Vec<usize> = (0..rows.len()).collect();
    table_layout(&rows, &order)
}

/// The table for a person: the review table lined up, then each form's findings, then the
/// counts (with the files that could not be read, named on standard error).
fn table(forms: &[Reviewed], unreadable: usize) -> String {
    let layout = layout(forms);
    let rows: Vec<Vec<String>> = layout
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.text.clone()).collect())
        .collect();
    let mut out = text_table::render(&rows);
    if forms.iter().any(|form| !form.findings.is_empty()) {
        out.push_str("\n复核意见\n");
    }
    for form in forms.iter().filter(|form| !form.findings.is_empty()) {
        out.push_str(&format!("\n{} · {}\n", form.row.file, form.row.name.trim()));
        let mut findings: Vec<&Finding> = form.findings.iter().collect();
        findings.sort_by_key(|finding| rank(finding.severity));
        for finding in findings {
            out.push_str(&format!(
                "  {}  {}：{}\n",
                severity_name(finding.severity),
                finding.code.title(),
                finding.message
            ));
        }
    }
    let with_errors = forms.iter().filter(|form| form.row.errors > 0).count();
    let files = forms
        .iter()
        .map(|form| form.row.file.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.push_str(&format!(
        "\n{files} 份文件，{} 张表；{with_errors} 张有错误",
        forms.len()
    ));
    if unreadable > 0 {
        out.push_str(&format!("；另有 {unreadable} 份文件无法读取"));
    }
    out.push('\n');
    out
}

/// Errors first, then warnings, then notes.
fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}
