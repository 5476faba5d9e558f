//! Which DIDs can go into one emergency verification, and what they impose on the flow.
//!
//! DIDWW's guide distinguishes four cases per DID from its relationships: already in an
//! emergency calling service (not selectable), end-user registration (identity plus address
//! verification: the identity is locked), porting (identity only: preselected but
//! replaceable), and free. One verification holds DIDs of one country and one DID group type.
//! Choices that break those rules are split into batches ([`split_into_batches`]).

mod batches;
mod groups;

pub use batches::{batch_place, describe_batch, split_into_batches};
pub use groups::{
    add_group_to_batches, choose_group, matches_group, summarize_groups, GroupChoice, GroupSummary,
};

use crate::model::Did;

/// The registration case of one DID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DidCase {
    /// Already assigned to an emergency calling service; cannot be selected.
    InService {
        /// The service's name, when included.
        service_name: Option<String>,
    },
    /// End-user registration ties the DID to this identity; only it may be used.
    Locked {
        /// The identity's id.
        identity_id: String,
        /// The identity's name, when included.
        identity_name: Option<String>,
    },
    /// The DID came with a porting identity; it is suggested but can be replaced.
    Porting {
        /// The identity's id.
        identity_id: String,
        /// The identity's name, when included.
        identity_name: Option<String>,
    },
    /// No prior registration: any fitting identity can be used.
    Free,
}

impl DidCase {
    /// The case in a few words for the DID list.
    pub fn label(&self) -> String {
        match self {
            Self::InService {
                service_name: Some(name),
            } => format!("In calling service {name}"),
            Self::InService { service_name: None } => "In a calling service".to_owned(),
            Self::Locked {
                identity_id,
                identity_name,
            } => {
                format!(
                    "Locked to identity {}",
                    identity_name.as_ref().unwrap_or(identity_id)
                )
            }
            Self::Porting {
                identity_id,
                identity_name,
            } => format!(
                "Porting identity {} (replaceable)",
                identity_name.as_ref().unwrap_or(identity_id)
            ),
            Self::Free => "Free".to_owned(),
        }
    }

    /// True when the DID may be put into a new verification.
    pub fn is_selectable(&self) -> bool {
        !matches!(self, Self::InService { .. })
    }

    /// A stable name for styling and tests.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::InService { .. } => "in-service",
            Self::Locked { .. } => "locked",
            Self::Porting { .. } => "porting",
            Self::Free => "free",
        }
    }
}

/// Reads the case of `did` from its relationships.
///
/// The calling-service relationship is trusted over `emergency_enabled`: a DID can be
/// assigned to a service that is not active yet.
pub fn classify(did: &Did) -> DidCase {
    if did.calling_service_id.is_some() {
        return DidCase::InService {
            service_name: did.calling_service_name.clone(),
        };
    }
    let Some(identity_id) = did.identity_id.clone() else {
        return DidCase::Free;
    };
    let identity_name = did
        .identity
        .as_ref()
        .map(|identity| identity.display_name());
    if did.address_verification_id.is_some() {
        DidCase::Locked {
            identity_id,
            identity_name,
        }
    } else {
        DidCase::Porting {
            identity_id,
            identity_name,
        }
    }
}

/// Why a DID cannot join the current selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectionRefusal {
    /// It is already in a calling service.
    InService {
        /// The DID's number.
        number: String,
    },
    /// It is in another country than the DIDs already chosen.
    OtherCountry {
        /// The DID's number.
        number: String,
        /// Country of the selection.
        selected: String,
        /// Country of the DID.
        candidate: String,
    },
    /// It has another DID group type than the DIDs already chosen.
    OtherType {
        /// The DID's number.
        number: String,
        /// Type of the selection.
        selected: String,
        /// Type of the DID.
        candidate: String,
    },
    /// It is locked to another identity than a DID already chosen.
    OtherLockedIdentity {
        /// The DID's number.
        number: String,
    },
}

