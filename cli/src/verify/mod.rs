//! `pccc-guard verify`: a whole order export re-verified against UNI-PASS, in named steps: the table read
//! ([`table`]), the recipient's columns found ([`columns`], from the marketplaces' headers in [`recipient`]), each
//! row's checks planned (malformed rows never sent; identical checks shared), the distinct checks asked once each
//! ([`engine`], through a gateway or on its own: [`client`]), with what is known kept in the [`state`], then the
//! table written back with each row's status ([`output`]) and a summary on stderr.

mod client;
mod columns;
mod engine;
mod output;
mod recipient;
mod state;
mod table;

use std::collections::HashMap;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pccc_guard::FieldKind;
use pccc_guard_gateway::cachekey::CacheKey;
use pccc_guard_gateway::unipass::Fields;

use self::client::{Backend, Fatal};
use self::columns::Found;
use self::engine::{Check, Engine, Outcome};
pub use self::recipient::Marketplace;
use self::state::State;
use self::table::{Row, Table};
use crate::fields::{check_one, FieldMasks};
use crate::flags::VerifyArgs;
use crate::inputs::{Failure, Inputs};
use crate::Usage;

/// The exit status when some row is still pending: run the same command again.
const PENDING_EXIT: u8 = 3;

/// `pccc-guard verify`.
pub fn run(args: VerifyArgs) -> Result<ExitCode, Usage> {
    let format = output::Format::of(&args.output)?;
    if same_file(&args.file, &args.output) {
        return Err(Usage("--output is the input itself: write the verified table to another file".into()));
    }
    let explicit = args.columns.as_deref().map(columns::parse_explicit).transpose()?.unwrap_or_default();
    let table = read(&args)?;
    let found = columns::find(&first_rows(&table), args.preset, &explicit)?;
    let backend = backend(&args)?;
    let state_path = args.state.clone().unwrap_or_else(|| suffixed(&args.output, ".state"));
    let state = State::open(&state_path).map_err(Usage)?;
    let plans = plan(&table, &found, &state);
    let progress = progress_bar(args.quiet);
    let engine = Arc::new(Engine::new(backend, state, Duration::from_secs(args.wait), args.in_flight, progress));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Usage(format!("cannot start the runtime: {e}")))?;
    let mut checks = Checks::default();
    let interrupted = runtime.block_on(async {
        tokio::select! {
            result = checks.resolve(&engine, &plans) => result.map(|()| false),
            _ = tokio::signal::ctrl_c() => Ok(true),
        }
    });
    engine.progress.finish_and_clear();
    // Tasks still under way (after Ctrl-C) are dropped with the runtime; the state has every answer so far.
    runtime.shutdown_timeout(Duration::from_millis(200));
    let _ = engine.state.lock().unwrap().sync();
    let interrupted = interrupted.map_err(|Fatal(message)| Usage(message))?;
    let outcomes = engine.outcomes.lock().unwrap().clone();
    let results: Vec<RowResult> = plans.iter().map(|p| checks.result(p, &outcomes)).collect();
    let rows = output_rows(&table, &found, &results);
    output::write(&args.output, format, &rows).map_err(Usage)?;
    let summary = Summary::of(&results, &engine, checks.len());
    if !args.quiet {
        summary.print(interrupted, &args.output);
    }
    Ok(summary.exit_code())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `path` with `suffix` added to its name (`out.xlsx` → `out.xlsx.state`).
fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The export, whole, read as `check` reads any input (its encoding, or the sheet).
fn read(args: &VerifyArgs) -> Result<Table, Usage> {
    let inputs = Inputs::of(vec![args.file.clone()], args.encoding.as_deref(), false, args.sheet.clone())?;
    let mut table = Table::default();
    let failure = |e: Failure| match e {
        Failure::Usage(message) => Usage(message),
        Failure::Io(e) => Usage(format!("{}: {e}", args.file.display())),
    };
    let input = inputs.open(&args.file).map_err(failure)?;
    input.read_table(&ProgressBar::hidden(), &mut table).map_err(failure)?;
    Ok(table)
}

/// The rows among which the header row is looked for.
fn first_rows(table: &Table) -> Vec<Vec<String>> {
    table.rows.iter().take(columns::MAX_HEADER_ROW).map(|r| r.cells.clone()).collect()
}

/// The way to UNI-PASS the flags ask for.
fn backend(args: &VerifyArgs) -> Result<Backend, Usage> {
    match &args.gateway {
        Some(url) => {
            let token = match &args.token_file {
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| Usage(format!("--token-file {}: {}", path.display(), e.kind())))?;
                    let token = text.trim().to_owned();
                    if token.is_empty() {
                        return Err(Usage(format!("--token-file {} is empty", path.display())));
                    }
                    Some(token)
                }
                None => std::env::var("PCCC_GATEWAY_TOKEN").ok().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
            };
            Backend::gateway(url, token).map_err(Usage)
        }
        None => Backend::direct(args.rate, args.in_flight).map_err(Usage),
    }
}

