//! The draft as it is written to session storage: its format, its storage keys, and the
//! checks that keep a corrupt, foreign or old-format entry from being restored.
//!
//! A draft is stored as two entries under one key: the numbers (the current selection and
//! the queued batches, which can run to thousands of records) and the choices (requirement,
//! identity, address, what was typed, the step). The numbers are rewritten only when the
//! selection changes, so typing into a form rewrites only the small entry. The choices name
//! the numbers they were made for by a fingerprint; choices saved for another selection are
//! not restored, because each choice depends on the numbers before it.
//!
//! Nothing here holds the API key or anything derived from it: entries are keyed by where
//! the requests go (the API base, or the demo account) and by the app instance.

use serde::{Deserialize, Serialize};

use super::WizardStep;
use crate::config::AccountKey;
use crate::domain::form::FormValues;
use crate::model::{Address, Did, EmergencyRequirement, Identity, IdentityType};

/// The stored format; an entry of any other format is ignored.
pub const DRAFT_FORMAT: u32 = 1;

/// The prefix shared by every stored draft.
const KEY_PREFIX: &str = "didww-emergency.draft";

/// Where one app instance keeps its draft for one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftKey {
    choices: String,
    numbers: String,
}

impl DraftKey {
    /// The key for `account` in the app instance named `scope` (`app` for the page's own
    /// app; an embedding names each instance); `None` when no account is configured.
    pub fn new(scope: &str, account: &AccountKey) -> Option<Self> {
        let account = match account {
            AccountKey::Demo(demo) => format!("demo:{}", demo.as_str()),
            AccountKey::Live(base) => format!("live:{base}"),
            AccountKey::Unconfigured => return None,
        };
        let choices = format!("{KEY_PREFIX}/{}/{account}", scope.trim());
        Some(Self {
            numbers: format!("{choices}#numbers"),
            choices,
        })
    }

    /// The storage key of the choices entry.
    pub fn choices(&self) -> &str {
        &self.choices
    }

    /// The storage key of the numbers entry.
    pub fn numbers(&self) -> &str {
        &self.numbers
    }
}

/// The numbers of a draft: the current selection and the batches queued after it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftNumbers {
    /// The numbers chosen for the current registration.
    pub selected: Vec<Did>,
    /// The batches waiting for their own registration.
    pub queue: Vec<Vec<Did>>,
}

impl DraftNumbers {
    /// True when nothing is chosen or queued.
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty() && self.queue.is_empty()
    }

    /// A short text that changes whenever the chosen numbers change (FNV-1a over the ids),
    /// so the choices can say which numbers they were made for.
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut add = |bytes: &[u8]| {
            for byte in bytes {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for did in &self.selected {
            add(did.id.as_bytes());
            add(b",");
        }
        for batch in &self.queue {
            add(b"|");
            for did in batch {
                add(did.id.as_bytes());
                add(b",");
            }
        }
        format!("{}-{hash:016x}", self.selected.len())
    }
}

/// Everything chosen and typed after the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftChoices {
    /// The step the user was on, by its path (`identity`, `address`…).
    pub step: Option<String>,
    /// The requirement in force.
    pub requirement: Option<EmergencyRequirement>,
    /// The identity chosen.
    pub identity: Option<Identity>,
    /// The address chosen.
    pub address: Option<Address>,
    /// The kind of identity being created.
    pub identity_type: Option<IdentityType>,
    /// What was typed into the identity form.
    pub identity_values: FormValues,
    /// What was typed into the address form.
    pub address_values: FormValues,
    /// Whether the identity form was open.
    pub identity_form_open: bool,
    /// Whether the address form was open.
    pub address_form_open: bool,
    /// Whether DIDWW accepted identity and address for the requirement.
    pub is_validated: bool,
    /// The callback URL typed.
    pub callback_url: String,
    /// The callback method chosen.
    pub callback_method: String,
    /// The reference of the submission attempt, so a submission whose answer was lost in a
    /// reload is found again instead of being sent twice.
    pub attempt_reference: Option<String>,
    /// The calling service a corrected submission goes to.
    pub resubmitted_service: Option<String>,
}

impl DraftChoices {
    /// The step the user was on, when it names one.
    pub fn wizard_step(&self) -> Option<WizardStep> {
        self.step.as_deref().and_then(WizardStep::from_path)
    }

    /// True when nothing was chosen or typed.
    pub fn is_empty(&self) -> bool {
        let typed = |values: &FormValues| values.values().any(|value| !value.trim().is_empty());
        self.requirement.is_none()
            && self.identity.is_none()
            && self.address.is_none()
            && !typed(&self.identity_values)
            && !typed(&self.address_values)
            && self.callback_url.trim().is_empty()
            && self.attempt_reference.is_none()
    }
}

