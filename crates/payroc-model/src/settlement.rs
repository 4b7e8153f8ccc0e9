//! Settlement reporting: the batches merchants submit, the transactions settled in
//! them, the authorizations behind those, disputes (chargebacks), and the ACH deposits
//! that pay the merchant its batches less fees (with the fees themselves).
//!
//! Every type here is a reply: all fields optional as the API documents them, unknown
//! fields kept. Amounts are in the currency's minor units. The list filters are typed
//! (`date` is a [`Date`], ids are integers) and validated before anything is sent.

use crate::common::{Link, UnknownFields};
use crate::date::Date;
use crate::money::Currency;
use crate::page::{ListQuery, PageQuery};
use crate::secret::CardNumber;
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

open_enum! {
    /// What a settled transaction is (`type`).
    pub enum SettlementTransactionType {
        /// A sale.
        Capture = "capture",
        /// A refund.
        Return = "return",
    }
}

open_enum! {
    /// The `transactionType` filter of `GET /transactions` (capitalised, unlike the
    /// transaction's own `type`).
    pub enum TransactionTypeFilter {
        /// Sales only.
        Capture = "Capture",
        /// Refunds only.
        Return = "Return",
    }
}

open_enum! {
    /// The kind of a dispute (`disputeType`).
    pub enum DisputeType {
        /// A pre-arbitration case.
        Prearbitration = "prearbitration",
        /// The issuer reversed the dispute.
        IssuerReversal = "issuerReversal",
        /// A first dispute that was then reversed.
        FirstDisputeWithReversal = "firstDisputeWithReversal",
        /// The first dispute of a transaction (a chargeback).
        FirstDispute = "firstDispute",
    }
}

