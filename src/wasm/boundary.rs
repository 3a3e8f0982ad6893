//! The numbers the WebAssembly boundary (`src/wasm/exports.rs`) and the package's JavaScript share: result slots, "no
//! value", buffer capacities. Plain constants, compiled on every target, so that the JavaScript contract
//! (`js/api/contract.js`, written by `cargo run --example js_contract`) is generated from them and a test compares
//! the committed file with them.

/// "No value" in a number slot (`index`, `found`), and "the field's default" in a mask argument.
pub const NONE: u32 = u32::MAX;

/// Slot numbers of a result record. A valid result sets `VALUE_*` (and `DISPLAY_*` for a field with a display
/// form); an invalid one sets the others.
pub mod slot {
    /// Address of the error code's text (`"too_short"`).
    pub const CODE_PTR: usize = 0;
    /// Length in bytes of the error code.
    pub const CODE_LEN: usize = 1;
    /// Address of the message's text (UTF-8) in the requested locale.
    pub const MESSAGE_PTR: usize = 2;
    /// Length in bytes of the message.
    pub const MESSAGE_LEN: usize = 3;
    /// UTF-16 index of the offending character, or [`NONE`](super::NONE).
    pub const INDEX: usize = 4;
    /// Digits (or letters, for a name) found, or [`NONE`](super::NONE).
    pub const FOUND: usize = 5;
    /// Byte length of the value in the text buffer.
    pub const VALUE_LEN: usize = 6;
    /// Byte offset in the text buffer of the value's display form (a mobile or business number's hyphens).
    pub const DISPLAY_START: usize = 7;
    /// Byte length of the display form (0: none).
    pub const DISPLAY_LEN: usize = 8;
    /// The caret after `normalizeWithCaret`.
    pub const CARET: usize = 9;
    /// Address of the findings block that `find` writes.
    pub const FOUND_PTR: usize = 10;
    /// Where a `find` that filled its block goes on: a byte offset…
    pub const NEXT_BYTE: usize = 11;
    /// …and the same place in UTF-16 units.
    pub const NEXT_UTF16: usize = 12;

    /// Every slot, by name, in order (for the generated JavaScript contract).
    pub const ALL: [(&str, usize); 13] = [
        ("CODE_PTR", CODE_PTR),
        ("CODE_LEN", CODE_LEN),
        ("MESSAGE_PTR", MESSAGE_PTR),
        ("MESSAGE_LEN", MESSAGE_LEN),
        ("INDEX", INDEX),
        ("FOUND", FOUND),
        ("VALUE_LEN", VALUE_LEN),
        ("DISPLAY_START", DISPLAY_START),
        ("DISPLAY_LEN", DISPLAY_LEN),
        ("CARET", CARET),
        ("FOUND_PTR", FOUND_PTR),
        ("NEXT_BYTE", NEXT_BYTE),
        ("NEXT_UTF16", NEXT_UTF16),
    ];
}

/// How many `u32` slots a result record has.
pub const SLOT_COUNT: usize = slot::ALL.len();

/// Room in the text buffer for the longest value a valid field can have, with its display form (a 20-syllable
/// name with spaces is 79 bytes; a mobile number and its display form together 24).
pub const TEXT_CAPACITY: usize = 256;

/// Findings one `find` call returns at most, three `u32`s each: kind, UTF-16 start, UTF-16 end.
pub const FOUND_CAPACITY: usize = 64;
