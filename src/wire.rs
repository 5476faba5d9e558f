//! Requests and responses as plain data, independent of how they travel.
//!
//! The browser transport turns an [`ApiRequest`] into a `fetch` through the proxy; the simulator
//! answers the very same value in-process (demo mode) or behind its own HTTP server (tests). Paths
//! are relative to the API base, for example `/dids` or `/emergency_verifications/ID`.

/// The JSON:API media type DIDWW speaks, with no parameters.
pub const MEDIA_TYPE: &str = "application/vnd.api+json";

/// The API version this product is written against.
pub const API_VERSION: &str = "2026-04-16";

/// The header that selects the API version.
pub const API_VERSION_HEADER: &str = "X-DIDWW-API-Version";

/// The header that carries the API key.
pub const API_KEY_HEADER: &str = "Api-Key";

/// HTTP methods the flow uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// Read.
    Get,
    /// Create.
    Post,
    /// Update.
    Patch,
    /// Delete.
    Delete,
    /// CORS preflight (only the simulator server sees these).
    Options,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
        }
    }

    /// Parses a method name, case-insensitively.
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().as_str() {
            "GET" => Some(Self::Get),
            "POST" => Some(Self::Post),
            "PATCH" => Some(Self::Patch),
            "DELETE" => Some(Self::Delete),
            "OPTIONS" => Some(Self::Options),
            _ => None,
        }
    }
}

/// One API request. Serializable, because demo mode hands it to the simulator's own module.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiRequest {
    /// The method.
    pub method: Method,
    /// Path below the API base, starting with `/`.
    pub path: String,
    /// Decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    /// Extra headers (the transport adds media types, key and version itself).
    pub headers: Vec<(String, String)>,
    /// JSON body, for POST and PATCH.
    pub body: Option<String>,
}

impl ApiRequest {
    /// A GET of `path`.
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::Get, path, None)
    }

    /// A POST of `body` to `path`.
    pub fn post(path: impl Into<String>, body: String) -> Self {
        Self::new(Method::Post, path, Some(body))
    }

    /// A PATCH of `body` to `path`.
    pub fn patch(path: impl Into<String>, body: String) -> Self {
        Self::new(Method::Patch, path, Some(body))
    }

    fn new(method: Method, path: impl Into<String>, body: Option<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body,
        }
    }

    /// Adds a query parameter.
    pub fn param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.query.push((name.to_owned(), value.into()));
        self
    }

    /// The first value of query parameter `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The first value of header `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }

    /// The path and encoded query string, as appended to the API base.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let pairs: Vec<String> = self
            .query
            .iter()
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect();
        format!("{}?{}", self.path, pairs.join("&"))
    }

    /// The full URL below `base` (which may or may not end with a slash).
    pub fn url(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path_and_query())
    }

    /// Turns a pagination link sent by the server into a GET below our own base.
    ///
    /// Servers write links with their own host (DIDWW's even name a staging host), which a
    /// browser behind a proxy must not call. Only the part after `/v3` and the query are kept.
    pub fn from_link(link: &str) -> Self {
        let (path, query) = split_target(link);
        let path = match path.find("/v3/") {
            Some(index) => &path[index + 3..],
            None => path.rsplit_once('/').map(|(_, last)| last).unwrap_or(path),
        };
        let path = if path.starts_with('/') {
            path.to_owned()
        } else {
            format!("/{path}")
        };
        Self {
            query: parse_query(query),
            ..Self::get(path)
        }
    }
}

/// One API response. Serializable, because demo mode receives it from the simulator's module.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers.
    pub headers: Vec<(String, String)>,
    /// Body text (empty for 204).
    pub body: String,
}

impl ApiResponse {
    /// A JSON:API response with `status` and `body`.
    pub fn json(status: u16, body: String) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".to_owned(), MEDIA_TYPE.to_owned())],
            body,
        }
    }

    /// The first value of header `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// Splits `scheme://host/path?query#fragment` (or a bare `/path?query`) into path and query.
pub fn split_target(target: &str) -> (&str, &str) {
    let target = target.split('#').next().unwrap_or_default();
    let after_scheme = match target.find("://") {
        Some(index) => {
            let rest = &target[index + 3..];
            rest.find('/').map(|slash| &rest[slash..]).unwrap_or("/")
        }
        None => target,
    };
    after_scheme.split_once('?').unwrap_or((after_scheme, ""))
}

/// Decodes an `application/x-www-form-urlencoded` query string.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

/// Decodes percent escapes and `+` as a space; invalid escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(value) => {
                        decoded.push(value);
                        index += 3;
                        continue;
                    }
                    Err(_) => decoded.push(b'%'),
                }
            }
            b'+' => decoded.push(b' '),
            other => decoded.push(other),
        }
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_through_encoding() {
        let request = ApiRequest::get("/dids")
            .param("filter[did_group.features]", "emergency")
            .param("include", "did_group.country,identity");
        let url = request.url("https://proxy.example/v3/");

        assert_eq!(
            url,
            "https://proxy.example/v3/dids?filter%5Bdid_group.features%5D=emergency\
             &include=did_group.country%2Cidentity"
        );
        let (path, query) = split_target(&url);
        assert_eq!(path, "/v3/dids");
        assert_eq!(parse_query(query), request.query);
    }

    #[test]
    fn server_pagination_links_are_rebased_onto_our_own_base() {
        let link = "https://staging-api.didww.com/v3/emergency_requirements?include=country\
                    &page%5Bnumber%5D=2&page%5Bsize%5D=50";
        let request = ApiRequest::from_link(link);

        assert_eq!(request.path, "/emergency_requirements");
        assert_eq!(request.query_value("page[number]"), Some("2"));
        assert_eq!(request.query_value("include"), Some("country"));
    }

    #[test]
    fn broken_percent_escapes_are_kept_literally() {
        assert_eq!(percent_decode("50%"), "50%");
        assert_eq!(percent_decode("a%zzb"), "a%zzb");
        assert_eq!(percent_decode("%C5%81"), "Ł");
    }
}
