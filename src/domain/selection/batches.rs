//! Splitting a mixed choice of numbers into registrations DIDWW accepts.
//!
//! One emergency verification holds numbers of one country and one DID group type, and
//! numbers locked to an identity must all be locked to the same one. A mixed choice is
//! therefore registered as a queue of batches, one verification each.

use std::collections::HashSet;

use super::{classify, country_id, group_place, locked_identity, numbers_count, type_id, DidCase};
use crate::model::Did;

/// Splits `dids` into batches that can each go into one emergency verification.
///
/// There is one batch per country and DID group type, and within a group one per identity
/// that locks numbers; free and porting numbers join their group's first batch, so they add
/// no registration of their own. Numbers that already belong to a calling service and
/// repeated numbers are dropped. Batches come in the order their first number appears.
pub fn split_into_batches(dids: &[Did]) -> Vec<Vec<Did>> {
    let mut groups: Vec<GroupBatches> = Vec::new();
    let mut seen = HashSet::new();
    for did in dids {
        if !classify(did).is_selectable() || !seen.insert(did.id.as_str()) {
            continue;
        }
        let key = (country_id(did), type_id(did));
        let position = match groups.iter().position(|group| group.key == key) {
            Some(position) => position,
            None => {
                groups.push(GroupBatches::new(key));
                groups.len() - 1
            }
        };
        let group = &mut groups[position];
        match locked_identity(did) {
            Some(identity) => match group.locked.iter_mut().find(|(id, _)| *id == identity) {
                Some((_, batch)) => batch.push(did.clone()),
                None => group.locked.push((identity, vec![did.clone()])),
            },
            None => group.open.push(did.clone()),
        }
    }
    groups.into_iter().flat_map(GroupBatches::finish).collect()
}

/// One batch in words, such as "3 numbers in Germany (Local)", naming the identity that
/// locks its numbers when there is one.
pub fn describe_batch(batch: &[Did]) -> String {
    let count = numbers_count(batch.len());
    let place = match batch_place(batch) {
        Some(place) => format!(" in {place}"),
        None => String::new(),
    };
    let identity = batch.iter().find_map(|did| match classify(did) {
        DidCase::Locked {
            identity_id,
            identity_name,
        } => Some(identity_name.unwrap_or(identity_id)),
        _ => None,
    });
    match identity {
        Some(identity) => format!("{count}{place}, locked to {identity}"),
        None => format!("{count}{place}"),
    }
}

/// Where a batch's numbers are, such as "Germany (Local)"; `None` for an empty batch.
pub fn batch_place(batch: &[Did]) -> Option<String> {
    let (country, kind) = group_place(batch.first()?);
    Some(format!("{country} ({kind})"))
}

/// The batches of one country and type while they are being collected.
struct GroupBatches {
    key: (Option<String>, Option<String>),
    /// Locked numbers by identity id, in the order the identities appeared.
    locked: Vec<(String, Vec<Did>)>,
    /// Free and porting numbers.
    open: Vec<Did>,
}

impl GroupBatches {
    fn new(key: (Option<String>, Option<String>)) -> Self {
        Self {
            key,
            locked: Vec::new(),
            open: Vec::new(),
        }
    }

    fn finish(self) -> Vec<Vec<Did>> {
        let mut locked = self.locked.into_iter().map(|(_, batch)| batch);
        let Some(mut first) = locked.next() else {
            return vec![self.open];
        };
        first.extend(self.open);
        std::iter::once(first).chain(locked).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{did, in_service, locked, porting};
    use super::*;

    fn ids(batches: &[Vec<Did>]) -> Vec<Vec<&str>> {
        batches
            .iter()
            .map(|batch| batch.iter().map(|did| did.id.as_str()).collect())
            .collect()
    }

    #[test]
    fn one_group_without_locks_stays_one_batch() {
        let batches = split_into_batches(&[did("a", "LT", "Local"), porting("b", "identity-1")]);
        assert_eq!(ids(&batches), vec![vec!["a", "b"]]);
    }

    #[test]
    fn countries_and_types_get_a_batch_each_in_order_of_appearance() {
        let dids = [
            did("a", "LT", "Local"),
            did("b", "DE", "Local"),
            did("c", "LT", "Mobile"),
            did("d", "LT", "Local"),
            did("e", "DE", "Local"),
        ];
        let batches = split_into_batches(&dids);
        assert_eq!(
            ids(&batches),
            vec![vec!["a", "d"], vec!["b", "e"], vec!["c"]]
        );
    }

    #[test]
    fn each_locking_identity_gets_its_own_batch_and_free_numbers_join_the_first() {
        let dids = [
            did("free", "LT", "Local"),
            locked("x1", "identity-x"),
            locked("y1", "identity-y"),
            locked("x2", "identity-x"),
            porting("p", "identity-z"),
        ];
        let batches = split_into_batches(&dids);
        assert_eq!(
            ids(&batches),
            vec![vec!["x1", "x2", "free", "p"], vec!["y1"]]
        );
        for batch in &batches {
            let mut sorted = batch.clone();
            let last = sorted.pop().expect("batches are never empty");
            assert_eq!(super::super::check_addition(&sorted, &last), Ok(()));
        }
    }

    #[test]
    fn numbers_in_a_service_and_repeats_are_dropped() {
        let dids = [
            in_service("s"),
            did("a", "LT", "Local"),
            did("a", "LT", "Local"),
        ];
        assert_eq!(ids(&split_into_batches(&dids)), vec![vec!["a"]]);
        assert!(split_into_batches(&[]).is_empty());
        assert!(split_into_batches(&[in_service("s")]).is_empty());
    }

    #[test]
    fn numbers_without_a_country_or_type_are_kept_together_not_lost() {
        let bare = Did {
            id: "bare".to_owned(),
            ..Did::default()
        };
        let batches = split_into_batches(&[bare, did("a", "LT", "Local")]);
        assert_eq!(ids(&batches), vec![vec!["bare"], vec!["a"]]);
    }

    #[test]
    fn a_batch_is_described_by_size_place_and_locking_identity() {
        let free = [did("a", "Germany", "Local"), did("b", "Germany", "Local")];
        assert_eq!(describe_batch(&free), "2 numbers in Germany (Local)");
        assert_eq!(
            describe_batch(&[locked("c", "identity-1")]),
            "1 number in LT (Local), locked to identity-1"
        );
        assert_eq!(describe_batch(&[]), "0 numbers");
    }
}
