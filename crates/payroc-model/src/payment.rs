//! Card payments (§4 of the API reference): the payment request with its order,
//! payment methods and repeat-payment standing instructions; the `Payment` response
//! with its transaction result; capture, reverse, referenced refund and adjust.
//!
//! Approval is read from `transactionResult.responseCode` (`A`, or `P` for a partial
//! approval), never from `status`, which is only the lifecycle state.

use crate::card::{
    AvsResult, BenefitCategory, CardDetails, CvvResult, EbtDetailsWithVoucher, PinDetails,
};
use crate::common::{
    AccountType, Channel, ContactMethod, CredentialOnFile, CustomField, Customer, IpAddress, Link,
    RetrievedCustomer, SecCode, Shipping, UnknownFields,
};
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::secret::{CardNumber, SensitiveData};
use crate::secure_token::{GatewayThreeDSecure, SecureTokenStatus, ThirdPartyThreeDSecure};
use crate::validate::{Validate, Validator};
use crate::OpenEnum;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Shared checks (also used by `refund`)
// ---------------------------------------------------------------------------

/// `orderId`: required, 1–24 characters (the live API rejects longer ids, so a
/// 36-character UUID does not fit).
pub(crate) fn check_order_id(v: &mut Validator, order_id: &str) {
    if order_id.trim().is_empty() {
        v.required_str("orderId", order_id);
    } else {
        v.length("orderId", order_id, 1, 24);
    }
}

/// An optional RFC 3339 date-time.
pub(crate) fn date_time_opt(v: &mut Validator, field: &'static str, value: &Option<String>) {
    if let Some(value) = value {
        v.date_time(field, value);
    }
}

fn non_negative_opt(v: &mut Validator, field: &'static str, amount: Option<i64>) {
    if let Some(amount) = amount {
        v.non_negative(field, amount);
    }
}

