//! Pricing intents (`/pricing-intents`): the fees a partner proposes for the merchants
//! it boards, in the US Merchant Processing Agreement 5.0 shape (`country: US`,
//! `version: 5.0`): base fees, card and ACH processing, gateway and services.
//!
//! Amounts are in minor units (`i64`); percentages are numbers (`1.25` is 1.25 %).

use crate::common::UnknownFields;
use crate::funding::Metadata;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Where Payroc stands on a pricing intent (`status`).
    pub enum PricingIntentStatus {
        /// Approved.
        Active = "active",
        /// Not reviewed yet.
        PendingReview = "pendingReview",
        /// Rejected.
        Rejected = "rejected",
    }
}

open_enum! {
    /// The country of a pricing agreement (`country`).
    pub enum PricingCountry {
        /// The United States.
        Us = "US",
    }
}

open_enum! {
    /// The version of the Merchant Processing Agreement (`version`).
    pub enum PricingVersion {
        /// MPA 5.0.
        V5_0 = "5.0",
    }
}

open_enum! {
    /// The month the annual fee is collected (`base.annualFee.billInMonth`).
    pub enum BillInMonth {
        /// June.
        June = "june",
        /// December.
        December = "december",
    }
}

open_enum! {
    /// How a RewardPay Choice plan handles tips on credit (`credit.tips`).
    pub enum RewardPayTips {
        /// No tips.
        NoTips = "noTips",
        /// The terminal prompts for a tip.
        TipPrompt = "tipPrompt",
        /// Tips are adjusted after the sale.
        TipAdjust = "tipAdjust",
    }
}

open_enum! {
    /// The debit pricing of a RewardPay Choice plan (`debit.option`).
    pub enum RewardPayDebitOption {
        /// Interchange plus.
        InterchangePlus = "interchangePlus",
        /// Flat rate.
        FlatRate = "flatRate",
    }
}

/// A pricing intent (`PricingIntent`, MPA 5.0): the body of `pricing_intents.create`
/// and `pricing_intents.replace`, and what the API returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PricingIntent {
    /// Payroc's id of the intent (ignored on writes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When Payroc received it (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// When it last changed (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated_date: Option<String>,
    /// Review status (Payroc's to set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PricingIntentStatus>,
    /// Your own identifier for the intent.
    pub key: String,
    /// Custom data (text values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Country of the agreement (`US`).
    pub country: PricingCountry,
    /// Version of the agreement (`5.0`).
    pub version: PricingVersion,
    /// Base fees.
    pub base: BaseFees,
    /// Card and ACH processing fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<ProcessorPricing>,
    /// Gateway fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<GatewayPricing>,
    /// Services the merchant takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<PricingService>>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl PricingIntent {
    /// A US MPA 5.0 intent with these base fees and nothing else.
    pub fn us_5_0(key: impl Into<String>, base: BaseFees) -> Self {
        Self {
            id: None,
            created_date: None,
            last_updated_date: None,
            status: None,
            key: key.into(),
            metadata: None,
            country: PricingCountry::Us,
            version: PricingVersion::V5_0,
            base,
            processor: None,
            gateway: None,
            services: None,
            unknown: UnknownFields::default(),
        }
    }
}

impl Validate for PricingIntent {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("key", &self.key);
        v.known("country", &self.country);
        v.known("version", &self.version);
        v.nested("base", &self.base);
        v.nested_opt("processor", &self.processor);
        v.nested_opt("gateway", &self.gateway);
        if let Some(services) = &self.services {
            v.each("services", services);
        }
        if let Some(metadata) = &self.metadata {
            if metadata.values().any(|value| !value.is_string()) {
                v.violation("metadata", "type", "values must be strings");
            }
        }
    }
}

