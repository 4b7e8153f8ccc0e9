//! Validation of requests before they are sent: every violation at once, each with the
//! field's JSON path in the API's own naming (`order.amount`,
//! `paymentMethod.cardDetails.keyedData.cardNumber`).

use crate::OpenEnum;
use serde::Serialize;
use std::fmt;

/// One broken rule: where, what, and a machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// JSON path of the field at fault, e.g. `order.breakdown.items[0].unitPrice`
    /// (empty for a rule about the whole body).
    pub path: String,
    /// A sentence a person can act on. Never contains the field's value.
    pub message: String,
    /// A stable code for programs: `required`, `length`, `range`, `format`, `luhn`,
    /// `expiry`, `currency`, `enum`, `conflict`.
    pub code: &'static str,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A request that breaks one or more rules; it was not sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError {
    violations: Vec<Violation>,
}

impl ValidationError {
    /// Every violation, in the order the fields were checked.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Takes the violations out.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// A single violation as an error (for input that could not even be read).
    pub fn single(path: impl Into<String>, message: impl Into<String>, code: &'static str) -> Self {
        Self {
            violations: vec![Violation {
                path: path.into(),
                message: message.into(),
                code,
            }],
        }
    }

    /// Whether some violation is at exactly this path.
    pub fn has_path(&self, path: &str) -> bool {
        self.violations.iter().any(|v| v.path == path)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid request ({} problem", self.violations.len())?;
        if self.violations.len() != 1 {
            f.write_str("s")?;
        }
        f.write_str("): ")?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

/// A request body that can check itself.
pub trait Validate {
    /// Records every violation of this value into `v`, at `v`'s current path.
    fn validate_into(&self, v: &mut Validator);

    /// Every violation at once, or `Ok` when the request may be sent.
    fn validate(&self) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        self.validate_into(&mut v);
        v.finish()
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_into(&self, v: &mut Validator) {
        (**self).validate_into(v);
    }
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

/// Collects violations while walking a request. Paths are built only when a rule
/// fails, so checking a valid request allocates nothing.
#[derive(Debug, Default)]
pub struct Validator {
    path: Vec<Segment>,
    violations: Vec<Violation>,
}

impl Validator {
    /// An empty validator at the root of a body.
    pub fn new() -> Self {
        Self::default()
    }

    /// `Ok` if nothing was recorded, else every violation.
    pub fn finish(self) -> Result<(), ValidationError> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                violations: self.violations,
            })
        }
    }

