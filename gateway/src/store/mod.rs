//! The durable queue of pending checks, one implementation over two databases: SQLite (a file in the data
//! directory, the default) and PostgreSQL (one queue shared by several instances). Beside the checks it keeps the
//! webhooks still to deliver (an outbox) and the per-identity attempt counts.
//!
//! A pending check keeps its fields sealed ([`crate::seal`]) until it is resolved by a real answer or expires; then
//! they are erased and only the answer (no personal value) is kept, for `GET /verify/{id}`, for [`RETENTION`]. At
//! most one open check per cache key: the same recipient queued twice gets the same id.
//!
//! A claim hides a check from other claims for a lease and gives it a fresh token; only the holder of the current
//! token can complete it or put it back, so an instance whose lease lapsed mid-call cannot resolve a check a second
//! time (its result is dropped: [`Store::complete`] answers `false`). Resolving a check and queueing its webhook
//! happen in one transaction, and webhooks are delivered from the outbox apart from the queue.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::RngCore;
use sqlx::ConnectOptions;

use crate::cachekey::CacheKey;
use crate::identity::Attempt;
use crate::priority::Priority;
use crate::unipass::Fields;

mod sql;

use sql::{Arg, Pool};

pub mod postgres;

/// How long a resolved check's answer stays readable.
pub const RETENTION: Duration = Duration::from_secs(24 * 3600);

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

impl StoreError {
    /// An error with this text.
    pub fn new(text: impl Into<String>) -> StoreError {
        StoreError(text.into())
    }
}

/// A claimed check the worker is to resolve.
#[derive(Clone, Debug)]
pub struct Job {
    /// Its id (32 hex digits).
    pub id: String,
    /// The cache key of its fields.
    pub key: CacheKey,
    /// Its fields, sealed.
    pub sealed: Vec<u8>,
    /// How many times it has been claimed, this claim included.
    pub attempts: u32,
    /// When it was queued, in milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// The token of this claim.
    pub lease: String,
    /// Whether its resolution is background work (it was queued by background checks only).
    pub priority: Priority,
}

/// Where a queued check stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobStatus {
    /// Not yet resolved.
    Pending,
    /// Resolved: the JSON answer.
    Done(String),
}

/// What [`Store::enqueue`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Enqueued {
    /// A new check, with this id.
    New(String),
    /// The open check with the same key, with its id.
    Existing(String),
    /// The queue holds its maximum of pending checks: nothing was queued.
    Full,
}

impl Enqueued {
    /// The id, when there is one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Enqueued::New(id) | Enqueued::Existing(id) => Some(id),
            Enqueued::Full => None,
        }
    }
}

/// A claimed webhook delivery.
#[derive(Clone, Debug)]
pub struct Delivery {
    /// The check it tells of (also the delivery's idempotency key).
    pub check_id: String,
    /// The JSON body.
    pub body: String,
    /// How many times it has been claimed, this claim included.
    pub attempts: u32,
    /// When it was queued, in milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// The token of this claim.
    pub lease: String,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// A fresh id: 128 random bits in hex.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The schema, with `{blob}` for the dialect's byte-string type.
const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS pccc_checks (
        id TEXT PRIMARY KEY,
        key_hash {blob} NOT NULL,
        sealed {blob},
        state TEXT NOT NULL DEFAULT 'pending',
        answer TEXT,
        attempts BIGINT NOT NULL DEFAULT 0,
        lease TEXT,
        created_ms BIGINT NOT NULL,
        due_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL)",
    // The claim: due pending checks, soonest first.
    "CREATE INDEX IF NOT EXISTS pccc_checks_due ON pccc_checks (due_ms) WHERE state = 'pending'",
    // The expiry of checks pending longer than --pending-ttl.
    "CREATE INDEX IF NOT EXISTS pccc_checks_created ON pccc_checks (created_ms) WHERE state = 'pending'",
    // The cleanup of answers older than RETENTION.
    "CREATE INDEX IF NOT EXISTS pccc_checks_done ON pccc_checks (updated_ms) WHERE state = 'done'",
    "CREATE UNIQUE INDEX IF NOT EXISTS pccc_checks_open_key ON pccc_checks (key_hash) WHERE state = 'pending'",
    "CREATE TABLE IF NOT EXISTS pccc_attempts (
        scope BIGINT NOT NULL,
        subject {blob} NOT NULL,
        item {blob} NOT NULL,
        at_ms BIGINT NOT NULL,
        PRIMARY KEY (scope, subject, item))",
    "CREATE INDEX IF NOT EXISTS pccc_attempts_at ON pccc_attempts (at_ms)",
    "CREATE TABLE IF NOT EXISTS pccc_webhooks (
        check_id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        attempts BIGINT NOT NULL DEFAULT 0,
        lease TEXT,
        created_ms BIGINT NOT NULL,
        due_ms BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS pccc_webhooks_due ON pccc_webhooks (due_ms)",
];

