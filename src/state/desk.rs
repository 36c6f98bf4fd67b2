//! The reviewer's desk's share of the page's state: which view is shown, a set's reading in
//! progress, the files it read and the ones it could not, and how its table is sorted and
//! filtered (kept here, so returning from a form finds the table as it was left).

use serde::{Deserialize, Serialize};
use zipin_core::review::table::{Filter, Sort};

use zipin_core::files::{FileError, NoForms};

/// What the page shows: the forms to fill and check, or the desk's table of a whole set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Editor,
    Desk,
    /// The report's narrative (报告正文) and its findings, once a report brought one.
    Narrative,
}

/// A file a set has read, known by its name and size: opening it again adds nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    pub name: String,
    pub size: u64,
}

/// Why a file of a set gave no form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailReason {
    /// It could not be opened.
    File(FileError),
    /// It opened, but gave no form: none found, or columns to choose first (in the editor).
    Tables(NoForms),
    /// As worded when the set was saved (a set read back from storage).
    Said(String),
}

/// A file that gave no form, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed {
    pub file: String,
    pub why: FailReason,
}

/// How far a reading has come: files done of files found, and the one being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}

/// The desk's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeskState {
    pub progress: Option<Progress>,
    pub files: Vec<FileKey>,
    pub failed: Vec<Failed>,
    pub sort: Sort,
    pub filter: Filter,
    /// Files the last reading passed over because the set already held them.
    pub skipped: usize,
    /// A reading is filling a set it created: its files add no steps to undo.
    pub fresh_reading: bool,
    /// The form last opened from the table: coming back, the table finds its row.
    pub opened: Option<zipin_core::model::FormId>,
}