/// Base fees (`base`), each in minor units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BaseFees {
    /// Per address verification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_verification: Option<i64>,
    /// The annual fee.
    pub annual_fee: AnnualFee,
    /// Annual fee of the regulatory assistance program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulatory_assistance_program: Option<i64>,
    /// Monthly, while not PCI compliant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pci_non_compliance: Option<i64>,
    /// Monthly fee for Payroc Advantage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_advantage: Option<i64>,
    /// Platinum Security billing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platinum_security: Option<PlatinumSecurity>,
    /// Monthly maintenance.
    pub maintenance: i64,
    /// Monthly minimum.
    pub minimum: i64,
    /// Per voice authorization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_authorization: Option<i64>,
    /// Per chargeback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chargeback: Option<i64>,
    /// Per retrieval request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval: Option<i64>,
    /// Per batch.
    pub batch: i64,
    /// For early termination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_termination: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for BaseFees {
    fn validate_into(&self, v: &mut Validator) {
        for (field, amount) in [
            ("addressVerification", self.address_verification),
            (
                "regulatoryAssistanceProgram",
                self.regulatory_assistance_program,
            ),
            ("pciNonCompliance", self.pci_non_compliance),
            ("merchantAdvantage", self.merchant_advantage),
            ("maintenance", Some(self.maintenance)),
            ("minimum", Some(self.minimum)),
            ("voiceAuthorization", self.voice_authorization),
            ("chargeback", self.chargeback),
            ("retrieval", self.retrieval),
            ("batch", Some(self.batch)),
            ("earlyTermination", self.early_termination),
        ] {
            if let Some(amount) = amount {
                v.non_negative(field, amount);
            }
        }
        v.nested("annualFee", &self.annual_fee);
        v.nested_opt("platinumSecurity", &self.platinum_security);
    }
}

/// The annual fee (`base.annualFee`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnualFee {
    /// The month it is collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_in_month: Option<BillInMonth>,
    /// Amount in minor units.
    pub amount: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for AnnualFee {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("billInMonth", &self.bill_in_month);
        v.non_negative("amount", self.amount);
    }
}

/// A fee with an optional amount, as Platinum Security bills it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OptionalAmount {
    /// Amount in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// How Platinum Security is billed (`base.platinumSecurity`, discriminator
    /// `billingFrequency`).
    pub enum PlatinumSecurity tag "billingFrequency" {
        /// Each month.
        Monthly(OptionalAmount) = "monthly",
        /// Each year.
        Annual(OptionalAmount) = "annual",
    }
}

impl Validate for PlatinumSecurity {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Monthly(fee) | Self::Annual(fee) => {
                if let Some(amount) = fee.amount {
                    v.non_negative("amount", amount);
                }
            }
            Self::Unknown(_) => v.unknown_variant("billingFrequency", Self::KNOWN_TAGS),
        }
    }
}

/// Processing fees (`processor`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProcessorPricing {
    /// The card plan and its fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardPricing>,
    /// ACH fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach: Option<AchPricing>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for ProcessorPricing {
    fn validate_into(&self, v: &mut Validator) {
        v.nested_opt("card", &self.card);
        v.nested_opt("ach", &self.ach);
    }
}

/// ACH processing (`processor.ach`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AchPricing {
    /// Its fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<AchFees>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for AchPricing {
    fn validate_into(&self, v: &mut Validator) {
        v.nested_opt("fees", &self.fees);
    }
}

/// ACH fees (`processor.ach.fees`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchFees {
    /// Per transaction.
    pub transaction: i64,
    /// Per batch.
    pub batch: i64,
    /// Per return.
    pub returns: i64,
    /// Per unauthorized return.
    pub unauthorized_return: i64,
    /// Per statement.
    pub statement: i64,
    /// Minimum monthly value of transactions.
    pub monthly_minimum: i64,
    /// Per account verification.
    pub account_verification: i64,
    /// Percentage for transfers under $10,000.
    pub discount_rate_under_10000: f64,
    /// Percentage for transfers of $10,000 or more.
    pub discount_rate_above_10000: f64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for AchFees {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("transaction", self.transaction);
        v.non_negative("batch", self.batch);
        v.non_negative("returns", self.returns);
        v.non_negative("unauthorizedReturn", self.unauthorized_return);
        v.non_negative("statement", self.statement);
        v.non_negative("monthlyMinimum", self.monthly_minimum);
        v.non_negative("accountVerification", self.account_verification);
        v.non_negative_number("discountRateUnder10000", self.discount_rate_under_10000);
        v.non_negative_number("discountRateAbove10000", self.discount_rate_above_10000);
    }
}

/// A plan's fees, as the card union carries them (`{"fees": …}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanFees<F> {
    /// The plan's fees.
    pub fees: F,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// The card processing plan and its fees (`processor.card`, discriminator
    /// `planType`).
    pub enum CardPricing tag "planType" {
        /// Interchange plus.
        InterchangePlus(PlanFees<InterchangePlusFees>) = "interchangePlus",
        /// Interchange plus plus.
        InterchangePlusPlus(PlanFees<InterchangePlusPlusFees>) = "interchangePlusPlus",
        /// Three tiers.
        Tiered3(PlanFees<Tiered3Fees>) = "tiered3",
        /// Four tiers.
        Tiered4(PlanFees<Tiered4Fees>) = "tiered4",
        /// Six tiers.
        Tiered6(PlanFees<Tiered6Fees>) = "tiered6",
        /// Flat rate.
        FlatRate(PlanFees<FlatRateFees>) = "flatRate",
        /// Consumer Choice.
        ConsumerChoice(PlanFees<ConsumerChoiceFees>) = "consumerChoice",
        /// RewardPay Choice.
        RewardPayChoice(PlanFees<RewardPayChoiceFees>) = "rewardPayChoice",
    }
}

