//! Money: Payroc amounts are integers in the currency's minor unit (`4999` USD is
//! $49.99); [`Currency`] knows each ISO 4217 code the API accepts and its exponent.
//! PayTrace sends decimal major units (`24.95`), held exactly by [`DecimalAmount`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

macro_rules! currencies {
    ($( $variant:ident = $code:literal / $exp:literal, )+) => {
        open_enum! {
            /// An ISO 4217 currency code, as every Payroc `currency` field carries it.
            pub enum Currency {
                $(
                    #[doc = concat!("`", $code, "` (minor-unit exponent ", stringify!($exp), ")")]
                    $variant = $code,
                )+
            }
        }

        impl Currency {
            /// How many decimal places the currency's minor unit has (USD 2, JPY 0,
            /// KWD 3); `None` for a code this SDK does not know.
            pub fn exponent(&self) -> Option<u32> {
                match self {
                    $( Self::$variant => Some($exp), )+
                    Self::Unknown(_) => None,
                }
            }
        }
    };
}

currencies! {
        Aed = "AED" / 2,
        Afn = "AFN" / 2,
        All = "ALL" / 2,
        Amd = "AMD" / 2,
        Ang = "ANG" / 2,
        Aoa = "AOA" / 2,
        Ars = "ARS" / 2,
        Aud = "AUD" / 2,
        Awg = "AWG" / 2,
        Azn = "AZN" / 2,
        Bam = "BAM" / 2,
        Bbd = "BBD" / 2,
        Bdt = "BDT" / 2,
        Bgn = "BGN" / 2,
        Bhd = "BHD" / 3,
        Bif = "BIF" / 0,
        Bmd = "BMD" / 2,
        Bnd = "BND" / 2,
        Bob = "BOB" / 2,
        Bov = "BOV" / 2,
        Brl = "BRL" / 2,
        Bsd = "BSD" / 2,
        Btn = "BTN" / 2,
        Bwp = "BWP" / 2,
        Byr = "BYR" / 0,
        Bzd = "BZD" / 2,
        Cad = "CAD" / 2,
        Cdf = "CDF" / 2,
        Che = "CHE" / 2,
        Chf = "CHF" / 2,
        Chw = "CHW" / 2,
        Clf = "CLF" / 4,
        Clp = "CLP" / 0,
        Cny = "CNY" / 2,
        Cop = "COP" / 2,
        Cou = "COU" / 2,
        Crc = "CRC" / 2,
        Cuc = "CUC" / 2,
        Cup = "CUP" / 2,
        Cve = "CVE" / 2,
        Czk = "CZK" / 2,
        Djf = "DJF" / 0,
        Dkk = "DKK" / 2,
        Dop = "DOP" / 2,
        Dzd = "DZD" / 2,
        Egp = "EGP" / 2,
        Ern = "ERN" / 2,
        Etb = "ETB" / 2,
        Eur = "EUR" / 2,
        Fjd = "FJD" / 2,
        Fkp = "FKP" / 2,
        Gbp = "GBP" / 2,
        Gel = "GEL" / 2,
        Ghs = "GHS" / 2,
        Gip = "GIP" / 2,
        Gmd = "GMD" / 2,
        Gnf = "GNF" / 0,
        Gtq = "GTQ" / 2,
        Gyd = "GYD" / 2,
        Hkd = "HKD" / 2,
        Hnl = "HNL" / 2,
        Hrk = "HRK" / 2,
        Htg = "HTG" / 2,
        Huf = "HUF" / 2,
        Idr = "IDR" / 2,
        Ils = "ILS" / 2,
        Inr = "INR" / 2,
        Iqd = "IQD" / 3,
        Irr = "IRR" / 2,
        Isk = "ISK" / 0,
        Jmd = "JMD" / 2,
        Jod = "JOD" / 3,
        Jpy = "JPY" / 0,
        Kes = "KES" / 2,
        Kgs = "KGS" / 2,
        Khr = "KHR" / 2,
        Kmf = "KMF" / 0,
        Kpw = "KPW" / 2,
        Krw = "KRW" / 0,
        Kwd = "KWD" / 3,
        Kyd = "KYD" / 2,
        Kzt = "KZT" / 2,
        Lak = "LAK" / 2,
        Lbp = "LBP" / 2,
        Lkr = "LKR" / 2,
        Lrd = "LRD" / 2,
        Lsl = "LSL" / 2,
        Ltl = "LTL" / 2,
        Lvl = "LVL" / 2,
        Lyd = "LYD" / 3,
        Mad = "MAD" / 2,
        Mdl = "MDL" / 2,
        Mga = "MGA" / 2,
        Mkd = "MKD" / 2,
        Mmk = "MMK" / 2,
        Mnt = "MNT" / 2,
        Mop = "MOP" / 2,
        Mro = "MRO" / 2,
        Mru = "MRU" / 2,
        Mur = "MUR" / 2,
        Mvr = "MVR" / 2,
        Mwk = "MWK" / 2,
        Mxn = "MXN" / 2,
        Mxv = "MXV" / 2,
        Myr = "MYR" / 2,
        Mzn = "MZN" / 2,
        Nad = "NAD" / 2,
        Ngn = "NGN" / 2,
        Nio = "NIO" / 2,
        Nok = "NOK" / 2,
        Npr = "NPR" / 2,
        Nzd = "NZD" / 2,
        Omr = "OMR" / 3,
        Pab = "PAB" / 2,
        Pen = "PEN" / 2,
        Pgk = "PGK" / 2,
        Php = "PHP" / 2,
        Pkr = "PKR" / 2,
        Pln = "PLN" / 2,
        Pyg = "PYG" / 0,
        Qar = "QAR" / 2,
        Ron = "RON" / 2,
        Rsd = "RSD" / 2,
        Rub = "RUB" / 2,
        Rwf = "RWF" / 0,
        Sar = "SAR" / 2,
        Sbd = "SBD" / 2,
        Scr = "SCR" / 2,
        Sdg = "SDG" / 2,
        Sek = "SEK" / 2,
        Sgd = "SGD" / 2,
        Shp = "SHP" / 2,
        Sll = "SLL" / 2,
        Sos = "SOS" / 2,
        Srd = "SRD" / 2,
        Ssp = "SSP" / 2,
        Std = "STD" / 2,
        Stn = "STN" / 2,
        Svc = "SVC" / 2,
        Syp = "SYP" / 2,
        Szl = "SZL" / 2,
        Thb = "THB" / 2,
        Tjs = "TJS" / 2,
        Tmt = "TMT" / 2,
        Tnd = "TND" / 3,
        Top = "TOP" / 2,
        Try = "TRY" / 2,
        Ttd = "TTD" / 2,
        Twd = "TWD" / 2,
        Tzs = "TZS" / 2,
        Uah = "UAH" / 2,
        Ugx = "UGX" / 0,
        Usd = "USD" / 2,
        Usn = "USN" / 2,
        Uss = "USS" / 2,
        Uyi = "UYI" / 0,
        Uyu = "UYU" / 2,
        Uzs = "UZS" / 2,
        Vef = "VEF" / 2,
        Ves = "VES" / 2,
        Vnd = "VND" / 0,
        Vuv = "VUV" / 0,
        Wst = "WST" / 2,
        Xaf = "XAF" / 0,
        Xcd = "XCD" / 2,
        Xof = "XOF" / 0,
        Xpf = "XPF" / 0,
        Yer = "YER" / 2,
        Zar = "ZAR" / 2,
        Zmw = "ZMW" / 2,
        Zwl = "ZWL" / 2,
}

