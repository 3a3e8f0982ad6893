//! Finding numbers in free text: a rule table per kind (what is found, with its exact range, and what is not),
//! boundaries, separators, full-width forms, Korean particles, kinds, and a streaming reader that keeps
//! `MAX_FINDING_LEN + CONTEXT_LEN` bytes across reads, tried at every split position.

use pccc_guard::{find_sensitive, find_sensitive_bytes, Finding, Kind, Kinds, CONTEXT_LEN, MAX_FINDING_LEN};

/// The findings in `text`, as (kind code, matched text).
fn found(text: &str) -> Vec<(&'static str, &str)> {
    find_sensitive(text).map(|f| (f.kind.code(), &text[f.range])).collect()
}

/// Checks that `text` holds exactly one finding of `kind`, the part of `text` marked with `[` and `]`.
fn one(kind: &str, marked: &str) {
    let start = marked.find('[').expect("a [ mark");
    let end = marked.find(']').expect("a ] mark") - 1;
    let text = marked.replacen('[', "", 1).replacen(']', "", 1);
    assert_eq!(found(&text), [(kind, &text[start..end])], "{marked:?}");
}

fn none(text: &str) {
    assert_eq!(found(text), [], "{text:?}");
}

// ---- pccc ---------------------------------------------------------------------------------------------------------

#[test]
fn pccc_shapes_that_are_found() {
    for marked in [
        "[P123456789012]",
        "[p123456789012]",
        "[Ｐ１２３４５６７８９０１２]",
        "[ｐ123456789012]",
        "[P1234-5678-9012]",
        "[P 1234 5678 9012]",
        "[p 1234 5678 9012]",
        "[P-1234-5678-9012]",
        "[P1234 5678-9012]",
        "[P１２３４－５６７８－９０１２]",
        "[P1234\u{3000}5678\u{3000}9012]",
        "[P1234\u{A0}5678\u{A0}9012]",
        "[P1234\u{2013}5678\u{2013}9012]",
        "[P1234\u{200B}5678\u{200B}9012]",
        "개인통관고유부호: [P1234 5678 9012]",
        "[P123456789012] (통관부호)",
        "«[P123456789012]».",
        "통관부호는[P123456789012]입니다",
        "[P123456789012]로 해주세요",
        "code=[P123456789012]&x=1",
        "\"[P123456789012]\"",
        "(([P123456789012]))",
        "[P100000000019]\n",
    ] {
        one("pccc", marked);
    }
}

#[test]
fn pccc_near_misses_are_not_found() {
    for text in [
        "P12345678901",      // 11 digits
        "P1234567890123",    // 13 digits
        "XP123456789012",    // inside a word
        "P123456789012X",    // inside a word
        "P123456789012ｘ",   // full-width letter after
        "１P123456789012",   // full-width digit before
        "9P123456789012",    // digit before
        "P123-4567-89012",   // not 4-4-4
        "P12345678-9012",    // not 4-4-4
        "P  1234 5678 9012", // two separators after P
        "P1234  5678  9012", // two separators between groups
        "P1234.5678.9012",   // dots are for phone numbers only
        "P1234\t5678\t9012", // tabs are not separators
        "P1234\n5678\n9012", // nor line breaks
        "Q123456789012",     // another letter
        "P 12345678 9012",   // not 4-4-4
        "P:123456789012",    // a colon is no separator
        "P-",                // nothing
        "APP123456789012",
    ] {
        none(text);
    }
}

// ---- rrn ----------------------------------------------------------------------------------------------------------

#[test]
fn rrn_shapes_that_are_found() {
    for marked in [
        "[900101-1234567]",
        "[9001011234567]",
        "[900101 1234567]",
        "[９００１０１－１２３４５６７]",
        "[900101\u{2010}2234567]",
        "[001231-3234567]",
        "[991231-4234567]",
        "[850615-5234567]",
        "[850615-6234567]",
        "[050615-7234567]",
        "[050615-8234567]",
        "[000229-3234567]", // February 29 is always allowed
        "[880430-1234567]",
        "주민번호[900101-1234567]입니다",
        "RRN: [900101-1234567].",
        "rrn=[9001011234567]&",
    ] {
        one("rrn", marked);
    }
}

#[test]
fn rrn_near_misses_are_not_found() {
    for text in [
        "900101-9234567",  // 1800s: not accepted
        "900101-0234567",  // 1800s: not accepted
        "901301-1234567",  // month 13
        "900001-1234567",  // month 00
        "900100-1234567",  // day 00
        "900132-1234567",  // day 32
        "900230-1234567",  // February 30
        "900431-1234567",  // April 31
        "900101-123456",   // 6 digits after
        "900101-12345678", // 8 digits after
        "90010-11234567",  // 5-8
        "900101--1234567", // two separators
        "900101.1234567",  // a dot is no RRN separator
        "1900101-1234567", // digit before
        "900101-1234567a", // letter after
        "90010112345678",  // 14 digits
        "900101_1234567",
    ] {
        none(text);
    }
}