    /// Whether anything has been recorded so far.
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty()
    }

    fn path_with(&self, last: Option<&'static str>) -> String {
        let mut out = String::new();
        let segments = self.path.iter().copied().chain(last.map(Segment::Field));
        for seg in segments {
            match seg {
                Segment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// Runs `f` one level down, under `field`.
    pub fn at(&mut self, field: &'static str, f: impl FnOnce(&mut Self)) {
        self.path.push(Segment::Field(field));
        f(self);
        self.path.pop();
    }

    /// Runs `f` one level down, at array index `index`.
    pub fn index(&mut self, index: usize, f: impl FnOnce(&mut Self)) {
        self.path.push(Segment::Index(index));
        f(self);
        self.path.pop();
    }

    /// Validates a nested object under `field`.
    pub fn nested<T: Validate + ?Sized>(&mut self, field: &'static str, value: &T) {
        self.at(field, |v| value.validate_into(v));
    }

    /// Validates an optional nested object under `field` when present.
    pub fn nested_opt<T: Validate>(&mut self, field: &'static str, value: &Option<T>) {
        if let Some(value) = value {
            self.nested(field, value);
        }
    }

    /// Validates each element of an array under `field[i]`.
    pub fn each<T: Validate>(&mut self, field: &'static str, items: &[T]) {
        self.at(field, |v| {
            for (i, item) in items.iter().enumerate() {
                v.path.push(Segment::Index(i));
                item.validate_into(v);
                v.path.pop();
            }
        });
    }

    /// Records a violation of `field` (relative to the current path).
    pub fn violation(
        &mut self,
        field: &'static str,
        code: &'static str,
        message: impl Into<String>,
    ) {
        let path = self.path_with(Some(field));
        self.violations.push(Violation {
            path,
            message: message.into(),
            code,
        });
    }

    /// Records a violation of the object at the current path itself.
    pub fn violation_here(&mut self, code: &'static str, message: impl Into<String>) {
        let path = self.path_with(None);
        self.violations.push(Violation {
            path,
            message: message.into(),
            code,
        });
    }

    /// A required field that was left out.
    pub fn missing(&mut self, field: &'static str) {
        self.violation(field, "required", "is required");
    }

    /// A required string must hold something other than white space.
    pub fn required_str(&mut self, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.violation(field, "required", "is required and must not be blank");
        }
    }

    /// A required field modelled as `Option` must be present.
    pub fn required<T>(&mut self, field: &'static str, value: &Option<T>) {
        if value.is_none() {
            self.missing(field);
        }
    }

    /// String length (in characters) within `min..=max`.
    pub fn length(&mut self, field: &'static str, value: &str, min: usize, max: usize) {
        let n = value.chars().count();
        if n < min || n > max {
            let message = if min == max {
                format!("must be exactly {min} characters long (got {n})")
            } else if min == 0 {
                format!("must be at most {max} characters long (got {n})")
            } else {
                format!("must be between {min} and {max} characters long (got {n})")
            };
            self.violation(field, "length", message);
        }
    }

    /// An amount in minor units that must be above zero.
    pub fn positive_amount(&mut self, field: &'static str, amount: i64) {
        if amount <= 0 {
            self.violation(
                field,
                "range",
                format!("must be a positive amount in the currency's minor unit (got {amount})"),
            );
        }
    }

    /// An amount in minor units that must not be negative.
    pub fn non_negative(&mut self, field: &'static str, amount: i64) {
        if amount < 0 {
            self.violation(
                field,
                "range",
                format!("must not be negative (got {amount})"),
            );
        }
    }

    /// A number (rate, percentage, quantity) that must be finite and not negative.
    pub fn non_negative_number(&mut self, field: &'static str, value: f64) {
        if !value.is_finite() || value < 0.0 {
            self.violation(
                field,
                "range",
                format!("must be a finite number of zero or more (got {value})"),
            );
        }
    }

    /// An open enum in a request must hold a value the API documents.
    pub fn known<E: OpenEnum>(&mut self, field: &'static str, value: &E) {
        if !value.is_known() {
            self.violation(field, "enum", not_one_of(E::known_values()));
        }
    }

    /// An optional open enum, when present, must hold a documented value.
    pub fn known_opt<E: OpenEnum>(&mut self, field: &'static str, value: &Option<E>) {
        if let Some(value) = value {
            self.known(field, value);
        }
    }

    /// An open enum at the current path (e.g. an array element) must be documented.
    pub fn known_here<E: OpenEnum>(&mut self, value: &E) {
        if !value.is_known() {
            self.violation_here("enum", not_one_of(E::known_values()));
        }
    }

    /// A polymorphic object whose discriminator this SDK does not know.
    pub fn unknown_variant(&mut self, tag_field: &'static str, known: &[&str]) {
        self.violation(tag_field, "enum", not_one_of(known));
    }

    /// A card number: 12–19 digits passing the Luhn check.
    pub fn card_number(&mut self, field: &'static str, number: &str) {
        if !number.bytes().all(|b| b.is_ascii_digit()) || !(12..=19).contains(&number.len()) {
            self.violation(
                field,
                "format",
                "must be 12 to 19 digits with no spaces or dashes",
            );
        } else if !luhn_valid(number) {
            self.violation(
                field,
                "luhn",
                "is not a valid card number (check digit fails)",
            );
        }
    }

    /// A card expiry date in `MMYY` form with a month from 01 to 12.
    pub fn expiry_mmyy(&mut self, field: &'static str, value: &str) {
        if !is_mmyy(value) {
            self.violation(
                field,
                "expiry",
                "must be the card's expiry date as MMYY, e.g. 1230",
            );
        }
    }

    /// A calendar date `YYYY-MM-DD`.
    pub fn date_iso(&mut self, field: &'static str, value: &str) {
        if !is_iso_date(value) {
            self.violation(field, "format", "must be a date as YYYY-MM-DD");
        }
    }

    /// A PayTrace date `MM/DD/YYYY`.
    pub fn date_us(&mut self, field: &'static str, value: &str) {
        let ok = value.len() == 10
            && value.as_bytes()[2] == b'/'
            && value.as_bytes()[5] == b'/'
            && is_date(&value[6..10], &value[0..2], &value[3..5]);
        if !ok {
            self.violation(field, "format", "must be a date as MM/DD/YYYY");
        }
    }

    /// A date-time in RFC 3339 form (`2024-07-02T15:30:00Z`, offsets and fractions allowed).
    pub fn date_time(&mut self, field: &'static str, value: &str) {
        if !is_rfc3339(value) {
            self.violation(
                field,
                "format",
                "must be an RFC 3339 date-time, e.g. 2024-07-02T15:30:00Z",
            );
        }
    }
}

/// The Luhn (mod 10) check used by card numbers and Payroc secure tokens.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    luhn_sum(digits.bytes().rev().map(|b| u32::from(b - b'0')), false) % 10 == 0
}

/// The digit that makes `payload` followed by it pass the Luhn check.
pub fn luhn_check_digit(payload: &str) -> Option<u8> {
    if !payload.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum = luhn_sum(payload.bytes().rev().map(|b| u32::from(b - b'0')), true);
    u8::try_from((10 - sum % 10) % 10).ok()
}

