//! The files operations teams have, through the built binary: CSV saved by Korean Excel (CP949), EUC-KR,
//! UTF-16LE with a BOM, UTF-8 with and without one, CRLF and quoted line breaks; `.xlsx` workbooks (made here
//! with rust_xlsxwriter) and `.ods` (zipped here), with an empty sheet and a missing column; several fields per
//! row (`--columns`) and the annotated copy (`--annotate`). The CP949 fixtures are made here with encoding_rs's
//! encoder.

use pccc_guard::{check_recipient, Locale, Localized, RecipientInput};
use rust_xlsxwriter::Workbook;

mod common;
use common::{file, run, status, stderr, stdout};

fn p(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

/// An order export as Korean admin screens write it: Korean headers, CRLF, a quoted comma and a quoted line break.
const ORDERS: &str = "주문번호,받는분,개인통관고유부호,휴대전화,우편번호\r\n\
    1001,홍길동,P123456789012,010-1234-5678,03154\r\n\
    1002,\"김, 민수\",p1234,0504-1234-5678,99999\r\n\
    1003,\"이순신\r\n(본인)\",P100000000019,01112345678,12345\r\n\
    1004,똠방각하,P999999999999,010 9876 5432,63309\r\n";

/// What `check --csv --column 개인통관고유부호` prints for ORDERS, whatever its encoding.
const ORDERS_PCCC: &str = "2\tvalid\t\tP********9012\n\
    3\tinvalid\ttoo_short\t*****\n\
    4\tvalid\t\tP********0019\n\
    6\tvalid\t\tP********9999\n";

fn cp949(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable, "the fixture is all CP949");
    bytes.into_owned()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[test]
fn a_korean_excel_csv_read_as_utf8_stops_at_the_header_with_the_hint() {
    let path = file("hint", "orders.csv", &cp949(ORDERS));
    let out = run(&["check", "--csv", "--column", "개인통관고유부호", p(&path)], b"");
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out),
        "pccc-guard: the header row is not UTF-8: a CSV saved by Korean Excel is CP949, try --encoding cp949\n"
    );
    assert_eq!(stdout(&out), "");
    // The same with --columns and --annotate.
    for args in [vec!["check", "--columns", "pccc=개인통관고유부호"], vec!["check", "--annotate", "--column", "x"]]
    {
        let mut args = args.clone();
        args.push(p(&path));
        let out = run(&args, b"");
        assert_eq!(status(&out), 2, "{args:?}");
        assert!(stderr(&out).contains("try --encoding cp949"), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
}

#[test]
fn every_encoding_gives_the_same_records() {
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(ORDERS.as_bytes());
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("utf8.csv", ORDERS.as_bytes().to_vec(), vec![]),
        ("utf8-bom.csv", utf8_bom, vec![]),
        ("utf8-label.csv", ORDERS.as_bytes().to_vec(), vec!["--encoding", "utf-8"]),
        ("cp949.csv", cp949(ORDERS), vec!["--encoding", "cp949"]),
        ("euc-kr.csv", cp949(ORDERS), vec!["--encoding", "euc-kr"]),
        ("windows-949.csv", cp949(ORDERS), vec!["--encoding", "windows-949"]),
        ("utf16.csv", utf16le_with_bom(ORDERS), vec![]),
        // A BOM decides, whatever --encoding says.
        ("utf16-asked-cp949.csv", utf16le_with_bom(ORDERS), vec!["--encoding", "cp949"]),
        ("utf16-label.csv", utf16le_with_bom(ORDERS), vec!["--encoding", "utf-16le"]),
    ];
    for (name, bytes, extra) in cases {
        let path = file("encodings", name, &bytes);
        let mut args = vec!["check", "--csv", "--column", "개인통관고유부호"];
        args.extend(&extra);
        args.push(p(&path));
        let out = run(&args, b"");
        assert_eq!(stdout(&out), ORDERS_PCCC, "{name}: {}", stderr(&out));
        assert_eq!(status(&out), 1, "{name}");
        // From stdin too.
        let mut args = vec!["check", "--csv", "--column", "개인통관고유부호"];
        args.extend(&extra);
        let out = run(&args, &bytes);
        assert_eq!(stdout(&out), ORDERS_PCCC, "{name} on stdin");
        // Names (Hangul) come through decoded.
        let mut args = vec!["check", "--csv", "--field", "name", "--column", "받는분", "--show-values"];
        args.extend(&extra);
        args.push(p(&path));
        let out = run(&args, b"");
        assert!(stdout(&out).starts_with("2\tvalid\t\t홍길동\n"), "{name}: {}", stdout(&out));
        assert!(stdout(&out).ends_with("6\tvalid\t\t똠방각하\n"), "{name}: {}", stdout(&out));
    }
}

