//! Faults the server can be told to inject into its next matching requests, so end-to-end
//! tests can show what a client does when a network or a proxy misbehaves: the answer lost
//! after the work was done, a request that never returns, a proxy's HTML error page, an empty
//! or cut-off body, a rate limit.
//!
//! A rule names a method (or any), a path prefix and how many requests it applies to; each
//! matching request uses up one. Preflights are never faulted: browsers send them on their
//! own, and a test means the request its page made.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The longest a `hang` may hold a connection, so a mistaken rule cannot wedge a test run.
const MAX_HANG_MS: u64 = 120_000;

/// How long a `hang` holds the connection unless told otherwise: longer than any client
/// timeout a test would set.
const DEFAULT_HANG_MS: u64 = 30_000;

/// The most requests one rule may apply to.
const MAX_COUNT: u32 = 1_000;

/// What a faulted request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// The connection closes without a byte of answer: the client sees a network failure.
    Drop,
    /// The connection stays silent for `hang_ms`, then closes: the client times out.
    Hang,
    /// A `502 Bad Gateway` HTML page, as a proxy sends when the API is unreachable.
    BadGateway,
    /// `200 OK` with an empty body.
    Empty,
    /// The real status and headers, with the body cut in the middle.
    Truncated,
    /// `429 Too Many Requests` with a `Retry-After` of `retry_after_seconds`.
    RateLimit,
}

impl FaultKind {
    /// Whether the simulator handles the request before the fault hides its answer, unless
    /// the rule says otherwise. A lost or cut answer is the dangerous case (the record exists
    /// and the client cannot tell); a proxy error or a rate limit stops the request before it
    /// reaches the API.
    fn handles_by_default(self) -> bool {
        matches!(
            self,
            Self::Drop | Self::Hang | Self::Empty | Self::Truncated
        )
    }

    /// Whether the fault leaves the client without an answer on its connection.
    pub fn loses_connection(self) -> bool {
        matches!(self, Self::Drop | Self::Hang)
    }
}

/// A rule as a test posts it to `/__sim/faults`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRequest {
    /// What to do to the matching requests.
    pub kind: FaultKind,
    /// The method to match (`GET`, `POST`, …); absent or `*` matches any.
    #[serde(default)]
    pub method: Option<String>,
    /// The path prefix to match, e.g. `/v3/emergency_verifications`.
    pub path: String,
    /// How many matching requests to fault; 1 when absent.
    #[serde(default)]
    pub count: Option<u32>,
    /// Whether the simulator handles the request first; the kind decides when absent.
    #[serde(default)]
    pub handle: Option<bool>,
    /// How long a `hang` holds the connection.
    #[serde(default)]
    pub hang_ms: Option<u64>,
    /// The `Retry-After` of a `rate_limit`, in seconds; 1 when absent.
    #[serde(default)]
    pub retry_after_seconds: Option<u64>,
}

/// An armed rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FaultRule {
    /// What the matching requests get.
    pub kind: FaultKind,
    /// The method matched, upper case; `None` matches any.
    pub method: Option<String>,
    /// The path prefix matched.
    pub path: String,
    /// How many more requests the rule applies to.
    pub remaining: u32,
    /// Whether the simulator handles the request before the fault.
    pub handle: bool,
    /// How long a `hang` holds the connection.
    pub hang_ms: u64,
    /// The `Retry-After` of a `rate_limit`, in seconds.
    pub retry_after_seconds: u64,
}

impl FaultRule {
    /// Checks a posted rule and fills in its defaults.
    pub fn from_request(request: FaultRequest) -> Result<Self, String> {
        if !request.path.starts_with('/') {
            return Err(format!("path {:?} must start with /", request.path));
        }
        let count = request.count.unwrap_or(1);
        if count == 0 || count > MAX_COUNT {
            return Err(format!("count must be between 1 and {MAX_COUNT}"));
        }
        let hang_ms = request.hang_ms.unwrap_or(DEFAULT_HANG_MS);
        if hang_ms > MAX_HANG_MS {
            return Err(format!("hang_ms must be at most {MAX_HANG_MS}"));
        }
        let method = request
            .method
            .map(|method| method.trim().to_ascii_uppercase())
            .filter(|method| !method.is_empty() && method != "*");
        Ok(Self {
            kind: request.kind,
            method,
            path: request.path,
            remaining: count,
            handle: request
                .handle
                .unwrap_or_else(|| request.kind.handles_by_default()),
            hang_ms,
            retry_after_seconds: request.retry_after_seconds.unwrap_or(1),
        })
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let method_matches = self
            .method
            .as_deref()
            .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method));
        method_matches && path.starts_with(&self.path)
    }
}

/// One fault to apply to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// What the request gets.
    pub kind: FaultKind,
    /// Whether the simulator handles the request first.
    pub handle: bool,
    /// How long a `hang` holds the connection.
    pub hang: Duration,
    /// The `Retry-After` of a `rate_limit`, in seconds.
    pub retry_after_seconds: u64,
}

/// The armed rules, in the order they were posted, and how many faults were injected.
#[derive(Debug, Default)]
pub struct Faults {
    rules: Vec<FaultRule>,
    injected: u64,
}

impl Faults {
    /// Arms one more rule from a posted JSON body.
    pub fn arm(&mut self, body: &str) -> Result<(), String> {
        let request: FaultRequest = serde_json::from_str(body)
            .map_err(|error| format!("the fault is not understood: {error}"))?;
        self.rules.push(FaultRule::from_request(request)?);
        Ok(())
    }

