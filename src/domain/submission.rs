//! The moment of submission: one reference per attempt and callback checks.

use crate::jsonapi::ErrorObject;
use crate::model::CallbackMethod;

/// DIDWW's limit for `external_reference_id`.
pub const MAX_REFERENCE_LENGTH: usize = 100;

/// A reference unique to one registration attempt, so that a lost answer can be looked up
/// with `filter[external_reference_id]` instead of posting twice.
///
/// `prefix` is the partner's (cut to fit), `now_ms` the time and `entropy` a random number.
pub fn new_attempt_reference(prefix: &str, now_ms: f64, entropy: u32) -> String {
    let clean: String = prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(60)
        .collect();
    let stamp = now_ms.max(0.0) as u64;
    let reference = if clean.is_empty() {
        format!("{stamp:x}-{entropy:08x}")
    } else {
        format!("{clean}-{stamp:x}-{entropy:08x}")
    };
    reference.chars().take(MAX_REFERENCE_LENGTH).collect()
}

/// Checks an `external_reference_id` a partner supplies for the attempt: 1 to 100
/// characters, no control characters, surrounding spaces dropped.
pub fn check_partner_reference(supplied: &str) -> Result<String, String> {
    let reference = supplied.trim();
    if reference.is_empty() {
        return Err("the supplied reference is empty".to_owned());
    }
    if reference.chars().count() > MAX_REFERENCE_LENGTH {
        return Err(format!(
            "the supplied reference is longer than {MAX_REFERENCE_LENGTH} characters"
        ));
    }
    if reference.chars().any(char::is_control) {
        return Err("the supplied reference contains control characters".to_owned());
    }
    Ok(reference.to_owned())
}

/// Checks the optional callback: an https URL with a method, or nothing at all.
pub fn check_callback(
    url: &str,
    method: Option<&str>,
) -> Result<Option<(String, CallbackMethod)>, String> {
    let url = url.trim();
    let method = method.map(str::trim).filter(|method| !method.is_empty());
    if url.is_empty() {
        return Ok(None);
    }

    // Schemes are case-insensitive: `HTTPS://` is the same address, sent as `https://`.
    let scheme = url
        .get(..8)
        .filter(|scheme| scheme.eq_ignore_ascii_case("https://"));
    let Some(rest) = scheme.map(|_| &url[8..]) else {
        return Err("The callback URL must start with https://".to_owned());
    };
    let url = format!("https://{rest}");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) || url.contains(' ') {
        return Err("Enter a complete callback URL, like https://example.com/emergency".to_owned());
    }
    match method.map(CallbackMethod::parse) {
        Some(method @ (CallbackMethod::Get | CallbackMethod::Post)) => Ok(Some((url, method))),
        Some(CallbackMethod::Other(_)) => Err("Choose GET or POST as the callback method".into()),
        None => Err("Choose how DIDWW should call the callback URL (GET or POST)".to_owned()),
    }
}

/// The DID whose refusal says it "can be used only with" another identity, when the
/// submission was refused for that: its identity is the one to choose.
pub fn did_needing_its_own_identity(errors: &[ErrorObject]) -> Option<String> {
    errors.iter().find_map(|error| {
        let message = error.message()?.to_lowercase();
        if !message.contains("can be used only with identity") {
            return None;
        }
        let pointer = error.pointer()?;
        pointer
            .strip_prefix("/data/relationships/dids/")
            .map(|id| id.trim_end_matches('/').to_owned())
            .filter(|id| !id.is_empty() && !id.contains('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_mismatch_names_the_did_whose_identity_must_be_chosen() {
        let mismatch = ErrorObject::validation(
            422,
            "/data/relationships/dids/did-7",
            "can be used only with Identity Business - Vilnius Test Works UAB",
            "dids/did-7 - can be used only with Identity Business - Vilnius Test Works UAB",
        );
        let other = ErrorObject::validation(
            422,
            "/data/relationships/dids/did-8",
            "is already assigned to another Emergency Calling Service",
            "dids/did-8 - is already assigned to another Emergency Calling Service",
        );

        assert_eq!(
            did_needing_its_own_identity(&[other.clone(), mismatch]),
            Some("did-7".to_owned())
        );
        assert_eq!(did_needing_its_own_identity(&[other]), None);
        assert_eq!(did_needing_its_own_identity(&[]), None);
    }

    #[test]
    fn attempt_references_are_unique_short_and_clean() {
        let first = new_attempt_reference("partner 42!", 1_700_000_000_000.0, 7);
        let second = new_attempt_reference("partner 42!", 1_700_000_000_000.0, 8);
        assert_ne!(first, second);
        assert!(first.starts_with("partner42-"));
        let long = new_attempt_reference(&"x".repeat(300), 1.0, u32::MAX);
        assert!(long.len() <= MAX_REFERENCE_LENGTH);
    }

    #[test]
    fn a_partners_reference_is_used_when_it_fits_dids_limits() {
        assert_eq!(
            check_partner_reference("  crm-4711 "),
            Ok("crm-4711".to_owned())
        );
        assert_eq!(
            check_partner_reference(&"é".repeat(100)).map(|reference| reference.len()),
            Ok(200)
        );
        for bad in ["", "   ", "tab\there", &"x".repeat(101)] {
            assert!(check_partner_reference(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn callbacks_need_https_and_a_method() {
        assert_eq!(check_callback("", None), Ok(None));
        assert!(check_callback("http://example.com/cb", Some("post")).is_err());
        assert!(check_callback("https://example.com/cb", None).is_err());
        assert!(check_callback("https:///cb", Some("get")).is_err());
        assert_eq!(
            check_callback(" https://example.com/cb ", Some("GET")),
            Ok(Some((
                "https://example.com/cb".to_owned(),
                CallbackMethod::Get
            )))
        );
        assert_eq!(
            check_callback("HTTPS://example.com/cb", Some("post")),
            Ok(Some((
                "https://example.com/cb".to_owned(),
                CallbackMethod::Post
            ))),
            "the scheme is read in any case"
        );
        assert!(check_callback("HTTP://example.com/cb", Some("post")).is_err());
    }
}
