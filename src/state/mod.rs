//! The page's one state and its reducer: every change arrives as an [`Action`], and the
//! document is replaced, never mutated in place, so undo keeps the old `Rc` and a render
//! can tell what changed by pointer.

pub mod desk;
pub mod imports;

use std::rc::Rc;

use yew::Reducible;
use zipin_core::edit::{apply, blank_document, Edit};
use zipin_core::model::{Document, FormId, FundsColumn, RowField, RowId, SectionId, MAX_FORMS};
use zipin_core::profile::Profile;

use crate::documents::DocMeta;
use crate::shared::Shared;
use crate::state::desk::{DeskState, Failed, FileKey, Progress, View};
use crate::state::imports::{with_record, ImportRecord, Readings};
use zipin_core::import::forms::Imported;
use zipin_core::import::notices::{Notice, Skip};
use zipin_core::model::Form;
use zipin_core::review::table::{Filter, Sort};

/// The one way components change the document: the reducer's dispatcher, stable across
/// renders, so passing it down never re-renders a row by itself.
pub type Dispatch = yew::UseReducerDispatcher<AppState>;

/// How many steps undo reaches back.
pub const HISTORY_LIMIT: usize = 200;

/// What the page holds.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Which saved document this is, and its name in the list.
    pub meta: DocMeta,
    pub document: Rc<Document>,
    /// The form shown.
    pub active: FormId,
    /// The last import (a paste or a file): what the paste box reports, and an import that
    /// waits there for the user to say what its columns hold.
    pub last_import: Option<Shared<ImportRecord>>,
    /// How each imported form was read, by form id.
    pub readings: Shared<Readings>,
    /// The size in bytes of a paste being read: a large one is announced in a frame of its own
    /// before the reading holds the page (see `paste_box::import_paste`).
    pub reading: Option<usize>,
    /// The view shown.
    pub view: View,
    /// The reviewer's desk: the set's files and the table's order.
    pub desk: Rc<DeskState>,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// A document before a change, and which change it was (typing into one cell coalesces).
#[derive(Clone, Debug, PartialEq)]
struct Step {
    document: Rc<Document>,
    key: Option<Coalesce>,
}

/// The cell an edit types into: consecutive edits of the same one make one undo step.
#[derive(Clone, Debug, PartialEq)]
enum Coalesce {
    /// An indicator cell (row ids are unique in the document, so the form is not needed).
    Row {
        row: RowId,
        field: RowField,
    },
    Funds {
        form: FormId,
        row: usize,
        column: FundsColumn,
    },
    FormName(FormId),
    ClaimTotal(FormId),
    ClaimGrade(FormId),
    FundsReason(FormId),
    /// A section's declared weight.
    SectionWeight(SectionId),
    /// The files of one desk reading.
    Reading,
    /// The narrative, as typed.
    Narrative,
}

/// Everything the page can ask of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    Select(FormId),
    Undo,
    Redo,
    /// Opens another document (history starts afresh).
    Open {
        meta: DocMeta,
        document: Document,
    },
    RenameDocument(String),
    /// A paste of this many bytes is about to be read.
    Reading(usize),
    /// Takes in an import, or holds it while some column's meaning must be chosen.
    Import(ImportRecord),
    /// The content of an earlier import read again (after a column choice): its forms take
    /// the place of the ones it gave before, or, if it was held, it is taken in now.
    Reimport {
        previous: Shared<ImportRecord>,
        imported: Imported,
    },
    /// Shows the editor or the desk.
    Show(View),
    /// A desk's reading has come this far (`None`: it is over).
    DeskProgress(Option<Progress>),
    /// One file of a desk's reading: its forms join the set `set` names (`fresh`: the set
    /// this reading creates, opened in place of the document open).
    DeskRead {
        set: DocMeta,
        fresh: bool,
        forms: Vec<Form>,
        files: Vec<FileKey>,
        failed: Vec<Failed>,
    },
    /// A desk's reading is over; `skipped` files were already in the set.
    DeskDone {
        skipped: usize,
    },
    /// A set read back from storage.
    OpenSet {
        meta: DocMeta,
        document: Document,
        files: Vec<FileKey>,
        failed: Vec<Failed>,
    },
    /// The desk's table, sorted or filtered anew.
    DeskTable {
        sort: Sort,
        filter: Filter,
    },
    /// A form of the desk's table opened in the editor.
    DeskOpen(FormId),
}

