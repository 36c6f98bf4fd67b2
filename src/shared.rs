//! `Rc` values that compare by pointer. Yew compares props and hook dependencies with
//! `PartialEq`, and `Rc<T>: PartialEq` compares the whole value: on a 2,000-row document that
//! is a deep walk per render. An edit replaces exactly the `Rc`s it changes, so pointer
//! equality is both exact and cheap.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` whose equality is pointer identity.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps an `Rc`.
    pub fn new(value: Rc<T>) -> Self {
        Shared(value)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared(Rc::new(T::default()))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(value: Rc<T>) -> Self {
        Shared(value)
    }
}