impl Currency {
    /// Formats an amount in minor units as a decimal in major units
    /// (`4999` USD → `"49.99"`, `500` JPY → `"500"`). `None` for an unknown code.
    pub fn format_minor(&self, minor: i64) -> Option<String> {
        let exp = self.exponent()?;
        Some(DecimalAmount::from_minor(minor, exp).to_string())
    }

    /// Converts a decimal in major units to minor units (`"49.99"` USD → `4999`).
    /// Fails when the code is unknown, or the value has more decimal places than
    /// the currency allows or does not fit.
    pub fn to_minor(&self, amount: &DecimalAmount) -> Option<i64> {
        amount.to_minor(self.exponent()?)
    }
}

/// An exact decimal amount, as PayTrace writes money (`24.95`): a whole number of
/// units at a given scale, never a binary float.
///
/// On the wire it is a JSON number. It reads numbers and numeric strings; a number is
/// taken at the shortest decimal that reads back as the same double, which is the
/// decimal that was written for any amount of up to 15 significant digits.
#[derive(Clone, Copy, Debug, Eq)]
pub struct DecimalAmount {
    units: i64,
    scale: u32,
}

/// Why a text is not a decimal amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a decimal amount (expected digits with an optional sign and decimal point, e.g. 24.95)")]
pub struct ParseDecimalError(String);

