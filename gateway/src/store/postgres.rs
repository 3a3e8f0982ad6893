//! Connecting to PostgreSQL: TLS (rustls) with `sslmode` honoured, and `require` when the URL names a host that is
//! not this machine and says nothing of TLS, so that a queue full of checks never crosses a network in plain text
//! by default. `verify-ca` and `verify-full` check the server's certificate against the platform's roots, or the
//! `sslrootcert` file.

use std::net::IpAddr;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgSslMode};

use super::StoreError;

/// Whether `host` is this machine: `localhost`, a loopback address, or a Unix socket's directory.
pub fn is_local(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.starts_with('/')
        || host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The connection options of `url` (`postgres://user:password@host:port/db?sslmode=…`). Without an `sslmode` in the
/// URL (or `PGSSLMODE`), a host other than this machine gets `require`. Errors never quote the URL (it may hold a
/// password; so does the options' `Debug`, which is never printed).
pub fn options(url: &str) -> Result<PgConnectOptions, StoreError> {
    let not_postgres = || StoreError::new("the database URL is not a PostgreSQL URL (postgres://user@host:port/db)");
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(not_postgres());
    }
    let options = PgConnectOptions::from_str(url).map_err(|_| not_postgres())?;
    let explicit = url::Url::parse(url).is_ok_and(|u| u.query_pairs().any(|(k, _)| k == "sslmode"))
        || std::env::var_os("PGSSLMODE").is_some();
    let local = options.get_socket().is_some() || is_local(options.get_host());
    Ok(if explicit || local { options } else { options.ssl_mode(PgSslMode::Require) })
}

/// Whether these options may send the queue in plain text over a network: a host other than this machine with
/// `sslmode` `disable`, `allow` or `prefer` (the last two fall back to plain text when the server offers no TLS).
pub fn plain_text_over_network(options: &PgConnectOptions) -> bool {
    let local = options.get_socket().is_some() || is_local(options.get_host());
    !local && matches!(options.get_ssl_mode(), PgSslMode::Disable | PgSslMode::Allow | PgSslMode::Prefer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remote_host_gets_tls_unless_the_url_says_otherwise() {
        let mode = |url: &str| options(url).unwrap().get_ssl_mode();
        assert!(matches!(mode("postgres://u:p@db.example.com/q"), PgSslMode::Require));
        assert!(matches!(mode("postgres://u@10.0.0.5:5432/q"), PgSslMode::Require));
        assert!(matches!(mode("postgres://u@db.example.com/q?sslmode=verify-full"), PgSslMode::VerifyFull));
        assert!(matches!(mode("postgres://u@127.0.0.1/q"), PgSslMode::Prefer));
        assert!(matches!(mode("postgres://u@[::1]:5432/q"), PgSslMode::Prefer));
        assert!(matches!(mode("postgres://u@localhost/q"), PgSslMode::Prefer));
        let explicit_plain = options("postgres://u@db.example.com/q?sslmode=disable").unwrap();
        assert!(plain_text_over_network(&explicit_plain));
        assert!(!plain_text_over_network(&options("postgres://u@db.example.com/q").unwrap()));
        let e = options("mysql://u:hunter2@db/q").unwrap_err().to_string();
        assert!(!e.contains("hunter2"), "{e}");
    }
}
