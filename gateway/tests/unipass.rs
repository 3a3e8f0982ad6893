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

fn minus_one(notice: &str) -> String {
    format!("{HEAD}<persEcmQryRtnVo><ntceInfo>{notice}</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>")
}

#[test]
fn a_match_a_mismatch_a_system_failure_and_a_refused_key() {
    let matched = format!("{HEAD}\n<persEcmQryRtnVo>\n  <ntceInfo></ntceInfo>\n  <tCnt>1</tCnt>\n</persEcmQryRtnVo>\n");
    assert_eq!(parse_response(matched.as_bytes(), "홍길동"), Ok(Answer::Matched));
    // tCnt -1 is a system failure (시스템 장애) unless its notice speaks of the key: the check is not finished.
    for notice in ["시스템 장애로 조회할 수 없습니다.", "", "잠시 후 다시 시도하십시오", "<![CDATA[장애]]>"]
    {
        let e = parse_response(minus_one(notice).as_bytes(), "홍길동").unwrap_err();
        assert_eq!(e, UpstreamError::SystemFailure, "{notice:?}");
        assert!(e.is_transient());
    }
    let no_notice = format!("{HEAD}<persEcmQryRtnVo><tCnt>-1</tCnt></persEcmQryRtnVo>");
    assert_eq!(parse_response(no_notice.as_bytes(), ""), Err(UpstreamError::SystemFailure));
    for notice in ["인증키가 유효하지 않습니다.", "존재하지 않는 인증키입니다", "권한이 없습니다"]
    {
        let e = parse_response(minus_one(notice).as_bytes(), "홍길동").unwrap_err();
        assert_eq!(e, UpstreamError::KeyRefused, "{notice:?}");
        assert!(!e.is_transient());
    }
}

#[test]
fn which_failures_are_worth_retrying() {
    for status in [429, 500, 502, 503, 504, 408, 302] {
        assert!(UpstreamError::Status(status).is_transient(), "{status}");
    }
    for status in [400, 401, 403, 404] {
        assert!(!UpstreamError::Status(status).is_transient(), "{status}");
    }
    for e in [UpstreamError::Timeout, UpstreamError::Malformed, UpstreamError::BodyTooLarge, UpstreamError::Interrupted]
    {
        assert!(e.is_transient(), "{e}");
    }
}

#[test]
fn every_known_mismatch_text_maps_to_its_reason() {
    let cases = [
        ("납세의무자 개인통관고유부호가 존재하지 않습니다.", Reason::PcccNotFound),
        ("납세의무자 휴대전화번호가 일치하지 않습니다.", Reason::PhoneMismatch),
        ("입력하신 납세의무자명(홍길동)이 개인통관고유부호의 성명과 일치하지 않습니다.", Reason::NameMismatch),
        ("입력하신 우편번호가 개인통관고유부호 우편번호와 일치하지 않습니다", Reason::PostcodeMismatch),
        ("알 수 없는 새 문구", Reason::Other),
        ("납세의무자 개인통관고유부호의 유효기간이 만료되었습니다.", Reason::PcccExpired),
        ("납세의무자 개인통관고유부호는 사용중이 아닌 부호입니다.", Reason::PcccInactive),
        ("재발급되어 사용할 수 없는 개인통관고유부호입니다.", Reason::PcccInactive),
        ("사용이 정지된 개인통관고유부호입니다.", Reason::PcccInactive),
        ("해지된 개인통관고유부호입니다.", Reason::PcccInactive),
    ];
    for (text, reason) in cases {
        assert_eq!(
            parse_response(mismatch(&[text]).as_bytes(), "홍길동"),
            Ok(Answer::Mismatched { reasons: vec![reason] }),
            "{text}"
        );
    }
    let several = mismatch(&[cases[2].0, cases[1].0, cases[1].0, cases[3].0]);
    assert_eq!(
        parse_response(several.as_bytes(), "홍길동"),
        Ok(Answer::Mismatched { reasons: vec![Reason::NameMismatch, Reason::PhoneMismatch, Reason::PostcodeMismatch] })
    );
    // No reason given: still a mismatch.
    assert_eq!(parse_response(mismatch(&[]).as_bytes(), ""), Ok(Answer::Mismatched { reasons: vec![Reason::Other] }));
    // Entities and CDATA in a text.
    let escaped = mismatch(&["입력하신 납세의무자명(A&amp;B &#54861;)이 &lt;성명&gt;과 일치하지 않습니다."]);
    assert_eq!(
        parse_response(escaped.as_bytes(), "A&B 홍"),
        Ok(Answer::Mismatched { reasons: vec![Reason::NameMismatch] })
    );
    let cdata = mismatch(&["<![CDATA[납세의무자 휴대전화번호가 일치하지 않습니다.]]>"]);
    assert_eq!(parse_response(cdata.as_bytes(), ""), Ok(Answer::Mismatched { reasons: vec![Reason::PhoneMismatch] }));
}

