//! What the card areas (and Payroc Cloud) share: the amount limit, links, masking, how
//! a request's card is resolved, the amount-driven outcomes, and conversions from request
//! shapes to response shapes.

use crate::problem::Refusal;
use crate::routes::{json, list::ListParams, parse};
use crate::store::ledger::ResolvedCard;
use crate::store::Store;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use payroc_model::card::{CardDetails, CvvResult, DowngradeTo, KeyedData, SwipedData};
use payroc_model::common::{Link, RetrievedCustomer};
use payroc_model::payment::{
    Card, CardEntryMethod, ItemizedBreakdown, ItemizedBreakdownRequest, LineItem, ResponseCode,
    RetrievedTax, SecureTokenSummary, SecurityChecks, Tax,
};
use payroc_model::secure_token::{RetrievedCardSource, SecureTokenStatus};
use payroc_model::validate::Validate;
use payroc_model::CardNumber;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The card number shown for data the emulator cannot read (chip, raw device data,
/// encrypted blocks, stripes, wallets): a Visa test number, or another brand's when
/// the request names the first digit of the PAN.
const TEST_PAN_VISA: &str = "4539858876047062";

/// Expiry shown with a test card number.
const TEST_EXPIRY: &str = "1230";

/// EMV data the emulator's simulated devices send (TLV, meaningless but well formed).
pub(crate) const TEST_ICC_DATA: &str = "9F2608A1B2C3D4E5F601239F2701809F360200015F2A020840";

/// The largest amount the emulator takes, in minor units: twelve digits, the width of
/// the transaction amount a card network carries to the issuer (ISO 8583 field 4).
/// The API reference only says int64 (§2.7); no issuer can authorize more, and an
/// amount near `i64::MAX` would overflow the sums made with it.
pub(crate) const MAX_AMOUNT: i64 = 999_999_999_999;

// The refusal itself sits below the routes (in `problem`); this rule is the card areas'.
impl Refusal {
    /// A `400` at `parameter` when `amount` is above [`MAX_AMOUNT`].
    pub(crate) fn check_amount(parameter: impl Into<String>, amount: i64) -> Result<(), Self> {
        if amount > MAX_AMOUNT {
            return Err(Self::bad(
                parameter,
                "range",
                format!("must be at most {MAX_AMOUNT} in the currency's minor unit"),
            ));
        }
        Ok(())
    }
}

/// The outcome of a handler as a response: the body with `status`, or the refusal.
pub(crate) fn reply<T: Serialize>(status: StatusCode, result: Result<T, Refusal>) -> Response {
    match result {
        Ok(body) => json(status, &body),
        Err(refusal) => refusal.into_response(),
    }
}

/// Reads a body whose every field is optional: an empty body is the default request.
/// (The `400` is boxed: a `Response` is too large to return by value in a `Result`.)
pub(crate) fn parse_optional<T: DeserializeOwned + Validate + Default>(
    body: &Bytes,
) -> Result<T, Box<Response>> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        parse(body).map_err(Box::new)
    }
}

/// A short alphanumeric code, as issuers' approval codes look.
pub(super) fn approval_code(s: &mut Store) -> String {
    s.random_id(6, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
}

/// The `Host` the client used, so links point back at this emulator.
pub(crate) fn host_of(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned()
}

/// An absolute link to `path` under the API base URL (`http://{host}/v1{path}`).
pub(crate) fn resource_link(rel: &str, host: &str, path: &str) -> Link {
    Link {
        rel: rel.to_owned(),
        method: "GET".to_owned(),
        href: format!("http://{host}/v1{path}"),
        unknown: Default::default(),
    }
}

/// A round trip through JSON between two shapes with the same field names (e.g. a
/// request `Customer` into a `RetrievedCustomer`).
pub(super) fn convert<T: Serialize, U: DeserializeOwned>(value: &T) -> Option<U> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
}

/// "First Last" of a customer, when either is known.
pub(super) fn customer_name(customer: Option<&RetrievedCustomer>) -> Option<String> {
    let customer = customer?;
    let parts: Vec<&str> = [&customer.first_name, &customer.last_name]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A brand from the first digit, as the emulator's BIN table has it.
pub(super) fn brand(number: &str) -> &'static str {
    match number.trim_start().chars().next() {
        Some('4') => "Visa",
        Some('5') => "MasterCard",
        Some('3') => "Amex",
        Some('6') => "Discover",
        _ => "Unknown",
    }
}

