//! Every field of the registry on arbitrary UTF-8, with the invariants every field keeps (so a new field is
//! fuzzed without a target of its own): the canonical form parses to itself, so does the display form; an error's
//! position is a character boundary inside the input and its message never holds the input; the default mask of
//! an invalid value reveals no digit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pccc_guard::{FieldKind, Locale};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else { return };
    for kind in FieldKind::ALL {
        match kind.check(input) {
            Ok(value) => {
                let canonical = value.as_str();
                assert_eq!(kind.check(canonical).as_ref().map(|v| v.as_str()), Ok(canonical), "{kind:?}");
                if let Some(display) = value.display() {
                    assert_eq!(kind.check(display).as_ref().map(|v| v.as_str()), Ok(canonical), "{kind:?}");
                }
            }
            Err(e) => {
                if let Some(i) = e.index() {
                    assert!(input.is_char_boundary(i) && i < input.len(), "{kind:?}");
                }
                // Messages name a rule's own short numbers (010, 12 digits, 01 to 63); no run of five digits or more
                // from the input can be in them.
                for locale in [Locale::Ko, Locale::En] {
                    let message = e.message(locale);
                    for run in input.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() >= 5) {
                        assert!(!message.contains(run), "{kind:?} echoes the input");
                    }
                }
                if let Some(masked) = kind.mask(input, None, None, None) {
                    let masked = masked.expect("the default policy is accepted");
                    assert!(!masked.chars().any(|c| c.is_ascii_digit()), "{kind:?}: an invalid value reveals no digit");
                }
            }
        }
    }
});
