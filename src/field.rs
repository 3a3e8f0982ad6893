//! The fields, in one registry: every surface (the WebAssembly boundary and so JavaScript, serde, masking, the
//! command-line tool, the generated JavaScript contract) reaches a field through [`FieldKind`] and the [`Field`]
//! and [`FieldError`] traits, never through a copy of its own.
//!
//! A field is one module: its type, its error enum with the message table beside it (`field_error!`), its mask
//! policy and its vectors (`tests/data/<field>.json`). Adding one means writing that module and one line of
//! [`fields!`] below; CONTRIBUTING.md lists the rest.

use core::fmt;
use core::hash::Hash;
use core::str::FromStr;

use alloc::string::String;

use crate::error::{debug_error, Message};
use crate::{BusinessNumber, BusinessNumberError, Kind, Locale, MaskError, Name, NameError, Pccc, PcccError};
use crate::{FieldMask, Phone, PhoneError, Postcode, PostcodeError};

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// A field's type: a value that can only be had by parsing, with a canonical string form.
///
/// Implemented by [`Pccc`], [`Phone`], [`Postcode`], [`Name`] and [`BusinessNumber`]; sealed. Code that works on
/// any field (a form handler, a bulk check) is written once over this trait.
///
/// # Example: one function for every field
///
/// ```
/// use pccc_guard::{BusinessNumber, Field, Pccc, Phone};
///
/// fn canonical<F: Field>(input: &str) -> Option<String> {
///     F::parse(input).ok().map(|v| v.as_str().to_owned())
/// }
///
/// assert_eq!(canonical::<Pccc>("p1234 5678 9012").as_deref(), Some("P123456789012"));
/// assert_eq!(canonical::<Phone>("010-1234-5678").as_deref(), Some("01012345678"));
/// assert_eq!(canonical::<BusinessNumber>("124-81-00998").as_deref(), Some("1248100998"));
/// ```
pub trait Field: Sized + Clone + Eq + Hash + fmt::Debug + fmt::Display + AsRef<str> + sealed::Sealed {
    /// Why a string is not a value of this field.
    type Error: FieldError;
    /// Which field this is.
    const KIND: FieldKind;

    /// Normalises and checks `input`, returning the value or the first rule it breaks.
    fn parse(input: &str) -> Result<Self, Self::Error>;

    /// The canonical form: what to submit and store.
    fn as_str(&self) -> &str;

    /// The form to show, where it differs from the canonical one (a mobile number's or a business number's
    /// hyphens).
    fn display(&self) -> Option<&str> {
        None
    }

    #[doc(hidden)]
    /// The canonical form's bytes, without the UTF-8 check `as_str` needs (smaller WebAssembly).
    fn canonical_bytes(&self) -> &[u8];

    #[doc(hidden)]
    /// The display form's bytes; empty when there is none.
    fn display_bytes(&self) -> &[u8] {
        &[]
    }
}

/// Code that runs once per field type, chosen by a [`FieldKind`] at run time ([`FieldKind::visit`]): the
/// WebAssembly boundary and the command-line tool dispatch through it, so each field's code is its own
/// monomorphic copy and no value is boxed or matched twice.
#[doc(hidden)]
pub trait FieldVisitor {
    /// What the visit returns.
    type Output;
    /// Runs for the field type `F`.
    fn visit<F: Field>(self) -> Self::Output;
}

/// A field's error: a small `Copy` enum with a stable code and one fixed message per [`Locale`] for each
/// variant, read from one table ([`MESSAGES`](Self::MESSAGES)). Messages never contain the input.
///
/// # Example: report any field's error the same way
///
/// ```
/// use pccc_guard::{Field, FieldError, Locale, Postcode};
///
/// fn explain<F: Field>(input: &str) -> Option<(&'static str, &'static str)> {
///     F::parse(input).err().map(|e| (e.code(), e.message(Locale::En)))
/// }
///
/// assert_eq!(explain::<Postcode>("123-456").map(|e| e.0), Some("old_postcode"));
/// ```
pub trait FieldError:
    Copy + Eq + Hash + fmt::Debug + fmt::Display + core::error::Error + sealed::Sealed + 'static
{
    /// The field the error is about.
    const FIELD: FieldKind;
    /// Every message the error can give, with its code, in the order the rules check them.
    const MESSAGES: &'static [Message];

    /// The stable snake_case code.
    fn code(&self) -> &'static str;
    /// The message for the user in `locale`.
    fn message(&self, locale: Locale) -> &'static str;
    /// The byte offset in the input of the character the error is about, if any.
    fn index(&self) -> Option<usize>;
    /// The same position in UTF-16 code units (JavaScript string indices).
    fn utf16_index(&self) -> Option<usize>;
    /// What was counted: digits found, or a name's length.
    fn found(&self) -> Option<usize>;
    /// The error as a field-independent record.
    fn record(&self) -> ErrorRecord;
}

