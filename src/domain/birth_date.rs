//! Birth dates as people type them and as DIDWW stores them.
//!
//! A birth date is a calendar date, not an instant: it is read and written as the text
//! `YYYY-MM-DD` and never passes through a clock or a time zone, so 31 January 1990 stays
//! 31 January 1990 whichever zone the browser is in.

/// Why a typed birth date cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BirthDateProblem {
    /// Not in year-month-day order or not made of numbers.
    Unreadable,
    /// Shaped like a date, but the day does not exist (31 April, 29 February 2023).
    NoSuchDay,
    /// Before 1900, which is far more likely a typing slip than a living person.
    TooEarly,
    /// After today.
    InTheFuture,
}

impl BirthDateProblem {
    /// What the user reads beside the field.
    pub fn message(&self) -> &'static str {
        match self {
            Self::Unreadable => "Enter the birth date as year-month-day, for example 1990-01-31",
            Self::NoSuchDay => "Enter a birth date that exists: that day is not in the calendar",
            Self::TooEarly => "Enter a birth year from 1900 on",
            Self::InTheFuture => "Enter a birth date that is today or in the past",
        }
    }
}

/// Reads a typed birth date into DIDWW's `YYYY-MM-DD`, checking it against `today`
/// (`YYYY-MM-DD`, the user's own calendar day).
///
/// Accepts `-`, `/` or `.` between the parts and one-digit months and days, because that is
/// how people write dates; the year always comes first, so no order is guessed.
pub fn parse_birth_date(typed: &str, today: &str) -> Result<String, BirthDateProblem> {
    let parts: Vec<&str> = typed.trim().split(['-', '/', '.']).collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(BirthDateProblem::Unreadable);
    };
    let is_number = |part: &str, widths: &[usize]| {
        widths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    if !is_number(year, &[4]) || !is_number(month, &[1, 2]) || !is_number(day, &[1, 2]) {
        return Err(BirthDateProblem::Unreadable);
    }

    let date = format!("{year}-{month:0>2}-{day:0>2}");
    if *year < "1900" {
        return Err(BirthDateProblem::TooEarly);
    }
    if !day_exists(&date) {
        return Err(BirthDateProblem::NoSuchDay);
    }
    // Both sides are zero-padded `YYYY-MM-DD`, so text order is calendar order.
    if day_exists(today) && date.as_str() > today {
        return Err(BirthDateProblem::InTheFuture);
    }
    Ok(date)
}

/// True for a zero-padded `YYYY-MM-DD` naming a day of the Gregorian calendar.
fn day_exists(date: &str) -> bool {
    let numbers: Vec<u32> = date
        .split('-')
        .filter_map(|part| part.parse().ok())
        .collect();
    let ([year, month, day], 10) = (numbers.as_slice(), date.len()) else {
        return false;
    };
    let is_leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-12-04";

    #[test]
    fn typed_dates_become_exactly_year_month_day() {
        let cases = [
            ("1990-01-31", "1990-01-31"),
            (" 1990-1-5 ", "1990-01-05"),
            ("1990/01/31", "1990-01-31"),
            ("1990.12.01", "1990-12-01"),
            ("2000-02-29", "2000-02-29"),
            ("2026-12-04", "2026-12-04"),
        ];
        for (typed, sent) in cases {
            assert_eq!(
                parse_birth_date(typed, TODAY),
                Ok(sent.to_owned()),
                "{typed}"
            );
        }
    }

    #[test]
    fn impossible_unreadable_early_and_future_dates_are_refused_with_a_reason() {
        use BirthDateProblem::*;
        let cases = [
            ("1990-02-30", NoSuchDay),
            ("2023-02-29", NoSuchDay),
            ("1990-13-01", NoSuchDay),
            ("1990-00-10", NoSuchDay),
            ("31/01/1990", Unreadable),
            ("01-31-1990", Unreadable),
            ("1990-01", Unreadable),
            ("yesterday", Unreadable),
            ("１９９０-01-31", Unreadable),
            ("1899-12-31", TooEarly),
            ("0990-01-01", TooEarly),
            ("2026-12-05", InTheFuture),
            ("2090-01-01", InTheFuture),
            ("2290-01-01", InTheFuture),
        ];
        for (typed, problem) in cases {
            assert_eq!(parse_birth_date(typed, TODAY), Err(problem), "{typed}");
            assert!(!problem.message().is_empty());
        }
    }

    #[test]
    fn an_unknown_today_still_checks_the_calendar() {
        assert_eq!(
            parse_birth_date("2090-01-01", ""),
            Ok("2090-01-01".to_owned())
        );
        assert_eq!(
            parse_birth_date("2090-02-30", ""),
            Err(BirthDateProblem::NoSuchDay)
        );
    }

    #[test]
    fn plain_dates_and_date_times_from_the_api_read_as_the_same_day() {
        use crate::jsonapi::Document;
        use crate::model::{decode_one, Identity};

        for sent in [
            "1990-01-31",
            "1990-01-31T00:00:00.000Z",
            "1990-01-31T23:30:00-05:00",
            "1990-01-31T00:30:00+14:00",
            "1990-01-31 00:00:00 UTC",
        ] {
            let body = serde_json::json!({ "data": {
                "type": "identities", "id": "i", "attributes": { "birth_date": sent },
            }})
            .to_string();
            let document = Document::parse(&body).expect("a JSON:API document");
            let identity: Identity = decode_one(&document).expect("an identity");
            assert_eq!(identity.birth_date.as_deref(), Some("1990-01-31"), "{sent}");
        }
    }
}
