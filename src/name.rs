//! The recipient's name, as UNI-PASS compares it with the name registered with a PCCC, and its display mask.
//!
//! The normalisation rules are listed on [`Name`].

use alloc::string::String;

use core::fmt;
use core::iter::Peekable;
use core::str::CharIndices;

use crate::field::{FieldDocs, MaskExample};
use crate::mask::FieldMask;
use crate::normalize::{map_char, Mapped, Source};
use crate::pccc::is_rrn_date;

/// Fewest Hangul syllables, or Latin letters, in a name.
const MIN_LETTERS: usize = 2;
/// Most Hangul syllables in a name.
const MAX_HANGUL: usize = 20;
/// Most characters in a Latin name, spaces and punctuation included.
const MAX_LATIN: usize = 60;

/// Rules 1–3 for one character: `None` when it is dropped. The shared code rules do the full-width mapping;
/// what they drop is sorted here into spaces, hyphens and invisible characters.
fn map_name_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{2BC}' => return Some('\''),
        // The code rules upper-case `p`; a name keeps its case.
        'p' | '\u{FF50}' => return Some('p'),
        _ => {}
    }
    match map_char(c) {
        Mapped::Keep(ch) => Some(ch),
        Mapped::Drop => match c {
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => None,
            _ => Some(' '),
        },
    }
}

/// Rules 1–3 over an input, remembering original positions.
#[derive(Clone, Debug)]
struct NameMapped<'a> {
    chars: CharIndices<'a>,
    utf16: usize,
}

impl Iterator for NameMapped<'_> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        for (byte, c) in self.chars.by_ref() {
            let utf16 = self.utf16;
            self.utf16 += c.len_utf16();
            if let Some(ch) = map_name_char(c) {
                return Some(Source { ch, byte, utf16 });
            }
        }
        None
    }
}

/// The normalised characters of a name (all five rules), with their original positions.
#[derive(Clone, Debug)]
pub(crate) struct NameChars<'a> {
    mapped: Peekable<NameMapped<'a>>,
    held: Option<Source>,
    started: bool,
}

impl<'a> NameChars<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        NameChars {
            mapped: NameMapped { chars: input.char_indices(), utf16: 0 }.peekable(),
            held: None,
            started: false,
        }
    }

    /// Rule 4: a leading consonant and a vowel (and a trailing consonant) become one syllable, as does a
    /// syllable without a final consonant followed by one.
    fn compose(&mut self, mut s: Source) -> Source {
        let c = s.ch as u32;
        let mut syllable = match self.mapped.peek().map(|next| next.ch as u32) {
            Some(v @ 0x1161..=0x1175) if (0x1100..=0x1112).contains(&c) => {
                self.mapped.next();
                0xAC00 + ((c - 0x1100) * 21 + (v - 0x1161)) * 28
            }
            _ if (0xAC00..=0xD7A3).contains(&c) && (c - 0xAC00) % 28 == 0 => c,
            _ => return s,
        };
        if let Some(t @ 0x11A8..=0x11C2) = self.mapped.peek().map(|next| next.ch as u32) {
            self.mapped.next();
            syllable += t - 0x11A7;
        }
        s.ch = char::from_u32(syllable).unwrap_or(s.ch);
        s
    }
}

impl Iterator for NameChars<'_> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(held) = self.held.take() {
            return Some(held);
        }
        // Rule 5: a space is only given out once something follows it.
        let mut space = None;
        loop {
            let s = self.mapped.next()?;
            if s.ch == ' ' {
                if self.started && space.is_none() {
                    space = Some(s);
                }
                continue;
            }
            let s = self.compose(s);
            self.started = true;
            return match space {
                Some(space) => {
                    self.held = Some(s);
                    Some(space)
                }
                None => Some(s),
            };
        }
    }
}

/// The script a name is written in.
///
/// # Example: ask which kind of name it is
///
/// ```
/// use pccc_guard::{NameScript, Name};
///
/// assert_eq!(Name::parse("Hong Gildong")?.script(), NameScript::Latin);
/// # Ok::<(), pccc_guard::NameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameScript {
    /// Hangul syllables, with optional spaces: the Korean name.
    Hangul,
    /// Latin letters with spaces, hyphens, apostrophes and dots: a registered English name.
    Latin,
}

