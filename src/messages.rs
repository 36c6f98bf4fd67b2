//! The engine's notices, errors and reading words in the page's language. The Chinese is the
//! engine's own (its `Display` and labels), never repeated here; the English is written here,
//! for a finance officer reading it. A file that cannot be opened ([`FileError`]) is the
//! page's own, so both its languages are here.

use std::fmt::Display;

use zipin_core::import::forms::{MAX_MAPPED_COLUMNS, MAX_ROWS};
use zipin_core::import::grid::MAX_POSITIONS;
use zipin_core::import::header::Role;
use zipin_core::import::notices::{megabytes, NoForm, Skip};
use zipin_core::import::office::{OfficeError, MAX_SHEETS};
use zipin_core::import::reading::{self, Part, SkipReason, WeightSource};
use zipin_core::import::MAX_BYTES;
use zipin_core::json::{Flaw, LoadError, MAX_DOCUMENT_BYTES};
use zipin_core::model::{DOCUMENT_VERSION, MAX_FORMS};
use zipin_core::zip::ZipError;

use crate::desk::sets::SetError;
use crate::i18n::Lang;
use crate::offline::OfflineError;
use zipin_core::files::{Cap, FileError, FileProblem};

/// The engine's Chinese for `message` (its `Display`), or the English `english` writes.
fn said<M: Display>(message: &M, lang: Lang, english: fn(&M) -> String) -> String {
    match lang {
        Lang::Zh => message.to_string(),
        Lang::En => english(message),
    }
}

/// A count with thousands separators: 2,000,000.
fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What an import left out, and why.
pub fn skip(skip: &Skip, lang: Lang) -> String {
    said(skip, lang, skip_in_english)
}

/// [`skip`] in English.
fn skip_in_english(skip: &Skip) -> String {
    match skip {
        Skip::TooManyCells => format!(
            "Table too large: more than {} cells (a merged cell counts as every cell it covers). The rest was not read.",
            grouped(MAX_POSITIONS)
        ),
        Skip::TooManyRows { rows } => format!(
            "The content has {} indicator rows, and at most {} are imported at once: only the first {} were imported. Paste the rest in batches.",
            grouped(*rows),
            grouped(MAX_ROWS),
            grouped(MAX_ROWS)
        ),
        Skip::NotAForm { title } => format!("“{title}” is not a scored form: skipped."),
        Skip::TooWide { columns } => format!(
            "A table without a header row has {columns} columns, more than the {MAX_MAPPED_COLUMNS} an indicator table can have: not read."
        ),
        Skip::DocumentFull { taken, left } => format!(
            "A document holds at most {} forms: only the first {taken} were imported this time, and the other {left} were not.",
            grouped(MAX_FORMS)
        ),
    }
}

/// Why an import found no form.
pub fn no_form(why: &NoForm, lang: Lang) -> String {
    said(why, lang, no_form_in_english)
}

/// [`no_form`] in English.
fn no_form_in_english(why: &NoForm) -> String {
    match why {
        NoForm::TooLarge { bytes } => format!(
            "The content is too large ({}): at most {} MB can be imported at once. Paste it in batches, or copy only the tables you need.",
            megabytes(*bytes),
            MAX_BYTES / 1_048_576
        ),
        NoForm::Empty => "The content is empty.".to_owned(),
        NoForm::NotFound => "No form to score was found. It needs an indicator table with its header row (一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分) or a funds table (全年预算数, 全年执行数).".to_owned(),
    }
}

/// Why a saved document could not be opened.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    said(error, lang, load_error_in_english)
}

/// [`load_error`] in English.
fn load_error_in_english(error: &LoadError) -> String {
    match error {
        LoadError::NotADocument(flaw) => format!(
            "This is not a document saved by zipin, so it cannot be opened ({}).",
            self::flaw(flaw)
        ),
        LoadError::TooLarge(bytes) => format!(
            "This document is {} MB, over the {} MB a document may be, so it cannot be opened.",
            bytes / 1_048_576,
            MAX_DOCUMENT_BYTES / 1_048_576
        ),
        LoadError::TooManyForms(count) => format!(
            "This document has {} forms, more than the {} a document can hold, so it cannot be opened.",
            grouped(*count),
            grouped(MAX_FORMS)
        ),
        LoadError::TooNew(version) => format!(
            "This document was saved by a newer version of zipin (format version {version}); this page opens documents of version {DOCUMENT_VERSION} and earlier."
        ),
    }
}

