//! Whose call it is: a person waiting at a checkout, or background work such as re-verifying a whole order export
//! (`pccc-guard verify`). Requests say so with RFC 9218's `Priority` header: urgency (`u`) 0 to 3 is interactive (3,
//! the default, when the header is absent or unreadable), 4 to 7 is background. Background calls to UNI-PASS only use
//! the capacity that interactive ones leave ([`crate::upstream::Upstream`]), so a batch of any size never delays a
//! checkout by more than the call already under way.

use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// The urgency of a request without a `Priority` header (RFC 9218, section 4.1).
pub const DEFAULT_URGENCY: u8 = 3;

/// The first urgency that is background work.
pub const BACKGROUND_URGENCY: u8 = 4;

/// Interactive (a checkout waiting) or background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Priority {
    /// Someone waits for the answer: served first.
    #[default]
    Interactive,
    /// Nobody waits: served with the capacity interactive calls leave.
    Background,
}

impl Priority {
    /// The priority of an RFC 9218 urgency: 0 to 3 interactive, 4 to 7 background.
    ///
    /// ```
    /// use pccc_guard_gateway::Priority;
    ///
    /// assert_eq!(Priority::from_urgency(3), Priority::Interactive);
    /// assert_eq!(Priority::from_urgency(7), Priority::Background);
    /// ```
    pub const fn from_urgency(urgency: u8) -> Priority {
        if urgency >= BACKGROUND_URGENCY {
            Priority::Background
        } else {
            Priority::Interactive
        }
    }

    /// The priority of a `Priority` header's value, a structured-field dictionary (RFC 9218, section 4): its `u`
    /// member, an integer from 0 to 7 (the last one given wins, as in any dictionary); other members (`i`) and
    /// parameters are ignored. An absent, malformed or out-of-range urgency is the default, 3 (interactive), as the
    /// RFC asks of a server that cannot read it.
    ///
    /// ```
    /// use pccc_guard_gateway::Priority;
    ///
    /// assert_eq!(Priority::from_header("u=7"), Priority::Background);
    /// assert_eq!(Priority::from_header("i, u=5"), Priority::Background);
    /// assert_eq!(Priority::from_header("u=1"), Priority::Interactive);
    /// assert_eq!(Priority::from_header("u=9"), Priority::Interactive);
    /// ```
    pub fn from_header(value: &str) -> Priority {
        Priority::from_urgency(urgency(value).unwrap_or(DEFAULT_URGENCY))
    }

    /// The `Priority` header value that asks for this priority (`u=3` or `u=7`).
    pub const fn header_value(self) -> &'static str {
        match self {
            Priority::Interactive => "u=3",
            Priority::Background => "u=7",
        }
    }

    /// The word used in logs and the queue (`interactive`, `background`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Priority::Interactive => "interactive",
            Priority::Background => "background",
        }
    }
}

/// The urgency given by a `Priority` header's value, if it gives a valid one.
fn urgency(value: &str) -> Option<u8> {
    let mut found = None;
    for member in value.split(',') {
        let member = member.split(';').next().unwrap_or("").trim();
        let (key, value) = member.split_once('=').unwrap_or((member, "?1"));
        if key.trim() != "u" {
            continue;
        }
        // An sf-integer: an optional minus and 1 to 15 digits; the urgency must be 0 to 7.
        let value = value.trim();
        found = match value.parse::<i64>() {
            Ok(n) if (0..=7).contains(&n) && value.bytes().all(|b| b.is_ascii_digit()) => Some(n as u8),
            _ => None,
        };
    }
    found
}

/// The priority of a call that may be raised while it waits: a background call that an interactive check joins
/// (identical checks share one call) becomes interactive at once.
#[derive(Debug, Default)]
pub struct Shared {
    background: AtomicBool,
}

impl Shared {
    /// A cell holding `priority`.
    pub fn new(priority: Priority) -> Shared {
        Shared { background: AtomicBool::new(priority == Priority::Background) }
    }

    /// The priority now.
    pub fn get(&self) -> Priority {
        if self.background.load(Relaxed) {
            Priority::Background
        } else {
            Priority::Interactive
        }
    }

    /// Makes it interactive; `true` when it was background.
    pub fn raise(&self) -> bool {
        self.background.swap(false, Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgencies_from_headers_as_rfc_9218_reads_them() {
        for (header, expected) in [
            ("u=4", Some(4)),
            ("u=0", Some(0)),
            ("u=7, i", Some(7)),
            ("i, u=6;x=1", Some(6)),
            ("u=2, u=6", Some(6)),
            ("u=6, u=2", Some(2)),
            (" u = 5 ", Some(5)),
            ("u=8", None),
            ("u=-1", None),
            ("u=+5", None),
            ("u=5.0", None),
            ("u=\"5\"", None),
            ("u", None),
            ("i", None),
            ("", None),
            ("urgency=7", None),
        ] {
            assert_eq!(urgency(header), expected, "{header:?}");
        }
        assert_eq!(Priority::from_header("u=8"), Priority::Interactive);
        assert_eq!(Priority::from_header("u=4"), Priority::Background);
        assert_eq!(Priority::from_header(Priority::Background.header_value()), Priority::Background);
        assert_eq!(Priority::from_header(Priority::Interactive.header_value()), Priority::Interactive);
    }

    #[test]
    fn a_shared_priority_is_raised_once() {
        let cell = Shared::new(Priority::Background);
        assert_eq!(cell.get(), Priority::Background);
        assert!(cell.raise());
        assert!(!cell.raise());
        assert_eq!(cell.get(), Priority::Interactive);
    }
}
