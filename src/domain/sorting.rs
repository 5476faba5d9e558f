//! Stable sorting that shares one copy of the sorting code.
//!
//! `slice::sort_by` is generic over both the element type and the comparison, so each call
//! with its own closure puts its own copy of the sorting algorithm, several kilobytes, into the
//! WebAssembly bundle. These functions sort positions instead, through one non-generic function,
//! and then move the elements into that order. The outcome is exactly that of
//! `slice::sort_by` and `slice::sort_by_key`: stable, equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|left, right| {
        compare(&items[left], &items[right])
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|position| slots[position].take()),
    );
}

/// Sorts `items` by the key that `key` extracts, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |left, right| key(left).cmp(&key(right)));
}

/// The positions `0..count` in the order that `compare` gives them, equal ones in place.
fn sorted_positions(count: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..count).collect();
    positions.sort_by(|&left, &right| compare(left, right));
    positions
}

#[cfg(test)]
mod tests {
    use super::{sort_by, sort_by_key};

    #[test]
    fn orders_like_the_standard_stable_sort() {
        let words = [
            "pear", "fig", "apple", "kiwi", "plum", "date", "fig", "lime", "", "b",
        ];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut standard = ours.clone();
        sort_by(&mut ours, |left, right| left.1.len().cmp(&right.1.len()));
        standard.sort_by_key(|item| item.1.len());
        assert_eq!(ours, standard);
    }

    #[test]
    fn keeps_equal_elements_in_their_order() {
        let mut items = vec![("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3)];
        sort_by_key(&mut items, |item| std::cmp::Reverse(item.1));
        assert_eq!(items, [("e", 3), ("b", 2), ("c", 2), ("a", 1), ("d", 1)]);
    }

    #[test]
    fn handles_empty_and_single_lists() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());

        let mut single = vec!["only".to_owned()];
        sort_by_key(&mut single, String::len);
        assert_eq!(single, ["only"]);
    }
}