/// A recipient name in a form UNI-PASS can compare with the name registered with a PCCC: Hangul syllables
/// (U+AC00–U+D7A3) with optional single spaces, or ASCII Latin letters with spaces, `-`, `'` and `.`.
///
/// The bounds are deliberately generous, so that they only catch mistakes: a Hangul name has 2 to 20
/// syllables (most Korean names have 2 to 4; 20 leaves room for long given names and foreign names written in
/// Hangul), a Latin name has at least 2 letters and at most 60 characters (the name field of a passport's
/// machine-readable zone holds 39).
///
/// `Display` and [`as_str`](Self::as_str) give the normalised name; `Debug` does not print it.
///
/// Names keep characters that codes drop (spaces, hyphens), so parsing applies its own normalisation,
/// character by character:
///
/// 1. Full-width forms U+FF01–U+FF5E map to ASCII (`Ｋｉｍ` is `Kim`), as in [`normalize`](crate::normalize).
/// 2. White space (ASCII white space, U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000) becomes a space; the
///    invisible characters U+00AD, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF are dropped.
/// 3. The dashes U+2010–U+2015, U+2212, U+FE63 become `-`; the quotation marks U+2018, U+2019 and U+02BC (what
///    phone keyboards type for an apostrophe) become `'`.
/// 4. Decomposed Hangul (conjoining jamo, as pasted from macOS file names) is composed into syllables.
/// 5. Leading and trailing spaces are removed and runs of spaces become one.
///
/// Case is kept as typed. Like the code rules, this is written out by hand, without Unicode tables.
///
/// # Example: parse a name
///
/// ```
/// use pccc_guard::Name;
///
/// let name: Name = "  홍길동 ".parse()?;
/// assert_eq!(name.as_str(), "홍길동");
/// assert!(name.is_hangul());
/// assert_eq!(Name::parse("Ｍａｒｙ\u{3000}O’Neil")?.as_str(), "Mary O'Neil");
/// assert_eq!(format!("{name:?}"), "Name(***)");
/// # Ok::<(), pccc_guard::NameError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Name {
    value: String,
    script: NameScript,
}

