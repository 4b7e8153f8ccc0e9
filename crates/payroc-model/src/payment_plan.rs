//! Payroc-managed recurring billing: payment plans (the schedule and the amounts) and
//! the subscriptions that put a customer's secure token on a plan.
//!
//! [`PaymentPlan`] is both the create body and what the gateway returns, as in the
//! API. A subscription is created with a [`SubscriptionRequest`] and read back as a
//! [`Subscription`]; a manual subscription is charged with a
//! [`SubscriptionPaymentRequest`], which answers a [`SubscriptionPayment`].

use crate::cloud::TaxRate;
use crate::common::{CustomField, Link, UnknownFields};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::payment::{
    ConvenienceFee, RetrievedTax, SecureTokenPaymentMethod, SecureTokenSummary, Surcharge,
};
use crate::refund::PaymentSummary;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Who collects each payment of a plan or subscription (`type`).
    pub enum CollectionType {
        /// The merchant collects each payment (`subscriptions.pay`).
        Manual = "manual",
        /// The gateway collects each payment on its due date.
        Automatic = "automatic",
    }
}

open_enum! {
    /// How often a payment falls due (`frequency`; also a subscription list filter).
    pub enum BillingFrequency {
        /// Every 7 days.
        Weekly = "weekly",
        /// Every 14 days.
        Fortnightly = "fortnightly",
        /// Every month, on the start date's day (the month's last day when shorter).
        Monthly = "monthly",
        /// Every three months.
        Quarterly = "quarterly",
        /// Every year.
        Yearly = "yearly",
    }
}

open_enum! {
    /// What changing a plan does to its existing subscriptions (`onUpdate`).
    pub enum PlanOnUpdate {
        /// The changes apply to existing subscriptions too.
        Update = "update",
        /// Existing subscriptions keep what they had.
        Continue = "continue",
    }
}

open_enum! {
    /// What deleting a plan does to its existing subscriptions (`onDelete`).
    pub enum PlanOnDelete {
        /// They stop: no more payments are taken.
        Complete = "complete",
        /// They go on being charged until deactivated.
        Continue = "continue",
    }
}

open_enum! {
    /// Where a subscription stands (`currentState.status`; also a list filter).
    pub enum SubscriptionStatus {
        /// Payments are taken.
        Active = "active",
        /// Reached its end date or its number of billing cycles.
        Completed = "completed",
        /// Suspended by the gateway, e.g. after missed payments.
        Suspended = "suspended",
        /// The merchant deactivated it.
        Cancelled = "cancelled",
    }
}

/// The taxes of a plan's order (`PaymentPlanOrderBreakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlanOrderBreakdown {
    /// Amount before tax, in minor units.
    pub subtotal: i64,
    /// The taxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<RetrievedTax>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A plan's setup fee (`setupOrder`) or the cost of each payment (`recurringOrder`);
/// the API gives both the same shape.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlanOrder {
    /// Amount before surcharges, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Description of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subtotal and taxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<PaymentPlanOrderBreakdown>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaymentPlanOrder {
    /// An order of `amount` minor units.
    pub fn new(amount: i64, description: impl Into<String>) -> Self {
        Self {
            amount: Some(amount),
            description: Some(description.into()),
            ..Self::default()
        }
    }
}

impl Validate for PaymentPlanOrder {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(amount) = self.amount {
            v.non_negative("amount", amount);
        }
        if let Some(breakdown) = &self.breakdown {
            v.at("breakdown", |v| {
                v.non_negative("subtotal", breakdown.subtotal)
            });
        }
    }
}

