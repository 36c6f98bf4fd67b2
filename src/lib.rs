//! zipin (绩效自评计算器): the Yew page, a thin layer over [`zipin_core`].
//!
//! `state` holds the one reducer; `evaluations` scores what changed; `components/` are the
//! widgets, one a file; `i18n` is the one table of strings.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod app;
pub mod clipboard;
pub mod commands;
pub mod components;
pub mod crash;
pub mod documents;
pub mod download;
pub mod embed;
pub mod evaluations;
pub mod files;
pub mod i18n;
pub mod imports;
pub mod layouts;
pub mod marks;
pub mod messages;
pub mod navigation;
pub mod offline;
pub mod params;
pub mod shared;
pub mod state;
pub mod storage;
pub mod streams;

/// The one way components change the document: the reducer's dispatcher, stable across
/// renders, so passing it down never re-renders a row by itself.
pub type Dispatch = yew::UseReducerDispatcher<state::AppState>;

/// Installs the crash screen, finds where the user left off, and mounts the page.
pub fn run() {
    crash::install();
    #[cfg(debug_assertions)]
    crash::trigger_for_tests();
    yew::Renderer::<app::App>::with_props(app::startup()).render();
}
