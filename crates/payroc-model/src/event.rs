//! Event notifications: what Payroc posts to a subscriber's webhook when something it
//! subscribed to happens (a processing account's status changes, a terminal order
//! ships…).
//!
//! A notification is a CloudEvents 1.0 envelope ([`Event`]) in structured JSON mode:
//! `specversion`, `id`, `source`, `type`, `time`, and the event's `data`. Its type is an
//! open [`EventType`]: a type this SDK does not know yet parses as
//! `EventType::Unknown` and its `data` is kept whole, so a new event never breaks a
//! receiver. [`Event::payload`] reads `data` as the type's typed payload.
//!
//! Payroc sends each notification with a `Payroc-Secret` header holding the
//! subscription's secret, retries a failed delivery up to five times, and then marks
//! the subscription `failed`. A delivery may arrive more than once: the event's `id`
//! stays the same across retries, so receivers drop the ids they have seen.

use crate::common::UnknownFields;
use serde::{Deserialize, Serialize};

/// The CloudEvents version Payroc's notifications follow.
pub const SPEC_VERSION: &str = "1.0";

/// The header that carries the subscription's secret with every notification.
pub const SECRET_HEADER: &str = "Payroc-Secret";

open_enum! {
    /// What happened (`type` of the envelope; also what a subscription's `eventTypes`
    /// list).
    pub enum EventType {
        /// A processing account moved to another boarding status (`entered`,
        /// `pending`, `approved`…).
        ProcessingAccountStatusChanged = "processingAccount.status.changed",
        /// A processing account's risk status changed.
        ProcessingAccountRiskStatusChanged = "processingAccount.riskStatus.changed",
        /// A terminal order moved to another status (`open`, `shipped`…).
        TerminalOrderStatusChanged = "terminalOrder.status.changed",
    }
}

/// One notification, as Payroc posts it (a CloudEvents 1.0 envelope).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub struct Event {
    /// CloudEvents version (`1.0`).
    pub specversion: String,
    /// The event's id: the same on every delivery of this event, so a receiver can
    /// drop duplicates.
    pub id: String,
    /// Who produced it (a URI reference naming Payroc's service).
    pub source: String,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The resource it is about (its id), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// When it happened (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Media type of `data` (`application/json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacontenttype: Option<String>,
    /// The event's data, as sent; [`Event::payload`] reads it by type.
    #[serde(default)]
    pub data: serde_json::Value,
    /// Extension attributes and fields this SDK does not know yet, kept unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Event {
    /// An event of `event_type` about `subject`, for emitters and tests.
    pub fn new(
        id: impl Into<String>,
        source: impl Into<String>,
        event_type: EventType,
        subject: impl Into<String>,
        time: impl Into<String>,
        data: serde_json::Value,
    ) -> Self {
        Self {
            specversion: SPEC_VERSION.to_owned(),
            id: id.into(),
            source: source.into(),
            event_type,
            subject: Some(subject.into()),
            time: Some(time.into()),
            datacontenttype: Some("application/json".to_owned()),
            data,
            unknown: UnknownFields::default(),
        }
    }

    /// The event's data as the typed payload of its type; an unknown type, or data
    /// that does not have its type's shape, comes back whole as
    /// [`EventPayload::Other`].
    pub fn payload(&self) -> EventPayload {
        let data = self.data.clone();
        let typed = match self.event_type {
            EventType::ProcessingAccountStatusChanged => {
                serde_json::from_value(data.clone()).map(EventPayload::ProcessingAccountStatus)
            }
            EventType::ProcessingAccountRiskStatusChanged => {
                serde_json::from_value(data.clone()).map(EventPayload::ProcessingAccountRiskStatus)
            }
            EventType::TerminalOrderStatusChanged => {
                serde_json::from_value(data.clone()).map(EventPayload::TerminalOrderStatus)
            }
            EventType::Unknown(_) => return EventPayload::Other(data),
        };
        typed.unwrap_or(EventPayload::Other(data))
    }
}

/// An event's data, by event type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventPayload {
    /// `processingAccount.status.changed`.
    ProcessingAccountStatus(StatusChange),
    /// `processingAccount.riskStatus.changed`.
    ProcessingAccountRiskStatus(StatusChange),
    /// `terminalOrder.status.changed`.
    TerminalOrderStatus(StatusChange),
    /// A type this SDK does not know (or data not in its type's shape), kept whole.
    Other(serde_json::Value),
}

/// A resource that moved from one status to another: the data of the
/// `…status.changed` events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// The processing account it concerns (for a terminal order: the account that
    /// ordered it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<String>,
    /// The terminal order, for `terminalOrder.status.changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal_order_id: Option<String>,
    /// The status now.
    pub status: String,
    /// The status before, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<String>,
    /// Fields this SDK does not know yet, kept unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_known_type_reads_its_payload() {
        let event: Event = serde_json::from_value(json!({
            "specversion": "1.0", "id": "evt-1", "source": "/payroc", "time": "2026-01-01T00:00:00Z",
            "type": "processingAccount.status.changed",
            "data": {"processingAccountId": "38765", "status": "approved", "previousStatus": "pending"}
        }))
        .unwrap();
        assert_eq!(event.event_type, EventType::ProcessingAccountStatusChanged);
        let EventPayload::ProcessingAccountStatus(change) = event.payload() else {
            panic!("typed payload expected");
        };
        assert_eq!(change.status, "approved");
        assert_eq!(change.previous_status.as_deref(), Some("pending"));
    }

    #[test]
    fn an_unknown_type_is_kept_whole() {
        let body = json!({
            "specversion": "1.0", "id": "evt-2", "source": "/payroc",
            "type": "merchant.somethingNew.happened", "ext": "x",
            "data": {"anything": [1, 2]}
        });
        let event: Event = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(event.event_type.as_str(), "merchant.somethingNew.happened");
        assert_eq!(
            event.payload(),
            EventPayload::Other(json!({"anything": [1, 2]}))
        );
        assert_eq!(serde_json::to_value(&event).unwrap(), body);
    }
}