open_enum! {
    /// The issuer's answer to an authorization (`authorizationResponse`).
    pub enum AuthorizationResponse {
        /// `activityCountLimitExceeded`.
        ActivityCountLimitExceeded = "activityCountLimitExceeded",
        /// `alreadyReversed`.
        AlreadyReversed = "alreadyReversed",
        /// `approved`.
        Approved = "approved",
        /// `approveVip`.
        ApproveVip = "approveVip",
        /// `approveWithId`.
        ApproveWithId = "approveWithId",
        /// `cannotVerifyPin`.
        CannotVerifyPin = "cannotVerifyPin",
        /// `cardAuthenticationFailed`.
        CardAuthenticationFailed = "cardAuthenticationFailed",
        /// `cardTypeVerificationError`.
        CardTypeVerificationError = "cardTypeVerificationError",
        /// `cashRequestExceedsIssuerLimit`.
        CashRequestExceedsIssuerLimit = "cashRequestExceedsIssuerLimit",
        /// `cashServiceNotAvailable`.
        CashServiceNotAvailable = "cashServiceNotAvailable",
        /// `cidVerificationError`.
        CidVerificationError = "cidVerificationError",
        /// `contactCardIssuer`.
        ContactCardIssuer = "contactCardIssuer",
        /// `cryptographicFailure`.
        CryptographicFailure = "cryptographicFailure",
        /// `dailyThresholdExceeded`.
        DailyThresholdExceeded = "dailyThresholdExceeded",
        /// `declineCvv2Failure`.
        DeclineCvv2Failure = "declineCvv2Failure",
        /// `deny`.
        Deny = "deny",
        /// `denyAccountCanceled`.
        DenyAccountCanceled = "denyAccountCanceled",
        /// `denyClosedMerchant`.
        DenyClosedMerchant = "denyClosedMerchant",
        /// `denyNewCardIssued`.
        DenyNewCardIssued = "denyNewCardIssued",
        /// `denyPickUpCard`.
        DenyPickUpCard = "denyPickUpCard",
        /// `destinationCannotBeFoundForRouting`.
        DestinationCannotBeFoundForRouting = "destinationCannotBeFoundForRouting",
        /// `doNotHonor`.
        DoNotHonor = "doNotHonor",
        /// `duplicateTransmissionDetected`.
        DuplicateTransmissionDetected = "duplicateTransmissionDetected",
        /// `error`.
        Error = "error",
        /// `exceedsWithdrawalAmountLimit`.
        ExceedsWithdrawalAmountLimit = "exceedsWithdrawalAmountLimit",
        /// `expiredCard`.
        ExpiredCard = "expiredCard",
        /// `fileTemporarilyUnavailable`.
        FileTemporarilyUnavailable = "fileTemporarilyUnavailable",
        /// `forceStip`.
        ForceStip = "forceStip",
        /// `formatError`.
        FormatError = "formatError",
        /// `forwardToIssuer`.
        ForwardToIssuer = "forwardToIssuer",
        /// `functionNotSupported`.
        FunctionNotSupported = "functionNotSupported",
        /// `honorWithId`.
        HonorWithId = "honorWithId",
        /// `incorrectCvv`.
        IncorrectCvv = "incorrectCvv",
        /// `incorrectPin`.
        IncorrectPin = "incorrectPin",
        /// `ineligibleForResubmission`.
        IneligibleForResubmission = "ineligibleForResubmission",
        /// `insufficientFunds`.
        InsufficientFunds = "insufficientFunds",
        /// `invalidAccount`.
        InvalidAccount = "invalidAccount",
        /// `invalidAccountNumber`.
        InvalidAccountNumber = "invalidAccountNumber",
        /// `invalidAmount`.
        InvalidAmount = "invalidAmount",
        /// `invalidAuthorizationLifeCycle`.
        InvalidAuthorizationLifeCycle = "invalidAuthorizationLifeCycle",
        /// `invalidBillerInformation`.
        InvalidBillerInformation = "invalidBillerInformation",
        /// `invalidCardSecurityCode`.
        InvalidCardSecurityCode = "invalidCardSecurityCode",
        /// `invalidCurrencyCode`.
        InvalidCurrencyCode = "invalidCurrencyCode",
        /// `invalidMerchant`.
        InvalidMerchant = "invalidMerchant",
        /// `invalidResponse`.
        InvalidResponse = "invalidResponse",
        /// `invalidTransaction`.
        InvalidTransaction = "invalidTransaction",
        /// `issuerNotAvailable`.
        IssuerNotAvailable = "issuerNotAvailable",
        /// `issuerTimeout`.
        IssuerTimeout = "issuerTimeout",
        /// `issuerUnavailable`.
        IssuerUnavailable = "issuerUnavailable",
        /// `noActionTaken`.
        NoActionTaken = "noActionTaken",
        /// `noCardRecord`.
        NoCardRecord = "noCardRecord",
        /// `noCheckingAccount`.
        NoCheckingAccount = "noCheckingAccount",
        /// `noCreditAccount`.
        NoCreditAccount = "noCreditAccount",
        /// `noFinancialImpact`.
        NoFinancialImpact = "noFinancialImpact",
        /// `noReasonToDecline`.
        NoReasonToDecline = "noReasonToDecline",
        /// `noSavingsAccount`.
        NoSavingsAccount = "noSavingsAccount",
        /// `noSuchIssuer`.
        NoSuchIssuer = "noSuchIssuer",
        /// `partialApproval`.
        PartialApproval = "partialApproval",
        /// `partialAuthorization`.
        PartialAuthorization = "partialAuthorization",
        /// `pickUpCard`.
        PickUpCard = "pickUpCard",
        /// `pickUpCardSpecialCondition`.
        PickUpCardSpecialCondition = "pickUpCardSpecialCondition",
        /// `pinChangeRequestDeclined`.
        PinChangeRequestDeclined = "pinChangeRequestDeclined",
        /// `pinCryptographicErrorFound`.
        PinCryptographicErrorFound = "pinCryptographicErrorFound",
        /// `pinEntryTriesExceeded`.
        PinEntryTriesExceeded = "pinEntryTriesExceeded",
        /// `pinNotChanged`.
        PinNotChanged = "pinNotChanged",
        /// `pleaseCallIssuer`.
        PleaseCallIssuer = "pleaseCallIssuer",
        /// `reenterTransaction`.
        ReenterTransaction = "reenterTransaction",
        /// `referToCardIssuer`.
        ReferToCardIssuer = "referToCardIssuer",
        /// `referToCardIssuerSpecialCondition`.
        ReferToCardIssuerSpecialCondition = "referToCardIssuerSpecialCondition",
        /// `restrictedCard`.
        RestrictedCard = "restrictedCard",
        /// `reversal`.
        Reversal = "reversal",
        /// `reversalDataInconsistent`.
        ReversalDataInconsistent = "reversalDataInconsistent",
        /// `revokeAllAuthorizationsOrder`.
        RevokeAllAuthorizationsOrder = "revokeAllAuthorizationsOrder",
        /// `scheduledTransactionstoppedByCardholder`.
        ScheduledTransactionstoppedByCardholder = "scheduledTransactionstoppedByCardholder",
        /// `securityViolation`.
        SecurityViolation = "securityViolation",
        /// `successful`.
        Successful = "successful",
        /// `surchargeAmountNotPermitted`.
        SurchargeAmountNotPermitted = "surchargeAmountNotPermitted",
        /// `suspectFraud`.
        SuspectFraud = "suspectFraud",
        /// `systemMalfunction`.
        SystemMalfunction = "systemMalfunction",
        /// `transactionAmountExceedsApprovalAmount`.
        TransactionAmountExceedsApprovalAmount = "transactionAmountExceedsApprovalAmount",
        /// `transactionCannotBeCompleted`.
        TransactionCannotBeCompleted = "transactionCannotBeCompleted",
        /// `transactionNotAllowedAtMerchant`.
        TransactionNotAllowedAtMerchant = "transactionNotAllowedAtMerchant",
        /// `transactionNotAllowedAtTerminal`.
        TransactionNotAllowedAtTerminal = "transactionNotAllowedAtTerminal",
        /// `transactionNotPermitted`.
        TransactionNotPermitted = "transactionNotPermitted",
        /// `transactionNotPermittedToCardholder`.
        TransactionNotPermittedToCardholder = "transactionNotPermittedToCardholder",
        /// `unableToGoOnline`.
        UnableToGoOnline = "unableToGoOnline",
        /// `unableToLocateRecordInFile`.
        UnableToLocateRecordInFile = "unableToLocateRecordInFile",
        /// `unableToVerifyPin`.
        UnableToVerifyPin = "unableToVerifyPin",
        /// `unacceptablePin`.
        UnacceptablePin = "unacceptablePin",
        /// No value available.
        Unspecified = "unknown",
        /// `unsafePin`.
        UnsafePin = "unsafePin",
    }
}

