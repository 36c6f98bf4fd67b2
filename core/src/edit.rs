//! Every change a user can make to a document, as data. The page dispatches these; applying
//! one touches only the form and row it names (the rest stays shared behind `Rc`), which
//! keeps a keystroke on a 2,000-row form cheap and makes undo a matter of keeping the old
//! `Rc<Document>`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::model::{
    Document, Form, FormId, FormKind, FundsColumn, Indicator, RowField, RowId, Section, SectionId,
};
use crate::number::plain;
use crate::profile::Profile;
use crate::value::Level;

/// One change to a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Sets an indicator cell; `Level1` renames the row's section.
    SetRow {
        form: FormId,
        row: RowId,
        field: RowField,
        text: String,
    },
    /// Sets a funds cell: row 0 is the total row; `Weight` is the block's 分值.
    SetFunds {
        form: FormId,
        row: usize,
        column: FundsColumn,
        text: String,
    },
    /// Sets the qualitative level the user chose for a row (`None`: read it from the actual).
    SetLevel {
        form: FormId,
        row: RowId,
        level: Option<Level>,
    },
    SetFormName {
        form: FormId,
        name: String,
    },
    SetFormKind {
        form: FormId,
        kind: FormKind,
    },
    SetClaimTotal {
        form: FormId,
        text: String,
    },
    SetClaimGrade {
        form: FormId,
        text: String,
    },
    /// Sets the funds block's explanation of a low execution rate.
    SetFundsReason {
        form: FormId,
        text: String,
    },
    SetSectionWeight {
        form: FormId,
        section: SectionId,
        text: String,
    },
    /// Adds an empty row to a section, after `after` (or at the end).
    AddRow {
        form: FormId,
        section: SectionId,
        after: Option<RowId>,
    },
    /// Adds an empty row right after `row`, in its section (the row's ＋, Ctrl+Enter, Enter
    /// in a section's last row).
    InsertRowAfter {
        form: FormId,
        row: RowId,
    },
    RemoveRow {
        form: FormId,
        row: RowId,
    },
    /// Adds a form with the profile's default sections, each with one empty row.
    AddForm {
        kind: FormKind,
    },
    RemoveForm {
        form: FormId,
    },
    /// Adds a copy of a form right after it.
    DuplicateForm {
        form: FormId,
    },
    /// Moves a form `by` places (-1 left, +1 right).
    MoveForm {
        form: FormId,
        by: i32,
    },
    /// Moves a row `by` places within its section.
    MoveRow {
        form: FormId,
        row: RowId,
        by: i32,
    },
    /// Adds a section (with one empty row) after `after`, or at the end.
    AddSection {
        form: FormId,
        after: Option<SectionId>,
    },
    RemoveSection {
        form: FormId,
        section: SectionId,
    },
    MoveSection {
        form: FormId,
        section: SectionId,
        by: i32,
    },
    /// Chooses the document's rule profile.
    SetProfile(Profile),
    /// Replaces the whole document (an opened file).
    Replace(Document),
    /// Sets the report's narrative (报告正文), one paragraph a line, as the user edits it.
    SetNarrative(Vec<String>),
    /// Adds imported forms, after the forms there are or in their place; a whole report's
    /// narrative, when the import read one, takes the place of the document's.
    Import {
        forms: Vec<Form>,
        replace: bool,
        narrative: Vec<String>,
    },
    /// Puts `with` where the forms `forms` stand (the first of them), removing them: a paste
    /// read again after the user corrected what its columns hold.
    ReplaceForms {
        forms: Vec<FormId>,
        with: Vec<Form>,
    },
    /// Pastes a block of cells (rows of texts, as Excel puts them on the clipboard) into the
    /// indicator grid from a cell on, adding rows to that section where the block runs past
    /// its end. Columns run in the grid's order after the 一级 column, which a paste
    /// starting there skips (a paste cannot move rows between sections).
    FillBlock {
        form: FormId,
        row: RowId,
        field: RowField,
        cells: Vec<Vec<String>>,
    },
}

/// The indicator fields a pasted block fills, in the grid's column order.
pub const FILL_ORDER: [RowField; 7] = [
    RowField::Level2,
    RowField::Name,
    RowField::Target,
    RowField::Actual,
    RowField::Weight,
    RowField::Score,
    RowField::Reason,
];

/// A document with one blank 部门整体 form under `profile`: where the page starts, and what a
/// file's forms replace when it is opened (the page and the command line alike).
pub fn blank_document(profile: Profile) -> Document {
    let mut document = Document::new(profile);
    let form = blank_form(FormKind::Department, &document.profile);
    document.push_form(form);
    document
}

