//! Numbers grouped by country and DID group type: the filter's choices, and choosing a whole
//! group in one action.

use std::collections::{BTreeMap, HashSet};

use super::{
    check_addition, classify, country_id, forced_identity, group_place, locked_identity,
    numbers_count, thousands, type_id, DidCase, SelectionRefusal,
};
use crate::model::Did;

/// How many of the identities that lock left-out numbers a message names.
const IDENTITIES_NAMED: usize = 3;

/// One country and DID group type among the numbers loaded, with how many can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSummary {
    /// The country's id (`None` when the listing did not include it).
    pub country_id: Option<String>,
    /// The country's name.
    pub country_name: String,
    /// The DID group type's id.
    pub type_id: Option<String>,
    /// The DID group type's name.
    pub type_name: String,
    /// How many numbers of the group are loaded.
    pub total: usize,
    /// How many of them are not in a calling service yet.
    pub selectable: usize,
}

/// The groups of `dids`, sorted by country name, then type name.
pub fn summarize_groups(dids: &[Did]) -> Vec<GroupSummary> {
    let mut groups: BTreeMap<(Option<String>, Option<String>), GroupSummary> = BTreeMap::new();
    for did in dids {
        let key = (country_id(did), type_id(did));
        let summary = groups.entry(key).or_insert_with(|| {
            let (country_name, type_name) = group_place(did);
            GroupSummary {
                country_id: country_id(did),
                country_name,
                type_id: type_id(did),
                type_name,
                total: 0,
                selectable: 0,
            }
        });
        summary.total += 1;
        if classify(did).is_selectable() {
            summary.selectable += 1;
        }
    }
    let mut summaries: Vec<GroupSummary> = groups.into_values().collect();
    crate::domain::sorting::sort_by(&mut summaries, |a, b| {
        (&a.country_name, &a.type_name, &a.country_id, &a.type_id).cmp(&(
            &b.country_name,
            &b.type_name,
            &b.country_id,
            &b.type_id,
        ))
    });
    summaries
}

/// True when `did` is in the country and of the type given; `None` accepts any.
pub fn matches_group(did: &Did, country: Option<&str>, group_type: Option<&str>) -> bool {
    let country_fits = country.is_none_or(|wanted| country_id(did).as_deref() == Some(wanted));
    let type_fits = group_type.is_none_or(|wanted| type_id(did).as_deref() == Some(wanted));
    country_fits && type_fits
}

/// What choosing a whole group did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupChoice {
    /// The choice afterwards: what was chosen before, then the group's numbers that fit.
    pub selection: Vec<Did>,
    /// How many numbers were added.
    pub added: usize,
    /// How many of the group's numbers were already chosen.
    pub already_chosen: usize,
    /// How many were left out because they already belong to a calling service.
    pub in_service: usize,
    /// Numbers left out because another identity locks them: identity name and count.
    pub other_identities: Vec<(String, usize)>,
    /// The identity that locks the chosen numbers, when some are locked.
    pub locking_identity: Option<String>,
}

impl GroupChoice {
    /// What happened, in plain sentences, for `place` such as "Germany (Local)".
    pub fn sentences(&self, place: &str) -> Vec<String> {
        let mut sentences = Vec::new();
        if self.added > 0 {
            sentences.push(format!(
                "Selected {} of {place}.",
                numbers_count(self.added)
            ));
        } else if self.already_chosen > 0 {
            sentences.push(format!(
                "Every number of {place} that fits is already selected."
            ));
        } else {
            sentences.push(format!("No number of {place} can be selected."));
        }
        if let Some(identity) = &self.locking_identity {
            sentences.push(format!(
                "Some of them are locked to {identity}, so the registration will use that \
                 identity."
            ));
        }
        if self.in_service > 0 {
            let verb = if self.in_service == 1 {
                "belongs"
            } else {
                "belong"
            };
            sentences.push(format!(
                "Left out {} that already {verb} to an emergency calling service.",
                numbers_count(self.in_service)
            ));
        }
        if !self.other_identities.is_empty() {
            let count: usize = self.other_identities.iter().map(|(_, count)| count).sum();
            // A big group can be locked to dozens of identities; the biggest few say enough.
            let mut biggest = self.other_identities.clone();
            crate::domain::sorting::sort_by_key(&mut biggest, |(_, count)| {
                std::cmp::Reverse(*count)
            });
            let mut names = biggest
                .iter()
                .take(IDENTITIES_NAMED)
                .map(|(name, count)| format!("{name}: {count}"))
                .collect::<Vec<_>>()
                .join(", ");
            let unnamed = biggest.len().saturating_sub(IDENTITIES_NAMED);
            if unnamed > 0 {
                let noun = if unnamed == 1 {
                    "identity"
                } else {
                    "identities"
                };
                names.push_str(&format!(" and {} more {noun}", thousands(unnamed)));
            }
            sentences.push(format!(
                "Left out {} locked to other identities ({names}): numbers locked to \
                 different identities cannot share a registration. Register them in \
                 several batches to include them.",
                numbers_count(count)
            ));
        }
        sentences
    }
}