open_enum! {
    /// Where a dispute stands (`status` of a dispute status).
    pub enum DisputeStatusValue {
        /// `prearbitrationInProcess`.
        PrearbitrationInProcess = "prearbitrationInProcess",
        /// `prearbitrationAccepted`.
        PrearbitrationAccepted = "prearbitrationAccepted",
        /// `prearbitrationDeclined`.
        PrearbitrationDeclined = "prearbitrationDeclined",
        /// `arbitrationFiledWithCardBand`.
        ArbitrationFiledWithCardBand = "arbitrationFiledWithCardBand",
        /// `arbitrationFundsToBeReturned`.
        ArbitrationFundsToBeReturned = "arbitrationFundsToBeReturned",
        /// `arbitrationLost`.
        ArbitrationLost = "arbitrationLost",
        /// `arbitrationSettledPartialAmount`.
        ArbitrationSettledPartialAmount = "arbitrationSettledPartialAmount",
        /// `precomplianceInProcess`.
        PrecomplianceInProcess = "precomplianceInProcess",
        /// `precomplianceAccepted`.
        PrecomplianceAccepted = "precomplianceAccepted",
        /// `precomplianceDeclined`.
        PrecomplianceDeclined = "precomplianceDeclined",
        /// `complianceFiledWithCardBand`.
        ComplianceFiledWithCardBand = "complianceFiledWithCardBand",
        /// `complianceLost`.
        ComplianceLost = "complianceLost",
        /// `complianceSettledPartialAmount`.
        ComplianceSettledPartialAmount = "complianceSettledPartialAmount",
        /// `invalid`.
        Invalid = "invalid",
        /// `issuerReversal`.
        IssuerReversal = "issuerReversal",
        /// `new`.
        New = "new",
        /// `rejected`.
        Rejected = "rejected",
        /// `representmentInProgress`.
        RepresentmentInProgress = "representmentInProgress",
        /// `representmentFailed`.
        RepresentmentFailed = "representmentFailed",
        /// `representmentPaid`.
        RepresentmentPaid = "representmentPaid",
        /// `representmentReceived`.
        RepresentmentReceived = "representmentReceived",
        /// `stand`.
        Stand = "stand",
    }
}

