//! Step 3: choose or create the identity the registration is made for.

use leptos::prelude::*;

use super::identity_edit::IdentityEditForm;
use super::identity_form::IdentityForm;
use super::{country_name, load_countries};
use crate::api::{get_identity, list_identities, ApiError, Client};
use crate::components::{
    focus_when_ready, format_number, AnnouncerContext, BlockedStep, ErrorState, LoadingState,
    StepHeading,
};
use crate::config::ConfigContext;
use crate::domain::edit::{can_edit_identity, VERIFIED_IDENTITY};
use crate::domain::form::{allowed_identity_types, identity_fit};
use crate::domain::selection::{
    classify, country_and_type, forced_identity, suggested_identity, DidCase,
};
use crate::model::{AreaLevel, Country, Did, EmergencyRequirement, Identity, IdentityType};
use crate::routing::{use_navigate, NavigateOptions};
use crate::state::{WizardContext, WizardStep};

/// Lists the identities that can be used (only the locked one when a number forces it),
/// shows what each lacks, preselects a porting identity, and offers to create a new one.
#[component]
pub fn StepIdentity() -> impl IntoView {
    let draft = WizardContext::expect();
    let blocker = Memo::new(move |_| draft.blocker(WizardStep::Identity));

    view! {
        <section class="dwe-step" data-testid="step-identity">
            <StepHeading
                title="Choose the identity"
                lead="The person or company the emergency registration is for. Emergency services \
                      use these details."
            />
            {move || match blocker.get() {
                Some(blocker) => view! { <BlockedStep blocker=blocker /> }.into_any(),
                None => {
                    let dids = draft.selected_dids().get_untracked();
                    match draft.requirement().get_untracked() {
                        Some(requirement) => {
                            view! { <IdentityChoice dids=dids requirement=requirement /> }
                                .into_any()
                        }
                        None => ().into_any(),
                    }
                }
            }}
        </section>
    }
}

/// One identity as listed, with whether it meets the requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    identity: Identity,
    missing: Vec<String>,
}

/// What decides which identities are listed.
#[derive(Debug, Clone)]
struct CandidateQuery {
    forced: Option<String>,
    preselect: Option<String>,
    type_filter: Option<IdentityType>,
    country_filter: Option<String>,
    requirement: EmergencyRequirement,
    country_id: String,
}

/// The identities that may be used, each with what it lacks; the preselected one first.
async fn load_candidates(
    client: Client,
    query: CandidateQuery,
) -> Result<Vec<Candidate>, ApiError> {
    let found = match &query.forced {
        // A locked number allows exactly one identity, so only that one is read.
        Some(id) => vec![get_identity(&client, id).await?],
        None => {
            let type_filter = query.type_filter.as_ref();
            list_identities(&client, type_filter, query.country_filter.as_deref()).await?
        }
    };
    let mut candidates: Vec<Candidate> = found
        .into_iter()
        .map(|identity| Candidate {
            missing: identity_fit(&query.requirement, &identity, &query.country_id),
            identity,
        })
        .collect();
    crate::domain::sorting::sort_by_key(&mut candidates, |candidate| {
        Some(&candidate.identity.id) != query.preselect.as_ref()
    });
    Ok(candidates)
}

