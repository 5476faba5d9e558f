//! Calendar arithmetic on milliseconds since the Unix epoch.
//!
//! The simulator is handed the time with every request instead of reading a clock, so it runs
//! the same in the browser (where std has no clock) and natively, and tests can move time at will.

use std::fmt;

/// Milliseconds in one day.
pub(crate) const DAY_MS: u64 = 86_400_000;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Self {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let year = self.year - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let shifted_month = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Parses a strict `YYYY-MM-DD` that names a real day.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(&text[0..4])?;
        let month = digits(&text[5..7])? as u32;
        let day = digits(&text[8..10])? as u32;
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// The same day one month later, clamped to the end of a shorter month (31 Jan → 28 Feb).
    pub fn plus_one_month(self) -> Self {
        let (year, month) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        Self {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        )
    }
}

/// The calendar date (UTC) of an instant.
pub(crate) fn date_of(ms: u64) -> Date {
    Date::from_days((ms / DAY_MS) as i64)
}

/// Formats an instant the way DIDWW writes `created_at`: `2026-04-21T08:10:43.079Z`.
pub(crate) fn format_timestamp(ms: u64) -> String {
    let date = date_of(ms);
    let in_day = ms % DAY_MS;
    let (hours, minutes) = (in_day / 3_600_000, in_day / 60_000 % 60);
    let (seconds, millis) = (in_day / 1000 % 60, in_day % 1000);
    format!("{date}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.mmm]Z`, the only shape the seed data uses.
pub(crate) fn parse_timestamp(text: &str) -> Option<u64> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let days = u64::try_from(Date::parse(date)?.to_days()).ok()?;
    let (clock, millis) = time.split_once('.').unwrap_or((time, "0"));
    let mut parts = clock.split(':').map(digits);
    let (hours, minutes, seconds) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 59 || millis.len() > 3 {
        return None;
    }
    let seconds_in_day = (hours * 3600 + minutes * 60 + seconds) as u64;
    Some(days * DAY_MS + seconds_in_day * 1000 + digits(millis)? as u64)
}

/// Reads a birth date sent as `YYYY-MM-DD` or as a date-time that starts with one.
pub(crate) fn parse_date_or_date_time(text: &str) -> Option<Date> {
    match text.len() {
        10 => Date::parse(text),
        length if length > 11 && matches!(text.as_bytes()[10], b'T' | b't' | b' ') => {
            Date::parse(&text[..10])
        }
        _ => None,
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(text: &str) -> Option<i64> {
    let all_digits = !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    all_digits.then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_through_the_didww_format() {
        for text in [
            "2026-04-21T08:10:43.079Z",
            "1970-01-01T00:00:00.000Z",
            "2024-02-29T23:59:59.999Z",
        ] {
            let ms = parse_timestamp(text).expect("a well-formed timestamp parses");
            assert_eq!(format_timestamp(ms), text);
        }
    }

    #[test]
    fn days_and_dates_convert_both_ways_across_leap_years() {
        for days in [-800_000, -1, 0, 59, 365, 11_016, 20_564, 2_932_896] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::from_days(20_564).to_string(), "2026-04-21");
    }

    #[test]
    fn one_month_later_clamps_to_the_end_of_a_shorter_month() {
        let cases = [
            ("2026-04-21", "2026-05-21"),
            ("2026-01-31", "2026-02-28"),
            ("2024-01-31", "2024-02-29"),
            ("2026-12-15", "2027-01-15"),
        ];
        for (start, expected) in cases {
            let date = Date::parse(start).expect("a valid date");
            assert_eq!(date.plus_one_month().to_string(), expected, "from {start}");
        }
    }

    #[test]
    fn only_real_calendar_days_parse_as_dates() {
        let cases = [
            ("1990-01-01", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("1990-13-01", false),
            ("1990-1-01", false),
            ("01/02/1990", false),
            ("1990-01-01T10:00:00Z", false),
        ];
        for (text, valid) in cases {
            assert_eq!(Date::parse(text).is_some(), valid, "{text}");
        }
    }

    #[test]
    fn birth_dates_accept_a_date_time_and_keep_only_the_date() {
        let date = parse_date_or_date_time("1990-05-17T00:00:00.000Z").expect("a date-time");
        assert_eq!(date.to_string(), "1990-05-17");
        assert!(parse_date_or_date_time("1990-05-17T").is_none());
        assert!(parse_date_or_date_time("1990-05-17X10:00").is_none());
    }
}
