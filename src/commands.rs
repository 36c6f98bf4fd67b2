//! What the toolbar's buttons do: documents, files in and out, the review report, printing,
//! the offline file and the language. The side effects live here, apart from the markup
//! (components) and the document's rules (the reducer and zipin-core).

use std::rc::Rc;

use yew::UseStateHandle;
use zipin_core::edit::{blank_document, Edit};
use zipin_core::export::{delimited, document_as_typed, workbook_sheets, xlsx};
use zipin_core::import::notices::Notice;
use zipin_core::json::to_json;
use zipin_core::model::Document;
use zipin_core::number::two_places;
use zipin_core::profile::{Profile, ProfileId};
use zipin_core::review::memos::{memos_zip, table_layout};
use zipin_core::review::review_rows;
use zipin_core::review::table::sorted;
use zipin_core::Evaluation;

use crate::browser::clipboard::copy_text;
use crate::browser::clock::Day;
use crate::browser::download::download;
use crate::browser::files;
use crate::components::desk::DeskExport;
use crate::desk::reading::{self, Item};
use crate::desk::sets;
use crate::documents::{self, DocMeta};
use crate::i18n::{Lang, T};
use crate::layouts;
use crate::state::desk::View;
use crate::state::imports::ImportRecord;
use crate::state::{Action, AppState};
use crate::{browser::storage, messages, offline, state::Dispatch};
use zipin_core::files::{FileError, Opened};

/// A toolbar command.
#[derive(Clone, Debug)]
pub enum Command {
    NewDocument,
    OpenDocument(String),
    DeleteDocument(String),
    OpenFile(web_sys::File),
    ExportTsv,
    ExportCsv,
    ExportXlsx,
    ExportJson,
    Print,
    ReviewReport,
    /// The offline single file, with the open document inside when `true`.
    DownloadOffline(bool),
    /// Shows the page in this language and remembers it. The switch names the language its
    /// label offers rather than toggling the value it was drawn with: a click that lands
    /// before the toolbar has caught up with a change must still do what the label said.
    SetLanguage(Lang),
    /// Scores the document under another rule profile, saying what that changes on it.
    SetProfile(ProfileId),
    /// One of the desk's exports.
    Desk(DeskExport),
}

/// A message under the toolbar: whether it reports success, and its text.
pub type Message = Option<(bool, String)>;

/// What commands act on: handles of the app's state, taken at render time.
#[derive(Clone)]
pub struct Context {
    pub state: Rc<AppState>,
    pub evaluations: Rc<Vec<Rc<Evaluation>>>,
    pub dispatch: Dispatch,
    pub listed: UseStateHandle<Vec<DocMeta>>,
    pub lang: UseStateHandle<Lang>,
    pub reporting: UseStateHandle<bool>,
    pub printing: UseStateHandle<bool>,
    pub message: UseStateHandle<Message>,
}