impl SelectionRefusal {
    /// The refusal in plain words.
    pub fn message(&self) -> String {
        match self {
            Self::InService { number } => format!(
                "{number} already belongs to an emergency calling service, so it cannot be \
                 registered again."
            ),
            Self::OtherCountry {
                number,
                selected,
                candidate,
            } => format!(
                "{number} is in {candidate}, but the numbers chosen are in {selected}. One \
                 registration holds numbers of one country; register it separately."
            ),
            Self::OtherType {
                number,
                selected,
                candidate,
            } => format!(
                "{number} is a {candidate} number, but the numbers chosen are {selected}. One \
                 registration holds numbers of one type; register it separately."
            ),
            Self::OtherLockedIdentity { number } => format!(
                "{number} is registered to a different identity than a number already chosen. \
                 Numbers locked to different identities cannot be registered together."
            ),
        }
    }
}

/// Checks whether `candidate` may be added to `selected`.
pub fn check_addition(selected: &[Did], candidate: &Did) -> Result<(), SelectionRefusal> {
    let number = candidate.number.clone();
    if !classify(candidate).is_selectable() {
        return Err(SelectionRefusal::InService { number });
    }
    let Some(first) = selected.iter().find(|did| did.id != candidate.id) else {
        return Ok(());
    };

    if country_id(first) != country_id(candidate) {
        return Err(SelectionRefusal::OtherCountry {
            number,
            selected: country_name(first),
            candidate: country_name(candidate),
        });
    }
    if type_id(first) != type_id(candidate) {
        return Err(SelectionRefusal::OtherType {
            number,
            selected: type_name(first),
            candidate: type_name(candidate),
        });
    }
    let candidate_lock = locked_identity(candidate);
    let conflict = selected.iter().filter_map(locked_identity).any(|locked| {
        candidate_lock
            .as_ref()
            .is_some_and(|candidate_lock| *candidate_lock != locked)
    });
    if conflict {
        return Err(SelectionRefusal::OtherLockedIdentity { number });
    }
    Ok(())
}

/// The identity a locked DID in the selection forces on the rest of the flow.
pub fn forced_identity(selected: &[Did]) -> Option<String> {
    selected.iter().find_map(locked_identity)
}

/// The porting identity to preselect when nothing forces one.
pub fn suggested_identity(selected: &[Did]) -> Option<String> {
    if forced_identity(selected).is_some() {
        return None;
    }
    selected.iter().find_map(|did| match classify(did) {
        DidCase::Porting { identity_id, .. } => Some(identity_id),
        _ => None,
    })
}

/// The country id and DID group type id shared by the selection.
pub fn country_and_type(selected: &[Did]) -> Option<(String, String)> {
    let first = selected.first()?;
    Some((country_id(first)?, type_id(first)?))
}

/// A count of numbers in words, with thousands separated: "1 number", "10,000 numbers".
pub fn numbers_count(count: usize) -> String {
    let noun = if count == 1 { "number" } else { "numbers" };
    format!("{} {noun}", thousands(count))
}

/// A count with thousands separated by commas, such as "10,000".
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The country and type names of `did`, with a plain stand-in for what was not included.
fn group_place(did: &Did) -> (String, String) {
    let country = did
        .country
        .as_ref()
        .map_or_else(|| "an unknown country".to_owned(), |c| c.name.clone());
    let kind = did
        .group_type
        .as_ref()
        .map_or_else(|| "unknown type".to_owned(), |kind| kind.name.clone());
    (country, kind)
}

fn locked_identity(did: &Did) -> Option<String> {
    match classify(did) {
        DidCase::Locked { identity_id, .. } => Some(identity_id),
        _ => None,
    }
}

fn country_id(did: &Did) -> Option<String> {
    did.country.as_ref().map(|country| country.id.clone())
}

fn type_id(did: &Did) -> Option<String> {
    did.group_type
        .as_ref()
        .map(|group_type| group_type.id.clone())
}

fn country_name(did: &Did) -> String {
    did.country
        .as_ref()
        .map(|country| country.name.clone())
        .unwrap_or_else(|| "?".to_owned())
}

