//! The page's one state and its reducer: every change arrives as an [`Action`], and the
//! document is replaced, never mutated in place, so undo keeps the old `Rc` and a render
//! can tell what changed by pointer.

use std::rc::Rc;

use yew::Reducible;
use zipin_core::edit::{apply, blank_form, Edit};
use zipin_core::model::{Document, FormKind, RowId};
use zipin_core::profile::Profile;

/// How many steps undo reaches back.
pub const HISTORY_LIMIT: usize = 200;

/// What the page holds.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
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
}

impl AppState {
    /// A state around `document`, showing its first form.
    pub fn new(document: Document) -> Self {
        let active = document.forms.first().map_or(RowId(0), |form| form.id);
        AppState { document: Rc::new(document), active, undo: Vec::new(), redo: Vec::new() }
    }

    /// A document with one blank form: what a first visit shows.
    pub fn starter() -> Self {
        let mut document = Document::new(Profile::default());
        let form = blank_form(FormKind::Department, &document.profile);
        document.push_form(form);
        AppState::new(document)
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The index of the form shown (the first when the active one is gone).
    pub fn active_index(&self) -> usize {
        self.document.forms.iter().position(|form| form.id == self.active).unwrap_or(0)
    }

    fn with_document(&self, document: Rc<Document>, key: Option<String>) -> Self {
        let mut undo = self.undo.clone();
        let coalesce = key.is_some() && undo.last().is_some_and(|step| step.key == key);
        if !coalesce {
            undo.push(Step { document: self.document.clone(), key });
            if undo.len() > HISTORY_LIMIT {
                undo.remove(0);
            }
        }
        let active = if document.form(self.active).is_some() {
            self.active
        } else {
            document.forms.last().map_or(RowId(0), |form| form.id)
        };
        AppState { document, active, undo, redo: Vec::new() }
    }
}

/// Typing into the same cell again continues one undo step instead of starting a new one.
fn coalesce_key(edit: &Edit) -> Option<String> {
    match edit {
        Edit::SetRow { row, field, .. } => Some(format!("row:{}:{:?}", row.0, field)),
        Edit::SetFunds { form, row, column, .. } => Some(format!("funds:{}:{row}:{column:?}", form.0)),
        Edit::SetFormName { form, .. } => Some(format!("name:{}", form.0)),
        Edit::SetClaimTotal { form, .. } => Some(format!("total:{}", form.0)),
        Edit::SetClaimGrade { form, .. } => Some(format!("grade:{}", form.0)),
        Edit::SetSectionWeight { section, .. } => Some(format!("section:{}", section.0)),
        _ => None,
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let key = coalesce_key(&edit);
                let added_form = matches!(edit, Edit::AddForm { .. });
                let mut document = (*self.document).clone();
                if !apply(&mut document, edit) {
                    return self;
                }
                let mut next = self.with_document(Rc::new(document), key);
                if added_form {
                    next.active = next.document.forms.last().map_or(next.active, |form| form.id);
                }
                Rc::new(next)
            }
            Action::Select(form) if form != self.active && self.document.form(form).is_some() => {
                Rc::new(AppState { active: form, ..(*self).clone() })
            }
            Action::Select(_) => self,
            Action::Undo => {
                let mut state = (*self).clone();
                let Some(step) = state.undo.pop() else { return self };
                state.redo.push(Step { document: state.document.clone(), key: None });
                state.document = step.document;
                Rc::new(state)
            }
            Action::Redo => {
                let mut state = (*self).clone();
                let Some(step) = state.redo.pop() else { return self };
                state.undo.push(Step { document: state.document.clone(), key: None });
                state.document = step.document;
                Rc::new(state)
            }
        }
    }
}
