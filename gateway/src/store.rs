//! The durable queue of pending checks, behind one trait: [`SqliteStore`] (a file in the data directory, the
//! default) and [`PostgresStore`] (for several instances sharing one queue).
//!
//! A pending check keeps the fields UNI-PASS needs until it is resolved; then they are erased and only the answer
//! (no personal value) is kept, for `GET /verify/{id}`, for [`RETENTION`]. At most one open check per cache key:
//! the same recipient queued twice gets the same id.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::RngCore;
use sqlx::{ConnectOptions, Row};

use crate::cachekey::CacheKey;
use crate::unipass::Fields;

/// How long a resolved check's answer stays readable.
pub const RETENTION: Duration = Duration::from_secs(24 * 3600);

/// A boxed future, so that the trait is usable as `dyn PendingStore`.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// A database error, without the statement's values.
#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "queue store: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        // sqlx's errors name the statement or the database, never a bound value.
        StoreError(e.to_string())
    }
}

/// A queued check the worker is to run.
#[derive(Clone, Debug)]
pub struct Job {
    /// Its id (32 hex digits).
    pub id: String,
    /// The cache key of its fields.
    pub key: CacheKey,
    /// The fields.
    pub fields: Fields,
    /// How many times it has been claimed, this claim included.
    pub attempts: u32,
}

/// Where a queued check stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobStatus {
    /// Not yet resolved.
    Pending,
    /// Resolved: the JSON answer.
    Done(String),
}

/// The queue's interface.
pub trait PendingStore: Send + Sync + std::fmt::Debug {
    /// Queues a check and returns its id; the id of the open check with the same key when there is one.
    fn enqueue<'a>(&'a self, key: &'a CacheKey, fields: &'a Fields) -> StoreFuture<'a, String>;
    /// Where the check `id` stands; `None` when unknown (or resolved longer ago than [`RETENTION`]).
    fn status<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<JobStatus>>;
    /// Takes up to `limit` due checks, oldest first, hiding them from other claims for `lease`.
    fn claim(&self, limit: u32, lease: Duration) -> StoreFuture<'_, Vec<Job>>;
    /// Stores the answer of check `id` and erases its fields.
    fn complete<'a>(&'a self, id: &'a str, answer_json: &'a str) -> StoreFuture<'a, ()>;
    /// Makes check `id` due again after `delay`.
    fn retry_later<'a>(&'a self, id: &'a str, delay: Duration) -> StoreFuture<'a, ()>;
    /// How many checks are waiting.
    fn depth(&self) -> StoreFuture<'_, u64>;
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// A fresh id: 128 random bits in hex.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn job_from_row(row: &impl RowLike) -> Result<Job, StoreError> {
    let key: Vec<u8> = row.bytes("key_hash")?;
    Ok(Job {
        id: row.text("id")?,
        key: key.try_into().map_err(|_| StoreError("a key_hash is not 32 bytes".into()))?,
        fields: Fields {
            name: row.text("name")?,
            pccc: row.text("pccc")?,
            phone: row.text("phone")?,
            postcode: row.opt_text("postcode")?,
        },
        attempts: row.int("attempts")? as u32,
    })
}

/// The few column reads shared by both databases.
trait RowLike {
    fn text(&self, col: &str) -> Result<String, StoreError>;
    fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError>;
    fn bytes(&self, col: &str) -> Result<Vec<u8>, StoreError>;
    fn int(&self, col: &str) -> Result<i64, StoreError>;
}

macro_rules! row_like {
    ($row:ty) => {
        impl RowLike for $row {
            fn text(&self, col: &str) -> Result<String, StoreError> {
                Ok(self.try_get(col)?)
            }
            fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError> {
                Ok(self.try_get(col)?)
            }
            fn bytes(&self, col: &str) -> Result<Vec<u8>, StoreError> {
                Ok(self.try_get(col)?)
            }
            fn int(&self, col: &str) -> Result<i64, StoreError> {
                Ok(self.try_get(col)?)
            }
        }
    };
}
row_like!(sqlx::sqlite::SqliteRow);
row_like!(sqlx::postgres::PgRow);

const SQLITE_SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS pending_checks (
        id TEXT PRIMARY KEY,
        key_hash BLOB NOT NULL,
        name TEXT, pccc TEXT, phone TEXT, postcode TEXT,
        state TEXT NOT NULL DEFAULT 'pending',
        answer TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        due_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS pending_checks_due ON pending_checks (state, due_ms)",
    "CREATE UNIQUE INDEX IF NOT EXISTS pending_checks_open_key ON pending_checks (key_hash) WHERE state = 'pending'",
];