/// The test card number for a first digit (Visa when unknown).
fn test_pan(first_digit: Option<&str>) -> &'static str {
    match first_digit.and_then(|d| d.trim().chars().next()) {
        Some('5') => "5555555555554444",
        Some('3') => "378282246310005",
        Some('6') => "6011111111111117",
        _ => TEST_PAN_VISA,
    }
}

/// A bank account number with all but its last four characters starred.
pub(crate) fn mask_account(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let keep = if chars.len() > 4 { 4 } else { 0 };
    let mut out = "*".repeat(chars.len() - keep);
    out.extend(&chars[chars.len() - keep..]);
    out
}

/// The response entry method of a device read, after an offline downgrade.
fn downgraded(to: &Option<DowngradeTo>, read: CardEntryMethod) -> CardEntryMethod {
    match to {
        Some(DowngradeTo::Keyed) => CardEntryMethod::Keyed,
        Some(DowngradeTo::Swiped) => CardEntryMethod::Swiped,
        _ => read,
    }
}

impl ResolvedCard {
    /// Data the emulator cannot decrypt or parse: the test card of that first digit.
    fn test_card(
        first_digit: Option<&str>,
        entry_method: CardEntryMethod,
        cardholder_name: Option<String>,
        cardholder_signature: Option<String>,
    ) -> Self {
        let pan = test_pan(first_digit);
        Self {
            brand: brand(pan).to_owned(),
            entry_method,
            cardholder_name,
            cardholder_signature,
            masked_number: CardNumber::new(pan).masked(),
            expiry_date: Some(TEST_EXPIRY.to_owned()),
            cvv: false,
        }
    }

    /// The card behind request card details. Only keyed plain-text numbers (and the
    /// masked PAN of partially encrypted data) are read; everything else shows a test
    /// card.
    pub(super) fn from_details(details: &CardDetails) -> Self {
        match details {
            CardDetails::Keyed(keyed) => {
                let name = keyed.cardholder_name.clone();
                let signature = keyed.cardholder_signature.clone();
                match &keyed.keyed_data {
                    KeyedData::PlainText(data) => Self {
                        brand: brand(data.card_number.expose_secret()).to_owned(),
                        entry_method: CardEntryMethod::Keyed,
                        cardholder_name: name,
                        cardholder_signature: signature,
                        masked_number: data.card_number.masked(),
                        expiry_date: data.expiry_date.clone(),
                        cvv: data.cvv.is_some(),
                    },
                    KeyedData::PartiallyEncrypted(data) => Self {
                        brand: brand(&data.masked_pan).to_owned(),
                        entry_method: CardEntryMethod::Keyed,
                        cardholder_name: name,
                        cardholder_signature: signature,
                        masked_number: data.masked_pan.clone(),
                        expiry_date: Some(data.expiry_date.clone()),
                        cvv: data.cvv.is_some() || data.cvv_encrypted.is_some(),
                    },
                    KeyedData::FullyEncrypted(data) => Self::test_card(
                        data.first_digit_of_pan.as_deref(),
                        CardEntryMethod::Keyed,
                        name,
                        signature,
                    ),
                    _ => Self::test_card(None, CardEntryMethod::Keyed, name, signature),
                }
            }
            CardDetails::Swiped(swiped) => {
                let (first_digit, fallback) = match &swiped.swiped_data {
                    SwipedData::Encrypted(data) => (
                        data.first_digit_of_pan.as_deref(),
                        data.fallback == Some(true),
                    ),
                    SwipedData::PlainText(data) => (None, data.fallback == Some(true)),
                    _ => (None, false),
                };
                let read = if fallback {
                    CardEntryMethod::SwipedFallback
                } else {
                    CardEntryMethod::Swiped
                };
                Self::test_card(
                    first_digit,
                    downgraded(&swiped.downgrade_to, read),
                    swiped.cardholder_name.clone(),
                    swiped.cardholder_signature.clone(),
                )
            }
            CardDetails::Icc(icc) => Self::test_card(
                icc.first_digit_of_pan.as_deref(),
                downgraded(&icc.downgrade_to, CardEntryMethod::Icc),
                None,
                icc.cardholder_signature.clone(),
            ),
            CardDetails::Raw(raw) => Self::test_card(
                None,
                downgraded(&raw.downgrade_to, CardEntryMethod::Icc),
                None,
                raw.cardholder_signature.clone(),
            ),
            _ => Self::test_card(None, CardEntryMethod::Keyed, None, None),
        }
    }

    /// The card behind an Apple Pay or Google Pay payload (which the emulator cannot
    /// decrypt): the Visa test card, keyed as an e-commerce payment.
    pub(super) fn wallet(cardholder_name: Option<String>) -> Self {
        Self::test_card(None, CardEntryMethod::Keyed, cardholder_name, None)
    }

