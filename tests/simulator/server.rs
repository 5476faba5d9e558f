//! The simulator over real HTTP on 127.0.0.1: CORS, keep-alive, the control endpoints, the
//! API key, broken requests, and the `didww-sim` binary itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use didww_emergency::sandbox::server::{serve, ServerConfig};
use didww_emergency::sandbox::Account;
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
        ..ServerConfig::default()
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
    assert_eq!(stats.json()["account"], "guide");
    assert_eq!(stats.json()["rate_limited"], 0);
    assert!(stats.json()["max_requests_per_second"].as_u64() >= Some(1));
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
fn the_server_serves_the_large_account_and_reset_brings_back_the_same_one() {
    let address = start(ServerConfig {
        account: Account::Large,
        ..ServerConfig::default()
    });
    let count_dids = || {
        let dids = request(address, "GET /v3/dids?page%5Bsize%5D=1 HTTP/1.1\r\n\r\n");
        dids.json()["meta"]["total_records"].as_u64()
    };

    let before = count_dids();
    let reset = request(
        address,
        "POST /__sim/reset HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    );

    assert!(before > Some(10_000), "{before:?}");
    assert_eq!(reset.json()["account"], "large");
    assert_eq!(count_dids(), before);
}

#[test]
fn over_the_rate_limit_the_server_answers_429_with_retry_after_and_counts_it() {
    let address = start(ServerConfig {
        rate_limit: Some(2),
        ..ServerConfig::default()
    });
    let mut connection = connect(address);
    let one = "GET /v3/countries HTTP/1.1\r\nHost: x\r\nApi-Key: first\r\n\r\n";

    // Sent in one write, so all four arrive within the same second.
    connection
        .get_mut()
        .write_all(one.repeat(4).as_bytes())
        .expect("the requests are sent");
    let responses: Vec<Response> = (0..4).map(|_| read_response(&mut connection)).collect();
    let other_key = request(
        address,
        "GET /v3/countries HTTP/1.1\r\nApi-Key: second\r\n\r\n",
    );

    let statuses: Vec<u16> = responses.iter().map(|response| response.status).collect();
    assert_eq!(statuses, [200, 200, 429, 429]);
    let refused = &responses[2];
    assert_eq!(refused.header("Retry-After"), Some("1"));
    assert_eq!(
        refused.json(),
        serde_json::json!({ "errors": [{ "status": "429", "detail": "Too Many Requests" }] })
    );
    assert_eq!(other_key.status, 200, "each API key has its own limit");
    let stats = request(address, "GET /__sim/stats HTTP/1.1\r\n\r\n").json();
    assert_eq!(stats["rate_limited"], 2);
    assert_eq!(stats["max_requests_per_second"], 4);
    assert_eq!(
        stats["requests"], 3,
        "refused requests never reach the simulator"
    );

    let reset = request(
        address,
        "POST /__sim/reset HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(reset.json()["rate_limited"], 0);
    assert_eq!(reset.json()["max_requests_per_second"], 0);
}

#[test]
fn a_page_can_read_the_retry_after_of_a_refused_cross_origin_request() {
    let address = start(ServerConfig {
        rate_limit: Some(1),
        ..ServerConfig::default()
    });
    let one = "GET /v3/countries HTTP/1.1\r\nOrigin: http://127.0.0.1:8080\r\n\r\n";
    let mut connection = connect(address);
    connection
        .get_mut()
        .write_all(one.repeat(2).as_bytes())
        .expect("the requests are sent");
    let _admitted = read_response(&mut connection);

    let refused = read_response(&mut connection);

    assert_eq!(refused.status, 429);
    assert_eq!(
        refused.header("Access-Control-Allow-Origin"),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(
        refused.header("Access-Control-Expose-Headers"),
        Some("Retry-After")
    );
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
        .args(["--account", "large", "--rate-limit", "20"])
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
            let response = request(
                address,
                "GET /v3/emergency_requirements?page%5Bsize%5D=1 HTTP/1.1\r\n\r\n",
            );
            let stats = request(address, "GET /__sim/stats HTTP/1.1\r\n\r\n");
            (response, stats)
        });
    child.kill().expect("the simulator stops");
    let _ = child.wait();

    let (response, stats) = outcome.unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["meta"]["total_records"], 65);
    assert_eq!(stats.json()["account"], "large");
}

