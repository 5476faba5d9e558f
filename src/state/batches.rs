//! Registering a mixed choice in several batches: the queue after the current selection.

use leptos::prelude::*;

use super::WizardContext;
use crate::domain::selection::split_into_batches;
use crate::model::Did;

impl WizardContext {
    /// The batches waiting for their own registration after the current one, in order.
    pub fn batch_queue(&self) -> ReadSignal<Vec<Vec<Did>>> {
        self.batch_queue.read_only()
    }

    /// Every number chosen, read without subscribing: the current batch, then the queued
    /// ones.
    pub fn chosen_dids_untracked(&self) -> Vec<Did> {
        let mut chosen = self.selected_dids.get_untracked();
        self.batch_queue
            .with_untracked(|queue| chosen.extend(queue.iter().flatten().cloned()));
        chosen
    }

    /// Splits `dids` into batches DIDWW accepts: the first becomes the current selection,
    /// the others wait in the queue (see [`split_into_batches`]).
    pub fn choose_in_batches(&self, dids: Vec<Did>) {
        let mut batches = split_into_batches(&dids).into_iter();
        self.select_dids(batches.next().unwrap_or_default());
        self.batch_queue.set(batches.collect());
    }

    /// Makes the first queued batch the selection; `false` when the queue is empty.
    pub fn take_next_batch(&self) -> bool {
        let mut queue = self.batch_queue.get_untracked();
        if queue.is_empty() {
            return false;
        }
        let next = queue.remove(0);
        self.batch_queue.set(queue);
        self.select_dids(next);
        true
    }

    /// Drops the queued batches, keeping the current selection.
    pub fn clear_batches(&self) {
        self.batch_queue.set(Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;
    use crate::model::{Country, EmergencyRequirement};

    fn did_in(id: &str, country: &str) -> Did {
        Did {
            id: id.to_owned(),
            country: Some(Country {
                id: country.to_owned(),
                name: country.to_owned(),
                ..Default::default()
            }),
            ..Did::default()
        }
    }

    fn ids(dids: &[Did]) -> Vec<&str> {
        dids.iter().map(|did| did.id.as_str()).collect()
    }

    #[test]
    fn a_mixed_choice_becomes_a_selection_and_a_queue_that_survives_submission() {
        let owner = Owner::new();
        owner.set();
        let draft = WizardContext::new();
        draft.choose_in_batches(vec![
            did_in("lt-1", "LT"),
            did_in("de-1", "DE"),
            did_in("lt-2", "LT"),
        ]);

        assert_eq!(
            ids(&draft.selected_dids().get_untracked()),
            ["lt-1", "lt-2"]
        );
        assert_eq!(draft.batch_queue().get_untracked().len(), 1);
        assert_eq!(
            ids(&draft.chosen_dids_untracked()),
            ["lt-1", "lt-2", "de-1"]
        );

        draft.choose_requirement(Some(EmergencyRequirement {
            id: "r1".to_owned(),
            ..EmergencyRequirement::default()
        }));
        draft.finish_submission("v1".to_owned());
        assert_eq!(draft.batch_queue().get_untracked().len(), 1);

        assert!(draft.take_next_batch());
        assert_eq!(ids(&draft.selected_dids().get_untracked()), ["de-1"]);
        assert!(draft.requirement().get_untracked().is_none());
        assert!(!draft.take_next_batch(), "the queue is empty now");
    }

    #[test]
    fn dropping_the_queue_keeps_the_current_batch() {
        let owner = Owner::new();
        owner.set();
        let draft = WizardContext::new();
        draft.choose_in_batches(vec![did_in("lt-1", "LT"), did_in("de-1", "DE")]);

        draft.clear_batches();

        assert_eq!(ids(&draft.selected_dids().get_untracked()), ["lt-1"]);
        assert!(draft.batch_queue().get_untracked().is_empty());
    }
}
