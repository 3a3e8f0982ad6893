//! The upstream rate: never more than `rate` calls in any one-second window, retries included.
//!
//! A sliding-window log of the last `rate` calls' start times: a call may start once the call `rate` places before
//! it started at least a window earlier. Unlike a token bucket (whose burst adds to its rate, so that up to
//! 2 × rate − 1 calls can fall in one second), no window ever holds more than `rate` calls, while a quiet second
//! still lets a burst of `rate` calls through at once. Each start is stamped when the call is let through, just
//! before it is sent (not when its turn was foreseen), and the window is one second plus [`MARGIN`], so that the
//! delays of sending (a busy process, the network) cannot push the calls of two windows into one second as UNI-PASS
//! receives them. The sustained rate is `rate` calls in 1.05 seconds.
//!
//! Waiting calls take their turn in arrival order (a fair lock), so a call that waits is not overtaken by later
//! ones, and a retry that finds someone waiting does not jump the line.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Added to the one-second window: the start times of any `rate + 1` calls span at least this much more than a
/// second.
pub const MARGIN: Duration = Duration::from_millis(50);

/// A limit of `rate` calls in any window of one second (plus [`MARGIN`]).
#[derive(Debug)]
pub struct RateLimit {
    rate: usize,
    window: Duration,
    /// The start times of the last `rate` calls, oldest first.
    starts: Mutex<VecDeque<Instant>>,
    /// The line of waiting calls.
    turn: tokio::sync::Mutex<()>,
}

impl RateLimit {
    /// At most `per_second` calls (at least 1) in any one-second window.
    pub fn per_second(per_second: u32) -> RateLimit {
        RateLimit::new(per_second, Duration::from_secs(1) + MARGIN)
    }

    /// At most `rate` calls (at least 1) in any window of length `window`.
    pub fn new(rate: u32, window: Duration) -> RateLimit {
        let rate = rate.max(1) as usize;
        RateLimit {
            rate,
            window,
            starts: Mutex::new(VecDeque::with_capacity(rate + 1)),
            turn: tokio::sync::Mutex::new(()),
        }
    }

    /// The calls allowed per window.
    pub fn rate(&self) -> u32 {
        self.rate as u32
    }

    /// The window's length.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// How many calls started within the last window, and when the oldest of them leaves it (`None`: none did).
    pub fn used(&self) -> (usize, Option<Instant>) {
        let starts = self.starts.lock().unwrap();
        let now = Instant::now();
        let within: Vec<&Instant> = starts.iter().filter(|&&t| t + self.window > now).collect();
        (within.len(), within.first().map(|&&t| t + self.window))
    }

    /// Waits in line for a free slot, unless it comes after `deadline`: `true` once the call may start (its start
    /// is stamped now), `false` as soon as the slot is known to be too late.
    pub async fn acquire_by(&self, deadline: Instant) -> bool {
        let Ok(_turn) = tokio::time::timeout_at(deadline, self.turn.lock()).await else { return false };
        loop {
            let next = match self.take_now() {
                Ok(()) => return true,
                Err(next) => next,
            };
            if next > deadline {
                return false;
            }
            tokio::time::sleep_until(next).await;
        }
    }

    /// Takes a slot only if one is free now and no call is waiting for one.
    pub fn try_acquire(&self) -> bool {
        self.try_acquire_or_next().is_ok()
    }

    /// Takes a slot if one is free now and no call is waiting for one; else `Err(Some(t))`, when the next slot frees
    /// (nobody waits), or `Err(None)` while calls wait in line.
    pub fn try_acquire_or_next(&self) -> Result<(), Option<Instant>> {
        let Ok(_turn) = self.turn.try_lock() else { return Err(None) };
        self.take_now().map_err(Some)
    }

    /// When the next slot frees (`None`: one is free now), without taking it.
    pub fn next_free(&self) -> Option<Instant> {
        let starts = self.starts.lock().unwrap();
        let free_at = (starts.len() >= self.rate).then(|| starts[starts.len() - self.rate] + self.window)?;
        (free_at > Instant::now()).then_some(free_at)
    }

    /// Records a start now, whatever the window holds: a narrower limit's record of the calls a wider one let
    /// through (the background share of the rate).
    pub fn stamp(&self) {
        let mut starts = self.starts.lock().unwrap();
        starts.push_back(Instant::now());
        while starts.len() > self.rate {
            starts.pop_front();
        }
    }

    /// Stamps a start now if the window allows it; else the time it will.
    fn take_now(&self) -> Result<(), Instant> {
        let mut starts = self.starts.lock().unwrap();
        let now = Instant::now();
        if starts.len() >= self.rate {
            let free_at = starts[starts.len() - self.rate] + self.window;
            if free_at > now {
                return Err(free_at);
            }
        }
        starts.push_back(now);
        while starts.len() > self.rate {
            starts.pop_front();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive reference: the most starts in any half-open window of length `window`.
    fn most_in_a_window(starts: &[Instant], window: Duration) -> usize {
        starts.iter().map(|&from| starts.iter().filter(|&&t| t >= from && t < from + window).count()).max().unwrap_or(0)
    }

    #[tokio::test(start_paused = true)]
    async fn no_window_holds_more_than_the_rate_and_a_quiet_window_allows_a_burst() {
        let limit = RateLimit::new(5, Duration::from_secs(1));
        let mut starts = Vec::new();
        let far = Instant::now() + Duration::from_secs(60);
        for i in 0..23 {
            assert!(limit.acquire_by(far).await);
            starts.push(Instant::now());
            if i % 7 == 3 {
                tokio::time::sleep(Duration::from_millis(130)).await;
            }
        }
        assert_eq!(most_in_a_window(&starts, Duration::from_secs(1)), 5);
        // The first four went at once (the test paused after the fourth).
        assert_eq!(starts[3], starts[0]);
        // Sustained: 23 calls at 5 a second take a little over four seconds.
        assert!(starts[22] - starts[0] >= Duration::from_secs(4));
    }

    #[tokio::test(start_paused = true)]
    async fn try_acquire_takes_only_a_free_slot_and_a_late_slot_is_not_taken() {
        let limit = RateLimit::new(2, Duration::from_secs(1));
        assert!(limit.try_acquire());
        assert!(limit.try_acquire());
        assert!(!limit.try_acquire());
        let soon = Instant::now() + Duration::from_millis(500);
        assert!(!limit.acquire_by(soon).await, "the slot is a second away");
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(limit.try_acquire(), "the refused wait took nothing");
    }
}