/// The most significant digits a [`DecimalAmount`] carries exactly through a JSON
/// number (a double holds 15 decimal digits exactly).
pub const MAX_SIGNIFICANT_DIGITS: u32 = 15;

impl DecimalAmount {
    /// `units` × 10^-`scale`: `DecimalAmount::new(2495, 2)` is 24.95.
    pub const fn new(units: i64, scale: u32) -> Self {
        Self { units, scale }
    }

    /// An amount in minor units of a currency with the given exponent.
    pub const fn from_minor(minor: i64, exponent: u32) -> Self {
        Self::new(minor, exponent)
    }

    /// The unscaled integer (2495 for 24.95 at scale 2).
    pub const fn units(&self) -> i64 {
        self.units
    }

    /// Digits after the decimal point.
    pub const fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// The amount in minor units of a currency with `exponent` decimal places, if it
    /// has no finer digits than that and fits in an `i64`.
    pub fn to_minor(&self, exponent: u32) -> Option<i64> {
        let normal = self.normalized();
        if normal.scale > exponent {
            return None;
        }
        10i64
            .checked_pow(exponent - normal.scale)
            .and_then(|factor| normal.units.checked_mul(factor))
    }

    /// Count of significant digits (without trailing zeros after the point).
    pub fn significant_digits(&self) -> u32 {
        let normal = self.normalized();
        normal
            .units
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d + 1)
    }

    /// The same value with trailing fractional zeros removed (24.50 → 24.5).
    pub fn normalized(&self) -> Self {
        let mut out = *self;
        while out.scale > 0 && out.units % 10 == 0 {
            out.units /= 10;
            out.scale -= 1;
        }
        out
    }

    fn to_f64(self) -> f64 {
        // Exact for up to 15 significant digits: the text form is parsed by Rust's
        // correctly rounded float parser, and the serializer prints the shortest
        // decimal that reads back as the same double, i.e. this text.
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl PartialEq for DecimalAmount {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        a.units == b.units && a.scale == b.scale
    }
}

impl std::hash::Hash for DecimalAmount {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Equal values (24.5 and 24.50) must hash alike.
        let normal = self.normalized();
        normal.units.hash(state);
        normal.scale.hash(state);
    }
}

impl fmt::Display for DecimalAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.units);
        }
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let padded = if digits.len() <= scale {
            format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits)
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

impl FromStr for DecimalAmount {
    type Err = ParseDecimalError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ParseDecimalError(text.to_owned());
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let scale = u32::try_from(frac.len()).map_err(|_| err())?;
        let mut units: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            units = units
                .checked_mul(10)
                .and_then(|u| u.checked_add(i64::from(b - b'0')))
                .ok_or_else(err)?;
        }
        Ok(Self::new(if negative { -units } else { units }, scale))
    }
}