// ---- mobile -------------------------------------------------------------------------------------------------------

#[test]
fn mobile_shapes_that_are_found() {
    for marked in [
        "[010-1234-5678]",
        "[01012345678]",
        "[010 1234 5678]",
        "[010.1234.5678]",
        "[010 12345678]",
        "[0101234-5678]",
        "[010-1234 5678]",
        "[011-123-4567]",
        "[0111234567]",
        "[016-1234-5678]",
        "[017 123 4567]",
        "[018.123.4567]",
        "[019-1234-5678]",
        "[(010) 1234-5678]",
        "[(010)1234-5678]",
        "[（０１０）１２３４－５６７８]",
        "[+82 10-1234-5678]",
        "[+82-10-1234-5678]",
        "[+821012345678]",
        "[+82 010 1234 5678]",
        "[+82-(0)10-1234-5678]",
        "[+82 (0)10 1234 5678]",
        "[+82(0)1012345678]",
        "[0082 10 1234 5678]",
        "[00821012345678]",
        "[0082-11-123-4567]",
        "[＋８２ １０ １２３４ ５６７８]",
        "[０１０－１２３４－５６７８]",
        "[０１０．１２３４．５６７８]",
        "[010\u{2011}1234\u{2011}5678]",
        "[010\u{3000}1234\u{3000}5678]",
        "번호는[01012345678]입니다",
        "[010-1234-5678]으로 연락 주세요",
        "전화:[010-1234-5678]",
        "tel=[01012345678]&",
        "(연락처 [010-1234-5678])",
        "([010-1234-5678])",
        "([010 1234-5678]",
        "[010-1234-5678]-1",
        "+82 (0)[010-1234-5678]", // not an international form, but the domestic number in it is one
    ] {
        one("phone", marked);
    }
}

#[test]
fn mobile_near_misses_are_not_found() {
    for text in [
        "02-123-4567", // Seoul landline
        "02-1234-5678",
        "031-123-4567", // landlines
        "064-1234-5678",
        "070-1234-5678", // VoIP
        "050-1234-5678", // personal numbers
        "0505-123-4567", // virtual "safe" numbers
        "0504-1234-5678",
        "080-123-4567", // toll-free
        "1588-1234",    // customer centres
        "010-123-4567", // 010 needs 8 digits
        "010-1234-567",
        "010-12345-678", // grouping
        "01-01234-5678",
        "0101-234-5678",
        "010--1234--5678", // two separators
        "010-1234-5678X",  // letter after
        "x010-1234-5678",  // letter before
        "9010-1234-5678",  // digit before
        "010123456789",    // 12 digits
        "011-12-34567",
        "+81 10-1234-5678", // not Korea
        "+82 2-123-4567",   // Seoul from abroad
        "+82 70-1234-5678",
        "+82  10-1234-5678", // two separators
        "0082 2 123 4567",
        "(02) 123-4567",
        "010\t1234\t5678", // tabs
        "010/1234/5678",
    ] {
        none(text);
    }
}

// ---- Everything together -------------------------------------------------------------------------------------------

#[test]
fn long_runs_of_letters_and_digits_hide_nothing() {
    for text in [
        "123456789012345",     // 15-digit tracking number
        "6012 3456 7890 123",  // grouped tracking number
        "4111111111111111",    // card number
        "4111-1111-1111-1111", // grouped card number
        "4111 0101 2345 6789",
        "ORD-20261129-0001",   // order number
        "123-45-67890",        // business registration number
        "2026-11-29 12:34:56", // date and time
        "20261129",
        "₩12,345,678",                          // price
        "192.168.0.12",                         // IPv4
        "550e8400-e29b-41d4-a716-446655440000", // UUID
        "P123456789012345",
        "abc01012345678",
        "01012345678abc",
    ] {
        none(text);
    }
}

#[test]
fn several_findings_in_order_with_their_kinds() {
    let text = "P1234-5678-9012, 900101-1234567 / 010-1234-5678 (+82 10 9876 5432)";
    assert_eq!(
        found(text),
        [
            ("pccc", "P1234-5678-9012"),
            ("rrn", "900101-1234567"),
            ("phone", "010-1234-5678"),
            ("phone", "+82 10 9876 5432"),
        ]
    );
    // Two numbers separated by one space stay two numbers.
    assert_eq!(found("010-1234-5678 010-2345-6789"), [("phone", "010-1234-5678"), ("phone", "010-2345-6789")]);
    // A separator after a number does not make it part of a longer one.
    assert_eq!(found("1234 010-1234-5678"), [("phone", "010-1234-5678")]);
}

