//! The cache key: an HMAC-SHA-256 of a recipient's normalised fields under a per-instance secret, so that neither
//! the cache nor the queue's de-duplication ever holds a value, and a key cannot be turned back into one (the
//! fields are few enough to enumerate; without the secret, a guess cannot be checked).

use std::fmt;
use std::io::Write;
use std::path::Path;

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

use crate::unipass::Fields;

/// The name of the secret's file in the data directory.
pub const SECRET_FILE: &str = "cache-key.secret";

/// A 32-byte secret. `Debug` prints none of it.
#[derive(Clone)]
pub struct Secret([u8; 32]);

/// The keyed hash of a recipient's fields.
pub type CacheKey = [u8; 32];

impl Secret {
    /// A fresh random secret.
    pub fn random() -> Secret {
        let mut bytes = [0; 32];
        rand::rng().fill_bytes(&mut bytes);
        Secret(bytes)
    }

    /// Reads the secret kept in `dir`, or makes one and writes it there (mode 0600 on Unix).
    pub fn load_or_create(dir: &Path) -> std::io::Result<Secret> {
        Secret::load_or_create_file(&dir.join(SECRET_FILE))
    }

    /// Reads the secret kept in the file `path`, or makes one and writes it there (a new file, mode 0600 on Unix).
    pub fn load_or_create_file(path: &Path) -> std::io::Result<Secret> {
        let path = path.to_owned();
        match std::fs::read(&path) {
            Ok(bytes) => {
                crate::datadir::make_private(&path)?;
                let bytes: [u8; 32] = bytes.try_into().map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{} is not 32 bytes", path.display()))
                })?;
                Ok(Secret(bytes))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let secret = Secret::random();
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(&path)?;
                file.write_all(&secret.0)?;
                file.sync_all()?;
                Ok(secret)
            }
            Err(e) => Err(e),
        }
    }

    /// The cache key of `fields`: each field length-prefixed, so that no two different recipients share an input.
    ///
    /// ```
    /// use pccc_guard_gateway::cachekey::Secret;
    /// use pccc_guard_gateway::unipass::Fields;
    ///
    /// let fields = Fields { name: "홍길동".into(), pccc: "P123456789012".into(), phone: "01012345678".into(), postcode: None };
    /// let secret = Secret::random();
    /// assert_eq!(secret.key(&fields), secret.key(&fields.clone()));
    /// assert_ne!(secret.key(&fields), Secret::random().key(&fields));
    /// ```
    pub fn key(&self, fields: &Fields) -> CacheKey {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        for part in [Some(&fields.name), Some(&fields.pccc), Some(&fields.phone), fields.postcode.as_ref()] {
            match part {
                Some(value) => {
                    mac.update(&(value.len() as u64 + 1).to_be_bytes());
                    mac.update(value.as_bytes());
                }
                None => mac.update(&0u64.to_be_bytes()),
            }
        }
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}
