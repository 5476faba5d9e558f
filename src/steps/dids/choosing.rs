//! What ticking a number, choosing a whole group and registering in batches do to the draft.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::domain::selection::{
    add_group_to_batches, batch_place, check_addition, choose_group, classify, matches_group,
    numbers_count, SelectionRefusal,
};
use crate::model::Did;
use crate::state::{LoadProgress, WizardContext};

/// A refused tick: which number, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refusal {
    /// The number refused.
    pub did_id: String,
    /// Why, in plain words.
    pub message: String,
}

/// A message above the table, with numbers to add if the user agrees to register in batches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Notice {
    /// What happened, sentence by sentence.
    pub sentences: Vec<String>,
    /// Numbers that several batches would take; empty when there is nothing to offer.
    pub batch_offer: Vec<Did>,
}

/// A whole group to choose once every number has loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GroupRequest {
    /// The country id.
    pub country_id: String,
    /// The DID group type id.
    pub type_id: String,
    /// The group in words, such as "Germany (Local)".
    pub place: String,
}

/// The first step's choosing rules, shared by the table, the search results and the filters.
#[derive(Debug, Clone, Copy)]
pub(super) struct Chooser {
    draft: WizardContext,
    /// True when numbers of different countries, types or identities may be chosen together.
    pub is_batch_mode: RwSignal<bool>,
    /// The last refused tick.
    pub refusal: RwSignal<Option<Refusal>>,
    /// The message above the table.
    pub notice: RwSignal<Option<Notice>>,
    /// A group waiting for the listing to finish.
    pub pending_group: RwSignal<Option<GroupRequest>>,
    chosen_ids: Memo<HashSet<String>>,
}

impl Chooser {
    /// Choosing over the draft; a group asked for while numbers load is chosen once all are in.
    pub fn new(draft: WizardContext) -> Self {
        let chosen_ids = Memo::new(move |_| {
            let mut ids: HashSet<String> = draft
                .selected_dids()
                .with(|dids| dids.iter().map(|did| did.id.clone()).collect());
            draft.batch_queue().with(|queue| {
                ids.extend(queue.iter().flatten().map(|did| did.id.clone()));
            });
            ids
        });
        let chooser = Self {
            draft,
            is_batch_mode: RwSignal::new(
                draft
                    .batch_queue()
                    .with_untracked(|queue| !queue.is_empty()),
            ),
            refusal: RwSignal::new(None),
            notice: RwSignal::new(None),
            pending_group: RwSignal::new(None),
            chosen_ids,
        };
        Effect::new(move |_| {
            let is_complete = draft.listing().progress().get() == LoadProgress::Complete;
            if is_complete {
                if let Some(request) = chooser.pending_group.get_untracked() {
                    chooser.pending_group.set(None);
                    chooser.choose_loaded_group(&request);
                }
            }
        });
        chooser
    }

    /// True when `id` is chosen, in the current batch or a queued one (read reactively).
    pub fn is_chosen(&self, id: &str) -> bool {
        self.chosen_ids.with(|ids| ids.contains(id))
    }

    /// Ticks or unticks `did`; answers whether the new state stands.
    pub fn toggle(&self, did: Did, is_checked: bool) -> bool {
        self.refusal.set(None);
        if !is_checked {
            let mut chosen = self.draft.chosen_dids_untracked();
            chosen.retain(|chosen| chosen.id != did.id);
            self.apply(chosen);
            return true;
        }
        if self.is_batch_mode.get_untracked() {
            if !classify(&did).is_selectable() {
                return self.refuse(
                    &did,
                    SelectionRefusal::InService {
                        number: did.number.clone(),
                    },
                );
            }
            let mut chosen = self.draft.chosen_dids_untracked();
            chosen.push(did);
            self.apply(chosen);
            return true;
        }
        let mut selected = self.draft.selected_dids().get_untracked();
        match check_addition(&selected, &did) {
            Ok(()) => {
                selected.push(did);
                self.draft.select_dids(selected);
                self.notice.set(None);
                true
            }
            Err(refusal) => self.refuse(&did, refusal),
        }
    }

    /// Chooses every number of `group` that fits, or asks to wait until all are loaded.
    pub fn choose_group(&self, request: GroupRequest) {
        self.refusal.set(None);
        let progress = self.draft.listing().progress().get_untracked();
        if progress == LoadProgress::Complete {
            self.choose_loaded_group(&request);
            return;
        }
        self.notice.set(Some(Notice {
            sentences: vec![format!(
                "All numbers of {} will be selected as soon as the remaining numbers have \
                 loaded.",
                request.place
            )],
            batch_offer: Vec::new(),
        }));
        self.pending_group.set(Some(request));
    }

