//! The wizard's draft: every choice made so far, provided once as context.
//!
//! Each choice depends on the ones before it (numbers → requirement → identity → address →
//! validation → submission), so changing one clears those after it. What the user typed
//! into forms is kept, because retyping is the most annoying loss of all. The API key is
//! never stored here.

mod batches;
pub mod draft_store;
mod listing;
mod persistence;

pub use listing::{DidListing, LoadProgress};
pub use persistence::{DraftSession, DEFAULT_DRAFT_SCOPE};

use leptos::prelude::*;

use crate::domain::form::FormValues;
use crate::model::{Address, Did, EmergencyRequirement, Identity, IdentityType};

/// One step of DIDWW's registration guide, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WizardStep {
    /// Choose the numbers.
    Dids,
    /// See what the country and number type require.
    Requirement,
    /// Choose or create the identity.
    Identity,
    /// Choose or create the address.
    Address,
    /// Let DIDWW check identity and address against the requirement.
    Validate,
    /// Submit the verification.
    Submit,
    /// Follow the review.
    Status,
}

impl WizardStep {
    /// Every step, in order.
    pub const ALL: [Self; 7] = [
        Self::Dids,
        Self::Requirement,
        Self::Identity,
        Self::Address,
        Self::Validate,
        Self::Submit,
        Self::Status,
    ];

    /// The route of the step (the status route also needs a verification id).
    pub fn path(&self) -> &'static str {
        match self {
            Self::Dids => "/dids",
            Self::Requirement => "/requirement",
            Self::Identity => "/identity",
            Self::Address => "/address",
            Self::Validate => "/validate",
            Self::Submit => "/submit",
            Self::Status => "/status",
        }
    }

    /// The step's short name in the stepper.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Dids => "Numbers",
            Self::Requirement => "Requirement",
            Self::Identity => "Identity",
            Self::Address => "Address",
            Self::Validate => "Validate",
            Self::Submit => "Submit",
            Self::Status => "Status",
        }
    }

    /// The step's position, counted from 1.
    pub fn number(&self) -> usize {
        Self::ALL
            .iter()
            .position(|step| step == self)
            .map_or(0, |index| index + 1)
    }

    /// The step a URL path shows, if any.
    pub fn from_path(path: &str) -> Option<Self> {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        Self::ALL
            .into_iter()
            .find(|step| step.path().trim_start_matches('/') == first)
    }
}

/// Why a step cannot be shown yet, and where to go instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocker {
    /// What to do first, in plain words.
    pub message: &'static str,
    /// The step that does it.
    pub back_to: WizardStep,
}

/// The numbers and requirement of the last submission, so a rejected one can be redone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastSubmission {
    /// The verification created.
    pub verification_id: String,
    /// Its numbers.
    pub dids: Vec<Did>,
    /// Its requirement.
    pub requirement: Option<EmergencyRequirement>,
    /// Its identity, offered again when it must be corrected.
    pub identity: Option<Identity>,
    /// Its address, offered again when it must be corrected.
    pub address: Option<Address>,
}

/// Everything chosen up to the address: what the validate and submit steps work on.
#[derive(Debug, Clone, PartialEq)]
pub struct CompleteChoices {
    /// The numbers to register.
    pub dids: Vec<Did>,
    /// Their requirement.
    pub requirement: EmergencyRequirement,
    /// The identity chosen.
    pub identity: Identity,
    /// The address chosen.
    pub address: Address,
}

/// The wizard's draft as reactive fields. Read through the accessors; change it only
/// through the methods, which keep later choices consistent with earlier ones.
#[derive(Debug, Clone, Copy)]
pub struct WizardContext {
    selected_dids: RwSignal<Vec<Did>>,
    requirement: RwSignal<Option<EmergencyRequirement>>,
    identity: RwSignal<Option<Identity>>,
    address: RwSignal<Option<Address>>,
    identity_type: RwSignal<Option<IdentityType>>,
    identity_values: RwSignal<FormValues>,
    address_values: RwSignal<FormValues>,
    identity_form_open: RwSignal<bool>,
    address_form_open: RwSignal<bool>,
    is_validated: RwSignal<bool>,
    callback_url: RwSignal<String>,
    callback_method: RwSignal<String>,
    attempt_reference: RwSignal<Option<String>>,
    verification_id: RwSignal<Option<String>>,
    past_submission: RwSignal<Option<PastSubmission>>,
    resubmitted_service: RwSignal<Option<String>>,
    batch_queue: RwSignal<Vec<Vec<Did>>>,
    listing: DidListing,
}

