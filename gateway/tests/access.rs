//! The gateway cannot be turned against the people it checks: over real sockets on 127.0.0.1, callers need a token
//! (401), an identity can be tried only a few ways (429, nothing sent upstream), a client can be held to a rate
//! (429), the queue has a cap (503); and nothing it keeps on disk is readable (modes 0700/0600, sealed fields).

mod common;

use std::time::Duration;

use common::{client, metric, recipient, Fake, Gateway, FAST};
use serde_json::{json, Value};

const SHOP_TOKEN: &str = "shop-token-5b1e0c4f9a7d2e68c3b0";
const OPS_TOKEN: &str = "ops-token-8d2f6a1c0e9b7354a1f2";

fn tokens_file(dir: &std::path::Path) -> String {
    let path = dir.join("tokens");
    std::fs::write(&path, format!("# clients\nshop-web {SHOP_TOKEN}\n\nops {OPS_TOKEN}\n")).unwrap();
    path.to_str().unwrap().to_owned()
}

#[tokio::test]
async fn with_tokens_verify_needs_a_known_bearer_token_and_health_and_metrics_stay_open() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", "{}");
    let tokens = tokens_file(dir.path());
    let args = common::fast_with(&["--tokens", &tokens]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &log, &args);
    let post = |token: Option<&'static str>, scheme: &'static str| {
        let mut request = client().post(gw.url("/verify")).json(&recipient(1));
        if let Some(token) = token {
            request = request.header("authorization", format!("{scheme} {token}"));
        }
        async move {
            let r = request.send().await.unwrap();
            let challenge = r.headers().get("www-authenticate").map(|v| v.to_str().unwrap().to_owned());
            (r.status().as_u16(), challenge, r.json::<Value>().await.unwrap())
        }
    };
    for (token, scheme) in
        [(None, "Bearer"), (Some("shop-token-5b1e0c4f9a7d2e68c3b1"), "Bearer"), (Some(SHOP_TOKEN), "Basic")]
    {
        let (code, challenge, body) = post(token, scheme).await;
        assert_eq!((code, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{token:?}");
        assert!(challenge.unwrap().starts_with("Bearer"));
    }
    assert_eq!(fake.calls().await, 0, "an unauthenticated check went upstream");
    let (code, _, body) = post(Some(SHOP_TOKEN), "Bearer").await;
    assert_eq!((code, body["status"].as_str()), (200, Some("matched")));
    let (code, _, _) = post(Some(OPS_TOKEN), "bearer").await;
    assert_eq!(code, 200);
    // GET /verify/{id} too.
    let r = client().get(gw.url("/verify/0123456789abcdef0123456789abcdef")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let r =
        client().get(gw.url("/verify/0123456789abcdef0123456789abcdef")).bearer_auth(OPS_TOKEN).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    // Health and metrics need no token; metrics name the clients, never the tokens.
    assert_eq!(gw.health().await["status"], "ok");
    let m = gw.metrics().await;
    assert_eq!(metric(&m, "pccc_gateway_client_requests_total{client=\"shop-web\"}"), 1.0);
    assert_eq!(metric(&m, "pccc_gateway_refusals_total{code=\"unauthorized\"}"), 4.0, "three posts and a get");
    drop(gw);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("client=\"shop-web\"") || text.contains("client=shop-web"), "{text}");
    for secret in [SHOP_TOKEN, OPS_TOKEN, "shop-token-5b1e0c4f9a7d2e68c3b1"] {
        assert!(!text.contains(secret) && !m.contains(secret), "a token was logged");
    }
}

/// Runs the gateway binary with `args` until it prints its address or exits: `Ok(child)` or `Err(stderr)`.
fn start_binary(dir: &std::path::Path, args: &[&str]) -> Result<std::process::Child, String> {
    use std::io::Read;
    let listen: &[&str] = if args.contains(&"--listen") { &[] } else { &["--listen", "127.0.0.1:0"] };
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway"))
        .arg("--data")
        .arg(dir.join("data"))
        .args(listen)
        .args(args)
        .env("UNIPASS_KEY", "k")
        .env("UNIPASS_BASE_URL", "http://127.0.0.1:9")
        .env_remove("PCCC_GATEWAY_TOKENS")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let mut text = String::new();
    let mut buf = [0u8; 4096];
    while !text.contains("listening") {
        let n = err.read(&mut buf).unwrap();
        if n == 0 {
            child.wait().unwrap();
            return Err(text);
        }
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    Ok(child)
}

#[test]
fn a_non_loopback_address_needs_tokens_or_an_explicit_opt_out() {
    let dir = tempfile::tempdir().unwrap();
    let err = start_binary(dir.path(), &["--listen", "0.0.0.0:0"]).unwrap_err();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("refusing to listen on 0.0.0.0:0 without --tokens"), "{err}");
    let tokens = tokens_file(dir.path());
    for args in
        [vec!["--listen", "0.0.0.0:0", "--tokens", &tokens], vec!["--listen", "0.0.0.0:0", "--insecure-no-auth"]]
    {
        let mut child = start_binary(dir.path(), &args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        child.kill().unwrap();
        child.wait().unwrap();
    }
    // A bad tokens file is one line naming the line, never the token.
    std::fs::write(dir.path().join("bad"), "shop short\n").unwrap();
    let bad = dir.path().join("bad");
    let err = start_binary(dir.path(), &["--tokens", bad.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("line 1") && !err.contains("short"), "{err}");
}

#[tokio::test]
async fn an_identity_can_be_tried_only_a_few_ways_and_a_refusal_calls_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), FAST);
    // One code with six different name + phone pairs (a leaked code tried against leaked contacts).
    let code = "P123400000011";
    for n in 0..5 {
        let check = json!({ "name": "홍길동", "pccc": code, "phone": common::phone(10 + n) });
        assert_eq!(gw.verify(&check).await.0, 200, "pair {n}");
    }
    let calls = fake.calls().await;
    let sixth = json!({ "name": "홍길동", "pccc": code, "phone": common::phone(99) });
    let (status, body) = gw.verify(&sixth).await;
    assert_eq!((status, body["error"]["code"].as_str()), (429, Some("too_many_attempts")), "{body}");
    assert!(!body.to_string().contains("P1234"), "{body}");
    assert_eq!(fake.calls().await, calls, "a refused check went upstream");
    // A pair already tried is still answered (the buyer pressing the button again).
    let again = json!({ "name": "홍길동", "pccc": code, "phone": common::phone(12) });
    assert_eq!(gw.verify(&again).await.0, 200);
    // One name + phone with six different codes.
    let person = |n: u32| json!({ "name": "이영희", "pccc": format!("P5678{:07}1", n), "phone": "01055556666" });
    for n in 0..5 {
        assert_eq!(gw.verify(&person(n)).await.0, 200, "code {n}");
    }
    assert_eq!(gw.verify(&person(5)).await.1["error"]["code"], "too_many_attempts");
    // Format errors are not attempts.
    let invalid = json!({ "name": "이영희", "pccc": "P5678", "phone": "01055556666" });
    assert_eq!(gw.verify(&invalid).await.0, 422);
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_refusals_total{code=\"too_many_attempts\"}"), 2.0);
}