    /// The card saved in a secure token: a card on file reads as keyed.
    pub(super) fn from_source(source: &RetrievedCardSource) -> Self {
        let number = source.card_number.expose_secret();
        Self {
            brand: source
                .card_type
                .clone()
                .unwrap_or_else(|| brand(number).to_owned()),
            entry_method: CardEntryMethod::Keyed,
            cardholder_name: Some(source.cardholder_name.clone()).filter(|n| !n.is_empty()),
            cardholder_signature: None,
            masked_number: number.to_owned(),
            expiry_date: source.expiry_date.clone(),
            cvv: false,
        }
    }

    /// The secure-token status a CVV earns.
    pub(super) fn token_status(&self) -> SecureTokenStatus {
        if self.cvv {
            SecureTokenStatus::CvvValidated
        } else {
            SecureTokenStatus::NotValidated
        }
    }

    /// The card as a secure token's `source` shows it (masked).
    pub(super) fn source(&self, fallback_name: Option<String>) -> RetrievedCardSource {
        RetrievedCardSource {
            cardholder_name: self
                .cardholder_name
                .clone()
                .or(fallback_name)
                .unwrap_or_default(),
            card_number: CardNumber::new(self.masked_number.clone()),
            expiry_date: self.expiry_date.clone(),
            card_type: Some(self.brand.clone()),
            currency: None,
            debit: None,
            surcharging: None,
            unknown: Default::default(),
        }
    }

    /// The card as payments and refunds show it. `billing_address` says whether the
    /// customer sent one (the address check then matches).
    pub(super) fn card(
        &self,
        secure_token: Option<SecureTokenSummary>,
        billing_address: bool,
    ) -> Card {
        let checks = SecurityChecks {
            cvv_result: self.cvv.then_some(CvvResult::M),
            avs_result: billing_address.then_some(payroc_model::card::AvsResult::Y),
            unknown: Default::default(),
        };
        Card {
            kind: self.brand.clone(),
            entry_method: Some(self.entry_method.clone()),
            cardholder_name: self.cardholder_name.clone(),
            cardholder_signature: self.cardholder_signature.clone(),
            card_number: CardNumber::new(self.masked_number.clone()),
            expiry_date: self.expiry_date.clone().unwrap_or_default(),
            secure_token,
            security_checks: (checks != SecurityChecks::default()).then_some(checks),
            emv_tags: Vec::new(),
            balances: Vec::new(),
            unknown: Default::default(),
        }
    }
}

/// What the simulated issuer answers, chosen by the last two digits of the amount:
/// `01` decline, `02` partial approval (half), `03` referral, `04` deferred, anything
/// else approved in full.
#[derive(Debug, Clone)]
pub(super) struct Outcome {
    /// The response code.
    pub(super) code: ResponseCode,
    /// What was authorised (`None` while deferred).
    pub(super) authorized: Option<i64>,
    /// The processor's text.
    pub(super) message: &'static str,
}

impl Outcome {
    /// The outcome for an order amount in minor units.
    pub(super) fn for_amount(amount: i64) -> Self {
        let (code, authorized, message) = match amount.rem_euclid(100) {
            1 => (ResponseCode::D, Some(0), "Declined"),
            2 => (ResponseCode::P, Some(amount / 2), "Partially approved"),
            3 => (
                ResponseCode::R,
                Some(0),
                "Referral: the customer should call their bank",
            ),
            4 => (
                ResponseCode::E,
                None,
                "Received; it will be processed later",
            ),
            _ => (ResponseCode::A, Some(amount), "Approved"),
        };
        Self {
            code,
            authorized,
            message,
        }
    }

    /// Approved in full or in part.
    pub(super) fn approved(&self) -> bool {
        self.code.is_approved()
    }
}

/// A tax as the response shows it: the missing side (amount or rate) worked out
/// against `base`.
fn retrieved_tax(tax: &Tax, base: i64) -> Option<RetrievedTax> {
    match tax {
        Tax::Amount(t) => Some(RetrievedTax {
            name: t.name.clone(),
            rate: if base > 0 {
                (t.amount as f64 * 10_000.0 / base as f64).round() / 100.0
            } else {
                0.0
            },
            amount: Some(t.amount),
            unknown: Default::default(),
        }),
        Tax::Rate(t) => Some(RetrievedTax {
            name: t.name.clone(),
            rate: t.rate,
            amount: Some((base as f64 * t.rate / 100.0).round() as i64),
            unknown: Default::default(),
        }),
        _ => None,
    }
}

