//! What a requirement asks for, in words.

use leptos::prelude::*;

use crate::model::{AreaLevel, EmergencyRequirement};

/// Prices, setup time, accepted identities, where the address must be, the mandatory fields
/// exactly as DIDWW lists them, and DIDWW's own note (shown as text, line breaks kept).
#[component]
pub(super) fn RequirementDetails(
    /// The requirement to describe.
    requirement: EmergencyRequirement,
) -> impl IntoView {
    let place = match (&requirement.country, &requirement.group_type) {
        (Some(country), Some(kind)) => format!("{} numbers in {}", kind.name, country.name),
        _ => "these numbers".to_owned(),
    };
    let setup_time = requirement
        .estimate_setup_time
        .clone()
        .map(|time| format!("Estimated setup time: {time}"))
        .unwrap_or_else(|| "Estimated setup time: not stated by DIDWW".to_owned());
    let identity_type = requirement
        .identity_type
        .as_ref()
        .map(|kind| kind.label().to_owned())
        .unwrap_or_else(|| "Not stated".to_owned());
    let personal_level = level_words(requirement.personal_area_level.as_ref());
    let business_level = level_words(requirement.business_area_level.as_ref());
    let address_level = requirement
        .address_area_level
        .as_ref()
        .map(|level| level.label().to_owned())
        .unwrap_or_else(|| "Not stated".to_owned());
    let field_lists = [
        (
            "Personal identity",
            requirement.personal_mandatory_fields.clone(),
        ),
        (
            "Business identity",
            requirement.business_mandatory_fields.clone(),
        ),
        ("Address", requirement.address_mandatory_fields.clone()),
    ];
    let has_mandatory = field_lists.iter().any(|(_, fields)| !fields.is_empty());

    view! {
        <div class="dwe-requirement" data-testid="requirement-details">
            <h2 class="dwe-requirement__title">{format!("What DIDWW needs for {place}")}</h2>
            <div class="dwe-notice dwe-notice--info">
                <p class="dwe-notice__title">"Note from DIDWW"</p>
                <p class="dwe-requirement__restriction" data-testid="requirement-restriction">
                    {requirement
                        .restriction_message
                        .clone()
                        .unwrap_or_else(|| "DIDWW lists no further restrictions.".to_owned())}
                </p>
            </div>
            <dl class="dwe-summary-list">
                <div class="dwe-summary-list__row">
                    <dt>"Setup, per number"</dt>
                    <dd data-testid="requirement-setup-price">
                        {requirement.setup_price.display()}
                    </dd>
                </div>
                <div class="dwe-summary-list__row">
                    <dt>"Monthly, per number"</dt>
                    <dd data-testid="requirement-monthly-price">
                        {requirement.monthly_price.display()}
                    </dd>
                </div>
                <div class="dwe-summary-list__row">
                    <dt>"Identity accepted"</dt>
                    <dd data-testid="requirement-identity-type">{identity_type}</dd>
                </div>
                <div class="dwe-summary-list__row">
                    <dt>"Personal identity"</dt>
                    <dd data-testid="requirement-personal-level">{personal_level}</dd>
                </div>
                <div class="dwe-summary-list__row">
                    <dt>"Business identity"</dt>
                    <dd data-testid="requirement-business-level">{business_level}</dd>
                </div>
                <div class="dwe-summary-list__row">
                    <dt>"Address location"</dt>
                    <dd data-testid="requirement-address-level">{address_level}</dd>
                </div>
            </dl>
            <p class="dwe-requirement__time" data-testid="requirement-setup-time">{setup_time}</p>
            <div class="dwe-requirement__fields" data-testid="requirement-fields">
                <h3 class="dwe-requirement__subtitle">"Information to provide"</h3>
                <p>
                    "Always: the name and phone number of the identity, and the street, city and \
                     postal code of the address."
                </p>
                {if has_mandatory {
                    view! {
                        <ul class="dwe-requirement__list">
                            {field_lists
                                .into_iter()
                                .filter(|(_, fields)| !fields.is_empty())
                                .map(|(owner, fields)| {
                                    view! {
                                        <li>
                                            <span class="dwe-requirement__owner">
                                                {format!("{owner}: ")}
                                            </span>
                                            {fields.join(", ")}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                } else {
                    view! { <p>"No further fields are mandatory."</p> }.into_any()
                }}
            </div>
        </div>
    }
}

/// Where an identity may come from, or that this kind is not accepted at all.
fn level_words(level: Option<&AreaLevel>) -> String {
    match level {
        Some(level) => level.label().to_owned(),
        None => "Not accepted".to_owned(),
    }
}
