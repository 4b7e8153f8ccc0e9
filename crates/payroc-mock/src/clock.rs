//! Dates and times the emulator stamps on resources, in the API's formats, without a
//! calendar library: days since the epoch to a civil date and back (Howard Hinnant's
//! algorithms).
//!
//! [`Clock`] is the emulator's own clock: real UTC time moved forward by an offset
//! that tests set (`POST /_mock/clock`), so what falls due by date (a subscription's
//! next payment, a link's expiry) can be reached without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds in a day.
const DAY: i64 = 86_400;

/// The emulator's clock: the real time plus an offset that only moves forward.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    offset_secs: AtomicI64,
}

impl Clock {
    /// Seconds since the epoch, as the emulator sees them.
    fn now_secs(&self) -> i64 {
        now_secs().saturating_add(self.offset_secs.load(Ordering::Relaxed))
    }

    /// How many whole days the clock runs ahead of real time.
    pub(crate) fn offset_days(&self) -> i64 {
        self.offset_secs.load(Ordering::Relaxed) / DAY
    }

    /// Moves the clock `days` forward.
    pub(crate) fn advance_days(&self, days: i64) {
        self.offset_secs
            .fetch_add(days.saturating_mul(DAY), Ordering::Relaxed);
    }

    /// Back to real time (a reset of the emulator).
    pub(crate) fn reset(&self) {
        self.offset_secs.store(0, Ordering::Relaxed);
    }

    /// The emulator's UTC date, `YYYY-MM-DD`.
    pub(crate) fn today(&self) -> String {
        iso_date(self.now_secs().div_euclid(DAY))
    }

    /// The emulator's UTC date-time, RFC 3339.
    pub(crate) fn now_rfc3339(&self) -> String {
        rfc3339(self.now_secs())
    }
}

/// Days since the epoch of a `YYYY-MM-DD` date; `None` when it is not one.
pub(crate) fn parse_iso_date(date: &str) -> Option<i64> {
    if !payroc_model::validate::is_iso_date(date) {
        return None;
    }
    let year: i64 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    Some(days_from_civil(year, month, day))
}

/// The instant an RFC 3339 date-time names, as seconds since the epoch and
/// nanoseconds; `None` when it is not one. Its offset and fraction are read, so
/// `2024-07-02T17:30:00+02:00` and `2024-07-02T15:30:00.000Z` are the same instant.
pub(crate) fn parse_rfc3339(text: &str) -> Option<(i64, u32)> {
    if !payroc_model::validate::is_rfc3339(text) {
        return None;
    }
    let two = |at: usize| text.get(at..at + 2)?.parse::<i64>().ok();
    let secs = parse_iso_date(text.get(..10)?)? * DAY + two(11)? * 3600 + two(14)? * 60 + two(17)?;
    let rest = text.get(19..)?;
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(f) => f.split_at(f.bytes().take_while(u8::is_ascii_digit).count()),
        None => ("", rest),
    };
    let nanos = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(9)
        .fold(0, |n, digit| n * 10 + u32::from(digit - b'0'));
    let offset = match zone.as_bytes().first()? {
        b'Z' | b'z' => 0,
        sign => {
            // `±HH:MM`, the text's last six characters.
            let east = two(text.len() - 5)? * 3600 + two(text.len() - 2)? * 60;
            if *sign == b'-' {
                -east
            } else {
                east
            }
        }
    };
    Some((secs - offset, nanos))
}

/// `YYYY-MM-DD` of a day counted from the epoch.
pub(crate) fn iso_date(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day `months` calendar months after `days`, on the same day of the month, or
/// the month's last day when it is shorter (31 January + 1 month = 28 or 29 February).
pub(crate) fn add_months(days: i64, months: i64) -> i64 {
    let (y, m, d) = civil(days);
    let index = y * 12 + i64::from(m) - 1 + months;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32);
    let last = civil(days_from_civil(year + i64::from(month == 12), month % 12 + 1, 1) - 1).2;
    days_from_civil(year, month, d.min(last))
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// The current UTC date-time, RFC 3339 (`2024-07-02T15:30:00Z`).
pub(crate) fn now_rfc3339() -> String {
    rfc3339_after(std::time::Duration::ZERO)
}

/// The UTC date-time `delay` from now, RFC 3339 (e.g. a single-use token's `expiresAt`).
pub(crate) fn rfc3339_after(delay: std::time::Duration) -> String {
    rfc3339(now_secs().saturating_add(i64::try_from(delay.as_secs()).unwrap_or(0)))
}

/// A moment in seconds since the epoch, RFC 3339.
fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil(secs.div_euclid(DAY));
    let t = secs.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t % 3600 / 60,
        t % 60
    )
}

