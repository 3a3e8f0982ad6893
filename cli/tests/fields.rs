//! Every field of the library's registry (`FieldKind::ALL`) through the built binary: each is checked and masked
//! as the library does it, read from CSV, JSON Lines and a sheet by its name, and reported by `--columns --json`;
//! each digit field's masking flags are read by `check` and `mask`, and by `redact` when its finder looks for the
//! field (and refused there otherwise). The inputs are the fields' own vectors (`tests/data/<field>_vectors.tsv`),
//! so a field added to the library is tested here without a line of this file.

use pccc_guard::{find_sensitive, FieldKind, Locale, MaskRule, Policies};
use rust_xlsxwriter::Workbook;

mod common;
use common::{file, run, status, stderr, stdout};

#[path = "../../tests/common/mod.rs"]
mod vectors;

/// The inputs of a field's vectors that fit on one line (and do not start with a byte order mark, which a reader
/// takes for the file's).
fn inputs(kind: FieldKind) -> Vec<String> {
    let path = format!("{}/../tests/data/{}_vectors.tsv", env!("CARGO_MANIFEST_DIR"), kind.name());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let inputs: Vec<String> = vectors::vectors(&text)
        .into_iter()
        .map(|v| v.input)
        .filter(|s| !s.contains(['\n', '\r']) && !s.starts_with('\u{feff}'))
        .collect();
    assert!(inputs.len() >= 10, "{kind:?}: {} one-line vectors", inputs.len());
    inputs
}

/// A valid value of the field, as it is stored (its canonical form).
fn valid(kind: FieldKind) -> String {
    let value = inputs(kind).iter().find_map(|s| kind.check(s).ok()).expect("a valid vector");
    value.as_str().to_owned()
}

/// What `check` shows for `input` by default: the library's mask (its default policy), or, for a field without
/// one, the canonical value (every character hidden when the value is invalid).
fn shown(kind: FieldKind, input: &str) -> String {
    match kind.mask(input, None, None, None) {
        Some(masked) => masked.unwrap(),
        None => match kind.check(input) {
            Ok(v) => v.as_str().to_owned(),
            Err(_) => pccc_guard::normalize(input).chars().map(|_| '*').collect(),
        },
    }
}

/// A TSV cell as the tool escapes it.
fn tsv(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\t', "\\t")
}