    /// The fault for a request, using up one match of the first rule it matches; preflights
    /// never match.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        if method.eq_ignore_ascii_case("OPTIONS") {
            return None;
        }
        let index = self
            .rules
            .iter()
            .position(|rule| rule.matches(method, path))?;
        let rule = &mut self.rules[index];
        let fault = Fault {
            kind: rule.kind,
            handle: rule.handle,
            hang: Duration::from_millis(rule.hang_ms),
            retry_after_seconds: rule.retry_after_seconds,
        };
        rule.remaining -= 1;
        if rule.remaining == 0 {
            self.rules.remove(index);
        }
        self.injected += 1;
        Some(fault)
    }

    /// Whether an armed rule will leave a client without an answer. While one is, the
    /// server closes every connection after its answer: browsers silently resend a request
    /// whose reused keep-alive connection closed without an answer, even a `POST`, which
    /// would hide the very failure a test wants the page to meet.
    pub fn will_lose_a_connection(&self) -> bool {
        self.rules.iter().any(|rule| rule.kind.loses_connection())
    }

    /// Disarms every rule; the count of injected faults stays.
    pub fn clear(&mut self) {
        self.rules.clear();
    }

    /// The armed rules and the count of injected faults, for the control endpoint.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "pending": self.rules, "injected": self.injected })
    }

    /// How many faults were injected since the server started or was reset.
    pub fn injected(&self) -> u64 {
        self.injected
    }
}

/// The body of the `bad_gateway` page, as a proxy in front of an unreachable API sends it.
pub const BAD_GATEWAY_PAGE: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n\
    <body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

/// The first half of `body`, cut on a character boundary.
pub fn truncate(body: &str) -> &str {
    let mut cut = body.len() / 2;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    &body[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn armed(rules: &[&str]) -> Faults {
        let mut faults = Faults::default();
        for rule in rules {
            faults.arm(rule).expect("a valid rule");
        }
        faults
    }

    #[test]
    fn a_rule_applies_to_as_many_matching_requests_as_it_says_then_disarms() {
        let mut faults = armed(&[
            r#"{"kind":"drop","method":"post","path":"/v3/emergency_verifications","count":2}"#,
        ]);

        assert_eq!(faults.take("GET", "/v3/emergency_verifications"), None);
        assert_eq!(faults.take("OPTIONS", "/v3/emergency_verifications"), None);
        assert_eq!(faults.take("POST", "/v3/identities"), None);
        let first = faults.take("POST", "/v3/emergency_verifications");
        let second = faults.take("POST", "/v3/emergency_verifications/abc");
        let third = faults.take("POST", "/v3/emergency_verifications");

        assert_eq!(first.map(|fault| fault.kind), Some(FaultKind::Drop));
        assert_eq!(first.map(|fault| fault.handle), Some(true));
        assert!(second.is_some());
        assert_eq!(third, None);
        assert_eq!(faults.injected(), 2);
        assert!(!faults.will_lose_a_connection());
    }

    #[test]
    fn rules_apply_in_the_order_they_were_armed_and_any_method_matches_without_one() {
        let mut faults = armed(&[
            r#"{"kind":"rate_limit","path":"/v3/dids","retry_after_seconds":3}"#,
            r#"{"kind":"bad_gateway","method":"*","path":"/v3/"}"#,
        ]);

        let first = faults.take("GET", "/v3/dids").expect("the first rule");
        let second = faults.take("GET", "/v3/dids").expect("the second rule");

        assert_eq!(first.kind, FaultKind::RateLimit);
        assert_eq!(first.retry_after_seconds, 3);
        assert!(!first.handle);
        assert_eq!(second.kind, FaultKind::BadGateway);
        assert_eq!(faults.take("GET", "/v3/dids"), None);
    }

    #[test]
    fn the_kind_decides_whether_the_request_is_handled_unless_the_rule_says() {
        let mut faults = armed(&[
            r#"{"kind":"hang","path":"/v3/a","hang_ms":500}"#,
            r#"{"kind":"truncated","path":"/v3/b","handle":false}"#,
            r#"{"kind":"empty","path":"/v3/c"}"#,
        ]);
        assert!(faults.will_lose_a_connection());

        let hang = faults.take("POST", "/v3/a").expect("a hang");
        let truncated = faults.take("GET", "/v3/b").expect("a truncation");
        let empty = faults.take("GET", "/v3/c").expect("an empty answer");

        assert!(hang.handle);
        assert_eq!(hang.hang, Duration::from_millis(500));
        assert!(!truncated.handle);
        assert!(empty.handle);
        assert!(!faults.will_lose_a_connection());
    }

    #[test]
    fn a_bad_rule_is_refused_with_the_reason() {
        let mut faults = Faults::default();
        let cases = [
            (r#"{"kind":"explode","path":"/v3"}"#, "explode"),
            (r#"{"kind":"drop"}"#, "path"),
            (r#"{"kind":"drop","path":"v3"}"#, "must start with /"),
            (r#"{"kind":"drop","path":"/v3","count":0}"#, "count"),
            (
                r#"{"kind":"hang","path":"/v3","hang_ms":999999}"#,
                "hang_ms",
            ),
            (r#"{"kind":"drop","path":"/v3","times":2}"#, "times"),
            ("not json", "not understood"),
        ];
        for (body, expected) in cases {
            let error = faults.arm(body).expect_err(body);
            assert!(error.contains(expected), "{body}: {error}");
        }
        assert_eq!(faults.to_json()["pending"], serde_json::json!([]));
    }

    #[test]
    fn clearing_disarms_every_rule_and_a_cut_body_ends_on_a_character() {
        let mut faults = armed(&[r#"{"kind":"drop","path":"/"}"#]);
        faults.clear();
        assert_eq!(faults.take("GET", "/v3/dids"), None);

        assert_eq!(truncate(r#"{"data":[]}"#), r#"{"dat"#);
        assert_eq!(truncate("ąčę"), "ą");
        assert_eq!(truncate(""), "");
    }
}