/// Any field's error as one record: the field, its message row, its position and count. What the JavaScript
/// API, serde and the command-line tool report for every field alike.
///
/// # Example: a record from any field's error
///
/// ```
/// use pccc_guard::{FieldKind, Locale};
///
/// let err = FieldKind::Postcode.check("1234").unwrap_err();
/// assert_eq!((err.field(), err.code(), err.found()), (FieldKind::Postcode, "too_short", Some(4)));
/// assert_eq!(err.message(Locale::En), "Too few digits: a postcode has 5.");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ErrorRecord {
    field: FieldKind,
    entry: &'static Message,
    at: Option<(usize, usize)>,
    found: Option<usize>,
}

impl ErrorRecord {
    pub(crate) const fn new(
        field: FieldKind,
        entry: &'static Message,
        at: Option<(usize, usize)>,
        found: Option<usize>,
    ) -> ErrorRecord {
        ErrorRecord { field, entry, at, found }
    }

    /// The field the error is about.
    pub const fn field(&self) -> FieldKind {
        self.field
    }

    /// The stable snake_case code.
    pub const fn code(&self) -> &'static str {
        self.entry.code()
    }

    /// The message in `locale`; it never contains the input.
    pub const fn message(&self, locale: Locale) -> &'static str {
        self.entry.text(locale)
    }

    /// The byte offset of the character the error is about, if any.
    pub const fn index(&self) -> Option<usize> {
        match self.at {
            Some((i, _)) => Some(i),
            None => None,
        }
    }

    /// The same position in UTF-16 code units.
    pub const fn utf16_index(&self) -> Option<usize> {
        match self.at {
            Some((_, u)) => Some(u),
            None => None,
        }
    }

    /// Digits found, or a name's length.
    pub const fn found(&self) -> Option<usize> {
        self.found
    }
}

/// Shows the code and positions, never input characters.
impl fmt::Debug for ErrorRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.field.name())?;
        debug_error(f, self.code(), self.at, self.found, "found")
    }
}

/// Shows the Korean message.
impl fmt::Display for ErrorRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::Ko))
    }
}

impl core::error::Error for ErrorRecord {}

/// How a field is masked for display, with its defaults (see [`FieldMask`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaskRule {
    /// Not masked (a postcode).
    None,
    /// Digits kept at the start and at the end: the defaults and the most a policy may reveal.
    Digits {
        /// Digits kept at the start by default.
        keep_start: usize,
        /// Digits kept at the end by default.
        keep_end: usize,
        /// The most digits a policy may reveal.
        max_revealed: usize,
    },
    /// A fixed rule that shows a name's first (and last) letters.
    Name,
}

/// What the generated JavaScript and TypeScript say of a field (its functions' documentation), and how the Rust
/// side names it in sentences. Each field's module holds its own (`<Field>::DOCS`); the contract generator
/// (`xtask/`) writes the examples' results from the Rust rules themselves, so no example can go stale.
#[doc(hidden)]
#[derive(Debug)]
pub struct FieldDocs {
    /// The field in a sentence, with its article: "a personal customs clearance code".
    pub what: &'static str,
    /// What its `validate<Field>` function checks and returns (JSDoc text, one paragraph a line).
    pub validate: &'static str,
    /// Inputs for the `validate<Field>` examples: a valid one shows its result, an invalid one its code.
    pub examples: &'static [&'static str],
    /// What its `mask<Field>` function does (empty for a field without a mask).
    pub mask: &'static str,
    /// The `mask<Field>` examples: an input and the policy's kept start and end digits and mask character
    /// (`None`: the default).
    pub mask_examples: &'static [MaskExample],
}