impl Default for WizardContext {
    fn default() -> Self {
        Self::new()
    }
}

impl WizardContext {
    /// An empty draft (not provided; see [`WizardContext::provide`]).
    pub fn new() -> Self {
        Self {
            selected_dids: RwSignal::new(Vec::new()),
            requirement: RwSignal::new(None),
            identity: RwSignal::new(None),
            address: RwSignal::new(None),
            identity_type: RwSignal::new(None),
            identity_values: RwSignal::new(FormValues::new()),
            address_values: RwSignal::new(FormValues::new()),
            identity_form_open: RwSignal::new(false),
            address_form_open: RwSignal::new(false),
            is_validated: RwSignal::new(false),
            callback_url: RwSignal::new(String::new()),
            callback_method: RwSignal::new(String::new()),
            attempt_reference: RwSignal::new(None),
            verification_id: RwSignal::new(None),
            past_submission: RwSignal::new(None),
            resubmitted_service: RwSignal::new(None),
            batch_queue: RwSignal::new(Vec::new()),
            listing: DidListing::new(),
        }
    }

    /// Creates an empty draft, provides it to the tree below, and keeps it in this tab's
    /// session storage as the page's own app (see [`WizardContext::provide_in`]).
    pub fn provide() -> Self {
        Self::provide_in(Some(DEFAULT_DRAFT_SCOPE.to_owned()))
    }

    /// Creates an empty draft and provides it, with its [`DraftSession`]: the draft stored
    /// for the app instance `scope` and the account in force is restored, and every change
    /// is saved (`None`: the draft lives in memory only).
    ///
    /// When the user switches to another account (another API base or demo account), this
    /// draft is put away and that account's draft comes back: numbers of one account cannot
    /// be registered through another.
    pub fn provide_in(scope: Option<String>) -> Self {
        let context = Self::new();
        provide_context(context);
        DraftSession::start(context, scope);
        context
    }

    /// The draft provided by `App`.
    pub fn expect() -> Self {
        use_context::<Self>().expect("WizardContext is provided by App")
    }

    /// The numbers chosen.
    pub fn selected_dids(&self) -> ReadSignal<Vec<Did>> {
        self.selected_dids.read_only()
    }

    /// The requirement in force.
    pub fn requirement(&self) -> ReadSignal<Option<EmergencyRequirement>> {
        self.requirement.read_only()
    }

    /// The identity chosen.
    pub fn identity(&self) -> ReadSignal<Option<Identity>> {
        self.identity.read_only()
    }

    /// The address chosen.
    pub fn address(&self) -> ReadSignal<Option<Address>> {
        self.address.read_only()
    }

    /// The kind of identity being created.
    pub fn identity_type(&self) -> ReadSignal<Option<IdentityType>> {
        self.identity_type.read_only()
    }

    /// What was typed into the identity form.
    pub fn identity_values(&self) -> ReadSignal<FormValues> {
        self.identity_values.read_only()
    }

    /// What was typed into the address form.
    pub fn address_values(&self) -> ReadSignal<FormValues> {
        self.address_values.read_only()
    }

    /// True once DIDWW accepted identity and address for the requirement.
    pub fn is_validated(&self) -> ReadSignal<bool> {
        self.is_validated.read_only()
    }

    /// The callback URL typed.
    pub fn callback_url(&self) -> ReadSignal<String> {
        self.callback_url.read_only()
    }

    /// The callback method chosen (`get`, `post` or empty).
    pub fn callback_method(&self) -> ReadSignal<String> {
        self.callback_method.read_only()
    }

