//! The registry is the only list of fields: hand-written code outside each field's module (`src/<field>.rs`) and
//! the registry (`src/field.rs`, `src/lib.rs`'s module lines) never names a particular field, apart from the
//! deliberate exceptions of `naming::ALLOWED`, each with its reason. A new field then needs no edit anywhere else.
//! `cargo run -p pccc-guard-xtask -- naming` lists the mentions.

use std::fs;
use std::path::{Path, PathBuf};

use pccc_guard::FieldKind;
use pccc_guard_xtask::naming::{allowed, mentions, scan, ALLOWED, SCANNED};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn no_hand_written_code_names_a_field_outside_the_registry() {
    let found = scan(&root()).expect("the tree can be read");
    let list: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(list.is_empty(), "{} mention(s):\n{}", list.len(), list.join("\n"));
}

/// A throwaway copy of the scanned layout with one file in it.
fn tree_with(path: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pccc-naming-{}-{}", std::process::id(), path.replace('/', "-")));
    let _ = fs::remove_dir_all(&dir);
    let file = dir.join(path);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, text).unwrap();
    dir
}

#[test]
fn a_planted_mention_fails_and_the_same_file_without_it_passes() {
    let cases = [
        ("js/forms-extra.js", "export const f = (v) => api.validateBusinessNumber(v);\n", "validateBusinessNumber"),
        ("js/forms-extra.js", "const kind = name === 'pccc' ? 1 : 0;\n", "pccc"),
        ("js/forms-extra.js", "const id = FIELDS.phone.id;\n", "phone"),
        ("src/extra.rs", "fn f(s: &str) -> bool { crate::Postcode::parse(s).is_ok() }\n", "Postcode"),
        ("src/extra.rs", "fn f() -> FieldKind { FieldKind::BusinessNumber }\n", "BusinessNumber"),
        ("src/extra.rs", "struct A { business_number_keep_start: usize }\n", "business_number_keep_start"),
        ("src/extra.rs", "const F: &str = \"business-number\";\n", "business-number"),
        (
            "python/pccc_guard/extra.py",
            "check = lambda v: validate_business_number(v)  # a comment\n",
            "validate_business_number",
        ),
        ("python/pccc_guard/extra.py", "kind = 'postcode'\n", "postcode"),
        ("python/pccc_guard/extra.pyi", "class Form(PcccField): ...\n", "PcccField"),
        ("python/src/extra.rs", "fn f() -> bool { is_valid_phone() }\n", "is_valid_phone"),
    ];
    for (path, text, token) in cases {
        let dir = tree_with(path, text);
        let found = scan(&dir).unwrap();
        assert_eq!(found.len(), 1, "{path}: {text}");
        assert_eq!(found[0].token, token);
        assert_eq!(found[0].line, 1);
        assert!(found[0].to_string().starts_with(&format!("{path}:1: `{token}` names the ")));
        // The same file without the mention passes.
        fs::write(dir.join(path), "export const f = (v, field) => api.validateField(field, v);\n").unwrap();
        assert_eq!(scan(&dir).unwrap(), []);
        fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn comments_other_enums_common_words_and_generated_files_are_not_mentions() {
    for (path, text) in [
        ("js/a.js", "// validatePccc(\"P123456789012\") in a comment\n/* 'phone' */ const x = 1;\n"),
        ("js/a.js", "const n = el.getAttribute('name'); const g = 'pccc-guard'; el.dataset.pcccField = f;\n"),
        ("src/a.rs", "fn f(k: Kind) -> bool { matches!(k, Kind::Pccc | Kind::Phone) }\nuse pccc_guard::FieldKind;\n"),
        ("src/a.rs", "fn f(file_name: &str, js_name: &str) {}\n"),
        ("cli/src/a.rs", "use pccc_guard_gateway::unipass::ApiKey;\nuse pccc_guard::FieldKind;\n"),
        ("js/gen.js", "// Generated from the Rust field registry. Do not edit.\nexport const validatePccc = 1;\n"),
        ("python/a.py", "# validate_pccc(\"P123456789012\") in a comment\nx = 10 // 3\n"),
        ("python/a.py", "\"\"\"A docstring: \"quoted\" validate_pccc('x') and 'phone'.\"\"\"\nimport pccc_guard\n"),
        ("python/a.py", "'''validate_phone(\"010\")'''\nname = field.name\n"),
        ("python/gen.py", "# Generated from the Rust field registry. Do not edit.\nvalidate_pccc = 1\n"),
    ] {
        let generated = path.contains("/gen.");
        assert_eq!(mentions(path, text).into_iter().filter(|_| !generated).count(), 0, "{text}");
        let dir = tree_with(path, text);
        assert_eq!(scan(&dir).unwrap(), [], "{text}");
        fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn every_field_is_looked_for() {
    for kind in FieldKind::ALL {
        let p: String = kind.name().split('_').map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect();
        let found = mentions("js/a.js", &format!("export const x = validate{p};\n"));
        assert_eq!(found.iter().map(|m| m.field).collect::<Vec<_>>(), [kind]);
    }
}

/// Each exception still excuses something: an allow-list entry whose name is gone from its file is removed.
#[test]
fn every_exception_is_still_needed_and_a_couple_at_most() {
    assert!(ALLOWED.len() <= 2, "at most a couple of deliberate exceptions");
    for exception in ALLOWED {
        assert!(exception.reason.len() > 40, "each exception says why");
        for (path, names) in exception.mentions {
            let text = fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            let used: Vec<String> = mentions(path, &text).into_iter().filter(allowed).map(|m| m.token).collect();
            for name in *names {
                assert!(used.iter().any(|u| u == name), "{path}: `{name}` is allowed but no longer used");
            }
        }
    }
    for folder in ["src", "js", "cli/src", "python"] {
        assert!(SCANNED.iter().any(|(dir, _)| *dir == folder), "{folder} is read");
    }
}