/// What a data row asks.
enum Plan {
    /// A title row above the header, or the header row: written back as it is.
    Above,
    /// No recipient value at all (a blank or total row): not verified.
    Blank,
    /// Cannot be sent: the field error codes (or the row's own code).
    Invalid(Vec<String>),
    /// The checks to make in order (the phone's candidates), each by its keyed hash.
    Chain(Vec<(CacheKey, Fields)>),
}

/// Each row's plan.
fn plan(table: &Table, found: &Found, state: &State) -> Vec<Plan> {
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| if i <= found.header_row { Plan::Above } else { plan_row(row, found, state) })
        .collect()
}

fn plan_row(row: &Row, found: &Found, state: &State) -> Plan {
    if let Some(code) = row.problem {
        return Plan::Invalid(vec![code.to_owned()]);
    }
    let columns = &found.columns;
    if columns.all().all(|c| row.cell(c).trim().is_empty()) {
        return Plan::Blank;
    }
    let undecodable: Vec<String> = columns
        .fields
        .iter()
        .filter(|(_, cells)| cells.iter().any(|c| row.undecodable.contains(c)))
        .map(|(field, _)| format!("{}.{}", field.name(), crate::input::problem::NOT_DECODABLE))
        .collect();
    if !undecodable.is_empty() {
        return Plan::Invalid(undecodable);
    }
    let values = recipient::Values {
        texts: columns.fields.iter().map(|(f, cells)| (*f, cells.iter().map(|&c| row.cell(c)).collect())).collect(),
    };
    match values.checks() {
        Ok(chain) => Plan::Chain(chain.into_iter().map(|fields| (state.key(&fields), fields)).collect()),
        Err(codes) => Plan::Invalid(codes),
    }
}

/// The distinct checks, in the order they were asked, by keyed hash.
#[derive(Default)]
struct Checks {
    index: HashMap<CacheKey, usize>,
}

impl Checks {
    fn len(&self) -> usize {
        self.index.len()
    }

    /// Asks every row's first check, then, for rows whose check UNI-PASS refused only for the phone, their next
    /// candidate, until none is left; each distinct check once.
    async fn resolve(&mut self, engine: &Arc<Engine>, plans: &[Plan]) -> Result<(), Fatal> {
        for step in 0.. {
            let mut new = Vec::new();
            for plan in plans {
                let Plan::Chain(chain) = plan else { continue };
                if step >= chain.len() || !self.reaches(chain, step, engine) {
                    continue;
                }
                let (key, fields) = &chain[step];
                if !self.index.contains_key(key) {
                    self.index.insert(*key, self.index.len());
                    new.push(Check { fields: fields.clone(), key: *key });
                }
            }
            if new.is_empty() {
                return Ok(());
            }
            engine.progress.inc_length(new.len() as u64);
            engine.resolve(new).await?;
        }
        Ok(())
    }

    /// Whether a chain's check at `step` is to be asked: every check before it was refused for the phone alone.
    fn reaches(&self, chain: &[(CacheKey, Fields)], step: usize, engine: &Engine) -> bool {
        let outcomes = engine.outcomes.lock().unwrap();
        chain[..step].iter().all(|(key, _)| {
            let outcome = self.index.get(key).and_then(|&i| outcomes.get(i)).and_then(Option::as_ref);
            matches!(outcome, Some(Outcome::Mismatched(r)) if recipient::next_candidate_may_help(r))
        })
    }

    /// A row's result: its last check's outcome (rows not verified: none).
    fn result(&self, plan: &Plan, outcomes: &[Option<Outcome>]) -> RowResult {
        match plan {
            Plan::Above => RowResult::Above,
            Plan::Blank => RowResult::Blank,
            Plan::Invalid(codes) => RowResult::Done(Outcome::Invalid(codes.clone())),
            Plan::Chain(chain) => {
                let mut last = Outcome::Pending(None);
                for (key, _) in chain {
                    let outcome = self.index.get(key).and_then(|&i| outcomes.get(i).cloned().flatten());
                    last = outcome.unwrap_or(Outcome::Pending(None));
                    if !matches!(&last, Outcome::Mismatched(r) if recipient::next_candidate_may_help(r)) {
                        break;
                    }
                }
                RowResult::Done(last)
            }
        }
    }
}

/// What is written for a row.
enum RowResult {
    Above,
    Blank,
    Done(Outcome),
}