/// A whole draft, as restored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredDraft {
    /// The numbers.
    pub numbers: DraftNumbers,
    /// The choices after them.
    pub choices: DraftChoices,
}

/// The member of the numbers entry that holds their fingerprint.
const FINGERPRINT_MEMBER: &str = "fingerprint";

/// The member of the choices entry that names the numbers they were made for.
const NUMBERS_MEMBER: &str = "numbers";

/// An entry's text: `body`'s members next to `format` and `key_member`.
///
/// The envelope members are added to the body's object rather than declared with
/// `#[serde(flatten)]`, which would buffer every nested record through serde's generic
/// content type and more than double the decoding code in the WebAssembly module.
fn entry_value(body: &impl Serialize, key_member: &str, key: String) -> serde_json::Value {
    let mut value = serde_json::to_value(body).unwrap_or_default();
    if let Some(members) = value.as_object_mut() {
        members.insert("format".to_owned(), DRAFT_FORMAT.into());
        members.insert(key_member.to_owned(), key.into());
    }
    value
}

/// The text of the numbers entry.
///
/// Members that hold nothing (null, false, empty lists) are left out: every model reads
/// them back as its defaults, so nothing is lost, and a choice of thousands of numbers takes
/// far less of the tab's few megabytes of storage.
pub fn encode_numbers(numbers: &DraftNumbers) -> String {
    let mut value = entry_value(numbers, FINGERPRINT_MEMBER, numbers.fingerprint());
    drop_empty_members(&mut value);
    value.to_string()
}

/// Removes the members of every object in `value` that hold nothing.
fn drop_empty_members(value: &mut serde_json::Value) {
    use serde_json::Value;

    match value {
        Value::Object(members) => {
            members.retain(|_, member| {
                drop_empty_members(member);
                // Empty text and objects stay: `Some("")` must not come back as `None`.
                !matches!(member, Value::Null | Value::Bool(false))
                    && member.as_array().is_none_or(|list| !list.is_empty())
            });
        }
        Value::Array(items) => items.iter_mut().for_each(drop_empty_members),
        _ => {}
    }
}

/// The text of the choices entry, for the numbers of fingerprint `numbers_fingerprint`.
pub fn encode_choices(choices: &DraftChoices, numbers_fingerprint: &str) -> String {
    entry_value(choices, NUMBERS_MEMBER, numbers_fingerprint.to_owned()).to_string()
}

/// Why a stored draft was not restored, for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftProblem {
    /// The entry is not JSON or not a draft of this product.
    #[error("the stored draft is unreadable: {0}")]
    Unreadable(String),
    /// The entry was written in another format.
    #[error("the stored draft has format {0}, not {DRAFT_FORMAT}")]
    OtherFormat(u64),
    /// The choices were saved for other numbers than those stored.
    #[error("the stored choices belong to other numbers")]
    OtherNumbers,
}

/// Reads a stored draft from its two entries (either may be missing).
///
/// Bad numbers drop the whole draft, since every choice depends on them; bad choices, or
/// choices made for other numbers, keep the numbers and drop the choices. Each problem is
/// returned for the log.
pub fn decode_draft(
    numbers_text: Option<&str>,
    choices_text: Option<&str>,
) -> (StoredDraft, Vec<DraftProblem>) {
    let mut problems = Vec::new();
    let numbers = match numbers_text
        .map(|text| read_entry::<DraftNumbers>(text, FINGERPRINT_MEMBER))
    {
        None => None,
        Some(Ok((fingerprint, numbers))) if fingerprint == numbers.fingerprint() => Some(numbers),
        Some(Ok(_)) => {
            problems.push(DraftProblem::Unreadable(
                "the numbers do not match their fingerprint".to_owned(),
            ));
            return (StoredDraft::default(), problems);
        }
        Some(Err(problem)) => {
            problems.push(problem);
            return (StoredDraft::default(), problems);
        }
    };
    let numbers = numbers.unwrap_or_default();

    let choices = match choices_text.map(|text| read_entry::<DraftChoices>(text, NUMBERS_MEMBER)) {
        None => DraftChoices::default(),
        Some(Ok((made_for, choices))) if made_for == numbers.fingerprint() => choices,
        Some(Ok((_, choices))) => {
            problems.push(DraftProblem::OtherNumbers);
            // The step and the typing do not depend on the numbers, so they are kept.
            DraftChoices {
                step: choices.step,
                identity_type: choices.identity_type,
                identity_values: choices.identity_values,
                address_values: choices.address_values,
                callback_url: choices.callback_url,
                callback_method: choices.callback_method,
                ..DraftChoices::default()
            }
        }
        Some(Err(problem)) => {
            problems.push(problem);
            DraftChoices::default()
        }
    };
    (StoredDraft { numbers, choices }, problems)
}

