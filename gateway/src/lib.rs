//! A gateway between a shop's checkout and UNI-PASS's personal customs code verification (API028) that never adds
//! to a surge and cannot be turned against the people it checks: format errors never leave it, identical checks in
//! flight share one call, answers are cached briefly under a keyed hash, calls are limited in number and rate,
//! retried within a budget, and stopped by a circuit breaker; checks it cannot answer now (UNI-PASS down, failing
//! in its own way with `tCnt` -1 or a maintenance page, or refusing the key) are answered `pending` and kept,
//! sealed, in a durable queue until UNI-PASS answers. Callers authenticate with bearer tokens, and each identity
//! can be tried only a few ways an hour.
//!
//! Run the binary (`pccc-guard-gateway --help`), or embed the router in an axum or tower app:
//!
//! ```no_run
//! # #[cfg(feature = "server")] {
//! use std::sync::Arc;
//! use pccc_guard_gateway::{router, Config, Gateway, Limits};
//! use pccc_guard_gateway::unipass::ApiKey;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = Config {
//!     base_url: "https://unipass.customs.go.kr:38010".parse()?,
//!     key: ApiKey::new(&std::env::var("UNIPASS_KEY")?).ok_or("empty key")?,
//!     data_dir: "gateway-data".into(),
//!     database_url: None,
//!     webhook: None,
//!     tokens: None,
//!     limits: Limits::default(),
//! };
//! let gateway = Arc::new(Gateway::new(config).await?);
//! tokio::spawn(gateway.clone().run_worker());
//! let app = axum::Router::new().nest("/customs", router(gateway));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8787").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! # }
//! ```
//!
//! UNI-PASS with the same limits, retry budget and breaker, without the server: [`upstream::Upstream`]. The
//! `server` feature (on by default) is the gateway itself; without it (`default-features = false`) the crate is
//! that client alone, with the keyed hashes ([`cachekey`]) and the sealing ([`seal`]), and builds no HTTP server
//! or database driver.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod auth;
pub mod breaker;
pub mod cachekey;
pub mod datadir;
#[cfg(feature = "server")]
pub mod fake;
#[cfg(feature = "server")]
pub mod gateway;
#[cfg(feature = "server")]
pub mod http;
pub mod identity;
mod limits;
pub mod metrics;
pub mod priority;
pub mod ratelimit;
pub mod seal;
#[cfg(feature = "server")]
pub mod store;
pub mod unipass;
pub mod upstream;
#[cfg(feature = "server")]
mod webhook;
#[cfg(feature = "server")]
mod worker;

#[cfg(feature = "server")]
pub use gateway::{Config, Gateway, Outcome, VerifyError, VerifyOptions, VerifyRequest};
#[cfg(feature = "server")]
pub use http::router;
pub use limits::Limits;
pub use priority::Priority;

/// Makes rustls's `ring` provider the process default (once; later calls do nothing).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