/// What a fresh page holds once an import's `forms` (and a whole report's `narrative`) are
/// taken in: the blank starting document with the forms in its blank form's place. The
/// command line converts a file from it, byte for byte what the page exports.
pub fn fresh_document(forms: Vec<Form>, narrative: Vec<String>) -> Document {
    let mut document = blank_document(Profile::default());
    apply(
        &mut document,
        Edit::Import {
            forms,
            replace: true,
            narrative,
        },
    );
    document
}

/// A form with the profile's default sections, each with one empty row, as a new form
/// starts on paper.
pub fn blank_form(kind: FormKind, profile: &Profile) -> Form {
    let names: Vec<(String, String)> = if profile.sections.iter().all(|rule| rule.names.len() == 1)
        && !profile.sections.is_empty()
    {
        profile
            .sections
            .iter()
            .map(|rule| (section_name(&rule.names), plain(rule.weight)))
            .collect()
    } else {
        ["产出", "效益", "满意度"]
            .iter()
            .map(|name| (format!("{name}指标"), String::new()))
            .collect()
    };
    Form {
        kind,
        sections: names
            .into_iter()
            .map(|(name, declared_weight)| Section {
                name,
                declared_weight,
                rows: vec![Rc::new(Indicator::default())],
                ..Section::default()
            })
            .collect(),
        ..Form::default()
    }
}

fn section_name(names: &[String]) -> String {
    format!("{}指标", names.concat())
}

/// Applies an edit. Returns `false` (and changes nothing) when it names a form or row that
/// no longer exists, or when it would change nothing.
pub fn apply(document: &mut Document, edit: Edit) -> bool {
    match edit {
        Edit::Replace(replacement) => {
            *document = replacement;
            document.ensure_unique_ids();
            true
        }
        Edit::Import {
            forms,
            replace,
            narrative,
        } => {
            if forms.is_empty() {
                return false;
            }
            if replace {
                document.forms.clear();
            }
            let room = document.room();
            if room == 0 {
                return false;
            }
            for form in forms.into_iter().take(room) {
                document.push_form(form);
            }
            if !narrative.is_empty() {
                document.narrative = narrative;
            }
            true
        }
        Edit::SetNarrative(narrative) => {
            let changed = document.narrative != narrative;
            document.narrative = narrative;
            changed
        }
        Edit::ReplaceForms { forms, with } => {
            let Some(at) = document.forms.iter().position(|f| forms.contains(&f.id)) else {
                return false;
            };
            document.forms.retain(|f| !forms.contains(&f.id));
            let mut added = Vec::with_capacity(with.len());
            for mut form in with {
                document.renumber(&mut form);
                added.push(Rc::new(form));
            }
            document.forms.splice(at..at, added);
            true
        }
        Edit::FillBlock {
            form,
            row,
            field,
            cells,
        } => fill_block(document, form, row, field, cells),
        Edit::AddForm { .. } | Edit::DuplicateForm { .. } if document.room() == 0 => false,
        Edit::AddForm { kind } => {
            let form = blank_form(kind, &document.profile);
            document.push_form(form);
            true
        }
        Edit::RemoveForm { form } => {
            let before = document.forms.len();
            document.forms.retain(|f| f.id != form);
            document.forms.len() != before
        }
        Edit::DuplicateForm { form } => {
            let Some(index) = document.forms.iter().position(|f| f.id == form) else {
                return false;
            };
            let Some(original) = document.forms.get(index) else {
                return false;
            };
            let mut copy = (**original).clone();
            document.renumber(&mut copy);
            document
                .forms
                .insert(index.saturating_add(1), Rc::new(copy));
            true
        }
        Edit::MoveForm { form, by } => {
            let Some(index) = document.forms.iter().position(|f| f.id == form) else {
                return false;
            };
            move_within(&mut document.forms, index, by)
        }
        Edit::SetProfile(profile) => {
            let changed = document.profile != profile;
            document.profile = profile;
            changed
        }
        Edit::AddSection { form, after } => {
            let (section_id, row_id) = (document.fresh_section_id(), document.fresh_row_id());
            with_form(document, form, |f| {
                let at = after
                    .and_then(|after| f.sections.iter().position(|s| s.id == after))
                    .map_or(f.sections.len(), |i| i.saturating_add(1));
                let row = Rc::new(Indicator {
                    id: row_id,
                    ..Indicator::default()
                });
                f.sections.insert(
                    at,
                    Section {
                        id: section_id,
                        name: "新一级指标".to_owned(),
                        rows: vec![row],
                        ..Section::default()
                    },
                );
                true
            })
        }
        Edit::InsertRowAfter { form, row } => {
            let section = document.form(form).and_then(|f| {
                f.sections
                    .iter()
                    .find(|section| section.rows.iter().any(|r| r.id == row))
                    .map(|section| section.id)
            });
            match section {
                Some(section) => apply(
                    document,
                    Edit::AddRow {
                        form,
                        section,
                        after: Some(row),
                    },
                ),
                None => false,
            }
        }
        Edit::AddRow {
            form,
            section,
            after,
        } => {
            let id = document.fresh_row_id();
            with_form(document, form, |f| {
                let Some(section) = f.sections.iter_mut().find(|s| s.id == section) else {
                    return false;
                };
                let at = after
                    .and_then(|after| section.rows.iter().position(|r| r.id == after))
                    .map_or(section.rows.len(), |index| index.saturating_add(1));
                let level2 = at
                    .checked_sub(1)
                    .and_then(|i| section.rows.get(i))
                    .map(|r| r.level2.clone())
                    .unwrap_or_default();
                section.rows.insert(
                    at,
                    Rc::new(Indicator {
                        id,
                        level2,
                        ..Indicator::default()
                    }),
                );
                true
            })
        }
        other => with_form(document, form_of(&other), |form| edit_form(form, other)),
    }
}

