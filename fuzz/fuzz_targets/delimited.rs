//! TSV and CSV with quotes, escapes and embedded line breaks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = zipin_core::import::delimited::parse(text, '\t');
    let _ = zipin_core::import::delimited::parse(text, ',');
});