/// A payment plan: the create body and every response about a plan (`PaymentPlan`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlan {
    /// The merchant's id of the plan (used in URLs).
    pub payment_plan_id: String,
    /// Terminal the plan belongs to (the gateway fills it in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// Name of the plan.
    pub name: String,
    /// Description of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Currency of every payment.
    pub currency: Currency,
    /// Number of payments; `0` runs until stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i64>,
    /// Who collects the payments.
    #[serde(rename = "type")]
    pub kind: CollectionType,
    /// How often a payment falls due.
    pub frequency: BillingFrequency,
    /// What a change of the plan does to existing subscriptions.
    pub on_update: PlanOnUpdate,
    /// What deleting the plan does to existing subscriptions.
    pub on_delete: PlanOnDelete,
    /// Custom fields the plan's subscriptions may carry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_field_names: Vec<String>,
    /// Fee collected when a subscription is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_order: Option<PaymentPlanOrder>,
    /// The cost of each payment; only for an `automatic` plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_order: Option<PaymentPlanOrder>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PaymentPlan {
    /// An automatic plan charging `amount` minor units of `currency` every `frequency`,
    /// with no end; changes and deletion leave existing subscriptions running.
    pub fn automatic(
        payment_plan_id: impl Into<String>,
        name: impl Into<String>,
        amount: i64,
        currency: Currency,
        frequency: BillingFrequency,
    ) -> Self {
        let name = name.into();
        Self {
            payment_plan_id: payment_plan_id.into(),
            processing_terminal_id: None,
            description: None,
            currency,
            length: Some(0),
            kind: CollectionType::Automatic,
            frequency,
            on_update: PlanOnUpdate::Continue,
            on_delete: PlanOnDelete::Continue,
            custom_field_names: Vec::new(),
            setup_order: None,
            recurring_order: Some(PaymentPlanOrder::new(amount, name.clone())),
            name,
            unknown: Default::default(),
        }
    }

    /// A manual plan in `currency` every `frequency`: the merchant collects each payment.
    pub fn manual(
        payment_plan_id: impl Into<String>,
        name: impl Into<String>,
        currency: Currency,
        frequency: BillingFrequency,
    ) -> Self {
        Self {
            kind: CollectionType::Manual,
            recurring_order: None,
            ..Self::automatic(payment_plan_id, name, 0, currency, frequency)
        }
    }
}

impl Validate for PaymentPlan {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("paymentPlanId", &self.payment_plan_id);
        v.required_str("name", &self.name);
        v.known("currency", &self.currency);
        if let Some(length) = self.length {
            v.non_negative("length", length);
        }
        v.known("type", &self.kind);
        v.known("frequency", &self.frequency);
        v.known("onUpdate", &self.on_update);
        v.known("onDelete", &self.on_delete);
        v.nested_opt("setupOrder", &self.setup_order);
        v.nested_opt("recurringOrder", &self.recurring_order);
        if self.kind == CollectionType::Manual && self.recurring_order.is_some() {
            v.violation(
                "recurringOrder",
                "conflict",
                "send recurringOrder only for an automatic plan; a manual plan's amounts \
                 are given when each payment is collected",
            );
        }
    }
}

/// The plan a subscription is on (`PaymentPlanSummary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlanSummary {
    /// The plan's id.
    pub payment_plan_id: String,
    /// The plan's name.
    pub name: String,
    /// Link to the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// How a subscription pays (`paymentMethod`): a secure token, tagged `type`.
    pub enum SubscriptionPaymentMethod tag "type" {
        /// A saved card or account.
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
    }
}

impl SubscriptionPaymentMethod {
    /// Pay with the secure token whose gateway `token` (296753…) this is.
    pub fn secure_token(token: impl Into<String>) -> Self {
        Self::SecureToken(SecureTokenPaymentMethod {
            token: token.into(),
            account_type: None,
            sec_code: None,
        })
    }
}

impl Validate for SubscriptionPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::SecureToken(method) => method.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Subtotal, fee and taxes a subscription's order asks for
/// (`SubscriptionOrderBreakdownRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionOrderBreakdownRequest {
    /// Amount before tax, in minor units.
    pub subtotal: i64,
    /// Convenience fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convenience_fee: Option<ConvenienceFee>,
    /// Taxes to apply, by name and rate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<TaxRate>,
}

impl Validate for SubscriptionOrderBreakdownRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("subtotal", self.subtotal);
        if let Some(fee) = &self.convenience_fee {
            v.at("convenienceFee", |v| v.non_negative("amount", fee.amount));
        }
        v.each("taxes", &self.taxes);
    }
}

/// A subscription's own setup fee, replacing the plan's (`SubscriptionPaymentOrderRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionSetupOrderRequest {
    /// The merchant's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Amount in minor units (surcharges are added by the gateway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Description of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subtotal, fee and taxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<SubscriptionOrderBreakdownRequest>,
}

impl Validate for SubscriptionSetupOrderRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(order_id) = &self.order_id {
            v.required_str("orderId", order_id);
        }
        if let Some(amount) = self.amount {
            v.non_negative("amount", amount);
        }
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// A subscription's own cost of each payment, replacing the plan's
/// (`SubscriptionRecurringOrderRequest`; only for an automatic subscription).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRecurringOrderRequest {
    /// Amount in minor units (surcharges are added by the gateway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Description of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subtotal, fee and taxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<SubscriptionOrderBreakdownRequest>,
}

impl Validate for SubscriptionRecurringOrderRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(amount) = self.amount {
            v.positive_amount("amount", amount);
        }
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// The body of `POST /processing-terminals/{processingTerminalId}/subscriptions`:
/// puts a customer's secure token on a payment plan (`SubscriptionRequest`). Fields
/// left out are inherited from the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRequest {
    /// The merchant's id for the subscription (used in URLs).
    pub subscription_id: String,
    /// The plan to subscribe to.
    pub payment_plan_id: String,
    /// The secure token to charge.
    pub payment_method: SubscriptionPaymentMethod,
    /// Name, replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description, replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Setup fee, replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_order: Option<SubscriptionSetupOrderRequest>,
    /// Cost of each payment, replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_order: Option<SubscriptionRecurringOrderRequest>,
    /// First day payments are taken, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day, `YYYY-MM-DD`; wins over `length` when both are sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Number of billing cycles (`0`: until stopped), replacing the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i64>,
    /// Billing cycles to skip before the first payment (a free trial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause_collection_for: Option<i64>,
    /// Values of the plan's custom fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl SubscriptionRequest {
    /// Subscribes the secure token whose gateway `token` this is to plan
    /// `payment_plan_id`, from `start_date` (`YYYY-MM-DD`).
    pub fn new(
        subscription_id: impl Into<String>,
        payment_plan_id: impl Into<String>,
        token: impl Into<String>,
        start_date: impl Into<String>,
    ) -> Self {
        Self {
            subscription_id: subscription_id.into(),
            payment_plan_id: payment_plan_id.into(),
            payment_method: SubscriptionPaymentMethod::secure_token(token),
            name: None,
            description: None,
            setup_order: None,
            recurring_order: None,
            start_date: start_date.into(),
            end_date: None,
            length: None,
            pause_collection_for: None,
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for SubscriptionRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("subscriptionId", &self.subscription_id);
        v.required_str("paymentPlanId", &self.payment_plan_id);
        v.nested("paymentMethod", &self.payment_method);
        v.nested_opt("setupOrder", &self.setup_order);
        v.nested_opt("recurringOrder", &self.recurring_order);
        if self.start_date.trim().is_empty() {
            v.required_str("startDate", &self.start_date);
        } else {
            v.date_iso("startDate", &self.start_date);
        }
        if let Some(end_date) = &self.end_date {
            v.date_iso("endDate", end_date);
            if crate::validate::is_iso_date(end_date)
                && crate::validate::is_iso_date(&self.start_date)
                && end_date.as_str() < self.start_date.as_str()
            {
                v.violation("endDate", "range", "must not be before startDate");
            }
        }
        if let Some(length) = self.length {
            v.non_negative("length", length);
        }
        if let Some(pause) = self.pause_collection_for {
            v.non_negative("pauseCollectionFor", pause);
        }
        v.each("customFields", &self.custom_fields);
    }
}

/// Subtotal, fees, surcharge and taxes of a subscription's order
/// (`SubscriptionOrderBreakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionOrderBreakdown {
    /// Amount before tax, in minor units.
    pub subtotal: i64,
    /// Convenience fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convenience_fee: Option<ConvenienceFee>,
    /// Surcharge the gateway applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge: Option<Surcharge>,
    /// Taxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<RetrievedTax>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A subscription's setup fee as returned, and the order of a manual payment
/// (`SubscriptionPaymentOrder`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPaymentOrder {
    /// The merchant's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Amount in minor units (surcharges are added by the gateway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Description of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subtotal, fees, surcharge and taxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<SubscriptionOrderBreakdown>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl SubscriptionPaymentOrder {
    /// An order `order_id` of `amount` minor units.
    pub fn new(order_id: impl Into<String>, amount: i64) -> Self {
        Self {
            order_id: Some(order_id.into()),
            amount: Some(amount),
            ..Self::default()
        }
    }
}

impl Validate for SubscriptionPaymentOrder {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(order_id) = &self.order_id {
            v.length("orderId", order_id, 1, 24);
        }
        if let Some(amount) = self.amount {
            v.positive_amount("amount", amount);
        }
        if let Some(breakdown) = &self.breakdown {
            v.at("breakdown", |v| {
                v.non_negative("subtotal", breakdown.subtotal);
                v.nested_opt("surcharge", &breakdown.surcharge);
            });
        }
    }
}

/// A subscription's cost of each payment, as returned (`SubscriptionRecurringOrder`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRecurringOrder {
    /// Amount in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Description of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subtotal, fees, surcharge and taxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<SubscriptionOrderBreakdown>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Where a subscription stands (`SubscriptionState`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionState {
    /// Active, completed, suspended or cancelled.
    pub status: SubscriptionStatus,
    /// When the next payment is collected, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due_date: Option<String>,
    /// Payments collected so far.
    pub paid_invoices: i64,
    /// Payments left, when the subscription has an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outstanding_invoices: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A subscription, as create, retrieve, list, update, deactivate and reactivate