    /// The verification created by the last submission.
    pub fn verification_id(&self) -> ReadSignal<Option<String>> {
        self.verification_id.read_only()
    }

    /// Whether the identity form is open.
    pub fn identity_form_open(&self) -> ReadSignal<bool> {
        self.identity_form_open.read_only()
    }

    /// Whether the address form is open.
    pub fn address_form_open(&self) -> ReadSignal<bool> {
        self.address_form_open.read_only()
    }

    /// Opens or closes the identity form; what was typed stays either way.
    pub fn set_identity_form_open(&self, is_open: bool) {
        self.identity_form_open.set(is_open);
    }

    /// Opens or closes the address form; what was typed stays either way.
    pub fn set_address_form_open(&self, is_open: bool) {
        self.address_form_open.set(is_open);
    }

    /// The last submission, while this page stays open.
    pub fn past_submission(&self) -> ReadSignal<Option<PastSubmission>> {
        self.past_submission.read_only()
    }

    /// The account's numbers as loaded so far, shared by every visit to the first step.
    pub fn listing(&self) -> DidListing {
        self.listing
    }

    /// Forgets every choice and the loaded numbers, for another account.
    pub fn start_over(&self) {
        self.listing.reset();
        self.batch_queue.set(Vec::new());
        self.past_submission.set(None);
        self.verification_id.set(None);
        self.select_dids(Vec::new());
    }

    /// Replaces the chosen numbers; a different set clears every later choice.
    pub fn select_dids(&self, dids: Vec<Did>) {
        let unchanged = self
            .selected_dids
            .with_untracked(|current| same_ids(current, &dids));
        if unchanged {
            return;
        }
        self.selected_dids.set(dids);
        self.resubmitted_service.set(None);
        self.requirement.set(None);
        self.clear_from_identity();
    }

    /// Sets the requirement; a different one clears the identity and what follows.
    pub fn choose_requirement(&self, requirement: Option<EmergencyRequirement>) {
        let unchanged = self.requirement.with_untracked(|current| {
            current.as_ref().map(|r| &r.id) == requirement.as_ref().map(|r| &r.id)
        });
        if unchanged {
            return;
        }
        self.requirement.set(requirement);
        self.clear_from_identity();
    }

    /// Sets the identity; a different one clears the address and what follows.
    pub fn choose_identity(&self, identity: Option<Identity>) {
        let unchanged = self.identity.with_untracked(|current| {
            current.as_ref().map(|i| &i.id) == identity.as_ref().map(|i| &i.id)
        });
        if unchanged {
            return;
        }
        self.identity.set(identity);
        self.clear_from_address();
    }

    /// Sets the address; a different one needs a new validation.
    pub fn choose_address(&self, address: Option<Address>) {
        let unchanged = self.address.with_untracked(|current| {
            current.as_ref().map(|a| &a.id) == address.as_ref().map(|a| &a.id)
        });
        if unchanged {
            return;
        }
        self.address.set(address);
        self.clear_from_validation();
    }

    /// Takes in a changed copy of the chosen identity: the choice stays, the earlier
    /// validation no longer counts. An identity that is not the chosen one is ignored.
    pub fn identity_changed(&self, identity: Identity) {
        let is_chosen = self.identity.with_untracked(|current| {
            current
                .as_ref()
                .is_some_and(|chosen| chosen.id == identity.id)
        });
        if is_chosen {
            self.identity.set(Some(identity));
            self.clear_from_validation();
        }
    }

    /// Takes in a changed copy of the chosen address, as [`Self::identity_changed`] does.
    pub fn address_changed(&self, address: Address) {
        let is_chosen = self.address.with_untracked(|current| {
            current
                .as_ref()
                .is_some_and(|chosen| chosen.id == address.id)
        });
        if is_chosen {
            self.address.set(Some(address));
            self.clear_from_validation();
        }
    }

    /// Chooses the kind of identity to create.
    pub fn choose_identity_type(&self, identity_type: IdentityType) {
        self.identity_type.set(Some(identity_type));
    }

