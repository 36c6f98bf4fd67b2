//! Saved documents: whatever localStorage, a file or a host page hands over as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(document) = zipin_core::json::from_json(text) {
        for form in &document.forms {
            let _ = zipin_core::evaluate(form, &document.profile);
        }
        let _ = zipin_core::json::to_json(&document);
    }
});
