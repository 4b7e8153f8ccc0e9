//! Idempotency keys: one UUID v4 per logical call, made before the first attempt and
//! sent unchanged on every retry, so a retried payment is never charged twice.

use crate::error::{Error, Result};
use payroc_model::validate::is_uuid_v4;
use payroc_model::ValidationError;
use std::fmt;

/// An `Idempotency-Key` value: a UUID v4.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh random key.
    pub fn new() -> Self {
        // Random bytes straight from the OS, one syscall per key: a user-space generator
        // (uuid's `fast-rng`) would be copied into forked worker processes, which could
        // then send one key for two different payments.
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// Uses a key the caller chose (for example one persisted with a pending order,
    /// so a retry after a crash reuses it). It must be a UUID v4.
    pub fn parse(key: &str) -> Result<Self> {
        if is_uuid_v4(key) {
            Ok(Self(key.to_owned()))
        } else {
            Err(Error::Validation(ValidationError::single(
                "Idempotency-Key",
                "must be a UUID v4, e.g. 8e03978e-40d5-43e8-bc93-6894a57f9324",
                "format",
            )))
        }
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdempotencyKey({})", self.0)
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_keys_are_distinct_uuid_v4() {
        let a = IdempotencyKey::new();
        let b = IdempotencyKey::new();
        assert_ne!(a, b);
        assert!(is_uuid_v4(a.as_str()));
        assert_eq!(IdempotencyKey::parse(a.as_str()).unwrap(), a);
    }

    #[test]
    fn caller_keys_must_be_uuid_v4() {
        let err = IdempotencyKey::parse("order-42").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Validation);
        assert_eq!(
            err.field_errors()[0].parameter.as_deref(),
            Some("Idempotency-Key")
        );
    }
}
