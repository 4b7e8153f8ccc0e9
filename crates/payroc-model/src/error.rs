//! The API's error envelope: RFC 7807 problem details with Payroc's `errors[]`.
//!
//! Every field is optional: error bodies are parsed tolerantly, since the live API
//! adds fields its published types lack and some statuses have no typed body at all.

use crate::common::{Link, UnknownFields};
use serde::{Deserialize, Serialize};

/// One field-level error of a 400 or 409 (`ErrorItem`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorItem {
    /// The field at fault, as a JSON path (`order.amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// Short reason, e.g. `Required field not populated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A sentence for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An error response body (`application/problem+json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemDetails {
    /// A URI naming the kind of problem.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Short summary, e.g. `Bad request`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The path the request acted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The resource the request acted on (403, 404).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Field-level errors (400, 409) or messages (500).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorItem>,
    /// The existing resource, on some 409s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl ProblemDetails {
    /// A problem with the four base fields.
    pub fn new(status: u16, title: &str, detail: impl Into<String>) -> Self {
        Self {
            kind: Some(format!(
                "https://docs.payroc.com/api/errors#{}",
                title.to_ascii_lowercase().replace(' ', "-")
            )),
            title: Some(title.to_owned()),
            status: Some(status),
            detail: Some(detail.into()),
            ..Self::default()
        }
    }

    /// A one-line summary for error messages: title, detail and each field error.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for part in [&self.title, &self.detail].into_iter().flatten() {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(part);
        }
        for item in &self.errors {
            out.push_str("; ");
            if let Some(p) = &item.parameter {
                out.push_str(p);
                out.push_str(": ");
            }
            let text = item
                .message
                .as_deref()
                .or(item.detail.as_deref())
                .unwrap_or("invalid");
            out.push_str(text);
        }
        out
    }
}