#[tokio::test]
async fn the_attempt_limits_follow_their_flags() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let args = common::fast_with(&["--max-pairs-per-code", "2", "--max-codes-per-pair", "0"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args);
    let check = |n: u32| json!({ "name": "홍길동", "pccc": "P123400000021", "phone": common::phone(n) });
    assert_eq!(gw.verify(&check(1)).await.0, 200);
    assert_eq!(gw.verify(&check(2)).await.0, 200);
    assert_eq!(gw.verify(&check(3)).await.0, 429);
    // Codes per pair is off: one pair with ten codes.
    for n in 0..10 {
        let check = json!({ "name": "박민준", "pccc": format!("P2222{:07}1", n), "phone": "01077778888" });
        assert_eq!(gw.verify(&check).await.0, 200, "{n}");
    }
}

#[tokio::test]
async fn a_client_over_its_rate_gets_429_and_nothing_upstream() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let tokens = tokens_file(dir.path());
    let args = common::fast_with(&["--client-rate", "2", "--tokens", &tokens]);
    let shop =
        Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args).with_token(SHOP_TOKEN);
    let answers = futures_util::future::join_all((0..20).map(|n| {
        let client = client();
        let url = shop.url("/verify");
        async move {
            let r = client.post(url).bearer_auth(SHOP_TOKEN).json(&recipient(n)).send().await.unwrap();
            let retry = r.headers().get("retry-after").is_some();
            (r.status().as_u16(), retry, r.json::<Value>().await.unwrap())
        }
    }))
    .await;
    let refused: Vec<_> = answers.iter().filter(|(code, _, _)| *code == 429).collect();
    let answered = answers.iter().filter(|(code, _, _)| *code == 200).count();
    assert!(!refused.is_empty() && answered >= 1, "{answers:?}");
    assert!(refused.iter().all(|(_, retry, body)| *retry && body["error"]["code"] == "too_many_requests"));
    assert_eq!(fake.calls().await, answered as u64);
    // Another client has its own allowance.
    let r = client().post(shop.url("/verify")).bearer_auth(OPS_TOKEN).json(&recipient(99)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn beyond_max_pending_a_check_is_refused_at_once_and_an_open_one_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let args = common::fast_with(&["--max-pending", "2"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args);
    let first = gw.verify(&recipient(1)).await.1;
    assert_eq!(gw.verify(&recipient(2)).await.0, 202);
    let (code, body) = gw.verify(&recipient(3)).await;
    assert_eq!((code, body["error"]["code"].as_str()), (503, Some("queue_full")), "{body}");
    let (code, body) = gw.verify(&recipient(1)).await;
    assert_eq!((code, &body["id"]), (202, &first["id"]));
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_refusals_total{code=\"queue_full\"}"), 1.0);
}