/// What makes a text not a zipin document, in English.
fn flaw(flaw: &Flaw) -> String {
    match flaw {
        Flaw::NotJson { line } => format!("not valid JSON: line {line}"),
        Flaw::NoVersion => "no version number".to_owned(),
        Flaw::Incomplete(detail) => format!("incomplete: {detail}"),
    }
}

/// Why a file is not a ZIP zipin can read.
pub fn zip_error(error: &ZipError, lang: Lang) -> String {
    said(error, lang, zip_error_in_english)
}

/// [`zip_error`] in English.
fn zip_error_in_english(error: &ZipError) -> String {
    match error {
        ZipError::Incomplete => {
            "Not a valid .docx or .xlsx file (its ZIP structure is incomplete)."
        }
        ZipError::Zip64 => "The file is too large to read (ZIP64).",
    }
    .to_owned()
}

/// Why an Office file is not read.
pub fn office_error(error: &OfficeError, lang: Lang) -> String {
    said(error, lang, office_error_in_english)
}

/// [`office_error`] in English.
fn office_error_in_english(error: &OfficeError) -> String {
    match error {
        OfficeError::TooManySheets { count } => format!(
            "The workbook has {} worksheets, more than the {} that can be read at once: not read. Split it into several files and open each.",
            grouped(*count),
            grouped(MAX_SHEETS)
        ),
        OfficeError::NoContent => {
            "The file holds no Word document body or Excel worksheet, so it cannot be read."
                .to_owned()
        }
    }
}

/// Why a review set could not be read back.
pub fn set_error(error: &SetError, lang: Lang) -> String {
    match (error, lang) {
        (SetError::Storage(why), Lang::Zh) => {
            format!("无法读取复核集：浏览器的本地数据库不可用（{why}）")
        }
        (SetError::Storage(why), Lang::En) => {
            format!(
                "Cannot read the review set: the browser's local database is unavailable ({why})"
            )
        }
        (SetError::Missing, Lang::Zh) => "这个复核集已不在本机。".to_owned(),
        (SetError::Missing, Lang::En) => "This review set is no longer on this PC.".to_owned(),
        (SetError::Unreadable(error), lang) => load_error(error, lang),
    }
}

/// Why the offline file could not be offered.
pub fn offline_error(error: &OfflineError, lang: Lang) -> String {
    match (error, lang) {
        (OfflineError::Assets(detail), Lang::Zh) => format!("无法生成离线版：{detail}"),
        (OfflineError::Assets(detail), Lang::En) => {
            format!("Could not write the offline file: {detail}")
        }
        (OfflineError::Refused, Lang::Zh) => "浏览器拒绝了下载。".to_owned(),
        (OfflineError::Refused, Lang::En) => "The browser refused the download.".to_owned(),
    }
}

/// Why a file could not be opened, with its name.
pub fn file_error(error: &FileError, lang: Lang) -> String {
    said(error, lang, file_error_in_english)
}

/// [`file_error`] in English.
fn file_error_in_english(error: &FileError) -> String {
    let name = &error.name;
    let named = |why: String| format!("“{name}”: {why}");
    match &error.problem {
        FileProblem::Unreadable(why) => format!("Cannot read the file “{name}”: {why}"),
        FileProblem::LegacyOffice => format!("“{name}” is in the old binary Office format (.xls / .doc): save it as .xlsx or .docx in Excel, WPS or Word, then open it again."),
        FileProblem::Zip(error) => named(zip_error_in_english(error)),
        FileProblem::Office(error) => named(office_error_in_english(error)),
        FileProblem::Document(error) => named(load_error_in_english(error)),
        FileProblem::EntryTooLarge { entry, cap } => {
            let most = cap.size();
            let which = match cap {
                Cap::Entry => format!("The part {entry} of the file unpacks to more than {most}"),
                Cap::File => format!("The parts of the file unpack to more than {most} together (at {entry})"),
                Cap::Archive => format!("The files in the .zip unpack to more than {most} together (at {entry})"),
                Cap::ArchiveReports => format!("The reports in this .zip have unpacked to more than {most} together (at {entry})"),
            };
            named(format!("{which} (the file may be damaged or built to do harm): not read."))
        }
        FileProblem::InflateFailed { entry, why } => named(format!("Unpacking {entry} failed: {why}")),
        FileProblem::UnsupportedMethod(method) => named(format!("Unsupported compression method ({method}).")),
        FileProblem::ArchiveInArchive => named("A file inside the .zip is itself an archive: not read. Unpack the outer archive first.".to_owned()),
    }
}

