//! Where the page starts: the document an offline file carries (the first time it is
//! opened), else the last session's document, form and cell, or a new document; with the
//! profile the URL names for a new document.

use yew::prelude::*;

use crate::browser::storage;
use crate::documents::{self, DocMeta, Unreadable};
use crate::offline;
use crate::params::Params;
use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The state to start from.
    pub initial: AppState,
    /// The cell that had focus when the page was last left: (row id, field).
    #[prop_or_default]
    pub focus: Option<(u64, String)>,
    /// A saved document that could not be opened at start.
    #[prop_or_default]
    pub start_problem: Option<Unreadable>,
    /// What the URL asks for (profile, language, compact mode, allowed hosts).
    #[prop_or_default]
    pub params: Params,
    /// A review set to read back from IndexedDB once the page is up (the page starts blank
    /// and shows it a moment later).
    #[prop_or_default]
    pub pending_set: Option<DocMeta>,
}

/// The props the page is mounted with.
pub fn startup() -> AppProps {
    let params = Params::current();
    let mut props = resume();
    if let Some(json) = offline::embedded_document() {
        let marker = format!("zipin.embedded.{:016x}", fingerprint(&json));
        if storage::get(&marker).is_none() {
            match zipin_core::json::from_json(&json) {
                Ok(document) => {
                    let name = document
                        .forms
                        .first()
                        .map(|f| f.name.trim().to_owned())
                        .unwrap_or_default();
                    let meta = DocMeta {
                        id: documents::new_id(),
                        name,
                        set: false,
                    };
                    storage::set(&marker, &meta.id);
                    props = AppProps {
                        initial: AppState::new(meta, document),
                        ..AppProps::default_with(props)
                    };
                }
                Err(error) => {
                    props.start_problem = Some(Unreadable { error, raw: json });
                }
            }
        }
    }
    if let Some(profile) = params.profile {
        if !props
            .initial
            .document
            .forms
            .iter()
            .any(|form| form.has_content())
        {
            let mut document = (*props.initial.document).clone();
            document.profile = zipin_core::profile::Profile::builtin(profile);
            props.initial = AppState::new(props.initial.meta.clone(), document);
        }
    }
    props.params = params;
    props
}

/// A stable fingerprint of a text (FNV-1a), to recognise an offline file already opened.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl AppProps {
    /// Props keeping `other`'s start problem and parameters (a set it would have read back
    /// gives way to the document the offline file carries).
    fn default_with(other: AppProps) -> AppProps {
        AppProps {
            focus: None,
            pending_set: None,
            ..other
        }
    }
}

/// The last session's document, form and cell, or a new document.
fn resume() -> AppProps {
    let session = documents::session();
    let listed = documents::list();
    let wanted = session
        .as_ref()
        .map(|s| s.document.clone())
        .or_else(|| listed.last().map(|m| m.id.clone()));
    let fresh = || DocMeta {
        id: documents::new_id(),
        name: String::new(),
        set: false,
    };
    let Some(id) = wanted else {
        return AppProps {
            initial: AppState::starter(fresh()),
            focus: None,
            start_problem: None,
            params: Params::default(),
            pending_set: None,
        };
    };
    let meta = listed
        .iter()
        .find(|m| m.id == id)
        .cloned()
        .unwrap_or(DocMeta {
            id: id.clone(),
            name: String::new(),
            set: false,
        });
    if meta.set {
        return AppProps {
            initial: AppState::starter(fresh()),
            focus: None,
            start_problem: None,
            params: Params::default(),
            pending_set: Some(meta),
        };
    }
    match documents::load(&id) {
        Some(Ok(document)) => {
            let mut state = AppState::new(meta, document);
            let session = session.filter(|s| s.document == id).unwrap_or_default();
            if let Some(form) = session.form.map(zipin_core::model::FormId) {
                if state.document.form(form).is_some() {
                    state.active = form;
                }
            }
            let focus = session.row.zip(session.field);
            AppProps {
                initial: state,
                focus,
                start_problem: None,
                params: Params::default(),
                pending_set: None,
            }
        }
        Some(Err(problem)) => AppProps {
            initial: AppState::starter(fresh()),
            focus: None,
            start_problem: Some(problem),
            params: Params::default(),
            pending_set: None,
        },
        None => AppProps {
            initial: AppState::starter(meta),
            focus: None,
            start_problem: None,
            params: Params::default(),
            pending_set: None,
        },
    }
}
