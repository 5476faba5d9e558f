//! Ids and references for records the simulator creates.
//!
//! Everything is derived from a seeded generator, so a run is reproducible from its requests
//! and their times alone; no randomness source is needed (the browser build has none in std).

use super::random::Random;

/// A seeded generator producing UUID-shaped ids and DIDWW-style references.
#[derive(Debug, Clone)]
pub(crate) struct IdGenerator {
    random: Random,
}

impl IdGenerator {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            random: Random::new(seed),
        }
    }

    /// Folds outside entropy (the time of the first request) into the state, so two demo
    /// runs do not hand out the same ids.
    pub fn mix(&mut self, entropy: u64) {
        self.random.mix(entropy);
    }

    /// A random (version 4 shaped) UUID.
    pub fn uuid(&mut self) -> String {
        let high = self.next();
        let low = self.next();
        format_uuid(high, low)
    }

    /// A reference such as `EGZ-696952`: three capital letters and six digits.
    pub fn reference(&mut self) -> String {
        let letters: String = (0..3)
            .map(|_| char::from(b'A' + (self.next() % 26) as u8))
            .collect();
        format!("{letters}-{:06}", self.next() % 1_000_000)
    }

    fn next(&mut self) -> u64 {
        self.random.next_u64()
    }
}

/// A UUID derived from `label` alone, for seed records that need a stable id but no name.
pub(crate) fn stable_uuid(label: &str) -> String {
    let mut generator = IdGenerator::new(fnv1a(label));
    generator.uuid()
}

fn format_uuid(high: u64, low: u64) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0x0FFF,
        ((low >> 48) & 0x3FFF) | 0x8000,
        low & 0xFFFF_FFFF_FFFF
    )
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_look_like_version_four_uuids_and_do_not_repeat() {
        let mut generator = IdGenerator::new(7);
        let ids: Vec<String> = (0..200).map(|_| generator.uuid()).collect();

        for id in &ids {
            let groups: Vec<&str> = id.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|group| group.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
            assert!(groups[2].starts_with('4'), "{id}");
            assert!(
                matches!(groups[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'),
                "{id}"
            );
        }
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn references_are_three_letters_and_six_digits() {
        let mut generator = IdGenerator::new(11);
        for _ in 0..50 {
            let reference = generator.reference();
            let (letters, digits) = reference.split_once('-').expect("a dash");
            assert!(letters.len() == 3 && letters.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn stable_ids_depend_only_on_their_label() {
        assert_eq!(stable_uuid("country:DE"), stable_uuid("country:DE"));
        assert_ne!(stable_uuid("country:DE"), stable_uuid("country:FR"));
    }

    #[test]
    fn mixing_in_the_time_changes_the_ids_that_follow() {
        let mut plain = IdGenerator::new(3);
        let mut mixed = IdGenerator::new(3);
        mixed.mix(1_776_000_000_000);
        assert_ne!(plain.uuid(), mixed.uuid());
    }
}