#[component]
fn IdentityChoice(dids: Vec<Did>, requirement: EmergencyRequirement) -> impl IntoView {
    let draft = WizardContext::expect();
    let config = ConfigContext::expect();
    let announcer = AnnouncerContext::expect();
    let navigate = use_navigate();
    // Whether the form is open is part of the draft, so a reload shows the half-filled form.
    let is_creating = draft.identity_form_open();
    let set_is_creating = move |is_open: bool| draft.set_identity_form_open(is_open);
    let (editing, set_editing) = signal(None::<Identity>);
    let (created_notice, set_created_notice) = signal(None::<String>);
    let has_announced_list = StoredValue::new(false);

    let forced = forced_identity(&dids);
    let suggested = suggested_identity(&dids);
    let country_id = country_and_type(&dids)
        .map(|(country, _)| country)
        .or_else(|| requirement.country_id.clone())
        .unwrap_or_default();
    let allowed = allowed_identity_types(&requirement);
    let (type_filter, country_filter) = list_filters(&requirement, &allowed, &country_id);
    let locked_notice = forced
        .as_ref()
        .map(|identity_id| locked_notice_text(&dids, identity_id));
    let countries = load_countries();
    // The locked identity, or else the porting one, is listed first and chosen for the user.
    let preselect = forced.clone().or_else(|| suggested.clone());

    let query = CandidateQuery {
        forced: forced.clone(),
        preselect: preselect.clone(),
        type_filter,
        country_filter,
        requirement: requirement.clone(),
        country_id: country_id.clone(),
    };
    let identities = LocalResource::new(move || {
        let client = config.client();
        let query = query.clone();
        async move { load_candidates(client?, query).await }
    });

    // Preselection happens once, and only for an identity that fits the requirement.
    Effect::new(move |_| {
        let Some(Ok(candidates)) = identities.get() else {
            return;
        };
        if draft.identity().with_untracked(Option::is_some) {
            return;
        }
        let fitting = candidates.into_iter().find(|candidate| {
            Some(&candidate.identity.id) == preselect.as_ref() && candidate.missing.is_empty()
        });
        if let Some(candidate) = fitting {
            draft.choose_identity(Some(candidate.identity));
        }
    });

    let on_created = move |identity: Identity| {
        let notice = format!("{} was created and selected.", identity.display_name());
        announcer.announce(notice.clone());
        set_created_notice.set(Some(notice));
        // The form goes away; focus goes to the new identity once the list shows it.
        focus_when_ready(format!("identity-option-{}", identity.id));
        draft.choose_identity(Some(identity));
        set_is_creating(false);
        identities.refetch();
    };
    let on_saved = {
        let (requirement, country_id) = (requirement.clone(), country_id.clone());
        move |identity: Identity| {
            set_created_notice.set(Some(format!(
                "Changes to {} were saved.",
                identity.display_name()
            )));
            set_editing.set(None);
            draft.identity_changed(identity.clone());
            // A completed identity that now meets the requirement is what the user wanted.
            let fits = identity_fit(&requirement, &identity, &country_id).is_empty();
            if fits && draft.identity().with_untracked(Option::is_none) {
                draft.choose_identity(Some(identity));
            }
            identities.refetch();
        }
    };
    let on_open_form = move |_| {
        set_is_creating(true);
        focus_when_ready("identity-form-title");
    };
    let on_cancel_form = move |_| {
        set_is_creating(false);
        focus_when_ready("identity-new");
    };
    let on_continue = move |_| {
        if draft.identity().with_untracked(Option::is_some) {
            navigate(WizardStep::Address.path(), NavigateOptions::default());
        }
    };

    let accepted_types = allowed.clone();
    let option_view = move |candidate: Candidate, countries_list: Vec<Country>| {
        let Candidate { identity, missing } = candidate;
        let id = identity.id.clone();
        let fits = missing.is_empty();
        // Details can be added; a type DIDWW does not accept here cannot be changed at all.
        let type_accepted = identity
            .identity_type
            .as_ref()
            .is_some_and(|kind| accepted_types.contains(kind));
        let edit_view = edit_action(&identity, fits, type_accepted, set_editing);
        let verified_note = (type_accepted && !fits && !can_edit_identity(&identity)).then(|| {
            view! {
                <span
                    class="dwe-option__note"
                    data-testid=format!("identity-verified-{}", identity.id)
                >
                    {VERIFIED_IDENTITY}
                </span>
            }
        });
        let name = identity.display_name();
        let kind = identity
            .identity_type
            .as_ref()
            .map_or("Unknown type", IdentityType::label)
            .to_owned();
        // The country is shown only when the listing carried it.
        let meta = match identity.country_id.as_deref() {
            Some(id) => format!("{kind} · {}", country_name(&countries_list, id)),
            None => kind,
        };
        let is_checked = {
            let id = id.clone();
            move || {
                draft
                    .identity()
                    .with(|chosen| chosen.as_ref().is_some_and(|c| c.id == id))
            }
        };
        let is_suggested = suggested.as_deref() == Some(id.as_str());
        let option_id = format!("identity-option-{id}");
        // The name names the radio; type, country, fit and note describe it.
        let name_id = format!("{option_id}-name");
        let details_id = format!("{option_id}-details");
        view! {
            <div class="dwe-option" class:dwe-option--disabled=!fits>
                <input
                    type="radio"
                    class="dwe-radio"
                    name="identity"
                    id=option_id.clone()
                    data-testid=option_id.clone()
                    aria-labelledby=name_id.clone()
                    aria-describedby=details_id.clone()
                    disabled=!fits
                    prop:checked=is_checked
                    on:change=move |_| draft.choose_identity(Some(identity.clone()))
                />
                <label class="dwe-option__label" for=option_id>
                    <span class="dwe-option__title" id=name_id>{name}</span>
                    <span class="dwe-option__details" id=details_id>
                        <span class="dwe-option__meta">{meta}</span>
                        {fit_view(&missing)}
                        {is_suggested
                            .then(|| {
                                view! {
                                    <span
                                        class="dwe-option__note"
                                        data-testid="identity-porting-note"
                                    >
                                        "Came with the number when it was ported, so it is \
                                         preselected. You can choose another identity."
                                    </span>
                                }
                            })}
                        {verified_note}
                    </span>
                </label>
                {edit_view}
            </div>
        }
    };

    let list_view = move |candidates: Vec<Candidate>, countries_list: Vec<Country>| {
        // The first list is announced; a reload after creating one is covered by that news.
        if !has_announced_list.get_value() {
            has_announced_list.set_value(true);
            announcer.announce(identities_found(&candidates));
        }
        if candidates.is_empty() {
            return view! {
                <p class="dwe-state dwe-state--empty" data-testid="identity-empty">
                    "No existing identity can be used here. Create one below."
                </p>
            }
            .into_any();
        }
        view! {
            <fieldset class="dwe-options" data-testid="identity-options">
                <legend class="dwe-visually-hidden">"Identity"</legend>
                {candidates
                    .into_iter()
                    .map(|candidate| option_view(candidate, countries_list.clone()))
                    .collect_view()}
            </fieldset>
        }
        .into_any()
    };

    let is_locked = forced.is_some();
    let form_requirement = requirement.clone();
    view! {
        {locked_notice
            .map(|text| {
                view! {
                    <div
                        class="dwe-notice dwe-notice--warning"
                        data-testid="identity-locked-notice"
                    >
                        <p class="dwe-notice__title">"This identity is required"</p>
                        <p>{text}</p>
                    </div>
                }
            })}
        <p class="dwe-live" data-testid="identity-created">
            {move || created_notice.get()}
        </p>
        <Transition fallback=|| view! { <LoadingState message="Loading identities…" /> }>
            {move || {
                let list_view = list_view.clone();
                Suspend::new(async move {
                let loaded = identities.await;
                // Names are a nicety: a failed country list leaves ids on screen, not an error.
                let countries_list = countries.await.unwrap_or_default();
                match loaded {
                    Ok(candidates) => list_view(candidates, countries_list),
                    Err(error) => view! {
                        <ErrorState error=error on_retry=move |_| identities.refetch() />
                    }
                    .into_any(),
                }
            })
            }}
        </Transition>
        {
            let (requirement, countries) = (form_requirement.clone(), countries);
            move || {
                editing
                    .get()
                    .map(|identity| {
                        view! {
                            <IdentityEditForm
                                identity=identity
                                requirement=requirement.clone()
                                countries=countries
                                on_saved=on_saved.clone()
                                on_cancel=move |_| set_editing.set(None)
                            />
                        }
                    })
            }
        }
        {(!is_locked)
            .then(|| {
                let (requirement, allowed, country_id) =
                    (form_requirement.clone(), allowed.clone(), country_id.clone());
                view! {
                    <Show
                        when=move || is_creating.get()
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="dwe-button dwe-button--secondary"
                                    id="identity-new"
                                    data-testid="identity-new"
                                    on:click=on_open_form
                                >
                                    "Create a new identity"
                                </button>
                            }
                        }
                    >
                        <IdentityForm
                            requirement=requirement.clone()
                            allowed=allowed.clone()
                            country_id=country_id.clone()
                            countries=countries
                            on_created=on_created
                            on_cancel=on_cancel_form
                        />
                    </Show>
                }
            })}
        <div class="dwe-actions dwe-actions--end">
            <button
                type="button"
                class="dwe-button dwe-button--primary"
                data-testid="identity-continue"
                disabled=move || draft.identity().with(Option::is_none)
                on:click=on_continue
            >
                "Continue"
            </button>
        </div>
    }
}

