//! Asking about each distinct check once: what the state already knows is not sent again, a check a gateway holds
//! is asked for by its id, every other check is sent once, a bounded number at a time; then, while some have no
//! answer, they are asked again (polled, or sent again when nobody holds them) until they are answered or nothing
//! has moved for `--wait` seconds. Outcomes are kept as they come, so that Ctrl-C loses none.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use pccc_guard_gateway::cachekey::CacheKey;
use pccc_guard_gateway::unipass::Fields;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::client::{Backend, Fatal, Reply};
use super::state::{Known, State};

/// What became of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Matched,
    Mismatched(Vec<String>),
    /// The gateway's format check refused it (`field.code` each).
    Invalid(Vec<String>),
    /// No answer yet; the gateway's id when one holds it.
    Pending(Option<String>),
    Error(String),
}

impl Outcome {
    /// Whether asking again could change it.
    fn open(&self) -> bool {
        matches!(self, Outcome::Pending(_))
    }
}

/// One distinct check.
pub struct Check {
    pub fields: Fields,
    pub key: CacheKey,
}

/// How much waiting is left: `--wait` seconds from the moment nothing moves any more.
pub struct Patience {
    wait: Duration,
    stalled_since: Mutex<Option<Instant>>,
}

impl Patience {
    pub fn new(wait: Duration) -> Patience {
        Patience { wait, stalled_since: Mutex::new(None) }
    }

    fn progress(&self) {
        *self.stalled_since.lock().unwrap() = None;
    }

    fn stalled(&self) {
        self.stalled_since.lock().unwrap().get_or_insert_with(Instant::now);
    }

    fn exhausted(&self) -> bool {
        self.stalled_since.lock().unwrap().is_some_and(|t| t.elapsed() >= self.wait)
    }
}

/// What a run counted.
#[derive(Default, Debug)]
pub struct Counts {
    /// Checks sent (to UNI-PASS, or to the gateway), each time.
    pub sent: u64,
    /// Checks answered by the state.
    pub from_state: u64,
    /// Asks for checks a gateway held.
    pub polled: u64,
}

/// Everything the tasks share.
pub struct Engine {
    pub backend: Backend,
    pub state: Mutex<State>,
    pub patience: Patience,
    pub in_flight: usize,
    pub progress: ProgressBar,
    pub counts: Mutex<Counts>,
    /// Each check's outcome so far, by index (kept here, so that an interrupted run still has them).
    pub outcomes: Mutex<Vec<Option<Outcome>>>,
    /// Whether the refused key was reported.
    refusal_told: Mutex<bool>,
}

/// The first wait between two asks about checks that have no answer, and the longest.
const FIRST_PAUSE: Duration = Duration::from_millis(500);
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

impl Engine {
    pub fn new(backend: Backend, state: State, wait: Duration, in_flight: usize, progress: ProgressBar) -> Engine {
        Engine {
            backend,
            state: Mutex::new(state),
            patience: Patience::new(wait),
            in_flight: in_flight.max(1),
            progress,
            counts: Mutex::default(),
            outcomes: Mutex::default(),
            refusal_told: Mutex::new(false),
        }
    }

    /// Resolves `checks` (their outcomes at the same indices of `outcomes`, which grows to hold them): each once,
    /// then the open ones again until answered or out of patience.
    pub async fn resolve(self: &Arc<Self>, checks: Vec<Check>) -> Result<(), Fatal> {
        let checks = Arc::new(checks);
        let first = {
            let mut outcomes = self.outcomes.lock().unwrap();
            let first = outcomes.len();
            outcomes.resize(first + checks.len(), None);
            first
        };
        let all: Vec<usize> = (0..checks.len()).collect();
        self.round(&checks, first, all, true).await?;
        let mut pause = FIRST_PAUSE;
        loop {
            let open: Vec<usize> = {
                let outcomes = self.outcomes.lock().unwrap();
                (0..checks.len()).filter(|&i| outcomes[first + i].as_ref().is_none_or(Outcome::open)).collect()
            };
            if open.is_empty() || self.patience.exhausted() {
                break;
            }
            tokio::time::sleep(pause).await;
            let before = open.len();
            self.round(&checks, first, open, false).await?;
            let still = {
                let outcomes = self.outcomes.lock().unwrap();
                (0..checks.len()).filter(|&i| outcomes[first + i].as_ref().is_none_or(Outcome::open)).count()
            };
            pause = if still < before { FIRST_PAUSE } else { (pause * 2).min(LONGEST_PAUSE) };
        }
        self.progress.inc(
            (0..checks.len())
                .filter(|&i| self.outcomes.lock().unwrap()[first + i].as_ref().is_none_or(Outcome::open))
                .count() as u64,
        );
        Ok(())
    }