open_enum! {
    /// The card's brand or kind as settlement reports it (`card.type`).
    pub enum CardSummaryType {
        /// `visa`.
        Visa = "visa",
        /// `masterCard`.
        MasterCard = "masterCard",
        /// `discover`.
        Discover = "discover",
        /// `debit`.
        Debit = "debit",
        /// `ebt`.
        Ebt = "ebt",
        /// `wrightExpress`.
        WrightExpress = "wrightExpress",
        /// `voyager`.
        Voyager = "voyager",
        /// `amex`.
        Amex = "amex",
        /// `privateLabel`.
        PrivateLabel = "privateLabel",
        /// `storedValue`.
        StoredValue = "storedValue",
        /// `discoverRetained`.
        DiscoverRetained = "discoverRetained",
        /// `jcbNonSettled`.
        JcbNonSettled = "jcbNonSettled",
        /// `dinersClub`.
        DinersClub = "dinersClub",
        /// `amexOptBlue`.
        AmexOptBlue = "amexOptBlue",
        /// `fuelman`.
        Fuelman = "fuelman",
        /// No value available.
        Unspecified = "unknown",
    }
}

open_enum! {
    /// How the merchant received the payment details (`entryMethod`).
    pub enum SettlementEntryMethod {
        /// `barcodeRead`.
        BarcodeRead = "barcodeRead",
        /// `smartChipRead`.
        SmartChipRead = "smartChipRead",
        /// `swipedOriginUnknown`.
        SwipedOriginUnknown = "swipedOriginUnknown",
        /// `contactlessChip`.
        ContactlessChip = "contactlessChip",
        /// `ecommerce`.
        Ecommerce = "ecommerce",
        /// `manuallyEntered`.
        ManuallyEntered = "manuallyEntered",
        /// `manuallyEnteredFallback`.
        ManuallyEnteredFallback = "manuallyEnteredFallback",
        /// `swiped`.
        Swiped = "swiped",
        /// `swipedFallback`.
        SwipedFallback = "swipedFallback",
        /// `swipedError`.
        SwipedError = "swipedError",
        /// `scannedCheckReader`.
        ScannedCheckReader = "scannedCheckReader",
        /// `credentialOnFile`.
        CredentialOnFile = "credentialOnFile",
        /// No value available.
        Unspecified = "unknown",
    }
}

open_enum! {
    /// Where a settled transaction's funds stand (`status`).
    pub enum SettlementTransactionStatus {
        /// `fullSuspense`.
        FullSuspense = "fullSuspense",
        /// `heldAudited`.
        HeldAudited = "heldAudited",
        /// `heldReleasedAudited`.
        HeldReleasedAudited = "heldReleasedAudited",
        /// `holdForSettlement30Days`.
        HoldForSettlement30Days = "holdForSettlement30Days",
        /// `holdForSettlementDuplicate`.
        HoldForSettlementDuplicate = "holdForSettlementDuplicate",
        /// `holdLongTerm`.
        HoldLongTerm = "holdLongTerm",
        /// `paid`.
        Paid = "paid",
        /// `paidByThirdParty`.
        PaidByThirdParty = "paidByThirdParty",
        /// `partialRelease`.
        PartialRelease = "partialRelease",
        /// `pull`.
        Pull = "pull",
        /// `release`.
        Release = "release",
        /// `new`.
        New = "new",
        /// `held`.
        Held = "held",
        /// No value available.
        Unspecified = "unknown",
    }
}