impl Validate for CardPricing {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::InterchangePlus(p) => v.nested("fees", &p.fees),
            Self::InterchangePlusPlus(p) => v.nested("fees", &p.fees),
            Self::Tiered3(p) => v.nested("fees", &p.fees),
            Self::Tiered4(p) => v.nested("fees", &p.fees),
            Self::Tiered6(p) => v.nested("fees", &p.fees),
            Self::FlatRate(p) => v.nested("fees", &p.fees),
            Self::ConsumerChoice(p) => v.nested("fees", &p.fees),
            Self::RewardPayChoice(p) => v.nested("fees", &p.fees),
            Self::Unknown(_) => v.unknown_variant("planType", Self::KNOWN_TAGS),
        }
    }
}

/// A percentage and a per-transaction fee, either optional (`ProcessorFee`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProcessorFee {
    /// Percentage of the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
    /// Per transaction, minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for ProcessorFee {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(volume) = self.volume {
            v.non_negative_number("volume", volume);
        }
        if let Some(transaction) = self.transaction {
            v.non_negative("transaction", transaction);
        }
    }
}

/// Qualified, mid-qualified and non-qualified rates (`QualRates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualRates {
    /// Qualified transactions.
    pub qualified_rate: ProcessorFee,
    /// Mid-qualified transactions.
    pub mid_qual_rate: ProcessorFee,
    /// Non-qualified transactions.
    pub non_qual_rate: ProcessorFee,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for QualRates {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("qualifiedRate", &self.qualified_rate);
        v.nested("midQualRate", &self.mid_qual_rate);
        v.nested("nonQualRate", &self.non_qual_rate);
    }
}

/// [`QualRates`] plus a premium rate (`QualRatesWithPremium`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualRatesWithPremium {
    /// Qualified transactions.
    pub qualified_rate: ProcessorFee,
    /// Mid-qualified transactions.
    pub mid_qual_rate: ProcessorFee,
    /// Non-qualified transactions.
    pub non_qual_rate: ProcessorFee,
    /// Premium transactions.
    pub premium_rate: ProcessorFee,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for QualRatesWithPremium {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("qualifiedRate", &self.qualified_rate);
        v.nested("midQualRate", &self.mid_qual_rate);
        v.nested("nonQualRate", &self.non_qual_rate);
        v.nested("premiumRate", &self.premium_rate);
    }
}

/// [`QualRatesWithPremium`] plus regulated and unregulated check-card rates
/// (`QualRatesWithPremiumAndRegulated`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualRatesWithPremiumAndRegulated {
    /// Qualified transactions.
    pub qualified_rate: ProcessorFee,
    /// Mid-qualified transactions.
    pub mid_qual_rate: ProcessorFee,
    /// Non-qualified transactions.
    pub non_qual_rate: ProcessorFee,
    /// Premium transactions.
    pub premium_rate: ProcessorFee,
    /// Regulated debit-card transactions.
    pub regulated_check_card: ProcessorFee,
    /// Unregulated debit-card transactions.
    pub unregulated_check_card: ProcessorFee,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for QualRatesWithPremiumAndRegulated {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("qualifiedRate", &self.qualified_rate);
        v.nested("midQualRate", &self.mid_qual_rate);
        v.nested("nonQualRate", &self.non_qual_rate);
        v.nested("premiumRate", &self.premium_rate);
        v.nested("regulatedCheckCard", &self.regulated_check_card);
        v.nested("unregulatedCheckCard", &self.unregulated_check_card);
    }
}

/// A volume and a per-transaction fee, both required (Amex OptBlue on interchange plus).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VolumeAndTransaction {
    /// Percentage of the amount.
    pub volume: f64,
    /// Per transaction, minor units.
    pub transaction: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A per-transaction fee (Amex Direct, specialty cards, EBT).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransactionFee {
    /// Per transaction, minor units.
    pub transaction: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for TransactionFee {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("transaction", self.transaction);
    }
}