fn form_of(edit: &Edit) -> FormId {
    match edit {
        Edit::SetRow { form, .. }
        | Edit::SetFunds { form, .. }
        | Edit::SetLevel { form, .. }
        | Edit::SetFormName { form, .. }
        | Edit::SetFormKind { form, .. }
        | Edit::SetClaimTotal { form, .. }
        | Edit::SetClaimGrade { form, .. }
        | Edit::SetFundsReason { form, .. }
        | Edit::SetSectionWeight { form, .. }
        | Edit::AddRow { form, .. }
        | Edit::InsertRowAfter { form, .. }
        | Edit::RemoveRow { form, .. }
        | Edit::RemoveForm { form }
        | Edit::DuplicateForm { form }
        | Edit::MoveForm { form, .. }
        | Edit::MoveRow { form, .. }
        | Edit::AddSection { form, .. }
        | Edit::RemoveSection { form, .. }
        | Edit::MoveSection { form, .. } => *form,
        Edit::AddForm { .. }
        | Edit::Replace(_)
        | Edit::Import { .. }
        | Edit::SetNarrative(_)
        | Edit::ReplaceForms { .. }
        | Edit::FillBlock { .. }
        | Edit::SetProfile(_) => FormId(0),
    }
}

/// Runs `change` on the form with this id, cloning it only if it is shared.
fn with_form(document: &mut Document, id: FormId, change: impl FnOnce(&mut Form) -> bool) -> bool {
    match document.forms.iter_mut().find(|form| form.id == id) {
        Some(form) => change(Rc::make_mut(form)),
        None => false,
    }
}

fn set(slot: &mut String, text: String) -> bool {
    if *slot == text {
        return false;
    }
    *slot = text;
    true
}