/// A request breakdown as the response echoes it.
pub(super) fn retrieved_breakdown(breakdown: &ItemizedBreakdownRequest) -> ItemizedBreakdown {
    let items = breakdown
        .items
        .iter()
        .map(|item| {
            let base = (item.unit_price as f64 * item.quantity).round() as i64;
            LineItem {
                commodity_code: item.commodity_code.clone(),
                product_code: item.product_code.clone(),
                description: item.description.clone(),
                unit_of_measure: item.unit_of_measure.clone(),
                unit_price: item.unit_price,
                quantity: item.quantity,
                discount_rate: item.discount_rate,
                taxes: item
                    .taxes
                    .iter()
                    .filter_map(|t| retrieved_tax(t, base))
                    .collect(),
                unknown: Default::default(),
            }
        })
        .collect();
    ItemizedBreakdown {
        subtotal: breakdown.subtotal,
        cashback_amount: breakdown.cashback_amount,
        tip: breakdown.tip.clone(),
        surcharge: breakdown.surcharge.clone(),
        dual_pricing: breakdown.dual_pricing.clone(),
        taxes: breakdown
            .taxes
            .iter()
            .filter_map(|t| retrieved_tax(t, breakdown.subtotal))
            .collect(),
        duty_amount: breakdown.duty_amount,
        freight_amount: breakdown.freight_amount,
        convenience_fee: breakdown.convenience_fee.clone(),
        items,
        healthcare_expenses: breakdown.healthcare_expenses.clone(),
        unknown: Default::default(),
    }
}

/// Facts about a transaction that the payment and refund lists filter on.
pub(super) struct ListFacts<'a> {
    /// Terminal.
    pub(super) terminal: &'a str,
    /// Merchant's order id.
    pub(super) order_id: Option<&'a str>,
    /// Operator.
    pub(super) operator: Option<&'a str>,
    /// Card and its holder.
    pub(super) card: &'a Card,
    /// Lifecycle status, as the API spells it.
    pub(super) status: &'a str,
    /// When it was processed (RFC 3339, UTC).
    pub(super) date_time: Option<&'a str>,
    /// Whether it has settled (status `complete`).
    pub(super) settled: bool,
}

/// The filters the payment and refund lists share.
pub(super) fn shared_filters(params: &ListParams, facts: &ListFacts<'_>) -> bool {
    let number = facts.card.card_number.expose_secret();
    let date = facts.date_time.unwrap_or("");
    params.matches("processingTerminalId", Some(facts.terminal))
        && params.matches("orderId", facts.order_id)
        && params.matches("operator", facts.operator)
        && params.matches("cardholderName", facts.card.cardholder_name.as_deref())
        && params.get("first6").is_none_or(|f| number.starts_with(f))
        && params.get("last4").is_none_or(|l| number.ends_with(l))
        // Every emulator transaction is a credit/debit card one; none is EBT.
        && params.get("tender").is_none_or(|t| t == "creditDebit")
        && params.matches("status", Some(facts.status))
        && params.within("dateFrom", "dateTo", date)
        && params.get("settlementState").is_none_or(|state| {
            (state == "settled") == facts.settled
        })
        && params
            .get("settlementDate")
            .is_none_or(|day| facts.settled && date.starts_with(day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use payroc_model::card::CardDetails;

    #[test]
    fn outcomes_follow_the_last_two_digits() {
        assert_eq!(Outcome::for_amount(4999).code, ResponseCode::A);
        assert_eq!(Outcome::for_amount(4999).authorized, Some(4999));
        assert_eq!(Outcome::for_amount(1001).code, ResponseCode::D);
        let partial = Outcome::for_amount(1002);
        assert_eq!(partial.code, ResponseCode::P);
        assert_eq!(partial.authorized, Some(501));
        assert_eq!(Outcome::for_amount(103).code, ResponseCode::R);
        assert_eq!(Outcome::for_amount(104).code, ResponseCode::E);
        assert_eq!(Outcome::for_amount(104).authorized, None);
    }

    #[test]
    fn keyed_cards_are_masked_and_branded() {
        let card = ResolvedCard::from_details(&CardDetails::keyed(
            "5555555555554444",
            "1230",
            Some("123"),
        ));
        assert_eq!(card.masked_number, "555555******4444");
        assert_eq!(card.brand, "MasterCard");
        assert!(card.cvv);
        assert_eq!(card.token_status(), SecureTokenStatus::CvvValidated);
        assert_eq!(mask_account("1234567890"), "******7890");
        assert_eq!(mask_account("123"), "***");
    }
}