/// Adds every number of `group` that can join `selected` in one registration.
///
/// Free and porting numbers always fit. Of the locked numbers, only those of one identity
/// can: the one a chosen number is already locked to, or else the identity that locks the
/// most numbers of the group. A selection of another country or type is refused with the
/// same reason a single number would get.
pub fn choose_group(selected: &[Did], group: &[Did]) -> Result<GroupChoice, SelectionRefusal> {
    let candidates: Vec<&Did> = group
        .iter()
        .filter(|did| classify(did).is_selectable())
        .collect();
    // One number stands for the whole group: they all share its country and type.
    if let Some(Err(refusal)) = candidates
        .first()
        .map(|first| check_addition(selected, first))
    {
        if matches!(
            refusal,
            SelectionRefusal::OtherCountry { .. } | SelectionRefusal::OtherType { .. }
        ) {
            return Err(refusal);
        }
    }
    let identity = forced_identity(selected).or_else(|| most_locking_identity(&candidates));

    let mut choice = GroupChoice {
        selection: selected.to_vec(),
        in_service: group.len() - candidates.len(),
        ..GroupChoice::default()
    };
    let mut chosen: HashSet<String> = selected.iter().map(|did| did.id.clone()).collect();
    let mut others: Vec<(String, String, usize)> = Vec::new();
    for did in candidates {
        if chosen.contains(&did.id) {
            choice.already_chosen += 1;
            continue;
        }
        if let DidCase::Locked {
            identity_id,
            identity_name,
        } = classify(did)
        {
            if identity.as_deref() != Some(identity_id.as_str()) {
                match others.iter_mut().find(|(id, _, _)| *id == identity_id) {
                    Some((_, _, count)) => *count += 1,
                    None => {
                        others.push((identity_id.clone(), identity_name.unwrap_or(identity_id), 1))
                    }
                }
                continue;
            }
            choice.locking_identity = Some(identity_name.unwrap_or(identity_id));
        }
        chosen.insert(did.id.clone());
        choice.selection.push(did.clone());
        choice.added += 1;
    }
    choice.other_identities = others
        .into_iter()
        .map(|(_, name, count)| (name, count))
        .collect();
    Ok(choice)
}

/// Adds every number of `group` that is not in a calling service to `chosen`, whatever its
/// country, type or identity: a choice that is registered in several batches.
pub fn add_group_to_batches(chosen: &[Did], group: &[Did]) -> GroupChoice {
    let mut choice = GroupChoice {
        selection: chosen.to_vec(),
        ..GroupChoice::default()
    };
    let mut ids: HashSet<&str> = chosen.iter().map(|did| did.id.as_str()).collect();
    for did in group {
        if !classify(did).is_selectable() {
            choice.in_service += 1;
        } else if !ids.insert(did.id.as_str()) {
            choice.already_chosen += 1;
        } else {
            choice.selection.push(did.clone());
            choice.added += 1;
        }
    }
    choice
}