#[test]
fn the_kinds_that_are_not_asked_for_are_not_there() {
    let text = "P123456789012 900101-1234567 01012345678";
    for kind in Kind::ALL {
        let got: Vec<Kind> = find_sensitive(text).kinds(Kinds::only(kind)).map(|f| f.kind).collect();
        assert_eq!(got, [kind]);
        assert_eq!(find_sensitive(text).kinds(Kinds::ALL.without(kind)).count(), 2);
    }
    assert_eq!(find_sensitive(text).kinds(Kinds::NONE).count(), 0);
    assert_eq!(Kind::ALL.map(Kind::code), Kind::CODES);
    assert_eq!(Kind::CODES.map(|c| Kind::from_code(c).unwrap()), Kind::ALL);
    assert_eq!(format!("{:?}", Kinds::ALL.without(Kind::Rrn)), r#"{"pccc", "phone"}"#);
    assert_eq!([Kind::Rrn, Kind::Pccc].into_iter().collect::<Kinds>(), Kinds::ALL.without(Kind::Phone));
}

#[test]
fn bytes_that_are_not_utf8_are_boundaries_and_ranges_are_byte_ranges() {
    let bytes = b"\xff010-1234-5678\xfe \xefP123456789012\xbc";
    let got: Vec<Finding> = find_sensitive_bytes(bytes).collect();
    assert_eq!(got, [Finding { kind: Kind::Phone, range: 1..14 }, Finding { kind: Kind::Pccc, range: 17..30 }]);
    // A full-width digit's bytes cut short are not a digit.
    assert_eq!(find_sensitive_bytes(b"\xef\xbc010-1234-5678").count(), 1);
    assert_eq!(find_sensitive_bytes(b"\xef\xbc\x91010-1234-5678").count(), 0);
}

#[test]
fn the_longest_finding_is_max_finding_len_bytes() {
    let longest = "００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８";
    let got: Vec<Finding> = find_sensitive(longest).collect();
    assert_eq!(got, [Finding { kind: Kind::Phone, range: 0..longest.len() }]);
    assert_eq!(longest.len(), MAX_FINDING_LEN);
    // The context: a full-width letter on either side (3 bytes) decides.
    assert_eq!(find_sensitive(&format!("ａ{longest}")).count(), 0);
    assert_eq!(find_sensitive(&format!("{longest}ａ")).count(), 0);
    assert_eq!(CONTEXT_LEN, "ａ".len());
}

// ---- Streaming -----------------------------------------------------------------------------------------------------

/// The reader a streaming tool runs: reads of any size, a buffer that keeps `MAX_FINDING_LEN + CONTEXT_LEN`
/// bytes (plus `CONTEXT_LEN` of look-behind) across reads, as `Findings::starting_at` describes. Returns the
/// findings with ranges in the whole stream.
fn stream(input: &[u8], reads: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    let (mut buf_start, mut from) = (0usize, 0usize); // stream offset of buf[0]; where scanning resumes in buf
    let mut offset = 0;
    let mut sizes = reads.iter().copied().cycle();
    loop {
        let n = sizes.next().unwrap().min(input.len() - offset);
        buf.extend_from_slice(&input[offset..offset + n]);
        offset += n;
        let last = offset == input.len();
        let safe = if last { buf.len() } else { buf.len().saturating_sub(MAX_FINDING_LEN + CONTEXT_LEN) };
        let mut done = from;
        for f in find_sensitive_bytes(&buf).starting_at(from) {
            if f.range.start >= safe {
                break;
            }
            done = f.range.end;
            out.push(Finding { kind: f.kind, range: f.range.start + buf_start..f.range.end + buf_start });
        }
        if last {
            return out;
        }
        let keep_from = done.max(safe).max(from);
        let cut = keep_from.saturating_sub(CONTEXT_LEN);
        buf.drain(..cut);
        buf_start += cut;
        from = keep_from - cut;
    }
}

#[test]
fn a_streaming_reader_finds_what_a_whole_scan_finds_at_every_split() {
    let samples: [&[u8]; 4] = [
        "로그 1: tel=+82 (0)10-1234-5678; rrn=900101-1234567 P1234 5678 9012\n".as_bytes(),
        "００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８ｘ and ００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８.".as_bytes(),
        b"\xff01012345678\xfe9001011234567 a01012345678 0101234567 P123456789012P123456789012",
        "ORD-20261129-0001 010-1234-5678 010-1234-5678 010-1234-5678 ０１０１２３４５６７８".as_bytes(),
    ];
    for sample in samples {
        let whole: Vec<Finding> = find_sensitive_bytes(sample).collect();
        assert!(!whole.is_empty());
        for split in 0..=sample.len() {
            assert_eq!(stream(sample, &[split, usize::MAX]), whole, "split at {split}");
        }
        for read in [1, 2, 3, 5, 7, 64, 70, 71] {
            assert_eq!(stream(sample, &[read]), whole, "reads of {read}");
        }
    }
}