fn non_negative_number_opt(v: &mut Validator, field: &'static str, value: Option<f64>) {
    if let Some(value) = value {
        v.non_negative_number(field, value);
    }
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

open_enum! {
    /// Position of a payment in a series of repeat payments.
    pub enum Sequence {
        /// The first payment of the series.
        First = "first",
        /// A later payment of the series.
        Subsequent = "subsequent",
    }
}

open_enum! {
    /// The kind of repeat-payment series.
    pub enum ProcessingModel {
        /// Not on a regular cycle (charged when an agreed event happens).
        Unscheduled = "unscheduled",
        /// A regular cycle with no end date.
        Recurring = "recurring",
        /// A regular cycle with an end date.
        Installment = "installment",
    }
}

open_enum! {
    /// Whether a tip is a percentage or a fixed amount.
    pub enum TipType {
        /// A percentage of the after-tax total (`percentage`).
        Percentage = "percentage",
        /// A fixed amount (`amount`).
        FixedAmount = "fixedAmount",
    }
}

open_enum! {
    /// How a tip was added. `noTip` exists only as a filter of the payment list.
    pub enum TipMode {
        /// No tip (list filter only).
        NoTip = "noTip",
        /// The customer was prompted for a tip at payment.
        Prompted = "prompted",
        /// Added on the receipt and adjusted afterwards.
        Adjusted = "adjusted",
    }
}

open_enum! {
    /// The tender a dual-pricing customer chose instead of the card price.
    pub enum AlternativeTender {
        /// Card.
        Card = "card",
        /// Cash.
        Cash = "cash",
        /// Bank transfer.
        BankTransfer = "bankTransfer",
    }
}

open_enum! {
    /// Kind of a healthcare expense (docs-only field, absent from the official SDKs).
    pub enum HealthcareExpenseType {
        /// Co-payment.
        Copay = "copay",
        /// Clinic.
        Clinic = "clinic",
        /// Dental.
        Dental = "dental",
        /// Prescription.
        Prescription = "prescription",
        /// Transit.
        Transit = "transit",
        /// Vision.
        Vision = "vision",
    }
}

open_enum! {
    /// Digital wallet provider.
    pub enum DigitalWalletProvider {
        /// Apple Pay.
        Apple = "apple",
        /// Google Pay.
        Google = "google",
    }
}

open_enum! {
    /// What happened to a transaction run while the terminal was offline.
    pub enum OfflineOperation {
        /// Declined offline.
        OfflineDecline = "offlineDecline",
        /// Approved offline.
        OfflineApproval = "offlineApproval",
        /// Authorisation deferred until the terminal is back online.
        DeferredAuthorization = "deferredAuthorization",
    }
}

open_enum! {
    /// Entry method of a card in a response. Differs from the request's
    /// `cardDetails.entryMethod` values.
    pub enum CardEntryMethod {
        /// Chip.
        Icc = "icc",
        /// Keyed.
        Keyed = "keyed",
        /// Magnetic stripe.
        Swiped = "swiped",
        /// Magnetic stripe after a failed chip read.
        SwipedFallback = "swipedFallback",
        /// Contactless chip.
        ContactlessIcc = "contactlessIcc",
        /// Contactless stripe emulation.
        ContactlessMsr = "contactlessMsr",
    }
}

open_enum! {
    /// Lifecycle state of a transaction. There is no `approved`: approval is in
    /// [`ResponseCode`].
    pub enum TransactionStatus {
        /// Ready (typical for an approved sale).
        Ready = "ready",
        /// Pending (e.g. an authorised pre-authorization awaiting capture).
        Pending = "pending",
        /// Declined.
        Declined = "declined",
        /// Complete.
        Complete = "complete",
        /// Referral.
        Referral = "referral",
        /// Pick up the card.
        Pickup = "pickup",
        /// Reversed.
        Reversal = "reversal",
        /// Administrative.
        Admin = "admin",
        /// Expired.
        Expired = "expired",
        /// Accepted.
        Accepted = "accepted",
    }
}

open_enum! {
    /// Lifecycle state of a refund or of the payment a refund refers to: the
    /// [`TransactionStatus`] values plus `returned`.
    pub enum RefundStatus {
        /// Ready.
        Ready = "ready",
        /// Pending.
        Pending = "pending",
        /// Declined.
        Declined = "declined",
        /// Complete.
        Complete = "complete",
        /// Referral.
        Referral = "referral",
        /// Pick up the card.
        Pickup = "pickup",
        /// Reversed.
        Reversal = "reversal",
        /// Returned.
        Returned = "returned",
        /// Administrative.
        Admin = "admin",
        /// Expired.
        Expired = "expired",
        /// Accepted.
        Accepted = "accepted",
    }
}

open_enum! {
    /// The gateway's answer: the one field that says whether a transaction was approved.
    pub enum ResponseCode {
        /// Approved.
        A = "A",
        /// Declined.
        D = "D",
        /// Received; processed later (deferred).
        E = "E",
        /// Partially approved: `authorizedAmount` is lower than requested.
        P = "P",
        /// Issuer declined; the customer should call their bank (referral).
        R = "R",
        /// Issuer declined; keep the card (lost or stolen).
        C = "C",
    }
}

impl ResponseCode {
    /// Approved in full (`A`) or in part (`P`).
    pub fn is_approved(&self) -> bool {
        matches!(self, Self::A | Self::P)
    }

    /// Approved for less than requested (`P`).
    pub fn is_partial_approval(&self) -> bool {
        matches!(self, Self::P)
    }

    /// Declined (`D`), referred (`R`) or declined with a keep-the-card instruction (`C`).
    pub fn is_declined(&self) -> bool {
        matches!(self, Self::D | Self::R | Self::C)
    }

    /// Received and processed later (`E`).
    pub fn is_deferred(&self) -> bool {
        matches!(self, Self::E)
    }
}

open_enum! {
    /// Kind of transaction.
    pub enum TransactionType {
        /// Sale.
        Sale = "sale",
        /// Refund.
        Refund = "refund",
        /// Pre-authorization.
        PreAuthorization = "preAuthorization",
        /// Capture of a pre-authorization.
        PreAuthorizationCompletion = "preAuthorizationCompletion",
    }
}

open_enum! {
    /// Kind of EBT transaction.
    pub enum EbtType {
        /// EBT Cash purchase.
        CashPurchase = "cashPurchase",
        /// EBT Cash purchase with cash back.
        CashPurchaseWithCashback = "cashPurchaseWithCashback",
        /// EBT SNAP purchase.
        FoodStampPurchase = "foodStampPurchase",
        /// EBT SNAP voucher purchase.
        FoodStampVoucherPurchase = "foodStampVoucherPurchase",
        /// EBT SNAP return.
        FoodStampReturn = "foodStampReturn",
        /// EBT SNAP voucher return.
        FoodStampVoucherReturn = "foodStampVoucherReturn",
        /// EBT Cash balance inquiry.
        CashBalanceInquiry = "cashBalanceInquiry",
        /// EBT SNAP balance inquiry.
        FoodStampBalanceInquiry = "foodStampBalanceInquiry",
        /// EBT Cash withdrawal.
        CashWithdrawal = "cashWithdrawal",
    }
}

open_enum! {
    /// How a healthcare (FSA/HSA) card payment was handled (docs-only field).
    pub enum HealthcareIndicator {
        /// Handled as a healthcare expense.
        Y = "Y",
        /// No healthcare items.
        N = "N",
        /// The card is not tied to an FSA or HSA.
        C = "C",
        /// The card can't make healthcare payments.
        R = "R",
    }
}

open_enum! {
    /// What can be done next with a payment or refund.
    pub enum SupportedOperation {
        /// Capture a pre-authorization.
        Capture = "capture",
        /// Refund.
        Refund = "refund",
        /// Reverse the whole amount.
        FullyReverse = "fullyReverse",
        /// Reverse part of the amount.
        PartiallyReverse = "partiallyReverse",
        /// Increase the authorised amount.
        IncrementAuthorization = "incrementAuthorization",
        /// Adjust the tip.
        AdjustTip = "adjustTip",
        /// Add a cardholder signature.
        AddSignature = "addSignature",
        /// Set the status to `ready`.
        SetAsReady = "setAsReady",
        /// Set the status to `pending`.
        SetAsPending = "setAsPending",
    }
}

open_enum! {
    /// Status an adjustment moves a payment or refund to (`toStatus`).
    pub enum AdjustmentStatus {
        /// Ready.
        Ready = "ready",
        /// Pending.
        Pending = "pending",
    }
}

open_enum! {
    /// Tender filter of the payment and refund lists.
    pub enum Tender {
        /// EBT.
        Ebt = "ebt",
        /// Credit or debit card.
        CreditDebit = "creditDebit",
    }
}

open_enum! {
    /// Settlement filter of the payment and refund lists.
    pub enum SettlementState {
        /// Settled.
        Settled = "settled",
        /// Not yet settled.
        Unsettled = "unsettled",
    }
}

macro_rules! units_of_measure {
    ($( $variant:ident = $code:literal, )+) => {
        open_enum! {
            /// Unit of measure of a line item: one of 216 three-letter codes (mostly
            /// UN/ECE Recommendation 20), e.g. `EA` each, `KGM` kilogram, `LTR` litre.
            pub enum UnitOfMeasure {
                $( #[doc = concat!("Unit code `", $code, "`.")] $variant = $code, )+
            }
        }
    };
}

units_of_measure! {
    Acr = "ACR", Amh = "AMH", Amp = "AMP", Apz = "APZ", Are = "ARE", Asm = "ASM",
    Asv = "ASV", Atm = "ATM", Att = "ATT", Bar = "BAR", Bft = "BFT", Bhp = "BHP",
    Bhx = "BHX", Bil = "BIL", Bld = "BLD", Bll = "BLL", Bql = "BQL", Btu = "BTU",
    Bua = "BUA", Bui = "BUI", Bx = "BX", Cct = "CCT", Cdl = "CDL", Cel = "CEL",
    Cen = "CEN", Cgm = "CGM", Ckg = "CKG", Clf = "CLF", Clt = "CLT", Cmk = "CMK",
    Cmt = "CMT", Cnp = "CNP", Cnt = "CNT", Cou = "COU", Cs = "CS", Ctm = "CTM",
    Cur = "CUR", Cwa = "CWA", Daa = "DAA", Dad = "DAD", Day = "DAY", Dec = "DEC",
    Dlt = "DLT", Dmk = "DMK", Dmq = "DMQ", Dmt = "DMT", Dpc = "DPC", Dpt = "DPT",
    Dra = "DRA", Dri = "DRI", Drl = "DRL", Drm = "DRM", Dth = "DTH", Dtn = "DTN",
    Dwt = "DWT", Dzn = "DZN", Dzp = "DZP", Dzr = "DZR", Ea = "EA", Eac = "EAC",
    Fah = "FAH", Far = "FAR", Fot = "FOT", Ftk = "FTK", Ftq = "FTQ", Gbq = "GBQ",
    Gfi = "GFI", Ggr = "GGR", Gii = "GII", Gld = "GLD", Gli = "GLI", Gll = "GLL",
    Grm = "GRM", Grn = "GRN", Gro = "GRO", Grt = "GRT", Gwh = "GWH", Har = "HAR",
    Hba = "HBA", Hgm = "HGM", Hiu = "HIU", Hlt = "HLT", Hmq = "HMQ", Hmt = "HMT",
    Hpa = "HPA", Htz = "HTZ", Hur = "HUR", Inh = "INH", Ink = "INK", Inq = "INQ",
    Itm = "ITM", Jou = "JOU", Kba = "KBA", Kel = "KEL", Kgm = "KGM", Kgs = "KGS",
    Khz = "KHZ", Kjo = "KJO", Kmh = "KMH", Kmk = "KMK", Kmq = "KMQ", Kmt = "KMT",
    Kni = "KNI", Kns = "KNS", Knt = "KNT", Kpa = "KPA", Kph = "KPH", Kpo = "KPO",
    Kpp = "KPP", Ksd = "KSD", Ksh = "KSH", Ktn = "KTN", Kur = "KUR", Kva = "KVA",
    Kvr = "KVR", Kvt = "KVT", Kwh = "KWH", Kwt = "KWT", Lbr = "LBR", Lbs = "LBS",
    Lef = "LEF", Lpa = "LPA", Ltn = "LTN", Ltr = "LTR", Lum = "LUM", Lux = "LUX",
    Mal = "MAL", Mam = "MAM", Maw = "MAW", Mbe = "MBE", Mbf = "MBF", Mbr = "MBR",
    Mcu = "MCU", Mgm = "MGM", Mhz = "MHZ", Mik = "MIK", Mil = "MIL", Min = "MIN",
    Mio = "MIO", Miu = "MIU", Mld = "MLD", Mlt = "MLT", Mmk = "MMK", Mmq = "MMQ",
    Mmt = "MMT", Mon = "MON", Mpa = "MPA", Mqh = "MQH", Mqs = "MQS", Msk = "MSK",
    Mtk = "MTK", Mtq = "MTQ", Mtr = "MTR", Mts = "MTS", Mva = "MVA", Mwh = "MWH",
    Nar = "NAR", Nbb = "NBB", Ncl = "NCL", New = "NEW", Niu = "NIU", Nmb = "NMB",
    Nmi = "NMI", Nmp = "NMP", Nmr = "NMR", Npl = "NPL", Npt = "NPT", Nrl = "NRL",
    Ntt = "NTT", Ohm = "OHM", Onz = "ONZ", Oza = "OZA", Ozi = "OZI", Pal = "PAL",
    Pcb = "PCB", Pce = "PCE", Pgl = "PGL", Pk = "PK", Psc = "PSC", Ptd = "PTD",
    Pti = "PTI", Ptl = "PTL", Qan = "QAN", Qtd = "QTD", Qti = "QTI", Qtl = "QTL",
    Qtr = "QTR", Rpm = "RPM", Rps = "RPS", San = "SAN", Sco = "SCO", Scr = "SCR",
    Sec = "SEC", Set = "SET", Sht = "SHT", Sie = "SIE", Smi = "SMI", Sst = "SST",
    St = "ST", Sti = "STI", Tah = "TAH", Tne = "TNE", Tpr = "TPR", Tqd = "TQD",
    Trl = "TRL", Tsd = "TSD", Tsh = "TSH", Vlt = "VLT", Wcd = "WCD", Web = "WEB",
    Wee = "WEE", Whr = "WHR", Wsd = "WSD", Wtt = "WTT", Ydk = "YDK", Ydq = "YDQ",
}

// ---------------------------------------------------------------------------
// Standing instructions (repeat payments run by your own software, §4.8)
// ---------------------------------------------------------------------------

/// Where a payment sits in a series of repeat payments (`order.standingInstructions`).
///
/// Build them with [`StandingInstructions::first`] for the first charge and
/// [`Payment::subsequent_standing_instructions`] (or
/// [`StandingInstructions::subsequent_to`]) for every later one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandingInstructions {
    /// First or subsequent.
    pub sequence: Sequence,
    /// Unscheduled, recurring or installment; the same for every payment of a series.
    pub processing_model: ProcessingModel,
    /// The series' first payment; send it on every `subsequent` payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_data_of_first_txn: Option<ReferenceDataOfFirstTxn>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Identifies the first payment of a series (`referenceDataOfFirstTxn`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceDataOfFirstTxn {
    /// `paymentId` of the first payment (Payroc recommends always sending it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    /// The first payment's `transactionResult.cardSchemeReferenceId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_scheme_reference_id: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl StandingInstructions {
    /// The first payment of a series.
    pub fn first(processing_model: ProcessingModel) -> Self {
        Self {
            sequence: Sequence::First,
            processing_model,
            reference_data_of_first_txn: None,
            unknown: Default::default(),
        }
    }

    /// A later payment of the series whose first payment was `payment_id`.
    pub fn subsequent_to(
        processing_model: ProcessingModel,
        payment_id: impl Into<String>,
        card_scheme_reference_id: Option<String>,
    ) -> Self {
        Self {
            sequence: Sequence::Subsequent,
            processing_model,
            reference_data_of_first_txn: Some(ReferenceDataOfFirstTxn {
                payment_id: Some(payment_id.into()),
                card_scheme_reference_id,
                unknown: Default::default(),
            }),
            unknown: Default::default(),
        }
    }
}

impl Validate for StandingInstructions {
    fn validate_into(&self, v: &mut Validator) {
        v.known("sequence", &self.sequence);
        v.known("processingModel", &self.processing_model);
        match (&self.sequence, &self.reference_data_of_first_txn) {
            (Sequence::Subsequent, None) => v.violation(
                "referenceDataOfFirstTxn",
                "required",
                "is required on a `subsequent` payment: send the first payment's paymentId \
                 and its transactionResult.cardSchemeReferenceId",
            ),
            (Sequence::Subsequent, Some(reference)) => {
                let blank = reference.payment_id.as_deref().is_none_or(|id| id.trim().is_empty());
                if blank {
                    v.at("referenceDataOfFirstTxn", |v| {
                        v.violation(
                            "paymentId",
                            "required",
                            "is required on a `subsequent` payment: the paymentId of the series' first payment",
                        );
                    });
                }
            }
            (Sequence::First, Some(_)) => v.violation(
                "referenceDataOfFirstTxn",
                "conflict",
                "must not be sent on the `first` payment of a series; it refers to that payment later",
            ),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------

/// A dynamic currency conversion offer (`dccOffer`, request and response).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DccOffer {
    /// The cardholder accepted the offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<bool>,
    /// Offer id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_reference: Option<String>,
    /// Amount in the cardholder's currency, in its minor unit.
    pub fx_amount: i64,
    /// The card's currency.
    pub fx_currency: Currency,
    /// ISO 4217 numeric code of the card's currency (e.g. `392`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fx_currency_code: Option<String>,
    /// Minor-unit exponent of the card's currency (GBP 2, JPY 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fx_currency_exponent: Option<u32>,
    /// Exchange rate.
    pub fx_rate: f64,
    /// Markup percentage.
    pub markup: f64,
    /// Markup text shown to the cardholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup_text: Option<String>,
    /// Offer provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Rate source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for DccOffer {
    fn validate_into(&self, v: &mut Validator) {
        v.positive_amount("fxAmount", self.fx_amount);
        v.known("fxCurrency", &self.fx_currency);
        v.non_negative_number("fxRate", self.fx_rate);
        v.non_negative_number("markup", self.markup);
    }
}

/// The order of a payment request (`PaymentOrderRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentOrderRequest {
    /// The merchant's unique id for the transaction, 1–24 characters.
    pub order_id: String,
    /// Total in the currency's minor unit (`4999` USD = $49.99).
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// Processing time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Dynamic currency conversion offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_offer: Option<DccOffer>,
    /// Repeat-payment position; required with `credentialOnFile.mitAgreement`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing_instructions: Option<StandingInstructions>,
    /// Allow a partial authorisation instead of a decline (docs-only field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept_partial_amount: Option<bool>,
    /// Itemized amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<ItemizedBreakdownRequest>,
}

impl PaymentOrderRequest {
    /// An order with its three required fields.
    pub fn new(order_id: impl Into<String>, amount: i64, currency: Currency) -> Self {
        Self {
            order_id: order_id.into(),
            amount,
            currency,
            date_time: None,
            description: None,
            dcc_offer: None,
            standing_instructions: None,
            accept_partial_amount: None,
            breakdown: None,
        }
    }
}

impl Validate for PaymentOrderRequest {
    fn validate_into(&self, v: &mut Validator) {
        check_order_id(v, &self.order_id);
        v.positive_amount("amount", self.amount);
        v.known("currency", &self.currency);
        date_time_opt(v, "dateTime", &self.date_time);
        v.nested_opt("dccOffer", &self.dcc_offer);
        v.nested_opt("standingInstructions", &self.standing_instructions);
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// The order of a payment as returned (`PaymentOrder`): every field optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentOrder {
    /// The merchant's id for the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// Processing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Total in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Dynamic currency conversion offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_offer: Option<DccOffer>,
    /// Repeat-payment position, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing_instructions: Option<StandingInstructions>,
    /// Partial authorisation allowed (docs-only field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept_partial_amount: Option<bool>,
    /// Itemized amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<ItemizedBreakdown>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// Breakdown
// ---------------------------------------------------------------------------

/// A tip (`Tip`, request and response).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tip {
    /// Percentage or fixed amount.
    #[serde(rename = "type")]
    pub kind: TipType,
    /// Prompted or adjusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TipMode>,
    /// Amount in minor units; required for `fixedAmount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Percentage of the after-tax total; required for `percentage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Tip {
    /// A fixed-amount tip.
    pub fn fixed_amount(amount: i64) -> Self {
        Self {
            kind: TipType::FixedAmount,
            mode: None,
            amount: Some(amount),
            percentage: None,
            unknown: Default::default(),
        }
    }

    /// A percentage tip.
    pub fn percentage(percentage: f64) -> Self {
        Self {
            kind: TipType::Percentage,
            mode: None,
            amount: None,
            percentage: Some(percentage),
            unknown: Default::default(),
        }
    }
}

impl Validate for Tip {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        if let Some(mode) = &self.mode {
            if *mode == TipMode::NoTip {
                v.violation(
                    "mode",
                    "enum",
                    "`noTip` is only a list filter; send `prompted` or `adjusted`, or leave mode out",
                );
            } else {
                v.known("mode", mode);
            }
        }
        match self.kind {
            TipType::Percentage if self.percentage.is_none() => v.violation(
                "percentage",
                "required",
                "is required for a `percentage` tip",
            ),
            TipType::FixedAmount if self.amount.is_none() => {
                v.violation("amount", "required", "is required for a `fixedAmount` tip")
            }
            _ => {}
        }
        non_negative_opt(v, "amount", self.amount);
        non_negative_number_opt(v, "percentage", self.percentage);
    }
}

/// A surcharge (`Surcharge`, request and response).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Surcharge {
    /// `true` removes the surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bypass: Option<bool>,
    /// Amount in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for Surcharge {
    fn validate_into(&self, v: &mut Validator) {
        non_negative_opt(v, "amount", self.amount);
        non_negative_number_opt(v, "percentage", self.percentage);
    }
}

/// The rate a dual-pricing customer was offered (`choiceRate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceRate {
    /// Whether the rate was applied.
    pub applied: bool,
    /// The rate.
    pub rate: f64,
    /// The amount, in minor units.
    pub amount: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Dual pricing (`DualPricing`, request and response).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DualPricing {
    /// Whether dual pricing was offered.
    pub offered: bool,
    /// Required when `offered` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice_rate: Option<ChoiceRate>,
    /// Required when `offered` is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_tender: Option<AlternativeTender>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for DualPricing {
    fn validate_into(&self, v: &mut Validator) {
        if self.offered {
            if self.choice_rate.is_none() {
                v.violation(
                    "choiceRate",
                    "required",
                    "is required when `offered` is true",
                );
            }
            if self.alternative_tender.is_none() {
                v.violation(
                    "alternativeTender",
                    "required",
                    "is required when `offered` is true",
                );
            }
        }
        v.known_opt("alternativeTender", &self.alternative_tender);
        if let Some(rate) = &self.choice_rate {
            v.at("choiceRate", |v| {
                v.non_negative_number("rate", rate.rate);
                v.non_negative("amount", rate.amount);
            });
        }
    }
}

/// A tax given as an amount (`type: amount`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountTax {
    /// Amount in minor units.
    pub amount: i64,
    /// Name of the tax.
    pub name: String,
}

