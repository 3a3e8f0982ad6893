//! Why UNI-PASS said a recipient does not match: the stable reason codes, their messages, and the table that maps
//! UNI-PASS's mismatch texts (`persEcmQryRtnErrInfoVo/errMsgCn`) to them.
//!
//! UNI-PASS's texts are never passed on: they quote the name that was sent, and their wording is not a contract. The
//! table below matches them by the words that carry their meaning, on the text with the quoted name taken out, so
//! that a name that happens to contain 「우편번호」 or 「정지」 cannot turn a name mismatch into another reason.

use pccc_guard::Locale;
use serde::{Deserialize, Serialize};

/// Why UNI-PASS said the recipient does not match: a stable code and a message in each language that tells the
/// person what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// 「납세의무자 개인통관고유부호가 존재하지 않습니다.」
    PcccNotFound,
    /// 「입력하신 납세의무자명(…)이 개인통관고유부호의 성명과 일치하지 않습니다.」
    NameMismatch,
    /// 「납세의무자 휴대전화번호가 일치하지 않습니다.」
    PhoneMismatch,
    /// 「입력하신 우편번호가 개인통관고유부호 우편번호와 일치하지 않습니다」
    PostcodeMismatch,
    /// The code's validity period (유효기간) is over: since 2026 a code is valid for one year.
    PcccExpired,
    /// The code is no longer in use (사용중이 아닌): reissued, suspended (정지) or cancelled (해지).
    PcccInactive,
    /// A text this version does not know (it is not passed on).
    #[serde(rename = "other_mismatch")]
    Other,
}

/// One row of the mapping from UNI-PASS's mismatch texts to reasons: any of `words` in the text (the quoted name
/// taken out) gives `reason`. Rows are tried in order.
#[derive(Clone, Copy, Debug)]
pub struct TextRule {
    /// Words that identify the text.
    pub words: &'static [&'static str],
    /// The reason it gives.
    pub reason: Reason,
    /// Where the wording comes from.
    pub source: &'static str,
}

/// UNI-PASS's mismatch texts and their reasons, in the order they are tried.
///
/// Sources: the API guide (OPEN API 연계가이드 v4.0, 3.2.28, API028) defines the answer (`tCnt` 0 with one
/// `errMsgCn` per reason); public clients built from it quote the texts for a missing code, a name (quoting the name
/// sent), a mobile number and a postcode; the notice on registering and managing clearance codes (revised
/// 2025-06-18) gives codes a one-year validity (유효기간) and lets customs suspend or cancel them, and UNI-PASS's
/// texts for such codes speak of the validity period or of a code that is not in use (사용중이 아닌). A name is
/// tried first, then the other fields, then the code's state: a text about a dead code never names a field.
pub const TEXT_RULES: &[TextRule] = &[
    TextRule {
        words: &["납세의무자명", "성명"],
        reason: Reason::NameMismatch,
        source: "API028 mismatch text, as quoted by public clients (quotes the name sent)",
    },
    TextRule {
        words: &["우편번호"],
        reason: Reason::PostcodeMismatch,
        source: "API028 mismatch text since 2026-02-02 (custPsno)",
    },
    TextRule {
        words: &["휴대전화", "전화번호"],
        reason: Reason::PhoneMismatch,
        source: "API028 mismatch text, as quoted by public clients",
    },
    TextRule {
        words: &["유효기간"],
        reason: Reason::PcccExpired,
        source: "one-year validity of codes (customs notice revised 2025-06-18)",
    },
    TextRule {
        words: &["사용중이 아닌", "사용 중이 아닌", "정지", "해지", "재발급"],
        reason: Reason::PcccInactive,
        source: "codes reissued, suspended or cancelled (customs notice revised 2025-06-18)",
    },
    TextRule {
        words: &["존재하지"],
        reason: Reason::PcccNotFound,
        source: "API028 mismatch text, as quoted by public clients",
    },
];

impl Reason {
    /// Every reason, in a fixed order.
    pub const ALL: [Reason; 7] = [
        Reason::PcccNotFound,
        Reason::NameMismatch,
        Reason::PhoneMismatch,
        Reason::PostcodeMismatch,
        Reason::PcccExpired,
        Reason::PcccInactive,
        Reason::Other,
    ];

    /// Maps one of UNI-PASS's mismatch texts to its reason. `name_sent` is the name the request carried: UNI-PASS
    /// quotes it in the name-mismatch text, and it is taken out (with the parentheses that hold it) before the
    /// table is read.
    ///
    /// ```
    /// use pccc_guard_gateway::unipass::Reason;
    ///
    /// let text = "입력하신 납세의무자명(우편번호)이 개인통관고유부호의 성명과 일치하지 않습니다.";
    /// assert_eq!(Reason::from_unipass_text(text, "우편번호"), Reason::NameMismatch);
    /// assert_eq!(Reason::from_unipass_text("개인통관고유부호의 유효기간이 지났습니다.", ""), Reason::PcccExpired);
    /// ```
    pub fn from_unipass_text(text: &str, name_sent: &str) -> Reason {
        let text = without_quoted_name(text, name_sent);
        TEXT_RULES
            .iter()
            .find(|rule| rule.words.iter().any(|word| text.contains(word)))
            .map_or(Reason::Other, |rule| rule.reason)
    }