    /// Switches to batches and adds what the notice offered.
    pub fn accept_batches(&self) {
        let offer = self
            .notice
            .with_untracked(|notice| notice.as_ref().map(|n| n.batch_offer.clone()))
            .unwrap_or_default();
        self.is_batch_mode.set(true);
        self.refusal.set(None);
        let mut chosen = self.draft.chosen_dids_untracked();
        let ids: HashSet<String> = chosen.iter().map(|did| did.id.clone()).collect();
        chosen.extend(offer.into_iter().filter(|did| !ids.contains(&did.id)));
        self.apply(chosen);
        let count = self.draft.batch_queue().with_untracked(Vec::len) + 1;
        let sentence = if count == 1 {
            "Your numbers fit in one registration.".to_owned()
        } else {
            format!(
                "Your numbers will be registered in {count} batches, one after the other: one \
                 per country and type, and one per identity that numbers are locked to."
            )
        };
        self.notice.set(Some(Notice {
            sentences: vec![sentence],
            batch_offer: Vec::new(),
        }));
    }

    /// Turns batches on or off; turning them off keeps only the current batch.
    pub fn set_batch_mode(&self, is_on: bool) {
        self.is_batch_mode.set(is_on);
        self.refusal.set(None);
        let queued = self.draft.batch_queue().with_untracked(Vec::len);
        if !is_on && queued > 0 {
            self.draft.clear_batches();
            self.notice.set(Some(Notice {
                sentences: vec![format!(
                    "Only the first batch is kept; the {queued} queued ones were dropped."
                )],
                batch_offer: Vec::new(),
            }));
        }
    }

    fn choose_loaded_group(&self, request: &GroupRequest) {
        let group: Vec<Did> = self.draft.listing().dids().with_untracked(|dids| {
            dids.iter()
                .filter(|did| matches_group(did, Some(&request.country_id), Some(&request.type_id)))
                .cloned()
                .collect()
        });
        if self.is_batch_mode.get_untracked() {
            let choice = add_group_to_batches(&self.draft.chosen_dids_untracked(), &group);
            self.apply(choice.selection.clone());
            self.notice.set(Some(Notice {
                sentences: choice.sentences(&request.place),
                batch_offer: Vec::new(),
            }));
            return;
        }
        let selected = self.draft.selected_dids().get_untracked();
        match choose_group(&selected, &group) {
            Ok(choice) => {
                self.draft.select_dids(choice.selection.clone());
                // Numbers left out for their identity can still go in batches of their own.
                let batch_offer = if choice.other_identities.is_empty() {
                    Vec::new()
                } else {
                    group
                };
                self.notice.set(Some(Notice {
                    sentences: choice.sentences(&request.place),
                    batch_offer,
                }));
            }
            Err(_) => {
                let chosen = match batch_place(&selected) {
                    Some(place) => format!("{} in {place}", numbers_count(selected.len())),
                    None => numbers_count(selected.len()),
                };
                self.notice.set(Some(Notice {
                    sentences: vec![
                        format!(
                            "The numbers of {} cannot join the {chosen} already selected: one \
                             registration holds numbers of one country and one type.",
                            request.place
                        ),
                        BATCH_HINT.to_owned(),
                    ],
                    batch_offer: group,
                }));
            }
        }
    }

    /// Stores `chosen` split into batches (in batch mode) or as one selection.
    fn apply(&self, chosen: Vec<Did>) {
        if self.is_batch_mode.get_untracked() {
            self.draft.choose_in_batches(chosen);
        } else {
            self.draft.select_dids(chosen);
            self.draft.clear_batches();
        }
    }

    fn refuse(&self, did: &Did, refusal: SelectionRefusal) -> bool {
        let can_batch = !matches!(refusal, SelectionRefusal::InService { .. });
        self.refusal.set(Some(Refusal {
            did_id: did.id.clone(),
            message: refusal.message(),
        }));
        self.notice.set(can_batch.then(|| Notice {
            sentences: vec![refusal.message(), BATCH_HINT.to_owned()],
            batch_offer: vec![did.clone()],
        }));
        false
    }
}

/// How batches help, for refusals that they solve.
const BATCH_HINT: &str = "To register numbers of different countries, types or identities, \
                          use several batches: one registration each, one after the other.";
