//! The reviewer's desk: many files read into one set (`reading`), and sets kept across visits
//! in IndexedDB (`sets`). The view is `components::desk`; the rows, charts and exports come
//! from zipin-core's `review`.

pub mod reading;
pub mod sets;
