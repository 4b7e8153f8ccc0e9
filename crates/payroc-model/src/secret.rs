//! Values that must never leak: card numbers, CVVs, track and raw data, PINs, API keys
//! and bearer tokens. Their `Debug` and `Display` never show the secret; the value is
//! reached only through an explicit `expose_secret()`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What `Debug` and `Display` print in place of a secret.
pub const REDACTED: &str = "[REDACTED]";

/// A primary account number. Shown masked as the API masks it: the first six and the
/// last four digits with `*` between (`453985******7062`).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardNumber(String);

impl CardNumber {
    /// Wraps a card number (digits as entered; validation checks them).
    pub fn new(number: impl Into<String>) -> Self {
        Self(number.into())
    }

    /// The full number, for the one place that must send it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// First six and last four with `*` between; numbers too short to mask that way
    /// show only their last four, and very short ones show nothing.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        let n = chars.len();
        if n >= 13 {
            let mut out: String = chars[..6].iter().collect();
            out.extend(std::iter::repeat_n('*', n - 10));
            out.extend(&chars[n - 4..]);
            out
        } else if n >= 8 {
            let mut out: String = std::iter::repeat_n('*', n - 4).collect();
            out.extend(&chars[n - 4..]);
            out
        } else {
            "*".repeat(n)
        }
    }

    /// The last four digits, safe to show a cardholder.
    pub fn last4(&self) -> &str {
        let n = self.0.len();
        self.0.get(n.saturating_sub(4)..).unwrap_or("")
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({})", self.masked())
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Declares a string secret that is redacted in `Debug` and `Display`.
macro_rules! secret_string {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps the secret.
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The secret itself, for the one place that must send it.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }

            /// Whether the secret is empty (safe to ask; reveals nothing else).
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), REDACTED)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(REDACTED)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::new(value)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::new(value)
            }
        }
    };
}

secret_string! {
    /// Sensitive card data other than the number: CVV, track data, raw device data,
    /// encrypted blocks, PIN blocks, EMV data.
    SensitiveData
}

secret_string! {
    /// A Payroc API key (sent as `x-api-key` to the identity service).
    ApiKey
}

secret_string! {
    /// A bearer token from the identity service (or PayTrace's token endpoint).
    BearerToken
}

secret_string! {
    /// A password, such as PayTrace's API password.
    Password
}

/// The longest text [`scrub`] returns, in bytes: an error message or a server's
/// problem text is for people, and a hostile server may send megabytes of it.
pub const MAX_TEXT_BYTES: usize = 4096;

/// Text from outside (a server's problem details, a parser's message) made safe to show:
/// every run of 13 or more digits (single spaces or dashes between them allowed) is
/// masked as a card number, the 3 or 4 digits after a security-code word (`cvv`, `cvc`,
/// `cvn`, `security code`) are starred, a `Bearer` credential is redacted, and the
/// result is cut at [`MAX_TEXT_BYTES`].
pub fn scrub(text: &str) -> String {
    truncate(redact(text), MAX_TEXT_BYTES)
}

/// [`scrub`] without the cap, for a body kept whole (its own cap applies).
pub fn redact(text: &str) -> String {
    redact_bearer(&mask_security_codes(&mask_card_numbers(text)))
}

/// `text` cut at a character boundary at most `max` bytes in, marked with `…`.
pub fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max.saturating_sub('…'.len_utf8());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// Every run of 13 or more digits (single spaces or dashes between them allowed)
/// masked as a card number: first six, `*`, last four.
pub fn mask_card_numbers(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push_str(&text[start..i]);
            continue;
        }
        // A run: digits, with single separators between them.
        let start = i;
        let mut end = i;
        let mut digits = String::new();
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                digits.push(bytes[i] as char);
                i += 1;
                end = i;
            } else if matches!(bytes[i], b' ' | b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 1;
            } else {
                break;
            }
        }
        if digits.len() >= 13 {
            out.push_str(&CardNumber::new(digits).masked());
        } else {
            out.push_str(&text[start..end]);
        }
        i = end;
    }
    out
}

