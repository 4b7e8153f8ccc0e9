//! Payment features: the checks a merchant runs around a payment. Verify a card or a
//! bank account, read an EBT card's balance, look up what a card is (its BIN), and ask
//! for a dynamic currency conversion (DCC) rate.
//!
//! The requests reuse the payment methods of [`payment`](crate::payment) and the bank
//! accounts of [`secure_token`](crate::secure_token): each operation takes its own
//! subset of them, as the API does, so a method it does not take cannot be built.

use crate::common::{Channel, Customer, UnknownFields};
use crate::money::Currency;
use crate::payment::{
    Card, CardPaymentMethod, DccOffer, DigitalWalletPaymentMethod, ResponseCode,
    SecureTokenPaymentMethod, SingleUseTokenPaymentMethod, TransactionResult,
};
use crate::secret::{scrub, CardNumber};
use crate::secure_token::{AchSource, PadSource, Surcharging};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};
use std::fmt;

// ---------------------------------------------------------------------------
// Bank account verification
// ---------------------------------------------------------------------------

tagged_union! {
    /// The bank account to verify (`bankAccount`, discriminator `type`).
    pub enum BankAccount tag "type" {
        /// A US account, for ACH debits.
        Ach(AchSource) = "ach",
        /// A Canadian account, for pre-authorized debits.
        Pad(PadSource) = "pad",
    }
}

impl Validate for BankAccount {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Ach(account) => account.validate_into(v),
            Self::Pad(account) => account.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /bank-accounts/verify` (`BankAccountVerificationRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankAccountVerificationRequest {
    /// The terminal asking.
    pub processing_terminal_id: String,
    /// The account to verify; its number is redacted in `Debug`.
    pub bank_account: BankAccount,
}

impl Validate for BankAccountVerificationRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("bankAccount", &self.bank_account);
    }
}

/// Whether a bank account's details are valid (`BankAccountVerificationResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankAccountVerificationResult {
    /// The terminal that asked.
    pub processing_terminal_id: String,
    /// The details are valid and fit for follow-on debits.
    pub verified: bool,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// Card verification
// ---------------------------------------------------------------------------

tagged_union! {
    /// The card to verify (`card`, discriminator `type`): card details only.
    // Card details dwarf an unknown variant, but a body is built once per call.
    #[allow(clippy::large_enum_variant)]
    pub enum VerificationCard tag "type" {
        /// Card details, as captured.
        Card(CardPaymentMethod) = "card",
    }
}

impl Validate for VerificationCard {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(card) => card.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /cards/verify` (`CardVerificationRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardVerificationRequest {
    /// The terminal asking.
    pub processing_terminal_id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The cardholder (a billing address lets the address check run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// The card.
    pub card: VerificationCard,
}

impl Validate for CardVerificationRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested_opt("customer", &self.customer);
        v.nested("card", &self.card);
    }
}

/// Whether a card's details are valid (`CardVerificationResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardVerificationResult {
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The terminal that asked.
    pub processing_terminal_id: String,
    /// The card, masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
    /// The details are valid and fit for follow-on payments.
    pub verified: bool,
    /// The issuer's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_result: Option<TransactionResult>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// EBT balance
// ---------------------------------------------------------------------------

tagged_union! {
    /// The EBT card whose balance to read (`card`, discriminator `type`).
    #[allow(clippy::large_enum_variant)]
    pub enum BalanceInquiryCard tag "type" {
        /// Card details, as captured.
        Card(CardPaymentMethod) = "card",
        /// A single-use token of the card.
        SingleUseToken(SingleUseTokenPaymentMethod) = "singleUseToken",
    }
}

