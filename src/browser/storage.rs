//! localStorage that never panics: in a sandboxed iframe, in privacy modes or past the quota
//! the browser throws, and zipin then keeps working in memory and says nothing is saved.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether values survive a reload here (localStorage exists and accepts a write).
pub fn is_persistent() -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    let probe = "zipin.probe";
    let ok = storage.set_item(probe, "1").is_ok();
    let _ = storage.remove_item(probe);
    ok
}

/// Reads a value: from localStorage when it can, else from this page's memory.
pub fn get(key: &str) -> Option<String> {
    local_storage()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .or_else(|| MEMORY.with(|memory| memory.borrow().get(key).cloned()))
}

/// Writes a value. Returns `false` when it could only be kept in memory.
pub fn set(key: &str, value: &str) -> bool {
    MEMORY.with(|memory| memory.borrow_mut().insert(key.to_owned(), value.to_owned()));
    local_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// Every key in localStorage (none when it is unavailable).
pub fn keys() -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Removes a value.
pub fn remove(key: &str) {
    MEMORY.with(|memory| memory.borrow_mut().remove(key));
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
