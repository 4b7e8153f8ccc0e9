//! Refunds (§4.11 of the API reference): unreferenced refunds (`POST /refunds`),
//! the `RetrievedRefund` response, refund adjust, and the refund list.
//!
//! A refund of a known payment is a referenced refund: see
//! [`PaymentRefundRequest`](crate::payment::PaymentRefundRequest). Statuses, the
//! transaction result, the card and the payment-method variants are shared with
//! [`payment`](crate::payment).

use crate::common::{
    Channel, CustomField, Customer, IpAddress, Link, RetrievedCustomer, UnknownFields,
};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::payment::{
    check_adjustments, check_list_filters, check_order_id, date_time_opt, push_each, push_opt,
    CardPaymentMethod, CustomerAdjustment, DccOffer, RefundStatus, ResponseCode, RetrievedCard,
    SecureTokenPaymentMethod, SettlementState, StatusAdjustment, SupportedOperation, Tender,
    TransactionResult, TransactionStatus,
};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

/// The order of an unreferenced refund (`RefundOrder`, request and response).
///
/// The SDK marks every field optional; the API's docs require `orderId` (1–24
/// characters), `amount` and `currency`, and the gateway always returns them, so they
/// are required here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundOrder {
    /// The merchant's unique id for the refund, 1–24 characters.
    pub order_id: String,
    /// When it was processed, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Reason for the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Amount to return, in minor units (positive).
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// Dynamic currency conversion offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_offer: Option<DccOffer>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl RefundOrder {
    /// A refund order with its three required fields.
    pub fn new(order_id: impl Into<String>, amount: i64, currency: Currency) -> Self {
        Self {
            order_id: order_id.into(),
            date_time: None,
            description: None,
            amount,
            currency,
            dcc_offer: None,
            unknown: Default::default(),
        }
    }
}

impl Validate for RefundOrder {
    fn validate_into(&self, v: &mut Validator) {
        check_order_id(v, &self.order_id);
        date_time_opt(v, "dateTime", &self.date_time);
        v.positive_amount("amount", self.amount);
        v.known("currency", &self.currency);
        v.nested_opt("dccOffer", &self.dcc_offer);
    }
}

tagged_union! {
    /// Where the money goes (`refundMethod`, discriminator `type`).
    // Card details dwarf a token, but a body is built once per call: boxing would
    // only make it clumsier to write.
    #[allow(clippy::large_enum_variant)]
    pub enum RefundMethod tag "type" {
        /// Card details.
        Card(CardPaymentMethod) = "card",
        /// A saved card or account.
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
    }
}

impl Validate for RefundMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(method) => method.validate_into(v),
            Self::SecureToken(method) => method.validate_into(v),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// Body of `POST /refunds`: an unreferenced refund, with no linked payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundRequest {
    /// `pos` or `moto` (unreferenced refunds don't take `web`).
    pub channel: Channel,
    /// Terminal id assigned by Payroc.
    pub processing_terminal_id: String,
    /// The order.
    pub order: RefundOrder,
    /// Where the money goes.
    pub refund_method: RefundMethod,
    /// Who ran the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// The client machine's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<IpAddress>,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl RefundRequest {
    /// An unreferenced refund with its four required fields.
    pub fn new(
        channel: Channel,
        processing_terminal_id: impl Into<String>,
        order: RefundOrder,
        refund_method: RefundMethod,
    ) -> Self {
        Self {
            channel,
            processing_terminal_id: processing_terminal_id.into(),
            order,
            refund_method,
            operator: None,
            customer: None,
            ip_address: None,
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for RefundRequest {
    fn validate_into(&self, v: &mut Validator) {
        if self.channel == Channel::Web {
            v.violation(
                "channel",
                "enum",
                "unreferenced refunds accept only `pos` or `moto`, not `web`",
            );
        } else {
            v.known("channel", &self.channel);
        }
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested("refundMethod", &self.refund_method);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("ipAddress", &self.ip_address);
        v.each("customFields", &self.custom_fields);
    }
}

/// The payment a referenced refund returned money from (`PaymentSummary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentSummary {
    /// Payment id.
    pub payment_id: String,
    /// When the payment was processed.
    pub date_time: String,
    /// Currency.
    pub currency: Currency,
    /// Amount in minor units.
    pub amount: i64,
    /// The payment's lifecycle state.
    pub status: RefundStatus,
    /// Whether the payment was approved.
    pub response_code: ResponseCode,
    /// Processor text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message: Option<String>,
    /// Link to the payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A refund, as create, retrieve, list, adjust and reverse return it (`RetrievedRefund`).
///
/// `order.amount` is positive while `transactionResult.authorizedAmount` is negative:
/// money goes to the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedRefund {
    /// Refund id.
    pub refund_id: String,
    /// Terminal id.
    pub processing_terminal_id: String,
    /// Who ran the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The order.
    pub order: RefundOrder,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RetrievedCustomer>,
    /// The card.
    pub card: RetrievedCard,
    /// The refunded payment, for a referenced refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentSummary>,
    /// What can be done next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_operations: Vec<SupportedOperation>,
    /// The outcome (`type: refund`).
    pub transaction_result: TransactionResult,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl RetrievedRefund {
    /// Approved in full or in part, read from `transactionResult.responseCode`.
    pub fn is_approved(&self) -> bool {
        self.transaction_result.is_approved()
    }

    /// Declined (`D`, `R` or `C`).
    pub fn is_declined(&self) -> bool {
        self.transaction_result.is_declined()
    }
}

tagged_union! {
    /// One change to a refund in an open batch (`adjustments[]`, discriminator `type`).
    pub enum RefundAdjustment tag "type" {
        /// New status.
        Status(StatusAdjustment) = "status",
        /// New customer details.
        Customer(CustomerAdjustment) = "customer",
    }
}

impl Validate for RefundAdjustment {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Status(status) => status.validate_into(v),
            Self::Customer(customer) => customer.validate_into(v),
            Self::Unknown(_) => {
                v.unknown_variant("type", Self::KNOWN_TAGS);
            }
        }
    }
}