/// The merchant a record belongs to (`MerchantSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MerchantSummary {
    /// The processor's id of the merchant (MID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// The merchant's trading name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doing_business_as: Option<String>,
    /// The processing account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_account_id: Option<i64>,
    /// Link to the processing account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The card of a settled record, masked (`CardSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardSummary {
    /// Masked number (first six and last four); never shown whole in `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_number: Option<CardNumber>,
    /// Brand or kind of card.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CardSummaryType>,
    /// Whether a CVV was presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv_presence_indicator: Option<bool>,
    /// Whether an address check was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_request: Option<bool>,
    /// The address check's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_response: Option<String>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The batch a record was settled in (`BatchSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchSummary {
    /// The batch's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<i64>,
    /// Date the merchant submitted the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The processing cycle that holds the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// Link to the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A settled transaction, in brief (`TransactionSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionSummary {
    /// The transaction's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i64>,
    /// Sale or refund.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SettlementTransactionType>,
    /// Date of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// How the payment details were received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_method: Option<SettlementEntryMethod>,
    /// Amount, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Link to the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The authorization behind a transaction, in brief (`AuthorizationSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationSummary {
    /// The authorization's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_id: Option<i64>,
    /// The approval code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Amount authorised, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// The address check's response code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avs_response_code: Option<String>,
    /// Link to the authorization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// How a transaction was settled (`SettledSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettledSummary {
    /// Processor that settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_by: Option<String>,
    /// Date the processor settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_date: Option<Date>,
    /// The ACH deposit that paid it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_deposit_id: Option<i64>,
    /// Link to the ACH deposit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The interchange fees of a transaction (`TransactionInterchange`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionInterchange {
    /// Interchange basis points applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_point: Option<i64>,
    /// The interchange fee, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_fee: Option<i64>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A batch of transactions a merchant submitted for settlement (`Batch`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    /// The batch's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<i64>,
    /// Date the merchant submitted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Date the record was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<Date>,
    /// Date the batch last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<Date>,
    /// Total of its sales, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sale_amount: Option<i64>,
    /// Total of authorizations held in it, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_amount: Option<i64>,
    /// Total of its returns (refunds), in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_amount: Option<i64>,
    /// Number of transactions in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_count: Option<i64>,
    /// Currency of its transactions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// Links to its transactions and authorizations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A transaction as settlement reports it (`Transaction`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// The transaction's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i64>,
    /// Sale (`capture`) or refund (`return`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SettlementTransactionType>,
    /// Date of the transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Amount, in minor units (a refund's is positive too; `type` says which).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// How the payment details were received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_method: Option<SettlementEntryMethod>,
    /// Date the record was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<Date>,
    /// Date the record last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<Date>,
    /// Where its funds stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SettlementTransactionStatus>,
    /// Cashback, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback_amount: Option<i64>,
    /// Interchange fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interchange: Option<TransactionInterchange>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// How and when it was paid out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<SettledSummary>,
    /// The batch it was settled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<BatchSummary>,
    /// The card, masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardSummary>,
    /// The authorization behind it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization: Option<AuthorizationSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An authorization the issuer answered (`Authorization`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    /// The authorization's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_id: Option<i64>,
    /// Date it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<Date>,
    /// Date it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<Date>,
    /// The issuer's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_response: Option<AuthorizationResponse>,
    /// Amount the merchant asked to authorise, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preauthorization_request_amount: Option<i64>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The batch its transaction was settled in (absent until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<BatchSummary>,
    /// The card, masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardSummary>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// The transaction it became (absent until settled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<TransactionSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// One status a dispute has had (`DisputeStatus`); as a dispute's `currentStatus`