    /// The stable snake_case code.
    pub const fn code(self) -> &'static str {
        match self {
            Reason::PcccNotFound => "pccc_not_found",
            Reason::NameMismatch => "name_mismatch",
            Reason::PhoneMismatch => "phone_mismatch",
            Reason::PostcodeMismatch => "postcode_mismatch",
            Reason::PcccExpired => "pccc_expired",
            Reason::PcccInactive => "pccc_inactive",
            Reason::Other => "other_mismatch",
        }
    }

    /// The message shown to the person: what is wrong and what to do.
    pub const fn message(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Reason::PcccNotFound, Locale::En) => {
                "No such personal customs clearance code: check it, or look it up on UNI-PASS (unipass.customs.go.kr)."
            }
            (Reason::PcccNotFound, _) => {
                "존재하지 않는 개인통관고유부호입니다. 부호를 확인하거나 UNI-PASS(unipass.customs.go.kr)에서 조회하세요."
            }
            (Reason::NameMismatch, Locale::En) => "The name does not match the one registered with this code.",
            (Reason::NameMismatch, _) => "이름이 개인통관고유부호에 등록된 성명과 일치하지 않습니다.",
            (Reason::PhoneMismatch, Locale::En) => {
                "The mobile number does not match the one registered with this code."
            }
            (Reason::PhoneMismatch, _) => "휴대전화번호가 개인통관고유부호에 등록된 번호와 일치하지 않습니다.",
            (Reason::PostcodeMismatch, Locale::En) => {
                "The postcode does not match the addresses registered with this code."
            }
            (Reason::PostcodeMismatch, _) => "우편번호가 개인통관고유부호에 등록된 주소와 일치하지 않습니다.",
            (Reason::PcccExpired, Locale::En) => {
                "This personal customs clearance code has expired: renew it on UNI-PASS (unipass.customs.go.kr), then enter it again."
            }
            (Reason::PcccExpired, _) => {
                "개인통관고유부호의 유효기간이 지났습니다. UNI-PASS(unipass.customs.go.kr)에서 갱신한 뒤 다시 입력하세요."
            }
            (Reason::PcccInactive, Locale::En) => {
                "This personal customs clearance code is no longer in use (reissued, suspended or cancelled): look up your current code on UNI-PASS (unipass.customs.go.kr) and enter it."
            }
            (Reason::PcccInactive, _) => {
                "더 이상 사용되지 않는 개인통관고유부호입니다(재발급·정지·해지). UNI-PASS(unipass.customs.go.kr)에서 현재 부호를 조회해 입력하세요."
            }
            (Reason::Other, Locale::En) => "UNI-PASS did not confirm these details.",
            (Reason::Other, _) => "UNI-PASS에서 입력한 정보가 확인되지 않았습니다.",
        }
    }
}

/// The text with the name that was sent taken out, with the parentheses (or brackets) around it: UNI-PASS quotes
/// the name in its name-mismatch text, and the name is the person's, not UNI-PASS's wording.
fn without_quoted_name(text: &str, name_sent: &str) -> String {
    let mut text = text.to_owned();
    let name = name_sent.trim();
    if !name.is_empty() {
        for (open, close) in [("(", ")"), ("[", "]"), ("「", "」"), ("\"", "\""), ("'", "'")] {
            text = text.replace(&format!("{open}{name}{close}"), "");
        }
    }
    // A name sent in another form (spacing, case) is still inside the parentheses after 납세의무자명.
    if let Some(start) = text.find("납세의무자명(") {
        let open = start + "납세의무자명".len();
        if let Some(close) = text[open..].rfind(')') {
            text.replace_range(open..=open + close, "");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_name_never_decides_the_reason() {
        for name in ["우편번호", "유효기간", "정지해", "휴대전화", "존재하지", "재발급)(", "A(B)C"]
        {
            let text = format!("입력하신 납세의무자명({name})이 개인통관고유부호의 성명과 일치하지 않습니다.");
            assert_eq!(Reason::from_unipass_text(&text, name), Reason::NameMismatch, "{name}");
            // Even when the name sent is not known (an older caller), the parentheses are taken out.
            assert_eq!(Reason::from_unipass_text(&text, ""), Reason::NameMismatch, "{name}");
        }
    }

    #[test]
    fn every_rule_is_reachable() {
        for rule in TEXT_RULES {
            for word in rule.words {
                assert_eq!(Reason::from_unipass_text(&format!("…{word}…"), ""), rule.reason, "{word}");
            }
        }
    }
}
