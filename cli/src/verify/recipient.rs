//! The recipient as the marketplaces export it: which column of an order export holds the name, the code, the
//! mobile number and the postcode that UNI-PASS matches (by UNI-PASS's definition these four particular fields,
//! which is why this file names them), and a row's values turned into a check.
//!
//! # The synonym table
//!
//! [`SYNONYMS`] lists each marketplace's header for each field, as their order exports (발주/발송 관리, 배송 관리
//! downloads) have them. A header is matched after dropping white space, brackets and asterisks and folding ASCII
//! case (`개인통관번호(PCCC)`, `개인통관번호 PCCC` and `*개인통관번호pccc` are one header); a header written exactly as
//! in the table wins over one that only matches so (SmartStore repeats some columns in brackets). Where the headers
//! come from: sellers' public scripts that read these exports, found with a code search:
//!
//! - Naver SmartStore (`발주발송관리` sheet): heedu-yoon/excelParser (`objectClass/SmartStore.cs`, the whole header
//!   row in a comment: 수취인명, 수취인연락처1, 수취인연락처2, 우편번호, 개인통관고유부호, and the bracketed
//!   (수취인연락처1), (우편번호)), mamamil3/psgstudy (`convert_orderlist.py`, reads 수취인명, 수취인연락처1,
//!   수취인연락처2, 우편번호 with the header on the sheet's second row).
//! - Coupang (`Delivery` sheet): bbyuck/bdd_excel and bbyuck/bdd-server (`CoupangColumnDto`: 수취인이름,
//!   수취인전화번호, 우편번호, 개인통관번호(PCCC), 통관용구매자전화번호), and later sellers' converters of the same
//!   40-column sheet whose customs phone column is 통관용수취인전화번호: the column was renamed, so both names are
//!   the customs phone.
//! - Gmarket/Auction (ESM Plus): sellers' converters listing 수령인명, 수령인 휴대폰, 수령인 전화번호, 수령인
//!   통관정보, 우편번호 (hennible0612/CrawlWarehouse reads the same ESM columns as recipientName, recipientCellNum,
//!   recipientPhoneNum, recipientCustomsInfo, postCode).
//! - Interpark: 수령자명, 수령자휴대폰번호, 수령자전화번호, 개인통관정보, 우편번호, in a forwarding agent's order
//!   converter that maps all five marketplaces' columns.
//! - 11st: 수취인, 휴대폰번호, 전화번호, 세관신고정보, 우편번호 (the same converter; a seller's script reading the
//!   11st sheet with its header on the second row).
//!
//! Phone columns are ranked: the customs phone (rank 1, Coupang's) or else the receiver's mobile (rank 1 where there
//! is no customs phone), then the receiver's other number (rank 2). Every phone column found becomes a candidate,
//! in rank order: the first that is a mobile number is asked, and the next only when UNI-PASS's only objection was
//! the phone.

use pccc_guard::{FieldKind, RECIPIENT_FIELDS};
use pccc_guard_gateway::unipass::Fields;

/// The marketplaces whose exports are recognised (`--preset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Marketplace {
    /// Naver SmartStore (스마트스토어).
    #[value(name = "smartstore")]
    SmartStore,
    /// Coupang (쿠팡).
    Coupang,
    /// Gmarket and Auction (ESM Plus; G마켓, 옥션).
    Gmarket,
    /// Interpark (인터파크).
    Interpark,
    /// 11st (11번가).
    #[value(name = "11st")]
    Elevenst,
}

impl Marketplace {
    /// Its name as `--preset` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Marketplace::SmartStore => "smartstore",
            Marketplace::Coupang => "coupang",
            Marketplace::Gmarket => "gmarket",
            Marketplace::Interpark => "interpark",
            Marketplace::Elevenst => "11st",
        }
    }
}

/// One marketplace's header for one field.
pub struct Synonym {
    pub marketplace: Marketplace,
    pub field: FieldKind,
    pub header: &'static str,
    /// 1 first; a phone column of rank 2 is asked after the rank 1 ones.
    pub rank: u8,
}

const fn synonym(marketplace: Marketplace, field: FieldKind, header: &'static str, rank: u8) -> Synonym {
    Synonym { marketplace, field, header, rank }
}

use FieldKind::{Name, Pccc, Phone, Postcode};
use Marketplace::{Coupang, Elevenst, Gmarket, Interpark, SmartStore};

/// Each marketplace's headers (sources in the module's documentation).
pub const SYNONYMS: &[Synonym] = &[
    synonym(SmartStore, Name, "수취인명", 1),
    synonym(SmartStore, Pccc, "개인통관고유부호", 1),
    synonym(SmartStore, Phone, "수취인연락처1", 1),
    synonym(SmartStore, Phone, "수취인연락처2", 2),
    synonym(SmartStore, Postcode, "우편번호", 1),
    synonym(Coupang, Name, "수취인이름", 1),
    synonym(Coupang, Pccc, "개인통관번호(PCCC)", 1),
    // The customs phone: its current name and the one it had before.
    synonym(Coupang, Phone, "통관용수취인전화번호", 1),
    synonym(Coupang, Phone, "통관용구매자전화번호", 1),
    // The receiver's number, often a 050 safe number.
    synonym(Coupang, Phone, "수취인전화번호", 2),
    synonym(Coupang, Postcode, "우편번호", 1),
    synonym(Gmarket, Name, "수령인명", 1),
    synonym(Gmarket, Pccc, "수령인 통관정보", 1),
    synonym(Gmarket, Phone, "수령인 휴대폰", 1),
    synonym(Gmarket, Phone, "수령인 전화번호", 2),
    synonym(Gmarket, Postcode, "우편번호", 1),
    synonym(Interpark, Name, "수령자명", 1),
    synonym(Interpark, Pccc, "개인통관정보", 1),
    synonym(Interpark, Phone, "수령자휴대폰번호", 1),
    synonym(Interpark, Phone, "수령자전화번호", 2),
    synonym(Interpark, Postcode, "우편번호", 1),
    synonym(Elevenst, Name, "수취인", 1),
    synonym(Elevenst, Pccc, "세관신고정보", 1),
    synonym(Elevenst, Phone, "휴대폰번호", 1),
    synonym(Elevenst, Phone, "전화번호", 2),
    synonym(Elevenst, Postcode, "우편번호", 1),
];

