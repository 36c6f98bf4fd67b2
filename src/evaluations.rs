//! Scores and findings for every form, recomputed only for the forms that changed: an edit
//! replaces one `Rc<Form>`, so every other form's evaluation is reused by pointer.

use std::cell::RefCell;
use std::rc::Rc;

use yew::{hook, use_memo, use_mut_ref};
use zipin_core::model::{Document, Form};
use zipin_core::profile::Profile;
use zipin_core::{evaluate, Evaluation};

#[derive(Default)]
struct Cache {
    profile: Option<Profile>,
    entries: Vec<(Rc<Form>, Rc<Evaluation>)>,
}

impl Cache {
    fn refresh(&mut self, document: &Document) -> Vec<Rc<Evaluation>> {
        if self.profile.as_ref() != Some(&document.profile) {
            self.profile = Some(document.profile.clone());
            self.entries.clear();
        }
        let entries: Vec<(Rc<Form>, Rc<Evaluation>)> = document
            .forms
            .iter()
            .map(|form| {
                let cached = self.entries.iter().find(|(old, _)| Rc::ptr_eq(old, form));
                let evaluation = match cached {
                    Some((_, evaluation)) => evaluation.clone(),
                    None => Rc::new(evaluate(form, &document.profile)),
                };
                (form.clone(), evaluation)
            })
            .collect();
        self.entries = entries;
        self.entries.iter().map(|(_, evaluation)| evaluation.clone()).collect()
    }
}

/// The evaluation of each form of `document`, in order.
#[hook]
pub fn use_evaluations(document: Rc<Document>) -> Rc<Vec<Rc<Evaluation>>> {
    let cache: Rc<RefCell<Cache>> = use_mut_ref(Cache::default);
    use_memo(document, move |document| cache.borrow_mut().refresh(document))
}
