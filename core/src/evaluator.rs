//! Scoring and checking a form again after every keystroke, re-reading only the rows that
//! changed. An edit replaces one row's `Rc`; every other row keeps its pointer, so its score
//! and findings are taken from the last evaluation instead of being computed again.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::check::{check_form_level, check_row, settle, Finding};
use crate::model::{Form, Indicator, RowId};
use crate::profile::Profile;
use crate::score::{score_form_with, score_row, RowScore};
use crate::Evaluation;

struct Cached {
    row: Rc<Indicator>,
    level2: String,
    section: String,
    /// Whether the form's rows carried weights: a row is read differently when they do not.
    unweighted: bool,
    score: RowScore,
    findings: Vec<Finding>,
    /// The evaluation that last used this entry, to drop rows that are gone.
    seen: u64,
}

/// Evaluates successive versions of one form under one profile.
pub struct Evaluator {
    profile: Profile,
    /// Looked up for every row at every evaluation. Row ids are the document's own counters,
    /// so the std map's SipHash, which guards against keys chosen to collide, only adds cost:
    /// `FxHashMap` hashes an id with one multiplication.
    rows: FxHashMap<RowId, Cached>,
    generation: u64,
}

impl Evaluator {
    /// An evaluator for forms under `profile`.
    pub fn new(profile: Profile) -> Self {
        Evaluator {
            profile,
            rows: FxHashMap::default(),
            generation: 0,
        }
    }

    /// The profile it evaluates under.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The same result as [`crate::evaluate`], reusing the rows that did not change.
    pub fn evaluate(&mut self, form: &Form) -> Evaluation {
        // A generation only has to differ from the last one (rows it did not see are
        // dropped), which wrapping keeps.
        self.generation = self.generation.wrapping_add(1);
        let generation = self.generation;
        let profile = &self.profile;
        let rows = &mut self.rows;
        let score = score_form_with(form, profile, |context| {
            let fresh = |rows: &mut FxHashMap<RowId, Cached>| {
                let score = score_row(context);
                let findings = check_row(context, &score, profile);
                rows.insert(
                    context.row.id,
                    Cached {
                        row: context.row.clone(),
                        level2: context.level2.to_owned(),
                        section: context.section.name.clone(),
                        unweighted: context.unweighted,
                        score: score.clone(),
                        findings,
                        seen: generation,
                    },
                );
                score
            };
            match rows.get_mut(&context.row.id) {
                Some(cached)
                    if Rc::ptr_eq(&cached.row, context.row)
                        && cached.level2 == context.level2
                        && cached.section == context.section.name
                        && cached.unweighted == context.unweighted =>
                {
                    cached.seen = generation;
                    cached.score.clone()
                }
                _ => fresh(rows),
            }
        });
        self.rows.retain(|_, cached| cached.seen == generation);
        let mut findings = check_form_level(form, &score, profile);
        for context in form.rows() {
            if let Some(cached) = self.rows.get(&context.row.id) {
                findings.extend(cached.findings.iter().cloned());
            }
        }
        settle(&mut findings, form, &score);
        Evaluation { score, findings }
    }
}