/// A tax given as a rate (`type: rate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateTax {
    /// Rate, as a percentage.
    pub rate: f64,
    /// Name of the tax.
    pub name: String,
}

tagged_union! {
    /// A tax in a request breakdown or line item (discriminator `type`).
    pub enum Tax tag "type" {
        /// A fixed amount.
        Amount(AmountTax) = "amount",
        /// A rate.
        Rate(RateTax) = "rate",
    }
}

impl Validate for Tax {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Amount(tax) => {
                v.non_negative("amount", tax.amount);
                v.required_str("name", &tax.name);
            }
            Self::Rate(tax) => {
                v.non_negative_number("rate", tax.rate);
                v.required_str("name", &tax.name);
            }
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// A tax as returned (`RetrievedTax`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetrievedTax {
    /// Name of the tax.
    pub name: String,
    /// Rate, as a percentage.
    pub rate: f64,
    /// Amount in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A convenience fee (`convenienceFee`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvenienceFee {
    /// Amount in minor units.
    pub amount: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A healthcare expense (docs-only field, absent from the official SDKs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthcareExpense {
    /// Kind of expense.
    #[serde(rename = "type")]
    pub kind: HealthcareExpenseType,
    /// Amount in minor units.
    pub amount: i64,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Validate for HealthcareExpense {
    fn validate_into(&self, v: &mut Validator) {
        v.known("type", &self.kind);
        v.non_negative("amount", self.amount);
    }
}

/// A line item of a request (`LineItemRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineItemRequest {
    /// Commodity code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commodity_code: Option<String>,
    /// Product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unit of measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Price of one unit, in minor units.
    pub unit_price: i64,
    /// Number of units (may be fractional).
    pub quantity: f64,
    /// Discount rate, as a percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<f64>,
    /// Taxes on the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<Tax>,
}

impl LineItemRequest {
    /// A line item with its two required fields.
    pub fn new(unit_price: i64, quantity: f64) -> Self {
        Self {
            commodity_code: None,
            product_code: None,
            description: None,
            unit_of_measure: None,
            unit_price,
            quantity,
            discount_rate: None,
            taxes: Vec::new(),
        }
    }
}

impl Validate for LineItemRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.known_opt("unitOfMeasure", &self.unit_of_measure);
        v.non_negative("unitPrice", self.unit_price);
        if !self.quantity.is_finite() || self.quantity <= 0.0 {
            v.violation(
                "quantity",
                "range",
                format!("must be a number greater than zero (got {})", self.quantity),
            );
        }
        non_negative_number_opt(v, "discountRate", self.discount_rate);
        v.each("taxes", &self.taxes);
    }
}

/// A line item as returned (`LineItem`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    /// Commodity code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commodity_code: Option<String>,
    /// Product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unit of measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Price of one unit, in minor units.
    pub unit_price: i64,
    /// Number of units.
    pub quantity: f64,
    /// Discount rate, as a percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<f64>,
    /// Taxes on the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<RetrievedTax>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Itemized amounts of a request (`ItemizedBreakdownRequest`; `order.breakdown` and
/// the capture `breakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemizedBreakdownRequest {
    /// Amount before tax and fees, in minor units.
    pub subtotal: i64,
    /// Cash back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback_amount: Option<i64>,
    /// Tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Tip>,
    /// Surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge: Option<Surcharge>,
    /// Dual pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dual_pricing: Option<DualPricing>,
    /// Taxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<Tax>,
    /// Duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty_amount: Option<i64>,
    /// Shipping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight_amount: Option<i64>,
    /// Convenience fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convenience_fee: Option<ConvenienceFee>,
    /// Line items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<LineItemRequest>,
    /// Healthcare expenses (docs-only field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub healthcare_expenses: Vec<HealthcareExpense>,
}

impl ItemizedBreakdownRequest {
    /// A breakdown with only its subtotal.
    pub fn new(subtotal: i64) -> Self {
        Self {
            subtotal,
            cashback_amount: None,
            tip: None,
            surcharge: None,
            dual_pricing: None,
            taxes: Vec::new(),
            duty_amount: None,
            freight_amount: None,
            convenience_fee: None,
            items: Vec::new(),
            healthcare_expenses: Vec::new(),
        }
    }
}

impl Validate for ItemizedBreakdownRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.non_negative("subtotal", self.subtotal);
        non_negative_opt(v, "cashbackAmount", self.cashback_amount);
        v.nested_opt("tip", &self.tip);
        v.nested_opt("surcharge", &self.surcharge);
        v.nested_opt("dualPricing", &self.dual_pricing);
        v.each("taxes", &self.taxes);
        non_negative_opt(v, "dutyAmount", self.duty_amount);
        non_negative_opt(v, "freightAmount", self.freight_amount);
        if let Some(fee) = &self.convenience_fee {
            v.at("convenienceFee", |v| v.non_negative("amount", fee.amount));
        }
        v.each("items", &self.items);
        v.each("healthcareExpenses", &self.healthcare_expenses);
    }
}

/// Itemized amounts as returned (`ItemizedBreakdown`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemizedBreakdown {
    /// Amount before tax and fees, in minor units.
    pub subtotal: i64,
    /// Cash back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback_amount: Option<i64>,
    /// Tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Tip>,
    /// Surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge: Option<Surcharge>,
    /// Dual pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dual_pricing: Option<DualPricing>,
    /// Taxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxes: Vec<RetrievedTax>,
    /// Duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty_amount: Option<i64>,
    /// Shipping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight_amount: Option<i64>,
    /// Convenience fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convenience_fee: Option<ConvenienceFee>,
    /// Line items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<LineItem>,
    /// Healthcare expenses (docs-only field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub healthcare_expenses: Vec<HealthcareExpense>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

// ---------------------------------------------------------------------------
// Payment methods, 3-D Secure, offline processing
// ---------------------------------------------------------------------------

/// Pay with card details (`type: card`; also a refund method).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardPaymentMethod {
    /// The card data, as captured.
    pub card_details: CardDetails,
    /// Checking or savings (bank details only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
}

impl Validate for CardPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("cardDetails", &self.card_details);
        v.known_opt("accountType", &self.account_type);
    }
}

/// Pay with a saved card or account (`type: secureToken`; also a refund method).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureTokenPaymentMethod {
    /// The gateway's `token` (digits, starting 296753), **not** the `secureTokenId`.
    pub token: String,
    /// Checking or savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
    /// How an ACH debit was authorised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<SecCode>,
}

impl Validate for SecureTokenPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("token", &self.token);
        // The merchant-chosen secureTokenId (e.g. `MREF_…`) is the usual mix-up.
        if !self.token.trim().is_empty() && !self.token.bytes().all(|b| b.is_ascii_digit()) {
            v.violation(
                "token",
                "format",
                "must be the gateway `token` of the secure token (digits, starting 296753), \
                 not its `secureTokenId`",
            );
        }
        v.known_opt("accountType", &self.account_type);
        v.known_opt("secCode", &self.sec_code);
    }
}

/// Pay with Apple Pay or Google Pay (`type: digitalWallet`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DigitalWalletPaymentMethod {
    /// Apple or Google.
    pub service_provider: DigitalWalletProvider,
    /// The encrypted wallet payload (for Apple Pay, the payment token JSON, hex-encoded).
    pub encrypted_data: SensitiveData,
    /// Cardholder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// Checking or savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
}

impl Validate for DigitalWalletPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.known("serviceProvider", &self.service_provider);
        v.required_str("encryptedData", self.encrypted_data.expose_secret());
        v.known_opt("accountType", &self.account_type);
    }
}

/// Pay with a single-use token from Hosted Fields or the single-use-token endpoint
/// (`type: singleUseToken`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SingleUseTokenPaymentMethod {
    /// The single-use token.
    pub token: String,
    /// PIN details (`dukpt`, or `raw` which only single-use tokens accept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_details: Option<PinDetails>,
    /// EBT details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_details: Option<EbtDetailsWithVoucher>,
    /// How an ACH debit was authorised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sec_code: Option<SecCode>,
    /// Checking or savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<AccountType>,
}

impl Validate for SingleUseTokenPaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        v.required_str("token", &self.token);
        if let Some(pin) = &self.pin_details {
            v.at("pinDetails", |v| pin.validate_with(v, true));
        }
        v.nested_opt("ebtDetails", &self.ebt_details);
        v.known_opt("secCode", &self.sec_code);
        v.known_opt("accountType", &self.account_type);
    }
}

tagged_union! {
    /// How the customer pays (`paymentMethod`, discriminator `type`).
    // Card details dwarf a token, but a body is built once per call: boxing would
    // only make it clumsier to write.
    #[allow(clippy::large_enum_variant)]
    pub enum PaymentMethod tag "type" {
        /// Card details.
        Card(CardPaymentMethod) = "card",
        /// A saved card or account.
        SecureToken(SecureTokenPaymentMethod) = "secureToken",
        /// Apple Pay or Google Pay.
        DigitalWallet(DigitalWalletPaymentMethod) = "digitalWallet",
        /// A single-use token.
        SingleUseToken(SingleUseTokenPaymentMethod) = "singleUseToken",
    }
}

