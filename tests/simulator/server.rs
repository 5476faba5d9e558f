//! The simulator over real HTTP on 127.0.0.1: CORS, keep-alive, the control endpoints, the
//! API key, broken requests, and the `didww-sim` binary itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use didww_emergency::sandbox::server::{serve, ServerConfig};
use serde_json::Value;

/// A parsed response.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

fn start(config: ServerConfig) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let address = listener.local_addr().expect("a bound address");
    // The thread serves until the test process ends.
    thread::spawn(move || serve(listener, config));
    address
}

fn connect(address: SocketAddr) -> BufReader<TcpStream> {
    let stream = TcpStream::connect(address).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    BufReader::new(stream)
}

fn exchange(connection: &mut BufReader<TcpStream>, raw: &str) -> Response {
    connection
        .get_mut()
        .write_all(raw.as_bytes())
        .expect("the request is sent");
    read_response(connection)
}

fn read_response(connection: &mut BufReader<TcpStream>) -> Response {
    let mut status_line = String::new();
    connection
        .read_line(&mut status_line)
        .expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status");
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        connection.read_line(&mut line).expect("a header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').expect("a header");
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, value)| value.parse().ok())
        .expect("a Content-Length");
    let mut body = vec![0; length];
    connection.read_exact(&mut body).expect("the whole body");
    Response {
        status,
        headers,
        body: String::from_utf8(body).expect("UTF-8"),
    }
}

fn request(address: SocketAddr, raw: &str) -> Response {
    exchange(&mut connect(address), raw)
}

#[test]
fn the_server_answers_the_api_with_cors_for_the_calling_origin() {
    let address = start(ServerConfig::default());

    let response = request(
        address,
        "GET /v3/dids?filter%5Bdid_group.features%5D=emergency HTTP/1.1\r\nHost: x\r\n\
         Origin: http://127.0.0.1:8080\r\nAccept: application/vnd.api+json\r\n\
         Connection: close\r\n\r\n",
    );

    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("Content-Type"),
        Some("application/vnd.api+json")
    );
    assert_eq!(
        response.header("Access-Control-Allow-Origin"),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(response.header("Vary"), Some("Origin"));
    assert_eq!(response.header("Connection"), Some("close"));
    assert_eq!(response.json()["meta"]["api_version"], "2026-04-16");
}

#[test]
fn a_preflight_is_answered_with_no_content_and_the_allowed_methods_and_headers() {
    let address = start(ServerConfig::default());

    let response = request(
        address,
        "OPTIONS /v3/emergency_verifications HTTP/1.1\r\nHost: x\r\n\
         Origin: http://localhost:5173\r\n\
         Access-Control-Request-Method: POST\r\n\
         Access-Control-Request-Headers: api-key, content-type, x-didww-api-version\r\n\r\n",
    );

    assert_eq!(response.status, 204);
    assert_eq!(response.body, "");
    assert_eq!(
        response.header("Access-Control-Allow-Origin"),
        Some("http://localhost:5173")
    );
    let methods = response
        .header("Access-Control-Allow-Methods")
        .expect("methods");
    for method in ["GET", "POST", "PATCH", "DELETE", "OPTIONS"] {
        assert!(methods.contains(method), "{methods}");
    }
    let headers = response
        .header("Access-Control-Allow-Headers")
        .expect("headers")
        .to_lowercase();
    for header in ["accept", "content-type", "api-key", "x-didww-api-version"] {
        assert!(headers.contains(header), "{headers}");
    }
}

