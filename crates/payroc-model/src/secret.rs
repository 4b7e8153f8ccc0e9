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