const POSTGRES_SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS pending_checks (
        id TEXT PRIMARY KEY,
        key_hash BYTEA NOT NULL,
        name TEXT, pccc TEXT, phone TEXT, postcode TEXT,
        state TEXT NOT NULL DEFAULT 'pending',
        answer TEXT,
        attempts BIGINT NOT NULL DEFAULT 0,
        created_ms BIGINT NOT NULL,
        due_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS pending_checks_due ON pending_checks (state, due_ms)",
    "CREATE UNIQUE INDEX IF NOT EXISTS pending_checks_open_key ON pending_checks (key_hash) WHERE state = 'pending'",
];

/// The embedded queue: a SQLite file (WAL journal).
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: sqlx::SqlitePool,
}

impl SqliteStore {
    /// The name of the file in the data directory.
    pub const FILE: &'static str = "pending.sqlite3";

    /// Opens (creating it if need be) the queue in `dir`.
    pub async fn open(dir: &Path) -> Result<SqliteStore, StoreError> {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.join(Self::FILE))
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            // A resolved check's values are overwritten on disk, not just unlinked.
            .pragma("secure_delete", "on")
            .disable_statement_logging();
        // The schema first, on one connection: a pooled connection that read the schema before the index existed
        // would refuse the upsert that relies on it.
        let mut conn = options.connect().await?;
        for statement in SQLITE_SCHEMA {
            sqlx::query(statement).execute(&mut conn).await?;
        }
        // The file belongs to this instance alone: claims left by a previous run that stopped mid-check are void.
        sqlx::query("UPDATE pending_checks SET due_ms = ?1 WHERE state = 'pending' AND due_ms > ?1")
            .bind(now_ms())
            .execute(&mut conn)
            .await?;
        sqlx::Connection::close(conn).await?;
        let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        Ok(SqliteStore { pool })
    }

    /// Closes the file (checkpointing the journal into it).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl PendingStore for SqliteStore {
    fn enqueue<'a>(&'a self, key: &'a CacheKey, fields: &'a Fields) -> StoreFuture<'a, String> {
        Box::pin(async move {
            loop {
                let now = now_ms();
                sqlx::query(
                    "INSERT INTO pending_checks (id, key_hash, name, pccc, phone, postcode, created_ms, due_ms, updated_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)
                     ON CONFLICT (key_hash) WHERE state = 'pending' DO NOTHING",
                )
                .bind(new_id())
                .bind(&key[..])
                .bind(&fields.name)
                .bind(&fields.pccc)
                .bind(&fields.phone)
                .bind(&fields.postcode)
                .bind(now)
                .execute(&self.pool)
                .await?;
                let row = sqlx::query("SELECT id FROM pending_checks WHERE key_hash = ?1 AND state = 'pending'")
                    .bind(&key[..])
                    .fetch_optional(&self.pool)
                    .await?;
                // None: the open check with this key was resolved in between; queue a new one.
                if let Some(row) = row {
                    return row.text("id");
                }
            }
        })
    }

    fn status<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<JobStatus>> {
        Box::pin(async move {
            let row = sqlx::query("SELECT state, answer FROM pending_checks WHERE id = ?1 AND updated_ms >= ?2")
                .bind(id)
                .bind(now_ms() - RETENTION.as_millis() as i64)
                .fetch_optional(&self.pool)
                .await?;
            Ok(match row {
                None => None,
                Some(row) if row.text("state")? == "done" => Some(JobStatus::Done(row.text("answer")?)),
                Some(_) => Some(JobStatus::Pending),
            })
        })
    }

    fn claim(&self, limit: u32, lease: Duration) -> StoreFuture<'_, Vec<Job>> {
        Box::pin(async move {
            let now = now_ms();
            sqlx::query("DELETE FROM pending_checks WHERE state = 'done' AND updated_ms < ?1")
                .bind(now - RETENTION.as_millis() as i64)
                .execute(&self.pool)
                .await?;
            let rows = sqlx::query(
                "UPDATE pending_checks SET due_ms = ?1, attempts = attempts + 1, updated_ms = ?2
                 WHERE id IN (SELECT id FROM pending_checks WHERE state = 'pending' AND due_ms <= ?2
                              ORDER BY created_ms LIMIT ?3)
                 RETURNING id, key_hash, name, pccc, phone, postcode, attempts",
            )
            .bind(now + lease.as_millis() as i64)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(job_from_row).collect()
        })
    }

    fn complete<'a>(&'a self, id: &'a str, answer_json: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            sqlx::query(
                "UPDATE pending_checks SET state = 'done', answer = ?1, name = NULL, pccc = NULL, phone = NULL,
                 postcode = NULL, updated_ms = ?2 WHERE id = ?3 AND state = 'pending'",
            )
            .bind(answer_json)
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
    }

    fn retry_later<'a>(&'a self, id: &'a str, delay: Duration) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let now = now_ms();
            sqlx::query("UPDATE pending_checks SET due_ms = ?1, updated_ms = ?2 WHERE id = ?3 AND state = 'pending'")
                .bind(now + delay.as_millis() as i64)
                .bind(now)
                .bind(id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
    }

    fn depth(&self) -> StoreFuture<'_, u64> {
        Box::pin(async move {
            let row = sqlx::query("SELECT COUNT(*) AS n FROM pending_checks WHERE state = 'pending'")
                .fetch_one(&self.pool)
                .await?;
            Ok(row.int("n")? as u64)
        })
    }
}

