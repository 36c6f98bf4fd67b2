//! The ZIP container of Office files: any bytes a user opens as .docx or .xlsx.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(entries) = zipin_core::zip::entries(bytes) {
        for entry in &entries {
            let _ = zipin_core::zip::gzip_wrap(entry);
        }
    }
});
