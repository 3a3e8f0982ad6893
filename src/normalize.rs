//! Input normalisation: the exact, small set of character rules that turn what people type or paste into
//! what the validators look at.
//!
//! The rules, applied character by character and in this order:
//!
//! 1. Full-width forms U+FF01–U+FF5E map to ASCII U+0021–U+007E (Korean IMEs left in full-width mode emit
//!    them); U+3000 (ideographic space) maps to a space.
//! 2. These are dropped: ASCII whitespace (space, tab, CR, LF, VT, FF), U+00A0, U+2000–U+200A, U+202F,
//!    U+205F, U+3000; hyphen-minus and the dashes U+2010–U+2015, U+2212, U+FE63; the invisible characters
//!    U+00AD, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF.
//! 3. Lower-case `p` becomes `P`. Nothing else changes case.
//! 4. The Korean keyboard: with Hangul input on, the P key types `ㅔ` (U+3154) and Shift+P `ㅖ` (U+3156). Either
//!    one as the first kept character, where a code's `P` belongs, becomes `P`. Anywhere else it stays, and the
//!    validators reject it: only the first key is typed before a Korean user notices the input mode.
//!
//! Nothing else is folded: `𝐏`, Arabic-Indic digits or a Cyrillic `Р` stay what they are, and the validators
//! then reject them as invalid characters. The mapping is written out by hand instead of using Unicode tables,
//! which keeps the WebAssembly module small.

use alloc::string::String;

/// What the normalisation rules do with one input character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mapped {
    /// The character is dropped.
    Drop,
    /// The character is kept as this character.
    Keep(char),
}

/// Applies the rules to a single character.
#[inline]
pub(crate) const fn map_char(c: char) -> Mapped {
    // Rule 1: full-width forms to ASCII, ideographic space to space (then dropped by rule 2).
    let c = match c as u32 {
        0xFF01..=0xFF5E => match char::from_u32(c as u32 - 0xFF01 + 0x21) {
            Some(ascii) => ascii,
            None => c,
        },
        0x3000 => ' ',
        _ => c,
    };
    match c {
        // Rule 2: white space, dashes and invisible characters.
        ' '
        | '\t'
        | '\r'
        | '\n'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Mapped::Drop,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Mapped::Drop,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => {
            Mapped::Drop
        }
        // Rule 3: the one case change.
        'p' => Mapped::Keep('P'),
        other => Mapped::Keep(other),
    }
}

/// One character of normalised output, with where it came from in the original input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Source {
    /// The normalised character.
    pub(crate) ch: char,
    /// Byte offset of the original character in the input.
    pub(crate) byte: usize,
    /// UTF-16 code-unit offset of the original character in the input (what JavaScript calls an index).
    pub(crate) utf16: usize,
}

/// Rule 4: the Hangul-mode P key (`ㅔ`, and `ㅖ` with Shift) as the first kept character is `P`.
#[inline]
const fn map_first(ch: char) -> char {
    match ch {
        '\u{3154}' | '\u{3156}' => 'P',
        other => other,
    }
}

/// Iterates over the normalised characters of an input, remembering their original positions.
#[derive(Clone, Debug)]
pub(crate) struct Normalized<'a> {
    chars: core::str::CharIndices<'a>,
    utf16: usize,
    /// No character has been kept yet (rule 4 applies to the next one).
    first: bool,
}

impl<'a> Normalized<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Normalized { chars: input.char_indices(), utf16: 0, first: true }
    }
}

impl Iterator for Normalized<'_> {
    type Item = Source;

    #[inline]
    fn next(&mut self) -> Option<Source> {
        for (byte, c) in self.chars.by_ref() {
            let utf16 = self.utf16;
            self.utf16 += c.len_utf16();
            if let Mapped::Keep(ch) = map_char(c) {
                let ch = if self.first { map_first(ch) } else { ch };
                self.first = false;
                return Some(Source { ch, byte, utf16 });
            }
        }
        None
    }
}

/// Normalises an input with the rules of this module (full-width to ASCII; white space, dashes and invisible
/// characters dropped; `p` upper-cased; a Hangul-mode `ㅔ`/`ㅖ` in the first place read as `P`).
///
/// Normalising is idempotent: normalising the result again changes nothing.
///
/// # Example: clean up what an IME and a paste produced
///
/// ```
/// use pccc_guard::normalize;
///
/// assert_eq!(normalize("ｐ１２３４ 5678-9012\u{200B}"), "P123456789012");
/// assert_eq!(normalize("\u{3000}"), "");
/// // The P key typed with Hangul input on.
/// assert_eq!(normalize("ㅔ1234 5678 9012"), "P123456789012");
/// ```
pub fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    out.extend(Normalized::new(input).map(|s| s.ch));
    out
}

/// A value and a caret (cursor) position in it, as UTF-16 code-unit offsets, the unit browsers use for
/// `selectionStart`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithCaret {
    /// The normalised value.
    pub value: String,
    /// Where the caret belongs in [`value`](Self::value), in UTF-16 code units.
    pub caret: usize,
}

/// Normalises `value` and moves `caret` (a UTF-16 offset into `value`) so it stays at the same logical place:
/// after the same kept characters as before. A caret past the end is treated as the end, and a caret that
/// falls inside a surrogate pair is treated as being before that pair.
///
/// This is the step an as-you-type field runs on every input event, without touching the DOM, so controlled
/// inputs (React, Vue) can use it directly.
///
/// # Example: the caret stays after the digit the user just typed
///
/// ```
/// use pccc_guard::normalize_with_caret;
///
/// // The user typed "１" (full-width) after "P 12"; the caret was after it (UTF-16 offset 5).
/// let out = normalize_with_caret("P 12１3", 5);
/// assert_eq!(out.value, "P1213");
/// assert_eq!(out.caret, 4);
/// ```
pub fn normalize_with_caret(value: &str, caret: usize) -> WithCaret {
    let mut out = String::with_capacity(value.len());
    let mut new_caret = 0;
    let mut out_utf16 = 0;
    let mut utf16 = 0;
    for c in value.chars() {
        let end = utf16 + c.len_utf16();
        if let Mapped::Keep(ch) = map_char(c) {
            let ch = if out.is_empty() { map_first(ch) } else { ch };
            out.push(ch);
            out_utf16 += ch.len_utf16();
            if end <= caret {
                new_caret = out_utf16;
            }
        }
        utf16 = end;
    }
    WithCaret { value: out, caret: new_caret }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_range_maps_to_ascii_and_nothing_beyond_it() {
        assert_eq!(map_char('\u{FF01}'), Mapped::Keep('!'));
        assert_eq!(map_char('\u{FF5E}'), Mapped::Keep('~'));
        assert_eq!(map_char('\u{FF00}'), Mapped::Keep('\u{FF00}'));
        assert_eq!(map_char('\u{FF5F}'), Mapped::Keep('\u{FF5F}'));
        // Full-width hyphen-minus becomes '-', which is then dropped.
        assert_eq!(map_char('\u{FF0D}'), Mapped::Drop);
        // Full-width lower-case p becomes 'p', then 'P'.
        assert_eq!(map_char('\u{FF50}'), Mapped::Keep('P'));
    }

    #[test]
    fn positions_follow_the_original_input() {
        let got: Vec<_> = Normalized::new("\u{200B}𝐏a").collect();
        assert_eq!(got[0], Source { ch: '𝐏', byte: 3, utf16: 1 });
        assert_eq!(got[1], Source { ch: 'a', byte: 7, utf16: 3 });
    }
}
