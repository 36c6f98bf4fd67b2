//! Reading one file into forms, as the page's desk reads it: opened by zipin-core's `files`
//! (the same code the page opens files with), a .zip's reports each read in turn, every form
//! marked with the file it came from.

use std::path::Path;

use zipin_core::edit::fresh_document;
use zipin_core::files::{
    self, read_tables, set_forms, ArchiveBudget, FileError, FileProblem, Opened, Origin,
};
use zipin_core::import::forms::Layouts;
use zipin_core::model::{Document, Form};

use crate::host::Native;

/// What one file gave: its forms (each marked with the file), or why it gave none (in
/// Chinese, naming the file).
pub struct FileForms {
    pub forms: Result<Vec<Form>, String>,
}

/// Reads the file at `path`, shown as `name`: one result, or one per report of an archive.
pub fn read_file(path: &Path, name: &str) -> Vec<FileForms> {
    let mut out = Vec::new();
    match bytes(path, name) {
        Ok(bytes) => read_bytes(name, &bytes, Origin::Chosen, &mut out),
        Err(why) => out.push(FileForms { forms: Err(why) }),
    }
    out
}

/// A file's bytes, or why the system could not read them.
fn bytes(path: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| {
        FileError {
            name: name.to_owned(),
            problem: FileProblem::Unreadable(error.to_string()),
        }
        .to_string()
    })
}

/// Opens a file's bytes: the document or tables it holds, as the page opens them.
pub fn open(name: &str, bytes: &[u8], origin: Origin<'_>) -> Result<Opened, FileError> {
    pollster::block_on(files::open(&Native, name, bytes, origin))
}

fn read_bytes(name: &str, bytes: &[u8], origin: Origin<'_>, out: &mut Vec<FileForms>) {
    let forms = match open(name, bytes, origin) {
        Ok(Opened::Document(document, _)) => Ok(document_forms(&document)),
        Ok(Opened::Tables(tables)) => {
            set_forms(tables, &Layouts::default()).map_err(|why| format!("“{name}”：{why}"))
        }
        Ok(Opened::Archive(inside)) => {
            let budget = ArchiveBudget::default();
            for (inner, bytes) in inside {
                let inner = format!("{name}/{inner}");
                read_bytes(&inner, &bytes, Origin::InArchive(&budget), out);
            }
            return;
        }
        Err(error) => Err(error.to_string()),
    };
    out.push(FileForms {
        forms: forms.map(|forms| {
            forms
                .into_iter()
                .map(|form| Form {
                    source: name.to_owned(),
                    ..form
                })
                .collect()
        }),
    });
}

/// A saved document's forms, as a set takes them.
fn document_forms(document: &Document) -> Vec<Form> {
    document.forms.iter().map(|form| (**form).clone()).collect()
}

/// The document a file opens as in the page's editor: a saved document as it is; a file's
/// tables in place of the blank form a fresh page starts with.
pub fn document(path: &Path, name: &str) -> Result<Document, String> {
    let bytes = bytes(path, name)?;
    match open(name, &bytes, Origin::Chosen).map_err(|error| error.to_string())? {
        Opened::Document(document, _) => Ok(*document),
        Opened::Tables(tables) => {
            let imported = read_tables(tables, &Layouts::default())
                .map_err(|why| format!("“{name}”：{why}"))?;
            Ok(fresh_document(imported.forms, imported.narrative))
        }
        Opened::Archive(_) => Err(format!(
            "“{name}”是报表的压缩包：请用 zipin review 逐份复核"
        )),
    }
}