fn type_name(did: &Did) -> String {
    did.group_type
        .as_ref()
        .map(|kind| kind.name.clone())
        .unwrap_or_else(|| "?".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, DidGroupType};

    pub(super) fn did(id: &str, country: &str, kind: &str) -> Did {
        Did {
            id: id.to_owned(),
            number: format!("number-{id}"),
            country: Some(Country {
                id: country.to_owned(),
                name: country.to_owned(),
                ..Default::default()
            }),
            group_type: Some(DidGroupType {
                id: kind.to_owned(),
                name: kind.to_owned(),
            }),
            ..Did::default()
        }
    }

    pub(super) fn locked(id: &str, identity: &str) -> Did {
        Did {
            identity_id: Some(identity.to_owned()),
            address_verification_id: Some(format!("av-{identity}")),
            ..did(id, "LT", "Local")
        }
    }

    pub(super) fn porting(id: &str, identity: &str) -> Did {
        Did {
            identity_id: Some(identity.to_owned()),
            ..did(id, "LT", "Local")
        }
    }

    pub(super) fn in_service(id: &str) -> Did {
        Did {
            calling_service_id: Some("ecs-1".to_owned()),
            ..did(id, "LT", "Local")
        }
    }

    #[test]
    fn the_four_cases_are_read_from_relationships() {
        let cases = [
            (in_service("a"), "in-service", false),
            (locked("b", "identity-1"), "locked", true),
            (porting("c", "identity-2"), "porting", true),
            (did("d", "LT", "Local"), "free", true),
        ];
        for (candidate, expected, selectable) in cases {
            let case = classify(&candidate);
            assert_eq!(case.as_str(), expected, "{}", candidate.id);
            assert_eq!(case.is_selectable(), selectable, "{}", candidate.id);
        }
    }

    #[test]
    fn a_service_relationship_wins_over_emergency_enabled_false() {
        let candidate = Did {
            emergency_enabled: false,
            ..in_service("a")
        };
        assert!(matches!(
            check_addition(&[], &candidate),
            Err(SelectionRefusal::InService { .. })
        ));
    }

    #[test]
    fn mixed_selections_are_refused_with_the_reason() {
        let base = [did("a", "LT", "Local")];
        let cases: [(Did, &str); 4] = [
            (did("b", "US", "Local"), "country"),
            (did("c", "LT", "Mobile"), "type"),
            (did("d", "LT", "Local"), "ok"),
            (locked("e", "identity-1"), "ok"),
        ];
        for (candidate, expected) in cases {
            let outcome = match check_addition(&base, &candidate) {
                Ok(()) => "ok",
                Err(SelectionRefusal::OtherCountry { .. }) => "country",
                Err(SelectionRefusal::OtherType { .. }) => "type",
                Err(other) => panic!("unexpected refusal {other:?}"),
            };
            assert_eq!(outcome, expected, "{}", candidate.id);
        }
    }

    #[test]
    fn dids_locked_to_different_identities_cannot_go_together() {
        let selected = [locked("a", "identity-1")];

        let refusal = check_addition(&selected, &locked("b", "identity-2")).unwrap_err();

        assert!(refusal.message().contains("different identity"));
        assert_eq!(
            check_addition(&selected, &locked("c", "identity-1")),
            Ok(())
        );
        assert_eq!(
            check_addition(&selected, &porting("d", "identity-3")),
            Ok(())
        );
    }

    #[test]
    fn a_locked_did_forces_its_identity_and_hides_the_porting_suggestion() {
        let porting_only = [did("a", "LT", "Local"), porting("b", "identity-2")];
        assert_eq!(forced_identity(&porting_only), None);
        assert_eq!(
            suggested_identity(&porting_only).as_deref(),
            Some("identity-2")
        );

        let with_lock = [porting("b", "identity-2"), locked("c", "identity-1")];
        assert_eq!(forced_identity(&with_lock).as_deref(), Some("identity-1"));
        assert_eq!(suggested_identity(&with_lock), None);
    }

    #[test]
    fn counts_are_written_with_thousands_separated() {
        let cases = [
            (0, "0 numbers"),
            (1, "1 number"),
            (999, "999 numbers"),
            (1_000, "1,000 numbers"),
            (10_000, "10,000 numbers"),
            (1_234_567, "1,234,567 numbers"),
        ];
        for (count, words) in cases {
            assert_eq!(numbers_count(count), words);
        }
    }

    #[test]
    fn the_selection_names_its_country_and_type() {
        assert_eq!(country_and_type(&[]), None);
        assert_eq!(
            country_and_type(&[did("a", "LT", "Local")]),
            Some(("LT".to_owned(), "Local".to_owned()))
        );
    }
}
