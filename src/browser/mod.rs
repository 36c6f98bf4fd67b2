//! The browser's services behind plain Rust calls: local storage (with an in-memory fallback),
//! the browser's own gzip streams, the clipboard, downloads, opening files and dropped folders,
//! IndexedDB, and keys pressed anywhere in the window. Everything
//! else in the page reaches the browser through these or through Yew.

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod files;
pub mod folders;
pub mod idb;
pub mod keys;
pub mod storage;
pub mod streams;
