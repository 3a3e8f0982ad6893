//! A circuit breaker in front of UNI-PASS: it opens after a run of failures (a call slower than the latency limit
//! counts as one), answers at once while open, and after a cool-down lets one probe through (half-open); the
//! probe's success closes it, its failure opens it again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The breaker's state, as `/metrics` reports it (0 closed, 1 open, 2 half-open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Calls go through.
    Closed,
    /// Calls are refused until the cool-down ends.
    Open,
    /// One probe is allowed.
    HalfOpen,
}

#[derive(Debug)]
enum Inner {
    Closed { failures: u32 },
    Open { until: Instant },
    HalfOpen { probing: bool },
}

/// The breaker.
#[derive(Debug)]
pub struct Breaker {
    inner: Mutex<Inner>,
    threshold: u32,
    slow: Duration,
    cooldown: Duration,
    opened: std::sync::atomic::AtomicU64,
}

/// Leave to make one call; report its outcome with [`Breaker::record`]. Dropped unreported (the call was never
/// made), it gives a half-open breaker's probe back.
#[derive(Debug)]
pub struct Ticket<'a> {
    breaker: &'a Breaker,
    probe: bool,
    done: bool,
}

impl Breaker {
    /// Opens after `threshold` failures in a row; a call longer than `slow` is a failure; stays open `cooldown`.
    pub fn new(threshold: u32, slow: Duration, cooldown: Duration) -> Breaker {
        Breaker {
            inner: Mutex::new(Inner::Closed { failures: 0 }),
            threshold: threshold.max(1),
            slow,
            cooldown,
            opened: Default::default(),
        }
    }

    /// The current state (an open breaker whose cool-down is over reads as half-open).
    pub fn state(&self) -> State {
        match *self.inner.lock().unwrap() {
            Inner::Closed { .. } => State::Closed,
            Inner::Open { until } if Instant::now() < until => State::Open,
            Inner::Open { .. } | Inner::HalfOpen { .. } => State::HalfOpen,
        }
    }

    /// How many times it has opened.
    pub fn times_opened(&self) -> u64 {
        self.opened.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A ticket for one call, or `None` when the call must not be made now.
    pub fn try_call(&self) -> Option<Ticket<'_>> {
        let mut inner = self.inner.lock().unwrap();
        let probe = match *inner {
            Inner::Closed { .. } => false,
            Inner::Open { until } if Instant::now() < until => return None,
            Inner::Open { .. } | Inner::HalfOpen { probing: false } => {
                *inner = Inner::HalfOpen { probing: true };
                true
            }
            Inner::HalfOpen { probing: true } => return None,
        };
        Some(Ticket { breaker: self, probe, done: false })
    }

    /// Reports a call: `ok` when UNI-PASS answered (whatever the answer), with the time it took.
    pub fn record(&self, mut ticket: Ticket<'_>, ok: bool, elapsed: Duration) {
        ticket.done = true;
        let failed = !ok || elapsed > self.slow;
        let mut inner = self.inner.lock().unwrap();
        match (&mut *inner, failed) {
            (Inner::Closed { failures }, true) => {
                *failures += 1;
                if *failures >= self.threshold {
                    self.open(&mut inner);
                }
            }
            (Inner::Closed { failures }, false) => *failures = 0,
            (_, true) if ticket.probe => self.open(&mut inner),
            (_, false) if ticket.probe => *inner = Inner::Closed { failures: 0 },
            // A call that started before the breaker opened: the state already says what to do.
            _ => {}
        }
    }

    fn open(&self, inner: &mut Inner) {
        *inner = Inner::Open { until: Instant::now() + self.cooldown };
        self.opened.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::warn!(cooldown_ms = self.cooldown.as_millis() as u64, "circuit breaker opened");
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if self.probe && !self.done {
            let mut inner = self.breaker.inner.lock().unwrap();
            if let Inner::HalfOpen { probing } = &mut *inner {
                *probing = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_failures_then_probes_once() {
        let b = Breaker::new(2, Duration::from_secs(1), Duration::ZERO);
        let t = b.try_call().unwrap();
        b.record(t, false, Duration::ZERO);
        assert_eq!(b.state(), State::Closed);
        let t = b.try_call().unwrap();
        b.record(t, false, Duration::ZERO);
        assert_eq!(b.times_opened(), 1);
        // Cool-down of zero: half-open, one probe at a time.
        let probe = b.try_call().unwrap();
        assert!(b.try_call().is_none());
        b.record(probe, true, Duration::ZERO);
        assert_eq!(b.state(), State::Closed);
    }

    #[test]
    fn a_slow_answer_counts_as_a_failure_and_an_unused_probe_is_given_back() {
        let b = Breaker::new(1, Duration::from_millis(10), Duration::ZERO);
        let t = b.try_call().unwrap();
        b.record(t, true, Duration::from_millis(20));
        assert_eq!(b.times_opened(), 1);
        drop(b.try_call().unwrap());
        assert!(b.try_call().is_some());
    }

    #[test]
    fn open_refuses_during_the_cooldown() {
        let b = Breaker::new(1, Duration::from_secs(1), Duration::from_secs(60));
        let t = b.try_call().unwrap();
        b.record(t, false, Duration::ZERO);
        assert_eq!(b.state(), State::Open);
        assert!(b.try_call().is_none());
    }
}