fn luhn_sum(rev_digits: impl Iterator<Item = u32>, double_first: bool) -> u32 {
    rev_digits
        .enumerate()
        .map(|(i, d)| {
            if (i % 2 == 0) == double_first {
                let dd = d * 2;
                if dd > 9 {
                    dd - 9
                } else {
                    dd
                }
            } else {
                d
            }
        })
        .sum()
}

/// `MMYY` with a month from 01 to 12.
pub fn is_mmyy(value: &str) -> bool {
    value.len() == 4
        && value.bytes().all(|b| b.is_ascii_digit())
        && matches!(value[..2].parse::<u8>(), Ok(1..=12))
}

fn is_date(year: &str, month: &str, day: &str) -> bool {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    // There was no year 0 in the calendar the APIs use.
    if y == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn is_iso_date(value: &str) -> bool {
    value.len() == 10
        && value.as_bytes()[4] == b'-'
        && value.as_bytes()[7] == b'-'
        && is_date(&value[0..4], &value[5..7], &value[8..10])
}

/// An RFC 3339 date-time: date, `T`, `hh:mm:ss`, optional fraction, `Z` or `±hh:mm`.
pub fn is_rfc3339(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() < 20 || !is_iso_date(&value[..10]) || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let two = |s: &[u8], max: u8| {
        s.len() == 2
            && s.iter().all(u8::is_ascii_digit)
            && (s[0] - b'0') * 10 + (s[1] - b'0') <= max
    };
    if !(two(&b[11..13], 23)
        && b[13] == b':'
        && two(&b[14..16], 59)
        && b[16] == b':'
        && two(&b[17..19], 60))
    {
        return false;
    }
    let mut rest = &b[19..];
    if let Some((b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h @ .., b':', m1, m2] if h.len() == 2 => two(h, 23) && two(&[*m1, *m2], 59),
        _ => false,
    }
}

/// A UUID in canonical form whose version is 4, as `Idempotency-Key` must be.
pub fn is_uuid_v4(value: &str) -> bool {
    value.len() == 36 && uuid::Uuid::try_parse(value).is_ok_and(|u| u.get_version_num() == 4)
}

/// The message for a value outside an enum. The value itself is not quoted: a card
/// number typed into the wrong field must not come back in an error.
fn not_one_of(known: &[&str]) -> String {
    format!(
        "is not a valid value; expected one of: {}",
        known.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_real_numbers_and_rejects_typos() {
        assert!(luhn_valid("4539858876047062"));
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("5555555555554444"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4111-1111"));
        assert_eq!(luhn_check_digit("29675312345"), Some(8));
        assert!(luhn_valid("296753123458"));
        for payload in ["1", "79927398713", "411111111111111", "29675300000"] {
            let d = luhn_check_digit(payload).unwrap();
            assert!(luhn_valid(&format!("{payload}{d}")), "{payload}{d}");
        }
    }

    #[test]
    fn dates_and_expiry() {
        assert!(is_mmyy("1230") && is_mmyy("0134"));
        assert!(!is_mmyy("1330") && !is_mmyy("0030") && !is_mmyy("123") && !is_mmyy("12/3"));
        assert!(is_iso_date("2024-02-29") && !is_iso_date("2023-02-29"));
        assert!(!is_iso_date("0000-01-15") && is_iso_date("0001-01-15"));
        assert!(
            !is_iso_date("2024-13-01") && !is_iso_date("24-01-01") && !is_iso_date("2024/01/01")
        );
        for ok in [
            "2024-07-02T15:30:00Z",
            "2023-05-24T14:44:20.63+01:00",
            "2024-07-02T15:30:00-05:00",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "2024-07-02",
            "2024-07-02T25:00:00Z",
            "2024-07-02T15:30:00",
            "2024-07-02T15:30:00.Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn uuid_v4_only() {
        assert!(is_uuid_v4("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assert!(
            !is_uuid_v4("8e03978e-40d5-13e8-bc93-6894a57f9324"),
            "version 1"
        );
        assert!(
            !is_uuid_v4("8e03978e40d543e8bc936894a57f9324"),
            "not hyphenated"
        );
        assert!(!is_uuid_v4("not-a-uuid"));
    }

    #[test]
    fn paths_are_json_paths() {
        struct Item(i64);
        impl Validate for Item {
            fn validate_into(&self, v: &mut Validator) {
                v.positive_amount("unitPrice", self.0);
            }
        }
        let mut v = Validator::new();
        v.at("order", |v| {
            v.at("breakdown", |v| v.each("items", &[Item(1), Item(0)]));
            v.missing("orderId");
        });
        v.length("operator", "", 1, 24);
        let err = v.finish().unwrap_err();
        let paths: Vec<_> = err.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "order.breakdown.items[1].unitPrice",
                "order.orderId",
                "operator"
            ]
        );
        assert!(err
            .to_string()
            .starts_with("invalid request (3 problems): "));
    }
}