#[tokio::test]
async fn the_data_directory_is_private_and_holds_no_personal_value() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let mut gw = Gateway::start(&fake.url(), &data, &log, FAST);
    let people = [
        json!({ "name": "홍길순", "pccc": "P246813579021", "phone": "010-8642-1357", "postcode": "06236" }),
        json!({ "name": "Jane Roe", "pccc": "P246813579031", "phone": "010-8642-2468", "postcode": "48058" }),
    ];
    let mut ids = Vec::new();
    for p in &people {
        let body = gw.verify(p).await.1;
        assert_eq!(body["status"], "pending", "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let check_files = |when: &str| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700, "{when}");
            for (path, _) in common::files(&data) {
                let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{when}: {} is {mode:o}", path.display());
            }
        }
        let files = common::files(&data);
        let names: Vec<String> =
            files.iter().map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        for expected in ["pending.sqlite3", "pending.sqlite3-wal", "queue.key", "cache-key.secret"] {
            assert!(names.iter().any(|n| n == expected), "{when}: no {expected} in {names:?}");
        }
        for (path, bytes) in &files {
            for value in ["홍길순", "Jane Roe", "246813579", "86421357", "86422468", "8642-1357", "06236", "48058"] {
                assert!(!common::holds(bytes, value), "{when}: {} holds {value:?}", path.display());
            }
        }
    };
    check_files("while pending");
    gw.kill();
    check_files("after a kill");
    // The sealed fields were kept: once UNI-PASS answers, both checks resolve.
    fake.set_mode(json!({})).await;
    let gw = Gateway::start(&fake.url(), &data, &log, FAST);
    for id in &ids {
        assert_eq!(gw.wait_resolved(id).await["status"], "matched");
    }
}

#[test]
fn a_shared_directory_open_to_others_is_refused_and_an_empty_one_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("data");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(shared.join("notes.txt"), "someone else's").unwrap();
    let err = start_binary(dir.path(), &[]).unwrap_err();
    assert!(err.contains("open to other users") && err.contains("chmod 700"), "{err}");
    std::fs::remove_file(shared.join("notes.txt")).unwrap();
    let mut child = start_binary(dir.path(), &[]).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777, 0o700);
}

#[test]
fn rotate_key_puts_a_new_key_first_and_keeps_the_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let rotate = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway"))
            .args(["--rotate-key", "--data"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let (first, second) = (rotate(), rotate());
    assert_ne!(first, second);
    let ring = pccc_guard_gateway::seal::KeyRing::load_or_create(&data).unwrap();
    let ids: Vec<String> = ring.ids().iter().map(|id| format!("{id:08x}")).collect();
    assert_eq!(ids.len(), 3, "the key made on first use, then two rotations");
    assert_eq!((ids[0].as_str(), ids[1].as_str()), (second.as_str(), first.as_str()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("queue.key")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
