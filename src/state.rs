//! The page's one state and its reducer: every change arrives as an [`Action`], and the
//! document is replaced, never mutated in place, so undo keeps the old `Rc` and a render
//! can tell what changed by pointer.

use std::rc::Rc;

use yew::Reducible;
use zipin_core::edit::{apply, blank_form, Edit};
use zipin_core::model::{Document, FormKind, RowId};
use zipin_core::profile::Profile;

use crate::documents::DocMeta;

/// How many steps undo reaches back.
pub const HISTORY_LIMIT: usize = 200;

/// What the page holds.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Which saved document this is, and its name in the list.
    pub meta: DocMeta,
    pub document: Rc<Document>,
    /// The form shown.
    pub active: RowId,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// A document before a change, and which change it was (typing into one cell coalesces).
#[derive(Clone, Debug, PartialEq)]
struct Step {
    document: Rc<Document>,
    key: Option<String>,
}

/// Everything the page can ask of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    Select(RowId),
    Undo,
    Redo,
    /// Opens another document (history starts afresh).
    Open {
        meta: DocMeta,
        document: Document,
    },
    RenameDocument(String),
}

impl AppState {
    /// A state around `document`, showing its first form.
    pub fn new(meta: DocMeta, document: Document) -> Self {
        let active = document.forms.first().map_or(RowId(0), |form| form.id);
        AppState {
            meta,
            document: Rc::new(document),
            active,
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

    fn with_document(&self, document: Rc<Document>, key: Option<String>) -> Self {
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
            document.forms.last().map_or(RowId(0), |form| form.id)
        };
        AppState {
            meta: self.meta.clone(),
            document,
            active,
            undo,
            redo: Vec::new(),
        }
    }
}

/// The index of the form to show after an edit that adds forms: the first one added.
fn shown_after(edit: &Edit, document: &Document) -> Option<usize> {
    let position = |form: RowId| document.forms.iter().position(|f| f.id == form);
    match edit {
        Edit::AddForm { .. } => Some(document.forms.len()),
        Edit::Import { replace: true, .. } => Some(0),
        Edit::Import { replace: false, .. } => Some(document.forms.len()),
        Edit::DuplicateForm { form } => position(*form).map(|i| i + 1),
        _ => None,
    }
}

/// Typing into the same cell again continues one undo step instead of starting a new one.
fn coalesce_key(edit: &Edit) -> Option<String> {
    match edit {
        Edit::SetRow { row, field, .. } => Some(format!("row:{}:{:?}", row.0, field)),
        Edit::SetFunds {
            form, row, column, ..
        } => Some(format!("funds:{}:{row}:{column:?}", form.0)),
        Edit::SetFormName { form, .. } => Some(format!("name:{}", form.0)),
        Edit::SetClaimTotal { form, .. } => Some(format!("total:{}", form.0)),
        Edit::SetClaimGrade { form, .. } => Some(format!("grade:{}", form.0)),
        Edit::SetFundsReason { form, .. } => Some(format!("funds-reason:{}", form.0)),
        Edit::SetSectionWeight { section, .. } => Some(format!("section:{}", section.0)),
        _ => None,
    }
}

/// A document with one blank 部门整体 form under `profile`.
pub fn blank_document(profile: Profile) -> Document {
    let mut document = Document::new(profile);
    let form = blank_form(FormKind::Department, &document.profile);
    document.push_form(form);
    document
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
            Action::Open { meta, document } => {
                let active = document.forms.first().map_or(RowId(0), |form| form.id);
                Rc::new(AppState {
                    meta,
                    document: Rc::new(document),
                    active,
                    undo: Vec::new(),
                    redo: Vec::new(),
                })
            }
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
