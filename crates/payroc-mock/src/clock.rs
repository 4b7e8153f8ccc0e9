//! Dates and times the emulator stamps on resources, in the API's formats, without a
//! calendar library: days since the epoch to a civil date (Howard Hinnant's algorithm).

use std::time::{SystemTime, UNIX_EPOCH};

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
    let secs = now_secs().saturating_add(i64::try_from(delay.as_secs()).unwrap_or(0));
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
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
}