impl Name {
    /// Normalises and checks `input`, returning the name or the first rule it breaks.
    ///
    /// The rules, first match wins: nothing left is [`Empty`](NameError::Empty); 13 digits (spaces and hyphens
    /// aside) reading as YYMMDD + 7 are [`LooksLikeRrn`](NameError::LooksLikeRrn); a digit is
    /// [`ContainsDigits`](NameError::ContainsDigits); a character that is none of Hangul syllable, ASCII letter,
    /// space, `-`, `'`, `.` is [`InvalidCharacter`](NameError::InvalidCharacter); Hangul and Latin letters
    /// together are [`MixedScripts`](NameError::MixedScripts); punctuation in a Hangul name, or a name without
    /// letters, is `InvalidCharacter`; then [`TooShort`](NameError::TooShort) and
    /// [`TooLong`](NameError::TooLong).
    ///
    /// Runs in time linear in the input and allocates at most the 60 characters of a valid name.
    ///
    /// # Example: digits are caught
    ///
    /// ```
    /// use pccc_guard::{NameError, Name};
    ///
    /// assert!(Name::parse("John Smith").is_ok());
    /// assert_eq!(Name::parse("900101-1234567"), Err(NameError::LooksLikeRrn));
    /// assert_eq!(Name::parse("김1").unwrap_err().code(), "contains_digits");
    /// # Ok::<(), NameError>(())
    /// ```
    #[inline(never)] // one copy, shared by every caller (smaller wasm)
    pub fn parse(input: &str) -> Result<Name, NameError> {
        let mut value = String::new();
        let (mut chars, mut hangul, mut latin, mut digits) = (0usize, 0usize, 0usize, 0usize);
        let mut head = [0u8; 6];
        let (mut first_digit, mut first_invalid, mut first_punct) = (None, None, None);
        // Whether everything but the digits is spaces and hyphens, as in a typed RRN.
        let mut rrn_shape = true;
        for s in NameChars::new(input) {
            chars += 1;
            match s.ch {
                '\u{AC00}'..='\u{D7A3}' => hangul += 1,
                'A'..='Z' | 'a'..='z' => latin += 1,
                ' ' => {}
                '-' | '\'' | '.' => {
                    first_punct.get_or_insert(s);
                }
                '0'..='9' => {
                    if let Some(slot) = head.get_mut(digits) {
                        *slot = s.ch as u8 - b'0';
                    }
                    digits += 1;
                    first_digit.get_or_insert(s);
                }
                _ => {
                    first_invalid.get_or_insert(s);
                }
            }
            rrn_shape &= matches!(s.ch, '0'..='9' | ' ' | '-');
            if chars <= MAX_LATIN {
                value.push(s.ch);
            }
        }
        let at = |s: Source| (s.byte, s.utf16);
        if chars == 0 {
            return Err(NameError::Empty);
        }
        if rrn_shape && digits == 13 && is_rrn_date(&head) {
            return Err(NameError::LooksLikeRrn);
        }
        if let Some((index, utf16_index)) = first_digit.map(at) {
            return Err(NameError::ContainsDigits { index, utf16_index });
        }
        if let Some((index, utf16_index)) = first_invalid.map(at) {
            return Err(NameError::InvalidCharacter { index, utf16_index });
        }
        let (script, letters) = match (hangul, latin) {
            (0, 0) => (NameScript::Latin, 0),
            (_, 0) => (NameScript::Hangul, hangul),
            (0, _) => (NameScript::Latin, latin),
            _ => return Err(NameError::MixedScripts),
        };
        // Punctuation belongs to Latin names only, and a name needs letters.
        if let Some((index, utf16_index)) = first_punct.map(at) {
            if script == NameScript::Hangul || letters == 0 {
                return Err(NameError::InvalidCharacter { index, utf16_index });
            }
        }
        if letters < MIN_LETTERS {
            return Err(NameError::TooShort { length: letters });
        }
        match script {
            NameScript::Hangul if hangul > MAX_HANGUL => Err(NameError::TooLong { length: hangul }),
            NameScript::Latin if chars > MAX_LATIN => Err(NameError::TooLong { length: chars }),
            _ => Ok(Name { value, script }),
        }
    }

    /// Whether `input` is a valid name after normalisation; the same answer as
    /// `Name::parse(input).is_ok()`.
    ///
    /// # Example: a quick yes or no
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// assert!(Name::is_valid("남궁 민수"));
    /// assert!(!Name::is_valid("ㅎㄱㄷ"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Name::parse(input).is_ok()
    }

    /// The normalised name, the form to submit.
    ///
    /// # Example: spaces are trimmed and collapsed
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// assert_eq!(Name::parse(" Hong \t Gil-dong ")?.as_str(), "Hong Gil-dong");
    /// # Ok::<(), pccc_guard::NameError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The canonical form's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.value.as_bytes()
    }

    /// The script the name is written in.
    ///
    /// # Example: a Hangul name
    ///
    /// ```
    /// use pccc_guard::{NameScript, Name};
    ///
    /// assert_eq!(Name::parse("홍길동")?.script(), NameScript::Hangul);
    /// # Ok::<(), pccc_guard::NameError>(())
    /// ```
    pub const fn script(&self) -> NameScript {
        self.script
    }

    /// Whether the name is written in Hangul (otherwise it is a Latin, registered English name).
    ///
    /// # Example: Hangul or not
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// assert!(Name::parse("홍길동")?.is_hangul());
    /// assert!(!Name::parse("Hong Gildong")?.is_hangul());
    /// # Ok::<(), pccc_guard::NameError>(())
    /// ```
    pub const fn is_hangul(&self) -> bool {
        matches!(self.script, NameScript::Hangul)
    }
}

/// Redacted: prints `Name(***)`, never the name.
impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Name(***)")
    }
}

