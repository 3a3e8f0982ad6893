//! Per-identity attempt limits, so that the gateway cannot be used to test leaked records: within a window (an hour
//! by default) at most so many distinct name + phone pairs for one code, and so many distinct codes for one name +
//! phone. The counts are kept as keyed hashes (HMAC-SHA-256 under a key derived from the queue's key), never as
//! values, in the queue's database, so that instances sharing a PostgreSQL queue share the counts.

use std::fmt;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::unipass::Fields;

/// The defaults of `--max-pairs-per-code`, `--max-codes-per-pair` and the window.
pub const DEFAULT_MAX_PAIRS_PER_CODE: u32 = 5;
/// See [`DEFAULT_MAX_PAIRS_PER_CODE`].
pub const DEFAULT_MAX_CODES_PER_PAIR: u32 = 5;
/// See [`DEFAULT_MAX_PAIRS_PER_CODE`].
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(3600);

/// The two counts kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Distinct name + phone pairs tried with one code.
    PairsPerCode,
    /// Distinct codes tried with one name + phone pair.
    CodesPerPair,
}

impl Scope {
    /// The number stored with each count.
    pub const fn id(self) -> i64 {
        match self {
            Scope::PairsPerCode => 1,
            Scope::CodesPerPair => 2,
        }
    }
}

/// One attempt to note: within `scope`, `item` was tried for `subject` (both keyed hashes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Which count.
    pub scope: Scope,
    /// The keyed hash of what is counted for (a code, or a name + phone).
    pub subject: [u8; 32],
    /// The keyed hash of what was tried with it.
    pub item: [u8; 32],
}

/// The key of the attempt hashes. `Debug` prints none of it.
#[derive(Clone)]
pub struct IdentityKey([u8; 32]);

impl fmt::Debug for IdentityKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IdentityKey(..)")
    }
}

impl IdentityKey {
    /// Wraps a 32-byte key.
    pub fn new(bytes: [u8; 32]) -> IdentityKey {
        IdentityKey(bytes)
    }

    fn hash(&self, label: &[u8], parts: &[&str]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(label);
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        mac.finalize().into_bytes().into()
    }

    /// The two attempts a check makes: its name + phone tried with its code, and its code tried with its name +
    /// phone. The postcode is not part of either.
    pub fn attempts(&self, fields: &Fields) -> [Attempt; 2] {
        let code = self.hash(b"code", &[&fields.pccc]);
        let pair = self.hash(b"pair", &[&fields.name, &fields.phone]);
        [
            Attempt { scope: Scope::PairsPerCode, subject: code, item: pair },
            Attempt { scope: Scope::CodesPerPair, subject: pair, item: code },
        ]
    }
}

/// The limits: `0` turns one off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttemptLimits {
    /// Distinct name + phone pairs per code within the window.
    pub pairs_per_code: u32,
    /// Distinct codes per name + phone pair within the window.
    pub codes_per_pair: u32,
    /// The window.
    pub window: Duration,
}

impl Default for AttemptLimits {
    fn default() -> AttemptLimits {
        AttemptLimits {
            pairs_per_code: DEFAULT_MAX_PAIRS_PER_CODE,
            codes_per_pair: DEFAULT_MAX_CODES_PER_PAIR,
            window: DEFAULT_WINDOW,
        }
    }
}

impl AttemptLimits {
    /// The limit of `scope`, `None` when it is off.
    pub fn of(&self, scope: Scope) -> Option<u32> {
        let n = match scope {
            Scope::PairsPerCode => self.pairs_per_code,
            Scope::CodesPerPair => self.codes_per_pair,
        };
        (n > 0).then_some(n)
    }
}
