//! The built `pccc-guard` binary as a user runs it: real files and stdin, every input mode, the output formats,
//! masking by default, the stderr summary and the exit codes. (Every field of the registry, each in turn, is in
//! `fields.rs`; the examples here are worked ones.)

use pccc_guard::{FieldKind, NameMask, Pccc, PcccMask, Phone, PhoneMask};

mod common;
use common::{file, run, status, stderr, stdout};

#[test]
fn line_mode_reports_every_record_masked_with_a_summary_and_status_1() {
    let input =
        "P123456789012\np1234 5678 9012\nP12345678901\n900101-1234567\n\nＰ１２３４５６７８９０１２\r\nP12345678901O";
    let out = run(&["check"], input.as_bytes());
    assert_eq!(
        stdout(&out),
        "1\tvalid\t\tP********9012\n\
         2\tvalid\t\tP********9012\n\
         3\tinvalid\ttoo_short\t************\n\
         4\tinvalid\tlooks_like_rrn\t*************\n\
         5\tinvalid\tempty\t\n\
         6\tvalid\t\tP********9012\n\
         7\tinvalid\tinvalid_character\t*************\n"
    );
    assert_eq!(
        stderr(&out),
        "pccc-guard: 7 records, 3 valid, 4 invalid\n             \
         1  empty\n             1  invalid_character\n             1  looks_like_rrn\n             1  too_short\n"
    );
    assert_eq!(status(&out), 1);
    assert!(!stdout(&out).contains("900101"), "an RRN is never printed");
}

#[test]
fn all_valid_is_status_0_and_show_values_prints_canonical_values() {
    let path = file("valid", "codes.txt", b"P123456789012\np100000000019\n");
    let out = run(&["check", path.to_str().unwrap()], b"");
    assert_eq!(status(&out), 0);
    assert_eq!(stdout(&out), "1\tvalid\t\tP********9012\n2\tvalid\t\tP********0019\n");
    let out = run(&["check", "--show-values", path.to_str().unwrap()], b"");
    assert_eq!(stdout(&out), "1\tvalid\t\tP123456789012\n2\tvalid\t\tP100000000019\n");
    // Invalid values with --show-values: as stored, escaped to stay one TSV cell.
    let out = run(&["check", "--show-values"], b"P1\t2\\3\n");
    assert_eq!(stdout(&out), "1\tinvalid\tinvalid_character\tP1\\t2\\\\3\n");
}

#[test]
fn the_fast_path_agrees_with_the_library_on_every_record() {
    // Runs of canonical codes (the bulk path) broken by every other kind of line (the general path).
    let mut input = String::new();
    let mut lines = Vec::new();
    for i in 0..3000u64 {
        let line = match i % 7 {
            0 => format!("P{:012}", i * 7_919_993),
            1 => format!("p{:012}", i),
            2 => format!("P{:011}", i),
            3 => format!("P{:012}\r", i),
            4 => format!(" P{:012}", i),
            _ => format!("P{:012}", 999_999_999_999 - i),
        };
        input.push_str(&line);
        input.push('\n');
        lines.push(line);
    }
    for policy in [vec![], vec!["--pccc-keep-start", "2", "--pccc-keep-end", "3", "--mask-char", "•"]] {
        let mut args = vec!["check"];
        args.extend(&policy);
        let out = run(&args, input.as_bytes());
        let mask =
            if policy.is_empty() { PcccMask::new() } else { PcccMask::new().keep_start(2).keep_end(3).fill('•') };
        let want: String = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let line = line.strip_suffix('\r').unwrap_or(line);
                match Pccc::parse(line) {
                    Ok(_) => format!("{}\tvalid\t\t{}\n", i + 1, mask.apply(line).unwrap()),
                    Err(e) => format!("{}\tinvalid\t{}\t{}\n", i + 1, e.code(), mask.apply(line).unwrap()),
                }
            })
            .collect();
        assert_eq!(stdout(&out), want, "{policy:?}");
    }
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_run_goes_on() {
    let out = run(&["check", "--json"], b"P123456789012\nP12345\xff78901\n\xc3\x28\nP999999999999\n");
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1], serde_json::json!({"line": 2, "valid": false, "code": "not_utf8", "value": "************"}));
    assert_eq!(lines[2]["code"], "not_utf8");
    assert_eq!(lines[3], serde_json::json!({"line": 4, "valid": true, "value": "P********9999"}));
    assert!(stderr(&out).contains("2  not_utf8"), "{}", stderr(&out));
    assert_eq!(status(&out), 1);
}

