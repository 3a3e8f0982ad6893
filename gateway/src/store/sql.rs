//! The two SQL databases behind one small interface: a statement with `$1`-style parameters (which SQLite and
//! PostgreSQL both read), its arguments, and the rows it returns. The queue's logic ([`super::Store`]) is written
//! once over it; only the few words where the dialects differ are here.

use sqlx::{Database, Encode, Row as _, Type};

use super::StoreError;

/// The column type of byte strings.
pub(crate) fn blob(postgres: bool) -> &'static str {
    if postgres {
        "BYTEA"
    } else {
        "BLOB"
    }
}

/// An argument of a statement.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Arg<'a> {
    Int(i64),
    Text(&'a str),
    OptText(Option<&'a str>),
    Bytes(&'a [u8]),
}

/// A connection pool of either database.
#[derive(Clone)]
pub(crate) enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// A transaction of either database.
pub(crate) enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// A returned row of either database.
pub(crate) enum Row {
    Sqlite(sqlx::sqlite::SqliteRow),
    Postgres(sqlx::postgres::PgRow),
}

fn bind<'q, DB: Database>(
    mut query: sqlx::query::Query<'q, DB, <DB as Database>::Arguments<'q>>,
    args: &[Arg<'q>],
) -> sqlx::query::Query<'q, DB, <DB as Database>::Arguments<'q>>
where
    i64: Encode<'q, DB> + Type<DB>,
    &'q str: Encode<'q, DB> + Type<DB>,
    Option<&'q str>: Encode<'q, DB> + Type<DB>,
    &'q [u8]: Encode<'q, DB> + Type<DB>,
{
    for arg in args {
        query = match *arg {
            Arg::Int(v) => query.bind(v),
            Arg::Text(v) => query.bind(v),
            Arg::OptText(v) => query.bind(v),
            Arg::Bytes(v) => query.bind(v),
        };
    }
    query
}

/// Runs `$body` with `$conn` bound to the inner pool or transaction of either database.
macro_rules! either {
    ($value:expr, $conn:ident => $body:expr) => {
        match $value {
            Pool::Sqlite($conn) => $body,
            Pool::Postgres($conn) => $body,
        }
    };
}

macro_rules! either_tx {
    ($value:expr, $conn:ident => $body:expr) => {
        match $value {
            Tx::Sqlite($conn) => $body,
            Tx::Postgres($conn) => $body,
        }
    };
}

impl Pool {
    /// Runs a statement; the number of rows it changed.
    pub(crate) async fn execute(&self, sql: &str, args: &[Arg<'_>]) -> Result<u64, StoreError> {
        Ok(either!(self, pool => bind(sqlx::query(sql), args).execute(pool).await?.rows_affected()))
    }

    /// Runs a statement; the rows it returned.
    pub(crate) async fn fetch_all(&self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>, StoreError> {
        Ok(match self {
            Pool::Sqlite(pool) => {
                bind(sqlx::query(sql), args).fetch_all(pool).await?.into_iter().map(Row::Sqlite).collect()
            }
            Pool::Postgres(pool) => {
                bind(sqlx::query(sql), args).fetch_all(pool).await?.into_iter().map(Row::Postgres).collect()
            }
        })
    }

    /// Runs a statement; its first row, if any.
    pub(crate) async fn fetch_optional(&self, sql: &str, args: &[Arg<'_>]) -> Result<Option<Row>, StoreError> {
        Ok(self.fetch_all(sql, args).await?.into_iter().next())
    }

    /// Starts a transaction.
    pub(crate) async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Closes the connections.
    pub(crate) async fn close(&self) {
        either!(self, pool => pool.close().await)
    }

    /// What a claim adds to its `SELECT … LIMIT n` so that instances never wait for, nor take, each other's rows.
    /// SQLite has one writer at a time: its claim statement is atomic as it is.
    pub(crate) fn skip_locked(&self) -> &'static str {
        match self {
            Pool::Sqlite(_) => "",
            Pool::Postgres(_) => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// Whether this is PostgreSQL (advisory locks).
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Pool::Postgres(_))
    }
}

impl Tx {
    /// Runs a statement in the transaction; the number of rows it changed.
    pub(crate) async fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64, StoreError> {
        Ok(either_tx!(self, tx => bind(sqlx::query(sql), args).execute(&mut **tx).await?.rows_affected()))
    }

    /// Runs a statement in the transaction; the rows it returned.
    pub(crate) async fn fetch_all(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>, StoreError> {
        Ok(match self {
            Tx::Sqlite(tx) => {
                bind(sqlx::query(sql), args).fetch_all(&mut **tx).await?.into_iter().map(Row::Sqlite).collect()
            }
            Tx::Postgres(tx) => {
                bind(sqlx::query(sql), args).fetch_all(&mut **tx).await?.into_iter().map(Row::Postgres).collect()
            }
        })
    }

    /// Commits.
    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        either_tx!(self, tx => tx.commit().await?);
        Ok(())
    }
}

impl Row {
    pub(crate) fn int(&self, col: &str) -> Result<i64, StoreError> {
        Ok(match self {
            Row::Sqlite(r) => r.try_get(col)?,
            Row::Postgres(r) => r.try_get(col)?,
        })
    }

    pub(crate) fn text(&self, col: &str) -> Result<String, StoreError> {
        Ok(match self {
            Row::Sqlite(r) => r.try_get(col)?,
            Row::Postgres(r) => r.try_get(col)?,
        })
    }

    pub(crate) fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError> {
        Ok(match self {
            Row::Sqlite(r) => r.try_get(col)?,
            Row::Postgres(r) => r.try_get(col)?,
        })
    }

    pub(crate) fn opt_bytes(&self, col: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(match self {
            Row::Sqlite(r) => r.try_get(col)?,
            Row::Postgres(r) => r.try_get(col)?,
        })
    }

    pub(crate) fn bytes(&self, col: &str) -> Result<Vec<u8>, StoreError> {
        self.opt_bytes(col)?.ok_or_else(|| StoreError(format!("the column {col} is empty")))
    }
}
