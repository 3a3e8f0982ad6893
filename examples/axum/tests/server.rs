//! The server over a real socket: started as a child process on 127.0.0.1 with an ephemeral port, sent good,
//! bad, hostile and oversized orders by a small HTTP/1.1 client, every response checked; then its log must hold
//! none of the values that were posted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pccc_guard::{check_recipient, Locale, Localized, RecipientInput};
use serde_json::{json, Value};

/// The server, with everything it logged so far.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pccc-guard-axum-example"))
            .env("ADDR", "127.0.0.1:0")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        let port = first.rsplit(':').next().and_then(|p| p.trim().parse().ok()).expect("listening on 127.0.0.1:PORT");
        let log = Arc::new(Mutex::new(first));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut line = String::new();
            while stderr.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Server { child, port, log }
    }

    /// Sends one request and returns the status and the body.
    fn request(&self, method: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut head = format!("{method} /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) and close before reading a large body: a failed write is fine then.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response);
        let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("a status line: {text}"));
        let at = response.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers") + 4;
        (status, response[at..].to_vec())
    }

    fn json(&self, headers: &[(&str, &str)], body: &Value) -> (u16, Value) {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        let (status, body) = self.request("POST", &all, body.to_string().as_bytes());
        (status, serde_json::from_slice(&body).expect("a JSON answer"))
    }

    fn form(&self, headers: &[(&str, &str)], body: &str) -> (u16, Value) {
        let mut all = vec![("Content-Type", "application/x-www-form-urlencoded")];
        all.extend_from_slice(headers);
        let (status, body) = self.request("POST", &all, body.as_bytes());
        (status, serde_json::from_slice(&body).expect("a JSON answer"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The 422 body the server must send: the library's report of the same fields, in `locale`.
fn report(name: &str, pccc: &str, phone: &str, postcode: &str, locale: Locale) -> Value {
    let report = check_recipient(&RecipientInput { name, pccc, phone, postcode });
    serde_json::to_value(Localized::new(&report, locale)).unwrap()
}

#[test]
fn the_server_checks_orders_like_the_browser_and_logs_no_value() {
    let server = Server::start();
    // Everything posted below that is personal: none of it may appear in the log.
    let secrets = [
        "123456789012",
        "1234 5678 9012",
        "12345678901",
        "1234-5678-9012",
        "900101",
        "1234567",
        "01012345678",
        "010-1234-5678",
        "1012345678",
        "0504-1234",
        "02-1234",
        "03154",
        "63309",
        "123-456",
        "홍길동",
        "Hong",
        "Gildong",
        "김철수",
        "%ED%99%8D",
        "98765432",
        "P55555",
        "Smith",
    ];

    // Good orders, as JSON and as an HTML form posts them (typed the way people type).
    let (status, body) = server.json(
        &[],
        &json!({ "name": "홍길동", "pccc": "p1234 5678 9012", "phone": "+82 10-1234-5678", "postcode": "03154", "qty": 2 }),
    );
    assert_eq!(status, 201);
    assert_eq!(
        body,
        json!({ "recipient": { "name": "홍길동", "pccc": "P123456789012", "phone": "01012345678", "postcode": "03154" } })
    );
    let (status, body) = server.form(
        &[],
        "name=Hong+Gildong&pccc=%EF%BC%B0123456789012&phone=010.1234.5678&postcode=63309&submit=%EC%A3%BC%EB%AC%B8",
    );
    assert_eq!(status, 201);
    assert_eq!(
        body["recipient"],
        json!({ "name": "Hong Gildong", "pccc": "P123456789012", "phone": "01012345678", "postcode": "63309" })
    );

    // Bad fields: 422 with every field's result, in the request's language (Korean unless English comes first).
    let (status, body) =
        server.json(&[], &json!({ "name": "김철수1", "pccc": "900101-1234567", "phone": "0504-1234-5678" }));
    assert_eq!(status, 422);
    assert_eq!(body, report("김철수1", "900101-1234567", "0504-1234-5678", "", Locale::Ko));
    for (language, locale) in [("en-US,en;q=0.9,ko;q=0.8", Locale::En), ("ko-KR", Locale::Ko), ("fr, en", Locale::Ko)] {
        let (status, body) = server
            .form(&[("Accept-Language", language)], "name=Smith&pccc=P12345678901&phone=02-1234-5678&postcode=123-456");
        assert_eq!(status, 422, "{language}");
        assert_eq!(body, report("Smith", "P12345678901", "02-1234-5678", "123-456", locale), "{language}");
    }
    let (_, body) = server.json(&[("Accept-Language", "en")], &json!({ "pccc": "P98765432101O" }));
    assert_eq!(
        body["fields"]["pccc"]["error"]["message"],
        "Only digits may follow the P. Type the digit 0 instead of the letter O."
    );

    // Hostile: a huge field (within the body limit), control and invisible characters, invalid UTF-8 in a form.
    let huge = "5".repeat(15_000);
    let (status, body) = server.json(
        &[],
        &json!({ "name": "홍길동", "pccc": format!("P{huge}"), "phone": "01012345678", "postcode": "03154" }),
    );
    assert_eq!(status, 422);
    assert_eq!(
        body["fields"]["pccc"]["error"],
        json!({ "code": "too_long", "message": pccc_guard::PcccError::TooLong { digits: 15_000 }.message(Locale::Ko), "found": 15_000 })
    );
    let (status, body) = server.json(&[], &json!({ "name": "\u{0}\u{202e}홍길동", "pccc": "P123\u{200b}456789012", "phone": "01012345678", "postcode": "03154" }));
    assert_eq!((status, &body["fields"]["name"]["error"]["code"]), (422, &json!("invalid_character")));
    let (status, body) = server.form(&[], "name=%FF%FE&pccc=P123456789012&phone=01012345678&postcode=03154");
    assert_eq!((status, &body["fields"]["name"]["error"]["code"]), (422, &json!("invalid_character")));

    // Malformed bodies: 400 with a clear message that quotes nothing.
    for (body, fragment) in [
        (&b"{\"pccc\": \"P123456789012\""[..], "EOF while parsing"),
        (b"{\"pccc\": \"P12345\xff6789012\"}", "invalid unicode"),
        (b"{\"pccc\": 123456789012}", "invalid type: a number"),
        (b"{\"pccc\": {\"nested\": [\"P123456789012\"]}}", "invalid type: map"),
        (b"{\"pccc\": \"P123456789012\", \"pccc\": \"P55555\"}", "duplicate field `pccc`"),
        (b"\"P123456789012\"", "invalid type: a string"),
    ] {
        let (status, answer) = server.request("POST", &[("Content-Type", "application/json")], body);
        let answer: Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(status, 400, "{answer}");
        assert_eq!(answer["error"]["code"], "malformed_json");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains(fragment), "{message}");
        assert!(!message.contains("12345"), "{message}");
    }
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let (status, answer) = server.request("POST", &[("Content-Type", "application/json")], deep.as_bytes());
    assert_eq!(status, 400, "{}", String::from_utf8_lossy(&answer));
    let (status, answer) = server.form(&[], "pccc=P123456789012&pccc=P555555555555");
    assert_eq!((status, &answer["error"]["code"]), (400, &json!("malformed_form")));

    // Wrong content type, no content type, wrong method.
    let (status, answer) = server.request("POST", &[("Content-Type", "text/plain")], b"pccc=P123456789012");
    assert_eq!(status, 415);
    assert_eq!(serde_json::from_slice::<Value>(&answer).unwrap()["error"]["code"], "unsupported_media_type");
    assert_eq!(server.request("POST", &[], b"{}").0, 415);
    assert_eq!(server.request("GET", &[], b"").0, 405);

    // Over the 16 KiB limit: 413, also when the fields themselves would be valid.
    let oversized = json!({ "name": "홍길동", "pccc": "P123456789012", "phone": "01012345678", "postcode": "03154", "note": "x".repeat(17 * 1024) });
    let (status, answer) = server.json(&[], &oversized);
    assert_eq!((status, &answer["error"]["code"]), (413, &json!("body_too_large")));

    // The server is still up, and its log says what happened without any value.
    assert_eq!(server.json(&[], &json!({})).0, 422);
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log.lock().unwrap().clone();
    assert!(log.contains("status=201") && log.contains("status=422") && log.contains("status=413"), "{log}");
    assert!(log.contains("pccc:looks_like_rrn"), "the log names error codes: {log}");
    // Timestamps and durations are numbers that may hold any digits by chance: leave them out of the comparison.
    let log: String = log
        .lines()
        .map(|line| {
            let line = line.split_once(' ').map_or(line, |(_time, rest)| rest);
            line.split(' ').filter(|field| !field.starts_with("micros=")).collect::<Vec<_>>().join(" ") + "\n"
        })
        .collect();
    for secret in secrets {
        assert!(!log.contains(secret), "the log contains {secret:?}:\n{log}");
    }
    assert!(!log.contains(&huge[..20]));
}