#[test]
fn an_empty_file_has_no_records_and_is_status_0() {
    for (name, args) in [("lines", vec!["check"]), ("csv", vec!["check", "--csv"]), ("jsonl", vec!["check", "--jsonl"])]
    {
        let path = file("empty", &format!("{name}.txt"), b"");
        let mut args = args.clone();
        args.push(path.to_str().unwrap());
        let out = run(&args, b"");
        assert_eq!(stdout(&out), "", "{name}");
        assert_eq!(stderr(&out), "pccc-guard: 0 records, 0 valid, 0 invalid\n", "{name}");
        assert_eq!(status(&out), 0, "{name}");
    }
}

#[test]
fn csv_reads_a_column_by_name_and_reports_broken_rows_with_their_line() {
    let csv = "\u{feff}order_id,name,pccc,phone,postcode\r\n\
        1,홍길동,P123456789012,010-1234-5678,03154\r\n\
        2,\"Kim, Minsu\",\"P1234\n5678 9012\",\"01012345678\",\"63309\"\r\n\
        3,too,few\r\n\
        \r\n\
        4,\"unbalanced,P999999999999,01012345678,03154\n\
        5,이순신,P12345678901,0504-1234-5678,99999\n\
        6,Hong Gildong,P100000000019,01112345678,12345";
    let path = file("csv", "orders.csv", csv.as_bytes());
    let out = run(&["check", "--csv", "--column", "pccc", path.to_str().unwrap()], b"");
    assert_eq!(
        stdout(&out),
        "2\tvalid\t\tP********9012\n\
         3\tvalid\t\tP********9012\n\
         5\tinvalid\tmalformed_row\t\n\
         7\tinvalid\tmalformed_row\t\n\
         8\tinvalid\ttoo_short\t************\n\
         9\tvalid\t\tP********0019\n"
    );
    assert_eq!(status(&out), 1);
    // Other fields, by the field's name as the default column.
    let out = run(&["check", "--csv", "--field", "phone", path.to_str().unwrap()], b"");
    assert!(stdout(&out).starts_with("2\tvalid\t\t010-1234-****\n3\tvalid\t\t010-1234-****\n"), "{}", stdout(&out));
    assert!(stdout(&out).contains("8\tinvalid\tvirtual_number\t************\n"));
    assert!(stdout(&out).ends_with("9\tvalid\t\t011-1234-****\n"));
    let out = run(&["check", "--csv", "--field", "postcode", "--show-values", path.to_str().unwrap()], b"");
    assert!(stdout(&out).contains("8\tinvalid\tinvalid_area\t99999\n"), "{}", stdout(&out));
    let out = run(&["check", "--csv", "--field", "name", path.to_str().unwrap()], b"");
    assert!(stdout(&out).starts_with("2\tvalid\t\t홍*동\n3\tinvalid\tinvalid_character\t**********\n"));
}

#[test]
fn csv_without_the_column_is_a_usage_error() {
    let path = file("nocolumn", "orders.csv", b"id,code\n1,P123456789012\n");
    let out = run(&["check", "--csv", path.to_str().unwrap()], b"");
    assert_eq!(status(&out), 2);
    assert_eq!(stderr(&out), "pccc-guard: no column named \"pccc\" in the header row; its columns: id, code\n");
    let out = run(&["check", "--csv", "--column", "code", path.to_str().unwrap()], b"");
    assert_eq!((status(&out), stdout(&out).as_str()), (0, "2\tvalid\t\tP********9012\n"));
}