/// return it (`Subscription`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// The merchant's id.
    pub subscription_id: String,
    /// Terminal it belongs to.
    pub processing_terminal_id: String,
    /// The plan it is on.
    pub payment_plan: PaymentPlanSummary,
    /// The secure token it charges.
    pub secure_token: SecureTokenSummary,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Currency of every payment.
    pub currency: Currency,
    /// Setup fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_order: Option<SubscriptionPaymentOrder>,
    /// Cost of each payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_order: Option<SubscriptionRecurringOrder>,
    /// Status, next due date and invoices.
    pub current_state: SubscriptionState,
    /// First day, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Number of billing cycles (`0`: until stopped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i64>,
    /// Who collects the payments.
    #[serde(rename = "type")]
    pub kind: CollectionType,
    /// How often a payment falls due.
    pub frequency: BillingFrequency,
    /// Billing cycles skipped before the first payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause_collection_for: Option<i64>,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The body of `POST …/subscriptions/{subscriptionId}/pay`: collects one payment of a
/// manual subscription (`SubscriptionPaymentRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPaymentRequest {
    /// Who collected it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// What is charged.
    pub order: SubscriptionPaymentOrder,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl SubscriptionPaymentRequest {
    /// Collects `amount` minor units as order `order_id`.
    pub fn new(order_id: impl Into<String>, amount: i64) -> Self {
        Self {
            operator: None,
            order: SubscriptionPaymentOrder::new(order_id, amount),
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for SubscriptionPaymentRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("order", &self.order);
        if self.order.amount.is_none() {
            v.violation(
                "order.amount",
                "required",
                "is required: the amount to collect, in minor units",
            );
        }
        v.each("customFields", &self.custom_fields);
    }
}

/// What `subscriptions.pay` returns: the payment and the subscription's new state
/// (`SubscriptionPayment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPayment {
    /// The subscription's id.
    pub subscription_id: String,
    /// Its terminal.
    pub processing_terminal_id: String,
    /// The payment taken (`paymentId` works with the payments endpoints).
    pub payment: PaymentSummary,
    /// The secure token charged.
    pub secure_token: SecureTokenSummary,
    /// The subscription's state after the payment.
    pub current_state: SubscriptionState,
    /// Custom field values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Filters of `GET /processing-terminals/{processingTerminalId}/subscriptions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionListQuery {
    /// Subscriptions of a customer of this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// Subscriptions paying with a card or account ending in these four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// Subscriptions on a plan of this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_plan: Option<String>,
    /// Subscriptions billed this often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<BillingFrequency>,
    /// Subscriptions in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubscriptionStatus>,
    /// Subscriptions ending on this date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Subscriptions next due on this date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due_date: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for SubscriptionListQuery {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(last4) = &self.last4 {
            if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
                v.violation("last4", "format", "must be four digits");
            }
        }
        v.known_opt("frequency", &self.frequency);
        v.known_opt("status", &self.status);
        if let Some(end_date) = &self.end_date {
            v.date_iso("endDate", end_date);
        }
        if let Some(next_due_date) = &self.next_due_date {
            v.date_iso("nextDueDate", next_due_date);
        }
        self.page.validate_into(v);
    }
}