fn mask_security_codes(text: &str) -> String {
    const WORDS: [&str; 5] = ["cvv", "cvc", "cvn", "security code", "securitycode"];
    let lower = text.to_ascii_lowercase();
    let mut out = text.as_bytes().to_vec();
    for word in WORDS {
        let mut from = 0;
        while let Some(found) = lower[from..].find(word) {
            let mut after = from + found + word.len();
            // `CVV2`, `CVC2`: the 2 names the code, it is not part of it.
            let b = lower.as_bytes();
            if b.get(after) == Some(&b'2') && !b.get(after + 1).is_some_and(u8::is_ascii_digit) {
                after += 1;
            }
            // The code follows within a few characters (`cvv 737`, `CVV2: "737"`).
            let window = &lower.as_bytes()[after..lower.len().min(after + 12)];
            if let Some(first) = window.iter().position(u8::is_ascii_digit) {
                let start = after + first;
                let len = lower.as_bytes()[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if (3..=4).contains(&len) {
                    out[start..start + len].fill(b'*');
                }
            }
            from = after;
        }
    }
    // Only ASCII digits were replaced by ASCII: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// The fields the model holds as secrets ([`CardNumber`], [`SensitiveData`],
/// [`BearerToken`], [`Password`], [`ApiKey`]; a webhook's `secret`), by their JSON name folded as
/// [`is_secret_field`] folds it. `emvTags` is whole: each tag's `value` is sensitive,
/// and `value` alone names harmless fields elsewhere.
const SECRET_FIELDS: [&str; 20] = [
    "cardnumber",
    "cvv",
    "cvvencrypted",
    "pin",
    "pinblock",
    "rawdata",
    "iccdata",
    "encrypteddata",
    "encryptedpan",
    "trackdata",
    "emvtags",
    "accountnumber",
    "taxid",
    "accesstoken",
    "refreshtoken",
    "clientsecret",
    "password",
    "apikey",
    "secret",
    "authenticationcode",
];

/// Whether JSON field `name` holds a secret in the model, in any spelling
/// (`cardNumber`, `card_number`, `CARD-NUMBER`): for showing JSON that was not read
/// into the model's types, such as a reply kept as the server sent it.
pub fn is_secret_field(name: &str) -> bool {
    SECRET_FIELDS.contains(&folded(name).as_str())
}

/// Text `value` of JSON field `name` made safe to show: a card number masked as
/// [`CardNumber::masked`] does, another secret field's value as [`REDACTED`], any
/// other text [`redact`]ed (it may quote a card number).
pub fn redact_field(name: &str, value: &str) -> String {
    match folded(name).as_str() {
        "cardnumber" => CardNumber::new(value).masked(),
        other if SECRET_FIELDS.contains(&other) => REDACTED.to_owned(),
        _ => redact(value),
    }
}

fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn redact_bearer(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(found) = lower[from..].find("bearer ") {
        let start = from + found + "bearer ".len();
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ';'))
            .unwrap_or(text.len() - start);
        out.push_str(&text[from..start]);
        if len > 0 {
            out.push_str(REDACTED);
        }
        from = start + len;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod scrub_tests {
    use super::*;

    #[test]
    fn card_numbers_codes_and_tokens_are_masked() {
        let cases = [
            (
                "card 4111111111111111 declined",
                "card 411111******1111 declined",
            ),
            ("pan 4111 1111 1111 1111.", "pan 411111******1111."),
            ("pan 4111-1111-1111-1111", "pan 411111******1111"),
            ("cvv 737 wrong", "cvv *** wrong"),
            ("CVV2: \"1234\"", "CVV2: \"****\""),
            ("Security code 999 is bad", "Security code *** is bad"),
            (
                "Authorization: Bearer abc.def-ghi, then",
                "Authorization: Bearer [REDACTED], then",
            ),
            (
                "order 1234 of terminal 1234001 at 2026",
                "order 1234 of terminal 1234001 at 2026",
            ),
            ("amount 4999 (cvv missing)", "amount 4999 (cvv missing)"),
        ];
        for (input, want) in cases {
            assert_eq!(scrub(input), want, "{input}");
        }
    }

    #[test]
    fn secret_fields_are_redacted_by_name_in_any_spelling() {
        let cases = [
            ("cardNumber", "4111111111111111", "411111******1111"),
            ("card_number", "453985******7062", "453985******7062"),
            ("cvv", "737", REDACTED),
            ("accessToken", "tok-SECRET", REDACTED),
            ("refresh_token", "tok-SECRET", REDACTED),
            ("RAW-DATA", "A1B2C3", REDACTED),
            (
                "description",
                "paid with 4111 1111 1111 1111",
                "paid with 411111******1111",
            ),
            ("token", "296753123456", "296753123456"),
        ];
        for (name, value, want) in cases {
            assert_eq!(redact_field(name, value), want, "{name}");
        }
        assert!(is_secret_field("emvTags") && !is_secret_field("value"));
    }

    #[test]
    fn long_text_is_cut_at_a_character_boundary() {
        let text = "é".repeat(MAX_TEXT_BYTES);
        let cut = scrub(&text);
        assert!(cut.len() <= MAX_TEXT_BYTES, "{}", cut.len());
        assert!(cut.ends_with('…'));
    }
}