#[test]
fn jsonl_reads_a_key_and_reports_each_kind_of_broken_line() {
    let input = "{\"pccc\":\"P123456789012\",\"items\":[{\"sku\":1}]}\n\
        {\"pccc\":\"P1234567890\\u0031\\u0032\"}\n\
        not json\n\
        {\"pccc\":123456789012}\n\
        {\"order\":1}\n\
        {\"pccc\":\"P123456789012\",\"pccc\":\"P999999999999\"}\n\
        \n\
        [\"P123456789012\"]\n\
        {\"phone\":\"+82 10-1234-5678\",\"pccc\":\"P12\"}";
    let out = run(&["check", "--jsonl"], input.as_bytes());
    assert_eq!(
        stdout(&out),
        "1\tvalid\t\tP********9012\n\
         2\tvalid\t\tP********9012\n\
         3\tinvalid\tmalformed_json\t\n\
         4\tinvalid\tnot_a_string\t\n\
         5\tinvalid\tmissing_key\t\n\
         6\tinvalid\tmalformed_json\t\n\
         8\tinvalid\tmalformed_json\t\n\
         9\tinvalid\ttoo_short\t***\n"
    );
    let out = run(&["check", "--jsonl", "--key", "phone", "--field", "phone", "--json"], input.as_bytes());
    assert!(stdout(&out).ends_with("{\"line\":9,\"valid\":true,\"value\":\"010-1234-****\"}\n"), "{}", stdout(&out));
}

#[test]
fn several_files_get_a_file_column_and_a_missing_one_is_status_2_after_the_others() {
    let a = file("several", "a.txt", b"P123456789012\n");
    let b = file("several", "b.txt", b"P1\n");
    let missing = a.with_file_name("missing.txt");
    let (a, b, missing) = (a.to_str().unwrap(), b.to_str().unwrap(), missing.to_str().unwrap());
    let out = run(&["check", a, missing, b], b"");
    assert_eq!(stdout(&out), format!("{a}\t1\tvalid\t\tP********9012\n{b}\t1\tinvalid\ttoo_short\t**\n"));
    assert!(stderr(&out).starts_with(&format!("pccc-guard: {missing}: No such file or directory")), "{}", stderr(&out));
    assert_eq!(status(&out), 2);
    let out = run(&["check", "--json", a, "-"], b"P1\n");
    assert_eq!(
        stdout(&out),
        format!("{{\"file\":\"{a}\",\"line\":1,\"valid\":true,\"value\":\"P********9012\"}}\n{{\"file\":\"-\",\"line\":1,\"valid\":false,\"code\":\"too_short\",\"value\":\"**\"}}\n")
    );
}

#[test]
fn only_invalid_prints_the_records_to_fix_and_still_counts_every_record() {
    let out = run(&["check", "--only-invalid", "--show-values"], b"P123456789012\nP12345678901\nP123456789012\n");
    assert_eq!(stdout(&out), "2\tinvalid\ttoo_short\tP12345678901\n");
    assert!(stderr(&out).starts_with("pccc-guard: 3 records, 2 valid, 1 invalid\n"));
    let out = run(&["check", "--quiet"], b"P1\n");
    assert_eq!((stderr(&out).as_str(), status(&out)), ("", 1));
}

#[test]
fn mask_applies_the_library_policies() {
    let out =
        run(&["mask", "--pccc-keep-start", "2", "--pccc-keep-end", "4", "--mask-char", "•"], b"P123456789012\nP1\n");
    let policy = PcccMask::new().keep_start(2).keep_end(4).fill('•');
    assert_eq!(stdout(&out), format!("{}\n{}\n", policy.apply("P123456789012").unwrap(), policy.apply("P1").unwrap()));
    assert_eq!(status(&out), 1, "one value was not valid");
    let out =
        run(&["mask", "--field", "phone", "--phone-keep-start", "0", "--phone-keep-end", "4"], b"+82 10 1234 5678\n");
    let phone = Phone::parse("+82 10 1234 5678").unwrap();
    assert_eq!(stdout(&out), format!("{}\n", PhoneMask::new().keep_start(0).keep_end(4).apply_to(&phone).unwrap()));
    let out = run(&["mask", "--field", "business-number"], b"124-81-00998\n1248100999\n");
    assert_eq!(stdout(&out), "124-81-*****\n**********\n", "the library's default policy");
    let out = run(&["check", "--field", "business-number", "--show-values"], b"124 81 00998\n1248100999\n");
    assert_eq!(
        (stdout(&out), status(&out)),
        ("1\tvalid\t\t1248100998\n2\tinvalid\tinvalid_check_digit\t1248100999\n".to_owned(), 1)
    );
    let out = run(&["check", "--field", "brn"], b"1\n");
    assert_eq!(status(&out), 2);
    let fields = FieldKind::ALL.map(FieldKind::cli_name).join(", ");
    assert!(stderr(&out).contains(&format!("unknown field \"brn\"; the fields: {fields}")), "{}", stderr(&out));
    let out = run(&["mask", "--field", "name", "--quiet"], "남궁 민수\n".as_bytes());
    assert_eq!((stdout(&out), status(&out)), (format!("{}\n", NameMask::new().apply("남궁 민수").unwrap()), 0));
}