/// A masking policy for a recipient name, following PIPC's delivery-label practice.
///
/// - Hangul: the first syllable is kept, and from 3 syllables on the last one too; the rest is masked and
///   spaces are left out: `김*`, `홍*동`, `남궁 민수` → `남**수`.
/// - Latin: the first character of each space-separated word is kept and every other letter is masked;
///   spaces and punctuation stay: `John Smith` → `J*** S****`, `Mary-Jane O'Neil` → `M***-**** O'****`.
///
/// The rule is fixed; only the fill character can be chosen.
///
/// # Example: mask names for a delivery label
///
/// ```
/// use pccc_guard::NameMask;
///
/// const SITE_MASK: NameMask = NameMask::new();
///
/// assert_eq!(SITE_MASK.apply("홍길동")?, "홍*동");
/// assert_eq!(SITE_MASK.apply("김구")?, "김*");
/// assert_eq!(SITE_MASK.apply("John Smith")?, "J*** S****");
/// assert_eq!(SITE_MASK.apply("홍길동1")?, "****");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub type NameMask = FieldMask<Name>;

impl crate::mask::MaskedField for Name {
    const NAME: &'static str = "NameMask";
    const KEEP: (usize, usize) = (0, 0);
    const MAX_REVEALED: usize = 0;

    fn parse_field(input: &str) -> Option<Name> {
        Name::parse(input).ok()
    }

    fn normalized_len(input: &str) -> usize {
        NameChars::new(input).count()
    }

    fn masked(&self, mask: &NameMask) -> String {
        let hangul = self.is_hangul();
        let last = self.as_str().chars().filter(|&c| c != ' ').count().saturating_sub(1);
        let mut out = String::with_capacity(self.as_str().len() * 2);
        let (mut i, mut word_start) = (0, true);
        for c in self.as_str().chars() {
            let keep = if hangul {
                // Spaces are left out; the first syllable stays, and the last from 3 syllables on.
                if c == ' ' {
                    continue;
                }
                i += 1;
                i == 1 || (last >= 2 && i == last + 1)
            } else {
                word_start || !c.is_ascii_alphabetic()
            };
            word_start = c == ' ';
            out.push(if keep { c } else { mask.fill_char() });
        }
        out
    }
}

// ---- Errors: the enum, its positions, and its message table ----------------------------------------

/// Why a string is not a usable recipient name.
///
/// UNI-PASS compares the name with the one registered with the PCCC: the Korean name in Hangul, or for some
/// holders the registered English name. Each variant has a stable [`code`](Self::code) and one fixed message per
/// [`Locale`](crate::Locale) that never contains the input.
///
/// # Example: digits in a name
///
/// ```
/// use pccc_guard::{NameError, Name};
///
/// let err = Name::parse("홍길동2").unwrap_err();
/// assert_eq!(err, NameError::ContainsDigits { index: 9, utf16_index: 3 });
/// assert_eq!(err.code(), "contains_digits");
/// # Ok::<(), NameError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameError {
    /// Nothing left after normalisation.
    Empty,
    /// Thirteen digits (spaces and hyphens aside) that read like a resident registration number.
    LooksLikeRrn,
    /// A digit in the name.
    ContainsDigits {
        /// Byte offset of the first digit in the input.
        index: usize,
        /// UTF-16 offset of the first digit in the input.
        utf16_index: usize,
    },
    /// A character that cannot be part of a name: a lone Hangul consonant or vowel, a letter with a diacritic,
    /// another script, an emoji, a symbol, or punctuation in a Hangul name.
    InvalidCharacter {
        /// Byte offset of the first such character in the input.
        index: usize,
        /// UTF-16 offset of the first such character in the input.
        utf16_index: usize,
    },
    /// Hangul and Latin letters in the same name.
    MixedScripts,
    /// Fewer than 2 Hangul syllables, or fewer than 2 Latin letters.
    TooShort {
        /// Hangul syllables, or Latin letters, found.
        length: usize,
    },
    /// More than 20 Hangul syllables, or more than 60 characters in a Latin name.
    TooLong {
        /// Hangul syllables, or characters of a Latin name (spaces and punctuation included), found.
        length: usize,
    },
}

