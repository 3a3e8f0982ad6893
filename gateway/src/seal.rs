//! The fields of a pending check are sealed at rest: ChaCha20-Poly1305 (`ring`'s AEAD) under a key kept in the data
//! directory (`queue.key`, mode 0600), bound to the check's id, so that the queue (SQLite's file and journal, or
//! PostgreSQL's tables and backups) holds no readable name, code or phone number, and a sealed value moved to
//! another row does not open.
//!
//! The key file holds one key a line, `ID HEX`, the newest first: the first seals, every one opens. Rotation
//! ([`KeyRing::rotate`], `pccc-guard-gateway --rotate-key`) puts a new key first and keeps the old ones; an old key
//! can be deleted from the file once every check sealed under it is resolved or expired, that is `--pending-ttl`
//! after the rotation. Instances that share a PostgreSQL queue must share the file (copy it to each before
//! restarting them).
//!
//! The key ring also gives the key of the per-identity attempt counts ([`KeyRing::identity_key`]), which the
//! instances sharing a queue must also share.

use std::fmt;
use std::path::Path;

use hmac::{Hmac, Mac};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use sha2::Sha256;

use crate::unipass::Fields;

/// The key file's name in the data directory.
pub const KEY_FILE: &str = "queue.key";

/// The format byte of a sealed value.
const VERSION: u8 = 1;

/// Why a sealed value did not open, or the key file could not be used.
#[derive(Debug)]
pub enum SealError {
    /// The key file is unreadable, malformed or could not be written.
    KeyFile(String),
    /// The value was sealed under a key that is no longer in the file.
    UnknownKey(u32),
    /// The value is damaged, or belongs to another check.
    Damaged,
}

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealError::KeyFile(e) => write!(f, "queue key file: {e}"),
            SealError::UnknownKey(id) => write!(f, "sealed under key {id:08x}, which {KEY_FILE} no longer holds"),
            SealError::Damaged => f.write_str("a sealed value is damaged or belongs to another check"),
        }
    }
}

impl std::error::Error for SealError {}

struct Key {
    id: u32,
    bytes: [u8; 32],
    aead: LessSafeKey,
}