/// How many listed identities can be used, in a sentence for the live region.
fn identities_found(candidates: &[Candidate]) -> String {
    let usable = candidates
        .iter()
        .filter(|candidate| candidate.missing.is_empty())
        .count();
    match (candidates.len(), usable) {
        (0, _) => "No existing identity can be used here.".to_owned(),
        (1, 1) => "1 identity listed; it can be used.".to_owned(),
        (1, _) => "1 identity listed; it cannot be used.".to_owned(),
        (listed, usable) => format!("{listed} identities listed; {usable} can be used."),
    }
}

/// Which filters narrow the identity list: the type when only one is accepted, and the
/// country when every accepted type must come from the numbers' country.
fn list_filters(
    requirement: &EmergencyRequirement,
    allowed: &[IdentityType],
    country_id: &str,
) -> (Option<IdentityType>, Option<String>) {
    let type_filter = match allowed {
        [only] => Some(only.clone()),
        _ => None,
    };
    let level_of = |kind: &IdentityType| match kind {
        IdentityType::Business => requirement.business_area_level.as_ref(),
        _ => requirement.personal_area_level.as_ref(),
    };
    let all_in_country = !allowed.is_empty()
        && allowed
            .iter()
            .all(|kind| matches!(level_of(kind), Some(AreaLevel::Country)));
    let country_filter = (all_in_country && !country_id.is_empty()).then(|| country_id.to_owned());
    (type_filter, country_filter)
}