    /// Records one typed identity value, keyed by API name.
    pub fn set_identity_value(&self, name: &str, value: String) {
        self.identity_values.update(|values| {
            values.insert(name.to_owned(), value);
        });
    }

    /// Records one typed address value, keyed by API name.
    pub fn set_address_value(&self, name: &str, value: String) {
        self.address_values.update(|values| {
            values.insert(name.to_owned(), value);
        });
    }

    /// Records DIDWW's verdict on identity and address.
    pub fn set_validated(&self, is_validated: bool) {
        self.is_validated.set(is_validated);
    }

    /// Records the callback URL typed.
    pub fn set_callback_url(&self, url: String) {
        self.callback_url.set(url);
    }

    /// Records the callback method chosen.
    pub fn set_callback_method(&self, method: String) {
        self.callback_method.set(method);
    }

    /// The reference of the current submission attempt, made with `make` the first time.
    ///
    /// The same reference is reused until the attempt succeeds or the choices change, so a
    /// repeated click after a lost answer finds the first verification instead of posting a
    /// second one.
    pub fn attempt_reference(&self, make: impl FnOnce() -> String) -> String {
        if let Some(reference) = self.attempt_reference.get_untracked() {
            return reference;
        }
        let reference = make();
        self.attempt_reference.set(Some(reference.clone()));
        reference
    }

    /// Records a successful submission and clears the draft for the next registration; the
    /// queued batches stay, so the next one can follow.
    pub fn finish_submission(&self, verification_id: String) {
        self.past_submission.set(Some(PastSubmission {
            verification_id: verification_id.clone(),
            dids: self.selected_dids.get_untracked(),
            requirement: self.requirement.get_untracked(),
            identity: self.identity.get_untracked(),
            address: self.address.get_untracked(),
        }));
        self.selected_dids.set(Vec::new());
        self.resubmitted_service.set(None);
        self.requirement.set(None);
        self.clear_from_identity();
        self.identity_type.set(None);
        self.identity_values.set(FormValues::new());
        self.address_values.set(FormValues::new());
        self.identity_form_open.set(false);
        self.address_form_open.set(false);
        self.callback_url.set(String::new());
        self.callback_method.set(String::new());
        self.verification_id.set(Some(verification_id));
    }

    /// Puts the numbers, requirement, identity and address of submission `verification_id`
    /// back into the draft, so the user can fix identity or address; false when this page
    /// does not know them.
    ///
    /// The corrected verification goes to the rejected one's calling service
    /// (`calling_service_id`), because DIDWW keeps the numbers assigned to that service.
    pub fn restore_for_resubmission(
        &self,
        verification_id: &str,
        calling_service_id: Option<String>,
    ) -> bool {
        let Some(past) = self
            .past_submission
            .get_untracked()
            .filter(|past| past.verification_id == verification_id)
        else {
            return false;
        };
        self.restore_submission(past, calling_service_id);
        true
    }

    /// Puts `past` (read back from DIDWW when this page did not submit it) into the draft for
    /// a correction sent to calling service `calling_service_id`.
    pub fn restore_submission(&self, past: PastSubmission, calling_service_id: Option<String>) {
        self.selected_dids.set(past.dids);
        self.resubmitted_service.set(calling_service_id);
        self.requirement.set(past.requirement);
        // The identity and address come back chosen, so the user changes only what the
        // reviewer objected to; the corrected choice must be validated again.
        self.identity.set(past.identity);
        self.address.set(past.address);
        self.clear_from_validation();
    }

    /// The numbers, requirement, identity and address, read without subscribing; `None` while
    /// any of the last three is missing.
    pub fn complete_choices(&self) -> Option<CompleteChoices> {
        Some(CompleteChoices {
            requirement: self.requirement.get_untracked()?,
            identity: self.identity.get_untracked()?,
            address: self.address.get_untracked()?,
            dids: self.selected_dids.get_untracked(),
        })
    }

    /// The calling service a resubmission goes to; `None` for a new registration.
    pub fn resubmitted_service(&self) -> ReadSignal<Option<String>> {
        self.resubmitted_service.read_only()
    }