/// Reads one entry, checking its format before its shape: the text of its `key_member` and
/// its body (whose model ignores the envelope's members).
fn read_entry<Body: serde::de::DeserializeOwned>(
    text: &str,
    key_member: &str,
) -> Result<(String, Body), DraftProblem> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| DraftProblem::Unreadable(error.to_string()))?;
    match value.get("format").and_then(serde_json::Value::as_u64) {
        Some(format) if format == u64::from(DRAFT_FORMAT) => {}
        Some(format) => return Err(DraftProblem::OtherFormat(format)),
        None => return Err(DraftProblem::Unreadable("no format".to_owned())),
    }
    let key = match value.get(key_member).and_then(serde_json::Value::as_str) {
        Some(key) => key.to_owned(),
        None => return Err(DraftProblem::Unreadable(format!("no {key_member}"))),
    };
    let body = serde_json::from_value(value)
        .map_err(|error| DraftProblem::Unreadable(error.to_string()))?;
    Ok((key, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DemoAccount;
    use crate::model::{Country, Price};

    fn did(id: &str) -> Did {
        Did {
            id: id.to_owned(),
            number: "37052032401".to_owned(),
            country: Some(Country {
                id: "lt".to_owned(),
                name: "Lithuania".to_owned(),
                iso: "LT".to_owned(),
                prefix: Some("370".to_owned()),
            }),
            ..Did::default()
        }
    }

    fn numbers() -> DraftNumbers {
        DraftNumbers {
            selected: vec![did("d1"), did("d2")],
            queue: vec![vec![did("d3")]],
        }
    }

    fn choices() -> DraftChoices {
        let mut identity_values = FormValues::new();
        identity_values.insert("first_name".to_owned(), "Ada".to_owned());
        identity_values.insert("last_name".to_owned(), "<b>Love</b>".to_owned());
        DraftChoices {
            step: Some("identity".to_owned()),
            requirement: Some(EmergencyRequirement {
                id: "r1".to_owned(),
                setup_price: Price::from_text("1.50"),
                monthly_price: Price::default(),
                personal_mandatory_fields: vec!["Birth Date".to_owned()],
                ..EmergencyRequirement::default()
            }),
            identity: None,
            identity_type: Some(IdentityType::Personal),
            identity_values,
            identity_form_open: true,
            attempt_reference: Some("dwe-1".to_owned()),
            ..DraftChoices::default()
        }
    }

    #[test]
    fn a_draft_comes_back_exactly_as_it_was_stored() {
        let numbers = numbers();
        let choices = choices();
        let numbers_text = encode_numbers(&numbers);
        let choices_text = encode_choices(&choices, &numbers.fingerprint());

        let (draft, problems) = decode_draft(Some(&numbers_text), Some(&choices_text));

        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(draft.numbers, numbers);
        assert_eq!(draft.choices, choices);
        assert_eq!(draft.choices.wizard_step(), Some(WizardStep::Identity));
    }

    #[test]
    fn numbers_are_stored_without_empty_members_and_read_back_whole() {
        let mut full = did("d1");
        full.emergency_enabled = false;
        full.supports_emergency = true;
        full.identity = Some(Identity {
            id: "i1".to_owned(),
            identity_type: Some(IdentityType::Business),
            company_name: Some(String::new()),
            ..Identity::default()
        });
        let numbers = DraftNumbers {
            selected: vec![full, Did::default()],
            queue: vec![Vec::new()],
        };

        let text = encode_numbers(&numbers);
        for absent in [
            "null",
            "false",
            "emergency_enabled",
            "description",
            "personal_tax_id",
        ] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert!(text.contains(r#""company_name":"""#), "{text}");
        let (draft, problems) = decode_draft(Some(&text), None);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(draft.numbers, numbers);
    }

    #[test]
    fn nothing_stored_is_an_empty_draft_without_problems() {
        let (draft, problems) = decode_draft(None, None);
        assert_eq!(draft, StoredDraft::default());
        assert!(problems.is_empty());
        assert!(draft.numbers.is_empty() && draft.choices.is_empty());
    }

    #[test]
    fn corrupt_entries_are_ignored_without_a_panic() {
        let good_numbers = encode_numbers(&numbers());
        let fingerprint = numbers().fingerprint();
        let good_choices = encode_choices(&choices(), &fingerprint);
        let cut_short = &good_choices[..good_choices.len() / 2];
        let wrong_shape = r#"{"format": 1, "numbers": "x", "identity_values": [1, 2]}"#;
        let broken_numbers = r#"{"format": 1, "fingerprint": "0-0", "selected": "lots"}"#;

        for bad in [
            "",
            "null",
            "[]",
            "{",
            "not json",
            "\u{0}",
            cut_short,
            wrong_shape,
        ] {
            let (draft, problems) = decode_draft(Some(&good_numbers), Some(bad));
            assert_eq!(draft.numbers, numbers(), "{bad:?}");
            assert_eq!(draft.choices, DraftChoices::default(), "{bad:?}");
            assert_eq!(problems.len(), 1, "{bad:?}");
        }
        for bad in ["", "{\"format\":1}", broken_numbers, "42"] {
            let (draft, problems) = decode_draft(Some(bad), Some(&good_choices));
            assert_eq!(draft, StoredDraft::default(), "{bad:?}");
            assert_eq!(problems.len(), 1, "{bad:?}");
        }
    }

    #[test]
    fn an_old_or_future_format_is_ignored() {
        let text = encode_numbers(&numbers()).replacen("\"format\":1", "\"format\":0", 1);
        let (draft, problems) = decode_draft(Some(&text), None);
        assert_eq!(draft, StoredDraft::default());
        assert_eq!(problems, [DraftProblem::OtherFormat(0)]);

        let choices_text = encode_choices(&choices(), &numbers().fingerprint()).replacen(
            "\"format\":1",
            "\"format\":2",
            1,
        );
        let (draft, problems) = decode_draft(None, Some(&choices_text));
        assert_eq!(draft.choices, DraftChoices::default());
        assert_eq!(problems, [DraftProblem::OtherFormat(2)]);
    }

    #[test]
    fn edited_numbers_are_refused_by_their_fingerprint() {
        let text = encode_numbers(&numbers()).replacen("\"d2\"", "\"d9\"", 1);
        let (draft, problems) = decode_draft(Some(&text), None);
        assert_eq!(draft, StoredDraft::default());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn choices_made_for_other_numbers_keep_only_the_typing() {
        let other = DraftNumbers {
            selected: vec![did("d1")],
            queue: Vec::new(),
        };
        let choices_text = encode_choices(&choices(), &numbers().fingerprint());
        let (draft, problems) = decode_draft(Some(&encode_numbers(&other)), Some(&choices_text));

        assert_eq!(problems, [DraftProblem::OtherNumbers]);
        assert_eq!(draft.numbers, other);
        assert_eq!(draft.choices.requirement, None);
        assert_eq!(draft.choices.attempt_reference, None);
        assert_eq!(
            draft
                .choices
                .identity_values
                .get("first_name")
                .map(String::as_str),
            Some("Ada")
        );
    }

    #[test]
    fn a_stored_price_is_checked_again_when_read() {
        let tampered = encode_choices(&choices(), &numbers().fingerprint())
            .replacen("\"1.50\"", "\"free\"", 1);
        let (draft, problems) = decode_draft(Some(&encode_numbers(&numbers())), Some(&tampered));

        assert!(problems.is_empty(), "{problems:?}");
        let requirement = draft.choices.requirement.expect("requirement kept");
        assert_eq!(requirement.setup_price.display(), "Not available");
    }

    #[test]
    fn the_fingerprint_follows_the_ids_and_their_batches() {
        let one = numbers().fingerprint();
        let mut reordered = numbers();
        reordered.selected.reverse();
        let mut moved = numbers();
        moved.selected.push(moved.queue.remove(0).remove(0));
        assert_ne!(one, reordered.fingerprint());
        assert_ne!(one, moved.fingerprint());
        assert_eq!(one, numbers().fingerprint());
    }

    #[test]
    fn keys_separate_accounts_and_instances_and_never_hold_the_key() {
        let live = AccountKey::Live("https://proxy.example/v3".to_owned());
        let demo = AccountKey::Demo(DemoAccount::Guide);
        let large = AccountKey::Demo(DemoAccount::Large);
        let keys = [
            DraftKey::new("app", &live).expect("live has a key"),
            DraftKey::new("app", &demo).expect("demo has a key"),
            DraftKey::new("app", &large).expect("demo has a key"),
            DraftKey::new("widget-2", &live).expect("live has a key"),
        ];
        for (index, key) in keys.iter().enumerate() {
            assert_ne!(key.choices(), key.numbers());
            for other in &keys[index + 1..] {
                assert_ne!(key.choices(), other.choices());
            }
        }
        assert_eq!(
            keys[0].choices(),
            "didww-emergency.draft/app/live:https://proxy.example/v3"
        );
        assert_eq!(DraftKey::new("app", &AccountKey::Unconfigured), None);
    }

    #[test]
    fn a_draft_never_carries_the_api_key() {
        let config = crate::config::AppConfig {
            api_base_url: "https://proxy.example/v3".to_owned(),
            api_key: Some("secret-key-123".to_owned()),
            ..crate::config::AppConfig::default()
        };
        let key = DraftKey::new("app", &config.account()).expect("live has a key");
        let texts = [
            key.choices().to_owned(),
            key.numbers().to_owned(),
            encode_numbers(&numbers()),
            encode_choices(&choices(), &numbers().fingerprint()),
        ];
        for text in texts {
            assert!(!text.contains("secret"), "{text}");
        }
    }
}