#[test]
fn a_large_cp949_file_decodes_across_blocks_exactly() {
    // Over a megabyte of two-byte characters, so that characters straddle every decoding block and read.
    let mut text = String::from("받는분,개인통관고유부호\n");
    for i in 0..40_000u64 {
        text.push_str(&format!("홍길동똠방각하{i},P{:012}\n", i * 7919));
    }
    let utf8 = file("large", "utf8.csv", text.as_bytes());
    let korean = file("large", "cp949.csv", &cp949(&text));
    for field in [["--field", "pccc", "--column", "개인통관고유부호"], ["--field", "name", "--column", "받는분"]]
    {
        let mut args = vec!["check", "--csv", "--show-values"];
        args.extend(field);
        let want = run(&[&args[..], &[p(&utf8)]].concat(), b"");
        let got = run(&[&args[..], &["--encoding", "cp949", p(&korean)]].concat(), b"");
        assert_eq!(stdout(&got), stdout(&want), "{field:?}");
        assert_eq!(stderr(&got), stderr(&want));
    }
}

#[test]
fn invalid_cp949_bytes_are_reported_with_their_line_never_skipped() {
    let mut bytes = cp949(ORDERS);
    // A lead byte with no trail byte in the code column, and a stray byte in the name column.
    bytes.extend_from_slice(b"1005,ok,P12345678901\x81,01012345678,03154\r\n");
    bytes.extend_from_slice(b"1006,\xFF\xFF,P123456789012,01012345678,03154\r\n");
    bytes.extend_from_slice(&cp949("1007,홍길동,P123456789012,01012345678,03154\r\n"));
    let path = file("malformed", "orders.csv", &bytes);
    let out = run(&["check", "--csv", "--encoding", "cp949", "--column", "개인통관고유부호", p(&path)], b"");
    assert_eq!(
        stdout(&out),
        format!(
            "{ORDERS_PCCC}7\tinvalid\tnot_decodable\t*************\n8\tvalid\t\tP********9012\n9\tvalid\t\tP********9012\n"
        )
    );
    assert_eq!(status(&out), 1);
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "pccc-guard: {}: line 7 (and 2 more): bytes that are not valid cp949 (euc-kr)",
            p(&path)
        )),
        "{err}"
    );
    assert!(err.contains("pccc-guard: 7 records, 5 valid, 2 invalid\n"), "{err}");
    // Several fields: the field with the bad bytes is the one reported.
    let out = run(
        &["check", "--encoding", "cp949", "--columns", "pccc=개인통관고유부호,name=받는분", "--only-invalid", p(&path)],
        b"",
    );
    assert_eq!(
        stdout(&out),
        "3\tinvalid\ttoo_short\t*****\tinvalid_character\t*****\n\
         4\tinvalid\t\tP********0019\tinvalid_character\t********\n\
         7\tinvalid\tnot_decodable\t*************\t\to*\n\
         8\tinvalid\t\tP********9012\tnot_decodable\t**\n"
    );
}

#[test]
fn an_unknown_encoding_is_a_usage_error() {
    let out = run(&["check", "--encoding", "klingon"], b"P123456789012\n");
    assert_eq!(status(&out), 2);
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).starts_with("pccc-guard: --encoding: unknown encoding \"klingon\""));
}

#[test]
fn line_mode_and_json_lines_decode_too() {
    let out = run(&["check", "--encoding", "utf-16le"], &utf16le_with_bom("P123456789012\r\np12\r\n"));
    assert_eq!(stdout(&out), "1\tvalid\t\tP********9012\n2\tinvalid\ttoo_short\t***\n");
    let jsonl = cp949("{\"받는분\":\"홍길동\"}\n{\"받는분\":\"김\"}\n");
    let out = run(&["check", "--jsonl", "--encoding", "cp949", "--field", "name", "--key", "받는분"], &jsonl);
    assert_eq!(stdout(&out), "1\tvalid\t\t홍*동\n2\tinvalid\ttoo_short\t*\n");
    // Not UTF-8 and no --encoding: the summary says what to try.
    let out = run(&["check", "--field", "name"], &cp949("홍길동\n"));
    assert!(stderr(&out).contains("--encoding cp949"), "{}", stderr(&out));
}