tagged_union! {
    /// American Express fees on interchange plus (`amex`, discriminator `type`).
    pub enum InterchangePlusAmex tag "type" {
        /// Amex OptBlue.
        OptBlue(VolumeAndTransaction) = "optBlue",
        /// Amex Direct.
        Direct(TransactionFee) = "direct",
    }
}

tagged_union! {
    /// American Express fees on a tiered plan or interchange plus plus (`amex`,
    /// discriminator `type`).
    pub enum TieredAmex tag "type" {
        /// Amex OptBlue, by qualification.
        OptBlue(QualRates) = "optBlue",
        /// Amex Direct.
        Direct(TransactionFee) = "direct",
    }
}

tagged_union! {
    /// American Express fees on a flat rate (`amex`, discriminator `type`).
    pub enum FlatRateAmex tag "type" {
        /// Amex Direct.
        Direct(TransactionFee) = "direct",
    }
}

impl Validate for InterchangePlusAmex {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::OptBlue(fee) => {
                v.non_negative_number("volume", fee.volume);
                v.non_negative("transaction", fee.transaction);
            }
            Self::Direct(fee) => fee.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

impl Validate for TieredAmex {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::OptBlue(rates) => rates.validate_into(v),
            Self::Direct(fee) => fee.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

impl Validate for FlatRateAmex {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Direct(fee) => fee.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// PIN-debit fees (`pinDebit`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinDebit {
    /// Additional discount, percent.
    pub additional_discount: f64,
    /// Per transaction.
    pub transaction: i64,
    /// Monthly access fee.
    pub monthly_access: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for PinDebit {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative_number("additionalDiscount", self.additional_discount);
        v.non_negative("transaction", self.transaction);
        v.non_negative("monthlyAccess", self.monthly_access);
    }
}

/// Enhanced interchange (`enhancedInterchange`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnhancedInterchange {
    /// Enrollment fee.
    pub enrollment: i64,
    /// Credit to the merchant, percent.
    pub credit_to_merchant: f64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for EnhancedInterchange {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("enrollment", self.enrollment);
        v.non_negative_number("creditToMerchant", self.credit_to_merchant);
    }
}

/// The optional fees most card plans share.
fn common_card_fees(
    v: &mut Validator,
    pin_debit: &Option<PinDebit>,
    ebt: &Option<TransactionFee>,
    speciality: &Option<TransactionFee>,
) {
    v.nested_opt("pinDebit", pin_debit);
    v.nested_opt("electronicBenefitsTransfer", ebt);
    v.nested_opt("specialityCards", speciality);
}

/// Interchange-plus fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterchangePlusFees {
    /// Mastercard, Visa and Discover.
    pub mastercard_visa_discover: ProcessorFee,
    /// American Express.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amex: Option<InterchangePlusAmex>,
    /// PIN debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_debit: Option<PinDebit>,
    /// EBT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_benefits_transfer: Option<TransactionFee>,
    /// Enhanced interchange.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enhanced_interchange: Option<EnhancedInterchange>,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for InterchangePlusFees {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("mastercardVisaDiscover", &self.mastercard_visa_discover);
        v.nested_opt("amex", &self.amex);
        v.nested_opt("enhancedInterchange", &self.enhanced_interchange);
        common_card_fees(
            v,
            &self.pin_debit,
            &self.electronic_benefits_transfer,
            &self.speciality_cards,
        );
    }
}

/// Interchange-plus-plus fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterchangePlusPlusFees {
    /// Mastercard, Visa and Discover.
    pub mastercard_visa_discover: QualRates,
    /// American Express.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amex: Option<TieredAmex>,
    /// PIN debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_debit: Option<PinDebit>,
    /// EBT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_benefits_transfer: Option<TransactionFee>,
    /// Enhanced interchange.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enhanced_interchange: Option<EnhancedInterchange>,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for InterchangePlusPlusFees {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("mastercardVisaDiscover", &self.mastercard_visa_discover);
        v.nested_opt("amex", &self.amex);
        v.nested_opt("enhancedInterchange", &self.enhanced_interchange);
        common_card_fees(
            v,
            &self.pin_debit,
            &self.electronic_benefits_transfer,
            &self.speciality_cards,
        );
    }
}

/// Fees of a tiered plan, by the rates its Mastercard/Visa/Discover tiers take
/// ([`QualRates`] for three tiers, [`QualRatesWithPremium`] for four,
/// [`QualRatesWithPremiumAndRegulated`] for six).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TieredFees<R> {
    /// Mastercard, Visa and Discover.
    pub mastercard_visa_discover: R,
    /// American Express.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amex: Option<TieredAmex>,
    /// PIN debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_debit: Option<PinDebit>,
    /// EBT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_benefits_transfer: Option<TransactionFee>,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Three-tier fees.