impl NameError {
    /// The byte offset in the input of the character a [`ContainsDigits`](Self::ContainsDigits) or
    /// [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// assert_eq!(Name::parse("Kim#").unwrap_err().index(), Some(3));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            NameError::ContainsDigits { index, .. } | NameError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// let err = Name::parse("홍길동😀").unwrap_err();
    /// assert_eq!((err.index(), err.utf16_index()), (Some(9), Some(3)));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            NameError::ContainsDigits { utf16_index, .. } | NameError::InvalidCharacter { utf16_index, .. } => {
                Some(*utf16_index)
            }
            _ => None,
        }
    }

    /// The length found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: one syllable is too short
    ///
    /// ```
    /// use pccc_guard::Name;
    ///
    /// assert_eq!(Name::parse("김").unwrap_err().length(), Some(1));
    /// ```
    pub const fn length(&self) -> Option<usize> {
        match self {
            NameError::TooShort { length } | NameError::TooLong { length } => Some(*length),
            _ => None,
        }
    }
}

crate::error::field_error!(NameError, Name, 7, found: length "characters", [
    NameError::Empty => "empty",
        "받는 분 이름을 입력해 주세요. 개인통관고유부호에 등록된 한글 이름이나 등록한 영문 이름이어야 합니다.",
        "Enter the recipient's name as registered with the personal customs clearance code: the Korean name or the registered English name.";
    NameError::LooksLikeRrn => "looks_like_rrn",
        "주민등록번호 같습니다. 주민등록번호 말고 받는 분 이름을 입력해 주세요.",
        "This looks like a resident registration number. Enter the recipient's name instead.";
    NameError::ContainsDigits { .. } => "contains_digits",
        "이름에는 숫자를 쓸 수 없습니다. 등록된 이름을 그대로 입력해 주세요.",
        "A name cannot contain digits. Enter the name exactly as registered.";
    NameError::InvalidCharacter { .. } => "invalid_character",
        "이름에 쓸 수 없는 문자가 있습니다. 한글만, 또는 영문자와 공백, 하이픈, 아포스트로피, 마침표만 쓸 수 있습니다.",
        "The name contains a character that cannot be used. Use Hangul only, or Latin letters, spaces, hyphens, apostrophes and dots.";
    NameError::MixedScripts => "mixed_scripts",
        "한글과 영문을 섞어 쓸 수 없습니다. 등록된 한글 이름이나 영문 이름 하나로 입력해 주세요.",
        "Korean and Latin letters cannot be mixed. Enter the registered Korean name or the registered English name.";
    NameError::TooShort { .. } => "too_short",
        "이름이 너무 짧습니다. 성을 포함한 전체 이름을 입력해 주세요.",
        "The name is too short. Enter the full name, family name included.";
    NameError::TooLong { .. } => "too_long",
        "이름이 너무 깁니다. 한글은 20자, 영문은 60자까지입니다.",
        "The name is too long: at most 20 Hangul syllables or 60 Latin characters.";
]);

impl Name {
    #[doc(hidden)]
    /// What the generated JavaScript says of the field (src/field.rs, `FieldDocs`).
    pub const DOCS: FieldDocs = FieldDocs {
        what: "a recipient name",
        validate:
            "Checks a recipient name, which must be the one registered with the PCCC: Hangul syllables with optional
spaces (2 to 20 syllables), or the registered English name in Latin letters with spaces, `-`, `'` and `.`
(2 letters to 60 characters). Spaces are trimmed and collapsed; full-width letters become ASCII.

Returns `{ valid: true, value }` with the normalised name, or `{ valid: false, error }` (digits, mixed
Hangul and Latin letters and a bad length each have their own code).",
        examples: &[" 홍길동 ", "홍Gildong"],
        mask: "Masks a recipient name for display: a Hangul name keeps its first syllable and, from 3 syllables on, its
last (`김*`, `홍*동`, `남**수`); a Latin name keeps the first letter of each word (`J*** S****`). Input that
is not a valid name is masked completely, showing only its length. Throws an `Error` with `code`
`\"invalid_mask_char\"` for a mask character that is not one visible non-digit character.",
        mask_examples: &[
            MaskExample::of("홍길동"),
            MaskExample { input: "John Smith", keep_start: None, keep_end: None, fill: Some('•') },
        ],
    };
}
