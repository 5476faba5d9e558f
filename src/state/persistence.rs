//! Keeps the draft in this tab's session storage, so a reload, a closed tab reopened in the
//! same session, or a re-mounted app finds it again.
//!
//! The draft is saved under the account it belongs to (see [`DraftKey`]): switching to
//! another account puts this draft away and brings that account's back. A restored draft may
//! name records that are gone (in demo mode the built-in account starts afresh with every
//! page load), so the restored identity and address are checked once and dropped with a
//! plain explanation when the API no longer knows them; what the user typed stays.

use leptos::prelude::*;

use super::draft_store::{
    decode_draft, encode_choices, encode_numbers, DraftChoices, DraftKey, DraftNumbers, StoredDraft,
};
use super::{WizardContext, WizardStep};
use crate::api::{get_identity, list_addresses, ApiError, Client};
use crate::config::{AccountKey, ConfigContext, Mode};
use crate::domain::form::FormValues;
use crate::model::{Address, Identity};

/// The instance name of the page's own app in storage keys.
pub const DEFAULT_DRAFT_SCOPE: &str = "app";

/// The draft's life in session storage: when it is ready, where the user was, and what the
/// user should know about a restored draft.
#[derive(Debug, Clone, Copy)]
pub struct DraftSession {
    scope: StoredValue<Option<String>>,
    active_key: StoredValue<Option<DraftKey>>,
    is_ready: RwSignal<bool>,
    step: RwSignal<Option<WizardStep>>,
    resume_step: RwSignal<Option<WizardStep>>,
    notice: RwSignal<Option<String>>,
    has_draft: RwSignal<bool>,
}

impl DraftSession {
    /// Keeps `draft` in session storage under the instance name `scope` (`None`: memory
    /// only), restoring the stored draft whenever the account in force changes, and
    /// provides the session to the tree below.
    pub fn start(draft: WizardContext, scope: Option<String>) -> Self {
        let session = Self {
            scope: StoredValue::new(scope),
            active_key: StoredValue::new(None),
            is_ready: RwSignal::new(false),
            step: RwSignal::new(None),
            resume_step: RwSignal::new(None),
            notice: RwSignal::new(None),
            has_draft: RwSignal::new(false),
        };
        provide_context(session);
        match use_context::<ConfigContext>() {
            Some(config) => session.follow_account(draft, config),
            None => session.is_ready.set(true),
        }
        session.save_changes(draft);
        session
    }

    /// The session provided with the draft, when there is one.
    pub fn use_context() -> Option<Self> {
        use_context::<Self>()
    }

    /// False until the stored draft of the account in force was read (read reactively).
    pub fn is_ready(&self) -> bool {
        self.is_ready.get()
    }

    /// Records the step on screen, so a re-mounted app opens where the user was.
    pub fn set_step(&self, step: Option<WizardStep>) {
        if self.step.get_untracked() != step {
            self.step.set(step);
        }
    }

    /// The step the restored draft was left on (read reactively).
    pub fn resume_step(&self) -> Option<WizardStep> {
        self.resume_step.get()
    }

    /// What the user should know about the restored draft, or about saving it.
    pub fn notice(&self) -> ReadSignal<Option<String>> {
        self.notice.read_only()
    }

    /// True while anything is chosen or typed (read reactively).
    pub fn has_draft(&self) -> bool {
        self.has_draft.get()
    }

    /// Hides the notice.
    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Forgets the draft: every choice and everything typed, here and in storage.
    pub fn discard(&self, draft: WizardContext) {
        draft.forget_choices();
        self.resume_step.set(None);
        self.notice.set(None);
        if let Some(key) = self.active_key.get_value() {
            storage::remove(key.numbers());
            storage::remove(key.choices());
        }
    }

