//! Following a registration after submission: when to ask again, when to stop, and whether
//! DIDWW is taking longer than its own estimate.

use crate::model::{ServiceStatus, VerificationStatus};

const HOUR_MS: u64 = 60 * 60 * 1_000;
const DAY_MS: u64 = 24 * HOUR_MS;

/// What the status page should do after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// Ask again after this many milliseconds.
    AskAgainIn(u32),
    /// Nothing will change without someone acting: stop asking.
    Stop,
}

/// How long to wait before status poll number `attempt` (0-based), given how long the
/// registration has been waiting in total: a fresh submission is asked about every few
/// seconds, a review that takes days every few minutes.
///
/// Never more often than every 3 seconds, never less often than every 5 minutes.
pub fn poll_delay_ms(attempt: u32, waited_ms: u64) -> u32 {
    let by_attempt = 3_000u32.saturating_mul(2u32.saturating_pow(attempt / 3));
    // A review already running for hours will not finish within seconds: ask about once for
    // every 1/60 of the time it has waited so far.
    let by_age = u32::try_from(waited_ms / 60).unwrap_or(u32::MAX);
    by_attempt.max(by_age).clamp(3_000, 300_000)
}

/// What to do after reading the verification and its calling service: the watch goes on
/// until DIDWW has decided and the service has reached a state that only a person changes
/// (active, canceled, or changes required).
pub fn next_watch(
    verification: Option<&VerificationStatus>,
    service: Option<&ServiceStatus>,
    attempt: u32,
    waited_ms: u64,
) -> Watch {
    let decided = verification.is_some_and(VerificationStatus::is_final);
    let service_settled = match service {
        Some(status) => status.is_settled(),
        // A rejected verification may leave no service to wait for.
        None => matches!(verification, Some(VerificationStatus::Rejected)),
    };
    if decided && service_settled {
        Watch::Stop
    } else {
        Watch::AskAgainIn(poll_delay_ms(attempt, waited_ms))
    }
}

/// Waits until `delay_ms` of visible time have passed, checking every `step_ms` whether the
/// page is hidden (`is_hidden`) and pausing with `sleep`. Hidden time does not count, since
/// nobody is reading the page; once the page shows again the wait ends at once, so the
/// reader sees fresh news. Returns how many pauses it took.
pub async fn wait_visible_time<Sleep, Slept>(
    delay_ms: u32,
    step_ms: u32,
    mut is_hidden: impl FnMut() -> bool,
    mut sleep: Sleep,
) -> u32
where
    Sleep: FnMut(u32) -> Slept,
    Slept: std::future::Future<Output = ()>,
{
    let step_ms = step_ms.max(1);
    let mut waited_ms = 0;
    let mut was_hidden = false;
    let mut pauses = 0;
    loop {
        let hidden = is_hidden();
        if !hidden && (was_hidden || waited_ms >= delay_ms) {
            return pauses;
        }
        was_hidden |= hidden;
        sleep(step_ms).await;
        pauses += 1;
        if !hidden {
            waited_ms += step_ms;
        }
    }
}

/// The longest time an estimate such as "1-2 business days", "3 business days", "7-14
/// days", "24 hours" or "2 weeks" allows, in milliseconds; `None` when the text is not
/// understood (it is then only shown, never used to judge).
///
/// Business and working days are counted with the weekends they may span.
pub fn estimate_upper_bound_ms(estimate: &str) -> Option<u64> {
    let lowered = estimate.trim().to_lowercase();
    let digits_end = lowered
        .char_indices()
        .rev()
        .find(|(_, character)| character.is_ascii_digit())
        .map(|(index, _)| index + 1)?;
    let digits_start = lowered[..digits_end]
        .rfind(|character: char| !character.is_ascii_digit())
        .map_or(0, |index| index + 1);
    let amount: u64 = lowered[digits_start..digits_end].parse().ok()?;
    let unit = lowered[digits_end..].trim();
    let is_business = unit.starts_with("business") || unit.starts_with("working");
    let unit = unit
        .trim_start_matches("business")
        .trim_start_matches("working")
        .trim();
    let unit_ms = if unit.starts_with("hour") {
        HOUR_MS
    } else if unit.starts_with("day") {
        DAY_MS
    } else if unit.starts_with("week") {
        7 * DAY_MS
    } else if unit.starts_with("month") {
        31 * DAY_MS
    } else {
        return None;
    };
    let amount = if is_business && unit_ms == DAY_MS {
        amount + 2 * amount.div_ceil(5)
    } else {
        amount
    };
    amount.checked_mul(unit_ms)
}