/// What a column holds, as the column chooser and the import reading name it.
pub fn role(role: Role, lang: Lang) -> &'static str {
    let Lang::En = lang else {
        return role.label();
    };
    match role {
        Role::Initial => "Initial budget",
        Role::FullYear => "Full-year budget",
        Role::Executed => "Executed",
        Role::Rate => "Execution rate",
        Role::Weight => "Weight",
        Role::Score => "Score",
        Role::Level1 => "Level 1",
        Role::Level2 => "Level 2",
        Role::Name => "Indicator (level 3)",
        Role::Target => "Annual target",
        Role::Actual => "Actual",
        Role::Nature => "Nature (≥, ≤, =)",
        Role::Unit => "Unit",
        Role::Reason => "Reasons for deviation and improvements",
        Role::Label => "(row label)",
        Role::AdjustedTarget => "Adjusted target",
        Role::Share => "Weight share (%)",
        Role::Converted => "Converted score",
        Role::Coefficient => "Score coefficient (%)",
    }
}

/// A part of a form (funds, indicators).
pub fn part(part: Part, lang: Lang) -> &'static str {
    match (part, lang) {
        (part, Lang::Zh) => part.label(),
        (Part::Funds, Lang::En) => "Funds",
        (Part::Indicators, Lang::En) => "Performance indicators",
    }
}

/// Why a row was not read as an indicator.
pub fn skip_reason(reason: SkipReason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (reason, Lang::Zh) => reason.label(),
        (SkipReason::Note, Lang::En) => "a note or filing instructions",
        (SkipReason::Checkbox, Lang::En) => "check boxes (project category and the like), not an indicator",
        (SkipReason::NoIndicator, Lang::En) => "only the names of indicator levels, no level-3 indicator",
        (SkipReason::Sum, Lang::En) => "a total row: read as the total score filed",
        (SkipReason::Subtotal, Lang::En) => "a subtotal row: a level-1 indicator's sum, which zipin computes itself",
        (SkipReason::Heading, Lang::En) => "the heading row of a level-1 or level-2 indicator: its weight is read as that level's weight, and its score is the sum of the indicators under it",
    }
}

/// Where a form's budget execution weight came from.
pub fn weight_source(source: &WeightSource, lang: Lang) -> String {
    match (source, lang) {
        (source, Lang::Zh) => source.describe(),
        (WeightSource::Profile, Lang::En) => {
            "the chosen rule profile (the form does not state it)".to_owned()
        }
        (WeightSource::Cell, Lang::En) => "the funds table's weight (分值) cell".to_owned(),
        (WeightSource::Header(text), Lang::En) => format!("the header “{text}”"),
        (WeightSource::NoBudgetPart, Lang::En) => "none: the form has no budget score, its indicator weights already add up to 100, so budget execution counts 0".to_owned(),
    }
}

/// A column the form lacks, and what its absence means for the form's figures.
pub fn missing_note(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (role, Lang::Zh) => reading::missing_note(role),
        (Role::Weight, Lang::En) => "Weight (the indicators have no weight: scored as filed, checked against each level-1 indicator's maximum)",
        (Role::Actual, Lang::En) => "Actual (the indicators' scores cannot be checked against the rules)",
        (Role::Score, Lang::En) => "Score (each indicator is scored by the rules)",
        (role, Lang::En) => self::role(role, Lang::En),
    }
}