impl ListQuery for SubscriptionListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut push = |key, value: Option<&str>| {
            if let Some(value) = value {
                pairs.push((key, value.to_owned()));
            }
        };
        push("customerName", self.customer_name.as_deref());
        push("last4", self.last4.as_deref());
        push("paymentPlan", self.payment_plan.as_deref());
        push(
            "frequency",
            self.frequency.as_ref().map(BillingFrequency::as_str),
        );
        push(
            "status",
            self.status.as_ref().map(SubscriptionStatus::as_str),
        );
        push("endDate", self.end_date.as_deref());
        push("nextDueDate", self.next_due_date.as_deref());
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(err: &crate::ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    #[test]
    fn automatic_plan_writes_exact_wire_json_and_round_trips() {
        let mut plan = PaymentPlan::automatic(
            "PlanRef8765",
            "Premium Club",
            4999,
            Currency::Usd,
            BillingFrequency::Monthly,
        );
        plan.length = Some(12);
        plan.on_delete = PlanOnDelete::Complete;
        let wire = serde_json::to_value(&plan).unwrap();
        assert_eq!(
            wire,
            json!({
                "paymentPlanId": "PlanRef8765",
                "name": "Premium Club",
                "currency": "USD",
                "length": 12,
                "type": "automatic",
                "frequency": "monthly",
                "onUpdate": "continue",
                "onDelete": "complete",
                "recurringOrder": {"amount": 4999, "description": "Premium Club"}
            })
        );
        assert_eq!(serde_json::from_value::<PaymentPlan>(wire).unwrap(), plan);
        assert_eq!(plan.validate(), Ok(()));
    }

    #[test]
    fn plan_violations_have_exact_paths() {
        let mut plan = PaymentPlan::manual(
            "",
            " ",
            Currency::from_api("EURO"),
            BillingFrequency::Weekly,
        );
        plan.length = Some(-1);
        plan.kind = CollectionType::Manual;
        plan.frequency = BillingFrequency::from_api("daily");
        plan.on_update = PlanOnUpdate::from_api("merge");
        plan.on_delete = PlanOnDelete::from_api("drop");
        plan.setup_order = Some(PaymentPlanOrder::new(-5, "setup"));
        plan.recurring_order = Some(PaymentPlanOrder::new(100, "each"));
        let err = plan.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "paymentPlanId",
                "name",
                "currency",
                "length",
                "frequency",
                "onUpdate",
                "onDelete",
                "setupOrder.amount",
                "recurringOrder",
            ]
        );
    }

    #[test]
    fn subscription_request_wire_json_and_violations() {
        let mut request =
            SubscriptionRequest::new("SubRef7654", "PlanRef8765", "296753123456", "2024-07-02");
        request.length = Some(12);
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({
                "subscriptionId": "SubRef7654",
                "paymentPlanId": "PlanRef8765",
                "paymentMethod": {"type": "secureToken", "token": "296753123456"},
                "startDate": "2024-07-02",
                "length": 12
            })
        );
        assert_eq!(request.validate(), Ok(()));

        let mut bad = SubscriptionRequest::new("", "P", "MREF_1", "2024-7-2");
        bad.end_date = Some("2024-13-01".into());
        bad.recurring_order = Some(SubscriptionRecurringOrderRequest {
            amount: Some(0),
            ..Default::default()
        });
        bad.pause_collection_for = Some(-1);
        let err = bad.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            [
                "subscriptionId",
                "paymentMethod.token",
                "recurringOrder.amount",
                "startDate",
                "endDate",
                "pauseCollectionFor",
            ]
        );
        let mut early = request.clone();
        early.end_date = Some("2024-07-01".into());
        assert_eq!(paths(&early.validate().unwrap_err()), ["endDate"]);
        let unknown: SubscriptionPaymentMethod =
            serde_json::from_value(json!({"type": "card", "x": 1})).unwrap();
        request.payment_method = unknown;
        assert_eq!(
            paths(&request.validate().unwrap_err()),
            ["paymentMethod.type"]
        );
    }

    #[test]
    fn payment_request_needs_a_positive_amount() {
        let request = SubscriptionPaymentRequest::new("OrderRef6543", 4999);
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({"order": {"orderId": "OrderRef6543", "amount": 4999}})
        );
        assert_eq!(request.validate(), Ok(()));
        let mut bad = request.clone();
        bad.order.amount = None;
        assert_eq!(paths(&bad.validate().unwrap_err()), ["order.amount"]);
        bad.order.amount = Some(0);
        bad.order.order_id = Some(String::new());
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["order.orderId", "order.amount"]
        );
    }

    #[test]
    fn subscription_list_query_pairs_and_validation() {
        let query = SubscriptionListQuery {
            customer_name: Some("Sarah".into()),
            last4: Some("7062".into()),
            payment_plan: Some("Premium Club".into()),
            frequency: Some(BillingFrequency::Monthly),
            status: Some(SubscriptionStatus::Active),
            end_date: Some("2025-07-01".into()),
            next_due_date: Some("2024-08-02".into()),
            page: PageQuery::limit(2),
        };
        assert_eq!(query.validate(), Ok(()));
        assert_eq!(
            query.query_pairs(),
            [
                ("customerName", "Sarah".to_owned()),
                ("last4", "7062".to_owned()),
                ("paymentPlan", "Premium Club".to_owned()),
                ("frequency", "monthly".to_owned()),
                ("status", "active".to_owned()),
                ("endDate", "2025-07-01".to_owned()),
                ("nextDueDate", "2024-08-02".to_owned()),
                ("limit", "2".to_owned()),
            ]
        );
        let bad = SubscriptionListQuery {
            last4: Some("12".into()),
            frequency: Some(BillingFrequency::from_api("daily")),
            status: Some(SubscriptionStatus::from_api("paused")),
            end_date: Some("soon".into()),
            ..Default::default()
        };
        assert_eq!(
            paths(&bad.validate().unwrap_err()),
            ["last4", "frequency", "status", "endDate"]
        );
    }
}
