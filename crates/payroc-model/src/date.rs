//! [`Date`]: a calendar date as the API writes it, `YYYY-MM-DD`, typed rather than a
//! string so a filter or a reply holding something else is caught where it is read.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (`2024-07-02` on the wire). Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Text that is not a real `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date as YYYY-MM-DD")]
pub struct ParseDateError(String);

impl Date {
    /// The date `year-month-day`, if it exists (years 0001 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        crate::validate::is_iso_date(&text)
            .then_some(Self { year, month, day })
            .filter(|_| year > 0)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || ParseDateError(text.to_owned());
        if !crate::validate::is_iso_date(text) {
            return Err(bad());
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().map_err(|_| bad());
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        Self::new(year, month as u8, day as u8).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_real_dates_only() {
        let date: Date = "2024-02-29".parse().unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (2024, 2, 29));
        assert_eq!(date.to_string(), "2024-02-29");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2024-02-29\"");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-7-2",
            "02/07/2024",
            "",
            "0000-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Date>("\"2024-00-10\"").is_err());
        assert!(Date::new(2024, 7, 2) < Date::new(2024, 7, 3));
    }
}
