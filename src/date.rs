//! Calendar dates and UTC timestamps, enough for review dates and record times.
//!
//! "Today" is the local date: a handout screened at 00:30 in Sydney says the day it was
//! screened, not yesterday's UTC date. Records keep a UTC timestamp. The clock can be fixed
//! with `SMP_SCREEN_NOW` (an RFC 3339 time) so tests and demos give the same output on
//! any day.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::fmt;

/// Fixes the clock: an RFC 3339 time such as `2026-11-26T09:30:00Z`.
pub const NOW_VARIABLE: &str = "SMP_SCREEN_NOW";

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as `2026-02-30`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Today in the local time zone (`TZ`, else the system's; UTC if neither is known).
    ///
    /// The zone is read by jiff from `TZ` and the tz database files, in Rust: unlike libc's
    /// `localtime_r` (which the `time` crate refuses to call once a second thread exists,
    /// as ours do for Ctrl-C and batch), nothing here races with the environment.
    pub fn today() -> Date {
        Date::at(now(), &TimeZone::system())
    }

    /// Today's date in UTC, which is at most a day from the local one and needs no time
    /// zone database.
    pub fn today_utc() -> Date {
        Date::at(now(), &TimeZone::UTC)
    }

    /// The date at instant `at` in time zone `zone`.
    pub fn at(at: Timestamp, zone: &TimeZone) -> Date {
        let date = at.to_zoned(zone.clone()).date();
        Date {
            year: i32::from(date.year()),
            month: date.month() as u32,
            day: date.day() as u32,
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `months` calendar months later, or the month's last day when it is
    /// shorter (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(months);
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The current instant, or the one `SMP_SCREEN_NOW` fixes (ignored unless it is a valid
/// RFC 3339 time).
pub fn now() -> Timestamp {
    std::env::var(NOW_VARIABLE)
        .ok()
        .and_then(|s| s.trim().parse::<Timestamp>().ok())
        .unwrap_or_else(Timestamp::now)
}

/// The current time as an RFC 3339 UTC timestamp, such as `2026-11-26T09:30:00Z`.
pub fn now_rfc3339() -> String {
    let secs = now().as_second();
    let date = Date::from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_valid_dates_only() {
        assert_eq!(
            Date::parse("2026-11-26"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 26
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26-11-2026").is_none());
        assert!(Date::parse("2026-1-026").is_none());
    }

    #[test]
    fn today_is_the_local_date_near_midnight() {
        use jiff::tz::TimeZone;
        let at: jiff::Timestamp = "2026-11-27T03:00:00Z".parse().unwrap();
        let new_york = TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
        assert_eq!(Date::at(at, &new_york).to_string(), "2026-11-26");
        let kiribati = TimeZone::posix("<+14>-14").unwrap();
        let at: jiff::Timestamp = "2026-11-26T12:00:00Z".parse().unwrap();
        assert_eq!(Date::at(at, &kiribati).to_string(), "2026-11-27");
        assert_eq!(Date::at(at, &TimeZone::UTC).to_string(), "2026-11-26");
    }

    #[test]
    fn counts_days_both_ways() {
        for days in [-800_000, -1, 0, 1, 59, 60, 20_418, 20_819, 2_000_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
    }

    #[test]
    fn adds_calendar_months() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-12-01").add_months(3).to_string(), "2027-03-01");
        assert_eq!(d("2026-01-31").add_months(1).to_string(), "2026-02-28");
        assert_eq!(d("2027-11-30").add_months(3).to_string(), "2028-02-29");
        assert_eq!(d("2026-06-15").add_months(0).to_string(), "2026-06-15");
        assert_eq!(d("2026-06-15").add_months(18).to_string(), "2027-12-15");
    }

    #[test]
    fn converts_days_since_epoch() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_418).to_string(), "2025-11-26");
        assert_eq!(Date::from_days(-1).to_string(), "1969-12-31");
    }
}
