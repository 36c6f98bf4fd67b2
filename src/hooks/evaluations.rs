//! Scores and findings for every form, recomputed only where something changed: a form whose
//! `Rc` is unchanged keeps its evaluation, and within a changed form only the edited rows are
//! read again (zipin-core's `Evaluator`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::{hook, use_memo, use_mut_ref};
use zipin_core::evaluator::Evaluator;
use zipin_core::model::{Document, Form, FormId};
use zipin_core::Evaluation;

use crate::shared::Shared;

struct Entry {
    evaluator: Evaluator,
    form: Rc<Form>,
    evaluation: Rc<Evaluation>,
}

#[derive(Default)]
struct Cache {
    forms: HashMap<FormId, Entry>,
}

impl Cache {
    fn refresh(&mut self, document: &Document) -> Vec<Rc<Evaluation>> {
        let mut next = HashMap::with_capacity(document.forms.len());
        let evaluations = document
            .forms
            .iter()
            .map(|form| {
                let entry = match self.forms.remove(&form.id) {
                    Some(entry) if entry.evaluator.profile() == &document.profile => {
                        if Rc::ptr_eq(&entry.form, form) {
                            entry
                        } else {
                            let mut evaluator = entry.evaluator;
                            let evaluation = Rc::new(evaluator.evaluate(form));
                            Entry {
                                evaluator,
                                form: form.clone(),
                                evaluation,
                            }
                        }
                    }
                    _ => {
                        let mut evaluator = Evaluator::new(document.profile.clone());
                        let evaluation = Rc::new(evaluator.evaluate(form));
                        Entry {
                            evaluator,
                            form: form.clone(),
                            evaluation,
                        }
                    }
                };
                let evaluation = entry.evaluation.clone();
                next.insert(form.id, entry);
                evaluation
            })
            .collect();
        self.forms = next;
        evaluations
    }
}

/// The evaluation of each form of `document`, in order.
#[hook]
pub fn use_evaluations(document: Shared<Document>) -> Shared<Vec<Rc<Evaluation>>> {
    let cache: Rc<RefCell<Cache>> = use_mut_ref(Cache::default);
    Shared(use_memo(document, move |document| {
        cache.borrow_mut().refresh(document)
    }))
}
