//! The whole customs recipient: every field UNI-PASS matches (PCCC, name, mobile number, postcode) checked
//! together, so a form can show every problem at once.

use core::fmt;

use crate::name::Name;
use crate::pccc::Pccc;
use crate::phone::Phone;
use crate::postcode::Postcode;
use crate::{FieldKind, NameError, PcccError, PhoneError, PostcodeError};

/// The fields UNI-PASS matches, in the order they are reported (`checkRecipient`'s, the JSON members'): the
/// list the JavaScript contract, the schemas and serde read.
///
/// # Example: the recipient's fields
///
/// ```
/// use pccc_guard::{FieldKind, RECIPIENT_FIELDS};
///
/// assert_eq!(RECIPIENT_FIELDS.map(FieldKind::name), ["name", "pccc", "phone", "postcode"]);
/// ```
pub const RECIPIENT_FIELDS: [FieldKind; 4] = [FieldKind::Name, FieldKind::Pccc, FieldKind::Phone, FieldKind::Postcode];

/// The recipient fields of a form, as typed. A field left out of a form is an empty string.
///
/// `Debug` prints no field: they are personal data.
///
/// # Example: the fields of a checkout form
///
/// ```
/// use pccc_guard::RecipientInput;
///
/// let input = RecipientInput { name: "홍길동", pccc: "P123456789012", ..RecipientInput::default() };
/// assert_eq!(input.phone, "");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct RecipientInput<'a> {
    /// The recipient's name, as registered with the PCCC.
    pub name: &'a str,
    /// The personal customs clearance code.
    pub pccc: &'a str,
    /// The mobile number registered with the PCCC.
    pub phone: &'a str,
    /// The delivery postcode.
    pub postcode: &'a str,
}

/// Redacted: prints `RecipientInput { .. }`.
impl fmt::Debug for RecipientInput<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecipientInput").finish_non_exhaustive()
    }
}

/// Every recipient field, parsed: what a form can submit once [`check_recipient`] found nothing wrong.
///
/// # Example: get the values to submit
///
/// ```
/// use pccc_guard::{check_recipient, RecipientInput};
///
/// let input = RecipientInput { name: "홍길동", pccc: "p1234 5678 9012", phone: "010-1234-5678", postcode: "03154" };
/// let recipient = check_recipient(&input).into_recipient().ok_or("invalid")?;
/// assert_eq!(recipient.pccc.as_str(), "P123456789012");
/// assert_eq!(recipient.phone.as_str(), "01012345678");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Recipient {
    /// The recipient's name.
    pub name: Name,
    /// The personal customs clearance code.
    pub pccc: Pccc,
    /// The mobile number.
    pub phone: Phone,
    /// The delivery postcode.
    pub postcode: Postcode,
}

/// The result of [`check_recipient`]: one result per field, each exactly what that field's own parser
/// returns. Its `Debug` shows error codes, never input.
///
/// # Example: show each field's error
///
/// ```
/// use pccc_guard::{check_recipient, Locale, RecipientInput};
///
/// let input = RecipientInput { name: "홍길동", pccc: "900101-1234567", phone: "0504-1234-5678", postcode: "03154" };
/// let report = check_recipient(&input);
/// assert!(!report.is_valid());
/// assert!(report.name.is_ok());
/// assert_eq!(report.pccc.unwrap_err().code(), "looks_like_rrn");
/// assert_eq!(report.phone.unwrap_err().code(), "virtual_number");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientReport {
    /// The name field.
    pub name: Result<Name, NameError>,
    /// The PCCC field.
    pub pccc: Result<Pccc, PcccError>,
    /// The mobile number field.
    pub phone: Result<Phone, PhoneError>,
    /// The postcode field.
    pub postcode: Result<Postcode, PostcodeError>,
}

impl RecipientReport {
    /// Whether every field is valid.
    ///
    /// # Example: one wrong field is enough
    ///
    /// ```
    /// use pccc_guard::{check_recipient, RecipientInput};
    ///
    /// let mut input = RecipientInput { name: "Hong Gildong", pccc: "P123456789012", phone: "01012345678", postcode: "03154" };
    /// assert!(check_recipient(&input).is_valid());
    /// input.postcode = "110-011";
    /// assert!(!check_recipient(&input).is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        self.name.is_ok() && self.pccc.is_ok() && self.phone.is_ok() && self.postcode.is_ok()
    }

    /// The parsed fields when every one is valid.
    ///
    /// # Example: nothing when a field is wrong
    ///
    /// ```
    /// use pccc_guard::{check_recipient, RecipientInput};
    ///
    /// assert!(check_recipient(&RecipientInput::default()).into_recipient().is_none());
    /// ```
    pub fn into_recipient(self) -> Option<Recipient> {
        Some(Recipient {
            name: self.name.ok()?,
            pccc: self.pccc.ok()?,
            phone: self.phone.ok()?,
            postcode: self.postcode.ok()?,
        })
    }
}

/// Checks every recipient field with its own parser ([`Name::parse`], [`Pccc::parse`],
/// [`Phone::parse`], [`Postcode::parse`]). Each parser recognises a resident registration number typed
/// into its field and reports it as that field's `looks_like_rrn`.
///
/// # Example: check a whole form
///
/// ```
/// use pccc_guard::{check_recipient, RecipientInput};
///
/// let input = RecipientInput { name: "홍길동", pccc: "P123456789012", phone: "+82 10-1234-5678", postcode: "03154" };
/// let report = check_recipient(&input);
/// assert!(report.is_valid());
/// assert_eq!(report.phone?.display(), "010-1234-5678");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_recipient(input: &RecipientInput<'_>) -> RecipientReport {
    RecipientReport {
        name: Name::parse(input.name),
        pccc: Pccc::parse(input.pccc),
        phone: Phone::parse(input.phone),
        postcode: Postcode::parse(input.postcode),
    }
}