    /// Restores the stored draft of the account in force once the configuration is read,
    /// and swaps drafts when the user switches accounts.
    fn follow_account(self, draft: WizardContext, config: ConfigContext) {
        let account = Memo::new(move |_| config.account());
        Effect::new(move |previous: Option<Option<AccountKey>>| {
            if !config.is_ready() {
                return None;
            }
            let current = account.get();
            let previous = previous.flatten();
            if previous.as_ref() == Some(&current) {
                return previous;
            }
            // Saving stops first, so the emptied draft is never written over the one stored.
            self.active_key.set_value(None);
            if previous.is_some() {
                draft.clear_all();
                self.notice.set(None);
            }
            let scope = self.scope.get_value();
            let key = scope
                .as_deref()
                .and_then(|scope| DraftKey::new(scope, &current));
            if let Some(key) = &key {
                self.restore(draft, config, key);
            }
            self.active_key.set_value(key);
            self.is_ready.set(true);
            Some(current)
        });
    }

    fn restore(&self, draft: WizardContext, config: ConfigContext, key: &DraftKey) {
        let numbers = storage::read(key.numbers());
        let choices = storage::read(key.choices());
        let (stored, problems) = decode_draft(numbers.as_deref(), choices.as_deref());
        for problem in &problems {
            log::warn!("{problem}; the rest of the draft is used");
        }
        if stored.numbers.is_empty() && stored.choices.is_empty() {
            return;
        }
        self.resume_step.set(stored.choices.wizard_step());
        let to_check = (
            stored.choices.identity.clone(),
            stored.choices.address.clone(),
        );
        draft.restore(stored);
        if to_check.0.is_some() {
            if let Ok(client) = config.background_client() {
                let is_demo = config.mode() == Mode::Demo;
                let notice = self.notice;
                leptos::task::spawn_local(async move {
                    let found = check_records(&client, to_check, is_demo, draft).await;
                    if let Some(text) = found {
                        notice.try_set(Some(text));
                    }
                });
            }
        }
    }

    /// Writes the numbers when they change, and the choices when anything else changes.
    fn save_changes(self, draft: WizardContext) {
        let numbers = Memo::new(move |_| DraftNumbers {
            selected: draft.selected_dids.get(),
            queue: draft.batch_queue.get(),
        });
        let fingerprint = Memo::new(move |_| numbers.with(DraftNumbers::fingerprint));
        let numbers_text = Memo::new(move |_| numbers.with(encode_numbers));
        let choices = Memo::new(move |_| draft.choices(self.step.get()));

        Effect::new(move |_| {
            let text = numbers_text.get();
            let is_empty = numbers.with(DraftNumbers::is_empty);
            if let Some(key) = self.active_key.get_value() {
                self.write(key.numbers(), (!is_empty).then_some(text.as_str()));
            }
        });
        Effect::new(move |_| {
            let keep =
                !choices.with(DraftChoices::is_empty) || !numbers.with(DraftNumbers::is_empty);
            let text = choices.with(|choices| encode_choices(choices, &fingerprint.get()));
            if self.has_draft.get_untracked() != keep {
                self.has_draft.set(keep);
            }
            if let Some(key) = self.active_key.get_value() {
                self.write(key.choices(), keep.then_some(text.as_str()));
            }
        });
    }

    fn write(&self, key: &str, text: Option<&str>) {
        let saved = match text {
            Some(text) => storage::write(key, text),
            None => {
                storage::remove(key);
                true
            }
        };
        if !saved {
            self.notice.set(Some(
                "This browser did not let the app keep your draft (its storage is full or \
                 switched off). Finish in this tab: a reload would lose what you chose and \
                 typed."
                    .to_owned(),
            ));
        }
    }
}

impl WizardContext {
    /// The choices after the numbers, read reactively, with the step on screen.
    fn choices(&self, step: Option<WizardStep>) -> DraftChoices {
        DraftChoices {
            // The status page needs its id, which is in its URL; the draft resumes elsewhere.
            step: step
                .filter(|step| *step != WizardStep::Status)
                .map(|step| step.path().trim_start_matches('/').to_owned()),
            requirement: self.requirement.get(),
            identity: self.identity.get(),
            address: self.address.get(),
            identity_type: self.identity_type.get(),
            identity_values: self.identity_values.get(),
            address_values: self.address_values.get(),
            identity_form_open: self.identity_form_open.get(),
            address_form_open: self.address_form_open.get(),
            is_validated: self.is_validated.get(),
            callback_url: self.callback_url.get(),
            callback_method: self.callback_method.get(),
            attempt_reference: self.attempt_reference.get(),
            resubmitted_service: self.resubmitted_service.get(),
        }
    }