#[test]
fn usage_errors_are_one_line_on_stderr_and_status_2() {
    for (args, message) in [
        (vec!["mask", "--pccc-keep-start", "4", "--pccc-keep-end", "4"], "pccc-guard: the mask policy is refused: "),
        (vec!["mask", "--mask-char", "7"], "pccc-guard: the mask policy is refused: "),
        (vec!["mask", "--field", "postcode"], "pccc-guard: a postcode is not masked"),
        (
            vec![
                "mask",
                "--field",
                "business-number",
                "--business-number-keep-start",
                "5",
                "--business-number-keep-end",
                "3",
            ],
            "pccc-guard: the mask policy is refused: ",
        ),
        (
            vec!["check", "--field", "name", "--pccc-keep-end", "1"],
            "pccc-guard: --pccc-keep-start and --pccc-keep-end do not apply",
        ),
    ] {
        let out = run(&args, b"P123456789012\n");
        assert_eq!(status(&out), 2, "{args:?}");
        assert!(stderr(&out).starts_with(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1, "{args:?}");
        assert_eq!(stdout(&out), "");
    }
    for args in [vec!["check", "--column", "pccc"], vec!["check", "--csv", "--jsonl"], vec!["check", "--nope"], vec![]]
    {
        let out = run(&args, b"");
        assert_eq!(status(&out), 2, "{args:?}: clap's usage errors");
    }
}

#[test]
fn help_has_examples_and_the_exit_codes() {
    let out = run(&["--help"], b"");
    assert_eq!(status(&out), 0);
    let help = stdout(&out);
    for needle in
        ["Examples:", "pccc-guard check --csv --column pccc", "Exit status: 0", "1 some record invalid", "2 usage"]
    {
        assert!(help.contains(needle), "{needle}: {help}");
    }
    let out = run(&["check", "--help"], b"");
    assert!(stdout(&out).contains("--show-values"));
    assert!(stdout(&out).contains("malformed_row"));
}

#[test]
fn a_record_over_the_limit_is_reported_and_skipped() {
    let mut input = b"P123456789012\n".to_vec();
    input.extend(std::iter::repeat_n(b'1', 3 << 20));
    input.extend(b"\nP999999999999\n");
    let out = run(&["check"], &input);
    assert_eq!(stdout(&out), "1\tvalid\t\tP********9012\n2\tinvalid\trecord_too_long\t\n3\tvalid\t\tP********9999\n");
    // A CSV row with an unbalanced quote before a long tail: reported on its own line, the next rows read again.
    let mut csv = b"id,pccc\n1,\"P123456789012\n".to_vec();
    for i in 0..120_000 {
        csv.extend(format!("{},P{:012}\n", i + 2, i).as_bytes());
    }
    let out = run(&["check", "--csv", "--only-invalid"], &csv);
    assert_eq!(stdout(&out), "2\tinvalid\trecord_too_long\t\n");
    assert!(stderr(&out).starts_with("pccc-guard: 120001 records, 120000 valid, 1 invalid\n"), "{}", stderr(&out));
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let codes = "P123456789012\n".repeat(200_000);
    let out = run(&["check", "--only-invalid"], codes.as_bytes());
    assert_eq!(stderr(&out), "pccc-guard: 200000 records, 200000 valid, 0 invalid\n");
}
