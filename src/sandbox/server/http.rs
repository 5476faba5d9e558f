//! Just enough HTTP/1.1 for a browser and a test client: request line, headers,
//! `Content-Length` bodies and keep-alive. Anything else is answered, never panicked on.

use std::io::{self, BufRead, Read, Write};

/// The longest request line or header line accepted.
const MAX_LINE: u64 = 8 * 1024;

/// The most header lines accepted.
const MAX_HEADERS: usize = 100;

/// The largest body accepted.
pub(super) const MAX_BODY: usize = 1024 * 1024;

/// One parsed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HttpRequest {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub keep_alive: bool,
}

impl HttpRequest {
    /// The first value of header `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What reading the next request produced.
#[derive(Debug)]
pub(super) enum Incoming {
    /// A complete request.
    Request(HttpRequest),
    /// The client closed the connection (or went idle) between requests.
    Closed,
    /// The bytes were not HTTP this server understands: the status to answer, and why.
    Malformed(u16, &'static str),
}

/// Reads the next request from a connection.
pub(super) fn read_request(reader: &mut impl BufRead) -> Incoming {
    let request_line = match read_line(reader) {
        Ok(Some(line)) if line.is_empty() => return Incoming::Malformed(400, "empty request line"),
        Ok(Some(line)) => line,
        Ok(None) | Err(_) => return Incoming::Closed,
    };
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Incoming::Malformed(400, "the request line is not `METHOD TARGET VERSION`");
    };
    if !matches!(version, "HTTP/1.1" | "HTTP/1.0") || !target.starts_with('/') {
        return Incoming::Malformed(400, "only origin-form HTTP/1.0 and HTTP/1.1 are served");
    }

    let mut headers = Vec::new();
    loop {
        let line = match read_line(reader) {
            Ok(Some(line)) => line,
            Ok(None) | Err(_) => return Incoming::Malformed(400, "the headers were cut short"),
        };
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Incoming::Malformed(400, "a header line has no colon");
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
        if headers.len() > MAX_HEADERS {
            return Incoming::Malformed(431, "too many headers");
        }
    }
    let mut request = HttpRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
        keep_alive: false,
    };
    let connection = request
        .header("Connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    request.keep_alive = match version {
        "HTTP/1.1" => !connection.contains("close"),
        _ => connection.contains("keep-alive"),
    };
    if request.header("Transfer-Encoding").is_some() {
        return Incoming::Malformed(411, "send the body with a Content-Length");
    }
    let length = match request
        .header("Content-Length")
        .map(|value| value.parse::<usize>())
    {
        None => 0,
        Some(Ok(length)) if length <= MAX_BODY => length,
        Some(Ok(_)) => return Incoming::Malformed(413, "the body is larger than 1 MiB"),
        Some(Err(_)) => return Incoming::Malformed(400, "Content-Length is not a number"),
    };
    request.body = vec![0; length];
    if reader.read_exact(&mut request.body).is_err() {
        return Incoming::Malformed(400, "the body is shorter than its Content-Length");
    }
    Incoming::Request(request)
}

/// Writes one response.
pub(super) fn write_response(
    writer: &mut impl Write,
    status: u16,
    headers: &[(String, String)],
    body: &str,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    let connection = if keep_alive { "keep-alive" } else { "close" };
    head.push_str(&format!("Connection: {connection}\r\n\r\n"));
    writer.write_all(head.as_bytes())?;
    writer.write_all(body.as_bytes())?;
    writer.flush()
}

/// Reads one CRLF- (or LF-) terminated line; `None` at end of stream.
fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let read = reader.take(MAX_LINE).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if !bytes.ends_with(b"\n") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "line too long or cut short",
        ));
    }
    let line = String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "line is not UTF-8"))?;
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned()))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Incoming {
        read_request(&mut io::BufReader::new(raw.as_bytes()))
    }

    #[test]
    fn a_request_with_a_body_is_read_whole() {
        let raw = "POST /v3/identities?include=country HTTP/1.1\r\nHost: x\r\n\
                   Content-Length: 7\r\napi-key: secret\r\n\r\n{\"a\":1}";
        let Incoming::Request(request) = parse(raw) else {
            panic!("a valid request")
        };

        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/v3/identities?include=country");
        assert_eq!(request.header("Api-Key"), Some("secret"));
        assert_eq!(request.body, b"{\"a\":1}");
        assert!(request.keep_alive);
    }

    #[test]
    fn broken_requests_are_answered_with_a_status_instead_of_a_crash() {
        let cases = [
            ("\r\n", 400),
            ("GET\r\n\r\n", 400),
            ("GET /v3/dids HTTP/2\r\n\r\n", 400),
            ("GET http://elsewhere/ HTTP/1.1\r\n\r\n", 400),
            ("GET /v3/dids HTTP/1.1\r\nNoColon\r\n\r\n", 400),
            ("GET /v3/dids HTTP/1.1\r\nHost: x\r\n", 400),
            ("POST /v3/dids HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400),
            ("POST /v3/dids HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", 400),
            (
                "POST /v3/dids HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n",
                413,
            ),
            (
                "POST /v3/dids HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                411,
            ),
        ];
        for (raw, expected) in cases {
            match parse(raw) {
                Incoming::Malformed(status, _) => assert_eq!(status, expected, "{raw:?}"),
                other => panic!("{raw:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn an_idle_connection_that_closes_is_not_an_error() {
        assert!(matches!(parse(""), Incoming::Closed));
    }

    #[test]
    fn http_one_zero_closes_unless_asked_to_keep_alive() {
        let Incoming::Request(request) = parse("GET / HTTP/1.0\r\n\r\n") else {
            panic!()
        };
        assert!(!request.keep_alive);
        let raw = "GET / HTTP/1.1\r\nConnection: close\r\n\r\n";
        let Incoming::Request(request) = parse(raw) else {
            panic!()
        };
        assert!(!request.keep_alive);
    }
}
