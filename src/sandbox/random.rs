//! A small seeded random number generator (SplitMix64).
//!
//! The simulator needs randomness for ids and for the generated large account, but every run
//! must be reproducible and the browser build has no entropy source in std, so the sequence
//! depends on the seed alone.

/// A SplitMix64 generator: fast, tiny state, and good enough for test data.
#[derive(Debug, Clone)]
pub(crate) struct Random {
    state: u64,
}

impl Random {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// Folds outside entropy into the state.
    pub fn mix(&mut self, entropy: u64) {
        self.state ^= entropy.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    /// A number in `low..high`; `low` when the range is empty.
    ///
    /// The modulo bias is at most `(high - low) / 2^64`, far below anything test data shows.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        low + self.next_u64() % (high - low)
    }

    /// An index into a collection of `length` items (`length` must not be zero).
    pub fn index(&mut self, length: usize) -> usize {
        self.between(0, length as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.between(0, 100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let mut first = Random::new(42);
        let mut second = Random::new(42);
        let first: Vec<u64> = (0..10).map(|_| first.next_u64()).collect();
        let second: Vec<u64> = (0..10).map(|_| second.next_u64()).collect();
        assert_eq!(first, second);
        assert_ne!(first[0], first[1]);
    }

    #[test]
    fn numbers_stay_in_their_range_and_cover_it() {
        let mut random = Random::new(5);
        let mut seen = [false; 10];
        for _ in 0..1_000 {
            let value = random.between(20, 30);
            assert!((20..30).contains(&value));
            seen[(value - 20) as usize] = true;
        }
        assert!(seen.iter().all(|&hit| hit));
        assert_eq!(random.between(7, 7), 7);
    }
}