fn edit_form(form: &mut Form, edit: Edit) -> bool {
    match edit {
        Edit::SetRow {
            row,
            field: RowField::Level1,
            text,
            ..
        } => {
            match form
                .sections
                .iter_mut()
                .find(|s| s.rows.iter().any(|r| r.id == row))
            {
                Some(section) => set(&mut section.name, text),
                None => false,
            }
        }
        Edit::SetRow {
            row, field, text, ..
        } => with_row(form, row, |indicator| {
            if indicator.field(field) == text {
                return false;
            }
            indicator.set_field(field, text);
            true
        }),
        Edit::SetLevel { row, level, .. } => with_row(form, row, |indicator| {
            let changed = indicator.level != level;
            indicator.level = level;
            changed
        }),
        Edit::SetFunds {
            row, column, text, ..
        } => {
            let funds = &mut form.funds;
            if column == FundsColumn::Weight {
                return set(&mut funds.weight, text);
            }
            let Some(target) = funds.row_mut(row) else {
                return false;
            };
            let slot = match column {
                FundsColumn::Initial => &mut target.initial,
                FundsColumn::FullYear => &mut target.full_year,
                FundsColumn::Executed => &mut target.executed,
                FundsColumn::ClaimedRate => &mut target.claimed_rate,
                FundsColumn::ClaimedScore => &mut target.claimed_score,
                FundsColumn::Weight => return false,
            };
            set(slot, text)
        }
        Edit::SetFormName { name, .. } => set(&mut form.name, name),
        Edit::SetFormKind { kind, .. } => {
            let changed = form.kind != kind;
            form.kind = kind;
            changed
        }
        Edit::SetClaimTotal { text, .. } => set(&mut form.claim.total, text),
        Edit::SetClaimGrade { text, .. } => set(&mut form.claim.grade, text),
        Edit::SetFundsReason { text, .. } => set(&mut form.funds.reason, text),
        Edit::SetSectionWeight { section, text, .. } => {
            match form.sections.iter_mut().find(|s| s.id == section) {
                Some(section) => set(&mut section.declared_weight, text),
                None => false,
            }
        }
        Edit::RemoveRow { row, .. } => {
            for section in &mut form.sections {
                if let Some(index) = section.rows.iter().position(|r| r.id == row) {
                    section.rows.remove(index);
                    return true;
                }
            }
            false
        }
        Edit::MoveRow { row, by, .. } => form.sections.iter_mut().any(|section| {
            section
                .rows
                .iter()
                .position(|r| r.id == row)
                .is_some_and(|index| move_within(&mut section.rows, index, by))
        }),
        Edit::RemoveSection { section, .. } => {
            let before = form.sections.len();
            form.sections.retain(|s| s.id != section);
            form.sections.len() != before
        }
        Edit::MoveSection { section, by, .. } => {
            match form.sections.iter().position(|s| s.id == section) {
                Some(index) => move_within(&mut form.sections, index, by),
                None => false,
            }
        }
        Edit::AddRow { .. }
        | Edit::InsertRowAfter { .. }
        | Edit::AddForm { .. }
        | Edit::RemoveForm { .. }
        | Edit::DuplicateForm { .. }
        | Edit::MoveForm { .. }
        | Edit::AddSection { .. }
        | Edit::SetProfile(_)
        | Edit::Replace(_)
        | Edit::Import { .. }
        | Edit::SetNarrative(_)
        | Edit::ReplaceForms { .. }
        | Edit::FillBlock { .. } => false,
    }
}

fn fill_block(
    document: &mut Document,
    form_id: FormId,
    row: RowId,
    field: RowField,
    cells: Vec<Vec<String>>,
) -> bool {
    let Some(form) = document.forms.iter().find(|f| f.id == form_id) else {
        return false;
    };
    let Some((section_index, first)) = form.sections.iter().enumerate().find_map(|(s, section)| {
        section
            .rows
            .iter()
            .position(|r| r.id == row)
            .map(|r| (s, r))
    }) else {
        return false;
    };
    let (start, skip) = match FILL_ORDER.iter().position(|f| *f == field) {
        Some(start) => (start, 0),
        None => (0, 1),
    };
    let needed = first.saturating_add(cells.len());
    let existing = form.sections.get(section_index).map_or(0, |s| s.rows.len());
    let new_ids: Vec<RowId> = (existing..needed)
        .map(|_| document.fresh_row_id())
        .collect();
    with_form(document, form_id, |form| {
        let Some(section) = form.sections.get_mut(section_index) else {
            return false;
        };
        for id in new_ids {
            let level2 = section
                .rows
                .last()
                .map(|r| r.level2.clone())
                .unwrap_or_default();
            section.rows.push(Rc::new(Indicator {
                id,
                level2,
                ..Indicator::default()
            }));
        }
        for (target, texts) in section.rows.iter_mut().skip(first).zip(cells) {
            let indicator = Rc::make_mut(target);
            for (text, field) in texts
                .into_iter()
                .skip(skip)
                .zip(FILL_ORDER.iter().skip(start))
            {
                indicator.set_field(*field, text);
            }
        }
        true
    })
}

/// Moves the item at `index` by `by` places, if it stays inside the list.
fn move_within<T>(items: &mut [T], index: usize, by: i32) -> bool {
    let target = i64::try_from(index)
        .unwrap_or(i64::MAX)
        .saturating_add(i64::from(by));
    match usize::try_from(target) {
        Ok(target) if target < items.len() && target != index => {
            if target < index {
                items
                    .get_mut(target..=index)
                    .map(|slice| slice.rotate_right(1))
                    .is_some()
            } else {
                items
                    .get_mut(index..=target)
                    .map(|slice| slice.rotate_left(1))
                    .is_some()
            }
        }
        _ => false,
    }
}

fn with_row(form: &mut Form, id: RowId, change: impl FnOnce(&mut Indicator) -> bool) -> bool {
    form.sections
        .iter_mut()
        .flat_map(|section| section.rows.iter_mut())
        .find(|row| row.id == id)
        .is_some_and(|row| change(Rc::make_mut(row)))
}