/// Added to `pccc_checks` after its first version: whether a check is background work (1) or interactive (0).
const BACKGROUND_COLUMN: &str = "ALTER TABLE pccc_checks ADD COLUMN background BIGINT NOT NULL DEFAULT 0";

/// The statements whose text depends on the dialect.
#[derive(Debug, Clone)]
struct Statements {
    claim: String,
    claim_deliveries: String,
}

impl Statements {
    fn new(pool: &Pool) -> Statements {
        let skip = pool.skip_locked();
        Statements {
            // The rows to take are chosen once (a materialised CTE: exactly `limit` rows, each locked and skipped by
            // other instances on PostgreSQL), then updated.
            claim: format!(
                "WITH due AS MATERIALIZED (
                    SELECT id FROM pccc_checks WHERE state = 'pending' AND due_ms <= $1 ORDER BY due_ms LIMIT $2{skip})
                 UPDATE pccc_checks SET due_ms = $3, lease = $4, attempts = attempts + 1, updated_ms = $1
                 FROM due WHERE pccc_checks.id = due.id
                 RETURNING pccc_checks.id, pccc_checks.key_hash, pccc_checks.sealed, pccc_checks.attempts,
                           pccc_checks.created_ms, pccc_checks.background"
            ),
            claim_deliveries: format!(
                "WITH due AS MATERIALIZED (
                    SELECT check_id FROM pccc_webhooks WHERE due_ms <= $1 ORDER BY due_ms LIMIT $2{skip})
                 UPDATE pccc_webhooks SET due_ms = $3, lease = $4, attempts = attempts + 1
                 FROM due WHERE pccc_webhooks.check_id = due.check_id
                 RETURNING pccc_webhooks.check_id, pccc_webhooks.body, pccc_webhooks.attempts,
                           pccc_webhooks.created_ms"
            ),
        }
    }
}

/// The queue. Clone it freely (a pool of connections inside).
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    sql: Statements,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the connection options: PostgreSQL's hold the password.
        f.write_str(if self.pool.is_postgres() { "Store(PostgreSQL)" } else { "Store(SQLite)" })
    }
}

impl Store {
    /// The name of the SQLite file in the data directory.
    pub const SQLITE_FILE: &'static str = "pending.sqlite3";

    /// Opens (creating it if need be) the SQLite queue in `dir`: the file and its journal mode 0600, WAL journal,
    /// values overwritten on deletion. The file belongs to one instance: claims left by a previous run that stopped
    /// mid-check are void.
    pub async fn open_sqlite(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(Self::SQLITE_FILE);
        let io = |e: std::io::Error| StoreError(format!("{}: {e}", path.display()));
        // Created here with mode 0600 first: SQLite gives its -wal and -shm files the database file's mode.
        drop(crate::datadir::create_private(&path).map_err(io)?);
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            // A resolved check's sealed values are overwritten on disk, not just unlinked.
            .pragma("secure_delete", "on")
            .disable_statement_logging();
        // The schema first, on one connection: a pooled connection that read the schema before the index existed
        // would refuse the upsert that relies on it.
        let mut conn = options.connect().await?;
        for statement in SCHEMA {
            sqlx::query(&statement.replace("{blob}", sql::blob(false))).execute(&mut conn).await?;
        }
        let has_background: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM pragma_table_info('pccc_checks') WHERE name = 'background'")
                .fetch_optional(&mut conn)
                .await?;
        if has_background.is_none() {
            sqlx::query(BACKGROUND_COLUMN).execute(&mut conn).await?;
        }
        sqlx::Connection::close(conn).await?;
        let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        let store = Store::with_pool(Pool::Sqlite(pool));
        let now = now_ms();
        store
            .pool
            .execute(
                "UPDATE pccc_checks SET due_ms = $1, lease = NULL WHERE state = 'pending' AND due_ms > $1",
                &[Arg::Int(now)],
            )
            .await?;
        store
            .pool
            .execute("UPDATE pccc_webhooks SET due_ms = $1, lease = NULL WHERE due_ms > $1", &[Arg::Int(now)])
            .await?;
        for suffix in ["", "-wal", "-shm"] {
            let file = dir.join(format!("{}{suffix}", Self::SQLITE_FILE));
            if file.exists() {
                crate::datadir::make_private(&file).map_err(io)?;
            }
        }
        Ok(store)
    }