impl PaymentMethod {
    /// Pay with card details.
    pub fn card(card_details: CardDetails) -> Self {
        Self::Card(CardPaymentMethod {
            card_details,
            account_type: None,
        })
    }

    /// Pay with a saved card: `token` is the gateway token (296753…), not the
    /// `secureTokenId`.
    pub fn secure_token(token: impl Into<String>) -> Self {
        Self::SecureToken(SecureTokenPaymentMethod {
            token: token.into(),
            account_type: None,
            sec_code: None,
        })
    }
}

impl Validate for PaymentMethod {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Card(method) => method.validate_into(v),
            Self::SecureToken(method) => method.validate_into(v),
            Self::DigitalWallet(wallet) => wallet.validate_into(v),
            Self::SingleUseToken(single) => single.validate_into(v),
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

tagged_union! {
    /// 3-D Secure result of a payment (`threeDSecure`, discriminator `serviceProvider`).
    /// The variants are the tokenization request's, tagged differently.
    pub enum ThreeDSecure tag "serviceProvider" {
        /// Authenticated by the gateway.
        Gateway(GatewayThreeDSecure) = "gateway",
        /// Authenticated by a third party.
        ThirdParty(ThirdPartyThreeDSecure) = "thirdParty",
    }
}

impl Validate for ThreeDSecure {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Gateway(gateway) => v.required_str("mpiReference", &gateway.mpi_reference),
            Self::ThirdParty(third) => v.known("eci", &third.eci),
            Self::Unknown(_) => v.unknown_variant("serviceProvider", Self::KNOWN_TAGS),
        }
    }
}

/// A transaction run while the terminal was offline (`offlineProcessing`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfflineProcessing {
    /// What happened offline.
    pub operation: OfflineOperation,
    /// Approval code given offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_code: Option<String>,
    /// When the merchant ran it, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_time: Option<String>,
}

impl Validate for OfflineProcessing {
    fn validate_into(&self, v: &mut Validator) {
        v.known("operation", &self.operation);
        date_time_opt(v, "dateTime", &self.date_time);
    }
}

// ---------------------------------------------------------------------------
// POST /payments
// ---------------------------------------------------------------------------

/// Body of `POST /payments`: a sale or, with `autoCapture: false`, a pre-authorization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRequest {
    /// How the merchant got the card details.
    pub channel: Channel,
    /// Terminal id assigned by Payroc.
    pub processing_terminal_id: String,
    /// The order.
    pub order: PaymentOrderRequest,
    /// How the customer pays.
    pub payment_method: PaymentMethod,
    /// Who ran the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// The client machine's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<IpAddress>,
    /// 3-D Secure result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub three_d_secure: Option<ThreeDSecure>,
    /// Credential-on-file settings; `mitAgreement` needs `order.standingInstructions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_on_file: Option<CredentialOnFile>,
    /// Offline transaction details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline_processing: Option<OfflineProcessing>,
    /// `true` (default) for a sale, `false` for a pre-authorization to capture later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_capture: Option<bool>,
    /// `true` settles at once; the payment can then no longer be adjusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_as_sale: Option<bool>,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl PaymentRequest {
    /// A payment with its four required fields.
    pub fn new(
        channel: Channel,
        processing_terminal_id: impl Into<String>,
        order: PaymentOrderRequest,
        payment_method: PaymentMethod,
    ) -> Self {
        Self {
            channel,
            processing_terminal_id: processing_terminal_id.into(),
            order,
            payment_method,
            operator: None,
            customer: None,
            ip_address: None,
            three_d_secure: None,
            credential_on_file: None,
            offline_processing: None,
            auto_capture: None,
            process_as_sale: None,
            custom_fields: Vec::new(),
        }
    }
}

impl Validate for PaymentRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.known("channel", &self.channel);
        v.required_str("processingTerminalId", &self.processing_terminal_id);
        v.nested("order", &self.order);
        v.nested("paymentMethod", &self.payment_method);
        v.nested_opt("customer", &self.customer);
        v.nested_opt("ipAddress", &self.ip_address);
        v.nested_opt("threeDSecure", &self.three_d_secure);
        v.nested_opt("credentialOnFile", &self.credential_on_file);
        let mit_agreement = self
            .credential_on_file
            .as_ref()
            .and_then(|c| c.mit_agreement.as_ref());
        if mit_agreement.is_some() && self.order.standing_instructions.is_none() {
            v.at("order", |v| {
                v.violation(
                    "standingInstructions",
                    "required",
                    "is required when credentialOnFile.mitAgreement is sent: \
                     send {sequence, processingModel}",
                );
            });
        }
        v.nested_opt("offlineProcessing", &self.offline_processing);
        v.each("customFields", &self.custom_fields);
    }
}

// ---------------------------------------------------------------------------
// Payment (response)
// ---------------------------------------------------------------------------

/// A saved card's token, as a payment returns it (`SecureTokenSummary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecureTokenSummary {
    /// The merchant's id of the token (used in URLs).
    pub secure_token_id: String,
    /// Name of the customer.
    pub customer_name: String,
    /// The gateway token to send as `paymentMethod.token` on later payments.
    pub token: String,
    /// Outcome of the security check.
    pub status: SecureTokenStatus,
    /// Link to the secure token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Results of the CVV and address checks (`securityChecks`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityChecks {
    /// CVV check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv_result: Option<CvvResult>,
    /// Address check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_result: Option<AvsResult>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An EMV tag of a chip transaction (`{hex, value}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmvTag {
    /// Tag, in hex (e.g. `9F36`).
    pub hex: String,
    /// Value; kept redacted since some tags carry card data.
    pub value: SensitiveData,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An EBT balance (`balances[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// Cash or food stamps.
    pub benefit_category: BenefitCategory,
    /// Balance in minor units.
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The card of a payment or refund, as returned (`Card` / `RetrievedCard`).
///
/// One type serves both: they differ only in `entryMethod`, which `Card` always
/// carries and `RetrievedCard` may leave out, so it is optional here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Brand as free text, e.g. `Visa Credit` (not an enum).
    #[serde(rename = "type")]
    pub kind: String,
    /// How the card was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_method: Option<CardEntryMethod>,
    /// Cardholder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_name: Option<String>,
    /// Encoded cardholder signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardholder_signature: Option<String>,
    /// Masked number (first six and last four).
    pub card_number: CardNumber,
    /// Expiry date, `MMYY`.
    pub expiry_date: String,
    /// The saved card's token, when the card was tokenized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure_token: Option<SecureTokenSummary>,
    /// CVV and address check results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_checks: Option<SecurityChecks>,
    /// EMV tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emv_tags: Vec<EmvTag>,
    /// EBT balances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub balances: Vec<Balance>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The card of a retrieved payment or refund; see [`Card`].
pub type RetrievedCard = Card;

/// The outcome of a transaction (`TransactionResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionResult {
    /// Kind of transaction.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TransactionType>,
    /// Kind of EBT transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebt_type: Option<EbtType>,
    /// Lifecycle state; not an approval flag.
    pub status: TransactionStatus,
    /// Authorisation code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_code: Option<String>,
    /// Amount authorised, in minor units; lower on a partial approval, negative when
    /// money goes to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Whether it was approved: see [`ResponseCode`].
    pub response_code: ResponseCode,
    /// Processor text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message: Option<String>,
    /// Raw processor code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor_response_code: Option<String>,
    /// Card-brand reference; keep it from a `first` repeat payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_scheme_reference_id: Option<String>,
    /// Healthcare handling (docs-only field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcare_indicator: Option<HealthcareIndicator>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl TransactionResult {
    /// Approved in full or in part (`responseCode` `A` or `P`).
    pub fn is_approved(&self) -> bool {
        self.response_code.is_approved()
    }

    /// Approved for less than requested (`P`); see `authorizedAmount`.
    pub fn is_partial_approval(&self) -> bool {
        self.response_code.is_partial_approval()
    }

    /// Declined (`D`, `R` or `C`).
    pub fn is_declined(&self) -> bool {
        self.response_code.is_declined()
    }

    /// Processed later (`E`).
    pub fn is_deferred(&self) -> bool {
        self.response_code.is_deferred()
    }
}

/// A refund of a payment, as listed on it (`RefundSummary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundSummary {
    /// Refund id.
    pub refund_id: String,
    /// When it was processed.
    pub date_time: String,
    /// Currency.
    pub currency: Currency,
    /// Amount in minor units.
    pub amount: i64,
    /// Lifecycle state.
    pub status: RefundStatus,
    /// Whether it was approved.
    pub response_code: ResponseCode,
    /// Processor text.
    pub response_message: String,
    /// Link to the refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A card payment, as returned by create, capture, adjust, reverse and referenced
/// refund (`Payment`) and by retrieve and list (`RetrievedPayment`).
///
/// One type serves both: their only difference is the card's `entryMethod`, optional
/// in `RetrievedCard`, and [`Card`] treats it as optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// Gateway id, needed for every follow-on call.
    pub payment_id: String,
    /// Terminal id.
    pub processing_terminal_id: String,
    /// Who ran the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The order.
    pub order: PaymentOrder,
    /// The customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RetrievedCustomer>,
    /// The card (there is no `paymentMethod` in responses).
    pub card: Card,
    /// Refunds linked to this payment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refunds: Vec<RefundSummary>,
    /// What can be done next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_operations: Vec<SupportedOperation>,
    /// The outcome.
    pub transaction_result: TransactionResult,
    /// Merchant-defined fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A payment as retrieve and list return it; see [`Payment`].
pub type RetrievedPayment = Payment;

/// Why a payment cannot start a series of subsequent repeat payments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RepeatPaymentError {
    /// The payment was sent without `order.standingInstructions`.
    #[error(
        "the payment has no order.standingInstructions; send the first payment of a series \
         with StandingInstructions::first(processingModel)"
    )]
    NoStandingInstructions,
    /// The payment is not the `first` of its series.
    #[error(
        "the payment's standing instructions have sequence `{0}`; subsequent payments must \
         refer to the `first` payment of the series"
    )]
    NotFirst(Sequence),
    /// The payment was not approved, so there is no series to continue.
    #[error("the first payment was not approved (responseCode `{0}`); start the series again")]
    NotApproved(ResponseCode),
    /// The card was not saved, so later payments have no secure token to charge.
    #[error(
        "the first payment saved no secure token; send it with credentialOnFile.tokenize = true \
         or pay with a secureToken payment method"
    )]
    NoSecureToken,
}

impl Payment {
    /// Approved in full or in part, read from `transactionResult.responseCode`.
    pub fn is_approved(&self) -> bool {
        self.transaction_result.is_approved()
    }

    /// Approved for less than requested.
    pub fn is_partial_approval(&self) -> bool {
        self.transaction_result.is_partial_approval()
    }

    /// Declined (`D`, `R` or `C`).
    pub fn is_declined(&self) -> bool {
        self.transaction_result.is_declined()
    }

    /// Processed later (`E`).
    pub fn is_deferred(&self) -> bool {
        self.transaction_result.is_deferred()
    }

    /// Whether `operation` is among the operations the payment supports now.
    pub fn supports(&self, operation: &SupportedOperation) -> bool {
        self.supported_operations.contains(operation)
    }

    /// The saved card's token summary, present when the card was tokenized: send its
    /// `token` as the `secureToken` payment method of later payments.
    pub fn secure_token(&self) -> Option<&SecureTokenSummary> {
        self.card.secure_token.as_ref()
    }