/// (`DisputeCurrentStatus`) it also links to the whole history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisputeStatus {
    /// The status record's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_status_id: Option<i64>,
    /// The status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DisputeStatusValue>,
    /// Date it took this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<Date>,
    /// Link to the status history (on `currentStatus` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A dispute (chargeback) on a settled transaction (`Dispute`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dispute {
    /// The dispute's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_id: Option<i64>,
    /// Its kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_type: Option<DisputeType>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_status: Option<DisputeStatus>,
    /// Date the record was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<Date>,
    /// Date it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<Date>,
    /// Date it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_date: Option<Date>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The acquiring bank's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// Amount disputed, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute_amount: Option<i64>,
    /// Fees charged for it, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_amount: Option<i64>,
    /// Whether it is the transaction's first dispute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_dispute: Option<bool>,
    /// Approval code of the disputed transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<String>,
    /// Currency of the disputed transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The card, masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardSummary>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// The disputed transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<TransactionSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// An ACH deposit: what the merchant was paid for its batches (`AchDeposit`).
/// `netAmount` = `sales` − `returns` − `dailyFees` − `heldSales` − `achAdjustment`
/// − `holdback` + `reserveRelease`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchDeposit {
    /// The deposit's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_deposit_id: Option<i64>,
    /// Date the transactions went to the card brands for clearing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association_date: Option<Date>,
    /// Date the deposit was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_date: Option<Date>,
    /// Date the merchant received it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<Date>,
    /// Number of transactions in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transactions: Option<i64>,
    /// Sales, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales: Option<i64>,
    /// Returns, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<i64>,
    /// Fees taken from it, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_fees: Option<i64>,
    /// Funds held while the merchant was in full suspense, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_sales: Option<i64>,
    /// Adjustments, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_adjustment: Option<i64>,
    /// Funds held as reserve, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holdback: Option<i64>,
    /// Funds released from reserve, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve_release: Option<i64>,
    /// What the merchant was paid, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_amount: Option<i64>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// Link to its fees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl AchDeposit {
    /// What `netAmount` should be from the other amounts (absent ones count as 0):
    /// a deposit whose `netAmount` differs does not add up.
    pub fn expected_net_amount(&self) -> i64 {
        let n = |v: Option<i64>| v.unwrap_or(0);
        n(self.sales)
            - n(self.returns)
            - n(self.daily_fees)
            - n(self.held_sales)
            - n(self.ach_adjustment)
            - n(self.holdback)
            + n(self.reserve_release)
    }
}

/// The deposit a fee was taken from (`AchDepositSummary`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchDepositSummary {
    /// The deposit's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_deposit_id: Option<i64>,
    /// Link to the deposit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// A fee taken from an ACH deposit (`AchDepositFee`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchDepositFee {
    /// Date the transactions went to the card brands for clearing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association_date: Option<Date>,
    /// Date of the adjustment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_date: Option<Date>,
    /// What the fee is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Amount, in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// The merchant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<MerchantSummary>,
    /// The deposit it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_deposit: Option<AchDepositSummary>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// Pushes `merchantId` and the cursor, the tail every settlement filter shares.
fn push_tail(
    pairs: &mut Vec<(&'static str, String)>,
    merchant_id: &Option<String>,
    page: &PageQuery,
) {
    if let Some(merchant_id) = merchant_id {
        pairs.push(("merchantId", merchant_id.clone()));
    }
    page.push_pairs(pairs);
}

/// `merchantId` must not be blank when sent, and the cursor must make sense.
fn check_tail(v: &mut Validator, merchant_id: &Option<String>, page: &PageQuery) {
    if let Some(merchant_id) = merchant_id {
        v.required_str("merchantId", merchant_id);
    }
    page.validate_into(v);
}

/// An id filter must be a positive integer.
fn check_id(v: &mut Validator, field: &'static str, id: Option<i64>) {
    if id.is_some_and(|id| id < 1) {
        v.violation(field, "range", "must be a positive id");
    }
}

/// Filters of `GET /batches`: the batches submitted on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchListQuery {
    /// Date the batches were submitted (required).
    pub date: Date,
    /// Only this merchant's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl BatchListQuery {
    /// The batches submitted on `date`.
    pub fn on(date: Date) -> Self {
        Self {
            date,
            merchant_id: None,
            page: PageQuery::default(),
        }
    }
}