/// The queue's keys: the first seals, every one opens. `Debug` prints the ids only.
pub struct KeyRing {
    keys: Vec<Key>,
    rng: SystemRandom,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.keys.iter().map(|k| format!("{:08x}", k.id))).finish()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl KeyRing {
    /// Reads `queue.key` in `dir`, or makes one (mode 0600).
    pub fn load_or_create(dir: &Path) -> Result<KeyRing, SealError> {
        let path = dir.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                crate::datadir::make_private(&path).map_err(|e| SealError::KeyFile(e.to_string()))?;
                KeyRing::parse(&text)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let ring = KeyRing::parse("")?.with_new_key()?;
                crate::datadir::write_private(&path, ring.to_text().as_bytes())
                    .map_err(|e| SealError::KeyFile(format!("cannot write {}: {e}", path.display())))?;
                Ok(ring)
            }
            Err(e) => Err(SealError::KeyFile(format!("cannot read {}: {e}", path.display()))),
        }
    }

    /// Puts a new key first in `dir`'s `queue.key` (made if missing), keeping the others; returns its id.
    pub fn rotate(dir: &Path) -> Result<u32, SealError> {
        let ring = KeyRing::load_or_create(dir)?.with_new_key()?;
        crate::datadir::write_private(&dir.join(KEY_FILE), ring.to_text().as_bytes())
            .map_err(|e| SealError::KeyFile(format!("cannot write {KEY_FILE}: {e}")))?;
        Ok(ring.keys[0].id)
    }

    /// Reads the key file's text (`ID HEX` lines; blank lines and `#` comments skipped). Errors name the line,
    /// never a key.
    pub fn parse(text: &str) -> Result<KeyRing, SealError> {
        let mut keys: Vec<Key> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || SealError::KeyFile(format!("line {} is not `ID KEY` (8 and 64 hex digits)", n + 1));
            let mut parts = line.split_whitespace();
            let (Some(id), Some(key), None) = (parts.next(), parts.next(), parts.next()) else { return Err(bad()) };
            let id = u32::from_be_bytes(unhex::<4>(id).ok_or_else(bad)?);
            let bytes = unhex::<32>(key).ok_or_else(bad)?;
            if keys.iter().any(|k| k.id == id) {
                return Err(SealError::KeyFile(format!("line {}: the id {id:08x} is used twice", n + 1)));
            }
            keys.push(Key::new(id, bytes));
        }
        Ok(KeyRing { keys, rng: SystemRandom::new() })
    }

    fn with_new_key(mut self) -> Result<KeyRing, SealError> {
        let random = |n: &mut [u8]| self.rng.fill(n).map_err(|_| SealError::KeyFile("no randomness".into()));
        let mut bytes = [0u8; 32];
        let mut id = [0u8; 4];
        random(&mut bytes)?;
        loop {
            random(&mut id)?;
            let id = u32::from_be_bytes(id);
            if !self.keys.iter().any(|k| k.id == id) {
                self.keys.insert(0, Key::new(id, bytes));
                return Ok(self);
            }
        }
    }

    fn to_text(&self) -> String {
        let mut out = String::from(
            "# pccc-guard-gateway: the keys that seal pending checks. The first seals, every one opens.\n\
             # Keep this file private (mode 0600). See the gateway's README on rotation.\n",
        );
        for k in &self.keys {
            out.push_str(&format!("{:08x} {}\n", k.id, hex(&k.bytes)));
        }
        out
    }

    /// The ids of the keys, the sealing one first.
    pub fn ids(&self) -> Vec<u32> {
        self.keys.iter().map(|k| k.id).collect()
    }

    /// Seals `fields` for the check `id`.
    pub fn seal(&self, id: &str, fields: &Fields) -> Result<Vec<u8>, SealError> {
        let key = self.keys.first().ok_or_else(|| SealError::KeyFile(format!("{KEY_FILE} holds no key")))?;
        let mut nonce = [0u8; NONCE_LEN];
        self.rng.fill(&mut nonce).map_err(|_| SealError::KeyFile("no randomness".into()))?;
        let mut body = serde_json::to_vec(fields).map_err(|_| SealError::Damaged)?;
        key.aead
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(id.as_bytes()), &mut body)
            .map_err(|_| SealError::Damaged)?;
        let mut out = Vec::with_capacity(1 + 4 + NONCE_LEN + body.len());
        out.push(VERSION);
        out.extend_from_slice(&key.id.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Opens what [`KeyRing::seal`] gave for the check `id`.
    pub fn open(&self, id: &str, sealed: &[u8]) -> Result<Fields, SealError> {
        if sealed.len() < 1 + 4 + NONCE_LEN || sealed[0] != VERSION {
            return Err(SealError::Damaged);
        }
        let key_id = u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]);
        let key = self.keys.iter().find(|k| k.id == key_id).ok_or(SealError::UnknownKey(key_id))?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&sealed[5..5 + NONCE_LEN]);
        let mut body = sealed[5 + NONCE_LEN..].to_vec();
        let plain = key
            .aead
            .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(id.as_bytes()), &mut body)
            .map_err(|_| SealError::Damaged)?;
        serde_json::from_slice(plain).map_err(|_| SealError::Damaged)
    }

    /// The key of the per-identity attempt counts, derived from the sealing key (so a rotation starts the counts
    /// afresh, which an hour's window soon makes up for).
    pub fn identity_key(&self) -> crate::identity::IdentityKey {
        let seed = self.keys.first().map_or([0u8; 32], |k| k.bytes);
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&seed).expect("HMAC takes a key of any length");
        mac.update(b"pccc-guard-gateway attempt limits v1");
        crate::identity::IdentityKey::new(mac.finalize().into_bytes().into())
    }
}

impl Key {
    fn new(id: u32, bytes: [u8; 32]) -> Key {
        let aead = LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &bytes).expect("a 32-byte key"));
        Key { id, bytes, aead }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields { name: "홍길동".into(), pccc: "P123456789012".into(), phone: "01012345678".into(), postcode: None }
    }

    #[test]
    fn sealed_fields_open_only_for_their_check_and_with_their_key() {
        let ring = KeyRing::parse("").unwrap().with_new_key().unwrap();
        let sealed = ring.seal("a", &fields()).unwrap();
        assert!(!sealed.windows(13).any(|w| w == b"P123456789012"));
        assert_eq!(ring.open("a", &sealed).unwrap(), fields());
        assert!(matches!(ring.open("b", &sealed), Err(SealError::Damaged)));
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(matches!(ring.open("a", &flipped), Err(SealError::Damaged)));
        // Two seals of the same fields differ (a fresh nonce each).
        assert_ne!(ring.seal("a", &fields()).unwrap(), sealed);
        // After a rotation the old value still opens, and new ones use the new key.
        let rotated = KeyRing::parse(&ring.to_text()).unwrap().with_new_key().unwrap();
        assert_eq!(rotated.open("a", &sealed).unwrap(), fields());
        assert_ne!(rotated.ids()[0], ring.ids()[0]);
        let newer = rotated.seal("a", &fields()).unwrap();
        assert!(matches!(ring.open("a", &newer), Err(SealError::UnknownKey(_))));
    }

    #[test]
    fn a_bad_key_file_is_refused_without_echoing_it() {
        for text in
            ["zz", "0000000a 1234", "0000000a 00 extra", &format!("0000000a {0}\n0000000a {0}", "ab".repeat(32))]
        {
            let e = KeyRing::parse(text).unwrap_err().to_string();
            assert!(e.contains("line"), "{e}");
            assert!(!e.contains("abab"), "{e}");
        }
    }
}