/// The fields with a digit mask, with their rule's numbers.
fn digit_fields() -> Vec<(FieldKind, usize, usize, usize)> {
    FieldKind::ALL
        .into_iter()
        .filter_map(|kind| match kind.mask_rule() {
            MaskRule::Digits { keep_start, keep_end, max_revealed } => Some((kind, keep_start, keep_end, max_revealed)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_field_is_checked_and_shown_as_the_library_does() {
    for kind in FieldKind::ALL {
        let inputs = inputs(kind);
        let lines: String = inputs.iter().map(|s| format!("{s}\n")).collect();
        let field = kind.cli_name();
        let mut values = String::new();
        let mut masked = String::new();
        for (i, input) in inputs.iter().enumerate() {
            let (n, shown) = (i + 1, tsv(&shown(kind, input)));
            match kind.check(input) {
                Ok(v) => {
                    values.push_str(&format!("{n}\tvalid\t\t{}\n", v.as_str()));
                    masked.push_str(&format!("{n}\tvalid\t\t{shown}\n"));
                }
                Err(e) => {
                    values.push_str(&format!("{n}\tinvalid\t{}\t{}\n", e.code(), tsv(input)));
                    masked.push_str(&format!("{n}\tinvalid\t{}\t{shown}\n", e.code()));
                }
            }
        }
        let out = run(&["check", "--field", field, "--show-values"], lines.as_bytes());
        assert_eq!(stdout(&out), values, "{kind:?}");
        assert_eq!(status(&out), 1, "{kind:?}: the vectors have invalid values");
        let out = run(&["check", "--field", field], lines.as_bytes());
        assert_eq!(stdout(&out), masked, "{kind:?}");
        let out = run(&["mask", "--field", field, "--quiet"], lines.as_bytes());
        if kind.mask_rule() == MaskRule::None {
            assert_eq!(status(&out), 2, "{kind:?}: a field without a mask");
            assert!(stderr(&out).contains(&format!("a {field} is not masked")), "{}", stderr(&out));
        } else {
            let want: String = inputs.iter().map(|s| format!("{}\n", tsv(&shown(kind, s)))).collect();
            assert_eq!(stdout(&out), want, "{kind:?}");
        }
    }
}

#[test]
fn every_field_is_read_by_its_name_from_csv_json_lines_and_a_sheet() {
    for kind in FieldKind::ALL {
        let (name, value) = (kind.name(), valid(kind));
        let want = format!("2\tvalid\t\t{value}\n");
        let csv = file("by-name", &format!("{name}.csv"), format!("id,{name}\n1,\"{value}\"\n").as_bytes());
        let out = run(&["check", "--csv", "--show-values", "--field", kind.cli_name(), csv.to_str().unwrap()], b"");
        assert_eq!((stdout(&out), status(&out)), (want.clone(), 0), "{kind:?}: {}", stderr(&out));
        let jsonl = format!("{{\"id\":1,\"{name}\":{}}}\n", serde_json::to_string(&value).unwrap());
        let out = run(&["check", "--jsonl", "--show-values", "--field", kind.cli_name()], jsonl.as_bytes());
        assert_eq!(stdout(&out), format!("1\tvalid\t\t{value}\n"), "{kind:?}");
        let xlsx = file("by-name", &format!("{name}.xlsx"), b"");
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "id").unwrap().write_string(0, 1, name).unwrap();
        sheet.write_number(1, 0, 1).unwrap().write_string(1, 1, &value).unwrap();
        book.save(&xlsx).unwrap();
        let out = run(&["check", "--show-values", "--field", kind.cli_name(), xlsx.to_str().unwrap()], b"");
        assert_eq!((stdout(&out), status(&out)), (want, 0), "{kind:?}: {}", stderr(&out));
    }
}

#[test]
fn columns_json_reports_every_field_checked_by_name() {
    let kinds = FieldKind::ALL;
    let header: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
    let row: Vec<String> = kinds.iter().map(|&k| format!("\"{}\"", valid(k))).collect();
    let csv = file("columns", "all.csv", format!("{}\n{}\n", header.join(","), row.join(",")).as_bytes());
    let list: Vec<String> = kinds.iter().map(|k| format!("{}={}", k.cli_name(), k.name())).collect();
    let out = run(&["check", "--columns", &list.join(","), "--json", csv.to_str().unwrap()], b"");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim_end()).expect("one JSON line");
    let members: Vec<&str> = line["fields"].as_object().expect("fields").keys().map(String::as_str).collect();
    let mut names = header.clone();
    names.sort_unstable();
    assert_eq!(members, names, "every field checked, by name");
    for kind in kinds {
        assert_eq!(line["fields"][kind.name()]["valid"], true, "{kind:?}");
    }
}

#[test]
fn check_and_mask_read_every_digit_fields_keep_flags() {
    let fields = digit_fields();
    assert!(fields.len() >= 3);
    for &(kind, keep_start, keep_end, max) in &fields {
        let (field, value) = (kind.cli_name(), valid(kind));
        let (start, end) = (format!("--{field}-keep-start"), format!("--{field}-keep-end"));
        // A policy other than the default, within the cap.
        let (a, b) = if (keep_start, keep_end) == (1, 1) { (0, 1) } else { (1, 1) };
        assert!(a + b <= max, "{kind:?}");
        let want = kind.mask(&value, Some(a), Some(b), Some('#')).unwrap().unwrap();
        assert_ne!(want, kind.mask(&value, None, None, Some('#')).unwrap().unwrap(), "{kind:?}: not the default");
        let input = format!("{value}\n");
        let (a, b) = (a.to_string(), b.to_string());
        let mut args = vec!["mask", "--field", field, &start, &a, &end, &b, "--mask-char", "#"];
        let out = run(&args, input.as_bytes());
        assert_eq!((stdout(&out), status(&out)), (format!("{want}\n"), 0), "{kind:?}: {}", stderr(&out));
        args[0] = "check";
        let out = run(&args, input.as_bytes());
        assert_eq!(stdout(&out), format!("1\tvalid\t\t{want}\n"), "{kind:?}");
        // Beyond the cap: refused with the library's message.
        let over = (max + 1).to_string();
        let out = run(&["mask", "--field", field, &start, &over], input.as_bytes());
        assert_eq!(status(&out), 2, "{kind:?}");
        assert!(stderr(&out).starts_with("pccc-guard: the mask policy is refused: "), "{}", stderr(&out));
        // For a field that is not checked: refused, not ignored.
        let other = FieldKind::ALL.into_iter().find(|k| *k != kind).unwrap();
        let out = run(&["check", "--field", other.cli_name(), &end, "1"], input.as_bytes());
        assert_eq!(status(&out), 2, "{kind:?}");
        let message = format!("pccc-guard: {start} and {end} do not apply: no {field} is checked\n");
        assert_eq!(stderr(&out), message);
        for command in ["check", "mask"] {
            let help = stdout(&run(&[command, "--help"], b""));
            assert!(help.contains(&format!("{start} <N>")), "{command} --help: {help}");
            let label = kind.label(Locale::En).to_lowercase();
            assert!(help.to_lowercase().contains(&format!("{label} digits kept visible")), "{command} --help: {help}");
        }
    }
    for kind in FieldKind::ALL.into_iter().filter(|k| !fields.iter().any(|f| f.0 == *k)) {
        let flag = format!("--{}-keep-start", kind.cli_name());
        let out = run(&["mask", "--field", kind.cli_name(), &flag, "1"], b"");
        assert_eq!(status(&out), 2, "{kind:?}: no keep flags without a digit mask");
        assert!(stderr(&out).contains(&format!("unexpected argument '{flag}'")), "{}", stderr(&out));
    }
}

/// `redact` masks what its finder finds: it has the keep flags of those fields, reads them, and refuses the
/// others' (it once accepted the business number's and ignored them).
#[test]
fn redact_reads_the_keep_flags_of_the_fields_it_finds_and_refuses_the_others() {
    let help = stdout(&run(&["redact", "--help"], b""));
    for (kind, _, _, max) in digit_fields() {
        let (start, end) = (format!("--{}-keep-start", kind.cli_name()), format!("--{}-keep-end", kind.cli_name()));
        let Some(found) = kind.paste_kind() else {
            assert!(!help.contains(&start) && !help.contains(&end), "{kind:?}: not looked for in free text: {help}");
            for flag in [&start, &end] {
                let out = run(&["redact", flag, "1"], b"124-81-00998\n");
                assert_eq!(status(&out), 2, "{kind:?}: {flag} is refused, not ignored");
                assert!(stderr(&out).contains(&format!("unexpected argument '{flag}'")), "{}", stderr(&out));
                assert_eq!(stdout(&out), "");
            }
            continue;
        };
        assert!(help.contains(&format!("{start} <N>")) && help.contains(&format!("{end} <N>")), "{help}");
        // A line with a finding of the field's kind, from its vectors.
        let text = inputs(kind)
            .into_iter()
            .map(|s| format!("memo {s} end\n"))
            .find(|t| find_sensitive(t).any(|f| f.kind == found))
            .unwrap_or_else(|| panic!("{kind:?}: no vector is found in free text"));
        let policies = Policies::new().keep(found, Some(1), Some(max - 1)).expect("a kind that keeps digits");
        let want = pccc_guard::redact(&text, &policies).unwrap();
        assert_ne!(want, pccc_guard::redact(&text, &Policies::new()).unwrap(), "{kind:?}: not the default");
        let out = run(&["redact", &start, "1", &end, &(max - 1).to_string()], text.as_bytes());
        assert_eq!((stdout(&out), status(&out)), (want.into_owned(), 0), "{kind:?}: {}", stderr(&out));
        let out = run(&["redact", &start, &(max + 1).to_string()], text.as_bytes());
        assert_eq!(status(&out), 2, "{kind:?}");
        let refused = format!("pccc-guard: the {} mask policy is refused: ", kind.label(Locale::En));
        assert!(stderr(&out).starts_with(&refused), "{kind:?}: {}", stderr(&out));
    }
}
