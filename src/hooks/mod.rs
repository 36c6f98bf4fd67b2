//! What the top component does besides rendering, one concern a file: scoring what changed,
//! saving, the keyboard shortcuts, remembering where the user is, the host page's messages,
//! and watching other tabs.

pub mod autosave;
pub mod conflict_watch;
pub mod evaluations;
pub mod host_messages;
pub mod session;
pub mod shortcuts;
