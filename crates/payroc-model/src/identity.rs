//! The identity service's answer to `POST /authorize`: a bearer token for the API.
//! Unlike the rest of the API its fields are snake_case.

use crate::common::UnknownFields;
use crate::secret::BearerToken;
use serde::{Deserialize, Serialize};

/// A bearer token and its lifetime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdentityToken {
    /// The token to send as `Authorization: Bearer …`.
    pub access_token: BearerToken,
    /// `Bearer`.
    pub token_type: String,
    /// Lifetime in seconds.
    pub expires_in: i64,
    /// Space-separated scope names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl IdentityToken {
    /// Lifetime to plan with: the Go SDK's rule of 3600 s when `expires_in` is not
    /// positive.
    pub fn lifetime_secs(&self) -> u64 {
        u64::try_from(self.expires_in)
            .ok()
            .filter(|s| *s > 0)
            .unwrap_or(3600)
    }
}
