//! One function component per file.

pub mod ab_compare;
pub mod assumptions_panel;
pub mod breakdown_chart;
pub mod field;
pub mod inputs;
pub mod language_picker;
pub mod markets;
pub mod model_card;
pub mod notice;
pub mod page_footer;
pub mod page_header;
pub mod plot;
pub mod policy_bar;
pub mod rate_sheet;
pub mod recommendation;
pub mod saved_scenarios;
pub mod sensitivity_chart;
pub mod share_bar;
pub mod solver_panel;
pub mod summary_bar;
pub mod volume_chart;

use std::ops::Deref;
use std::rc::Rc;

/// Data a component shows, shared with the state and compared by identity: the state puts a new
/// one in its place whenever it changes, so a component whose data did not change is not drawn
/// again, and nothing large is compared or copied.
pub struct Same<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<&Rc<T>> for Same<T> {
    fn from(rc: &Rc<T>) -> Self {
        Same(rc.clone())
    }
}
