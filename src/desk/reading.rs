//! Reading many files into a set, one file a task: the page paints between files (the
//! progress bar moves, a click is answered), a file that cannot be read is listed with why and
//! the rest go on, a .zip of reports is opened in its turn, and a file the set already holds
//! (same name, same size) is passed over.

use std::collections::VecDeque;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use zipin_core::model::Form;

use crate::browser::clock::Day;
use crate::browser::files;
use crate::documents::{self, DocMeta};
use crate::layouts;
use crate::state::desk::{FailReason, Failed, FileKey, Progress};
use crate::state::{Action, Dispatch};
use zipin_core::files::{set_forms, ArchiveBudget, Opened};

/// Something to read: a file the user chose or dropped, or a file from inside a .zip (with
/// what the archive's reports may still inflate to, shared by them all).
pub enum Item {
    File(web_sys::File),
    Bytes {
        name: String,
        bytes: Vec<u8>,
        budget: Rc<ArchiveBudget>,
    },
}

impl Item {
    /// The files of one archive (name, bytes), sharing one budget.
    pub fn archive(files: Vec<(String, Vec<u8>)>) -> Vec<Item> {
        let budget = Rc::new(ArchiveBudget::default());
        files
            .into_iter()
            .map(|(name, bytes)| Item::Bytes {
                name,
                bytes,
                budget: Rc::clone(&budget),
            })
            .collect()
    }

    fn key(&self) -> FileKey {
        match self {
            Item::File(file) => FileKey {
                name: file.name(),
                size: file.size() as u64,
            },
            Item::Bytes { name, bytes, .. } => FileKey {
                name: name.clone(),
                size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            },
        }
    }
}

/// The set a reading goes into: the one open, or a new one named for today.
pub fn target(open: &DocMeta) -> DocMeta {
    if open.set {
        open.clone()
    } else {
        DocMeta {
            id: documents::new_id(),
            name: format!("复核集 {}", Day::today().iso()),
            set: true,
        }
    }
}

/// What one file gave.
enum Outcome {
    Forms(Vec<Form>),
    Failed(FailReason),
    /// The files of an archive, to read in their turn.
    Inside(Vec<Item>),
}

/// Reads one file.
async fn read_one(item: Item, name: &str) -> Outcome {
    let opened = match item {
        Item::File(file) => files::open(file).await,
        Item::Bytes {
            name,
            bytes,
            budget,
        } => files::open_inside(&name, &bytes, &budget).await,
    };
    match opened {
        Ok(Opened::Archive(inside)) => Outcome::Inside(Item::archive(inside)),
        Ok(Opened::Document(document, _)) => Outcome::Forms(from_file(
            document.forms.iter().map(|form| (**form).clone()),
            name,
        )),
        Ok(Opened::Tables(tables)) => match set_forms(tables, &layouts::load()) {
            Ok(forms) => Outcome::Forms(from_file(forms, name)),
            Err(why) => Outcome::Failed(FailReason::Tables(why)),
        },
        Err(error) => Outcome::Failed(FailReason::File(error)),
    }
}

/// Reads `items` into the set `set` (`fresh`: a set this reading creates), passing over the
/// files in `known`. Each file's forms are taken in as it is read, so the table fills while
/// the reading goes on and no task scores more than one file's forms.
pub fn read(dispatch: Dispatch, set: DocMeta, fresh: bool, items: Vec<Item>, known: Vec<FileKey>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut queue: VecDeque<Item> = items.into();
        let mut total = queue.len();
        let mut read: Vec<FileKey> = Vec::new();
        let (mut done, mut skipped, mut first) = (0, 0, true);
        while let Some(item) = queue.pop_front() {
            let key = item.key();
            dispatch.dispatch(Action::DeskProgress(Some(Progress {
                done,
                total,
                file: key.name.clone(),
            })));
            // The page paints, and answers, between files.
            TimeoutFuture::new(0).await;
            done += 1;
            if known.contains(&key) || read.contains(&key) {
                skipped += 1;
                continue;
            }
            let (forms, failed) = match read_one(item, &key.name).await {
                Outcome::Inside(inside) => {
                    total += inside.len();
                    queue.extend(inside);
                    continue;
                }
                Outcome::Forms(forms) => (forms, Vec::new()),
                Outcome::Failed(why) => (
                    Vec::new(),
                    vec![Failed {
                        file: key.name.clone(),
                        why,
                    }],
                ),
            };
            read.push(key.clone());
            dispatch.dispatch(Action::DeskRead {
                set: set.clone(),
                fresh: fresh && first,
                forms,
                files: vec![key],
                failed,
            });
            first = false;
        }
        dispatch.dispatch(Action::DeskDone { skipped });
    });
}

/// Forms marked with the file they came from.
fn from_file(forms: impl IntoIterator<Item = Form>, file: &str) -> Vec<Form> {
    forms
        .into_iter()
        .map(|form| Form {
            source: file.to_owned(),
            ..form
        })
        .collect()
}
