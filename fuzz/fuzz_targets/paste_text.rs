//! The whole paste path on plain text: shape detection, reading, finding forms, scoring, checking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zipin_core::import::{forms::Layouts, import};
use zipin_core::profile::Profile;

fuzz_target!(|text: &str| {
    let imported = import(text, None, &Layouts::new());
    for form in &imported.forms {
        let _ = zipin_core::evaluate(form, &Profile::default());
    }
});