/// Every field at once, as the recipient check's JSON.
#[test]
fn columns_check_several_fields_with_the_recipient_check() {
    let path = file("columns", "orders.csv", ORDERS.as_bytes());
    let columns = "pccc=개인통관고유부호,phone=휴대전화,postcode=우편번호,name=받는분";
    let out = run(&["check", "--columns", columns, p(&path)], b"");
    assert_eq!(
        stdout(&out),
        "2\tvalid\t\tP********9012\t\t010-1234-****\t\t03154\t\t홍*동\n\
         3\tinvalid\ttoo_short\t*****\tvirtual_number\t************\tinvalid_area\t*****\tinvalid_character\t*****\n\
         4\tinvalid\t\tP********0019\t\t011-1234-****\t\t12345\tinvalid_character\t********\n\
         6\tvalid\t\tP********9999\t\t010-9876-****\t\t63309\t\t똠**하\n"
    );
    assert_eq!(status(&out), 1);
    assert!(stderr(&out).starts_with("pccc-guard: 4 records, 2 valid, 2 invalid\n"), "{}", stderr(&out));
    assert!(stderr(&out).contains("  pccc too_short\n"));
    // --json --show-values is exactly the library's JSON of check_recipient (the JavaScript API's
    // checkRecipient), with the line.
    let out = run(&["check", "--columns", columns, "--json", "--show-values", "--lang", "en", p(&path)], b"");
    let rows = [
        (2, ["홍길동", "P123456789012", "010-1234-5678", "03154"]),
        (3, ["김, 민수", "p1234", "0504-1234-5678", "99999"]),
        (4, ["이순신\r\n(본인)", "P100000000019", "01112345678", "12345"]),
        (6, ["똠방각하", "P999999999999", "010 9876 5432", "63309"]),
    ];
    let want: String = rows
        .iter()
        .map(|(line, [name, pccc, phone, postcode])| {
            let report = check_recipient(&RecipientInput { name, pccc, phone, postcode });
            let json = serde_json::to_string(&Localized::new(&report, Locale::En)).unwrap();
            format!("{{\"line\":{line},{}\n", &json[1..])
        })
        .collect();
    assert_eq!(stdout(&out), want);
    // Masked by default: the values, not the shape, change.
    let out = run(&["check", "--columns", "phone=휴대전화", "--json", p(&path)], b"");
    assert!(
        stdout(&out).starts_with(
            "{\"line\":2,\"valid\":true,\"fields\":{\"phone\":{\"valid\":true,\"value\":\"010-1234-****\",\"display\":\"010-1234-****\"}}}\n"
        ),
        "{}",
        stdout(&out)
    );
    // Fields not given are not checked: only the PCCC here, so row 4 (a name with a line break) is valid.
    let out = run(&["check", "--columns", "pccc=개인통관고유부호", p(&path)], b"");
    assert_eq!(stdout(&out), ORDERS_PCCC);
    // A bare field name is the column of that name.
    let csv = file("columns", "plain.csv", b"pccc,phone\nP123456789012,01012345678\n");
    let out = run(&["check", "--columns", "pccc,phone", "--csv", p(&csv)], b"");
    assert_eq!((stdout(&out).as_str(), status(&out)), ("2\tvalid\t\tP********9012\t\t010-1234-****\n", 0));
}