/// The identity that locks the most of `dids`; on a tie, the one that appears first.
fn most_locking_identity(dids: &[&Did]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for identity in dids.iter().filter_map(|did| locked_identity(did)) {
        match counts.iter_mut().find(|(id, _)| *id == identity) {
            Some((_, count)) => *count += 1,
            None => counts.push((identity, 1)),
        }
    }
    let most = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == most)
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{did, in_service, locked, porting};
    use super::*;

    fn ids(dids: &[Did]) -> Vec<&str> {
        dids.iter().map(|did| did.id.as_str()).collect()
    }

    #[test]
    fn groups_are_counted_and_sorted_by_country_then_type() {
        let dids = [
            did("a", "LT", "Mobile"),
            did("b", "DE", "Local"),
            did("c", "LT", "Local"),
            in_service("d"),
        ];
        let groups = summarize_groups(&dids);
        let described: Vec<(&str, &str, usize, usize)> = groups
            .iter()
            .map(|group| {
                (
                    group.country_name.as_str(),
                    group.type_name.as_str(),
                    group.total,
                    group.selectable,
                )
            })
            .collect();
        assert_eq!(
            described,
            vec![
                ("DE", "Local", 1, 1),
                ("LT", "Local", 2, 1),
                ("LT", "Mobile", 1, 1)
            ]
        );
    }

    #[test]
    fn a_group_filter_accepts_any_value_when_none_is_given() {
        let number = did("a", "LT", "Local");
        assert!(matches_group(&number, None, None));
        assert!(matches_group(&number, Some("LT"), Some("Local")));
        assert!(!matches_group(&number, Some("DE"), None));
        assert!(!matches_group(&number, None, Some("Mobile")));
    }

    #[test]
    fn choosing_a_group_takes_free_porting_and_the_largest_locked_identity() {
        let group = [
            did("free", "LT", "Local"),
            locked("y1", "identity-y"),
            porting("p", "identity-z"),
            locked("x1", "identity-x"),
            locked("x2", "identity-x"),
            in_service("s"),
        ];
        let choice = choose_group(&[], &group).expect("nothing chosen yet");

        assert_eq!(ids(&choice.selection), vec!["free", "p", "x1", "x2"]);
        assert_eq!(choice.added, 4);
        assert_eq!(choice.in_service, 1);
        assert_eq!(choice.other_identities, vec![("identity-y".to_owned(), 1)]);
        assert_eq!(choice.locking_identity.as_deref(), Some("identity-x"));
        let sentences = choice.sentences("Lithuania (Local)").join(" ");
        assert!(sentences.contains("Selected 4 numbers of Lithuania (Local)."));
        assert!(sentences.contains("Left out 1 number that already belongs"));
        assert!(sentences.contains("identity-y: 1"));
    }

    #[test]
    fn an_identity_already_chosen_wins_over_the_largest_one() {
        let chosen = [locked("y1", "identity-y")];
        let group = [
            locked("y1", "identity-y"),
            locked("x1", "identity-x"),
            locked("x2", "identity-x"),
            locked("y2", "identity-y"),
        ];
        let choice = choose_group(&chosen, &group).expect("same group");
        assert_eq!(ids(&choice.selection), vec!["y1", "y2"]);
        assert_eq!(choice.already_chosen, 1);
        assert_eq!(choice.added, 1);
        assert_eq!(choice.other_identities, vec![("identity-x".to_owned(), 2)]);
    }

    #[test]
    fn a_group_of_another_country_is_refused_like_a_single_number() {
        let chosen = [did("a", "DE", "Local")];
        let refusal = choose_group(&chosen, &[did("b", "LT", "Local")]).unwrap_err();
        assert!(matches!(refusal, SelectionRefusal::OtherCountry { .. }));
        let refusal = choose_group(&chosen, &[did("c", "DE", "Mobile")]).unwrap_err();
        assert!(matches!(refusal, SelectionRefusal::OtherType { .. }));
    }

    #[test]
    fn a_group_with_nothing_selectable_says_so() {
        let choice = choose_group(&[], &[in_service("s")]).expect("nothing to refuse");
        assert_eq!(choice.added, 0);
        assert_eq!(
            choice.sentences("LT (Local)")[0],
            "No number of LT (Local) can be selected."
        );
        let again = choose_group(&[did("a", "LT", "Local")], &[did("a", "LT", "Local")])
            .expect("same group");
        assert!(again.sentences("LT (Local)")[0].contains("already selected"));
    }

    #[test]
    fn only_the_identities_locking_the_most_numbers_are_named() {
        let mut group = vec![did("free", "LT", "Local")];
        for (identity, count) in [("a", 1), ("b", 4), ("c", 2), ("d", 3), ("e", 9)] {
            for index in 0..count {
                group.push(locked(&format!("{identity}{index}"), identity));
            }
        }
        let choice = choose_group(&[], &group).expect("nothing chosen yet");
        assert_eq!(choice.locking_identity.as_deref(), Some("e"));
        let left_out = choice.sentences("LT (Local)").pop().expect("a sentence");
        let named = "(b: 4, d: 3, c: 2 and 1 more identity)";
        assert!(
            left_out.starts_with(&format!(
                "Left out 10 numbers locked to other identities {named}"
            )),
            "{left_out}"
        );
    }

    #[test]
    fn batches_take_every_identity_of_the_group() {
        let chosen = [did("de", "DE", "Local")];
        let group = [
            locked("x1", "identity-x"),
            locked("y1", "identity-y"),
            in_service("s"),
        ];
        let choice = add_group_to_batches(&chosen, &group);
        assert_eq!(ids(&choice.selection), vec!["de", "x1", "y1"]);
        assert_eq!((choice.added, choice.in_service), (2, 1));
    }
}
