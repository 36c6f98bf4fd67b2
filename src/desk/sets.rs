//! Review sets across visits: a set's document, its files and its failures, kept in IndexedDB
//! under the set's id, and listed with the other documents. When the browser denies IndexedDB
//! the set stays in memory and the page says it is not saved, as for any document.

use serde::{Deserialize, Serialize};
use zipin_core::files::NoForms;
use zipin_core::json::{from_json, to_json, LoadError};
use zipin_core::model::Document;

use crate::browser::idb;
use crate::documents::{self, DocMeta};
use crate::i18n::{Lang, T};
use crate::messages;
use crate::state::desk::{DeskState, FailReason, Failed, FileKey};

/// A set as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    document: String,
    files: Vec<FileKey>,
    /// Each failed file and why, worded in Chinese when saved.
    failed: Vec<(String, String)>,
}

/// A set read back.
pub struct Loaded {
    pub document: Document,
    pub files: Vec<FileKey>,
    pub failed: Vec<Failed>,
}

/// Why a set could not be read back.
pub enum SetError {
    /// IndexedDB is denied or failed (the browser's reason).
    Storage(String),
    /// Nothing is stored under the set's id.
    Missing,
    /// What is stored is not a set this page can open.
    Unreadable(LoadError),
}

fn key(id: &str) -> String {
    format!("set.{id}")
}

/// Saves a set (listing it with the documents) and calls `done` with whether it was stored.
pub fn save(
    meta: &DocMeta,
    document: &Document,
    desk: &DeskState,
    done: impl FnOnce(bool) + 'static,
) {
    documents::list_put(meta);
    let stored = Stored {
        document: to_json(document),
        files: desk.files.clone(),
        failed: desk
            .failed
            .iter()
            .map(|failed| (failed.file.clone(), reason_text(&failed.why, Lang::Zh)))
            .collect(),
    };
    let key = key(&meta.id);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = match serde_json::to_string(&stored) {
            Ok(text) => idb::put(&key, &text).await.is_ok(),
            Err(_) => false,
        };
        done(ok);
    });
}

/// Reads a set back.
pub async fn load(id: &str) -> Result<Loaded, SetError> {
    let text = idb::get(&key(id))
        .await
        .map_err(SetError::Storage)?
        .ok_or(SetError::Missing)?;
    let stored: Stored = serde_json::from_str(&text).map_err(|_| {
        SetError::Unreadable(LoadError::NotADocument(zipin_core::json::Flaw::NoVersion))
    })?;
    let document = from_json(&stored.document).map_err(SetError::Unreadable)?;
    Ok(Loaded {
        document,
        files: stored.files,
        failed: stored
            .failed
            .into_iter()
            .map(|(file, why)| Failed {
                file,
                why: FailReason::Said(why),
            })
            .collect(),
    })
}

/// Deletes a set.
pub fn delete(id: &str) {
    let key = key(id);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = idb::delete(&key).await;
    });
}

/// Why a file gave no form, in `lang`.
pub fn reason_text(why: &FailReason, lang: Lang) -> String {
    match why {
        FailReason::File(error) => messages::file_error(error, lang),
        FailReason::Tables(NoForms::Refused(no_form)) => messages::no_form(no_form, lang),
        FailReason::Tables(NoForms::NeedsMapping) => T::DeskNeedsMapping.text(lang).to_owned(),
        FailReason::Said(text) => text.clone(),
    }
}
