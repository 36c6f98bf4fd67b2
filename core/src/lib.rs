//! zipin-core: the whole engine of zipin (绩效自评计算器), with no web dependency.
//!
//! The pipeline, one module a step:
//! text → [`normalize`] → [`number`] / [`value`] readings → [`score`] under a [`profile`]
//! → [`check`] findings. [`model`] holds the document as typed; [`import`] turns pasted or
//! opened tables into it and [`export`] writes it out again.
//!
//! Whatever users paste or open reaches this code, and a panic would kill the page: no
//! unwrap, expect, indexing or panic outside tests.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

pub mod check;
pub mod edit;
pub mod evaluator;
pub mod export;
pub mod files;
pub mod import;
pub mod json;
pub mod model;
pub mod narrative;
pub mod normalize;
pub mod number;
pub mod offline;
pub mod profile;
pub mod report;
pub mod review;
pub mod score;
pub mod value;
pub mod zip;

use check::{check_form, Finding};
use model::Form;
use profile::Profile;
use score::{score_form, FormScore};

/// A form's scores and findings together: what the page shows for one form.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub score: FormScore,
    pub findings: Vec<Finding>,
}

impl Evaluation {
    /// How many findings of each severity: errors, warnings, notes.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |severity| {
            self.findings
                .iter()
                .filter(|f| f.severity == severity)
                .count()
        };
        (
            count(check::Severity::Error),
            count(check::Severity::Warning),
            count(check::Severity::Info),
        )
    }
}

/// Scores and checks a form.
pub fn evaluate(form: &Form, profile: &Profile) -> Evaluation {
    let score = score_form(form, profile);
    let findings = check_form(form, &score, profile);
    Evaluation { score, findings }
}