/// Today's UTC date, `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    date_in_days(0)
}

/// The UTC date `days` from today (negative: before), `YYYY-MM-DD`, as the Payroc
/// API writes dates (`expiresOn`, `createdOn`). Links expire by this clock, so tests
/// and examples take their dates from it rather than writing a fixed one that will
/// one day be past.
pub fn date_in_days(days: i64) -> String {
    let (y, m, d) = civil(now_secs().div_euclid(86_400).saturating_add(days));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC date `days` from today, `MM/DD/YYYY`, as PayTrace writes dates
/// (`start_date`, `next_date`).
pub fn us_date_in_days(days: i64) -> String {
    let (y, m, d) = civil(now_secs().div_euclid(86_400).saturating_add(days));
    format!("{m:02}/{d:02}/{y:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(19_723), (2024, 1, 1));
        assert_eq!(civil(19_782), (2024, 2, 29));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(parse_rfc3339("1970-01-01T01:00:00+01:00"), Some((0, 0)));
        assert_eq!(parse_rfc3339("1969-12-31T19:00:00-05:00"), Some((0, 0)));
        assert_eq!(
            parse_rfc3339("2024-07-02T15:30:00.5z"),
            Some((1_719_934_200, 500_000_000))
        );
        assert_eq!(
            parse_rfc3339("2024-07-02T17:30:00.123456789123+02:00"),
            Some((1_719_934_200, 123_456_789))
        );
        assert_eq!(
            parse_rfc3339(&rfc3339(1_719_934_200)),
            Some((1_719_934_200, 0))
        );
        for bad in [
            "2024-07-02",
            "2024-07-02T15:30:00",
            "2024-13-02T15:30:00Z",
            "yesterday",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert!(payroc_model::validate::is_rfc3339(&now_rfc3339()));
        assert!(payroc_model::validate::is_iso_date(&today()));
        let later = rfc3339_after(std::time::Duration::from_secs(1800));
        assert!(payroc_model::validate::is_rfc3339(&later), "{later}");
        assert!(later > now_rfc3339());
        assert_eq!(date_in_days(0), today());
        assert!(date_in_days(1) > today() && date_in_days(-1) < today());
        let us = us_date_in_days(0);
        assert_eq!(format!("{}-{}-{}", &us[6..], &us[..2], &us[3..5]), today());
    }

    #[test]
    fn dates_parse_and_months_clamp_to_their_last_day() {
        assert_eq!(parse_iso_date("1970-01-01"), Some(0));
        assert_eq!(parse_iso_date("2024-02-29"), Some(19_782));
        assert_eq!(parse_iso_date("2024-02-30"), None);
        assert_eq!(iso_date(19_782), "2024-02-29");
        let jan31 = parse_iso_date("2024-01-31").unwrap();
        assert_eq!(iso_date(add_months(jan31, 1)), "2024-02-29");
        assert_eq!(iso_date(add_months(jan31, 2)), "2024-03-31");
        assert_eq!(iso_date(add_months(jan31, 13)), "2025-02-28");
        assert_eq!(iso_date(add_months(jan31, 11)), "2024-12-31");
        assert_eq!(iso_date(add_months(jan31, -2)), "2023-11-30");
    }

    #[test]
    fn the_clock_moves_forward_by_whole_days_and_resets() {
        let clock = Clock::default();
        assert_eq!(clock.today(), today());
        clock.advance_days(31);
        assert_eq!(clock.offset_days(), 31);
        assert_eq!(clock.today(), date_in_days(31));
        assert!(clock.now_rfc3339().starts_with(&date_in_days(31)));
        clock.reset();
        assert_eq!(clock.today(), today());
    }
}