#[test]
fn columns_usage_errors() {
    let path = file("columns-usage", "orders.csv", ORDERS.as_bytes());
    for (columns, message) in [
        ("rrn=x", "pccc-guard: --columns: unknown field \"rrn\""),
        ("pccc=개인통관고유부호,pccc=x", "pccc-guard: --columns: the field pccc is given twice"),
        (
            "pccc=개인통관고유부호,phone=전화",
            "pccc-guard: no column named \"전화\" in the header row; its columns: 주문번호, 받는분",
        ),
        (",", "pccc-guard: --columns: no field given"),
    ] {
        let out = run(&["check", "--columns", columns, p(&path)], b"");
        assert_eq!(status(&out), 2, "{columns}");
        assert!(stderr(&out).starts_with(message), "{columns}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
    let out = run(&["check", "--columns", "pccc", "--phone-keep-end", "4", p(&path)], b"");
    assert!(stderr(&out).starts_with("pccc-guard: --phone-keep-start and --phone-keep-end do not apply"));
    let out = run(
        &["check", "--columns", "phone=휴대전화", "--phone-keep-start", "0", "--phone-keep-end", "4", p(&path)],
        b"",
    );
    assert!(stdout(&out).starts_with("2\tvalid\t\t***-****-5678\n"), "{}", stdout(&out));
}

/// The annotated copy: UTF-8 with a BOM, every column, masked, then status and per field code and message.
#[test]
fn annotate_writes_the_table_back_with_status_codes_and_messages() {
    let path = file("annotate", "orders.csv", &cp949(ORDERS));
    let columns = "pccc=개인통관고유부호,phone=휴대전화";
    let out = run(&["check", "--annotate", "--encoding", "cp949", "--columns", columns, p(&path)], b"");
    assert_eq!(status(&out), 1);
    let text = stdout(&out);
    let text = text.strip_prefix('\u{feff}').expect("a UTF-8 BOM, for Korean Excel");
    assert_eq!(
        text,
        "주문번호,받는분,개인통관고유부호,휴대전화,우편번호,검사 결과,\
         개인통관고유부호 오류 코드,개인통관고유부호 오류 내용,휴대전화 오류 코드,휴대전화 오류 내용\r\n\
         1001,홍길동,P********9012,010-1234-****,03154,valid,,,,\r\n\
         1002,\"김, 민수\",*****,************,99999,invalid,too_short,숫자가 부족합니다. P 뒤에 숫자 12자리를 모두 입력해 주세요.,\
         virtual_number,050 안심번호(가상번호)는 UNI-PASS에서 일치하지 않습니다. 개인통관고유부호에 등록된 실제 휴대전화 번호를 입력해 주세요.\r\n\
         1003,\"이순신\r\n(본인)\",P********0019,011-1234-****,12345,valid,,,,\r\n\
         1004,똠방각하,P********9999,010-9876-****,63309,valid,,,,\r\n"
    );
    // English, values shown, only the rows to fix.
    let out = run(
        &[
            "check",
            "--annotate",
            "--encoding",
            "cp949",
            "--columns",
            columns,
            "--lang",
            "en",
            "--show-values",
            "--only-invalid",
            p(&path),
        ],
        b"",
    );
    assert_eq!(
        stdout(&out),
        "\u{feff}주문번호,받는분,개인통관고유부호,휴대전화,우편번호,check,\
         개인통관고유부호 error code,개인통관고유부호 error message,휴대전화 error code,휴대전화 error message\r\n\
         1002,\"김, 민수\",p1234,0504-1234-5678,99999,invalid,too_short,Too few digits. Enter all 12 digits after the P.,\
         virtual_number,UNI-PASS never matches a 050 virtual (safe) number. Enter the real mobile number registered with your personal customs clearance code.\r\n"
    );
    // In the input's encoding: CP949 again, no BOM.
    let out = run(
        &["check", "--annotate", "--encoding", "cp949", "--keep-encoding", "--column", "개인통관고유부호", p(&path)],
        b"",
    );
    let (decoded, _, malformed) = encoding_rs::EUC_KR.decode(&out.stdout);
    assert!(!malformed);
    assert!(
        decoded.starts_with("주문번호,받는분,개인통관고유부호,휴대전화,우편번호,검사 결과,개인통관고유부호 오류 코드,")
    );
    assert!(decoded.contains("\r\n1001,홍길동,P********9012,010-1234-5678,03154,valid,,\r\n"), "{decoded}");
    // UTF-16LE in, UTF-16LE out with its BOM.
    let utf16 = file("annotate", "utf16.csv", &utf16le_with_bom(ORDERS));
    let out = run(&["check", "--annotate", "--keep-encoding", "--column", "개인통관고유부호", p(&utf16)], b"");
    assert!(out.stdout.starts_with(&[0xFF, 0xFE]));
    let units: Vec<u16> = out.stdout[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    assert!(String::from_utf16(&units).unwrap().contains("1001,홍길동,P********9012,"));
}

#[test]
fn annotate_keeps_broken_rows_in_place_and_takes_one_input() {
    let csv = "id,pccc\n1,P123456789012\n2,too,many\n3,P1\n";
    let path = file("annotate-broken", "orders.csv", csv.as_bytes());
    let out = run(&["check", "--annotate", "--lang", "en", p(&path)], b"");
    assert_eq!(
        stdout(&out),
        "\u{feff}id,pccc,check,pccc error code,pccc error message\r\n\
         1,P********9012,valid,,\r\n\
         *,***,malformed_row,malformed_row,The row does not have as many fields as the header row.\r\n\
         3,**,invalid,too_short,Too few digits. Enter all 12 digits after the P.\r\n"
    );
    let out = run(&["check", "--annotate", p(&path), p(&path)], b"");
    assert_eq!((status(&out), stderr(&out).as_str()), (2, "pccc-guard: --annotate writes one table: give one input\n"));
    let out = run(&["check", "--annotate", "--json", p(&path)], b"");
    assert_eq!(status(&out), 2, "--json does not go with --annotate");
}

/// A workbook as admin screens export it, made with rust_xlsxwriter: a title sheet first, then the orders.
fn workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("안내").unwrap().write_string(0, 0, "주문 목록").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("주문").unwrap();
    let table: [[&str; 5]; 5] = [
        ["주문번호", "받는분", "개인통관고유부호", "휴대전화", "우편번호"],
        ["1001", "홍길동", "P123456789012", "010-1234-5678", "03154"],
        ["1002", "김, 민수", "p1234", "0504-1234-5678", "99999"],
        ["1003", "이순신\n(본인)", "P100000000019", "01112345678", "12345"],
        ["1004", "똠방각하", "P999999999999", "010 9876 5432", "63309"],
    ];
    for (row, cells) in table.iter().enumerate() {
        for (col, cell) in cells.iter().enumerate() {
            let (r, c) = (row as u32 + 2, col as u16 + 1);
            // Order numbers are numbers in a real export; so, below, is a phone number typed without its 0.
            if col == 0 && row > 0 {
                sheet.write_number(r, c, cell.parse::<f64>().unwrap()).unwrap();
            } else {
                sheet.write_string(r, c, *cell).unwrap();
            }
        }
    }
    sheet.write_number(7, 1, 1005).unwrap();
    sheet.write_string(7, 2, "홍길동").unwrap();
    sheet.write_string(7, 3, "P123456789012").unwrap();
    sheet.write_number(7, 4, 1012345678).unwrap();
    sheet.write_string(7, 5, "03154").unwrap();
    book.add_worksheet().set_name("빈 시트").unwrap();
    book.save(path).unwrap();
}

#[test]
fn xlsx_is_read_by_sheet_and_column_name_with_the_sheets_row_numbers() {
    let path = file("xlsx", "orders.xlsx", b"");
    workbook(&path);
    let out = run(&["check", "--sheet", "주문", "--column", "개인통관고유부호", p(&path)], b"");
    // The header is on the sheet's row 3: the first order is row 4.
    assert_eq!(
        stdout(&out),
        "4\tvalid\t\tP********9012\n5\tinvalid\ttoo_short\t*****\n6\tvalid\t\tP********0019\n\
         7\tvalid\t\tP********9999\n8\tvalid\t\tP********9012\n"
    );
    assert_eq!(status(&out), 1);
    // A number cell holding a phone number has lost its 0.
    let out =
        run(&["check", "--sheet", "주문", "--field", "phone", "--column", "휴대전화", "--show-values", p(&path)], b"");
    assert!(stdout(&out).ends_with("8\tinvalid\tnot_a_mobile_number\t1012345678\n"), "{}", stdout(&out));
    // Several fields, JSON.
    let out = run(
        &[
            "check",
            "--sheet",
            "주문",
            "--columns",
            "pccc=개인통관고유부호,postcode=우편번호",
            "--json",
            "--only-invalid",
            p(&path),
        ],
        b"",
    );
    assert!(
        stdout(&out).starts_with(
            "{\"line\":5,\"valid\":false,\"fields\":{\"pccc\":{\"valid\":false,\"error\":{\"code\":\"too_short\""
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);
    // From stdin with --xlsx.
    let bytes = std::fs::read(&path).unwrap();
    let out = run(&["check", "--xlsx", "--sheet", "주문", "--column", "개인통관고유부호", "--only-invalid"], &bytes);
    assert_eq!(stdout(&out), "5\tinvalid\ttoo_short\t*****\n");
}

#[test]
fn xlsx_annotate_writes_every_column() {
    let path = file("xlsx-annotate", "orders.xlsx", b"");
    workbook(&path);
    let out = run(
        &[
            "check",
            "--annotate",
            "--sheet",
            "주문",
            "--columns",
            "pccc=개인통관고유부호,name=받는분",
            "--lang",
            "en",
            p(&path),
        ],
        b"",
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}주문번호,받는분,개인통관고유부호,휴대전화,우편번호,check,\
         개인통관고유부호 error code,개인통관고유부호 error message,받는분 error code,받는분 error message"
    );
    assert_eq!(lines[1], "1001,홍*동,P********9012,010-1234-5678,03154,valid,,,,");
    assert!(lines[2].starts_with("1002,*****,*****,0504-1234-5678,99999,invalid,too_short,"), "{}", lines[2]);
    assert_eq!(lines[5], "1005,홍*동,P********9012,1012345678,03154,valid,,,,");
    assert_eq!(lines.len(), 7, "the header, five rows, and the empty string after the last CRLF");
}

#[test]
fn spreadsheet_errors_are_one_line() {
    let path = file("xlsx-errors", "orders.xlsx", b"");
    workbook(&path);
    let not_a_book = file("xlsx-errors", "text.xlsx", b"pccc\nP123456789012\n");
    for (args, message) in [
        (vec!["check", "--sheet", "빈 시트", p(&path)], "pccc-guard: the sheet \"빈 시트\" is empty (no header row)\n".to_owned()),
        (
            vec!["check", "--sheet", "없음", p(&path)],
            "pccc-guard: no sheet named \"없음\"; its sheets: 안내, 주문, 빈 시트\n".to_owned(),
        ),
        (
            vec!["check", "--sheet", "주문", "--column", "pccc", p(&path)],
            "pccc-guard: no column named \"pccc\" in the header row; its columns: 주문번호, 받는분, 개인통관고유부호, 휴대전화, 우편번호\n"
                .to_owned(),
        ),
        // The first sheet by default: here a title sheet without the column.
        (vec!["check", p(&path)], "pccc-guard: no column named \"pccc\" in the header row; its columns: 주문 목록\n".to_owned()),
    ] {
        let out = run(&args, b"");
        assert_eq!((status(&out), stderr(&out)), (2, message), "{args:?}");
        assert_eq!(stdout(&out), "");
    }
    let out = run(&["check", p(&not_a_book)], b"");
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).starts_with("pccc-guard: not a spreadsheet that can be read: "), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
}

/// A minimal OpenDocument spreadsheet (what LibreOffice saves as `.ods`), zipped here.
fn ods(path: &std::path::Path, rows: &[&[&str]]) {
    use std::io::Write;
    let cell = |text: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>")
    };
    let table: String = rows
        .iter()
        .map(|row| format!("<table:table-row>{}</table:table-row>", row.iter().map(|c| cell(c)).collect::<String>()))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"주문\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn ods_is_read_like_xlsx() {
    let path = file("ods", "orders.ods", b"");
    ods(&path, &[&["받는분", "개인통관고유부호"], &["홍길동", "P123456789012"], &["김구", "P1234"]]);
    let out = run(&["check", "--columns", "name=받는분,pccc=개인통관고유부호", p(&path)], b"");
    assert_eq!(
        stdout(&out),
        "2\tvalid\t\t홍*동\t\tP********9012\n3\tinvalid\t\t김*\ttoo_short\t*****\n",
        "{}",
        stderr(&out)
    );
    assert_eq!(status(&out), 1);
}

#[test]
fn help_names_the_new_options() {
    let out = run(&["check", "--help"], b"");
    let help = stdout(&out);
    for needle in [
        "--encoding <LABEL>",
        "--spreadsheet",
        "--sheet <NAME>",
        "--columns <LIST>",
        "--annotate",
        "--keep-encoding",
        "--lang <LANG>",
        "--pccc-keep-start <N>",
        "--phone-keep-end <N>",
        "not_decodable",
    ] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
    for command in ["mask", "redact"] {
        let out = run(&[command, "--help"], b"");
        assert!(stdout(&out).contains("--pccc-keep-start <N>"), "{command}");
        assert!(!stdout(&out).contains("  --keep-start"), "{command}: the old name is gone");
    }
    let out = run(&["--help"], b"");
    assert!(stdout(&out).contains("--encoding cp949"));
}