    /// Standing instructions for the next payment of the series this payment started:
    /// `subsequent`, the same processing model, and a reference to this payment
    /// (its `paymentId` and `transactionResult.cardSchemeReferenceId`).
    pub fn subsequent_standing_instructions(
        &self,
    ) -> Result<StandingInstructions, RepeatPaymentError> {
        let first = self
            .order
            .standing_instructions
            .as_ref()
            .ok_or(RepeatPaymentError::NoStandingInstructions)?;
        if first.sequence != Sequence::First {
            return Err(RepeatPaymentError::NotFirst(first.sequence.clone()));
        }
        if !self.is_approved() {
            return Err(RepeatPaymentError::NotApproved(
                self.transaction_result.response_code.clone(),
            ));
        }
        Ok(StandingInstructions::subsequent_to(
            first.processing_model.clone(),
            self.payment_id.clone(),
            self.transaction_result.card_scheme_reference_id.clone(),
        ))
    }
}

// ---------------------------------------------------------------------------
// Capture, reverse, referenced refund, adjust
// ---------------------------------------------------------------------------

/// Body of `POST /payments/{paymentId}/capture`. Leave `amount` out to capture the
/// whole authorised amount; capturing more needs an adjust first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentCaptureRequest {
    /// Terminal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_terminal_id: Option<String>,
    /// Who captured it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Amount to capture, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Itemized amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<ItemizedBreakdownRequest>,
}

impl Validate for PaymentCaptureRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(amount) = self.amount {
            v.positive_amount("amount", amount);
        }
        v.nested_opt("breakdown", &self.breakdown);
    }
}

/// Body of `POST /payments/{paymentId}/reverse`. Leave `amount` out to void the
/// whole amount.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentReverseRequest {
    /// Who reversed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Amount to reverse, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

impl Validate for PaymentReverseRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(amount) = self.amount {
            v.positive_amount("amount", amount);
        }
    }
}

/// Body of `POST /payments/{paymentId}/refund` (referenced refund). The response is
/// the original [`Payment`], whose `refunds` now lists the refund.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRefundRequest {
    /// Amount to refund, in minor units.
    pub amount: i64,
    /// Reason for the refund.
    pub description: String,
    /// Who refunded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
}

impl PaymentRefundRequest {
    /// A referenced refund of `amount` for the given reason.
    pub fn new(amount: i64, description: impl Into<String>) -> Self {
        Self {
            amount,
            description: description.into(),
            operator: None,
        }
    }
}

impl Validate for PaymentRefundRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.positive_amount("amount", self.amount);
        v.required_str("description", &self.description);
    }
}

/// The breakdown of an order adjustment: only the tip changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdjustmentBreakdown {
    /// The new tip.
    pub tip: Tip,
}

/// Change the order's total (`type: order`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderAdjustment {
    /// The new total, in minor units.
    pub amount: i64,
    /// The new tip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<AdjustmentBreakdown>,
}

/// Move a payment or refund to `ready` or `pending` (`type: status`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusAdjustment {
    /// The new status.
    pub to_status: AdjustmentStatus,
}

impl Validate for StatusAdjustment {
    fn validate_into(&self, v: &mut Validator) {
        v.known("toStatus", &self.to_status);
    }
}

/// Change the customer's shipping address or contact methods (`type: customer`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerAdjustment {
    /// Where to ship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Shipping>,
    /// Ways to reach the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_methods: Vec<ContactMethod>,
}

impl Validate for CustomerAdjustment {
    fn validate_into(&self, v: &mut Validator) {
        v.nested_opt("shippingAddress", &self.shipping_address);
        v.each("contactMethods", &self.contact_methods);
    }
}

/// Add the cardholder's signature (`type: signature`); an existing one can't change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureAdjustment {
    /// Encoded signature.
    pub cardholder_signature: String,
}

tagged_union! {
    /// One change to a payment in an open batch (`adjustments[]`, discriminator `type`).
    pub enum PaymentAdjustment tag "type" {
        /// New total (and tip).
        Order(OrderAdjustment) = "order",
        /// New status.
        Status(StatusAdjustment) = "status",
        /// New customer details.
        Customer(CustomerAdjustment) = "customer",
        /// Add a signature.
        Signature(SignatureAdjustment) = "signature",
    }
}

impl Validate for PaymentAdjustment {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Order(order) => {
                v.positive_amount("amount", order.amount);
                if let Some(breakdown) = &order.breakdown {
                    v.at("breakdown", |v| v.nested("tip", &breakdown.tip));
                }
            }
            Self::Status(status) => status.validate_into(v),
            Self::Customer(customer) => customer.validate_into(v),
            Self::Signature(signature) => {
                v.required_str("cardholderSignature", &signature.cardholder_signature);
            }
            Self::Unknown(_) => v.unknown_variant("type", Self::KNOWN_TAGS),
        }
    }
}

/// Body of `POST /payments/{paymentId}/adjust`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAdjustRequest {
    /// The changes, at least one.
    pub adjustments: Vec<PaymentAdjustment>,
    /// Who adjusted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
}

/// At least one adjustment, each valid (shared with refund adjust).
pub(crate) fn check_adjustments<T: Validate>(v: &mut Validator, adjustments: &[T]) {
    if adjustments.is_empty() {
        v.violation(
            "adjustments",
            "required",
            "must hold at least one adjustment",
        );
    }
    v.each("adjustments", adjustments);
}

impl Validate for PaymentAdjustRequest {
    fn validate_into(&self, v: &mut Validator) {
        check_adjustments(v, &self.adjustments);
    }
}

// ---------------------------------------------------------------------------
// GET /payments
// ---------------------------------------------------------------------------

/// Filters shared by the payment and refund lists.
pub(crate) fn check_list_filters(
    v: &mut Validator,
    first6: &Option<String>,
    last4: &Option<String>,
    date_from: &Option<String>,
    date_to: &Option<String>,
    settlement_date: &Option<String>,
) {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if first6.as_deref().is_some_and(|s| !digits(s, 6)) {
        v.violation(
            "first6",
            "format",
            "must be the first six digits of the card number",
        );
    }
    if last4.as_deref().is_some_and(|s| !digits(s, 4)) {
        v.violation(
            "last4",
            "format",
            "must be the last four digits of the card or account number",
        );
    }
    date_time_opt(v, "dateFrom", date_from);
    date_time_opt(v, "dateTo", date_to);
    if let Some(date) = settlement_date {
        v.date_iso("settlementDate", date);
    }
}

/// Query of `GET /payments`. Every filter is optional; `tipMode`, `type` and `status`
/// take several values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentListQuery {
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
    /// Tip modes (`noTip`, `prompted`, `adjusted`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tip_mode: Vec<TipMode>,
    /// Transaction types (`sale`, `preAuthorization`, `preAuthorizationCompletion`).
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<TransactionType>,
    /// Statuses.
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
    /// Payments taken through this payment link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_link_id: Option<String>,
    /// Cursor and page size.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl Validate for PaymentListQuery {
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
        for mode in &self.tip_mode {
            v.known("tipMode", mode);
        }
        for kind in &self.kind {
            if *kind == TransactionType::Refund {
                v.violation(
                    "type",
                    "enum",
                    "`refund` is not a payment type; list refunds with GET /refunds",
                );
            } else {
                v.known("type", kind);
            }
        }
        for status in &self.status {
            v.known("status", status);
        }
        v.known_opt("settlementState", &self.settlement_state);
        self.page.validate_into(v);
    }
}

