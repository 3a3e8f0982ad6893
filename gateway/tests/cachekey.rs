//! The cache key is a keyed hash: it holds no value, cannot be checked against a guess without the instance's secret,
//! and the secret stays in the data directory.

use pccc_guard_gateway::cachekey::{Secret, SECRET_FILE};
use pccc_guard_gateway::unipass::Fields;
use sha2::{Digest, Sha256};

fn fields() -> Fields {
    Fields {
        name: "홍길동".into(),
        pccc: "P123456789012".into(),
        phone: "01012345678".into(),
        postcode: Some("03154".into()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_key_holds_no_value_and_an_unkeyed_guess_does_not_reproduce_it() {
    let secret = Secret::random();
    let f = fields();
    let key = secret.key(&f);
    let text = format!("{}{}", hex(&key), String::from_utf8_lossy(&key));
    for value in ["123456789012", "01012345678", "03154", "홍길동"] {
        assert!(!text.contains(value));
    }
    // Whoever has the cache but not the secret cannot test a guess: no plain hash of the fields gives the key.
    for guess in [
        format!("{}{}{}{}", f.name, f.pccc, f.phone, "03154"),
        format!("{}\0{}\0{}\0{}", f.name, f.pccc, f.phone, "03154"),
        format!("{}|{}|{}|{}", f.name, f.pccc, f.phone, "03154"),
    ] {
        assert_ne!(<[u8; 32]>::from(Sha256::digest(guess.as_bytes())), key);
    }
    // Another instance (another secret) has other keys for the same person.
    assert_ne!(Secret::random().key(&f), key);
}

#[test]
fn every_field_counts_and_fields_cannot_slide_into_each_other() {
    let secret = Secret::random();
    let base = fields();
    let mut keys = vec![secret.key(&base)];
    let variants = [
        Fields { name: "홍길".into(), ..base.clone() },
        Fields { pccc: "P123456789013".into(), ..base.clone() },
        Fields { phone: "01012345679".into(), ..base.clone() },
        Fields { postcode: None, ..base.clone() },
        Fields { postcode: Some(String::new()), ..base.clone() },
        Fields { name: "홍길동0".into(), phone: "1012345678".into(), ..base.clone() },
    ];
    for v in &variants {
        keys.push(secret.key(v));
    }
    let unique: std::collections::HashSet<_> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len());
}

#[test]
fn the_secret_is_kept_private_in_the_data_directory_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let one = Secret::load_or_create(dir.path()).unwrap();
    let path = dir.path().join(SECRET_FILE);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.len(), 32);
    assert_ne!(bytes, [0u8; 32]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let two = Secret::load_or_create(dir.path()).unwrap();
    assert_eq!(one.key(&fields()), two.key(&fields()), "a restart keeps the cache keys (and the queue's)");
    assert_eq!(format!("{one:?}"), "Secret(..)");
    std::fs::write(&path, b"short").unwrap();
    assert!(Secret::load_or_create(dir.path()).is_err());
}