impl Validate for BatchListQuery {
    fn validate_into(&self, v: &mut Validator) {
        check_tail(v, &self.merchant_id, &self.page);
    }
}

impl ListQuery for BatchListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("date", self.date.to_string())];
        push_tail(&mut pairs, &self.merchant_id, &self.page);
        pairs
    }
}

/// Filters of `GET /transactions`: a date's or a batch's settled transactions (one
/// of `date` and `batchId` is required).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionListQuery {
    /// Date the batch holding them was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The batch holding them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<i64>,
    /// Only this merchant's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Only sales or only refunds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<TransactionTypeFilter>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl TransactionListQuery {
    /// The transactions of the batches submitted on `date`.
    pub fn on(date: Date) -> Self {
        Self {
            date: Some(date),
            ..Self::default()
        }
    }

    /// The transactions of batch `batch_id`.
    pub fn in_batch(batch_id: i64) -> Self {
        Self {
            batch_id: Some(batch_id),
            ..Self::default()
        }
    }
}

impl Validate for TransactionListQuery {
    fn validate_into(&self, v: &mut Validator) {
        if self.date.is_none() && self.batch_id.is_none() {
            v.violation("date", "required", "send `date` or `batchId`");
        }
        check_id(v, "batchId", self.batch_id);
        v.known_opt("transactionType", &self.transaction_type);
        check_tail(v, &self.merchant_id, &self.page);
    }
}

impl ListQuery for TransactionListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(date) = self.date {
            pairs.push(("date", date.to_string()));
        }
        if let Some(batch_id) = self.batch_id {
            pairs.push(("batchId", batch_id.to_string()));
        }
        if let Some(kind) = &self.transaction_type {
            pairs.push(("transactionType", kind.as_str().to_owned()));
        }
        push_tail(&mut pairs, &self.merchant_id, &self.page);
        pairs
    }
}

/// Filters of `GET /authorizations`: a date's or a batch's authorizations (one of
/// `date` and `batchId` is required).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationListQuery {
    /// Date they were received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The batch their transactions were settled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<i64>,
    /// Only this merchant's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl AuthorizationListQuery {
    /// The authorizations received on `date`.
    pub fn on(date: Date) -> Self {
        Self {
            date: Some(date),
            ..Self::default()
        }
    }

    /// The authorizations of batch `batch_id`.
    pub fn in_batch(batch_id: i64) -> Self {
        Self {
            batch_id: Some(batch_id),
            ..Self::default()
        }
    }
}

impl Validate for AuthorizationListQuery {
    fn validate_into(&self, v: &mut Validator) {
        if self.date.is_none() && self.batch_id.is_none() {
            v.violation("date", "required", "send `date` or `batchId`");
        }
        check_id(v, "batchId", self.batch_id);
        check_tail(v, &self.merchant_id, &self.page);
    }
}

impl ListQuery for AuthorizationListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(date) = self.date {
            pairs.push(("date", date.to_string()));
        }
        if let Some(batch_id) = self.batch_id {
            pairs.push(("batchId", batch_id.to_string()));
        }
        push_tail(&mut pairs, &self.merchant_id, &self.page);
        pairs
    }
}

/// Filters of `GET /disputes` and `GET /ach-deposits`: the records of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatedListQuery {
    /// The date (required): a dispute's creation, a deposit's association date.
    pub date: Date,
    /// Only this merchant's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl DatedListQuery {
    /// The records of `date`.
    pub fn on(date: Date) -> Self {
        Self {
            date,
            merchant_id: None,
            page: PageQuery::default(),
        }
    }
}

impl Validate for DatedListQuery {
    fn validate_into(&self, v: &mut Validator) {
        check_tail(v, &self.merchant_id, &self.page);
    }
}

impl ListQuery for DatedListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("date", self.date.to_string())];
        push_tail(&mut pairs, &self.merchant_id, &self.page);
        pairs
    }
}