/// The shared queue: PostgreSQL, for several instances (claims skip rows another instance holds).
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: sqlx::PgPool,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/db`) and creates the table if need be.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let options = sqlx::postgres::PgConnectOptions::from_str(url)?.disable_statement_logging();
        PostgresStore::connect_with(options).await
    }

    /// Connects with `options` and creates the table if need be.
    pub async fn connect_with(options: sqlx::postgres::PgConnectOptions) -> Result<PostgresStore, StoreError> {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        // Several instances may start at once: one creates the table at a time.
        let mut tx = pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(2202)").execute(&mut *tx).await?;
        for statement in POSTGRES_SCHEMA {
            sqlx::query(statement).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(PostgresStore { pool })
    }

    /// Closes the connections.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl PendingStore for PostgresStore {
    fn enqueue<'a>(&'a self, key: &'a CacheKey, fields: &'a Fields) -> StoreFuture<'a, String> {
        Box::pin(async move {
            loop {
                let now = now_ms();
                sqlx::query(
                    "INSERT INTO pending_checks (id, key_hash, name, pccc, phone, postcode, created_ms, due_ms, updated_ms)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)
                     ON CONFLICT (key_hash) WHERE state = 'pending' DO NOTHING",
                )
                .bind(new_id())
                .bind(&key[..])
                .bind(&fields.name)
                .bind(&fields.pccc)
                .bind(&fields.phone)
                .bind(&fields.postcode)
                .bind(now)
                .execute(&self.pool)
                .await?;
                let row = sqlx::query("SELECT id FROM pending_checks WHERE key_hash = $1 AND state = 'pending'")
                    .bind(&key[..])
                    .fetch_optional(&self.pool)
                    .await?;
                if let Some(row) = row {
                    return row.text("id");
                }
            }
        })
    }

    fn status<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<JobStatus>> {
        Box::pin(async move {
            let row = sqlx::query("SELECT state, answer FROM pending_checks WHERE id = $1 AND updated_ms >= $2")
                .bind(id)
                .bind(now_ms() - RETENTION.as_millis() as i64)
                .fetch_optional(&self.pool)
                .await?;
            Ok(match row {
                None => None,
                Some(row) if row.text("state")? == "done" => Some(JobStatus::Done(row.text("answer")?)),
                Some(_) => Some(JobStatus::Pending),
            })
        })
    }

    fn claim(&self, limit: u32, lease: Duration) -> StoreFuture<'_, Vec<Job>> {
        Box::pin(async move {
            let now = now_ms();
            sqlx::query("DELETE FROM pending_checks WHERE state = 'done' AND updated_ms < $1")
                .bind(now - RETENTION.as_millis() as i64)
                .execute(&self.pool)
                .await?;
            let rows = sqlx::query(
                "UPDATE pending_checks SET due_ms = $1, attempts = attempts + 1, updated_ms = $2
                 WHERE id IN (SELECT id FROM pending_checks WHERE state = 'pending' AND due_ms <= $2
                              ORDER BY created_ms LIMIT $3 FOR UPDATE SKIP LOCKED)
                 RETURNING id, key_hash, name, pccc, phone, postcode, attempts",
            )
            .bind(now + lease.as_millis() as i64)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(job_from_row).collect()
        })
    }

    fn complete<'a>(&'a self, id: &'a str, answer_json: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            sqlx::query(
                "UPDATE pending_checks SET state = 'done', answer = $1, name = NULL, pccc = NULL, phone = NULL,
                 postcode = NULL, updated_ms = $2 WHERE id = $3 AND state = 'pending'",
            )
            .bind(answer_json)
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
    }

    fn retry_later<'a>(&'a self, id: &'a str, delay: Duration) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let now = now_ms();
            sqlx::query("UPDATE pending_checks SET due_ms = $1, updated_ms = $2 WHERE id = $3 AND state = 'pending'")
                .bind(now + delay.as_millis() as i64)
                .bind(now)
                .bind(id)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
    }

    fn depth(&self) -> StoreFuture<'_, u64> {
        Box::pin(async move {
            let row = sqlx::query("SELECT COUNT(*) AS n FROM pending_checks WHERE state = 'pending'")
                .fetch_one(&self.pool)
                .await?;
            Ok(row.int("n")? as u64)
        })
    }
}