    /// Asks about each of `which` once (at most `in_flight` at a time).
    async fn round(
        self: &Arc<Self>,
        checks: &Arc<Vec<Check>>,
        first: usize,
        which: Vec<usize>,
        first_round: bool,
    ) -> Result<(), Fatal> {
        let slots = Arc::new(Semaphore::new(self.in_flight));
        let mut tasks = JoinSet::new();
        for i in which {
            let permit = slots.clone().acquire_owned().await.map_err(|_| Fatal("interrupted".into()))?;
            let (engine, checks) = (self.clone(), checks.clone());
            tasks.spawn(async move {
                let _permit = permit;
                let previous = engine.outcomes.lock().unwrap()[first + i].clone();
                let outcome = engine.once(&checks[i], previous, first_round).await?;
                if !outcome.open() {
                    engine.progress.inc(1);
                }
                engine.outcomes.lock().unwrap()[first + i] = Some(outcome);
                Ok::<(), Fatal>(())
            });
            // A fatal error stops the round at once.
            while let Some(done) = tasks.try_join_next() {
                done.map_err(|e| Fatal(format!("a check's task failed: {e}")))??;
            }
        }
        while let Some(done) = tasks.join_next().await {
            done.map_err(|e| Fatal(format!("a check's task failed: {e}")))??;
        }
        Ok(())
    }

    /// One ask about a check: from the state in the first round, then by its gateway id if one holds it, else sent.
    async fn once(&self, check: &Check, previous: Option<Outcome>, first_round: bool) -> Result<Outcome, Fatal> {
        let held = match previous {
            Some(Outcome::Pending(Some(id))) => Some(id),
            _ if first_round => match self.state.lock().unwrap().get(&check.key).cloned() {
                Some(Known::Answer { matched, reasons }) => {
                    self.counts.lock().unwrap().from_state += 1;
                    return Ok(if matched { Outcome::Matched } else { Outcome::Mismatched(reasons) });
                }
                Some(Known::Pending { id, gateway }) if gateway == self.backend.label() => Some(id),
                _ => None,
            },
            _ => None,
        };
        let reply = match &held {
            Some(id) => {
                self.counts.lock().unwrap().polled += 1;
                match self.backend.poll(id).await? {
                    Reply::Forgotten => {
                        self.state.lock().unwrap().forget(&check.key);
                        self.send(check).await?
                    }
                    reply => reply,
                }
            }
            None => self.send(check).await?,
        };
        Ok(self.settle(check, reply))
    }

    /// Sends a check (again, after a pause, while the gateway asks to slow down and patience lasts).
    async fn send(&self, check: &Check) -> Result<Reply, Fatal> {
        loop {
            self.counts.lock().unwrap().sent += 1;
            let reply = self.backend.ask(&check.fields).await?;
            match reply {
                Reply::Later(Some(pause)) if !self.patience.exhausted() => {
                    self.patience.stalled();
                    tokio::time::sleep(pause).await;
                }
                reply => return Ok(reply),
            }
        }
    }

    /// The outcome of a reply, noted in the state (answers, and a gateway's id) and in the patience.
    fn settle(&self, check: &Check, reply: Reply) -> Outcome {
        let note = |known: Known| {
            let mut state = self.state.lock().unwrap();
            if let Err(e) = state.put(check.key, known) {
                self.progress.suspend(|| eprintln!("pccc-guard: writing {}: {e}", state.path().display()));
            }
        };
        match reply {
            Reply::Answer { matched, reasons } => {
                self.patience.progress();
                note(Known::Answer { matched, reasons: reasons.clone() });
                if matched {
                    Outcome::Matched
                } else {
                    Outcome::Mismatched(reasons)
                }
            }
            Reply::Held(id) => {
                self.patience.stalled();
                let known = Known::Pending { id: id.clone(), gateway: self.backend.label().to_owned() };
                if self.state.lock().unwrap().get(&check.key) != Some(&known) {
                    note(known);
                }
                Outcome::Pending(Some(id))
            }
            Reply::Invalid(codes) => Outcome::Invalid(codes),
            Reply::Refused(code) => Outcome::Error(code),
            Reply::Forgotten | Reply::Later(_) => {
                self.patience.stalled();
                if self.backend.refused() && !std::mem::replace(&mut *self.refusal_told.lock().unwrap(), true) {
                    self.progress.suspend(|| {
                        eprintln!(
                            "pccc-guard: UNI-PASS refuses the key: check UNIPASS_KEY (or UNIPASS_KEY_FILE) and its \
                             permission for API028; the checks stay pending"
                        )
                    });
                }
                Outcome::Pending(None)
            }
        }
    }
}
