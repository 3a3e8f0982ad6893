//! The state of a verify run (`--state FILE`), so that the same command run again resumes where the last one
//! stopped (Ctrl-C, a crash, an outage): each check's answer, or the id of a check a gateway still holds, under the
//! check's keyed hash. The file holds no personal value: a check is named by an HMAC-SHA-256 of its normalised
//! fields under a secret kept in a file of its own beside it (`FILE.key`, mode 0600, as the gateway keys its cache),
//! so that the state alone cannot even confirm a guess; answers are reason codes.
//!
//! One JSON object a line, appended as answers come (a line cut short by a crash is skipped): a first line naming
//! the format and a check of the key, then `{"k":HASH,"s":"matched"|"mismatched","r":[codes],"t":SECONDS}` or
//! `{"k":HASH,"s":"pending","id":ID,"gw":URL,"t":SECONDS}`. A record older than [`MAX_AGE`] is not used: codes die
//! (reissued, expired) and the same export verified again a day later is asked again.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pccc_guard_gateway::cachekey::{CacheKey, Secret};
use pccc_guard_gateway::unipass::Fields;
use serde_json::{json, Value};

/// How long a record is used.
pub const MAX_AGE: Duration = Duration::from_secs(24 * 3600);

/// The format's name and version, on the first line.
const FORMAT: &str = "pccc_guard_verify_state";

/// What the state knows of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Known {
    /// UNI-PASS's answer: matched (no reasons) or mismatched with its reason codes.
    Answer { matched: bool, reasons: Vec<String> },
    /// Pending at the gateway `gateway`, under `id`.
    Pending { id: String, gateway: String },
}

/// The state file, open for appending.
pub struct State {
    path: PathBuf,
    file: File,
    secret: Secret,
    known: HashMap<CacheKey, Known>,
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<CacheKey> {
    if text.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(key)
}

impl State {
    /// The key file beside a state file.
    pub fn key_path(path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(".key");
        PathBuf::from(name)
    }

    /// Opens the state at `path` (creating it and its key, mode 0600), reading what it knows. A state written under
    /// another key (its key file replaced) is started afresh.
    pub fn open(path: &Path) -> Result<State, String> {
        let what = |e: io::Error| format!("--state {}: {e}", path.display());
        let key_path = State::key_path(path);
        let secret =
            Secret::load_or_create_file(&key_path).map_err(|e| format!("--state key {}: {e}", key_path.display()))?;
        // The hash of a recipient no one is: the same key gives the same check.
        let check = hex(&secret.key(&super::recipient::fields(FORMAT, "", "", None)));
        let (known, ours) = match File::open(path) {
            Ok(file) => read(BufReader::new(file), &check).map_err(what)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => (HashMap::new(), false),
            Err(e) => return Err(what(e)),
        };
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        if !ours {
            // New, or written under another key (nothing in it can be read): start afresh.
            options.append(false).write(true).truncate(true);
        }
        let mut file = options.open(path).map_err(what)?;
        pccc_guard_gateway::datadir::make_private(path).map_err(what)?;
        if !ours {
            writeln!(file, "{}", json!({ FORMAT: 1, "check": check })).map_err(what)?;
        }
        Ok(State { path: path.to_owned(), file, secret, known })
    }

    /// The keyed hash that names `fields`' check.
    pub fn key(&self, fields: &Fields) -> CacheKey {
        self.secret.key(fields)
    }

    /// What the state knows of a check.
    pub fn get(&self, key: &CacheKey) -> Option<&Known> {
        self.known.get(key)
    }

    /// Notes what is now known of a check, on disk at once (flushed; synced at the end of the run).
    pub fn put(&mut self, key: CacheKey, known: Known) -> io::Result<()> {
        let mut line = match &known {
            Known::Answer { matched: true, .. } => json!({ "k": hex(&key), "s": "matched" }),
            Known::Answer { matched: false, reasons } => json!({ "k": hex(&key), "s": "mismatched", "r": reasons }),
            Known::Pending { id, gateway } => json!({ "k": hex(&key), "s": "pending", "id": id, "gw": gateway }),
        };
        line["t"] = json!(now());
        writeln!(self.file, "{line}")?;
        self.file.flush()?;
        self.known.insert(key, known);
        Ok(())
    }

    /// Forgets a check a gateway no longer knows.
    pub fn forget(&mut self, key: &CacheKey) {
        self.known.remove(key);
    }

    /// Syncs the file to disk.
    pub fn sync(&self) -> io::Result<()> {
        self.file.sync_all()
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Reads a state file: what it knows (the last record of each check that is young enough; older or unreadable
/// records are skipped), and whether it was written under this key (`check`).
fn read(file: impl BufRead, check: &str) -> io::Result<(HashMap<CacheKey, Known>, bool)> {
    let mut lines = file.lines();
    let first: Option<Value> = lines.next().transpose()?.and_then(|l| serde_json::from_str(&l).ok());
    let ours = first.is_some_and(|v| v[FORMAT] == 1 && v["check"] == check);
    let mut known = HashMap::new();
    if !ours {
        return Ok((known, false));
    }
    let oldest = now().saturating_sub(MAX_AGE.as_secs());
    for line in lines {
        let line = line?;
        let record = serde_json::from_str::<Value>(&line).ok().and_then(|v| {
            let key = unhex(v["k"].as_str()?)?;
            if v["t"].as_u64()? < oldest {
                return None;
            }
            let text = |value: &Value| value.as_str().map(str::to_owned);
            let known = match v["s"].as_str()? {
                "matched" => Known::Answer { matched: true, reasons: Vec::new() },
                "mismatched" => Known::Answer {
                    matched: false,
                    reasons: v["r"].as_array()?.iter().map(text).collect::<Option<Vec<_>>>()?,
                },
                "pending" => Known::Pending { id: text(&v["id"])?, gateway: text(&v["gw"])? },
                _ => return None,
            };
            Some((key, known))
        });
        if let Some((key, record)) = record {
            known.insert(key, record);
        }
    }
    Ok((known, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(n: u32) -> Fields {
        super::super::recipient::fields("홍길동", &format!("P1234{n:07}1"), "01012345678", None)
    }

    #[test]
    fn a_state_is_read_back_holds_no_value_and_a_torn_line_is_skipped() {
        let dir = std::env::temp_dir().join(format!("pccc-verify-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.state");
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(State::key_path(&path));
        let mut state = State::open(&path).unwrap();
        let (a, b) = (state.key(&fields(1)), state.key(&fields(2)));
        state.put(a, Known::Answer { matched: false, reasons: vec!["phone_mismatch".into()] }).unwrap();
        state.put(b, Known::Pending { id: "ab".repeat(16), gateway: "http://127.0.0.1:1".into() }).unwrap();
        drop(state);
        let mut text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("P1234") && !text.contains("홍길동") && !text.contains("0101234"), "{text}");
        text.push_str("{\"k\":\"0");
        std::fs::write(&path, text).unwrap();
        let state = State::open(&path).unwrap();
        assert_eq!(state.get(&a), Some(&Known::Answer { matched: false, reasons: vec!["phone_mismatch".into()] }));
        assert!(matches!(state.get(&b), Some(Known::Pending { .. })));
        drop(state);
        // Another key: nothing can be read, and the file starts afresh.
        std::fs::remove_file(State::key_path(&path)).unwrap();
        let state = State::open(&path).unwrap();
        assert!(state.get(&a).is_none() && state.get(&state.key(&fields(1))).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