/// Filters of `GET /ach-deposit-fees`: a date's or a deposit's fees (one of `date`
/// and `achDepositId` is required).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchDepositFeeListQuery {
    /// Date the fees' transactions went for clearing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The deposit they were taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ach_deposit_id: Option<i64>,
    /// Only this merchant's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// Page size and cursor.
    #[serde(flatten)]
    pub page: PageQuery,
}

impl AchDepositFeeListQuery {
    /// The fees taken from deposit `ach_deposit_id`.
    pub fn of_deposit(ach_deposit_id: i64) -> Self {
        Self {
            ach_deposit_id: Some(ach_deposit_id),
            ..Self::default()
        }
    }
}

impl Validate for AchDepositFeeListQuery {
    fn validate_into(&self, v: &mut Validator) {
        if self.date.is_none() && self.ach_deposit_id.is_none() {
            v.violation("date", "required", "send `date` or `achDepositId`");
        }
        check_id(v, "achDepositId", self.ach_deposit_id);
        check_tail(v, &self.merchant_id, &self.page);
    }
}

impl ListQuery for AchDepositFeeListQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(date) = self.date {
            pairs.push(("date", date.to_string()));
        }
        if let Some(id) = self.ach_deposit_id {
            pairs.push(("achDepositId", id.to_string()));
        }
        push_tail(&mut pairs, &self.merchant_id, &self.page);
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
    fn filters_are_typed_and_checked_with_paths() {
        let date: Date = "2024-07-02".parse().unwrap();
        let query = BatchListQuery::on(date);
        assert_eq!(query.query_pairs(), [("date", "2024-07-02".to_owned())]);
        let bad: Result<BatchListQuery, _> = crate::json::from_json(br#"{"date":"2024-02-30"}"#);
        assert_eq!(paths(&bad.unwrap_err()), ["date"]);
        let missing: Result<BatchListQuery, _> = crate::json::from_json(b"{}");
        assert_eq!(paths(&missing.unwrap_err()), ["date"]);

        let neither = TransactionListQuery {
            transaction_type: Some(TransactionTypeFilter::Unknown("sale".into())),
            merchant_id: Some(String::new()),
            page: PageQuery {
                before: Some("1".into()),
                after: Some("2".into()),
                limit: Some(0),
            },
            ..TransactionListQuery::default()
        };
        let err = neither.validate().unwrap_err();
        assert_eq!(
            paths(&err),
            ["date", "transactionType", "merchantId", "after", "limit"]
        );
        let mut in_batch = TransactionListQuery::in_batch(12);
        in_batch.transaction_type = Some(TransactionTypeFilter::Return);
        in_batch.validate().unwrap();
        assert_eq!(
            in_batch.query_pairs(),
            [
                ("batchId", "12".to_owned()),
                ("transactionType", "Return".to_owned())
            ]
        );
        assert_eq!(
            paths(&AuthorizationListQuery::in_batch(0).validate().unwrap_err()),
            ["batchId"]
        );
        assert_eq!(
            paths(&AchDepositFeeListQuery::default().validate().unwrap_err()),
            ["date"]
        );
        AchDepositFeeListQuery::of_deposit(99).validate().unwrap();
    }

    #[test]
    fn a_deposit_says_what_its_net_amount_should_be() {
        let deposit: AchDeposit = serde_json::from_value(json!({
            "achDepositId": 99, "sales": 50000, "returns": 10000, "dailyFees": 1000,
            "heldSales": 1000, "achAdjustment": 1000, "holdback": 1000,
            "reserveRelease": 500, "netAmount": 36500, "zzNew": 1
        }))
        .unwrap();
        assert_eq!(deposit.expected_net_amount(), 36500);
        assert_eq!(deposit.unknown.get("zzNew"), Some(&json!(1)));
    }

    #[test]
    fn card_numbers_stay_masked_in_debug() {
        let card: CardSummary =
            serde_json::from_value(json!({"cardNumber": "4539851234567062", "type": "visa"}))
                .unwrap();
        let debug = format!("{card:?}");
        assert!(!debug.contains("4539851234567062"), "{debug}");
        assert_eq!(card.kind, Some(CardSummaryType::Visa));
    }
}