#[test]
fn a_name_that_reads_like_another_reason_is_still_a_name_mismatch() {
    // UNI-PASS quotes the name sent; a name holding 「우편번호」, 「유효기간」 or 「정지」 decides nothing.
    for name in ["우편번호", "김우편번호", "유효기간", "정지", "휴대전화번호", "존재하지"] {
        let text = format!("입력하신 납세의무자명({name})이 개인통관고유부호의 성명과 일치하지 않습니다.");
        let xml = mismatch(&[&quick_xml::escape::escape(&text)]);
        assert_eq!(
            parse_response(xml.as_bytes(), name),
            Ok(Answer::Mismatched { reasons: vec![Reason::NameMismatch] }),
            "{name}"
        );
    }
}

#[test]
fn the_mapping_table_names_its_sources() {
    use pccc_guard_gateway::unipass::TEXT_RULES;
    let reasons: Vec<Reason> = TEXT_RULES.iter().map(|r| r.reason).collect();
    for reason in Reason::ALL {
        assert!(reason == Reason::Other || reasons.contains(&reason), "{reason:?} has no row");
    }
    assert!(TEXT_RULES.iter().all(|r| !r.source.is_empty() && !r.words.is_empty()));
}

#[test]
fn every_code_and_message_is_distinct_and_stable() {
    let codes: Vec<&str> = Reason::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(
        codes,
        [
            "pccc_not_found",
            "name_mismatch",
            "phone_mismatch",
            "postcode_mismatch",
            "pccc_expired",
            "pccc_inactive",
            "other_mismatch"
        ]
    );
    for r in Reason::ALL {
        assert_ne!(r.message(pccc_guard::Locale::Ko), r.message(pccc_guard::Locale::En));
        assert_eq!(serde_json::to_value(r).unwrap(), r.code());
    }
    // The dead-code messages tell the person what to do.
    assert!(Reason::PcccExpired.message(pccc_guard::Locale::En).contains("renew"));
    assert!(Reason::PcccExpired.message(pccc_guard::Locale::Ko).contains("갱신"));
    assert!(Reason::PcccInactive.message(pccc_guard::Locale::En).contains("look up"));
    assert!(Reason::PcccInactive.message(pccc_guard::Locale::Ko).contains("조회"));
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
        assert_eq!(parse_response(case.as_bytes(), ""), Err(UpstreamError::Malformed), "{case:?}");
    }
    assert_eq!(parse_response(&[0xff, 0xfe, 0x00], ""), Err(UpstreamError::Malformed));
    // A maintenance page sent with HTTP 200 is not an answer either.
    let page = "<!DOCTYPE html><html><head><title>시스템 점검 안내</title></head><body>점검 중</body></html>";
    assert_eq!(parse_response(page.as_bytes(), ""), Err(UpstreamError::Malformed));
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
    for e in [UpstreamError::Timeout, UpstreamError::Status(502), UpstreamError::KeyRefused, UpstreamError::Malformed] {
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
    assert_eq!(wrong.verify(&fields("P123456789012")).await, Err(UpstreamError::KeyRefused));
}

#[tokio::test]
async fn the_client_reads_each_of_the_fakes_failure_modes_and_dead_codes() {
    let (client, state) = fake_client(Mode::default(), "fake-key", 64 * 1024).await;
    let modes = [
        (Mode { system_failure: true, ..Mode::default() }, UpstreamError::SystemFailure),
        (Mode { maintenance: true, ..Mode::default() }, UpstreamError::Malformed),
        (Mode { fail_status: Some(503), ..Mode::default() }, UpstreamError::Status(503)),
        (Mode { fail_status: Some(429), ..Mode::default() }, UpstreamError::Status(429)),
        (Mode { refuse_key: true, ..Mode::default() }, UpstreamError::KeyRefused),
    ];
    for (mode, expected) in modes {
        state.set_mode(mode.clone());
        assert_eq!(client.verify(&fields("P123456789012")).await, Err(expected), "{mode:?}");
    }
    state.set_mode(Mode::default());
    let reasons = |r| Ok(Answer::Mismatched { reasons: vec![r] });
    assert_eq!(client.verify(&fields("P993456789012")).await, reasons(Reason::PcccExpired));
    assert_eq!(client.verify(&fields("P983456789012")).await, reasons(Reason::PcccInactive));
    assert_eq!(client.verify(&fields("P123456789012")).await, Ok(Answer::Matched));
    state.reissue("P123456789012");
    assert_eq!(client.verify(&fields("P123456789012")).await, reasons(Reason::PcccInactive));
    // The name is quoted in the fake's name mismatch, as in UNI-PASS's: a name holding 「우편번호」 stays a name.
    let odd = Fields { name: "김우편번호".into(), ..fields("P123456789022") };
    assert_eq!(client.verify(&odd).await, reasons(Reason::NameMismatch));
    assert_eq!(state.calls(), 10);
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