impl Serialize for DecimalAmount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let normal = self.normalized();
        if normal.scale == 0 {
            serializer.serialize_i64(normal.units)
        } else {
            serializer.serialize_f64(normal.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for DecimalAmount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = DecimalAmount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal amount such as 24.95")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DecimalAmount, E> {
                Ok(DecimalAmount::new(v, 0))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DecimalAmount, E> {
                i64::try_from(v)
                    .map(|v| DecimalAmount::new(v, 0))
                    .map_err(|_| E::custom("amount too large"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DecimalAmount, E> {
                if !v.is_finite() {
                    return Err(E::custom("amount must be finite"));
                }
                // `{}` prints the shortest decimal that reads back as `v`.
                format!("{v}").parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DecimalAmount, E> {
                v.trim().parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpenEnum;

    #[test]
    fn every_currency_code_is_found_by_halves() {
        assert!(
            crate::macros::ascending(Currency::known_values()),
            "listed in order, so `from_api` searches by halves"
        );
        for currency in Currency::KNOWN {
            assert_eq!(&Currency::from_api(currency.as_str()), currency);
        }
        for unknown in ["", "usd", "AAA", "ZZZ", "US", "USDX"] {
            assert_eq!(
                Currency::from_api(unknown),
                Currency::Unknown(unknown.to_owned())
            );
        }
    }

    #[test]
    fn ascending_means_strictly_in_byte_order() {
        use crate::macros::ascending;
        assert!(ascending(&[]) && ascending(&["A"]));
        assert!(ascending(&["A", "AB", "B"]));
        assert!(!ascending(&["B", "A"]));
        assert!(!ascending(&["A", "A"]));
        assert!(!ascending(&["AB", "A"]));
    }

    #[test]
    fn exponents_follow_iso_4217() {
        assert_eq!(Currency::Usd.exponent(), Some(2));
        assert_eq!(Currency::Jpy.exponent(), Some(0));
        assert_eq!(Currency::Kwd.exponent(), Some(3));
        assert_eq!(Currency::Clf.exponent(), Some(4));
        assert_eq!(Currency::from_api("XYZ").exponent(), None);
        assert_eq!(Currency::KNOWN.len(), 171);
    }

    #[test]
    fn minor_units_format_and_convert() {
        assert_eq!(Currency::Usd.format_minor(4999).as_deref(), Some("49.99"));
        assert_eq!(Currency::Usd.format_minor(-5).as_deref(), Some("-0.05"));
        assert_eq!(Currency::Jpy.format_minor(500).as_deref(), Some("500"));
        assert_eq!(Currency::Bhd.format_minor(1234).as_deref(), Some("1.234"));
        let d: DecimalAmount = "49.99".parse().unwrap();
        assert_eq!(Currency::Usd.to_minor(&d), Some(4999));
        assert_eq!(Currency::Jpy.to_minor(&d), None, "JPY has no decimals");
        let whole: DecimalAmount = "12.50".parse().unwrap();
        assert_eq!(Currency::Jpy.to_minor(&"12.000".parse().unwrap()), Some(12));
        assert_eq!(Currency::Usd.to_minor(&whole), Some(1250));
    }

    #[test]
    fn decimal_parses_and_prints_exactly() {
        for text in [
            "24.95",
            "0.10",
            "-3.5",
            "100",
            "0.01",
            "80.05",
            "9999999999999.99",
        ] {
            let d: DecimalAmount = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
        for bad in [
            "",
            ".",
            "1.2.3",
            "abc",
            "1e5",
            "--1",
            "99999999999999999999",
        ] {
            assert!(bad.parse::<DecimalAmount>().is_err(), "{bad}");
        }
        assert_eq!("24.950".parse::<DecimalAmount>(), "24.95".parse());
    }

    #[test]
    fn decimal_json_is_a_number_and_round_trips() {
        let d: DecimalAmount = "24.95".parse().unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "24.95");
        let back: DecimalAmount = serde_json::from_str("24.95").unwrap();
        assert_eq!(back, d);
        assert_eq!(back.units(), 2495);
        let s: DecimalAmount = serde_json::from_str("\"80.05\"").unwrap();
        assert_eq!(s.to_string(), "80.05");
        let i: DecimalAmount = serde_json::from_str("12").unwrap();
        assert_eq!(serde_json::to_string(&i).unwrap(), "12");
        // 0.1 + 0.2 is the classic float trap: parsed from text it is exact.
        let big: DecimalAmount = serde_json::from_str("1234567890123.45").unwrap();
        assert_eq!(big.to_string(), "1234567890123.45");
        assert_eq!(serde_json::to_string(&big).unwrap(), "1234567890123.45");
    }
}
