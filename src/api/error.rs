//! Every way a request can fail, and the plain words the user reads for each.

use crate::jsonapi::ErrorObject;
use crate::model::DecodeError;

/// A failed API call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS refusal or a dropped connection.
    #[error("network failure: {0}")]
    Network(String),
    /// No answer arrived in time; the server may still have acted on it.
    #[error("the request timed out")]
    Timeout,
    /// The request was cancelled because the user moved on.
    #[error("the request was cancelled")]
    Aborted,
    /// 401: the API key was missing or refused.
    #[error("the API key is missing or was refused")]
    Unauthorized,
    /// 403: the account may not do this (for emergency: no emergency calling plan).
    #[error("forbidden")]
    Forbidden(Vec<ErrorObject>),
    /// 404: the record does not exist (or is not visible to this account).
    #[error("not found")]
    NotFound(Vec<ErrorObject>),
    /// 422: the server refused the data; each error may point at a field.
    #[error("the data was refused")]
    Validation(Vec<ErrorObject>),
    /// 429: too many requests; retry after the given number of seconds when known.
    #[error("rate limited")]
    RateLimited {
        /// Seconds from `Retry-After`, when the server sent it.
        retry_after_seconds: Option<u64>,
    },
    /// Another 4xx, with whatever errors the server listed.
    #[error("request refused with status {status}")]
    Refused {
        /// HTTP status.
        status: u16,
        /// Error objects, possibly empty.
        errors: Vec<ErrorObject>,
    },
    /// 5xx: the proxy or DIDWW failed.
    #[error("server error {status}")]
    Server {
        /// HTTP status.
        status: u16,
    },
    /// The body was not the JSON:API document expected (an HTML error page, an empty or
    /// truncated body, or a record of the wrong shape).
    #[error("unexpected response (status {status}): {reason}")]
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
        /// What was wrong with it, for the details line.
        reason: String,
    },
    /// The app's own configuration is unusable (for example no valid API base URL).
    #[error("configuration problem: {0}")]
    Configuration(String),
    /// Demo mode's simulator module could not be fetched or started.
    #[error("the demo module could not be loaded: {0}")]
    DemoUnavailable(String),
}

impl ApiError {
    /// Builds the error for a decoding failure of a successful response.
    pub fn from_decode(status: u16, error: DecodeError) -> Self {
        Self::UnexpectedResponse {
            status,
            reason: error.to_string(),
        }
    }

    /// What happened, in plain words, for the top of an error message.
    pub fn message(&self) -> String {
        match self {
            Self::Network(_) => {
                "The API could not be reached. Check your connection and the proxy address."
                    .to_owned()
            }
            Self::Timeout => "The API took too long to answer.".to_owned(),
            Self::Aborted => "The request was cancelled.".to_owned(),
            Self::Unauthorized => "The API key is missing or was refused.".to_owned(),
            Self::Forbidden(errors) => first_message(errors).unwrap_or_else(|| {
                "This account is not allowed to do this. Emergency registration needs an \
                 emergency calling plan on the account."
                    .to_owned()
            }),
            Self::NotFound(_) => "The record was not found. It may have been removed.".to_owned(),
            Self::Validation(errors) => first_message(errors)
                .map(|message| format!("The data was refused: {message}"))
                .unwrap_or_else(|| "The data was refused.".to_owned()),
            Self::RateLimited {
                retry_after_seconds: Some(1),
            } => "Too many requests. Please wait 1 second.".to_owned(),
            Self::RateLimited {
                retry_after_seconds: Some(seconds),
            } => {
                format!("Too many requests. Please wait {seconds} seconds.")
            }
            Self::RateLimited {
                retry_after_seconds: None,
            } => "Too many requests. Please wait a moment.".to_owned(),
            Self::Refused { status, errors } => first_message(errors)
                .unwrap_or_else(|| format!("The API refused the request (status {status}).")),
            Self::Server { status } => {
                format!("The API or the proxy failed (status {status}).")
            }
            Self::UnexpectedResponse { status, reason } => format!(
                "The proxy or API answered something unexpected (status {status}): {reason}."
            ),
            Self::Configuration(problem) => format!("The app is not configured: {problem}."),
            Self::DemoUnavailable(_) => "The built-in demo could not be loaded.".to_owned(),
        }
    }

    /// What the user can do next, in plain words.
    pub fn next_action(&self) -> &'static str {
        match self {
            Self::Network(_) | Self::Timeout | Self::Server { .. } => {
                "What you typed is kept: try again. If it keeps failing, check Settings."
            }
            Self::Aborted => "Nothing to do.",
            Self::Unauthorized => "Enter a valid API key in Settings, then try again.",
            Self::Forbidden(_) => "Contact your DIDWW account manager or provider.",
            Self::NotFound(_) => "Go back and choose again.",
            Self::Validation(_) | Self::Refused { .. } => "Correct the marked fields and retry.",
            Self::RateLimited { .. } => "Wait, then try again.",
            Self::UnexpectedResponse { status, .. } if *status >= 500 => {
                "What you typed is kept: try again in a moment. If it keeps happening, check \
                 that the proxy forwards to DIDWW."
            }
            Self::UnexpectedResponse { .. } => {
                "Try again. If it keeps happening, check that the proxy forwards to DIDWW."
            }
            Self::Configuration(_) => "Open Settings and correct the configuration.",
            Self::DemoUnavailable(_) => {
                "Try again. If it keeps failing, the demo's files may be missing where this \
                 page is served; to use your own DIDWW account instead, set the API base in \
                 Settings."
            }
        }
    }

    /// True when retrying the same GET may succeed: no answer, a rate limit, or a failure
    /// of the server or the proxy (5xx, whatever its body).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network(_) | Self::Timeout | Self::RateLimited { .. } | Self::Server { .. } => {
                true
            }
            Self::UnexpectedResponse { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// The server's error objects, when it sent any.
    pub fn errors(&self) -> &[ErrorObject] {
        match self {
            Self::Forbidden(errors)
            | Self::NotFound(errors)
            | Self::Validation(errors)
            | Self::Refused { errors, .. } => errors,
            _ => &[],
        }
    }
}

fn first_message(errors: &[ErrorObject]) -> Option<String> {
    errors
        .iter()
        .find_map(ErrorObject::message)
        .map(str::to_owned)
}
