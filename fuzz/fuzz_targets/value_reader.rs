//! Indicator values and number cells: "≥95%", "覆盖率≥100%", "1,234.56万元" and anything else.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = zipin_core::value::read_value(text);
    let _ = zipin_core::number::read_number(text);
    let _ = zipin_core::number::read_rate(text);
});