impl RowResult {
    /// `verify_status` and `verify_reasons`.
    fn columns(&self) -> (&'static str, String) {
        match self {
            RowResult::Above | RowResult::Blank => ("", String::new()),
            RowResult::Done(Outcome::Matched) => ("matched", String::new()),
            RowResult::Done(Outcome::Mismatched(reasons)) => ("mismatched", reasons.join(",")),
            RowResult::Done(Outcome::Invalid(codes)) => ("invalid", codes.join(",")),
            RowResult::Done(Outcome::Pending(_)) => ("pending", String::new()),
            RowResult::Done(Outcome::Error(code)) => ("error", code.clone()),
        }
    }
}

/// The rows to write: every row padded to the widest, the code masked in data rows, the two columns added.
fn output_rows(table: &Table, found: &Found, results: &[RowResult]) -> Vec<Vec<String>> {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let masks = FieldMasks { keep: [(None, None); FieldKind::ALL.len()], fill: '*' };
    let code_columns = found.columns.code();
    table
        .rows
        .iter()
        .zip(results)
        .enumerate()
        .map(|(i, (row, result))| {
            let mut cells: Vec<String> = (0..width).map(|c| row.cell(c).to_owned()).collect();
            if i > found.header_row {
                for &c in code_columns {
                    if !cells[c].is_empty() {
                        cells[c] = check_one(&masks.policy(recipient::CODE), &cells[c], false).1;
                    }
                }
            }
            let (status, reasons) =
                if i == found.header_row { (output::STATUS, output::REASONS.to_owned()) } else { result.columns() };
            cells.push(status.to_owned());
            cells.push(reasons);
            cells
        })
        .collect()
}

/// What a run found, for the summary and the exit status.
struct Summary {
    /// Rows per status, in the order matched, mismatched, invalid, pending, error.
    statuses: [u64; 5],
    blank: u64,
    /// Reason codes (and field error codes) with their counts.
    reasons: Vec<(String, u64)>,
    checks: usize,
    sent: u64,
    from_state: u64,
    polled: u64,
}

const STATUSES: [&str; 5] = ["matched", "mismatched", "invalid", "pending", "error"];

impl Summary {
    fn of(results: &[RowResult], engine: &Engine, checks: usize) -> Summary {
        let counts = engine.counts.lock().unwrap();
        let mut summary = Summary {
            statuses: [0; 5],
            blank: 0,
            reasons: Vec::new(),
            checks,
            sent: counts.sent,
            from_state: counts.from_state,
            polled: counts.polled,
        };
        for result in results {
            match result {
                RowResult::Above => {}
                RowResult::Blank => summary.blank += 1,
                RowResult::Done(_) => {
                    let (status, reasons) = result.columns();
                    if let Some(i) = STATUSES.iter().position(|s| *s == status) {
                        summary.statuses[i] += 1;
                    }
                    for reason in reasons.split(',').filter(|r| !r.is_empty()) {
                        match summary.reasons.iter_mut().find(|(r, _)| r == reason) {
                            Some((_, n)) => *n += 1,
                            None => summary.reasons.push((reason.to_owned(), 1)),
                        }
                    }
                }
            }
        }
        summary
    }

    fn print(&self, interrupted: bool, output: &Path) {
        let rows: u64 = self.statuses.iter().sum();
        let by_status: Vec<String> = STATUSES.iter().zip(self.statuses).map(|(s, n)| format!("{n} {s}")).collect();
        let mut text = format!("pccc-guard: {rows} rows: {}", by_status.join(", "));
        if self.blank > 0 {
            text.push_str(&format!(" ({} blank rows not verified)", self.blank));
        }
        text.push_str(&format!(
            "; {} distinct checks: {} sent, {} asked for by id, {} from the state; written to {}\n",
            self.checks,
            self.sent,
            self.polled,
            self.from_state,
            output.display()
        ));
        let mut reasons = self.reasons.clone();
        reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (reason, n) in reasons {
            text.push_str(&format!("  {n:>12}  {reason}\n"));
        }
        if interrupted {
            text.push_str(
                "pccc-guard: interrupted: run the same command again to finish (the state keeps every answer)\n",
            );
        } else if self.statuses[3] > 0 {
            text.push_str(
                "pccc-guard: some rows are pending (UNI-PASS gave no answer in time): run the same command again \
                 later; only those are asked\n",
            );
        }
        let _ = io::Write::write_all(&mut io::stderr(), text.as_bytes());
    }

    /// 3 when a row is pending, else 1 when one is mismatched, invalid or error, else 0.
    fn exit_code(&self) -> ExitCode {
        let [_, mismatched, invalid, pending, error] = self.statuses;
        ExitCode::from(if pending > 0 {
            PENDING_EXIT
        } else if mismatched + invalid + error > 0 {
            1
        } else {
            0
        })
    }
}

/// A progress bar of the checks, with their rate and the time left, on stderr when it is a terminal.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} checks {per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}
