//! Event subscriptions: which [events](crate::event) Payroc notifies an ISV of, and how
//! (a webhook URI with a shared secret). Created, read, listed, replaced (PUT), changed
//! with JSON Patch and deleted.
//!
//! The webhook's `secret` is a [`SensitiveData`]: never in `Debug`, errors or logs.
//! In replies the API shows only its end, masked.

use crate::common::UnknownFields;
use crate::event::EventType;
use crate::funding::Metadata;
use crate::page::{ListQuery, PageQuery};
use crate::secret::SensitiveData;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Whether Payroc notifies the subscriber (`status`; Payroc's to set).
    pub enum EventSubscriptionStatus {
        /// Set up: Payroc notifies the subscriber when an event occurs.
        Registered = "registered",
        /// Deactivated by Payroc: no notifications.
        Suspended = "suspended",
        /// Payroc could not reach the webhook (after its retries) and emailed the
        /// support address.
        Failed = "failed",
    }
}

/// A webhook that receives notifications (`notifications[]` of `type: webhook`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// Public endpoint Payroc posts notifications to.
    pub uri: String,
    /// Sent as the `Payroc-Secret` header of every notification, so the receiver can
    /// tell it comes from Payroc.
    pub secret: SensitiveData,
    /// Who Payroc emails when it cannot deliver.
    pub support_email_address: String,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Webhook {
    fn validate_into(&self, v: &mut Validator) {
        if self.uri.is_empty() {
            v.missing("uri");
        } else if !(self.uri.starts_with("https://") || self.uri.starts_with("http://")) {
            v.violation("uri", "format", "must be an http(s) URI");
        }
        if self.secret.is_empty() {
            v.missing("secret");
        }
        if self.support_email_address.is_empty() {
            v.missing("supportEmailAddress");
        } else if !self.support_email_address.contains('@') {
            v.violation("supportEmailAddress", "format", "must be an email address");
        }
    }
}

tagged_union! {
    /// How Payroc contacts the subscriber (`notifications[]`, discriminator `type`).
    pub enum Notification tag "type" {
        /// A webhook.
        Webhook(Webhook) = "webhook",
    }
}

impl Notification {
    /// A webhook at `uri` with this secret and support address.
    pub fn webhook(
        uri: impl Into<String>,
        secret: impl Into<String>,
        support_email_address: impl Into<String>,
    ) -> Self {
        Self::Webhook(Webhook {
            uri: uri.into(),
            secret: SensitiveData::new(secret),
            support_email_address: support_email_address.into(),
            unknown: UnknownFields::default(),
        })
    }
}

impl Validate for Notification {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Webhook(webhook) => webhook.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// An event subscription (`EventSubscription`): the body of `create` and `replace`
/// and what the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSubscription {
    /// Payroc's id of the subscription (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Whether Payroc notifies the subscriber when an event occurs.
    pub enabled: bool,
    /// Payroc's view of the subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EventSubscriptionStatus>,
    /// The events subscribed to.
    pub event_types: Vec<EventType>,
    /// How Payroc notifies the subscriber.
    pub notifications: Vec<Notification>,
    /// Custom data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl EventSubscription {
    /// An enabled subscription to `event_types`, delivered to one webhook.
    pub fn webhook(event_types: Vec<EventType>, webhook: Notification) -> Self {
        Self {
            id: None,
            enabled: true,
            status: None,
            event_types,
            notifications: vec![webhook],
            metadata: None,
            unknown: UnknownFields::default(),
        }
    }

    /// Whether it subscribes to `event_type`.
    pub fn wants(&self, event_type: &EventType) -> bool {
        self.event_types.contains(event_type)
    }
}

impl Validate for EventSubscription {
    fn validate_into(&self, v: &mut Validator) {
        if self.event_types.is_empty() {
            v.violation("eventTypes", "required", "needs at least one event type");
        }
        // A type this SDK does not know yet may be one Payroc added since: the API
        // judges it, so a new event can be subscribed to without a new SDK.
        for (i, event_type) in self.event_types.iter().enumerate() {
            if event_type.as_str().is_empty() {
                v.at("eventTypes", |v| {
                    v.index(i, |v| v.violation_here("required", "must not be empty"))
                });
            }
        }
        if self.notifications.is_empty() {
            v.violation("notifications", "required", "needs one notification method");
        }
        v.each("notifications", &self.notifications);
        v.known_opt("status", &self.status);
        crate::funding::metadata(v, &self.metadata);
    }
}

/// Filters of `GET /event-subscriptions`: a status, an event type, a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSubscriptionListQuery {
    /// Only subscriptions in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EventSubscriptionStatus>,
    /// Only subscriptions to this event type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventType>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for EventSubscriptionListQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("status", &self.status);
        self.page.validate_into(v);
    }
}

impl ListQuery for EventSubscriptionListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(status) = &self.status {
            pairs.push(("status", status.as_str().to_owned()));
        }
        if let Some(event) = &self.event {
            pairs.push(("event", event.as_str().to_owned()));
        }
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_request;

    #[test]
    fn every_violation_is_named() {
        let body = br#"{"enabled":true,"eventTypes":[],"notifications":[{"type":"webhook","uri":"ftp://x","secret":"","supportEmailAddress":"nobody"}]}"#;
        let err = parse_request::<EventSubscription>(body).unwrap_err();
        let text = format!("{err:?}");
        for path in [
            "eventTypes",
            "notifications[0].uri",
            "notifications[0].secret",
            "notifications[0].supportEmailAddress",
        ] {
            assert!(text.contains(path), "{path} in {text}");
        }
    }

    #[test]
    fn the_secret_stays_out_of_debug() {
        let sub = EventSubscription::webhook(
            vec![EventType::ProcessingAccountStatusChanged],
            Notification::webhook(
                "https://example.com/hook",
                "s3cr3t-value-42",
                "ops@example.com",
            ),
        );
        assert!(!format!("{sub:?}").contains("s3cr3t"));
        assert!(sub.validate().is_ok());
    }
}