/// Why only one identity can be used, naming the number and the identity.
fn locked_notice_text(dids: &[Did], identity_id: &str) -> String {
    let locked = dids.iter().find_map(|did| match classify(did) {
        DidCase::Locked {
            identity_id: locked_id,
            identity_name,
        } if locked_id == identity_id => Some((did, identity_name)),
        _ => None,
    });
    let (number, name) = match locked {
        Some((did, name)) => {
            let prefix = did
                .country
                .as_ref()
                .and_then(|country| country.prefix.as_deref());
            (
                format_number(&did.number, prefix),
                name.unwrap_or_else(|| identity_id.to_owned()),
            )
        }
        None => ("A selected number".to_owned(), identity_id.to_owned()),
    };
    format!(
        "{number} was activated through end-user registration for the identity {name}. That \
         registration ties the number to this identity, so emergency calling must use the same \
         identity and one of its addresses. To use a different identity, the number would first \
         have to be registered again for that identity in your DIDWW account."
    )
}

/// Whether an identity meets the requirement, or what it lacks.
fn fit_view(missing: &[String]) -> impl IntoView {
    if missing.is_empty() {
        return view! {
            <span class="dwe-option__fit dwe-option__fit--ok">"✓ Meets the requirement"</span>
        }
        .into_any();
    }
    let mut fields = Vec::new();
    let mut reasons = Vec::new();
    for item in missing {
        match item.strip_prefix("Missing: ") {
            Some(field) => fields.push(field.to_owned()),
            None => reasons.push(item.clone()),
        }
    }
    if !fields.is_empty() {
        reasons.push(format!("Missing: {}", fields.join(", ")));
    }
    view! {
        <span class="dwe-option__fit dwe-option__fit--missing">
            {format!("✕ Cannot be used. {}.", reasons.join(". "))}
        </span>
    }
    .into_any()
}

/// The button that opens an unverified identity for completing or correcting; nothing for a
/// verified identity or one whose type the requirement refuses (no edit can fix that).
fn edit_action(
    identity: &Identity,
    fits: bool,
    type_accepted: bool,
    set_editing: WriteSignal<Option<Identity>>,
) -> impl IntoView {
    if !type_accepted || !can_edit_identity(identity) {
        return ().into_any();
    }
    let label = if fits {
        "Edit"
    } else {
        "Complete this identity"
    };
    let test_id = format!("identity-edit-{}", identity.id);
    let identity = identity.clone();
    view! {
        <button
            type="button"
            class="dwe-button dwe-button--secondary dwe-button--small"
            data-testid=test_id
            on:click=move |_| set_editing.set(Some(identity.clone()))
        >
            {label}
        </button>
    }
    .into_any()
}
