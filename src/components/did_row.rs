//! One number in the list of numbers to register.

use leptos::prelude::*;

use crate::domain::selection::classify;
use crate::model::Did;

/// The number for reading: `+`, the country prefix, then short groups ("+370 5203 2401").
///
/// Only the display changes; the stored number is never altered.
pub fn format_number(number: &str, country_prefix: Option<&str>) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return number.to_owned();
    }
    let prefix = country_prefix
        .filter(|prefix| !prefix.is_empty() && digits.starts_with(*prefix))
        .unwrap_or("");
    let national = &digits[prefix.len()..];
    let grouped = group_digits(national);
    if prefix.is_empty() {
        format!("+{grouped}")
    } else {
        format!("+{prefix} {grouped}")
    }
}

/// Splits digits into groups of three with a last group of four ("212 555 1234"), or into
/// fours when that divides evenly ("5203 2401"); six digits or fewer stay whole.
fn group_digits(digits: &str) -> String {
    let length = digits.len();
    if length <= 6 {
        return digits.to_owned();
    }
    let mut sizes = Vec::new();
    if length.is_multiple_of(4) {
        sizes.resize(length / 4, 4);
    } else {
        let mut rest = length - 4;
        while rest > 0 {
            let size = if rest == 4 { 4 } else { rest.min(3) };
            sizes.push(size);
            rest -= size;
        }
        sizes.push(4);
    }
    let mut groups = Vec::new();
    let mut start = 0;
    for size in sizes {
        groups.push(&digits[start..start + size]);
        start += size;
    }
    groups.join(" ")
}

/// A table row: the checkbox, the number, where it is, and its registration case.
///
/// A number that already belongs to a calling service has no usable checkbox. A refused
/// selection shows its reason inline and describes the checkbox with it; the step announces
/// the refusal through the app's live region, so the row itself is not a live region.
#[component]
pub fn DidRow(
    /// The number.
    did: Did,
    /// Whether it is selected.
    #[prop(into)]
    is_selected: Signal<bool>,
    /// Why selecting it was refused, if it was.
    #[prop(into)]
    refusal: Signal<Option<String>>,
    /// Called with the checkbox's new state; answers whether that state stands (a refused
    /// selection puts the checkbox back).
    #[prop(into)]
    on_toggle: Callback<bool, bool>,
) -> impl IntoView {
    let case = classify(&did);
    let is_selectable = case.is_selectable();
    let prefix = did
        .country
        .as_ref()
        .and_then(|country| country.prefix.clone());
    let number = format_number(&did.number, prefix.as_deref());
    let country = did
        .country
        .as_ref()
        .map(|country| country.name.clone())
        .unwrap_or_default();
    let group_type = did
        .group_type
        .as_ref()
        .map(|kind| kind.name.clone())
        .unwrap_or_default();
    let area = did.area_name.clone().unwrap_or_default();
    let checkbox_label = format!("Select {number}");
    let refusal_id = format!("did-refusal-{}", did.id);
    let case_class = format!("dwe-did-row__case dwe-did-row__case--{}", case.as_str());
    let refusal_test_id = format!("did-refusal-{}", did.id);

    view! {
        <tr
            class="dwe-did-row"
            class:dwe-did-row--selected=move || is_selected.get()
            class:dwe-did-row--unavailable=!is_selectable
            data-testid=format!("did-row-{}", did.id)
        >
            <td class="dwe-did-row__select">
                <input
                    type="checkbox"
                    class="dwe-checkbox"
                    data-testid=format!("did-select-{}", did.id)
                    aria-label=checkbox_label
                    aria-describedby=move || {
                        refusal.with(Option::is_some).then(|| refusal_id.clone())
                    }
                    disabled=!is_selectable
                    prop:checked=move || is_selected.get()
                    on:change=move |event| {
                        let is_checked = event_target_checked(&event);
                        if !on_toggle.run(is_checked) {
                            let input: web_sys::HtmlInputElement = event_target(&event);
                            input.set_checked(!is_checked);
                        }
                    }
                />
            </td>
            <td class="dwe-did-row__number">
                <span class="dwe-did-row__digits">{number}</span>
                {did
                    .description
                    .clone()
                    .map(|description| {
                        view! { <span class="dwe-did-row__description">{description}</span> }
                    })}
                {move || {
                    refusal
                        .get()
                        .map(|message| {
                            view! {
                                <p
                                    class="dwe-did-row__refusal"
                                    id=refusal_test_id.clone()
                                    data-testid=refusal_test_id.clone()
                                >
                                    {message}
                                </p>
                            }
                        })
                }}
            </td>
            <td class="dwe-did-row__country">{country}</td>
            <td class="dwe-did-row__type">{group_type}</td>
            <td class="dwe-did-row__area">{area}</td>
            <td class="dwe-did-row__status">
                <span class=case_class data-testid=format!("did-case-{}", did.id)>
                    {case.label()}
                </span>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_for_reading_after_their_country_prefix() {
        let cases = [
            ("37052032401", Some("370"), "+370 5203 2401"),
            ("12125551234", Some("1"), "+1 212 555 1234"),
            ("442037691880", Some("44"), "+44 203 769 1880"),
            ("37052032401", None, "+370 5203 2401"),
            ("4930123", Some("49"), "+49 30123"),
            ("", Some("1"), ""),
        ];
        for (number, prefix, shown) in cases {
            assert_eq!(format_number(number, prefix), shown, "{number}");
        }
    }
}
