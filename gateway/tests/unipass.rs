//! API028's answers read with quick-xml, and the client against the fake over 127.0.0.1.

use std::time::Duration;

use pccc_guard_gateway::fake::{self, BodyKind, FakeState, Mode};
use pccc_guard_gateway::unipass::{parse_response, Answer, ApiKey, Client, Fields, Reason, UpstreamError};

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

fn mismatch(texts: &[&str]) -> String {
    let infos: String = texts
        .iter()
        .map(|t| format!("<persEcmQryRtnErrInfoVo><errMsgCn>{t}</errMsgCn></persEcmQryRtnErrInfoVo>"))
        .collect();
    format!("{HEAD}<persEcmQryRtnVo>{infos}<ntceInfo></ntceInfo><tCnt>0</tCnt></persEcmQryRtnVo>")
}

#[test]
fn a_match_a_mismatch_and_a_refusal() {
    let matched = format!("{HEAD}\n<persEcmQryRtnVo>\n  <ntceInfo></ntceInfo>\n  <tCnt>1</tCnt>\n</persEcmQryRtnVo>\n");
    assert_eq!(parse_response(matched.as_bytes()), Ok(Answer::Matched));
    let refused = format!("{HEAD}<persEcmQryRtnVo><ntceInfo>[N00] 인증키가 유효하지 않습니다.</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>");
    assert_eq!(parse_response(refused.as_bytes()), Err(UpstreamError::Refused));
}

#[test]
fn every_known_mismatch_text_maps_to_its_reason() {
    let cases = [
        ("납세의무자 개인통관고유부호가 존재하지 않습니다.", Reason::PcccNotFound),
        ("납세의무자 휴대전화번호가 일치하지 않습니다.", Reason::PhoneMismatch),
        ("입력하신 납세의무자명(홍길동)이 개인통관고유부호의 성명과 일치하지 않습니다.", Reason::NameMismatch),
        ("입력하신 우편번호가 개인통관고유부호 우편번호와 일치하지 않습니다", Reason::PostcodeMismatch),
        ("알 수 없는 새 문구", Reason::Other),
    ];
    for (text, reason) in cases {
        assert_eq!(
            parse_response(mismatch(&[text]).as_bytes()),
            Ok(Answer::Mismatched { reasons: vec![reason] }),
            "{text}"
        );
    }
    let several = mismatch(&[cases[2].0, cases[1].0, cases[1].0, cases[3].0]);
    assert_eq!(
        parse_response(several.as_bytes()),
        Ok(Answer::Mismatched { reasons: vec![Reason::NameMismatch, Reason::PhoneMismatch, Reason::PostcodeMismatch] })
    );
    // No reason given: still a mismatch.
    assert_eq!(parse_response(mismatch(&[]).as_bytes()), Ok(Answer::Mismatched { reasons: vec![Reason::Other] }));
    // Entities and CDATA in a text.
    let escaped = mismatch(&["입력하신 납세의무자명(A&amp;B &#54861;)이 &lt;성명&gt;과 일치하지 않습니다."]);
    assert_eq!(parse_response(escaped.as_bytes()), Ok(Answer::Mismatched { reasons: vec![Reason::NameMismatch] }));
    let cdata = mismatch(&["<![CDATA[납세의무자 휴대전화번호가 일치하지 않습니다.]]>"]);
    assert_eq!(parse_response(cdata.as_bytes()), Ok(Answer::Mismatched { reasons: vec![Reason::PhoneMismatch] }));
}

#[test]
fn every_code_and_message_is_distinct_and_stable() {
    let codes: Vec<&str> = Reason::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(codes, ["pccc_not_found", "name_mismatch", "phone_mismatch", "postcode_mismatch", "other_mismatch"]);
    for r in Reason::ALL {
        assert_ne!(r.message(pccc_guard::Locale::Ko), r.message(pccc_guard::Locale::En));
    }
}

