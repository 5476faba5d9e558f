//! A per-key rate limit over a rolling second, as DIDWW counts its 20 requests per second per
//! API key, and a record of the busiest second each key has had.
//!
//! The limiter is handed the time with every request, so tests can drive it without a clock.

use std::collections::{HashMap, VecDeque};

/// The length of the rolling window the limit is counted over.
const WINDOW_MS: u64 = 1_000;

/// Counts requests per API key over the last second; refuses those over the limit, if any.
#[derive(Debug, Default)]
pub(super) struct RateLimiter {
    limit: Option<usize>,
    keys: HashMap<String, KeyLog>,
    refused: usize,
    busiest_second: usize,
}

/// The requests of one key within the last second.
#[derive(Debug, Default)]
struct KeyLog {
    /// When each request arrived, refused ones included: what the client sent.
    seen: VecDeque<u64>,
    /// When each admitted request arrived: what the limit counts.
    admitted: VecDeque<u64>,
}

impl RateLimiter {
    /// A limiter admitting at most `limit` requests per key in any rolling second; `None`
    /// admits everything and only keeps count.
    pub fn new(limit: Option<usize>) -> Self {
        Self {
            limit,
            ..Self::default()
        }
    }

    /// Records a request carrying `key` (empty when none was sent) that arrived at `now_ms`,
    /// and says whether it may go through.
    ///
    /// Refused requests do not use up the limit, so a client that waits as told gets through
    /// however hard it pushed before.
    pub fn admit(&mut self, key: &str, now_ms: u64) -> bool {
        if !self.keys.contains_key(key) {
            self.keys.insert(key.to_owned(), KeyLog::default());
        }
        let log = self.keys.get_mut(key).expect("inserted above");
        forget_before(&mut log.seen, now_ms);
        forget_before(&mut log.admitted, now_ms);

        log.seen.push_back(now_ms);
        self.busiest_second = self.busiest_second.max(log.seen.len());
        let admitted = self.limit.is_none_or(|limit| log.admitted.len() < limit);
        if admitted {
            log.admitted.push_back(now_ms);
        } else {
            self.refused += 1;
        }
        admitted
    }

    /// How many requests were refused.
    pub fn refused(&self) -> usize {
        self.refused
    }

    /// The most requests one key has sent within any rolling second, refused ones included.
    pub fn busiest_second(&self) -> usize {
        self.busiest_second
    }
}

/// Drops the times that are a whole window or more before `now_ms`.
fn forget_before(times: &mut VecDeque<u64>, now_ms: u64) {
    while times
        .front()
        .is_some_and(|&time| now_ms.saturating_sub(time) >= WINDOW_MS)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_over_the_limit_within_a_second_are_refused_and_counted() {
        let mut limiter = RateLimiter::new(Some(3));

        let verdicts: Vec<bool> = [0, 100, 200, 300, 999]
            .iter()
            .map(|&time| limiter.admit("key", time))
            .collect();

        assert_eq!(verdicts, [true, true, true, false, false]);
        assert_eq!(limiter.refused(), 2);
        assert_eq!(limiter.busiest_second(), 5);
    }

    #[test]
    fn the_window_rolls_so_a_request_a_second_after_the_first_is_admitted_again() {
        let mut limiter = RateLimiter::new(Some(2));
        assert!(limiter.admit("key", 0));
        assert!(limiter.admit("key", 500));
        assert!(!limiter.admit("key", 999));

        // The request at 0 has left the window; the one at 500 has not.
        assert!(limiter.admit("key", 1_000));
        assert!(!limiter.admit("key", 1_499));
        assert!(limiter.admit("key", 1_500));
        assert_eq!(limiter.refused(), 2);
    }

    #[test]
    fn each_api_key_has_its_own_limit() {
        let mut limiter = RateLimiter::new(Some(1));

        assert!(limiter.admit("first", 0));
        assert!(limiter.admit("second", 0));
        assert!(!limiter.admit("first", 10));
        assert!(limiter.admit("", 10));

        assert_eq!(limiter.refused(), 1);
        assert_eq!(limiter.busiest_second(), 2);
    }

    #[test]
    fn without_a_limit_everything_passes_but_the_busiest_second_is_still_measured() {
        let mut limiter = RateLimiter::new(None);
        for time in (0..2_000).step_by(40) {
            assert!(limiter.admit("key", time));
        }

        // One request every 40 ms: 25 of them fit in any one second.
        assert_eq!(limiter.busiest_second(), 25);
        assert_eq!(limiter.refused(), 0);
    }

    #[test]
    fn a_client_pacing_itself_at_twenty_per_second_never_exceeds_twenty() {
        let mut limiter = RateLimiter::new(Some(20));
        for request in 0..200 {
            assert!(limiter.admit("key", request * 50), "request {request}");
        }
        assert_eq!(limiter.busiest_second(), 20);
    }
}
