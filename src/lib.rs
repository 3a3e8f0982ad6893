//! Validates and display-masks Korean personal customs clearance codes (PCCC, 개인통관고유부호) on the user's own
//! device, natively and in the browser through WebAssembly.
//!
//! A PCCC is `P` followed by 12 digits. This crate normalises what people type (full-width IME characters,
//! pasted spaces and invisible characters, lower-case `p`), tells precisely what is wrong in Korean or English
//! without ever echoing the input, recognises a resident registration number typed into the wrong field, and
//! masks codes for display with one policy per site. It checks the format only; whether a code is registered to
//! a person is for UNI-PASS to say. No checksum is applied, because none is published.
//!
//! # Example: validate a code from a form
//!
//! ```
//! use pccc_guard::{Locale, Pccc};
//!
//! match Pccc::parse("Ｐ１２３４ ５６７８ ９０１２") {
//!     Ok(code) => assert_eq!(code.as_str(), "P123456789012"),
//!     Err(err) => panic!("{}", err.message(Locale::En)),
//! }
//! # Ok::<(), pccc_guard::PcccError>(())
//! ```
//!
//! # Example: explain an error without echoing the input
//!
//! ```
//! use pccc_guard::{Locale, Pccc, PcccError};
//!
//! let err = Pccc::parse("P12345678901O").unwrap_err();
//! assert_eq!(err.code(), "invalid_character");
//! assert_eq!(err.utf16_index(), Some(12));
//! assert_eq!(err.message(Locale::En), "Only digits may follow the P. Type the digit 0 instead of the letter O.");
//! # Ok::<(), PcccError>(())
//! ```
//!
//! # Example: mask for display
//!
//! ```
//! use pccc_guard::PcccMask;
//!
//! assert_eq!(PcccMask::new().apply("P123456789012")?, "P********9012");
//! # Ok::<(), pccc_guard::MaskError>(())
//! ```
//!
//! # Example: find and mask numbers in free text
//!
//! A delivery memo, a chat line or a log can hold a customs code, a resident registration number or a phone
//! number. [`find_sensitive`] finds them (on bytes: [`find_sensitive_bytes`]); [`redact`] masks them with the
//! site's field policies, keeping the text's shape.
//!
//! ```
//! use pccc_guard::{find_sensitive, redact, Kind, Policies};
//!
//! let chat = "제 번호는010-1234-5678이고 주민번호는 900101-1234567이에요";
//! let kinds: Vec<Kind> = find_sensitive(chat).map(|f| f.kind).collect();
//! assert_eq!(kinds, [Kind::Phone, Kind::Rrn]);
//! assert_eq!(redact(chat, &Policies::new())?, "제 번호는010-1234-****이고 주민번호는 ******-*******이에요");
//! # Ok::<(), pccc_guard::MaskError>(())
//! ```
//!
//! # Features
//!
//! Two features are public:
//!
//! - `wasm` (default): the JavaScript API (the `wasm` module), compiled only for `wasm32` targets. Native builds
//!   never pull in wasm-bindgen.
//! - `serde`: `Serialize` and `Deserialize` for every field's type (each [`Field`] of [`FieldKind::ALL`], as its
//!   canonical string; deserialising parses, so a struct of them cannot hold a bad value), for [`Recipient`],
//!   [`RecipientReport`] and [`RecipientInput`]; the errors, field results and reports serialise to the JavaScript
//!   API's JSON, in a chosen language with `Localized`. Works without std.
//!
//! The others serve the npm package's build and its tests (`npm-module`, `text-module`, `trap-test`) or debugging
//! (`debug-panic-hook`, which forwards panics to the browser console). They are not part of the stable API: never
//! enable them when you depend on this crate.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
// docs.rs (and `make test-release`) document with `--cfg docsrs` on nightly: each feature-gated item is labelled
// with the feature it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
// The shipped module is no_std: no formatting or panic machinery (about 2 KB gzipped); see src/wasm/exports.rs. A debugging
// build with `debug-panic-hook` keeps std, whose panic handler prints the message.
#![cfg_attr(all(target_arch = "wasm32", feature = "npm-module", not(feature = "debug-panic-hook")), no_std)]

extern crate alloc;

// The WebAssembly boundary (src/wasm/): the numbers it shares with the JavaScript, compiled on every target (the
// contract generator reads them), and the exported functions, on wasm32 only.
#[doc(hidden)]
#[path = "wasm/boundary.rs"]
pub mod boundary;
mod business_number;
mod error;
mod field;
mod find;
mod mask;
mod name;
mod normalize;
mod pccc;
mod phone;
mod postcode;
mod recipient;
mod redact;
#[cfg(feature = "serde")]
mod serde;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
#[path = "wasm/exports.rs"]
pub mod wasm;

#[cfg(feature = "serde")]
pub use self::serde::Localized;
pub use business_number::{BusinessNumber, BusinessNumberError, BusinessNumberMask};
pub use error::{Locale, MaskError, Message};
pub use field::{ErrorRecord, Field, FieldError, FieldKind, FieldValue, FieldVisitor, MaskRule};
#[doc(hidden)]
pub use field::{FieldDocs, MaskExample};
pub use find::{find_sensitive, find_sensitive_bytes, Finding, Findings, Kind, Kinds, CONTEXT_LEN, MAX_FINDING_LEN};
pub use mask::{DigitField, FieldMask, MaskedField};
pub use name::{Name, NameError, NameMask, NameScript};
pub use normalize::{normalize, normalize_with_caret, WithCaret};
pub use pccc::{Pccc, PcccError, PcccMask};
pub use phone::{Phone, PhoneError, PhoneMask};
pub use postcode::{Postcode, PostcodeError};
pub use recipient::{check_recipient, Recipient, RecipientInput, RecipientReport, RECIPIENT_FIELDS};
pub use redact::{redact, redact_bytes, Policies};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The crate README's (docs/rust.md, what crates.io shows) Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/rust.md")]
pub struct CrateReadmeDoctests;
