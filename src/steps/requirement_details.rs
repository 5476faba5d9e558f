//! What a requirement asks for, in words.

use leptos::prelude::*;

use crate::components::AnnouncerContext;
use crate::domain::form::mandatory_label;
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
    let title = format!("What DIDWW needs for {place}");

    // The details replace a loading line or a choice of country and type: say they are here.
    AnnouncerContext::expect().announce(format!("{title} is shown below."));

    view! {
        <div class="dwe-requirement" data-testid="requirement-details">
            <h2 class="dwe-requirement__title">{title}</h2>
            <div class="dwe-notice dwe-notice--info">
                <p class="dwe-notice__title">"Note from DIDWW"</p>
                <div class="dwe-requirement__restriction" data-testid="requirement-restriction">
                    {restriction_view(requirement.restriction_message.as_deref())}
                </div>
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
                                            {fields
                                                .iter()
                                                .map(|field| mandatory_label(field))
                                                .collect::<Vec<_>>()
                                                .join(", ")}
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

/// DIDWW's note as it wrote it: blank lines part paragraphs, single line breaks stay line
/// breaks (as elements, so they hold whatever stylesheet the page has).
fn restriction_view(message: Option<&str>) -> impl IntoView {
    let message = message
        .filter(|message| !message.trim().is_empty())
        .unwrap_or("DIDWW lists no further restrictions.");
    paragraphs(message)
        .into_iter()
        .map(|lines| {
            let last = lines.len().saturating_sub(1);
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(index, line)| view! { {line} {(index < last).then(|| view! { <br /> })} })
                .collect_view();
            view! { <p>{lines}</p> }
        })
        .collect_view()
}

/// Splits text into paragraphs (at blank lines) of lines, whatever line ends it uses.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    normalised
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect()
}

/// Where an identity may come from, or that this kind is not accepted at all.
fn level_words(level: Option<&AreaLevel>) -> String {
    match level {
        Some(level) => level.label().to_owned(),
        None => "Not accepted".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn line_breaks_of_any_kind_become_lines_and_blank_lines_paragraphs() {
        let text = "Requirements:\r\n\r\n1. Name.\r\n2. Address.\n\n\nApproved first.\rThanks";
        assert_eq!(
            paragraphs(text),
            vec![
                vec!["Requirements:".to_owned()],
                vec!["1. Name.".to_owned(), "2. Address.".to_owned()],
                vec!["Approved first.".to_owned(), "Thanks".to_owned()],
            ]
        );
        assert!(paragraphs(" \n ").is_empty());
    }
}