    /// Why `step` cannot be shown yet (read reactively); `None` when it can.
    pub fn blocker(&self, step: WizardStep) -> Option<Blocker> {
        let needs = |required: WizardStep| step.number() > required.number();
        if needs(WizardStep::Requirement) && self.selected_dids.with(Vec::is_empty) {
            return Some(Blocker {
                message: "Choose the numbers to register first.",
                back_to: WizardStep::Dids,
            });
        }
        if needs(WizardStep::Requirement) && self.requirement.with(Option::is_none) {
            return Some(Blocker {
                message: "Check the emergency requirement first.",
                back_to: WizardStep::Requirement,
            });
        }
        if needs(WizardStep::Identity) && self.identity.with(Option::is_none) {
            return Some(Blocker {
                message: "Choose an identity first.",
                back_to: WizardStep::Identity,
            });
        }
        if needs(WizardStep::Address) && self.address.with(Option::is_none) {
            return Some(Blocker {
                message: "Choose an address first.",
                back_to: WizardStep::Address,
            });
        }
        if needs(WizardStep::Validate) && !self.is_validated.get() {
            return Some(Blocker {
                message: "Validate the identity and address first.",
                back_to: WizardStep::Validate,
            });
        }
        None
    }

    /// True when `step` is done (read reactively), for the stepper.
    pub fn is_complete(&self, step: WizardStep) -> bool {
        match step {
            WizardStep::Dids => self.selected_dids.with(|dids| !dids.is_empty()),
            WizardStep::Requirement => self.requirement.with(Option::is_some),
            WizardStep::Identity => self.identity.with(Option::is_some),
            WizardStep::Address => self.address.with(Option::is_some),
            WizardStep::Validate => self.is_validated.get(),
            WizardStep::Submit | WizardStep::Status => false,
        }
    }

    fn clear_from_identity(&self) {
        self.identity.set(None);
        self.clear_from_address();
    }

    fn clear_from_address(&self) {
        self.address.set(None);
        self.clear_from_validation();
    }

    fn clear_from_validation(&self) {
        self.is_validated.set(false);
        self.attempt_reference.set(None);
    }
}

