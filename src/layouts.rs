//! The column mappings the user chose for table layouts zipin could not map by itself,
//! remembered so the next paste of the same layout imports at once.

use zipin_core::import::forms::Layouts;

use crate::browser::storage;

const KEY: &str = "zipin.layouts.v1";

/// The remembered mappings (none when nothing is stored or the stored text is unreadable).
pub fn load() -> Layouts {
    storage::get(KEY)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers one more mapping.
pub fn remember(layout: String, roles: Vec<Option<zipin_core::import::header::Role>>) {
    let mut layouts = load();
    layouts.insert(layout, roles);
    if let Ok(text) = serde_json::to_string(&layouts) {
        storage::set(KEY, &text);
    }
}
