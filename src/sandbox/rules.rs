//! DIDWW's rules: what makes an identity, an address, a requirement validation or an emergency
//! verification acceptable, and the 422 errors that say why not.
//!
//! Every rule collects all its problems before answering, so one round trip shows the user
//! everything that needs fixing, as DIDWW does.

pub(crate) mod address;
pub(crate) mod changes;
pub(crate) mod fields;
pub(crate) mod identity;
pub(crate) mod requirement;
pub(crate) mod verification;

/// DIDWW's limit on `external_reference_id`.
pub(crate) const MAX_REFERENCE_LENGTH: usize = 100;

/// The title DIDWW uses for an over-long `external_reference_id`.
pub(crate) const TOO_LONG: &str = "is too long (maximum is 100 characters)";

/// Whether `errors` already hold an error on attribute `name` (say, a number sent for text),
/// in which case "can't be blank" would only repeat it.
pub(crate) fn already_wrong(errors: &[crate::jsonapi::ErrorObject], name: &str) -> bool {
    let pointer = format!("/data/attributes/{name}");
    errors
        .iter()
        .any(|error| error.pointer() == Some(pointer.as_str()))
}

/// Whether a value is missing for all practical purposes.
pub(crate) fn is_blank(value: Option<&str>) -> bool {
    value.is_none_or(|value| value.trim().is_empty())
}

/// Whether a value is over DIDWW's 100-character limit (characters, not bytes).
pub(crate) fn is_too_long(value: Option<&str>) -> bool {
    value.is_some_and(|value| value.chars().count() > MAX_REFERENCE_LENGTH)
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it.
pub(crate) fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let labels_ok =
        domain.split('.').count() >= 2 && domain.split('.').all(|label| !label.is_empty());
    !local.is_empty()
        && !domain.contains('@')
        && labels_ok
        && !value.chars().any(char::is_whitespace)
}

/// An absolute `http` or `https` URL with a host.
pub(crate) fn is_http_url(value: &str) -> bool {
    let rest = match value.split_once("://") {
        Some((scheme, rest))
            if matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") =>
        {
            rest
        }
        _ => return false,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    !host.is_empty() && !value.chars().any(char::is_whitespace)
}

/// DIDWW accepts only digits in phone numbers (no `+`, spaces or dashes).
pub(crate) fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_need_a_local_part_and_a_dotted_domain() {
        let cases = [
            ("jane.smith@example.com", true),
            ("ops@acme-emergency.example", true),
            ("jane@localhost", false),
            ("@example.com", false),
            ("jane@@example.com", false),
            ("jane smith@example.com", false),
            ("jane@example.", false),
            ("plain", false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_email(value), expected, "{value}");
        }
    }

    #[test]
    fn callback_urls_must_be_absolute_http_or_https_with_a_host() {
        let cases = [
            ("https://example.com/callbacks/emergency", true),
            ("http://127.0.0.1:9000/hook?x=1", true),
            ("HTTPS://EXAMPLE.COM", true),
            ("ftp://example.com/", false),
            ("https://", false),
            ("example.com/hook", false),
            ("https://exa mple.com", false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_http_url(value), expected, "{value}");
        }
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let hundred_letters: String = "ė".repeat(100);
        assert!(!is_too_long(Some(&hundred_letters)));
        assert!(is_too_long(Some(&format!("{hundred_letters}x"))));
    }
}