/// A header as it is compared: without white space, brackets and asterisks, ASCII letters in lower case.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !"()[]{}<>（）［］｛｝＜＞*＊".contains(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The code's field, masked in the output as `check --annotate` masks it.
pub const CODE: FieldKind = Pccc;

/// Whether the field may have several candidate columns (`phone=A|B`), tried in order.
pub fn has_candidates(field: FieldKind) -> bool {
    field == Phone
}

/// Whether a field may be missing from an export (the check is then made without it).
pub fn optional(field: FieldKind) -> bool {
    field == Postcode
}

/// Whether a mismatch whose reasons are exactly `reasons` lets the next phone candidate be asked.
pub fn next_candidate_may_help(reasons: &[String]) -> bool {
    matches!(reasons, [only] if only == "phone_mismatch")
}

/// A row's recipient values, checked: the values UNI-PASS receives, or why they cannot be sent.
pub struct Values<'a> {
    /// Per recipient field (in `RECIPIENT_FIELDS` order), its candidates' texts (one, except a phone's; none when
    /// the export has no such column).
    pub texts: Vec<(FieldKind, Vec<&'a str>)>,
}

impl Values<'_> {
    /// The checks to make, in order (the phone's candidates that are mobile numbers, each once), or the field
    /// errors (`field.code`) when a value cannot be sent. An empty optional field is left out of the check.
    pub fn checks(&self) -> Result<Vec<Fields>, Vec<String>> {
        let mut errors = Vec::new();
        let one = |field: FieldKind, text: &str, errors: &mut Vec<String>| match field.check(text) {
            Ok(v) => Some(v.as_str().to_owned()),
            Err(e) => {
                errors.push(format!("{}.{}", field.name(), e.code()));
                None
            }
        };
        let (mut name, mut pccc, mut postcode, mut phones) = (None, None, None, Vec::new());
        let mut candidate_error = None;
        for (field, texts) in &self.texts {
            match *field {
                Phone => {
                    for text in texts {
                        match Phone.check(text) {
                            Ok(v) => {
                                let v = v.as_str().to_owned();
                                if !phones.contains(&v) {
                                    phones.push(v);
                                }
                            }
                            Err(e) => {
                                candidate_error.get_or_insert_with(|| format!("{}.{}", Phone.name(), e.code()));
                            }
                        }
                    }
                }
                Postcode => {
                    if let Some(text) = texts.first().filter(|t| !t.trim().is_empty()) {
                        postcode = one(Postcode, text, &mut errors);
                    }
                }
                Name => name = one(Name, texts.first().copied().unwrap_or(""), &mut errors),
                Pccc => pccc = one(Pccc, texts.first().copied().unwrap_or(""), &mut errors),
                _ => {}
            }
        }
        if phones.is_empty() {
            errors.push(candidate_error.unwrap_or_else(|| format!("{}.empty", Phone.name())));
        }
        match (name, pccc, errors.is_empty()) {
            (Some(name), Some(pccc), true) => Ok(phones
                .into_iter()
                .map(|phone| Fields { name: name.clone(), pccc: pccc.clone(), phone, postcode: postcode.clone() })
                .collect()),
            _ => {
                // In the recipient's order, as the recipient check reports them.
                errors.sort_by_key(|e| RECIPIENT_FIELDS.iter().position(|f| e.starts_with(&format!("{}.", f.name()))));
                Err(errors)
            }
        }
    }
}

/// A check's fields from canonical values, in the order name, code, phone, postcode.
pub fn fields(name: &str, code: &str, phone: &str, postcode: Option<&str>) -> Fields {
    Fields { name: name.into(), pccc: code.into(), phone: phone.into(), postcode: postcode.map(str::to_owned) }
}

/// Which columns hold the recipient: per field of `RECIPIENT_FIELDS`, its candidate columns' indices (several only
/// for the phone; none for a missing optional field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub fields: Vec<(FieldKind, Vec<usize>)>,
}

impl Columns {
    /// Every column index used, once.
    pub fn all(&self) -> impl Iterator<Item = usize> + '_ {
        self.fields.iter().flat_map(|(_, c)| c.iter().copied())
    }

    /// The columns of one field.
    pub fn of(&self, field: FieldKind) -> &[usize] {
        self.fields.iter().find(|(f, _)| *f == field).map_or(&[], |(_, c)| c)
    }

    /// The code's column (masked in the output).
    pub fn code(&self) -> &[usize] {
        self.of(Pccc)
    }
}
