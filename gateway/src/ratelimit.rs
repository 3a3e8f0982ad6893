//! The upstream rate: never more than `rate` calls in any one-second window, retries included.
//!
//! A sliding-window log of the last `rate` calls: a call may start once the call `rate` places before it started at
//! least a window earlier. Unlike a token bucket (whose burst adds to its rate, so that up to 2 × rate − 1 calls can
//! fall in one second), no window ever holds more than `rate` calls, while a quiet second still lets a burst of
//! `rate` calls through at once. The window is one second plus [`MARGIN`], so that calls sent at the edge of a
//! second do not arrive inside one through network jitter.
//!
//! Waiting calls reserve their slot in arrival order, so a call that waits is not overtaken by later ones.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Added to the one-second window: the send times of `rate + 1` consecutive calls span at least this much more than
/// a second.
pub const MARGIN: Duration = Duration::from_millis(10);

/// A limit of `rate` calls in any window of one second (plus [`MARGIN`]).
#[derive(Debug)]
pub struct RateLimit {
    rate: usize,
    window: Duration,
    /// The start times of the last `rate` calls (some may be reservations in the future), oldest first.
    starts: Mutex<VecDeque<Instant>>,
}

impl RateLimit {
    /// At most `per_second` calls (at least 1) in any one-second window.
    pub fn per_second(per_second: u32) -> RateLimit {
        RateLimit::new(per_second, Duration::from_secs(1) + MARGIN)
    }

    /// At most `rate` calls (at least 1) in any window of length `window`.
    pub fn new(rate: u32, window: Duration) -> RateLimit {
        let rate = rate.max(1) as usize;
        RateLimit { rate, window, starts: Mutex::new(VecDeque::with_capacity(rate + 1)) }
    }

    /// The calls allowed per window.
    pub fn rate(&self) -> u32 {
        self.rate as u32
    }

    /// Waits for the earliest free slot, unless it comes after `deadline`: `true` once the call may start, `false`
    /// at once when the slot would be too late (nothing is reserved then).
    pub async fn acquire_by(&self, deadline: Instant) -> bool {
        let at = {
            let mut starts = self.starts.lock().unwrap();
            let at = self.next_slot(&starts, Instant::now());
            if at > deadline {
                return false;
            }
            self.reserve(&mut starts, at);
            at
        };
        tokio::time::sleep_until(at).await;
        true
    }

    /// Takes a slot only if one is free now.
    pub fn try_acquire(&self) -> bool {
        let mut starts = self.starts.lock().unwrap();
        let now = Instant::now();
        if self.next_slot(&starts, now) > now {
            return false;
        }
        self.reserve(&mut starts, now);
        true
    }

    fn next_slot(&self, starts: &VecDeque<Instant>, now: Instant) -> Instant {
        if starts.len() < self.rate {
            return now;
        }
        // The call `rate` places back must be a window old; the log holds exactly the last `rate` starts.
        now.max(starts[starts.len() - self.rate] + self.window)
    }

    fn reserve(&self, starts: &mut VecDeque<Instant>, at: Instant) {
        starts.push_back(at);
        while starts.len() > self.rate {
            starts.pop_front();
        }
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
    async fn try_acquire_takes_only_a_free_slot_and_a_late_slot_is_not_reserved() {
        let limit = RateLimit::new(2, Duration::from_secs(1));
        assert!(limit.try_acquire());
        assert!(limit.try_acquire());
        assert!(!limit.try_acquire());
        let soon = Instant::now() + Duration::from_millis(500);
        assert!(!limit.acquire_by(soon).await, "the slot is a second away");
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(limit.try_acquire(), "the refused wait reserved nothing");
    }
}