impl AppState {
    /// A state around `document`, showing its first form.
    pub fn new(meta: DocMeta, document: Document) -> Self {
        let active = document.forms.first().map_or(FormId(0), |form| form.id);
        AppState {
            meta,
            document: Rc::new(document),
            active,
            last_import: None,
            readings: Shared::default(),
            reading: None,
            view: View::Editor,
            desk: Rc::default(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// A document with one blank form: what a first visit shows.
    pub fn starter(meta: DocMeta) -> Self {
        AppState::new(meta, blank_document(Profile::default()))
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn with_document(&self, document: Rc<Document>, key: Option<Coalesce>) -> Self {
        let mut undo = self.undo.clone();
        let coalesce = key.is_some() && undo.last().is_some_and(|step| step.key == key);
        if !coalesce {
            undo.push(Step {
                document: self.document.clone(),
                key,
            });
            if undo.len() > HISTORY_LIMIT {
                undo.remove(0);
            }
        }
        let active = if document.form(self.active).is_some() {
            self.active
        } else {
            document.forms.last().map_or(FormId(0), |form| form.id)
        };
        AppState {
            meta: self.meta.clone(),
            document,
            active,
            last_import: self.last_import.clone(),
            readings: self.readings.clone(),
            reading: self.reading,
            view: self.view,
            desk: self.desk.clone(),
            undo,
            redo: Vec::new(),
        }
    }
}

impl AppState {
    /// Takes in one file of a desk's reading. A fresh set opens in place of the document open,
    /// and the reading's later files join it without steps of their own (undo does not lead
    /// to a half-read set); into a set that was open, a reading's files make one step.
    fn take_reading(
        self: Rc<Self>,
        set: DocMeta,
        fresh: bool,
        forms: Vec<Form>,
        files: Vec<FileKey>,
        failed: Vec<Failed>,
    ) -> Rc<Self> {
        let imported = |mut document: Document| {
            apply(
                &mut document,
                Edit::Import {
                    forms,
                    replace: false,
                    narrative: Vec::new(),
                },
            );
            document
        };
        let (mut state, desk) = if fresh || self.meta.id != set.id {
            let document = imported(Document::new(self.document.profile.clone()));
            let desk = DeskState {
                fresh_reading: true,
                ..DeskState::default()
            };
            (AppState::new(set, document), desk)
        } else {
            let document = Rc::new(imported((*self.document).clone()));
            let state = if self.desk.fresh_reading {
                AppState {
                    document,
                    ..(*self).clone()
                }
            } else {
                self.with_document(document, Some(Coalesce::Reading))
            };
            (state, (*self.desk).clone())
        };
        state.desk = Rc::new(DeskState {
            progress: self.desk.progress.clone(),
            files: desk.files.into_iter().chain(files).collect(),
            failed: desk.failed.into_iter().chain(failed).collect(),
            ..desk
        });
        state.view = View::Desk;
        Rc::new(state)
    }

    /// Takes an import in, in place of the forms `replacing` where any of them is still in
    /// the document; holds it (the document unchanged) while it waits for a column choice.
    fn take_import(self: Rc<Self>, mut record: ImportRecord, replacing: Vec<FormId>) -> Rc<Self> {
        let held = |state: &AppState, record: ImportRecord| {
            Rc::new(AppState {
                last_import: Some(Shared(Rc::new(record))),
                reading: None,
                ..state.clone()
            })
        };
        if record.held() || record.imported.forms.is_empty() {
            return held(&self, record);
        }
        if replacing.is_empty() {
            let room = if record.replace {
                MAX_FORMS
            } else {
                self.document.room()
            };
            let brought = record.imported.forms.len();
            if brought > room {
                record
                    .imported
                    .notices
                    .push(Notice::Skipped(Skip::DocumentFull {
                        taken: room,
                        left: brought.saturating_sub(room),
                    }));
            }
        }
        let forms = record.imported.forms.clone();
        let narrative = record.imported.narrative.clone();
        let count = forms.len();
        if replacing.is_empty() && !record.replace {
            record.already = forms
                .iter()
                .filter(|form| {
                    self.document
                        .forms
                        .iter()
                        .any(|held| held.same_content(form))
                })
                .map(|form| form.name.trim().to_owned())
                .collect();
        }
        let replaced = self
            .document
            .forms
            .iter()
            .position(|f| replacing.contains(&f.id));
        let (edit, at) = match replaced {
            Some(at) => (
                Edit::ReplaceForms {
                    forms: replacing,
                    with: forms,
                },
                at,
            ),
            None if record.replace => (
                Edit::Import {
                    forms,
                    replace: true,
                    narrative,
                },
                0,
            ),
            None => (
                Edit::Import {
                    forms,
                    replace: false,
                    narrative,
                },
                self.document.forms.len(),
            ),
        };
        let next = self.clone().reduce(Action::Edit(edit));
        if Rc::ptr_eq(&next, &self) {
            return held(&self, record);
        }
        record.forms = next
            .document
            .forms
            .iter()
            .skip(at)
            .take(count)
            .map(|form| form.id)
            .collect();
        let record = Shared(Rc::new(record));
        Rc::new(AppState {
            readings: Shared(Rc::new(with_record(&next.readings, &record))),
            last_import: Some(record),
            reading: None,
            ..(*next).clone()
        })
    }
}

/// The index of the form to show after an edit that adds forms: the first one added.
fn shown_after(edit: &Edit, document: &Document) -> Option<usize> {
    let position = |form: FormId| document.forms.iter().position(|f| f.id == form);
    match edit {
        Edit::AddForm { .. } => Some(document.forms.len()),
        Edit::Import { replace: true, .. } => Some(0),
        Edit::Import { replace: false, .. } => Some(document.forms.len()),
        Edit::ReplaceForms { forms, .. } => {
            document.forms.iter().position(|f| forms.contains(&f.id))
        }
        Edit::DuplicateForm { form } => position(*form).map(|i| i + 1),
        _ => None,
    }
}

/// Typing into the same cell again continues one undo step instead of starting a new one.
fn coalesce_key(edit: &Edit) -> Option<Coalesce> {
    match *edit {
        Edit::SetRow { row, field, .. } => Some(Coalesce::Row { row, field }),
        Edit::SetFunds {
            form, row, column, ..
        } => Some(Coalesce::Funds { form, row, column }),
        Edit::SetFormName { form, .. } => Some(Coalesce::FormName(form)),
        Edit::SetNarrative(_) => Some(Coalesce::Narrative),
        Edit::SetClaimTotal { form, .. } => Some(Coalesce::ClaimTotal(form)),
        Edit::SetClaimGrade { form, .. } => Some(Coalesce::ClaimGrade(form)),
        Edit::SetFundsReason { form, .. } => Some(Coalesce::FundsReason(form)),
        Edit::SetSectionWeight { section, .. } => Some(Coalesce::SectionWeight(section)),
        _ => None,
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let key = coalesce_key(&edit);
                let shows = shown_after(&edit, &self.document);
                // An unnamed document takes the name of the first form imported into it.
                let edit_name = match &edit {
                    Edit::Import { forms, .. } => forms
                        .iter()
                        .map(|f| f.name.trim())
                        .find(|n| !n.is_empty())
                        .map(str::to_owned),
                    _ => None,
                };
                let mut document = (*self.document).clone();
                if !apply(&mut document, edit) {
                    return self;
                }
                let named = match &edit_name {
                    Some(name) if self.meta.name.trim().is_empty() => Some(name.clone()),
                    _ => None,
                };
                let mut next = self.with_document(Rc::new(document), key);
                if let Some(name) = named {
                    next.meta.name = name;
                }
                if let Some(index) = shows {
                    next.active = next
                        .document
                        .forms
                        .get(index)
                        .map_or(next.active, |form| form.id);
                }
                Rc::new(next)
            }
            Action::Open { meta, document } => Rc::new(AppState::new(meta, document)),
            Action::Show(view) if view != self.view => Rc::new(AppState {
                view,
                ..(*self).clone()
            }),
            Action::Show(_) => self,
            Action::DeskProgress(progress) => Rc::new(AppState {
                desk: Rc::new(DeskState {
                    progress,
                    ..(*self.desk).clone()
                }),
                ..(*self).clone()
            }),
            Action::DeskRead {
                set,
                fresh,
                forms,
                files,
                failed,
            } => self.take_reading(set, fresh, forms, files, failed),
            Action::DeskDone { skipped } => Rc::new(AppState {
                view: View::Desk,
                desk: Rc::new(DeskState {
                    progress: None,
                    skipped,
                    fresh_reading: false,
                    ..(*self.desk).clone()
                }),
                ..(*self).clone()
            }),
            Action::OpenSet {
                meta,
                document,
                files,
                failed,
            } => Rc::new(AppState {
                view: View::Desk,
                desk: Rc::new(DeskState {
                    files,
                    failed,
                    ..DeskState::default()
                }),
                ..AppState::new(meta, document)
            }),
            Action::DeskOpen(form) if self.document.form(form).is_some() => Rc::new(AppState {
                active: form,
                view: View::Editor,
                desk: Rc::new(DeskState {
                    opened: Some(form),
                    ..(*self.desk).clone()
                }),
                ..(*self).clone()
            }),
            Action::DeskOpen(_) => self,
            Action::DeskTable { sort, filter } => Rc::new(AppState {
                desk: Rc::new(DeskState {
                    sort,
                    filter,
                    ..(*self.desk).clone()
                }),
                ..(*self).clone()
            }),
            Action::RenameDocument(name) if name != self.meta.name => Rc::new(AppState {
                meta: DocMeta {
                    name,
                    ..self.meta.clone()
                },
                ..(*self).clone()
            }),
            Action::RenameDocument(_) => self,
            Action::Select(form) if form != self.active && self.document.form(form).is_some() => {
                Rc::new(AppState {
                    active: form,
                    ..(*self).clone()
                })
            }
            Action::Select(_) => self,
            Action::Reading(bytes) => Rc::new(AppState {
                reading: Some(bytes),
                ..(*self).clone()
            }),
            Action::Import(record) => self.take_import(record, Vec::new()),
            Action::Reimport { previous, imported } => {
                let record = ImportRecord::new(previous.source.clone(), imported, previous.replace);
                self.take_import(record, previous.forms.clone())
            }
            Action::Undo => {
                let mut state = (*self).clone();
                let Some(step) = state.undo.pop() else {
                    return self;
                };
                state.redo.push(Step {
                    document: state.document.clone(),
                    key: None,
                });
                state.document = step.document;
                Rc::new(state)
            }
            Action::Redo => {
                let mut state = (*self).clone();
                let Some(step) = state.redo.pop() else {
                    return self;
                };
                state.undo.push(Step {
                    document: state.document.clone(),
                    key: None,
                });
                state.document = step.document;
                Rc::new(state)
            }
        }
    }
}
