//! What each import read, kept beside the document: the paste box reports the last import
//! from it (and holds an import whose columns must be chosen first), and each imported form
//! shows how its columns were read, with the way to correct them. The content is kept so a
//! corrected choice reads it again and its forms take the place of the ones read before.

use std::rc::Rc;

use rustc_hash::FxHashMap;
use zipin_core::import::forms::Imported;
use zipin_core::import::reading::FormReading;
use zipin_core::import::Source;
use zipin_core::model::FormId;

use crate::shared::Shared;

/// One import: what was read, how, and which forms of the document it gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportRecord {
    pub source: Rc<Source>,
    pub imported: Imported,
    /// The import replaces the untouched starting form rather than adding to the document.
    pub replace: bool,
    /// The forms it added, in order, once it was taken in; empty while it waits for a column
    /// choice (or when it found nothing).
    pub forms: Vec<FormId>,
    /// The names of the forms it brought that the document already held: the same report
    /// pasted twice is said, not silently doubled.
    pub already: Vec<String>,
}

impl ImportRecord {
    /// A fresh reading of `source`, to be taken in (or held) by the reducer.
    pub fn new(source: Rc<Source>, imported: Imported, replace: bool) -> Self {
        ImportRecord {
            source,
            imported,
            replace,
            forms: Vec::new(),
            already: Vec::new(),
        }
    }

    /// A paste read with the column choices the user made before (or its refusal, when it
    /// is too large to read).
    pub fn pasted(text: &str, html: Option<&str>, replace: bool) -> Self {
        match Source::paste(text, html) {
            Ok(source) => {
                let imported = source.read(&crate::layouts::load());
                ImportRecord::new(Rc::new(source), imported, replace)
            }
            Err(refused) => ImportRecord::new(Rc::default(), refused, replace),
        }
    }

    /// Whether it waits for the user to say what some column holds.
    pub fn held(&self) -> bool {
        self.imported.needs_mapping()
    }

    /// How the form with this id was read, when this import gave it.
    pub fn reading_of(&self, form: FormId) -> Option<&FormReading> {
        let index = self.forms.iter().position(|id| *id == form)?;
        self.imported.readings.get(index)
    }
}

/// For each imported form, the import it came from.
pub type Readings = FxHashMap<FormId, Shared<ImportRecord>>;

/// The readings after an import took `record` in: each of its forms points to it.
pub fn with_record(readings: &Readings, record: &Shared<ImportRecord>) -> Readings {
    let mut next = readings.clone();
    for id in &record.forms {
        next.insert(*id, record.clone());
    }
    next
}