/// One `mask<Field>` example of [`FieldDocs`].
#[doc(hidden)]
#[derive(Debug)]
pub struct MaskExample {
    /// The input.
    pub input: &'static str,
    /// Digits kept at the start, where not the default.
    pub keep_start: Option<usize>,
    /// Digits kept at the end, where not the default.
    pub keep_end: Option<usize>,
    /// The mask character, where not the default.
    pub fill: Option<char>,
}

impl MaskExample {
    /// An example with the default policy.
    pub const fn of(input: &'static str) -> MaskExample {
        MaskExample { input, keep_start: None, keep_end: None, fill: None }
    }
}

/// The rest of the registry: what each field is called, its number at the WebAssembly boundary, and the
/// dispatch from a [`FieldKind`] to the field's own code.
macro_rules! fields {
    ($(
        $kind:ident: $ty:ident, $error:ident, $name:literal, $js:literal, $cli:literal, label $ko:literal $en:literal,
        mask $mask:ident, display $display:ident, typed $typed:ident, value $value:ident, paste $paste:ident;
    )+) => {
        /// Which field: the PCCC, the mobile number, the postcode, the recipient's name or the business
        /// registration number.
        ///
        /// # Example: look a field up by its name and check a value
        ///
        /// ```
        /// use pccc_guard::FieldKind;
        ///
        /// let field = FieldKind::from_name("business-number").unwrap();
        /// assert_eq!(field, FieldKind::BusinessNumber);
        /// assert_eq!(field.check("124-81-00998")?.display(), Some("124-81-00998"));
        /// # Ok::<(), pccc_guard::ErrorRecord>(())
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum FieldKind {
            $(#[doc = concat!("[`", stringify!($ty), "`]: `", $name, "`.")] $kind,)+
        }

        /// A valid value of any field, as [`FieldKind::check`] returns it.
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum FieldValue {
            $(#[doc = concat!("A [`", stringify!($ty), "`].")] $kind($ty),)+
        }

        impl FieldKind {
            /// Every field, in the order of their numbers.
            pub const ALL: [FieldKind; [$($name),+].len()] = [$(FieldKind::$kind),+];

            /// The field's name in Rust and JSON, snake_case: `pccc`, `business_number`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(FieldKind::$kind => $name,)+
                }
            }

            /// The field's name in JavaScript and HTML, camelCase: `pccc`, `businessNumber`.
            pub const fn js_name(self) -> &'static str {
                match self {
                    $(FieldKind::$kind => $js,)+
                }
            }

            /// The field's name on the command line, kebab-case: `pccc`, `business-number`.
            pub const fn cli_name(self) -> &'static str {
                match self {
                    $(FieldKind::$kind => $cli,)+
                }
            }

            /// What the field is called in messages and help texts, in `locale`: `개인통관고유부호` / `PCCC`,
            /// `휴대전화 번호` / `mobile number`, … (English in lower case, as within a sentence; an abbreviation as
            /// it is written).
            ///
            /// # Example: a label for a message
            ///
            /// ```
            /// use pccc_guard::{FieldKind, Locale};
            ///
            /// assert_eq!(FieldKind::Phone.label(Locale::En), "mobile number");
            /// assert_eq!(FieldKind::BusinessNumber.label(Locale::Ko), "사업자등록번호");
            /// ```
            pub const fn label(self, locale: Locale) -> &'static str {
                match self {
                    $(FieldKind::$kind => locale.pick($ko, $en),)+
                }
            }

            /// The field named `name` in any of its three spellings.
            pub fn from_name(name: &str) -> Option<FieldKind> {
                FieldKind::ALL.into_iter().find(|k| [k.name(), k.js_name(), k.cli_name()].contains(&name))
            }

            /// The field's number at the WebAssembly boundary (its place in [`ALL`](Self::ALL)).
            pub const fn id(self) -> u32 {
                self as u32
            }

            /// The field numbered `id`.
            pub fn from_id(id: u32) -> Option<FieldKind> {
                FieldKind::ALL.get(usize::try_from(id).ok()?).copied()
            }

            /// Every message the field's error can give, with its code (see [`Message`]).
            pub const fn messages(self) -> &'static [Message] {
                match self {
                    $(FieldKind::$kind => $error::MESSAGES,)+
                }
            }

            /// The field's error codes, in the order its rules check them.
            pub const fn codes(self) -> &'static [&'static str] {
                match self {
                    $(FieldKind::$kind => &$error::CODES,)+
                }
            }

            /// Whether a valid value has a display form apart from its canonical one ([`Field::display`]).
            pub const fn has_display(self) -> bool {
                match self {
                    $(FieldKind::$kind => has_display!($display),)+
                }
            }

            /// Whether a form normalises the field as it is typed (the PCCC, whose `P` and digits people type in any
            /// form); the other fields are checked as typed and normalised on submit.
            pub const fn normalizes_as_typed(self) -> bool {
                match self {
                    $(FieldKind::$kind => typed!($typed),)+
                }
            }

            /// Whether a valid value (and its display form) can only be ASCII: the JavaScript side then decodes it
            /// without a `TextDecoder`. `tests/vectors.rs` checks it on every valid vector.
            pub const fn ascii_only(self) -> bool {
                match self {
                    $(FieldKind::$kind => ascii!($value),)+
                }
            }

            /// The finder's kind that a paste into the field is searched for, when the pasted text is not a valid
            /// value as it is ("개인통관고유부호: P1234 5678 9012" keeps the code): fields the finder has a kind for.
            pub const fn paste_kind(self) -> Option<Kind> {
                match self {
                    $(FieldKind::$kind => paste!($paste),)+
                }
            }

            #[doc(hidden)]
            /// What the generated JavaScript says of the field.
            pub const fn docs(self) -> &'static FieldDocs {
                match self {
                    $(FieldKind::$kind => &$ty::DOCS,)+
                }
            }

            /// How the field is masked, and its defaults.
            pub const fn mask_rule(self) -> MaskRule {
                match self {
                    $(FieldKind::$kind => mask_rule!($mask $ty),)+
                }
            }

            /// Normalises and checks `input` as this field.
            pub fn check(self, input: &str) -> Result<FieldValue, ErrorRecord> {
                match self {
                    $(FieldKind::$kind => $ty::parse(input).map(FieldValue::$kind).map_err(|e| e.record()),)+
                }
            }

            #[doc(hidden)]
            /// Runs `visitor` for this field's type.
            pub fn visit<V: FieldVisitor>(self, visitor: V) -> V::Output {
                match self {
                    $(FieldKind::$kind => visitor.visit::<$ty>(),)+
                }
            }

            /// Masks `input` as this field for display, with the field's default policy where `keep_start`,
            /// `keep_end` or `fill` is `None` (a name's rule ignores the kept digits). `None` for a field that is
            /// not masked ([`MaskError::NoMask`] at the WebAssembly boundary).
            pub fn mask(
                self,
                input: &str,
                keep_start: Option<usize>,
                keep_end: Option<usize>,
                fill: Option<char>,
            ) -> Option<Result<String, MaskError>> {
                match self {
                    $(FieldKind::$kind => mask_with!($mask $ty, input, keep_start, keep_end, fill),)+
                }
            }
        }

        impl FieldValue {
            /// Which field the value is of.
            pub const fn kind(&self) -> FieldKind {
                match self {
                    $(FieldValue::$kind(_) => FieldKind::$kind,)+
                }
            }

            /// The canonical form.
            pub fn as_str(&self) -> &str {
                match self {
                    $(FieldValue::$kind(v) => v.as_str(),)+
                }
            }

            /// The form to show, where it differs from the canonical one.
            pub fn display(&self) -> Option<&str> {
                match self {
                    $(FieldValue::$kind(v) => Field::display(v),)+
                }
            }
        }

        $(
            impl sealed::Sealed for $ty {}

            impl Field for $ty {
                type Error = $error;
                const KIND: FieldKind = FieldKind::$kind;

                fn parse(input: &str) -> Result<$ty, $error> {
                    $ty::parse(input)
                }

                fn as_str(&self) -> &str {
                    $ty::as_str(self)
                }

                fn display(&self) -> Option<&str> {
                    display_of!($display self)
                }

                fn canonical_bytes(&self) -> &[u8] {
                    $ty::as_bytes(self)
                }

                fn display_bytes(&self) -> &[u8] {
                    display_bytes_of!($display self)
                }
            }

            impl FromStr for $ty {
                type Err = $error;

                fn from_str(s: &str) -> Result<$ty, $error> {
                    $ty::parse(s)
                }
            }

            /// Prints the canonical form.
            impl fmt::Display for $ty {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl AsRef<str> for $ty {
                fn as_ref(&self) -> &str {
                    self.as_str()
                }
            }
        )+

        /// Redacted: the field and `***`, never the value.
        impl fmt::Debug for FieldValue {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(FieldValue::$kind(v) => fmt::Debug::fmt(v, f),)+
                }
            }
        }

        #[cfg(feature = "serde")]
        crate::serde::field_serde!($($ty, $error;)+);

        /// For tests that need each field's own type: calls the caller's `field_types_callback!` macro with every
        /// field as `Kind: Type`, in the registry's order.
        #[doc(hidden)]
        #[macro_export]
        macro_rules! field_types {
            () => {
                field_types_callback! { $($kind: $crate::$ty),+ }
            };
        }

        /// For the WebAssembly tests, which cannot read files: every field with the text of its vectors
        /// (`tests/data/<field>_vectors.tsv` of the crate that expands it), in the registry's order.
        #[doc(hidden)]
        #[macro_export]
        macro_rules! field_vectors {
            () => {
                [$(($crate::FieldKind::$kind, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/", $name, "_vectors.tsv"))),)+]
            };
        }
    };
}

macro_rules! mask_rule {
    (none $ty:ident) => {
        MaskRule::None
    };
    (name $ty:ident) => {
        MaskRule::Name
    };
    (digits $ty:ident) => {{
        let d = FieldMask::<$ty>::new();
        MaskRule::Digits { keep_start: d.start(), keep_end: d.end(), max_revealed: FieldMask::<$ty>::MAX_REVEALED }
    }};
}

macro_rules! mask_with {
    (none $ty:ident, $input:ident, $start:ident, $end:ident, $fill:ident) => {{
        let _ = ($input, $start, $end, $fill);
        None
    }};
    (name $ty:ident, $input:ident, $start:ident, $end:ident, $fill:ident) => {{
        let _ = ($start, $end);
        let policy = FieldMask::<$ty>::new();
        Some($fill.map_or(policy, |c| policy.fill(c)).apply($input))
    }};
    (digits $ty:ident, $input:ident, $start:ident, $end:ident, $fill:ident) => {{
        let d = FieldMask::<$ty>::new();
        let policy = d.keep_start($start.unwrap_or(d.start())).keep_end($end.unwrap_or(d.end()));
        Some($fill.map_or(policy, |c| policy.fill(c)).apply($input))
    }};
}

macro_rules! typed {
    (normalize) => {
        true
    };
    (as_is) => {
        false
    };
}

macro_rules! ascii {
    (ascii) => {
        true
    };
    (unicode) => {
        false
    };
}

macro_rules! paste {
    (none) => {
        None
    };
    ($kind:ident) => {
        Some(Kind::$kind)
    };
}

macro_rules! has_display {
    (none) => {
        false
    };
    ($method:ident) => {
        true
    };
}

macro_rules! display_bytes_of {
    (none $v:ident) => {{
        let _ = $v;
        &[]
    }};
    ($method:ident $v:ident) => {
        $v.display_bytes()
    };
}

macro_rules! display_of {
    (none $v:ident) => {{
        let _ = $v;
        None
    }};
    ($method:ident $v:ident) => {
        Some($v.$method())
    };
}

fields! {
    Pccc: Pccc, PcccError, "pccc", "pccc", "pccc", label "개인통관고유부호" "PCCC",
        mask digits, display none, typed normalize, value ascii, paste Pccc;
    Phone: Phone, PhoneError, "phone", "phone", "phone", label "휴대전화 번호" "mobile number",
        mask digits, display display, typed as_is, value ascii, paste Phone;
    Postcode: Postcode, PostcodeError, "postcode", "postcode", "postcode", label "우편번호" "postcode",
        mask none, display none, typed as_is, value ascii, paste none;
    Name: Name, NameError, "name", "name", "name", label "이름" "name",
        mask name, display none, typed as_is, value unicode, paste none;
    BusinessNumber: BusinessNumber, BusinessNumberError, "business_number", "businessNumber", "business-number",
        label "사업자등록번호" "business registration number", mask digits, display display, typed as_is, value ascii,
        paste none;
}