/// True when a registration submitted at `submitted_ms` and still not settled at `now_ms`
/// has waited longer than `estimate` allows.
pub fn is_overdue(submitted_ms: u64, now_ms: u64, estimate: &str) -> bool {
    estimate_upper_bound_ms(estimate)
        .is_some_and(|bound| now_ms.saturating_sub(submitted_ms) > bound)
}

/// Milliseconds since 1970 for a UTC timestamp such as `2026-04-21T08:10:43.079Z` (fraction
/// and `Z` optional, `+00:00` accepted); `None` for anything else.
pub fn parse_utc_timestamp_ms(stamp: &str) -> Option<u64> {
    let stamp = stamp.trim();
    let stamp = stamp
        .strip_suffix('Z')
        .or_else(|| stamp.strip_suffix("+00:00"))
        .unwrap_or(stamp);
    let (date, time) = stamp.split_once('T')?;
    let mut date_parts = date.split('-');
    let year: i64 = date_parts.next()?.parse().ok()?;
    let month: u32 = date_parts.next()?.parse().ok()?;
    let day: u32 = date_parts.next()?.parse().ok()?;
    if date_parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut clock_parts = clock.split(':');
    let hour: u64 = clock_parts.next()?.parse().ok()?;
    let minute: u64 = clock_parts.next()?.parse().ok()?;
    let second: u64 = clock_parts.next().unwrap_or("0").parse().ok()?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let millis: u64 = if fraction.is_empty() {
        0
    } else {
        let digits: String = fraction.chars().take(3).collect();
        if !digits.chars().all(|character| character.is_ascii_digit()) {
            return None;
        }
        format!("{digits:0<3}").parse().ok()?
    };
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    Some(days * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1_000 + millis)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_starts_every_three_seconds_then_slows_down_and_is_capped() {
        let delays: Vec<u32> = (0..40).map(|attempt| poll_delay_ms(attempt, 0)).collect();

        assert_eq!(delays[..3], [3_000, 3_000, 3_000]);
        assert_eq!(delays[3], 6_000);
        assert!(delays.windows(2).all(|pair| pair[0] <= pair[1]));
        assert_eq!(*delays.last().expect("delays"), 300_000);
    }

    #[test]
    fn a_registration_waiting_for_days_is_asked_about_rarely_from_the_start() {
        assert_eq!(poll_delay_ms(0, 60_000), 3_000);
        assert_eq!(poll_delay_ms(0, 2 * HOUR_MS), 120_000);
        assert_eq!(poll_delay_ms(0, 3 * DAY_MS), 300_000);
    }

    #[test]
    fn the_watch_stops_only_once_the_review_is_decided_and_the_service_settled() {
        use ServiceStatus as Service;
        use VerificationStatus as Review;
        let cases = [
            (Some(Review::Pending), Some(Service::InProcess), false),
            (Some(Review::Pending), None, false),
            (Some(Review::Approved), Some(Service::InProcess), false),
            (Some(Review::Approved), Some(Service::PendingUpdate), false),
            (Some(Review::Approved), Some(Service::New), false),
            (Some(Review::Approved), Some(Service::Active), true),
            (Some(Review::Rejected), Some(Service::ChangesRequired), true),
            (Some(Review::Rejected), None, true),
            (Some(Review::Approved), Some(Service::Canceled), true),
            (
                Some(Review::Other("on hold".into())),
                Some(Service::Active),
                false,
            ),
            (
                Some(Review::Approved),
                Some(Service::Other("migrating".into())),
                false,
            ),
            (None, None, false),
        ];
        for (review, service, stops) in cases {
            let watch = next_watch(review.as_ref(), service.as_ref(), 0, 0);
            assert_eq!(watch == Watch::Stop, stops, "{review:?} {service:?}");
        }
        assert_eq!(
            next_watch(Some(&Review::Pending), None, 3, 0),
            Watch::AskAgainIn(6_000)
        );
    }

    /// Runs a future whose parts never wait.
    fn run<T>(future: impl std::future::Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        let waker = std::task::Waker::noop();
        match future
            .as_mut()
            .poll(&mut std::task::Context::from_waker(waker))
        {
            std::task::Poll::Ready(value) => value,
            std::task::Poll::Pending => panic!("the test sleep returns at once"),
        }
    }

    /// Pauses taken when the page is hidden at the checks listed in `hidden_at`.
    fn pauses(delay_ms: u32, hidden_at: &[u32]) -> u32 {
        let mut check = 0;
        let is_hidden = || {
            check += 1;
            hidden_at.contains(&check)
        };
        run(wait_visible_time(delay_ms, 500, is_hidden, |_| async {}))
    }

    #[test]
    fn a_visible_page_waits_the_whole_delay() {
        assert_eq!(pauses(3_000, &[]), 6);
        assert_eq!(pauses(0, &[]), 0);
    }

    #[test]
    fn a_hidden_page_asks_nothing_and_asks_at_once_when_shown_again() {
        // Hidden from the second check to the fortieth: twenty seconds in a background tab
        // count for nothing, and the first visible check ends the wait early.
        let hidden: Vec<u32> = (2..=40).collect();
        assert_eq!(pauses(60_000, &hidden), 40);
        // Hidden at the very first check: the wait ends as soon as the page is seen.
        assert_eq!(pauses(60_000, &[1, 2, 3]), 3);
    }

    #[test]
    fn verification_statuses_with_spaces_or_capitals_read_as_the_canonical_value() {
        assert_eq!(
            VerificationStatus::parse(" Pending "),
            VerificationStatus::Pending
        );
        assert_eq!(
            VerificationStatus::parse("APPROVED"),
            VerificationStatus::Approved
        );
        let unknown = VerificationStatus::parse("Under Legal Review");
        assert_eq!(unknown.label(), "Under Legal Review");
        assert!(!unknown.is_final());
    }

    #[test]
    fn estimates_are_read_as_their_longest_time() {
        let cases = [
            ("1-2 business days", Some(4 * DAY_MS)),
            ("3-5 business days", Some(7 * DAY_MS)),
            ("3 business days", Some(5 * DAY_MS)),
            ("7-14 days", Some(14 * DAY_MS)),
            ("24 hours", Some(24 * HOUR_MS)),
            ("1 Hour", Some(HOUR_MS)),
            ("2 weeks", Some(14 * DAY_MS)),
            ("1-2 working days", Some(4 * DAY_MS)),
            ("within 1 month", Some(31 * DAY_MS)),
            ("instant", None),
            ("", None),
            ("3 fortnights", None),
        ];
        for (text, expected) in cases {
            assert_eq!(estimate_upper_bound_ms(text), expected, "{text}");
        }
    }

    #[test]
    fn a_registration_is_overdue_only_past_the_longest_estimate() {
        let submitted = parse_utc_timestamp_ms("2026-04-20T09:00:00Z").expect("a stamp");

        assert!(!is_overdue(
            submitted,
            submitted + 4 * DAY_MS,
            "1-2 business days"
        ));
        assert!(is_overdue(
            submitted,
            submitted + 4 * DAY_MS + 1,
            "1-2 business days"
        ));
        assert!(!is_overdue(submitted, submitted + 400 * DAY_MS, "soon"));
    }

    #[test]
    fn utc_timestamps_are_read_to_the_millisecond() {
        assert_eq!(parse_utc_timestamp_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_utc_timestamp_ms("2026-04-21T08:10:43.079Z"),
            Some(1_776_759_043_079)
        );
        assert_eq!(
            parse_utc_timestamp_ms("2024-02-29T23:59:59.5+00:00"),
            Some(1_709_251_199_500)
        );
        for bad in [
            "",
            "soon",
            "2026-13-01T00:00:00Z",
            "2026-04-21",
            "2026-04-21T25:00Z",
        ] {
            assert_eq!(parse_utc_timestamp_ms(bad), None, "{bad}");
        }
    }
}