#[test]
fn malformed_xml_is_an_error() {
    let cases = [
        "",
        "not xml at all",
        "<html><body>502 Bad Gateway</body></html>",
        "<persEcmQryRtnVo><tCnt>1</tCnt>",
        "<persEcmQryRtnVo><tCnt>1</tCnt></persEcmQryRtnVo><persEcmQryRtnVo/>",
        "<persEcmQryRtnVo><tCnt>one</tCnt></persEcmQryRtnVo>",
        "<persEcmQryRtnVo><ntceInfo>x</ntceInfo></persEcmQryRtnVo>",
        "<persEcmQryRtnVo/>",
        "<persEcmQryRtnVo><tCnt>1</tCnt></wrong>",
        "<persEcmQryRtnVo><tCnt>&bogus;</tCnt></persEcmQryRtnVo>",
        "<persEcmQryRtnVo><tCnt>1</tCnt><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></persEcmQryRtnVo>",
        "<persEcmQryRtnVo><tCnt>99999999999999999999999</tCnt></persEcmQryRtnVo>",
    ];
    for case in cases {
        assert_eq!(parse_response(case.as_bytes()), Err(UpstreamError::Malformed), "{case:?}");
    }
    assert_eq!(parse_response(&[0xff, 0xfe, 0x00]), Err(UpstreamError::Malformed));
}

#[test]
fn the_key_is_never_in_debug_output_or_errors() {
    let key = ApiKey::new("  KEY-abc123\n").unwrap();
    assert_eq!(key.expose(), "KEY-abc123");
    assert_eq!(format!("{key:?}"), "ApiKey(..)");
    assert!(ApiKey::new(" \n").is_none());
    let fields =
        Fields { name: "홍길동".into(), pccc: "P123456789012".into(), phone: "01012345678".into(), postcode: None };
    assert_eq!(format!("{fields:?}"), "Fields { .. }");
    for e in [UpstreamError::Timeout, UpstreamError::Status(502), UpstreamError::Refused, UpstreamError::Malformed] {
        assert!(!format!("{e} {e:?}").contains("KEY"));
    }
}

async fn fake_client(mode: Mode, key: &str, max_body: usize) -> (Client, std::sync::Arc<FakeState>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap()).parse().unwrap();
    let state = FakeState::new("fake-key", mode);
    fake::spawn(listener, state.clone());
    let client = Client::new(&url, ApiKey::new(key).unwrap(), Duration::from_secs(2), max_body).unwrap();
    (client, state)
}

fn fields(pccc: &str) -> Fields {
    Fields { name: "홍길동".into(), pccc: pccc.into(), phone: "01012345678".into(), postcode: Some("03154".into()) }
}

#[tokio::test]
async fn the_client_reads_the_fakes_answers_and_limits_the_body() {
    let (client, state) = fake_client(Mode::default(), "fake-key", 64 * 1024).await;
    assert_eq!(client.verify(&fields("P123456789012")).await, Ok(Answer::Matched));
    assert_eq!(
        client.verify(&fields("P123456789010")).await,
        Ok(Answer::Mismatched { reasons: vec![Reason::PcccNotFound] })
    );
    state.set_mode(Mode { body: BodyKind::Oversized, ..Mode::default() });
    assert_eq!(client.verify(&fields("P123456789012")).await, Err(UpstreamError::BodyTooLarge));
    state.set_mode(Mode { body: BodyKind::Malformed, ..Mode::default() });
    assert_eq!(client.verify(&fields("P123456789012")).await, Err(UpstreamError::Malformed));
    state.set_mode(Mode { fail_502: true, ..Mode::default() });
    let e = client.verify(&fields("P123456789012")).await.unwrap_err();
    assert_eq!(e, UpstreamError::Status(502));
    assert!(e.is_transient());
    state.set_mode(Mode { hang: true, ..Mode::default() });
    assert_eq!(client.verify(&fields("P123456789012")).await, Err(UpstreamError::Timeout));
    let (wrong, _) = fake_client(Mode::default(), "other-key", 64 * 1024).await;
    assert_eq!(wrong.verify(&fields("P123456789012")).await, Err(UpstreamError::Refused));
}

#[tokio::test]
async fn an_unreachable_upstream_is_transient() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap()).parse().unwrap();
    drop(listener);
    let client = Client::new(&url, ApiKey::new("k").unwrap(), Duration::from_secs(2), 1024).unwrap();
    let e = client.verify(&fields("P123456789012")).await.unwrap_err();
    assert_eq!(e, UpstreamError::Unreachable);
    assert!(e.is_transient());
}

#[test]
fn the_real_host_is_https_and_tls_is_built() {
    let url = pccc_guard_gateway::unipass::DEFAULT_BASE_URL.parse().unwrap();
    assert!(Client::new(&url, ApiKey::new("k").unwrap(), Duration::from_secs(1), 1024).is_ok());
    let ftp = "ftp://example.invalid".parse().unwrap();
    assert!(Client::new(&ftp, ApiKey::new("k").unwrap(), Duration::from_secs(1), 1024).is_err());
}
