//! Pasted HTML: tags, spans, entities, nesting, then forms found in the tables.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zipin_core::import::{forms::Layouts, import};

fuzz_target!(|html: &str| {
    let _ = import("", Some(html), &Layouts::new());
});