pub const LANG_KEY: &str = "zipin.lang";

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl Context {
    fn say(&self, ok: bool, text: impl Into<String>) {
        self.message.set(Some((ok, text.into())));
    }

    /// Writes the open document at once, before another one is shown.
    fn flush(&self) {
        documents::save_any(
            &self.state.meta,
            &self.state.document,
            &self.state.desk,
            |_| {},
        );
    }

    fn open(&self, meta: DocMeta, document: Document) {
        self.dispatch.dispatch(Action::Open { meta, document });
        self.listed.set(documents::list());
    }

    /// Reads a set back from storage and shows it at the desk.
    pub fn open_set(&self, meta: DocMeta) {
        let context = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match sets::load(&meta.id).await {
                Ok(loaded) => {
                    context.dispatch.dispatch(Action::OpenSet {
                        meta,
                        document: loaded.document,
                        files: loaded.files,
                        failed: loaded.failed,
                    });
                    context.listed.set(documents::list());
                }
                Err(error) => context.say(false, messages::set_error(&error, *context.lang)),
            }
        });
    }

    /// The desk's table (as shown: sorted and filtered) or every unit's memo.
    fn desk_export(&self, export: DeskExport) {
        let document = &self.state.document;
        let rows = review_rows(document, &self.evaluations);
        let desk = &self.state.desk;
        let shown = desk.filter.apply(&rows, &sorted(&rows, desk.sort));
        let name = |extension| self.state.meta.file_name(extension);
        let (file, kind, bytes) = match export {
            DeskExport::TableXlsx => (
                name("xlsx"),
                XLSX_TYPE,
                xlsx::workbook(&[("复核表", table_layout(&rows, &shown))]),
            ),
            DeskExport::TableCsv => (
                name("csv"),
                "text/csv;charset=utf-8",
                delimited::csv(&table_layout(&rows, &shown)),
            ),
            DeskExport::Memos => (
                format!("复核意见书-{}.zip", self.state.meta.name.trim()),
                "application/zip",
                memos_zip(document, &self.evaluations, &Day::today().in_words()),
            ),
            DeskExport::PrintMemos => return self.reporting.set(true),
        };
        download(&file, kind, &bytes);
    }

    /// Reads files into the desk's set (the set open, or a new one).
    pub fn read_into_desk(&self, items: Vec<Item>) {
        if items.is_empty() {
            return;
        }
        self.flush();
        let set = reading::target(&self.state.meta);
        let known = if set.id == self.state.meta.id {
            self.state.desk.files.clone()
        } else {
            Vec::new()
        };
        let fresh = set.id != self.state.meta.id;
        self.dispatch.dispatch(Action::Show(View::Desk));
        reading::read(self.dispatch.clone(), set, fresh, items, known);
    }

    /// Runs a command.
    pub fn run(&self, command: Command) {
        let lang = *self.lang;
        let document = &self.state.document;
        match command {
            Command::SetProfile(id) => {
                let profile = Profile::builtin(id);
                self.say(
                    true,
                    profile_change(document, &self.evaluations, &profile, lang),
                );
                self.dispatch
                    .dispatch(Action::Edit(Edit::SetProfile(profile)));
            }
            Command::NewDocument => {
                self.flush();
                let meta = DocMeta {
                    id: documents::new_id(),
                    name: String::new(),
                    set: false,
                };
                let blank = blank_document(document.profile.clone());
                documents::save(&meta, &blank);
                self.open(meta, blank);
            }
            Command::OpenDocument(id) => {
                self.flush();
                let listed = documents::list().into_iter().find(|m| m.id == id);
                if let Some(meta) = listed.clone().filter(|meta| meta.set) {
                    self.open_set(meta);
                    return;
                }
                match documents::load(&id) {
                    Some(Ok(opened)) => {
                        let meta = listed.unwrap_or(DocMeta {
                            id,
                            name: String::new(),
                            set: false,
                        });
                        self.open(meta, opened);
                    }
                    Some(Err(problem)) => {
                        self.say(false, messages::load_error(&problem.error, lang))
                    }
                    None => self.listed.set(documents::list()),
                }
            }
            Command::DeleteDocument(id) => {
                documents::delete(&id);
                if id == self.state.meta.id {
                    let meta = DocMeta {
                        id: documents::new_id(),
                        name: String::new(),
                        set: false,
                    };
                    self.open(meta, blank_document(document.profile.clone()));
                }
                self.listed.set(documents::list());
            }
            Command::OpenFile(file) => {
                let context = self.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    context.opened(files::open(file).await)
                });
            }
            Command::ExportTsv => {
                let copied = copy_text(&delimited::tsv(&document_as_typed(document)));
                self.say(
                    copied,
                    if copied {
                        T::CopiedTsv.text(lang)
                    } else {
                        T::CopyFailed.text(lang)
                    },
                );
            }
            Command::ExportCsv => {
                download(
                    &self.state.meta.file_name("csv"),
                    "text/csv;charset=utf-8",
                    &delimited::csv(&document_as_typed(document)),
                );
            }
            Command::ExportXlsx => {
                let bytes = xlsx::workbook(&workbook_sheets(document, &self.evaluations));
                download(&self.state.meta.file_name("xlsx"), XLSX_TYPE, &bytes);
            }
            Command::ExportJson => {
                download(
                    &self.state.meta.file_name("json"),
                    "application/json",
                    to_json(document).as_bytes(),
                );
            }
            Command::Print => self.printing.set(true),
            Command::ReviewReport => self.reporting.set(!*self.reporting),
            Command::DownloadOffline(with_document) => {
                let json = with_document.then(|| to_json(document));
                let message = self.message.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(why) = offline::download_offline(json).await {
                        message.set(Some((false, messages::offline_error(&why, lang))));
                    }
                });
            }
            Command::Desk(export) => self.desk_export(export),
            Command::SetLanguage(wanted) => {
                storage::set(LANG_KEY, wanted.key());
                self.lang.set(wanted);
            }
        }
    }

    /// What an opened file brought: a document opens as one of its own; forms join the open
    /// document (or take the blank starting form's place) in one undoable step.
    fn opened(&self, result: Result<Opened, FileError>) {
        let lang = *self.lang;
        match result {
            Ok(Opened::Document(document, name)) => {
                self.flush();
                self.open(
                    DocMeta {
                        id: documents::new_id(),
                        name: name.clone(),
                        set: false,
                    },
                    *document,
                );
                self.say(true, format!("{}{name}", T::OpenedDocument.text(lang)));
            }
            Ok(Opened::Tables(source)) => {
                let replace = !self.state.document.forms.iter().any(|f| f.has_content());
                let record = match source {
                    Ok(source) => {
                        let imported = source.read(&layouts::load());
                        ImportRecord::new(Rc::new(source), imported, replace)
                    }
                    Err(refused) => ImportRecord::new(Rc::default(), refused, replace),
                };
                let names: Vec<String> = record
                    .imported
                    .forms
                    .iter()
                    .map(|f| f.name.trim().to_owned())
                    .collect();
                let message = if record.held() {
                    Err(T::MappingHeld.text(lang).to_owned())
                } else if !names.is_empty() {
                    Ok(format!(
                        "{} {} {}：{}",
                        T::ImportedForms.text(lang),
                        names.len(),
                        T::FormsUnit.text(lang),
                        names.join("、")
                    ))
                } else {
                    Err(record
                        .imported
                        .notices
                        .iter()
                        .find_map(|n| match n {
                            Notice::NoForm(why) => Some(messages::no_form(why, lang)),
                            _ => None,
                        })
                        .unwrap_or_else(|| T::NoFormInFile.text(lang).to_owned()))
                };
                self.dispatch.dispatch(Action::Import(record));
                match message {
                    Ok(message) => self.say(true, message),
                    Err(message) => self.say(false, message),
                }
            }
            Ok(Opened::Archive(files)) => self.read_into_desk(Item::archive(files)),
            Err(error) => self.say(false, messages::file_error(&error, lang)),
        }
    }
}