    /// Connects to PostgreSQL with `options` (see [`postgres::options`] for TLS) and creates the tables if need
    /// be (one instance at a time).
    pub async fn connect_postgres(options: sqlx::postgres::PgConnectOptions) -> Result<Store, StoreError> {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.disable_statement_logging())
            .await?;
        let pool = Pool::Postgres(pool);
        let mut tx = pool.begin().await?;
        tx.execute("SELECT pg_advisory_xact_lock(2202)", &[]).await?;
        for statement in SCHEMA {
            tx.execute(&statement.replace("{blob}", sql::blob(true)), &[]).await?;
        }
        tx.execute(&BACKGROUND_COLUMN.replace("ADD COLUMN", "ADD COLUMN IF NOT EXISTS"), &[]).await?;
        tx.commit().await?;
        Ok(Store::with_pool(pool))
    }

    fn with_pool(pool: Pool) -> Store {
        let sql = Statements::new(&pool);
        Store { pool, sql }
    }

    /// Closes the connections (SQLite checkpoints its journal into the file).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Moves the checks of the first version's table (`pending_checks`, whose fields were kept in plain text) into
    /// this one, sealing each pending check's fields with `seal(id, fields)`, then drops that table. Returns how many
    /// checks were moved; does nothing when there is no such table.
    pub async fn migrate_v1(&self, seal: impl Fn(&str, &Fields) -> Result<Vec<u8>, String>) -> Result<u64, StoreError> {
        let exists = if self.pool.is_postgres() {
            "SELECT 1 AS n FROM information_schema.tables WHERE table_schema = current_schema()
             AND table_name = 'pending_checks'"
        } else {
            "SELECT 1 AS n FROM sqlite_master WHERE type = 'table' AND name = 'pending_checks'"
        };
        let mut tx = self.pool.begin().await?;
        if self.pool.is_postgres() {
            tx.execute("SELECT pg_advisory_xact_lock(2202)", &[]).await?;
        }
        if tx.fetch_all(exists, &[]).await?.is_empty() {
            return Ok(0);
        }
        let rows = tx
            .fetch_all(
                "SELECT id, key_hash, name, pccc, phone, postcode, state, answer, attempts, created_ms, updated_ms
                 FROM pending_checks",
                &[],
            )
            .await?;
        let now = now_ms();
        let mut moved = 0;
        for row in &rows {
            let id = row.text("id")?;
            let key = row.bytes("key_hash")?;
            let (state, created, updated) = (row.text("state")?, row.int("created_ms")?, row.int("updated_ms")?);
            if state == "done" {
                let answer = row.opt_text("answer")?;
                tx.execute(
                    "INSERT INTO pccc_checks (id, key_hash, state, answer, created_ms, due_ms, updated_ms)
                     VALUES ($1, $2, 'done', $3, $4, $4, $5) ON CONFLICT (id) DO NOTHING",
                    &[
                        Arg::Text(&id),
                        Arg::Bytes(&key),
                        Arg::OptText(answer.as_deref()),
                        Arg::Int(created),
                        Arg::Int(updated),
                    ],
                )
                .await?;
            } else {
                let fields = Fields {
                    name: row.opt_text("name")?.unwrap_or_default(),
                    pccc: row.opt_text("pccc")?.unwrap_or_default(),
                    phone: row.opt_text("phone")?.unwrap_or_default(),
                    postcode: row.opt_text("postcode")?,
                };
                let sealed = seal(&id, &fields).map_err(StoreError)?;
                tx.execute(
                    "INSERT INTO pccc_checks (id, key_hash, sealed, attempts, created_ms, due_ms, updated_ms)
                     VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING",
                    &[
                        Arg::Text(&id),
                        Arg::Bytes(&key),
                        Arg::Bytes(&sealed),
                        Arg::Int(row.int("attempts")?),
                        Arg::Int(created),
                        Arg::Int(now),
                    ],
                )
                .await?;
            }
            moved += 1;
        }
        tx.execute("DROP TABLE pending_checks", &[]).await?;
        tx.commit().await?;
        if !self.pool.is_postgres() {
            // The old table's pages were overwritten (secure_delete); empty the journal that still held them.
            self.pool.execute("PRAGMA wal_checkpoint(TRUNCATE)", &[]).await?;
        }
        Ok(moved)
    }

    /// Queues an interactive check with the id `id` and its sealed fields, unless the queue holds `max_pending`
    /// pending checks already; an open check with the same key is answered instead.
    pub async fn enqueue(
        &self,
        key: &CacheKey,
        id: &str,
        sealed: &[u8],
        max_pending: u64,
    ) -> Result<Enqueued, StoreError> {
        self.enqueue_as(key, id, sealed, max_pending, Priority::Interactive).await
    }

    /// [`Store::enqueue`] with a priority: a background check is resolved with the capacity interactive ones leave.
    /// An interactive check that finds an open background check with its key makes it interactive.
    pub async fn enqueue_as(
        &self,
        key: &CacheKey,
        id: &str,
        sealed: &[u8],
        max_pending: u64,
        priority: Priority,
    ) -> Result<Enqueued, StoreError> {
        let max = i64::try_from(max_pending).unwrap_or(i64::MAX);
        let background = i64::from(priority == Priority::Background);
        for _ in 0..5 {
            let inserted = self
                .pool
                .execute(
                    "INSERT INTO pccc_checks (id, key_hash, sealed, created_ms, due_ms, updated_ms, background)
                     SELECT $1, $2, $3, $4, $4, $4, $6
                     WHERE (SELECT COUNT(*) FROM pccc_checks WHERE state = 'pending') < $5
                     ON CONFLICT (key_hash) WHERE state = 'pending' DO NOTHING",
                    &[
                        Arg::Text(id),
                        Arg::Bytes(key),
                        Arg::Bytes(sealed),
                        Arg::Int(now_ms()),
                        Arg::Int(max),
                        Arg::Int(background),
                    ],
                )
                .await?;
            if inserted == 1 {
                return Ok(Enqueued::New(id.to_owned()));
            }
            let open = self
                .pool
                .fetch_optional(
                    "SELECT id FROM pccc_checks WHERE key_hash = $1 AND state = 'pending'",
                    &[Arg::Bytes(key)],
                )
                .await?;
            if let Some(row) = open {
                let id = row.text("id")?;
                if priority == Priority::Interactive {
                    self.pool
                        .execute(
                            "UPDATE pccc_checks SET background = 0 WHERE id = $1 AND background <> 0",
                            &[Arg::Text(&id)],
                        )
                        .await?;
                }
                return Ok(Enqueued::Existing(id));
            }
            if self.depth().await? >= max_pending {
                return Ok(Enqueued::Full);
            }
            // The open check with this key was resolved in between: queue a new one.
        }
        Err(StoreError("the check could not be queued (the queue changed under every try)".into()))
    }

    /// Where the check `id` stands; `None` when unknown (or resolved longer ago than [`RETENTION`]).
    pub async fn status(&self, id: &str) -> Result<Option<JobStatus>, StoreError> {
        let row = self
            .pool
            .fetch_optional(
                "SELECT state, answer FROM pccc_checks WHERE id = $1 AND (state = 'pending' OR updated_ms >= $2)",
                &[Arg::Text(id), Arg::Int(now_ms() - ms(RETENTION))],
            )
            .await?;
        Ok(match row {
            None => None,
            Some(row) if row.text("state")? == "done" => {
                Some(JobStatus::Done(row.opt_text("answer")?.unwrap_or_default()))
            }
            Some(_) => Some(JobStatus::Pending),
        })
    }

    /// Takes up to `limit` due checks, soonest due first, each hidden from other claims for `lease` and given this
    /// claim's token.
    pub async fn claim(&self, limit: u32, lease: Duration) -> Result<Vec<Job>, StoreError> {
        let (now, token) = (now_ms(), new_id());
        let rows = self
            .pool
            .fetch_all(
                &self.sql.claim,
                &[Arg::Int(now), Arg::Int(i64::from(limit)), Arg::Int(now + ms(lease)), Arg::Text(&token)],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Job {
                    id: row.text("id")?,
                    key: row
                        .bytes("key_hash")?
                        .try_into()
                        .map_err(|_| StoreError("a key_hash is not 32 bytes".into()))?,
                    sealed: row.opt_bytes("sealed")?.unwrap_or_default(),
                    attempts: row.int("attempts")?.clamp(0, i64::from(u32::MAX)) as u32,
                    created_ms: row.int("created_ms")?,
                    lease: token.clone(),
                    priority: if row.int("background")? != 0 { Priority::Background } else { Priority::Interactive },
                })
            })
            .collect()
    }

    /// Stores the answer of a claimed check, erases its fields, and queues `webhook` (its JSON body) for delivery,
    /// all at once; `false` (nothing changed) when the claim is no longer the current one.
    pub async fn complete(&self, job: &Job, answer_json: &str, webhook: Option<&str>) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let done = tx
            .execute(
                "UPDATE pccc_checks SET state = 'done', answer = $1, sealed = NULL, lease = NULL, updated_ms = $2
                 WHERE id = $3 AND lease = $4 AND state = 'pending'",
                &[Arg::Text(answer_json), Arg::Int(now), Arg::Text(&job.id), Arg::Text(&job.lease)],
            )
            .await?;
        if done == 0 {
            return Ok(false);
        }
        if let Some(body) = webhook {
            queue_webhook(&mut tx, &job.id, body, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Makes every pending check that waits for a later try (and is not claimed) due now: UNI-PASS answers again.
    /// Returns how many.
    pub async fn wake(&self) -> Result<u64, StoreError> {
        self.pool
            .execute(
                "UPDATE pccc_checks SET due_ms = $1 WHERE state = 'pending' AND due_ms > $1 AND lease IS NULL",
                &[Arg::Int(now_ms())],
            )
            .await
    }

    /// Makes a claimed check due again after `delay`; `false` when the claim is no longer the current one.
    pub async fn retry_later(&self, job: &Job, delay: Duration) -> Result<bool, StoreError> {
        let now = now_ms();
        let changed = self
            .pool
            .execute(
                "UPDATE pccc_checks SET due_ms = $1, lease = NULL, updated_ms = $2
                 WHERE id = $3 AND lease = $4 AND state = 'pending'",
                &[Arg::Int(now + ms(delay)), Arg::Int(now), Arg::Text(&job.id), Arg::Text(&job.lease)],
            )
            .await?;
        Ok(changed == 1)
    }

    /// Resolves every check queued before `created_before_ms` with `answer_json` (its fields erased), queueing for
    /// each the webhook `webhook(id)` gives; returns their ids.
    pub async fn expire(
        &self,
        created_before_ms: i64,
        answer_json: &str,
        webhook: Option<&(dyn Fn(&str) -> String + Sync)>,
    ) -> Result<Vec<String>, StoreError> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let rows = tx
            .fetch_all(
                "UPDATE pccc_checks SET state = 'done', answer = $1, sealed = NULL, lease = NULL, updated_ms = $2
                 WHERE state = 'pending' AND created_ms < $3 RETURNING id",
                &[Arg::Text(answer_json), Arg::Int(now), Arg::Int(created_before_ms)],
            )
            .await?;
        let ids = rows.iter().map(|r| r.text("id")).collect::<Result<Vec<_>, _>>()?;
        if let Some(webhook) = webhook {
            for id in &ids {
                queue_webhook(&mut tx, id, &webhook(id), now).await?;
            }
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Deletes answers older than [`RETENTION`], attempt counts older than `attempt_window`, and webhooks queued
    /// longer ago than [`RETENTION`] (their deliveries gave up); returns how many webhooks were given up.
    pub async fn cleanup(&self, attempt_window: Duration) -> Result<u64, StoreError> {
        let now = now_ms();
        let old = now - ms(RETENTION);
        self.pool.execute("DELETE FROM pccc_checks WHERE state = 'done' AND updated_ms < $1", &[Arg::Int(old)]).await?;
        self.pool.execute("DELETE FROM pccc_attempts WHERE at_ms < $1", &[Arg::Int(now - ms(attempt_window))]).await?;
        self.pool.execute("DELETE FROM pccc_webhooks WHERE created_ms < $1", &[Arg::Int(old)]).await
    }

    /// How many checks are waiting.
    pub async fn depth(&self) -> Result<u64, StoreError> {
        let row = self.pool.fetch_all("SELECT COUNT(*) AS n FROM pccc_checks WHERE state = 'pending'", &[]).await?;
        Ok(row.first().map_or(Ok(0), |r| r.int("n"))?.max(0) as u64)
    }

    /// How many webhooks wait for delivery.
    pub async fn webhook_backlog(&self) -> Result<u64, StoreError> {
        let row = self.pool.fetch_all("SELECT COUNT(*) AS n FROM pccc_webhooks", &[]).await?;
        Ok(row.first().map_or(Ok(0), |r| r.int("n"))?.max(0) as u64)
    }

    /// Notes a check's attempts, each with its limit, in one transaction: an attempt is refused when its subject
    /// already has `limit` other items within `window` (a known item is always allowed, and its time renewed).
    /// Returns the first refused attempt's index, or `None` when every one is allowed.
    pub async fn note_attempts(
        &self,
        attempts: &[(Attempt, u32)],
        window: Duration,
    ) -> Result<Option<usize>, StoreError> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let mut refused = None;
        for (i, (attempt, limit)) in attempts.iter().enumerate() {
            if self.pool.is_postgres() {
                // One check of a subject at a time, so that two new items cannot both take the last place.
                let lock = i64::from_be_bytes(attempt.subject[..8].try_into().expect("8 bytes")) ^ attempt.scope.id();
                tx.execute("SELECT pg_advisory_xact_lock($1)", &[Arg::Int(lock)]).await?;
            }
            let noted = tx
                .execute(
                    "INSERT INTO pccc_attempts (scope, subject, item, at_ms)
                     SELECT $1, $2, $3, $4
                     WHERE EXISTS (SELECT 1 FROM pccc_attempts
                                   WHERE scope = $1 AND subject = $2 AND item = $3 AND at_ms >= $6)
                        OR (SELECT COUNT(*) FROM pccc_attempts WHERE scope = $1 AND subject = $2 AND at_ms >= $6) < $5
                     ON CONFLICT (scope, subject, item) DO UPDATE SET at_ms = excluded.at_ms",
                    &[
                        Arg::Int(attempt.scope.id()),
                        Arg::Bytes(&attempt.subject),
                        Arg::Bytes(&attempt.item),
                        Arg::Int(now),
                        Arg::Int(i64::from(*limit)),
                        Arg::Int(now - ms(window)),
                    ],
                )
                .await?;
            if noted == 0 && refused.is_none() {
                refused = Some(i);
            }
        }
        tx.commit().await?;
        Ok(refused)
    }

    /// Takes up to `limit` due webhook deliveries, each hidden from other claims for `lease`.
    pub async fn claim_deliveries(&self, limit: u32, lease: Duration) -> Result<Vec<Delivery>, StoreError> {
        let (now, token) = (now_ms(), new_id());
        let rows = self
            .pool
            .fetch_all(
                &self.sql.claim_deliveries,
                &[Arg::Int(now), Arg::Int(i64::from(limit)), Arg::Int(now + ms(lease)), Arg::Text(&token)],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Delivery {
                    check_id: row.text("check_id")?,
                    body: row.text("body")?,
                    attempts: row.int("attempts")?.clamp(0, i64::from(u32::MAX)) as u32,
                    created_ms: row.int("created_ms")?,
                    lease: token.clone(),
                })
            })
            .collect()
    }

    /// Removes a delivered (or abandoned) webhook; `false` when the claim is no longer the current one.
    pub async fn delivered(&self, delivery: &Delivery) -> Result<bool, StoreError> {
        let n = self
            .pool
            .execute(
                "DELETE FROM pccc_webhooks WHERE check_id = $1 AND lease = $2",
                &[Arg::Text(&delivery.check_id), Arg::Text(&delivery.lease)],
            )
            .await?;
        Ok(n == 1)
    }

    /// Makes a webhook due again after `delay`; `false` when the claim is no longer the current one.
    pub async fn deliver_later(&self, delivery: &Delivery, delay: Duration) -> Result<bool, StoreError> {
        let n = self
            .pool
            .execute(
                "UPDATE pccc_webhooks SET due_ms = $1, lease = NULL WHERE check_id = $2 AND lease = $3",
                &[Arg::Int(now_ms() + ms(delay)), Arg::Text(&delivery.check_id), Arg::Text(&delivery.lease)],
            )
            .await?;
        Ok(n == 1)
    }
}

async fn queue_webhook(tx: &mut sql::Tx, check_id: &str, body: &str, now: i64) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO pccc_webhooks (check_id, body, created_ms, due_ms) VALUES ($1, $2, $3, $3)
         ON CONFLICT (check_id) DO NOTHING",
        &[Arg::Text(check_id), Arg::Text(body), Arg::Int(now)],
    )
    .await?;
    Ok(())
}