impl Validate for BalanceInquiryCard {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(card) => card.validate_into(v),
            Self::SingleUseToken(token) => token.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /cards/balance` (`BalanceInquiry`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BalanceInquiry {
    /// The terminal asking.
    pub processing_terminal_id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Currency of the balance.
    pub currency: Currency,
    /// The cardholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// The EBT card.
    pub card: BalanceInquiryCard,
}

impl Validate for BalanceInquiry {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.known("currency", &self.currency);
        v.nested_opt("customer", &self.customer);
        v.nested("card", &self.card);
    }
}

/// An EBT card's balance (`Balance`): the amounts are in `card.balances`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EbtBalance {
    /// The terminal that asked.
    pub processing_terminal_id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The card, masked, with its `balances`.
    pub card: Card,
    /// The processor's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_code: Option<ResponseCode>,
    /// The processor's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// BIN lookup
// ---------------------------------------------------------------------------

/// A card's bank identification number alone (`type: cardBin`).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CardBin {
    /// The first six or eight digits of the card number.
    pub bin: String,
}

// A whole card number typed into `bin` by mistake must not reach a log.
impl fmt::Debug for CardBin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardBin")
            .field("bin", &scrub(&self.bin))
            .finish()
    }
}

impl Validate for CardBin {
    fn validate_into(&self, v: &mut Validator) {
        let digits = self.bin.bytes().all(|b| b.is_ascii_digit());
        if self.bin.trim().is_empty() {
            v.required_str("bin", &self.bin);
        } else if !digits || !(6..=8).contains(&self.bin.len()) {
            v.violation(
                "bin",
                "format",
                "must be the first 6 to 8 digits of the card number, not the whole number",
            );
        }
    }
}

tagged_union! {
    /// The card to look up (`card`, discriminator `type`).
    #[allow(clippy::large_enum_variant)]
    pub enum BinLookupCard tag "type" {
        /// Card details, as captured.
        Card(CardPaymentMethod) = "card",
        /// The BIN alone.
        CardBin(CardBin) = "cardBin",
        /// A saved card.
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
        /// Apple Pay or Google Pay.
        DigitalWallet(DigitalWalletPaymentMethod) = "digitalWallet",
    }
}

impl Validate for BinLookupCard {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(card) => card.validate_into(v),
            Self::CardBin(bin) => bin.validate_into(v),
            Self::SecureToken(token) => token.validate_into(v),
            Self::DigitalWallet(wallet) => wallet.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /cards/bin-lookup` (`BinLookup`). Send `amount` (with `currency`) to
/// learn the surcharge on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BinLookup {
    /// The terminal asking (needed for surcharge terms and saved cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// Transaction amount in minor units, to price the surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Currency of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The card.
    pub card: BinLookupCard,
}

impl Validate for BinLookup {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(terminal) = &self.processing_terminal_id {
            v.required_str("processingTerminalId", terminal);
        }
        if let Some(amount) = self.amount {
            v.positive_amount("amount", amount);
        }
        v.known_opt("currency", &self.currency);
        v.nested("card", &self.card);
    }
}

/// What a card is (`CardInfo`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardInfo {
    /// Brand as free text, e.g. `MASTERCARD` (not an enum).
    #[serde(rename = "type")]
    pub kind: String,
    /// Masked number (first six and last four).
    pub card_number: CardNumber,
    /// Issuing country, ISO 3166-1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The card's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// A debit card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debit: Option<bool>,
    /// Surcharge terms, when the merchant surcharges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharging: Option<Surcharging>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// FX rates
// ---------------------------------------------------------------------------

tagged_union! {
    /// The card to price in its own currency (`paymentMethod`, discriminator `type`).
    #[allow(clippy::large_enum_variant)]
    pub enum FxRatePaymentMethod tag "type" {
        /// Card details, as captured.
        Card(CardPaymentMethod) = "card",
        /// A saved card.
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
        /// Apple Pay or Google Pay.
        DigitalWallet(DigitalWalletPaymentMethod) = "digitalWallet",
    }
}

