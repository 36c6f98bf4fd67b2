//! The browser's services behind plain Rust calls: local storage (with an in-memory fallback),
//! the browser's own gzip streams, the clipboard, downloads, opening files, and keys pressed
//! anywhere in the window. Everything
//! else in the page reaches the browser through these or through Yew.

pub mod clipboard;
pub mod download;
pub mod files;
pub mod keys;
pub mod storage;
pub mod streams;
