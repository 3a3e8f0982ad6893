//! Bearer tokens (`--tokens FILE`): each line `CLIENT TOKEN`. A request to `/verify` must carry
//! `Authorization: Bearer TOKEN`; the client's id (never the token) then names it in logs and metrics.
//!
//! Tokens are kept as SHA-256 digests and compared in constant time with every client's, so that neither the time
//! of a refusal nor a dump of the process's memory gives a token away.

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The shortest token accepted: a token is a password that a script sends, so it can be long.
pub const MIN_TOKEN_LEN: usize = 24;

/// The clients and their tokens' digests. `Debug` prints the client ids only.
#[derive(Clone)]
pub struct Tokens {
    clients: Vec<(String, [u8; 32])>,
}

impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clients.iter().map(|(c, _)| c)).finish()
    }
}

fn valid_client(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

impl Tokens {
    /// Reads a tokens file. Errors name the file and line, never a token.
    pub fn load(path: &Path) -> Result<Tokens, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read --tokens {}: {}", path.display(), e.kind()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(path) {
                if meta.permissions().mode() & 0o077 != 0 {
                    tracing::warn!(path = %path.display(), "the tokens file is readable by other users: chmod 600 it");
                }
            }
        }
        Tokens::parse(&text).map_err(|e| format!("--tokens {}: {e}", path.display()))
    }

    /// Reads the file's text: `CLIENT TOKEN` a line (client ids of letters, digits, `.`, `_`, `-`; tokens of at
    /// least [`MIN_TOKEN_LEN`] visible ASCII characters); blank lines and `#` comments skipped.
    ///
    /// ```
    /// use pccc_guard_gateway::auth::Tokens;
    ///
    /// let tokens = Tokens::parse("# shop servers\nshop-web 0b6c4a0e5f2d4d9b8e1a7c3f\n")?;
    /// assert_eq!(tokens.client("0b6c4a0e5f2d4d9b8e1a7c3f"), Some("shop-web"));
    /// assert_eq!(tokens.client("0b6c4a0e5f2d4d9b8e1a7c3e"), None);
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse(text: &str) -> Result<Tokens, String> {
        let mut clients: Vec<(String, [u8; 32])> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let n = n + 1;
            let mut parts = line.split_whitespace();
            let (Some(client), Some(token), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {n} is not `CLIENT TOKEN`"));
            };
            if !valid_client(client) {
                return Err(format!("line {n}: a client id is 1 to 64 letters, digits, '.', '_' or '-'"));
            }
            if token.len() < MIN_TOKEN_LEN || !token.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(format!(
                    "line {n}: a token is at least {MIN_TOKEN_LEN} visible ASCII characters (e.g. `openssl rand -hex 32`)"
                ));
            }
            let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
            if clients.iter().any(|(c, _)| c == client) {
                return Err(format!("line {n}: the client {client} has another line"));
            }
            if clients.iter().any(|(_, d)| *d == digest) {
                return Err(format!("line {n}: this token is already another client's"));
            }
            clients.push((client.to_owned(), digest));
        }
        if clients.is_empty() {
            return Err("no `CLIENT TOKEN` line".to_owned());
        }
        Ok(Tokens { clients })
    }

    /// The client whose token `presented` is, comparing with every client's in constant time.
    pub fn client(&self, presented: &str) -> Option<&str> {
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let mut found = None;
        for (client, expected) in &self.clients {
            if bool::from(expected.ct_eq(&digest)) {
                found = Some(client.as_str());
            }
        }
        found
    }

    /// The client ids, in the file's order.
    pub fn clients(&self) -> impl Iterator<Item = &str> {
        self.clients.iter().map(|(c, _)| c.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_refused_by_line_without_echoing_a_token() {
        let token = "x".repeat(MIN_TOKEN_LEN);
        for (text, what) in [
            ("shop".to_owned(), "line 1"),
            ("shop short-token".to_owned(), "at least"),
            (format!("sh op {token}"), "line 1"),
            (format!("shöp {token}"), "client id"),
            (format!("a {token}\na {token}y"), "another line"),
            (format!("a {token}\nb {token}"), "already"),
            ("# nothing\n".to_owned(), "no `CLIENT TOKEN`"),
        ] {
            let e = Tokens::parse(&text).unwrap_err();
            assert!(e.contains(what), "{text:?}: {e}");
            assert!(!e.contains(&token), "{e}");
        }
    }

    #[test]
    fn each_token_names_its_client_and_debug_shows_no_token() {
        let tokens = Tokens::parse(&format!("a {}\nb {}", "1".repeat(30), "2".repeat(30))).unwrap();
        assert_eq!(tokens.client(&"2".repeat(30)), Some("b"));
        assert_eq!(tokens.client(&"1".repeat(30)), Some("a"));
        assert_eq!(tokens.client(""), None);
        assert_eq!(format!("{tokens:?}"), r#"["a", "b"]"#);
    }
}