/// Body of `POST /refunds/{refundId}/adjust`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundAdjustRequest {
    /// The changes, at least one.
    pub adjustments: Vec<RefundAdjustment>,
    /// Who adjusted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
}

impl Validate for RefundAdjustRequest {
    fn validate_into(&self, v: &mut Validator) {
        check_adjustments(v, &self.adjustments);
    }
}

/// Query of `GET /refunds`. Every filter is optional; `status` takes several values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundListQuery {
    /// Terminal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// The merchant's order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Cardholder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// First six digits of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first6: Option<String>,
    /// Last four digits of the card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// EBT or credit/debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tender: Option<Tender>,
    /// Statuses (the same ten values as payments).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<TransactionStatus>,
    /// Processed after this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// Processed before this RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<String>,
    /// Settled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_state: Option<SettlementState>,
    /// Settlement date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_date: Option<String>,
    /// Cursor and page size.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for RefundListQuery {
    fn validate_into(&self, v: &mut Validator) {
        check_list_filters(
            v,
            &self.first6,
            &self.last4,
            &self.date_from,
            &self.date_to,
            &self.settlement_date,
        );
        v.known_opt("tender", &self.tender);
        for status in &self.status {
            v.known("status", status);
        }
        v.known_opt("settlementState", &self.settlement_state);
        self.page.validate_into(v);
    }
}

