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
//! ```
//!
//! UNI-PASS with the same limits, retry budget and breaker, without the server: [`upstream::Upstream`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod auth;
pub mod breaker;
pub mod cachekey;
pub mod datadir;
pub mod fake;
pub mod gateway;
pub mod http;
pub mod identity;
pub mod metrics;
pub mod ratelimit;
pub mod seal;
pub mod store;
pub mod unipass;
pub mod upstream;
mod webhook;
mod worker;

pub use gateway::{Config, Gateway, Limits, Outcome, VerifyError, VerifyOptions, VerifyRequest};
pub use http::router;

/// Makes rustls's `ring` provider the process default (once; later calls do nothing).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
