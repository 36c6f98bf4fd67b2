//! zipin (绩效自评计算器): the Yew page, a thin layer over [`zipin_core`].
//!
//! `start` finds where the user left off; `app` is the top component and `hooks/` what it
//! does besides rendering; `state/` holds the one reducer; `components/` are the widgets, one
//! a file; `browser/` the browser's services; `i18n` the one table of strings.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod app;
pub mod browser;
pub mod commands;
pub mod components;
pub mod crash;
pub mod desk;
pub mod documents;
pub mod embed;
pub mod hooks;
pub mod i18n;
pub mod layouts;
pub mod marks;
pub mod messages;
pub mod navigation;
pub mod offline;
pub mod params;
pub mod shared;
pub mod start;
pub mod state;

/// Installs the crash screen, finds where the user left off, and mounts the page.
pub fn run() {
    crash::install();
    #[cfg(debug_assertions)]
    crash::trigger_for_tests();
    yew::Renderer::<app::App>::with_props(start::startup()).render();
}
