//! The documents kept on this PC (localStorage): a list of names, each document's saved JSON,
//! and the session (which document, form and cell were open), so a reopened page continues
//! exactly where the user left off.

use serde::{Deserialize, Serialize};
use zipin_core::json::{from_json, to_json, LoadError};
use zipin_core::model::Document;

use std::cell::RefCell;

use crate::browser::storage;
use crate::state::desk::DeskState;

const LIST: &str = "zipin.documents.v1";
const SESSION: &str = "zipin.session.v1";
const DOCUMENT_PREFIX: &str = "zipin.document.v1.";

thread_local! {
    /// What this page last wrote for each document, to tell its own writes from another tab's.
    static WRITTEN: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// A document another tab changed: not written from here until the user chooses.
    static HELD: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The storage key of a document.
pub fn document_key(id: &str) -> String {
    format!("{DOCUMENT_PREFIX}{id}")
}

/// Whether `value` under a document's key is not what this page wrote (another tab did).
pub fn written_elsewhere(id: &str, value: &str) -> bool {
    WRITTEN.with(|written| {
        written
            .borrow()
            .iter()
            .find(|(written_id, _)| written_id == id)
            .is_none_or(|(_, text)| text != value)
    })
}

/// Holds (or, with `None`, releases) a document: while held, saving it is paused.
pub fn hold(id: Option<String>) {
    HELD.with(|held| *held.borrow_mut() = id);
}

/// One saved document in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    pub name: String,
    /// A reviewer's set: kept in IndexedDB (`desk::sets`), too large for localStorage.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub set: bool,
}

impl DocMeta {
    /// A download's file name from the document's name.
    pub fn file_name(&self, extension: &str) -> String {
        let name: String = self
            .name
            .trim()
            .chars()
            .filter(|c| !"\\/:*?\"<>|".contains(*c))
            .collect();
        let name = if name.is_empty() {
            "绩效自评".to_owned()
        } else {
            name
        };
        format!("{name}.{extension}")
    }
}

/// Where the user was: the document, the form and the cell in focus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub document: String,
    #[serde(default)]
    pub form: Option<u64>,
    #[serde(default)]
    pub row: Option<u64>,
    #[serde(default)]
    pub field: Option<String>,
}

/// A saved document that could not be opened: why, and its raw text to download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub error: LoadError,
    pub raw: String,
}

/// The saved documents, in the order they were created. An unreadable list is rebuilt from
/// the documents themselves, so no document is lost from it.
pub fn list() -> Vec<DocMeta> {
    let Some(text) = storage::get(LIST) else {
        return Vec::new();
    };
    serde_json::from_str(&text).unwrap_or_else(|_| rebuild_list())
}

fn rebuild_list() -> Vec<DocMeta> {
    storage::keys()
        .into_iter()
        .filter_map(|key| key.strip_prefix(DOCUMENT_PREFIX).map(str::to_owned))
        .map(|id| {
            let name = load(&id)
                .and_then(Result::ok)
                .and_then(|document| {
                    document
                        .forms
                        .first()
                        .map(|form| form.name.trim().to_owned())
                })
                .unwrap_or_default();
            DocMeta {
                id,
                name,
                set: false,
            }
        })
        .collect()
}

fn write_list(list: &[DocMeta]) -> bool {
    serde_json::to_string(list).is_ok_and(|text| storage::set(LIST, &text))
}

/// A new document id, unique on this PC.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let taken = list();
    let mut id = format!("d{now:x}");
    let mut n = 0;
    while taken.iter().any(|meta| meta.id == id) {
        n += 1;
        id = format!("d{now:x}-{n}");
    }
    id
}

/// Opens a saved document.
pub fn load(id: &str) -> Option<Result<Document, Unreadable>> {
    let raw = storage::get(&document_key(id))?;
    Some(from_json(&raw).map_err(|error| Unreadable { error, raw }))
}

/// Puts a document in the list (or updates its entry). Returns `false` when the list could
/// not be written.
pub fn list_put(meta: &DocMeta) -> bool {
    let mut list = list();
    match list.iter_mut().find(|m| m.id == meta.id) {
        Some(existing) if existing == meta => return true,
        Some(existing) => *existing = meta.clone(),
        None => list.push(meta.clone()),
    }
    write_list(&list)
}

/// Saves a document under its id, adding it to the list. Returns `false` when it could only
/// be kept in memory. (A set is saved by `desk::sets`.)
pub fn save(meta: &DocMeta, document: &Document) -> bool {
    if HELD.with(|held| held.borrow().as_deref() == Some(meta.id.as_str())) {
        return true;
    }
    let listed = list_put(meta);
    let json = to_json(document);
    let stored = storage::set(&document_key(&meta.id), &json);
    WRITTEN.with(|written| {
        let mut written = written.borrow_mut();
        written.retain(|(id, _)| *id != meta.id);
        written.push((meta.id.clone(), json));
    });
    stored && listed
}

/// Saves a document or a set, wherever it is kept; `done` hears whether it was stored (a set
/// is stored a moment later).
pub fn save_any(
    meta: &DocMeta,
    document: &Document,
    desk: &DeskState,
    done: impl FnOnce(bool) + 'static,
) {
    if meta.set {
        crate::desk::sets::save(meta, document, desk, done);
    } else {
        done(save(meta, document));
    }
}

/// Deletes a saved document (or set).
pub fn delete(id: &str) {
    let list: Vec<DocMeta> = list().into_iter().filter(|meta| meta.id != id).collect();
    write_list(&list);
    storage::remove(&document_key(id));
    crate::desk::sets::delete(id);
}

/// The last session, if any.
pub fn session() -> Option<Session> {
    storage::get(SESSION).and_then(|text| serde_json::from_str(&text).ok())
}

/// Remembers where the user is.
pub fn set_session(session: &Session) {
    if let Ok(text) = serde_json::to_string(session) {
        storage::set(SESSION, &text);
    }
}