#[test]
fn one_connection_carries_several_requests_including_a_post_with_a_body() {
    let address = start(ServerConfig::default());
    let mut connection = connect(address);

    let body = r#"{"data":{"type":"identities","attributes":{"identity_type":"personal",
        "first_name":"Jūratė","last_name":"Example","phone_number":"37060000000"}}}"#;
    let created = exchange(
        &mut connection,
        &format!(
            "POST /v3/identities HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.api+json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.header("Connection"), Some("keep-alive"));
    let id = created.json()["data"]["id"]
        .as_str()
        .expect("an id")
        .to_owned();

    let shown = exchange(
        &mut connection,
        &format!("GET /v3/identities/{id} HTTP/1.1\r\nHost: x\r\n\r\n"),
    );
    assert_eq!(shown.status, 200);
    assert_eq!(shown.json()["data"]["attributes"]["first_name"], "Jūratė");
}

#[test]
fn the_api_key_is_enforced_and_the_stats_only_say_whether_one_was_seen() {
    let address = start(ServerConfig {
        api_key: Some("sim-secret".to_owned()),
        review_delay_ms: 0,
    });

    let refused = request(address, "GET /v3/countries HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(refused.status, 401);
    let stats = request(address, "GET /__sim/stats HTTP/1.1\r\nHost: x\r\n\r\n").json();
    assert_eq!(stats["last_api_key_seen"], false);

    let accepted = request(
        address,
        "GET /v3/countries HTTP/1.1\r\nHost: x\r\nApi-Key: sim-secret\r\n\r\n",
    );
    assert_eq!(accepted.status, 200);
    let stats = request(address, "GET /__sim/stats HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(stats.json()["last_api_key_seen"], true);
    assert_eq!(stats.json()["requests"], 2);
    assert!(!stats.body.contains("sim-secret"));
}

#[test]
fn reset_brings_back_the_seeded_account() {
    let address = start(ServerConfig::default());
    let body = format!(
        r#"{{"data":{{"type":"emergency_verifications","relationships":{{
        "address":{{"data":{{"type":"addresses","id":"{}"}}}},
        "dids":{{"data":[{{"type":"dids","id":"{}"}}]}}}}}}}}"#,
        didww_emergency::sandbox::seed::GUIDE_ADDRESS,
        didww_emergency::sandbox::seed::PORTING_DID,
    );
    let created = request(
        address,
        &format!(
            "POST /v3/emergency_verifications HTTP/1.1\r\nHost: x\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let stats = request(address, "GET /__sim/stats HTTP/1.1\r\n\r\n").json();
    assert_eq!(stats["verifications"], 1);

    let reset = request(
        address,
        "POST /__sim/reset HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    );

    assert_eq!(reset.status, 200);
    assert_eq!(reset.json()["verifications"], 0);
    assert_eq!(reset.json()["requests"], 0);
}

#[test]
fn broken_requests_get_an_error_and_the_server_keeps_serving() {
    let address = start(ServerConfig::default());

    let garbage = request(address, "HELLO\r\n\r\n");
    assert_eq!(garbage.status, 400);
    assert_eq!(garbage.json()["errors"][0]["status"], "400");

    let outside = request(address, "GET /dids HTTP/1.1\r\n\r\n");
    assert_eq!(outside.status, 404);
    let unknown_method = request(address, "TRACE /v3/dids HTTP/1.1\r\n\r\n");
    assert_eq!(unknown_method.status, 405);
    let not_utf8 = request(
        address,
        "POST /v3/identities HTTP/1.1\r\nContent-Length: 2\r\n\r\n\u{00ff}",
    );
    assert_eq!(not_utf8.status, 400);

    assert_eq!(
        request(address, "GET /v3/countries HTTP/1.1\r\n\r\n").status,
        200
    );
}

#[test]
fn the_binary_listens_where_it_is_told_and_says_so() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_didww-sim"))
        .args(["--listen", "127.0.0.1:0", "--review-delay-ms", "0"])
        .env_remove("DIDWW_SIM_API_KEY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the simulator binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a first line");
    let announced = line
        .trim()
        .strip_prefix("didww-sim listening on http://")
        .map(str::to_owned);

    let outcome = announced
        .as_deref()
        .and_then(|address| address.parse::<SocketAddr>().ok())
        .map(|address| {
            request(
                address,
                "GET /v3/emergency_requirements?page%5Bsize%5D=1 HTTP/1.1\r\n\r\n",
            )
        });
    child.kill().expect("the simulator stops");
    let _ = child.wait();

    let response = outcome.unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["meta"]["total_records"], 65);
}