fn same_ids(current: &[Did], next: &[Did]) -> bool {
    current.len() == next.len() && current.iter().zip(next).all(|(a, b)| a.id == b.id)
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    fn did(id: &str) -> Did {
        Did {
            id: id.to_owned(),
            number: "37052032401".to_owned(),
            ..Did::default()
        }
    }

    fn requirement(id: &str) -> EmergencyRequirement {
        EmergencyRequirement {
            id: id.to_owned(),
            ..EmergencyRequirement::default()
        }
    }

    fn identity(id: &str) -> Identity {
        Identity {
            id: id.to_owned(),
            ..Identity::default()
        }
    }

    fn address(id: &str) -> Address {
        Address {
            id: id.to_owned(),
            ..Address::default()
        }
    }

    fn filled_draft() -> WizardContext {
        let draft = WizardContext::new();
        draft.select_dids(vec![did("d1")]);
        draft.choose_requirement(Some(requirement("r1")));
        draft.choose_identity(Some(identity("i1")));
        draft.choose_address(Some(address("a1")));
        draft.set_validated(true);
        draft
    }

    #[test]
    fn a_new_number_selection_clears_later_choices_but_keeps_typing() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        draft.set_identity_value("first_name", "Ada".to_owned());

        draft.select_dids(vec![did("d1"), did("d2")]);

        assert!(draft.requirement().get_untracked().is_none());
        assert!(draft.identity().get_untracked().is_none());
        assert!(draft.address().get_untracked().is_none());
        assert!(!draft.is_validated().get_untracked());
        assert_eq!(
            draft
                .identity_values()
                .get_untracked()
                .get("first_name")
                .map(String::as_str),
            Some("Ada")
        );
    }

    #[test]
    fn choosing_the_same_things_again_keeps_what_follows() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();

        draft.select_dids(vec![did("d1")]);
        draft.choose_requirement(Some(requirement("r1")));
        draft.choose_identity(Some(identity("i1")));

        assert!(draft.address().get_untracked().is_some());
        assert!(draft.is_validated().get_untracked());
    }

    #[test]
    fn another_identity_clears_the_address_and_the_validation() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();

        draft.choose_identity(Some(identity("i2")));

        assert!(draft.address().get_untracked().is_none());
        assert!(!draft.is_validated().get_untracked());
        assert!(draft.requirement().get_untracked().is_some());
    }

    #[test]
    fn steps_ahead_of_the_draft_name_what_to_do_first() {
        let owner = Owner::new();
        owner.set();
        let draft = WizardContext::new();
        assert_eq!(draft.blocker(WizardStep::Dids), None);
        assert_eq!(draft.blocker(WizardStep::Requirement), None);
        assert_eq!(
            draft
                .blocker(WizardStep::Identity)
                .map(|blocker| blocker.back_to),
            Some(WizardStep::Dids)
        );

        draft.select_dids(vec![did("d1")]);
        draft.choose_requirement(Some(requirement("r1")));
        let blocker = draft
            .blocker(WizardStep::Address)
            .expect("address needs an identity");
        assert_eq!(blocker.back_to, WizardStep::Identity);
        assert_eq!(blocker.message, "Choose an identity first.");

        let draft = filled_draft();
        assert_eq!(draft.blocker(WizardStep::Submit), None);
        assert_eq!(draft.blocker(WizardStep::Status), None);
    }

    #[test]
    fn one_attempt_keeps_its_reference_until_the_choices_change() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        let first = draft.attempt_reference(|| "dwe-1".to_owned());
        let again = draft.attempt_reference(|| "dwe-2".to_owned());
        assert_eq!(first, again);

        draft.choose_address(Some(address("a2")));
        assert_eq!(draft.attempt_reference(|| "dwe-3".to_owned()), "dwe-3");
    }

    #[test]
    fn a_finished_submission_clears_the_draft_and_can_be_restored_for_a_fix() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        draft.finish_submission("v1".to_owned());

        assert!(draft.selected_dids().get_untracked().is_empty());
        assert_eq!(
            draft.verification_id().get_untracked().as_deref(),
            Some("v1")
        );
        assert!(!draft.restore_for_resubmission("other", None));
        assert!(draft.restore_for_resubmission("v1", Some("service-1".to_owned())));
        assert_eq!(
            draft.resubmitted_service().get_untracked().as_deref(),
            Some("service-1")
        );
        assert_eq!(draft.selected_dids().get_untracked().len(), 1);
        assert!(draft.requirement().get_untracked().is_some());
        assert!(
            draft.identity().get_untracked().is_some(),
            "the identity is offered again"
        );
        assert!(
            draft.address().get_untracked().is_some(),
            "the address is offered again"
        );
        assert!(
            !draft.is_validated().get_untracked(),
            "a correction is validated again"
        );
    }

    fn did_in(id: &str, country: &str) -> Did {
        Did {
            country: Some(crate::model::Country {
                id: country.to_owned(),
                name: country.to_owned(),
                ..Default::default()
            }),
            ..did(id)
        }
    }

    #[test]
    fn starting_over_forgets_the_numbers_and_the_queue() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        draft.choose_in_batches(vec![did_in("a", "LT"), did_in("b", "DE")]);
        let ticket = draft.listing().begin(1);
        draft.listing().append(ticket, vec![did("a")], Some(1));

        draft.start_over();

        assert!(draft.selected_dids().get_untracked().is_empty());
        assert!(draft.batch_queue().get_untracked().is_empty());
        assert!(draft.listing().dids().get_untracked().is_empty());
        assert!(draft.listing().needs_load(1));
    }

    #[test]
    fn steps_are_found_from_their_paths() {
        assert_eq!(
            WizardStep::from_path("/status/abc"),
            Some(WizardStep::Status)
        );
        assert_eq!(
            WizardStep::from_path("/identity"),
            Some(WizardStep::Identity)
        );
        assert_eq!(WizardStep::from_path("/nowhere"), None);
        assert_eq!(WizardStep::Validate.number(), 5);
    }
}