/// Pushes an optional string query parameter.
pub(crate) fn push_opt(
    pairs: &mut Vec<(&'static str, String)>,
    key: &'static str,
    value: &Option<String>,
) {
    if let Some(value) = value {
        pairs.push((key, value.clone()));
    }
}

/// Pushes a repeatable enum query parameter once per value.
pub(crate) fn push_each<E: OpenEnum>(
    pairs: &mut Vec<(&'static str, String)>,
    key: &'static str,
    values: &[E],
) {
    pairs.extend(values.iter().map(|value| (key, value.as_str().to_owned())));
}

impl ListQuery for PaymentListQuery {
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
        push_each(&mut pairs, "tipMode", &self.tip_mode);
        push_each(&mut pairs, "type", &self.kind);
        push_each(&mut pairs, "status", &self.status);
        push_opt(&mut pairs, "dateFrom", &self.date_from);
        push_opt(&mut pairs, "dateTo", &self.date_to);
        if let Some(state) = &self.settlement_state {
            pairs.push(("settlementState", state.as_str().to_owned()));
        }
        push_opt(&mut pairs, "settlementDate", &self.settlement_date);
        push_opt(&mut pairs, "paymentLinkId", &self.payment_link_id);
        self.page.push_pairs(&mut pairs);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Eci, PinDetails};
    use crate::common::MitAgreement;
    use crate::ValidationError;
    use serde_json::json;

    fn order() -> PaymentOrderRequest {
        PaymentOrderRequest::new("ORD-0001", 4999, Currency::Usd)
    }

    fn request() -> PaymentRequest {
        PaymentRequest::new(
            Channel::Web,
            "1234001",
            order(),
            PaymentMethod::secure_token("296753123458"),
        )
    }

    fn err_of(value: &impl Validate) -> ValidationError {
        value.validate().expect_err("expected a violation")
    }

    fn paths(err: &ValidationError) -> Vec<&str> {
        err.violations().iter().map(|v| v.path.as_str()).collect()
    }

    /// Asserts that `value` fails with exactly these violation paths.
    #[track_caller]
    fn assert_paths(value: &impl Validate, expected: &[&str]) {
        let err = err_of(value);
        assert_eq!(paths(&err), expected, "{err}");
    }

    fn breakdown_fixture() -> ItemizedBreakdownRequest {
        let mut item = LineItemRequest::new(2709, 1.0);
        item.unit_of_measure = Some(UnitOfMeasure::Ea);
        item.taxes.push(Tax::Rate(RateTax {
            rate: 7.0,
            name: "Sales Tax".into(),
        }));
        ItemizedBreakdownRequest {
            tip: Some(Tip::percentage(10.0)),
            surcharge: Some(Surcharge {
                bypass: Some(false),
                amount: Some(50),
                percentage: Some(2.0),
                unknown: Default::default(),
            }),
            dual_pricing: Some(DualPricing {
                offered: true,
                choice_rate: Some(ChoiceRate {
                    applied: true,
                    rate: 2.5,
                    amount: 75,
                    unknown: Default::default(),
                }),
                alternative_tender: Some(AlternativeTender::Cash),
                unknown: Default::default(),
            }),
            taxes: vec![Tax::Amount(AmountTax {
                amount: 190,
                name: "Sales Tax".into(),
            })],
            convenience_fee: Some(ConvenienceFee {
                amount: 25,
                unknown: Default::default(),
            }),
            items: vec![item],
            ..ItemizedBreakdownRequest::new(2899)
        }
    }

    fn full_request() -> PaymentRequest {
        let mut req = PaymentRequest::new(
            Channel::Moto,
            "1234001",
            order(),
            PaymentMethod::card(CardDetails::keyed("4539858876047062", "1230", Some("123"))),
        );
        req.order.date_time = Some("2024-07-02T15:30:00Z".into());
        req.order.breakdown = Some(breakdown_fixture());
        req.order.standing_instructions =
            Some(StandingInstructions::first(ProcessingModel::Recurring));
        req.credential_on_file = Some(CredentialOnFile {
            tokenize: Some(true),
            mit_agreement: Some(MitAgreement::Recurring),
            ..CredentialOnFile::default()
        });
        req.three_d_secure = Some(ThreeDSecure::Gateway(GatewayThreeDSecure {
            mpi_reference: "MPI-1".into(),
        }));
        req.offline_processing = Some(OfflineProcessing {
            operation: OfflineOperation::OfflineApproval,
            approval_code: Some("OK3".into()),
            date_time: Some("2024-07-02T15:30:00-05:00".into()),
        });
        req.custom_fields.push(CustomField::new("shift", "late"));
        req
    }

    // --- requests: shapes -------------------------------------------------------

    #[test]
    fn minimal_request_serializes_with_wire_names() {
        let req = request();
        assert!(req.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({
                "channel": "web",
                "processingTerminalId": "1234001",
                "order": {"orderId": "ORD-0001", "amount": 4999, "currency": "USD"},
                "paymentMethod": {"type": "secureToken", "token": "296753123458"}
            })
        );
    }

    #[test]
    fn full_request_round_trips_and_uses_wire_names() {
        let req = full_request();
        req.validate().unwrap();
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(json["paymentMethod"]["type"], "card");
        assert_eq!(json["paymentMethod"]["cardDetails"]["entryMethod"], "keyed");
        assert_eq!(json["threeDSecure"]["serviceProvider"], "gateway");
        assert_eq!(json["threeDSecure"]["mpiReference"], "MPI-1");
        assert_eq!(json["credentialOnFile"]["mitAgreement"], "recurring");
        assert_eq!(json["offlineProcessing"]["operation"], "offlineApproval");
        let order = &json["order"];
        assert_eq!(
            order["standingInstructions"],
            json!({"sequence": "first", "processingModel": "recurring"})
        );
        let breakdown = &order["breakdown"];
        assert_eq!(
            breakdown["tip"],
            json!({"type": "percentage", "percentage": 10.0})
        );
        assert_eq!(breakdown["dualPricing"]["alternativeTender"], "cash");
        assert_eq!(
            breakdown["taxes"][0],
            json!({"type": "amount", "amount": 190, "name": "Sales Tax"})
        );
        assert_eq!(breakdown["items"][0]["unitOfMeasure"], "EA");
        assert_eq!(breakdown["items"][0]["taxes"][0]["type"], "rate");
        assert_eq!(breakdown["convenienceFee"]["amount"], 25);
        let back: PaymentRequest = serde_json::from_value(json).unwrap();
        assert_eq!(back, req);
    }

    #[test]
    fn documented_request_shape_parses() {
        let req: PaymentRequest = serde_json::from_value(json!({
            "channel": "web",
            "processingTerminalId": "1234001",
            "order": {
                "orderId": "ORD-0002",
                "amount": 1500,
                "currency": "USD",
                "standingInstructions": {
                    "sequence": "subsequent",
                    "processingModel": "installment",
                    "referenceDataOfFirstTxn": {"paymentId": "M2MJOG6O2Y", "cardSchemeReferenceId": "CSR1"}
                }
            },
            "paymentMethod": {"type": "singleUseToken", "token": "abc", "pinDetails": {"dataFormat": "raw", "pin": "9876"}},
            "threeDSecure": {"serviceProvider": "thirdParty", "eci": "fullyAuthenticated", "cavv": "AAAB"},
            "autoCapture": false
        }))
        .unwrap();
        req.validate().unwrap();
        assert_eq!(req.auto_capture, Some(false));
        let si = req.order.standing_instructions.as_ref().unwrap();
        assert_eq!(si.processing_model, ProcessingModel::Installment);
        assert!(matches!(
            req.payment_method,
            PaymentMethod::SingleUseToken(_)
        ));
        assert!(matches!(
            req.three_d_secure,
            Some(ThreeDSecure::ThirdParty(_))
        ));
        // Secrets stay out of Debug output.
        let debug = format!("{req:?}");
        assert!(!debug.contains("9876"), "{debug}");
    }

    #[test]
    fn unit_of_measure_has_all_codes() {
        assert_eq!(UnitOfMeasure::KNOWN.len(), 216);
        assert_eq!(UnitOfMeasure::from_api("KGM"), UnitOfMeasure::Kgm);
        assert_eq!(UnitOfMeasure::Ydq.as_str(), "YDQ");
        assert!(matches!(
            UnitOfMeasure::from_api("XYZ"),
            UnitOfMeasure::Unknown(_)
        ));
    }

    // --- requests: validation ---------------------------------------------------

    #[test]
    fn top_level_required_and_enums() {
        let mut req = request();
        req.channel = Channel::from_api("kiosk");
        req.processing_terminal_id = " ".into();
        assert_paths(&req, &["channel", "processingTerminalId"]);
    }

    #[test]
    fn order_id_length_amount_currency_date_time() {
        let mut req = request();
        req.order.order_id = String::new();
        assert_paths(&req, &["order.orderId"]);
        req.order.order_id = "x".repeat(25);
        let err = err_of(&req);
        assert_eq!(paths(&err), ["order.orderId"]);
        assert_eq!(err.violations()[0].code, "length");
        req.order.order_id = "x".repeat(24);
        assert!(req.validate().is_ok());

        req.order.amount = 0;
        req.order.currency = Currency::from_api("XXX");
        req.order.date_time = Some("2024-07-02 15:30".into());
        assert_paths(&req, &["order.amount", "order.currency", "order.dateTime"]);
    }

    #[test]
    fn dcc_offer_rules() {
        let mut req = request();
        req.order.dcc_offer = Some(DccOffer {
            accepted: Some(true),
            offer_reference: None,
            fx_amount: 0,
            fx_currency: Currency::from_api("ZZZ"),
            fx_currency_code: None,
            fx_currency_exponent: None,
            fx_rate: -1.0,
            markup: f64::NAN,
            markup_text: None,
            provider: None,
            source: None,
            unknown: Default::default(),
        });
        assert_paths(
            &req,
            &[
                "order.dccOffer.fxAmount",
                "order.dccOffer.fxCurrency",
                "order.dccOffer.fxRate",
                "order.dccOffer.markup",
            ],
        );
    }

    #[test]
    fn secure_token_must_be_the_gateway_token() {
        let mut req = request();
        req.payment_method = PaymentMethod::secure_token("  ");
        assert_paths(&req, &["paymentMethod.token"]);

        req.payment_method = PaymentMethod::secure_token("MREF_abc1de23");
        let err = err_of(&req);
        assert_eq!(paths(&err), ["paymentMethod.token"]);
        let message = &err.violations()[0].message;
        assert!(
            message.contains("secureTokenId") && message.contains("296753"),
            "{message}"
        );
        assert!(!message.contains("MREF"), "no value in messages");

        req.payment_method = PaymentMethod::SecureToken(SecureTokenPaymentMethod {
            token: "296753123458".into(),
            account_type: Some(AccountType::from_api("brokerage")),
            sec_code: Some(SecCode::from_api("xyz")),
        });
        assert_paths(
            &req,
            &["paymentMethod.accountType", "paymentMethod.secCode"],
        );
    }

    #[test]
    fn card_details_are_validated() {
        let mut req = request();
        req.payment_method =
            PaymentMethod::card(CardDetails::keyed("4111111111111112", "1330", None));
        assert_paths(
            &req,
            &[
                "paymentMethod.cardDetails.keyedData.cardNumber",
                "paymentMethod.cardDetails.keyedData.expiryDate",
            ],
        );
    }

    #[test]
    fn digital_wallet_rules() {
        let mut req = request();
        req.payment_method = PaymentMethod::DigitalWallet(DigitalWalletPaymentMethod {
            service_provider: DigitalWalletProvider::from_api("samsung"),
            encrypted_data: SensitiveData::new(""),
            cardholder_name: None,
            account_type: None,
        });
        assert_paths(
            &req,
            &[
                "paymentMethod.serviceProvider",
                "paymentMethod.encryptedData",
            ],
        );
    }

    #[test]
    fn single_use_token_rules() {
        let single = |token: &str, pin: PinDetails| {
            let mut req = request();
            req.payment_method = PaymentMethod::SingleUseToken(SingleUseTokenPaymentMethod {
                token: token.into(),
                pin_details: Some(pin),
                ebt_details: None,
                sec_code: None,
                account_type: None,
            });
            req
        };
        let raw = |pin: &str| {
            PinDetails::Raw(crate::card::RawPin {
                pin: pin.into(),
                unknown: Default::default(),
            })
        };
        // A raw PIN is fine here (and only here).
        assert!(single("tok", raw("1234")).validate().is_ok());
        assert_paths(&single("", raw("1234")), &["paymentMethod.token"]);
        assert_paths(&single("tok", raw("")), &["paymentMethod.pinDetails.pin"]);
    }

    #[test]
    fn unknown_payment_method_is_a_violation() {
        let mut req = request();
        req.payment_method =
            serde_json::from_value(json!({"type": "crypto", "wallet": "x"})).unwrap();
        assert_paths(&req, &["paymentMethod.type"]);
    }

    #[test]
    fn three_d_secure_rules() {
        let mut req = request();
        req.three_d_secure = Some(ThreeDSecure::Gateway(GatewayThreeDSecure {
            mpi_reference: "".into(),
        }));
        assert_paths(&req, &["threeDSecure.mpiReference"]);
        req.three_d_secure = Some(ThreeDSecure::ThirdParty(ThirdPartyThreeDSecure {
            eci: Eci::from_api("weird"),
            xid: None,
            cavv: None,
            ds_transaction_id: None,
        }));
        assert_paths(&req, &["threeDSecure.eci"]);
        req.three_d_secure =
            Some(serde_json::from_value(json!({"serviceProvider": "other"})).unwrap());
        assert_paths(&req, &["threeDSecure.serviceProvider"]);
    }

    #[test]
    fn mit_agreement_needs_standing_instructions() {
        let mut req = request();
        req.credential_on_file = Some(CredentialOnFile {
            mit_agreement: Some(MitAgreement::Unscheduled),
            ..CredentialOnFile::default()
        });
        assert_paths(&req, &["order.standingInstructions"]);
        req.order.standing_instructions =
            Some(StandingInstructions::first(ProcessingModel::Unscheduled));
        assert!(req.validate().is_ok());
    }

    #[test]
    fn standing_instruction_rules() {
        let with = |si: StandingInstructions| {
            let mut req = request();
            req.order.standing_instructions = Some(si);
            req
        };
        let p = "order.standingInstructions";
        let subsequent_bare = StandingInstructions {
            sequence: Sequence::Subsequent,
            processing_model: ProcessingModel::Recurring,
            reference_data_of_first_txn: None,
            unknown: Default::default(),
        };
        assert_paths(
            &with(subsequent_bare.clone()),
            &[&format!("{p}.referenceDataOfFirstTxn")],
        );

        let blank_id = StandingInstructions {
            reference_data_of_first_txn: Some(ReferenceDataOfFirstTxn {
                payment_id: Some(" ".into()),
                card_scheme_reference_id: Some("CSR".into()),
                unknown: Default::default(),
            }),
            ..subsequent_bare.clone()
        };
        assert_paths(
            &with(blank_id),
            &[&format!("{p}.referenceDataOfFirstTxn.paymentId")],
        );
        let no_id = StandingInstructions {
            reference_data_of_first_txn: Some(ReferenceDataOfFirstTxn::default()),
            ..subsequent_bare
        };
        assert_paths(
            &with(no_id),
            &[&format!("{p}.referenceDataOfFirstTxn.paymentId")],
        );

        let first_with_reference = StandingInstructions {
            sequence: Sequence::First,
            ..StandingInstructions::subsequent_to(ProcessingModel::Recurring, "M2MJOG6O2Y", None)
        };
        let err = err_of(&with(first_with_reference));
        assert_eq!(paths(&err), [format!("{p}.referenceDataOfFirstTxn")]);
        assert_eq!(err.violations()[0].code, "conflict");

        let unknown = StandingInstructions {
            sequence: Sequence::from_api("last"),
            processing_model: ProcessingModel::from_api("weekly"),
            reference_data_of_first_txn: None,
            unknown: Default::default(),
        };
        assert_paths(
            &with(unknown),
            &[&format!("{p}.sequence"), &format!("{p}.processingModel")],
        );

        let ok =
            StandingInstructions::subsequent_to(ProcessingModel::Recurring, "M2MJOG6O2Y", None);
        assert!(with(ok).validate().is_ok());
    }

    #[test]
    fn breakdown_amount_rules() {
        let mut req = request();
        let mut breakdown = breakdown_fixture();
        breakdown.subtotal = -1;
        breakdown.cashback_amount = Some(-1);
        breakdown.duty_amount = Some(-1);
        breakdown.freight_amount = Some(-1);
        breakdown.convenience_fee = Some(ConvenienceFee {
            amount: -1,
            unknown: Default::default(),
        });
        breakdown.surcharge = Some(Surcharge {
            bypass: None,
            amount: Some(-5),
            percentage: Some(-2.0),
            unknown: Default::default(),
        });
        req.order.breakdown = Some(breakdown);
        let b = "order.breakdown";
        assert_paths(
            &req,
            &[
                &format!("{b}.subtotal"),
                &format!("{b}.cashbackAmount"),
                &format!("{b}.surcharge.amount"),
                &format!("{b}.surcharge.percentage"),
                &format!("{b}.dutyAmount"),
                &format!("{b}.freightAmount"),
                &format!("{b}.convenienceFee.amount"),
            ],
        );
    }

    #[test]
    fn tip_rules() {
        let with_tip = |tip: Tip| {
            let mut req = request();
            req.order.breakdown = Some(ItemizedBreakdownRequest {
                tip: Some(tip),
                ..ItemizedBreakdownRequest::new(4999)
            });
            req
        };
        let p = "order.breakdown.tip";
        let mut tip = Tip::percentage(10.0);
        tip.percentage = None;
        assert_paths(&with_tip(tip), &[&format!("{p}.percentage")]);
        let mut tip = Tip::fixed_amount(100);
        tip.amount = None;
        assert_paths(&with_tip(tip), &[&format!("{p}.amount")]);
        let mut tip = Tip::fixed_amount(-100);
        tip.mode = Some(TipMode::NoTip);
        assert_paths(
            &with_tip(tip),
            &[&format!("{p}.mode"), &format!("{p}.amount")],
        );
        let tip = Tip {
            kind: TipType::from_api("round"),
            mode: Some(TipMode::from_api("forced")),
            amount: None,
            percentage: Some(-1.0),
            unknown: Default::default(),
        };
        assert_paths(
            &with_tip(tip),
            &[
                &format!("{p}.type"),
                &format!("{p}.mode"),
                &format!("{p}.percentage"),
            ],
        );
    }

    #[test]
    fn dual_pricing_rules() {
        let mut req = request();
        req.order.breakdown = Some(ItemizedBreakdownRequest {
            dual_pricing: Some(DualPricing {
                offered: true,
                choice_rate: None,
                alternative_tender: None,
                unknown: Default::default(),
            }),
            ..ItemizedBreakdownRequest::new(4999)
        });
        let p = "order.breakdown.dualPricing";
        assert_paths(
            &req,
            &[
                &format!("{p}.choiceRate"),
                &format!("{p}.alternativeTender"),
            ],
        );
        req.order.breakdown = Some(ItemizedBreakdownRequest {
            dual_pricing: Some(DualPricing {
                offered: false,
                choice_rate: Some(ChoiceRate {
                    applied: false,
                    rate: -1.0,
                    amount: -1,
                    unknown: Default::default(),
                }),
                alternative_tender: Some(AlternativeTender::from_api("gold")),
                unknown: Default::default(),
            }),
            ..ItemizedBreakdownRequest::new(4999)
        });
        assert_paths(
            &req,
            &[
                &format!("{p}.alternativeTender"),
                &format!("{p}.choiceRate.rate"),
                &format!("{p}.choiceRate.amount"),
            ],
        );
    }

    #[test]
    fn tax_line_item_and_healthcare_rules() {
        let mut req = request();
        let mut item = LineItemRequest::new(-1, 0.0);
        item.unit_of_measure = Some(UnitOfMeasure::from_api("XYZ"));
        item.discount_rate = Some(-5.0);
        item.taxes.push(Tax::Rate(RateTax {
            rate: -7.0,
            name: "VAT".into(),
        }));
        let mut breakdown = ItemizedBreakdownRequest::new(4999);
        breakdown.taxes = vec![
            Tax::Amount(AmountTax {
                amount: -1,
                name: " ".into(),
            }),
            serde_json::from_value(json!({"type": "flat", "name": "x"})).unwrap(),
        ];
        breakdown.items = vec![LineItemRequest::new(100, 2.5), item];
        breakdown.healthcare_expenses = vec![HealthcareExpense {
            kind: HealthcareExpenseType::from_api("spa"),
            amount: -1,
            unknown: Default::default(),
        }];
        req.order.breakdown = Some(breakdown);
        let b = "order.breakdown";
        assert_paths(
            &req,
            &[
                &format!("{b}.taxes[0].amount"),
                &format!("{b}.taxes[0].name"),
                &format!("{b}.taxes[1].type"),
                &format!("{b}.items[1].unitOfMeasure"),
                &format!("{b}.items[1].unitPrice"),
                &format!("{b}.items[1].quantity"),
                &format!("{b}.items[1].discountRate"),
                &format!("{b}.items[1].taxes[0].rate"),
                &format!("{b}.healthcareExpenses[0].type"),
                &format!("{b}.healthcareExpenses[0].amount"),
            ],
        );
    }

    #[test]
    fn offline_processing_and_shared_objects() {
        let mut req = request();
        req.offline_processing = Some(OfflineProcessing {
            operation: OfflineOperation::from_api("offlineMaybe"),
            approval_code: None,
            date_time: Some("yesterday".into()),
        });
        req.customer = Some(Customer {
            contact_methods: vec![ContactMethod::email("not-an-email")],
            ..Customer::default()
        });
        req.ip_address = Some(IpAddress {
            kind: crate::common::IpAddressType::Ipv4,
            value: "300.1.1.1".into(),
        });
        req.credential_on_file = Some(CredentialOnFile {
            secure_token_id: Some("".into()),
            ..CredentialOnFile::default()
        });
        req.custom_fields.push(CustomField::new("", "v"));
        assert_paths(
            &req,
            &[
                "customer.contactMethods[0].value",
                "ipAddress.value",
                "credentialOnFile.secureTokenId",
                "offlineProcessing.operation",
                "offlineProcessing.dateTime",
                "customFields[0].name",
            ],
        );
    }

    #[test]
    fn every_violation_is_reported_at_once() {
        let mut req = request();
        req.processing_terminal_id.clear();
        req.order.order_id.clear();
        req.order.amount = -5;
        req.payment_method = PaymentMethod::secure_token("");
        assert_eq!(err_of(&req).violations().len(), 4);
    }

    // --- follow-on requests ----------------------------------------------------

    #[test]
    fn capture_and_reverse_rules() {
        let capture = PaymentCaptureRequest::default();
        assert!(capture.validate().is_ok());
        assert_eq!(serde_json::to_value(&capture).unwrap(), json!({}));
        let capture = PaymentCaptureRequest {
            amount: Some(0),
            breakdown: Some(ItemizedBreakdownRequest::new(-1)),
            ..PaymentCaptureRequest::default()
        };
        assert_paths(&capture, &["amount", "breakdown.subtotal"]);
        let capture = PaymentCaptureRequest {
            processing_terminal_id: Some("1234001".into()),
            amount: Some(2500),
            ..PaymentCaptureRequest::default()
        };
        capture.validate().unwrap();
        assert_eq!(
            serde_json::to_value(&capture).unwrap(),
            json!({"processingTerminalId": "1234001", "amount": 2500})
        );

        let reverse = PaymentReverseRequest {
            operator: None,
            amount: Some(-1),
        };
        assert_paths(&reverse, &["amount"]);
        assert!(PaymentReverseRequest::default().validate().is_ok());
    }

    #[test]
    fn referenced_refund_rules() {
        let refund = PaymentRefundRequest::new(1000, "Damaged item");
        refund.validate().unwrap();
        assert_eq!(
            serde_json::to_value(&refund).unwrap(),
            json!({"amount": 1000, "description": "Damaged item"})
        );
        assert_paths(
            &PaymentRefundRequest::new(0, " "),
            &["amount", "description"],
        );
    }

    #[test]
    fn adjust_rules() {
        let empty = PaymentAdjustRequest {
            adjustments: vec![],
            operator: None,
        };
        assert_paths(&empty, &["adjustments"]);

        let adjust: PaymentAdjustRequest = serde_json::from_value(json!({
            "adjustments": [
                {"type": "order", "amount": 0, "breakdown": {"tip": {"type": "fixedAmount"}}},
                {"type": "signature", "cardholderSignature": ""},
                {"type": "status", "toStatus": "complete"},
                {"type": "refund"},
                {"type": "customer", "contactMethods": [{"type": "email", "value": "nope"}]}
            ],
            "operator": "Jane"
        }))
        .unwrap();
        assert_paths(
            &adjust,
            &[
                "adjustments[0].amount",
                "adjustments[0].breakdown.tip.amount",
                "adjustments[1].cardholderSignature",
                "adjustments[2].toStatus",
                "adjustments[3].type",
                "adjustments[4].contactMethods[0].value",
            ],
        );

        let ok = PaymentAdjustRequest {
            adjustments: vec![
                PaymentAdjustment::Order(OrderAdjustment {
                    amount: 5499,
                    breakdown: Some(AdjustmentBreakdown {
                        tip: Tip::fixed_amount(500),
                    }),
                }),
                PaymentAdjustment::Status(StatusAdjustment {
                    to_status: AdjustmentStatus::Ready,
                }),
            ],
            operator: None,
        };
        ok.validate().unwrap();
        let json = serde_json::to_value(&ok).unwrap();
        assert_eq!(
            json,
            json!({"adjustments": [
                {"type": "order", "amount": 5499, "breakdown": {"tip": {"type": "fixedAmount", "amount": 500}}},
                {"type": "status", "toStatus": "ready"}
            ]})
        );
        assert_eq!(
            serde_json::from_value::<PaymentAdjustRequest>(json).unwrap(),
            ok
        );
    }

    #[test]
    fn list_query_pairs_and_rules() {
        let query = PaymentListQuery {
            processing_terminal_id: Some("1234001".into()),
            first6: Some("453985".into()),
            tender: Some(Tender::CreditDebit),
            tip_mode: vec![TipMode::NoTip, TipMode::Adjusted],
            kind: vec![TransactionType::Sale],
            status: vec![TransactionStatus::Ready, TransactionStatus::Pending],
            date_from: Some("2024-07-01T00:00:00Z".into()),
            settlement_state: Some(SettlementState::Settled),
            settlement_date: Some("2024-07-02".into()),
            payment_link_id: Some("CKHP6VVWYT".into()),
            page: PageQuery::limit(2),
            ..PaymentListQuery::default()
        };
        query.validate().unwrap();
        let pairs = query.query_pairs();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("processingTerminalId", "1234001"),
                ("first6", "453985"),
                ("tender", "creditDebit"),
                ("tipMode", "noTip"),
                ("tipMode", "adjusted"),
                ("type", "sale"),
                ("status", "ready"),
                ("status", "pending"),
                ("dateFrom", "2024-07-01T00:00:00Z"),
                ("settlementState", "settled"),
                ("settlementDate", "2024-07-02"),
                ("paymentLinkId", "CKHP6VVWYT"),
                ("limit", "2"),
            ]
        );

        let bad = PaymentListQuery {
            first6: Some("4539".into()),
            last4: Some("70a2".into()),
            tender: Some(Tender::from_api("gold")),
            tip_mode: vec![TipMode::from_api("huge")],
            kind: vec![TransactionType::Refund],
            status: vec![TransactionStatus::from_api("approved")],
            date_from: Some("2024-07-01".into()),
            date_to: Some("soon".into()),
            settlement_state: Some(SettlementState::from_api("maybe")),
            settlement_date: Some("2024-02-30".into()),
            page: PageQuery {
                limit: Some(0),
                before: Some("A".into()),
                after: Some("B".into()),
            },
            ..PaymentListQuery::default()
        };
        assert_paths(
            &bad,
            &[
                "first6",
                "last4",
                "dateFrom",
                "dateTo",
                "settlementDate",
                "tender",
                "tipMode",
                "type",
                "status",
                "settlementState",
                "after",
                "limit",
            ],
        );
    }

    // --- responses ---------------------------------------------------------------

    fn payment_json() -> serde_json::Value {
        json!({
            "paymentId": "PAY0000001",
            "processingTerminalId": "1234001",
            "operator": "Jane",
            "order": {
                "orderId": "ORD-0001",
                "dateTime": "2024-07-02T15:30:00Z",
                "amount": 4000,
                "currency": "USD",
                "standingInstructions": {"sequence": "first", "processingModel": "recurring"},
                "breakdown": {
                    "subtotal": 3700,
                    "tip": {"type": "fixedAmount", "mode": "prompted", "amount": 300},
                    "taxes": [{"name": "Sales Tax", "rate": 5.5}],
                    "items": [{"unitPrice": 3700, "quantity": 1.5, "unitOfMeasure": "KGM",
                               "taxes": [{"name": "Sales Tax", "rate": 5.5, "amount": 204}]}]
                }
            },
            "customer": {"firstName": "Ada", "billingAddress": {"postalCode": "60056"}},
            "card": {
                "type": "Visa Credit",
                "entryMethod": "keyed",
                "cardNumber": "444433******1111",
                "expiryDate": "0334",
                "secureToken": {
                    "secureTokenId": "MREF_1",
                    "customerName": "Ada Lovelace",
                    "token": "296753123458",
                    "status": "cvvValidated"
                },
                "securityChecks": {"cvvResult": "M", "avsResult": "Y"},
                "emvTags": [{"hex": "9F36", "value": "0042"}],
                "balances": [{"benefitCategory": "cash", "amount": 100, "currency": "USD"}]
            },
            "refunds": [{
                "refundId": "REF0000001",
                "dateTime": "2024-07-03T10:00:00Z",
                "currency": "USD",
                "amount": 1000,
                "status": "returned",
                "responseCode": "A",
                "responseMessage": "Refunded"
            }],
            "supportedOperations": ["refund", "adjustTip"],
            "transactionResult": {
                "type": "sale",
                "status": "ready",
                "approvalCode": "OK3",
                "authorizedAmount": 4000,
                "currency": "USD",
                "responseCode": "A",
                "responseMessage": "APPROVAL",
                "cardSchemeReferenceId": "CSR-123"
            }
        })
    }

    fn payment() -> Payment {
        serde_json::from_value(payment_json()).unwrap()
    }

    #[test]
    fn payment_response_parses_and_round_trips() {
        let p = payment();
        assert_eq!(p.payment_id, "PAY0000001");
        assert_eq!(p.order.amount, Some(4000));
        assert_eq!(p.order.currency, Some(Currency::Usd));
        let breakdown = p.order.breakdown.as_ref().unwrap();
        assert_eq!(
            breakdown.tip.as_ref().unwrap().mode,
            Some(TipMode::Prompted)
        );
        assert_eq!(breakdown.taxes[0].amount, None);
        assert_eq!(breakdown.items[0].unit_of_measure, Some(UnitOfMeasure::Kgm));
        assert_eq!(breakdown.items[0].taxes[0].amount, Some(204));
        assert_eq!(p.card.kind, "Visa Credit");
        assert_eq!(p.card.entry_method, Some(CardEntryMethod::Keyed));
        assert_eq!(p.card.card_number.last4(), "1111");
        let checks = p.card.security_checks.as_ref().unwrap();
        assert_eq!(checks.cvv_result, Some(CvvResult::M));
        assert_eq!(checks.avs_result, Some(AvsResult::Y));
        assert_eq!(p.card.balances[0].benefit_category, BenefitCategory::Cash);
        assert_eq!(p.refunds[0].status, RefundStatus::Returned);
        assert!(p.supports(&SupportedOperation::Refund));
        assert!(!p.supports(&SupportedOperation::Capture));
        assert_eq!(p.transaction_result.kind, Some(TransactionType::Sale));
        assert_eq!(p.transaction_result.status, TransactionStatus::Ready);
        // EMV values are redacted in Debug.
        assert!(!format!("{:?}", p.card.emv_tags).contains("0042"));

        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["card"]["type"], "Visa Credit");
        assert_eq!(json["card"]["secureToken"]["secureTokenId"], "MREF_1");
        assert_eq!(
            json["transactionResult"]["cardSchemeReferenceId"],
            "CSR-123"
        );
        assert_eq!(json["order"]["breakdown"]["items"][0]["unitPrice"], 3700);
        assert_eq!(serde_json::from_value::<Payment>(json).unwrap(), p);
    }

    #[test]
    fn retrieved_payment_without_entry_method_parses() {
        let mut json = payment_json();
        json["card"].as_object_mut().unwrap().remove("entryMethod");
        let p: RetrievedPayment = serde_json::from_value(json).unwrap();
        assert_eq!(p.card.entry_method, None);
    }

    #[test]
    fn unknown_values_and_fields_are_kept() {
        let mut json = payment_json();
        json["transactionResult"]["status"] = json!("settling");
        json["transactionResult"]["responseCode"] = json!("Z");
        json["transactionResult"]["newField"] = json!(1);
        json["card"]["entryMethod"] = json!("tapToPhone");
        json["card"]["secureToken"]["status"] = json!("frozen");
        json["supportedOperations"] = json!(["teleport"]);
        json["order"]["standingInstructions"]["processingModel"] = json!("weekly");
        json["somethingNew"] = json!({"a": 1});
        json["order"]["newField"] = json!("x");
        json["card"]["newThing"] = json!({"b": [2.5]});
        let p: Payment = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(p.unknown.get("somethingNew"), Some(&json!({"a": 1})));
        assert_eq!(p.order.unknown.get("newField"), Some(&json!("x")));
        assert_eq!(p.card.unknown.get("newThing"), Some(&json!({"b": [2.5]})));
        assert_eq!(
            p.transaction_result.unknown.get("newField"),
            Some(&json!(1))
        );
        assert_eq!(p.unknown.len(), 1);
        assert_eq!(
            p.transaction_result.status,
            TransactionStatus::Unknown("settling".into())
        );
        assert_eq!(
            p.card.entry_method,
            Some(CardEntryMethod::Unknown("tapToPhone".into()))
        );
        assert!(!p.is_approved() && !p.is_declined() && !p.is_deferred());
        let back = serde_json::to_value(&p).unwrap();
        assert_eq!(back["transactionResult"]["status"], "settling");
        assert_eq!(back["transactionResult"]["responseCode"], "Z");
        assert_eq!(back["card"]["secureToken"]["status"], "frozen");
        assert_eq!(back["supportedOperations"][0], "teleport");
        assert_eq!(
            back["order"]["standingInstructions"]["processingModel"],
            "weekly"
        );
        assert_eq!(back, json);
    }

    #[test]
    fn approval_reads_response_code_not_status() {
        let mut p = payment();
        let cases = [
            ("A", true, false, false, false),
            ("P", true, true, false, false),
            ("D", false, false, true, false),
            ("R", false, false, true, false),
            ("C", false, false, true, false),
            ("E", false, false, false, true),
        ];
        for (code, approved, partial, declined, deferred) in cases {
            p.transaction_result.response_code = ResponseCode::from_api(code);
            // A status that "sounds" wrong must not change the answer.
            p.transaction_result.status = TransactionStatus::Declined;
            assert_eq!(p.is_approved(), approved, "{code}");
            assert_eq!(p.is_partial_approval(), partial, "{code}");
            assert_eq!(p.is_declined(), declined, "{code}");
            assert_eq!(p.is_deferred(), deferred, "{code}");
        }
        p.transaction_result.response_code = ResponseCode::A;
        p.transaction_result.status = TransactionStatus::Pending;
        assert!(p.is_approved());
    }

    #[test]
    fn subsequent_standing_instructions_from_first_payment() {
        let first = payment();
        assert_eq!(first.secure_token().unwrap().token, "296753123458");
        let next = first.subsequent_standing_instructions().unwrap();
        assert_eq!(
            serde_json::to_value(&next).unwrap(),
            json!({
                "sequence": "subsequent",
                "processingModel": "recurring",
                "referenceDataOfFirstTxn": {"paymentId": "PAY0000001", "cardSchemeReferenceId": "CSR-123"}
            })
        );

        // The next charge, built from the first payment's response, is valid.
        let mut req = PaymentRequest::new(
            Channel::Web,
            "1234001",
            PaymentOrderRequest::new("ORD-0002", 4000, Currency::Usd),
            PaymentMethod::secure_token(first.secure_token().unwrap().token.clone()),
        );
        req.order.standing_instructions = Some(next);
        req.validate().unwrap();

        let mut installment = payment();
        installment.order.standing_instructions =
            Some(StandingInstructions::first(ProcessingModel::Installment));
        installment.transaction_result.card_scheme_reference_id = None;
        let next = installment.subsequent_standing_instructions().unwrap();
        assert_eq!(next.processing_model, ProcessingModel::Installment);
        assert_eq!(
            next.reference_data_of_first_txn,
            Some(ReferenceDataOfFirstTxn {
                payment_id: Some("PAY0000001".into()),
                card_scheme_reference_id: None,
                unknown: Default::default(),
            })
        );
    }

    #[test]
    fn subsequent_standing_instructions_errors() {
        let mut none = payment();
        none.order.standing_instructions = None;
        none.card.secure_token = None;
        assert_eq!(none.secure_token(), None);
        assert_eq!(
            none.subsequent_standing_instructions(),
            Err(RepeatPaymentError::NoStandingInstructions)
        );

        let mut later = payment();
        later.order.standing_instructions = Some(StandingInstructions::subsequent_to(
            ProcessingModel::Recurring,
            "PAY0",
            None,
        ));
        assert_eq!(
            later.subsequent_standing_instructions(),
            Err(RepeatPaymentError::NotFirst(Sequence::Subsequent))
        );

        let mut declined = payment();
        declined.transaction_result.response_code = ResponseCode::D;
        let err = declined.subsequent_standing_instructions().unwrap_err();
        assert_eq!(err, RepeatPaymentError::NotApproved(ResponseCode::D));
        assert!(err.to_string().contains("`D`"), "{err}");
    }
}