impl ListQuery for RefundListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        push_opt(
            &mut pairs,
            "processingTerminalId",
            &self.processing_terminal_id,
        );
        push_opt(&mut pairs, "orderId", &self.order_id);
        push_opt(&mut pairs, "operator", &self.operator);
        push_opt(&mut pairs, "cardholderName", &self.cardholder_name);
        push_opt(&mut pairs, "first6", &self.first6);
        push_opt(&mut pairs, "last4", &self.last4);
        if let Some(tender) = &self.tender {
            pairs.push(("tender", tender.as_str().to_owned()));
        }
        push_each(&mut pairs, "status", &self.status);
        push_opt(&mut pairs, "dateFrom", &self.date_from);
        push_opt(&mut pairs, "dateTo", &self.date_to);
        if let Some(state) = &self.settlement_state {
            pairs.push(("settlementState", state.as_str().to_owned()));
        }
        push_opt(&mut pairs, "settlementDate", &self.settlement_date);
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::CardDetails;
    use crate::common::ContactMethod;
    use crate::payment::{AdjustmentStatus, CardEntryMethod};
    use crate::ValidationError;
    use serde_json::json;

    fn request() -> RefundRequest {
        let mut order = RefundOrder::new("RFD-0001", 4999, Currency::Usd);
        order.description = Some("Damaged item".into());
        RefundRequest::new(
            Channel::Pos,
            "1234001",
            order,
            RefundMethod::SecureToken(SecureTokenPaymentMethod {
                token: "296753123458".into(),
                account_type: None,
                sec_code: None,
            }),
        )
    }

    #[track_caller]
    fn assert_paths(value: &impl Validate, expected: &[&str]) {
        let err: ValidationError = value.validate().expect_err("expected a violation");
        let paths: Vec<&str> = err.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, expected, "{err}");
    }

    #[test]
    fn request_round_trips_with_wire_names() {
        let mut req = request();
        req.refund_method = RefundMethod::Card(CardPaymentMethod {
            card_details: CardDetails::keyed("4539858876047062", "1230", None),
            account_type: None,
        });
        req.validate().unwrap();
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(json["channel"], "pos");
        assert_eq!(json["processingTerminalId"], "1234001");
        assert_eq!(
            json["order"],
            json!({"orderId": "RFD-0001", "description": "Damaged item", "amount": 4999, "currency": "USD"})
        );
        assert_eq!(json["refundMethod"]["type"], "card");
        assert_eq!(
            json["refundMethod"]["cardDetails"]["keyedData"]["dataFormat"],
            "plainText"
        );
        assert_eq!(serde_json::from_value::<RefundRequest>(json).unwrap(), req);
    }

    #[test]
    fn documented_request_shape_parses() {
        let req: RefundRequest = serde_json::from_value(json!({
            "channel": "moto",
            "processingTerminalId": "1234001",
            "order": {"orderId": "RFD-0002", "amount": 100, "currency": "CAD"},
            "refundMethod": {"type": "secureToken", "token": "296753123458", "secCode": "tel"},
            "customFields": [{"name": "reason", "value": "goodwill"}]
        }))
        .unwrap();
        req.validate().unwrap();
        assert_eq!(req.order.currency, Currency::Cad);
        assert_eq!(req.custom_fields[0].value, "goodwill");
    }

    #[test]
    fn channel_must_be_pos_or_moto() {
        let mut req = request();
        req.channel = Channel::Web;
        assert_paths(&req, &["channel"]);
        req.channel = Channel::from_api("kiosk");
        assert_paths(&req, &["channel"]);
        req.channel = Channel::Moto;
        assert!(req.validate().is_ok());
    }

    #[test]
    fn required_fields_and_order_rules() {
        let mut req = request();
        req.processing_terminal_id = "".into();
        req.order.order_id = "x".repeat(25);
        req.order.amount = 0;
        req.order.currency = Currency::from_api("ABC");
        req.order.date_time = Some("2024-07-02".into());
        assert_paths(
            &req,
            &[
                "processingTerminalId",
                "order.orderId",
                "order.dateTime",
                "order.amount",
                "order.currency",
            ],
        );
        req = request();
        req.order.order_id = " ".into();
        assert_paths(&req, &["order.orderId"]);
    }

    #[test]
    fn refund_method_rules() {
        let mut req = request();
        req.refund_method = RefundMethod::SecureToken(SecureTokenPaymentMethod {
            token: "MREF_abc".into(),
            account_type: None,
            sec_code: None,
        });
        assert_paths(&req, &["refundMethod.token"]);
        req.refund_method = RefundMethod::Card(CardPaymentMethod {
            card_details: CardDetails::keyed("4111111111111112", "1230", None),
            account_type: None,
        });
        assert_paths(&req, &["refundMethod.cardDetails.keyedData.cardNumber"]);
        req.refund_method = serde_json::from_value(json!({"type": "digitalWallet"})).unwrap();
        assert_paths(&req, &["refundMethod.type"]);
    }

    #[test]
    fn shared_objects_are_validated() {
        let mut req = request();
        req.customer = Some(Customer {
            date_of_birth: Some("15/07/1990".into()),
            ..Customer::default()
        });
        req.ip_address = Some(IpAddress {
            kind: crate::common::IpAddressType::Ipv6,
            value: "nope".into(),
        });
        req.custom_fields.push(CustomField::new(" ", "v"));
        assert_paths(
            &req,
            &[
                "customer.dateOfBirth",
                "ipAddress.value",
                "customFields[0].name",
            ],
        );
    }

    fn refund_json() -> serde_json::Value {
        json!({
            "refundId": "REF0000001",
            "processingTerminalId": "1234001",
            "order": {"orderId": "RFD-0001", "amount": 4999, "currency": "USD", "description": "Damaged item"},
            "card": {"type": "MasterCard", "cardNumber": "555555******4444", "expiryDate": "1230"},
            "payment": {
                "paymentId": "PAY0000001",
                "dateTime": "2024-07-02T15:30:00Z",
                "currency": "USD",
                "amount": 4999,
                "status": "returned",
                "responseCode": "A"
            },
            "supportedOperations": ["fullyReverse"],
            "transactionResult": {
                "type": "refund",
                "status": "ready",
                "authorizedAmount": -4999,
                "responseCode": "A"
            }
        })
    }

    #[test]
    fn retrieved_refund_parses_and_round_trips() {
        let refund: RetrievedRefund = serde_json::from_value(refund_json()).unwrap();
        assert_eq!(refund.refund_id, "REF0000001");
        assert_eq!(refund.order.amount, 4999);
        assert_eq!(refund.card.entry_method, None);
        assert_eq!(refund.transaction_result.authorized_amount, Some(-4999));
        let payment = refund.payment.as_ref().unwrap();
        assert_eq!(payment.status, RefundStatus::Returned);
        assert_eq!(payment.response_message, None);
        assert!(refund.is_approved() && !refund.is_declined());
        let json = serde_json::to_value(&refund).unwrap();
        assert_eq!(json["transactionResult"]["type"], "refund");
        assert_eq!(json["payment"]["paymentId"], "PAY0000001");
        assert_eq!(json["card"]["cardNumber"], "555555******4444");
        assert_eq!(
            serde_json::from_value::<RetrievedRefund>(json).unwrap(),
            refund
        );
    }

    #[test]
    fn retrieved_refund_keeps_unknown_values() {
        let mut json = refund_json();
        json["payment"]["status"] = json!("chargedBack");
        json["card"]["entryMethod"] = json!("wearable");
        json["transactionResult"]["responseCode"] = json!("X");
        json["brandNewField"] = json!(true);
        let refund: RetrievedRefund = serde_json::from_value(json).unwrap();
        assert_eq!(
            refund.payment.as_ref().unwrap().status,
            RefundStatus::Unknown("chargedBack".into())
        );
        assert_eq!(
            refund.card.entry_method,
            Some(CardEntryMethod::Unknown("wearable".into()))
        );
        assert!(!refund.is_approved() && !refund.is_declined());
        let back = serde_json::to_value(&refund).unwrap();
        assert_eq!(back["payment"]["status"], "chargedBack");
        assert_eq!(back["transactionResult"]["responseCode"], "X");
    }

    #[test]
    fn adjust_rules() {
        let empty = RefundAdjustRequest {
            adjustments: vec![],
            operator: None,
        };
        assert_paths(&empty, &["adjustments"]);
        let adjust: RefundAdjustRequest = serde_json::from_value(json!({
            "adjustments": [
                {"type": "status", "toStatus": "declined"},
                {"type": "customer", "contactMethods": [{"type": "pager", "value": "1"}]},
                {"type": "signature", "cardholderSignature": "abc"}
            ]
        }))
        .unwrap();
        assert_paths(
            &adjust,
            &[
                "adjustments[0].toStatus",
                "adjustments[1].contactMethods[0].type",
                "adjustments[2].type",
            ],
        );
        let ok = RefundAdjustRequest {
            adjustments: vec![
                RefundAdjustment::Status(StatusAdjustment {
                    to_status: AdjustmentStatus::Pending,
                }),
                RefundAdjustment::Customer(CustomerAdjustment {
                    shipping_address: None,
                    contact_methods: vec![ContactMethod::email("ada@example.com")],
                }),
            ],
            operator: Some("Jane".into()),
        };
        ok.validate().unwrap();
        let json = serde_json::to_value(&ok).unwrap();
        assert_eq!(
            json,
            json!({
                "adjustments": [
                    {"type": "status", "toStatus": "pending"},
                    {"type": "customer", "contactMethods": [{"type": "email", "value": "ada@example.com"}]}
                ],
                "operator": "Jane"
            })
        );
        assert_eq!(
            serde_json::from_value::<RefundAdjustRequest>(json).unwrap(),
            ok
        );
    }

    #[test]
    fn list_query_pairs_and_rules() {
        let query = RefundListQuery {
            order_id: Some("RFD-0001".into()),
            last4: Some("7062".into()),
            tender: Some(Tender::Ebt),
            status: vec![TransactionStatus::Ready, TransactionStatus::Complete],
            date_to: Some("2024-07-02T15:30:00.5+01:00".into()),
            page: PageQuery {
                after: Some("REF0000001".into()),
                ..PageQuery::default()
            },
            ..RefundListQuery::default()
        };
        query.validate().unwrap();
        let pairs = query.query_pairs();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("orderId", "RFD-0001"),
                ("last4", "7062"),
                ("tender", "ebt"),
                ("status", "ready"),
                ("status", "complete"),
                ("dateTo", "2024-07-02T15:30:00.5+01:00"),
                ("after", "REF0000001"),
            ]
        );
        let bad = RefundListQuery {
            first6: Some("45398".into()),
            last4: Some("12345".into()),
            tender: Some(Tender::from_api("cheque")),
            status: vec![TransactionStatus::from_api("approved")],
            date_from: Some("2024-13-01T00:00:00Z".into()),
            settlement_state: Some(SettlementState::from_api("soon")),
            settlement_date: Some("07/02/2024".into()),
            page: PageQuery {
                limit: Some(0),
                ..PageQuery::default()
            },
            ..RefundListQuery::default()
        };
        assert_paths(
            &bad,
            &[
                "first6",
                "last4",
                "dateFrom",
                "settlementDate",
                "tender",
                "status",
                "settlementState",
                "limit",
            ],
        );
    }
}