pub type Tiered3Fees = TieredFees<QualRates>;
/// Four-tier fees.
pub type Tiered4Fees = TieredFees<QualRatesWithPremium>;
/// Six-tier fees.
pub type Tiered6Fees = TieredFees<QualRatesWithPremiumAndRegulated>;

impl<R: Validate> Validate for TieredFees<R> {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("mastercardVisaDiscover", &self.mastercard_visa_discover);
        v.nested_opt("amex", &self.amex);
        common_card_fees(
            v,
            &self.pin_debit,
            &self.electronic_benefits_transfer,
            &self.speciality_cards,
        );
    }
}

/// Flat-rate fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlatRateFees {
    /// Standard cards.
    pub standard_cards: ProcessorFee,
    /// American Express.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amex: Option<FlatRateAmex>,
    /// PIN debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_debit: Option<PinDebit>,
    /// EBT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_benefits_transfer: Option<TransactionFee>,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for FlatRateFees {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("standardCards", &self.standard_cards);
        v.nested_opt("amex", &self.amex);
        common_card_fees(
            v,
            &self.pin_debit,
            &self.electronic_benefits_transfer,
            &self.speciality_cards,
        );
    }
}

/// Consumer Choice fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerChoiceFees {
    /// Monthly subscription.
    pub monthly_subscription: i64,
    /// Percentage of volume.
    pub volume: f64,
    /// PIN debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_debit: Option<PinDebit>,
    /// EBT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_benefits_transfer: Option<TransactionFee>,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for ConsumerChoiceFees {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("monthlySubscription", self.monthly_subscription);
        v.non_negative_number("volume", self.volume);
        common_card_fees(
            v,
            &self.pin_debit,
            &self.electronic_benefits_transfer,
            &self.speciality_cards,
        );
    }
}

/// RewardPay Choice fees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RewardPayChoiceFees {
    /// Monthly subscription.
    pub monthly_subscription: i64,
    /// Debit pricing.
    pub debit: RewardPayDebit,
    /// Credit pricing.
    pub credit: RewardPayCredit,
    /// Specialty cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speciality_cards: Option<TransactionFee>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for RewardPayChoiceFees {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("monthlySubscription", self.monthly_subscription);
        v.at("debit", |v| {
            v.known_opt("option", &self.debit.option);
            v.non_negative_number("volume", self.debit.volume);
            v.non_negative("transaction", self.debit.transaction);
        });
        v.at("credit", |v| v.known_opt("tips", &self.credit.tips));
        v.nested_opt("specialityCards", &self.speciality_cards);
    }
}

/// RewardPay Choice debit pricing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RewardPayDebit {
    /// Pricing option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<RewardPayDebitOption>,
    /// Percentage of volume.
    pub volume: f64,
    /// Per transaction.
    pub transaction: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// RewardPay Choice credit pricing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RewardPayCredit {
    /// Tips handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tips: Option<RewardPayTips>,
    /// Percentage the cardholder pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_charge_percentage: Option<f64>,
    /// Percentage the merchant pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_charge_percentage: Option<f64>,
    /// Per transaction, paid by the merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_charge_per_transaction: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Gateway fees (`gateway`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayPricing {
    /// The fees.
    pub fees: GatewayFees,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for GatewayPricing {
    fn validate_into(&self, v: &mut Validator) {
        v.at("fees", |v| {
            v.non_negative("monthly", self.fees.monthly);
            v.non_negative("setup", self.fees.setup);
            v.non_negative("perTransaction", self.fees.per_transaction);
            v.non_negative("perDeviceMonthly", self.fees.per_device_monthly);
        });
    }
}

/// Gateway fees, in minor units (`gateway.fees`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayFees {
    /// Monthly.
    pub monthly: i64,
    /// Setup.
    pub setup: i64,
    /// Per transaction.
    pub per_transaction: i64,
    /// Monthly per device.
    pub per_device_monthly: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Whether a service is taken.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceEnabled {
    /// Taken or not.
    pub enabled: bool,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

tagged_union! {
    /// A service of the agreement (`services[]`, discriminator `name`).
    pub enum PricingService tag "name" {
        /// The Hardware Advantage Plan.
        HardwareAdvantagePlan(ServiceEnabled) = "hardwareAdvantagePlan",
    }
}

impl Validate for PricingService {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(_) = self {
            v.unknown_variant("name", Self::KNOWN_TAGS);
        }
    }
}