impl Validate for FxRatePaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(card) => card.validate_into(v),
            Self::SecureToken(token) => token.validate_into(v),
            Self::DigitalWallet(wallet) => wallet.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /fx-rates` (`FxRateInquiry`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FxRateInquiry {
    /// How the merchant got the card details.
    pub channel: Channel,
    /// The terminal asking.
    pub processing_terminal_id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The amount in the merchant's currency, in its minor unit.
    pub base_amount: i64,
    /// The merchant's currency.
    pub base_currency: Currency,
    /// The card.
    pub payment_method: FxRatePaymentMethod,
}

impl Validate for FxRateInquiry {
    fn validate_into(&self, v: &mut Validator) {
        v.known("channel", &self.channel);
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.positive_amount("baseAmount", self.base_amount);
        v.known("baseCurrency", &self.base_currency);
        v.nested("paymentMethod", &self.payment_method);
    }
}

/// Whether the card may pay in its own currency (`FxRateInquiryResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FxRateInquiryResult {
    /// A conversion is offered: see `dccOffer`.
    pub dcc_offered: bool,
    /// Why none is offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause_of_rejection: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A DCC rate for an amount (`FxRate`). Pass its `dccOffer` (with `accepted` set) on
/// the sale or refund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FxRate {
    /// The terminal that asked.
    pub processing_terminal_id: String,
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The amount in the merchant's currency, in its minor unit.
    pub base_amount: i64,
    /// The merchant's currency.
    pub base_currency: Currency,
    /// Whether a conversion is offered.
    pub inquiry_result: FxRateInquiryResult,
    /// The offer, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_offer: Option<DccOffer>,
    /// What the card is.
    pub card_info: CardInfo,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_request;

    fn paths<T: serde::de::DeserializeOwned + Validate + fmt::Debug>(body: &str) -> Vec<String> {
        let err = parse_request::<T>(body.as_bytes()).unwrap_err();
        err.violations().iter().map(|v| v.path.clone()).collect()
    }

    #[test]
    fn every_rule_is_named_by_its_path() {
        assert_eq!(
            paths::<BankAccountVerificationRequest>(
                r#"{"processingTerminalId":"","bankAccount":{"type":"ach",
                "nameOnAccount":"A","accountNumber":"1234","routingNumber":"12"}}"#
            ),
            ["processingTerminalId", "bankAccount.routingNumber"]
        );
        assert_eq!(
            paths::<FxRateInquiry>(
                r#"{"channel":"fax","processingTerminalId":"1234001","baseAmount":0,
                "baseCurrency":"EUR","paymentMethod":{"type":"singleUseToken","token":"x"}}"#
            ),
            ["channel", "baseAmount", "paymentMethod.type"]
        );
        assert_eq!(
            paths::<BinLookup>(
                r#"{"amount":-5,"card":{"type":"cardBin","bin":"4111111111111111"}}"#
            ),
            ["amount", "card.bin"]
        );
        assert_eq!(
            paths::<CardVerificationRequest>(
                r#"{"processingTerminalId":"1234001","card":{"type":"card","cardDetails":{
                "entryMethod":"keyed","keyedData":{"dataFormat":"plainText",
                "cardNumber":"4111111111111112","expiryDate":"1399"}}}}"#
            ),
            [
                "card.cardDetails.keyedData.cardNumber",
                "card.cardDetails.keyedData.expiryDate"
            ]
        );
        assert_eq!(
            paths::<BalanceInquiry>(
                r#"{"processingTerminalId":"1234001","currency":"XXX",
                "card":{"type":"singleUseToken","token":" "}}"#
            ),
            ["currency", "card.token"]
        );
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let request: BankAccountVerificationRequest = parse_request(
            br#"{"processingTerminalId":"1234001","bankAccount":{"type":"pad",
            "nameOnAccount":"A","accountNumber":"987654321","transitNumber":"12345",
            "institutionNumber":"001"}}"#,
        )
        .unwrap();
        assert!(!format!("{request:?}").contains("987654321"));
        let request: CardVerificationRequest = parse_request(
            br#"{"processingTerminalId":"1234001","card":{"type":"card","cardDetails":{
            "entryMethod":"keyed","keyedData":{"dataFormat":"plainText",
            "cardNumber":"4111111111111111","cvv":"737"}}}}"#,
        )
        .unwrap();
        let debug = format!("{request:?}");
        assert!(
            !debug.contains("4111111111111111") && !debug.contains("737"),
            "{debug}"
        );
        let bin = CardBin {
            bin: "4111111111111111".into(),
        };
        assert!(!format!("{bin:?}").contains("4111111111111111"));
        assert!(format!(
            "{:?}",
            CardBin {
                bin: "411111".into()
            }
        )
        .contains("411111"));
    }
}