/// What switching to `profile` changes on this document, in one message: the profile's
/// rules, and each form whose total or grade moves (or that none does).
fn profile_change(
    document: &Document,
    evaluations: &[Rc<Evaluation>],
    profile: &Profile,
    lang: Lang,
) -> String {
    let before = evaluations.iter().map(|evaluation| &evaluation.score);
    let moved: Vec<String> = document
        .forms
        .iter()
        .zip(before)
        .filter_map(|(form, before)| {
            let after = zipin_core::evaluate(form, profile).score;
            let shown = |score: &zipin_core::score::FormScore| {
                format!(
                    "{} {}",
                    score.total.map_or_else(|| "—".to_owned(), two_places),
                    score
                        .grade
                        .map_or(zipin_core::score::NOT_SCORED, |g| g.label())
                )
            };
            (before.total != after.total || before.grade != after.grade).then(|| {
                format!(
                    "{}：{} → {}",
                    form.name.trim(),
                    shown(before),
                    shown(&after)
                )
            })
        })
        .collect();
    let rules = match lang {
        Lang::Zh => profile.summary(),
        Lang::En => profile.summary_en(),
    };
    let effect = if moved.is_empty() {
        T::ProfileChangesNothing.text(lang).to_owned()
    } else {
        format!("{}{}", T::ProfileChanges.text(lang), moved.join("；"))
    };
    format!(
        "{} {}（{rules}）。{effect}",
        T::ProfileNow.text(lang),
        profile.name
    )
}