    /// Puts a stored draft back as it was, without the clearing that choosing again does.
    fn restore(&self, stored: StoredDraft) {
        let StoredDraft { numbers, choices } = stored;
        self.selected_dids.set(numbers.selected);
        self.batch_queue.set(numbers.queue);
        self.requirement.set(choices.requirement);
        self.identity.set(choices.identity);
        self.address.set(choices.address);
        self.identity_type.set(choices.identity_type);
        self.identity_values.set(choices.identity_values);
        self.address_values.set(choices.address_values);
        self.identity_form_open.set(choices.identity_form_open);
        self.address_form_open.set(choices.address_form_open);
        self.is_validated.set(choices.is_validated);
        self.callback_url.set(choices.callback_url);
        self.callback_method.set(choices.callback_method);
        self.attempt_reference.set(choices.attempt_reference);
        self.resubmitted_service.set(choices.resubmitted_service);
    }

    /// Empties the draft completely, loaded numbers included (another account's draft
    /// takes its place).
    fn clear_all(&self) {
        self.listing.reset();
        self.forget_choices();
    }

    /// Forgets every choice and everything typed, keeping the account's loaded numbers.
    fn forget_choices(&self) {
        self.selected_dids.set(Vec::new());
        self.batch_queue.set(Vec::new());
        self.past_submission.set(None);
        self.verification_id.set(None);
        self.requirement.set(None);
        self.identity_type.set(None);
        self.identity_values.set(FormValues::new());
        self.address_values.set(FormValues::new());
        self.identity_form_open.set(false);
        self.address_form_open.set(false);
        self.callback_url.set(String::new());
        self.callback_method.set(String::new());
        self.resubmitted_service.set(None);
        self.clear_from_identity();
    }
}

/// A restored choice the API no longer knows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Gone {
    /// The identity, by its name.
    Identity(String),
    /// The address, on one line.
    Address(String),
}

/// Checks that the restored identity and address still exist, and drops those that do not;
/// returns what to tell the user. A failure other than "not found" proves nothing, so the
/// choice stays and the step itself reports the problem.
async fn check_records(
    client: &Client,
    (identity, address): (Option<Identity>, Option<Address>),
    is_demo: bool,
    draft: WizardContext,
) -> Option<String> {
    let identity = identity?;
    let gone = match get_identity(client, &identity.id).await {
        Err(ApiError::NotFound(_)) => Gone::Identity(identity.display_name()),
        Err(_) => return None,
        Ok(_) => {
            let address = address?;
            let listed = list_addresses(client, &identity.id, None).await.ok()?;
            if listed.iter().any(|found| found.id == address.id) {
                return None;
            }
            Gone::Address(address.one_line())
        }
    };

    // The user may have chosen again while the check ran; a new choice is left alone.
    let chosen = draft.identity.try_get_untracked()?;
    if chosen.map(|chosen| chosen.id) != Some(identity.id) {
        return None;
    }
    match &gone {
        // The form opens with what was typed, so creating the record again is one click.
        Gone::Identity(_) => {
            draft.choose_identity(None);
            draft.set_identity_form_open(true);
        }
        Gone::Address(_) => {
            draft.choose_address(None);
            draft.set_address_form_open(true);
        }
    }
    Some(gone_notice(&gone, is_demo))
}

/// Why a restored choice was dropped, in plain words.
fn gone_notice(gone: &Gone, is_demo: bool) -> String {
    let what = match gone {
        Gone::Identity(name) => format!("the identity {name}"),
        Gone::Address(line) => format!("the address {line}"),
    };
    if is_demo {
        format!(
            "Your draft was restored, but {what} is gone: the demo's made-up account starts \
             afresh whenever the page loads, so records created before the reload no longer \
             exist. What you typed is kept; create it again to go on."
        )
    } else {
        format!(
            "Your draft was restored, but {what} no longer exists in your DIDWW account. \
             What you typed is kept; choose or create another to go on."
        )
    }
}

