//! The page's widgets, one a file. Each owns its markup; none holds document state.

pub mod cell;
pub mod column_chooser;
pub mod conflict_banner;
pub mod desk;
pub mod findings_panel;
pub mod form_panel;
pub mod funds_table;
pub mod import_reading;
pub mod indicator_grid;
pub mod indicator_row;
pub mod narrative_view;
pub mod paste_box;
pub mod print_view;
pub mod review_report;
pub mod summary;
pub mod toolbar;
pub mod workspace;
