//! Word's text extract: cells after tabs, wrapped lines, rows rebuilt from header widths.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = zipin_core::import::word_text::parse(text);
});