mod storage {
    //! This tab's session storage; outside the browser nothing is kept.

    fn session_storage() -> Option<web_sys::Storage> {
        #[cfg(target_arch = "wasm32")]
        {
            web_sys::window().and_then(|window| window.session_storage().ok().flatten())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            None
        }
    }

    pub(super) fn read(key: &str) -> Option<String> {
        session_storage()?.get_item(key).ok().flatten()
    }

    /// False when the browser refused to keep the text (storage full or switched off).
    pub(super) fn write(key: &str, text: &str) -> bool {
        match session_storage() {
            Some(storage) => storage.set_item(key, text).is_ok(),
            None => cfg!(not(target_arch = "wasm32")),
        }
    }

    pub(super) fn remove(key: &str) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;
    use crate::model::{Did, EmergencyRequirement, IdentityType};

    fn did(id: &str) -> Did {
        Did {
            id: id.to_owned(),
            ..Did::default()
        }
    }

    fn filled_draft() -> WizardContext {
        let draft = WizardContext::new();
        draft.choose_in_batches(vec![did("d1")]);
        draft.choose_requirement(Some(EmergencyRequirement {
            id: "r1".to_owned(),
            ..EmergencyRequirement::default()
        }));
        draft.choose_identity(Some(Identity {
            id: "i1".to_owned(),
            ..Identity::default()
        }));
        draft.choose_identity_type(IdentityType::Business);
        draft.set_address_form_open(true);
        draft.set_address_value("city_name", "Vilnius".to_owned());
        draft.set_callback_url("https://example.com/hook".to_owned());
        draft
    }

    fn stored(draft: &WizardContext, step: Option<WizardStep>) -> StoredDraft {
        StoredDraft {
            numbers: DraftNumbers {
                selected: draft.selected_dids.get_untracked(),
                queue: draft.batch_queue.get_untracked(),
            },
            choices: draft.choices(step),
        }
    }

    #[test]
    fn a_saved_draft_restores_into_a_fresh_app_as_it_was() {
        let owner = Owner::new();
        owner.set();
        let original = filled_draft();
        let saved = stored(&original, Some(WizardStep::Address));
        assert_eq!(saved.choices.step.as_deref(), Some("address"));

        let fresh = WizardContext::new();
        fresh.restore(saved.clone());

        assert_eq!(stored(&fresh, Some(WizardStep::Address)), saved);
        assert!(fresh.address_form_open().get_untracked());
        assert_eq!(fresh.blocker(WizardStep::Address), None);
    }

    #[test]
    fn the_status_page_is_not_saved_as_the_step_to_resume() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        assert_eq!(draft.choices(Some(WizardStep::Status)).step, None);
    }

    #[test]
    fn forgetting_the_choices_keeps_the_loaded_numbers_and_clearing_all_does_not() {
        let owner = Owner::new();
        owner.set();
        let draft = filled_draft();
        let ticket = draft.listing().begin(1);
        draft
            .listing()
            .append(ticket, vec![did("d1"), did("d2")], Some(2));

        draft.forget_choices();
        let emptied = stored(&draft, None);
        assert!(emptied.numbers.is_empty() && emptied.choices.is_empty());
        assert!(!draft.address_form_open().get_untracked());
        assert_eq!(draft.listing().dids().get_untracked().len(), 2);

        draft.clear_all();
        assert!(draft.listing().dids().get_untracked().is_empty());
    }

    #[test]
    fn a_gone_record_is_explained_in_the_words_of_its_mode() {
        let identity = Gone::Identity("Ona Petraitė".to_owned());
        let demo = gone_notice(&identity, true);
        assert!(demo.contains("the identity Ona Petraitė") && demo.contains("starts afresh"));
        let live = gone_notice(&Gone::Address("Gedimino pr. 1".to_owned()), false);
        assert!(live.contains("the address Gedimino pr. 1") && live.contains("DIDWW account"));
    }
}