/// A verification request for the seeded porting DID and address.
fn verification_post() -> String {
    let body = format!(
        r#"{{"data":{{"type":"emergency_verifications","relationships":{{
        "address":{{"data":{{"type":"addresses","id":"{}"}}}},
        "dids":{{"data":[{{"type":"dids","id":"{}"}}]}}}}}}}}"#,
        didww_emergency::sandbox::seed::GUIDE_ADDRESS,
        didww_emergency::sandbox::seed::PORTING_DID,
    );
    format!(
        "POST /v3/emergency_verifications HTTP/1.1\r\nHost: x\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

fn arm(address: SocketAddr, rule: &str) -> Response {
    request(
        address,
        &format!(
            "POST /__sim/faults HTTP/1.1\r\nContent-Length: {}\r\n\r\n{rule}",
            rule.len()
        ),
    )
}

fn stats(address: SocketAddr) -> Value {
    request(address, "GET /__sim/stats HTTP/1.1\r\n\r\n").json()
}

/// Everything the server sends on a connection until it closes it.
fn read_to_close(connection: &mut BufReader<TcpStream>) -> Vec<u8> {
    let mut received = Vec::new();
    connection
        .read_to_end(&mut received)
        .expect("the server closes the connection");
    received
}

#[test]
fn a_dropped_answer_closes_the_connection_after_the_verification_was_created() {
    let address = start(ServerConfig::default());
    let armed = arm(
        address,
        r#"{"kind":"drop","method":"POST","path":"/v3/emergency_verifications"}"#,
    );
    assert_eq!(armed.status, 200, "{}", armed.body);
    assert_eq!(armed.json()["pending"][0]["kind"], "drop");

    let mut connection = connect(address);
    connection
        .get_mut()
        .write_all(verification_post().as_bytes())
        .expect("the request is sent");
    let received = read_to_close(&mut connection);

    assert!(
        received.is_empty(),
        "{}",
        String::from_utf8_lossy(&received)
    );
    let after = stats(address);
    assert_eq!(after["verifications"], 1, "the server did the work");
    assert_eq!(after["faults_injected"], 1);
    let again = request(address, &verification_post());
    assert_eq!(again.status, 422, "the rule was used up: {}", again.body);
    assert!(again.body.contains("already assigned"), "{}", again.body);
}

#[test]
fn a_hang_says_nothing_until_its_time_is_up_then_closes() {
    let address = start(ServerConfig::default());
    arm(
        address,
        r#"{"kind":"hang","path":"/v3/countries","hang_ms":600}"#,
    );
    let mut connection = connect(address);
    connection
        .get_mut()
        .write_all(b"GET /v3/countries HTTP/1.1\r\n\r\n")
        .expect("the request is sent");

    connection
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("a short timeout");
    let mut byte = [0_u8; 1];
    let early = connection.get_mut().read(&mut byte);
    connection
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a long timeout");
    let received = read_to_close(&mut connection);

    assert!(early.is_err(), "nothing arrives at first: {early:?}");
    assert!(received.is_empty());
    assert_eq!(
        stats(address)["requests"],
        1,
        "the hung request was handled"
    );
}

#[test]
fn proxy_pages_empty_and_cut_bodies_and_rate_limits_are_injected_as_asked() {
    let address = start(ServerConfig::default());
    for rule in [
        r#"{"kind":"bad_gateway","path":"/v3/countries"}"#,
        r#"{"kind":"empty","path":"/v3/countries"}"#,
        r#"{"kind":"truncated","path":"/v3/countries"}"#,
        r#"{"kind":"rate_limit","path":"/v3/countries","retry_after_seconds":7}"#,
    ] {
        assert_eq!(arm(address, rule).status, 200, "{rule}");
    }
    let countries = || request(address, "GET /v3/countries HTTP/1.1\r\n\r\n");

    let gateway = countries();
    let empty = countries();
    let truncated = countries();
    let limited = countries();
    let normal = countries();

    assert_eq!(gateway.status, 502);
    assert_eq!(gateway.header("Content-Type"), Some("text/html"));
    assert!(gateway.body.contains("<h1>502 Bad Gateway</h1>"));
    assert_eq!((empty.status, empty.body.as_str()), (200, ""));
    assert_eq!(truncated.status, 200);
    assert!(normal.body.starts_with(&truncated.body));
    assert!(truncated.body.len() < normal.body.len());
    assert!(serde_json::from_str::<Value>(&truncated.body).is_err());
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("Retry-After"), Some("7"));
    assert_eq!(stats(address)["faults_injected"], 4);
    assert_eq!(
        stats(address)["requests"],
        3,
        "the proxy page and the rate limit never reach the simulator"
    );
}

#[test]
fn arming_a_fault_that_loses_a_connection_closes_idle_ones_and_stops_keep_alive() {
    let address = start(ServerConfig::default());
    let mut idle = connect(address);
    let before = exchange(&mut idle, "GET /v3/countries HTTP/1.1\r\n\r\n");
    assert_eq!(before.header("Connection"), Some("keep-alive"));

    arm(
        address,
        r#"{"kind":"drop","path":"/v3/emergency_verifications"}"#,
    );
    let closed = read_to_close(&mut idle);
    let mut fresh = connect(address);
    let during = exchange(&mut fresh, "GET /v3/countries HTTP/1.1\r\n\r\n");

    assert!(closed.is_empty());
    assert_eq!(during.status, 200);
    assert_eq!(during.header("Connection"), Some("close"));
}

#[test]
fn fault_rules_are_checked_listed_disarmed_and_forgotten_on_reset() {
    let address = start(ServerConfig::default());

    let refused = arm(address, r#"{"kind":"drop","path":"/v3","count":0}"#);
    assert_eq!(refused.status, 400);
    assert!(refused.json()["error"]
        .as_str()
        .is_some_and(|reason| reason.contains("count")));

    arm(
        address,
        r#"{"kind":"empty","method":"get","path":"/v3/dids","count":3}"#,
    );
    let listed = request(address, "GET /__sim/faults HTTP/1.1\r\n\r\n").json();
    assert_eq!(listed["pending"][0]["method"], "GET");
    assert_eq!(listed["pending"][0]["remaining"], 3);

    let cleared = request(address, "DELETE /__sim/faults HTTP/1.1\r\n\r\n").json();
    assert_eq!(cleared["pending"], serde_json::json!([]));
    assert_eq!(
        request(address, "GET /v3/dids HTTP/1.1\r\n\r\n").status,
        200
    );

    arm(address, r#"{"kind":"bad_gateway","path":"/"}"#);
    let stats_while_armed = request(address, "GET /__sim/stats HTTP/1.1\r\n\r\n");
    assert_eq!(
        stats_while_armed.status, 200,
        "control endpoints are never faulted"
    );
    request(
        address,
        "POST /__sim/reset HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(
        request(address, "GET /v3/dids HTTP/1.1\r\n\r\n").status,
        200
    );
}
