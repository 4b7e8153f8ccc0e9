//! What the emulator holds, area by area: the resources the routes create and change,
//! shown at `GET /_mock/ledger`. Data only: each area's rules live with its routes,
//! which read and change these through the [`Store`](super::Store).

use super::Store;
use crate::problem::Refusal;
use payroc_model::bank_transfer::{BankTransferPayment, BankTransferRefund};
use payroc_model::cloud::{InstructionStatus, Signature};
use payroc_model::common::Link;
use payroc_model::event::Event;
use payroc_model::event_subscription::EventSubscription;
use payroc_model::funding::{ActivityRecord, FundingAccount, FundingRecipient, Instruction, Owner};
use payroc_model::payment::{CardEntryMethod, Payment};
use payroc_model::payment_link::{PaymentLink, PaymentLinkEmailShareEvent};
use payroc_model::payment_plan::{PaymentPlan, Subscription};
use payroc_model::paytrace::{Recurrence, SurchargeInfo};
use payroc_model::refund::RetrievedRefund;
use payroc_model::secure_token::{
    SecureTokenResponseSource, SecureTokenStatus, SecureTokenWithAccountType,
};
use payroc_model::settlement::{
    AchDeposit, AchDepositFee, Batch, Dispute, DisputeStatus, Transaction,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// Every resource the emulator holds, in creation order.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Ledger {
    #[serde(flatten)]
    pub(crate) cards: CardsLedger,
    #[serde(flatten)]
    pub(crate) cloud: CloudLedger,
    #[serde(flatten)]
    pub(crate) links: LinksLedger,
    #[serde(flatten)]
    pub(crate) plans: PlansLedger,
    #[serde(flatten)]
    pub(crate) paytrace: PaytraceLedger,
    #[serde(flatten)]
    pub(crate) sessions: SessionsLedger,
    #[serde(flatten)]
    pub(crate) bank: BankLedger,
    #[serde(flatten)]
    pub(crate) settlement: SettlementLedger,
    #[serde(flatten)]
    pub(crate) funding: FundingLedger,
    #[serde(flatten)]
    pub(crate) pricing: PricingLedger,
    #[serde(flatten)]
    pub(crate) events: EventsLedger,
    #[serde(flatten)]
    pub(crate) boarding: BoardingLedger,
}

/// Event subscriptions and the notifications sent to them. Shown at
/// `GET /_mock/ledger` as `eventSubscriptions` and `deliveries`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EventsLedger {
    /// Every subscription, oldest first, secrets whole (replies mask them).
    pub(crate) event_subscriptions: Vec<EventSubscription>,
    /// Every delivery of an event to a subscription's webhook, oldest first.
    pub(crate) deliveries: Vec<Delivery>,
    /// Sequence behind the next subscription id.
    #[serde(skip)]
    pub(crate) subscription_sequence: i64,
}

impl EventsLedger {
    /// The subscription with this id.
    pub(crate) fn find(&self, id: i64) -> Option<&EventSubscription> {
        self.event_subscriptions.iter().find(|s| s.id == Some(id))
    }

    /// The subscription with this id, to change it.
    pub(crate) fn find_mut(&mut self, id: i64) -> Option<&mut EventSubscription> {
        self.event_subscriptions
            .iter_mut()
            .find(|s| s.id == Some(id))
    }

    /// The delivery with this number, to record a try.
    pub(crate) fn delivery_mut(&mut self, number: u64) -> Option<&mut Delivery> {
        self.deliveries.iter_mut().find(|d| d.number == number)
    }
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum DeliveryState {
    /// Queued or between tries.
    Pending,
    /// A try was answered with a 2xx.
    Delivered,
    /// Every try failed; the subscription is `failed`.
    Failed,
    /// The subscription was deleted (or the emulator reset) before it was delivered.
    Dropped,
}

/// One try of a delivery: the webhook's status code, or why there was none.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeliveryAttempt {
    /// The HTTP status the webhook answered.
    pub(crate) status: Option<u16>,
    /// Why no status came back (no connection, timed out).
    pub(crate) error: Option<String>,
}

/// One event sent (or being sent) to one subscription's webhook.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Delivery {
    /// This delivery's number, unique in the process (across resets), so a try in
    /// flight never lands on another delivery.
    #[serde(skip)]
    pub(crate) number: u64,
    /// The event's id (the same on every try).
    pub(crate) event_id: String,
    /// The event's type.
    pub(crate) event_type: String,
    /// The subscription it goes to.
    pub(crate) subscription_id: i64,
    /// The webhook's URI.
    pub(crate) uri: String,
    /// Where it stands.
    pub(crate) state: DeliveryState,
    /// Every try so far, oldest first.
    pub(crate) attempts: Vec<DeliveryAttempt>,
    /// The notification's body.
    pub(crate) event: Event,
    /// The `Payroc-Secret` header it carries.
    #[serde(skip)]
    pub(crate) secret: String,
    /// Whether the dispatcher has started it.
    #[serde(skip)]
    pub(crate) dispatched: bool,
}

/// What this area keeps, oldest first. Shown at `GET /_mock/ledger` as
/// `secureTokens`, `deletedSecureTokens`, `singleUseTokens`, `payments`, `refunds`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CardsLedger {
    /// Live secure tokens, as retrieve returns them.
    pub(crate) secure_tokens: Vec<SecureTokenWithAccountType>,
    /// Deleted secure tokens: their ids may not be reused and their tokens no longer pay.
    pub(crate) deleted_secure_tokens: Vec<DeletedToken>,
    /// Single-use tokens, used or not.
    pub(crate) single_use_tokens: Vec<SingleUse>,
    /// Every payment, whatever its outcome.
    pub(crate) payments: Vec<Payment>,
    /// Every refund, referenced or not.
    pub(crate) refunds: Vec<RetrievedRefund>,
    /// Sequence behind the next gateway token number (296753…).
    #[serde(skip)]
    pub(crate) token_sequence: u64,
}

/// A deleted secure token: its id stays taken and its token no longer pays.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeletedToken {
    /// Terminal that owned it.
    pub(crate) processing_terminal_id: String,
    /// The merchant's id.
    pub(crate) secure_token_id: String,
    /// The gateway token.
    pub(crate) token: String,
}

/// A single-use token: usable once, for 30 minutes, by any terminal of the merchant.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SingleUse {
    /// 128 hex characters.
    pub(crate) token: String,
    /// Terminal that made it.
    pub(crate) processing_terminal_id: String,
    /// When it stops working (RFC 3339).
    pub(crate) expires_at: String,
    /// Whether it has been used.
    pub(crate) used: bool,
    /// The details behind it, masked.
    pub(crate) source: SecureTokenResponseSource,
    /// Security-check outcome it carries into a secure token.
    pub(crate) status: SecureTokenStatus,
    /// The same moment as `expires_at`, on the monotonic clock.
    #[serde(skip)]
    pub(crate) expires: Instant,
    /// The card behind it, when it holds a card (not a bank account).
    #[serde(skip)]
    pub(crate) card: Option<ResolvedCard>,
}

/// The card a payment, refund or secure token ends up with, masked: everything the
/// responses show about it.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedCard {
    /// Brand, e.g. `Visa`.
    pub(crate) brand: String,
    /// How it was read, in the response's terms.
    pub(crate) entry_method: CardEntryMethod,
    /// Cardholder's name, when sent.
    pub(crate) cardholder_name: Option<String>,
    /// Encoded signature, when sent.
    pub(crate) cardholder_signature: Option<String>,
    /// First six, stars, last four.
    pub(crate) masked_number: String,
    /// `MMYY`, when known.
    pub(crate) expiry_date: Option<String>,
    /// Whether a CVV came with it.
    pub(crate) cvv: bool,
}

/// What this area keeps. Shown at `GET /_mock/ledger` as `cloudInstructions` and
/// `signatures`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CloudLedger {
    /// Every instruction, oldest first.
    #[serde(rename = "cloudInstructions")]
    pub(crate) instructions: Vec<StoredInstruction>,
    /// Captured signatures.
    pub(crate) signatures: Vec<Signature>,
    /// What each unfinished instruction will do once its device finishes, by id.
    #[serde(skip)]
    pub(crate) pending: Pending,
}

/// The work of unfinished instructions, by instruction id.
#[derive(Default)]
pub(crate) struct Pending(pub(crate) HashMap<String, Work>);

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

/// The three kinds of instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Kind {
    /// A sale or pre-authorization.
    Payment,
    /// An unreferenced refund.
    Refund,
    /// A signature capture.
    Signature,
}

/// An instruction as the ledger keeps it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredInstruction {
    /// Payment, refund or signature.
    pub(crate) kind: Kind,
    /// 32 hex characters.
    pub(crate) instruction_id: String,
    /// The device it was sent to.
    pub(crate) serial_number: String,
    /// The terminal that sent it.
    pub(crate) processing_terminal_id: String,
    /// Where it stands.
    pub(crate) status: InstructionStatus,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) error_message: Option<String>,
    /// Itself while unfinished; the payment, refund or signature once completed.
    pub(crate) link: Link,
}

/// The work a completed instruction does in the store: the link to what it made, or
/// why the gateway refused it.
pub(crate) type Work = Box<dyn FnOnce(&mut Store) -> Result<Link, Refusal> + Send>;

/// What this area keeps: every link, in creation order, with the terminal it was
/// created under and the sharing events sent for it.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LinksLedger {
    pub(crate) payment_links: Vec<StoredLink>,
}

/// One link as the emulator holds it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredLink {
    /// The terminal the link was created under (the list is per terminal).
    pub(crate) processing_terminal_id: String,
    /// The link with its stored status (`expired` is worked out when read).
    pub(crate) link: PaymentLink,
    /// Sharing events, oldest first.
    pub(crate) sharing_events: Vec<PaymentLinkEmailShareEvent>,
}

/// What this area keeps, oldest first. Shown at `GET /_mock/ledger` as
/// `paymentPlans`, `deletedPaymentPlans` and `subscriptions`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlansLedger {
    /// Live payment plans.
    pub(crate) payment_plans: Vec<PaymentPlan>,
    /// Deleted plans: their ids stay taken and they take no new subscriptions.
    pub(crate) deleted_payment_plans: Vec<PaymentPlan>,
    /// Every subscription, whatever its status.
    pub(crate) subscriptions: Vec<StoredSubscription>,
}

/// A subscription with what its schedule needs and the response has no place for.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredSubscription {
    /// The subscription as retrieve returns it.
    pub(crate) subscription: Subscription,
    /// Index of the next billing cycle, counted from `startDate` (paused cycles
    /// included).
    pub(crate) next_cycle: i64,
    /// Every payment it made (setup fee first), oldest first.
    pub(crate) payment_ids: Vec<String>,
    /// The host its links point at (the one it was created through).
    #[serde(skip)]
    pub(crate) host: String,
}

/// What this area keeps, oldest first. Shown at `GET /_mock/ledger` as
/// `bankTransferPayments` and `bankTransferRefunds`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BankLedger {
    /// Every bank-transfer payment, re-presentments included, whatever its outcome.
    pub(crate) bank_transfer_payments: Vec<BankTransferPayment>,
    /// Every bank-transfer refund, referenced or not.
    pub(crate) bank_transfer_refunds: Vec<BankTransferRefund>,
}

/// What this area keeps: every recurrence, in creation order.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PaytraceLedger {
    pub(crate) paytrace_recurrences: Vec<StoredRecurrence>,
}

/// A recurrence with the request fields the response shape has no place for.
#[derive(Debug, Serialize)]
pub(crate) struct StoredRecurrence {
    pub(crate) merchant_id: Option<i64>,
    pub(crate) recurrence: Recurrence,
    pub(crate) sec_code: Option<String>,
    pub(crate) weekend: Option<bool>,
    pub(crate) repeat: Option<i64>,
    pub(crate) surcharge_info: Option<SurchargeInfo>,
    /// When the simulated first run was approved (RFC 3339).
    pub(crate) approved_at: String,
}

/// What this area keeps: every Hosted Fields and Apple Pay session opened, oldest
/// first. Shown at `GET /_mock/ledger` as `hostedFieldsSessions` and `applePaySessions`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SessionsLedger {
    pub(crate) hosted_fields_sessions: Vec<StoredHostedFieldsSession>,
    pub(crate) apple_pay_sessions: Vec<StoredApplePaySession>,
}

/// A Hosted Fields session, with what it was opened for.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredHostedFieldsSession {
    pub(crate) processing_terminal_id: String,
    pub(crate) token: String,
    /// RFC 3339.
    pub(crate) expires_at: String,
    pub(crate) lib_version: String,
    pub(crate) scenario: String,
    pub(crate) secure_token_id: Option<String>,
}

/// An Apple Pay merchant session, with the domain it was opened for.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredApplePaySession {
    pub(crate) processing_terminal_id: String,
    pub(crate) apple_domain_id: String,
    pub(crate) merchant_session_identifier: String,
    /// Milliseconds since the epoch, as Apple writes it.
    pub(crate) expires_at: u64,
}

/// What settlement keeps, oldest first. Shown at `GET /_mock/ledger` as `batches`,
/// `settlementTransactions`, `achDeposits`, `achDepositFees` and `disputes`.
/// Authorizations are not kept: they are read off the payments.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SettlementLedger {
    /// Closed batches.
    pub(crate) batches: Vec<Batch>,
    /// Every settled payment and refund.
    pub(crate) settlement_transactions: Vec<SettledTransaction>,
    /// One deposit per merchant and currency at each close.
    pub(crate) ach_deposits: Vec<AchDeposit>,
    /// The fees taken from the deposits.
    pub(crate) ach_deposit_fees: Vec<AchDepositFee>,
    /// Disputes opened by the test control, with their status history.
    pub(crate) disputes: Vec<StoredDispute>,
    /// Chargebacks not yet taken from a deposit, per merchant account and currency.
    #[serde(skip)]
    pub(crate) pending_adjustments: Vec<PendingAdjustment>,
    /// The emulator day (days since the epoch) the open batches belong to.
    #[serde(skip)]
    pub(crate) business_day: Option<i64>,
    /// The day each payment and refund (by id) entered the open batch.
    #[serde(skip)]
    pub(crate) entered_on: HashMap<String, i64>,
    /// How many payments and refunds have been given their day.
    #[serde(skip)]
    pub(crate) entered: (usize, usize),
    /// Payments and refunds already in a batch.
    #[serde(skip)]
    pub(crate) settled: HashSet<String>,
    /// The host of the latest API request: the links of what a close makes point there.
    #[serde(skip)]
    pub(crate) host: String,
}

/// A settled transaction and what it settled.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SettledTransaction {
    /// The payment or refund id.
    pub(crate) source_id: String,
    /// The transaction as the API reports it.
    pub(crate) transaction: Transaction,
}

/// A dispute and every status it has had, oldest first.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredDispute {
    /// The dispute as the API reports it.
    pub(crate) dispute: Dispute,
    /// Its status history.
    pub(crate) statuses: Vec<DisputeStatus>,
}

/// A chargeback the next deposit of its merchant takes: the amount as an adjustment,
/// the fee as a fee line.
#[derive(Debug, Clone)]
pub(crate) struct PendingAdjustment {
    /// The merchant's processing account.
    pub(crate) account: i64,
    /// Currency of the disputed transaction.
    pub(crate) currency: payroc_model::Currency,
    /// The dispute's id.
    pub(crate) dispute_id: i64,
    /// Amount disputed.
    pub(crate) amount: i64,
    /// Dispute fee.
    pub(crate) fee: i64,
}

/// What funding keeps. Shown at `GET /_mock/ledger` as `fundingRecipients`,
/// `fundingOwners`, `fundingAccounts`, `fundingInstructions`, `fundingBalances`,
/// `fundingActivity`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FundingLedger {
    /// Live funding recipients, as stored (their `owners` and `fundingAccounts` are
    /// filled in when read).
    pub(crate) funding_recipients: Vec<FundingRecipient>,
    /// Owners of live recipients.
    pub(crate) funding_owners: Vec<StoredOwner>,
    /// Funding accounts of live recipients.
    pub(crate) funding_accounts: Vec<StoredFundingAccount>,
    /// Every funding instruction not deleted.
    pub(crate) funding_instructions: Vec<StoredFundingInstruction>,
    /// Each merchant's funding balance, by merchant id.
    pub(crate) funding_balances: std::collections::BTreeMap<String, FundingBalance>,
    /// Every movement of a funding balance, oldest first.
    pub(crate) funding_activity: Vec<StoredActivity>,
    /// The last id handed out (recipients, owners, accounts, instructions, activity).
    #[serde(skip)]
    pub(crate) last_id: i64,
}

/// An owner and the recipient it belongs to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredOwner {
    /// Its recipient.
    pub(crate) recipient_id: i64,
    /// The owner, as returned.
    pub(crate) owner: Owner,
}

/// A funding account and the recipient it belongs to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredFundingAccount {
    /// Its recipient.
    pub(crate) recipient_id: i64,
    /// The account, as returned.
    pub(crate) account: FundingAccount,
}

/// A funding instruction and the day it was created, which its review follows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredFundingInstruction {
    /// The emulator's day (since the epoch) it was created.
    pub(crate) created_day: i64,
    /// The instruction, as returned.
    pub(crate) instruction: Instruction,
}

/// A movement of a funding balance and the merchant whose balance it is.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredActivity {
    /// The merchant (MID).
    pub(crate) merchant_id: String,
    /// The movement, as returned.
    pub(crate) record: ActivityRecord,
}

/// A merchant's funding balance, in minor units of USD.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FundingBalance {
    /// The merchant's doing-business-as name, as activity shows it.
    pub(crate) merchant_name: String,
    /// All funds, pending ones included.
    pub(crate) funds: i64,
    /// Funds promised to funding instructions and not yet sent.
    pub(crate) pending: i64,
}

/// Pricing intents and attachments, oldest first. Shown at `GET /_mock/ledger` as
/// `pricingIntents` and `attachments`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PricingLedger {
    /// Live pricing intents.
    pub(crate) pricing_intents: Vec<StoredPricingIntent>,
    /// Every attachment uploaded (the files themselves are not kept).
    pub(crate) attachments: Vec<StoredAttachment>,
    /// The last id handed out (intents and attachments share one sequence).
    #[serde(skip)]
    pub(crate) last_id: u64,
}

/// A pricing intent and the clock's day it was created on.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredPricingIntent {
    /// The intent as stored (its status as created).
    pub(crate) intent: payroc_model::pricing_intent::PricingIntent,
    /// The emulator clock's day offset at creation: review comes a day later.
    pub(crate) created_day: i64,
}

/// An attachment, what review will find, and the clock's day it was uploaded on.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredAttachment {
    /// The attachment as uploaded (`pending`).
    pub(crate) attachment: payroc_model::attachment::Attachment,
    /// The file's size in bytes.
    pub(crate) size: usize,
    /// Whether the bytes are what the media type says: review accepts or rejects.
    pub(crate) genuine: bool,
    /// The emulator clock's day offset at upload: review comes a day later.
    pub(crate) uploaded_day: i64,
}

/// What boarding keeps. Shown at `GET /_mock/ledger` as `merchantPlatforms`,
/// `processingAccounts`, `boardingOwners`, `contacts`, `processingTerminals`,
/// `terminalOrders`.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BoardingLedger {
    /// Merchant platforms, as returned (their account summaries refreshed on reads).
    pub(crate) merchant_platforms: Vec<payroc_model::boarding::MerchantPlatform>,
    /// Processing accounts with what the emulator keeps about them.
    pub(crate) processing_accounts: Vec<StoredProcessingAccount>,
    /// Owners of processing accounts (funding recipients' owners live with funding).
    pub(crate) boarding_owners: Vec<StoredBoardingPerson<Owner>>,
    /// Contacts of processing accounts.
    pub(crate) contacts: Vec<StoredBoardingPerson<payroc_model::boarding::Contact>>,
    /// Processing terminals made by terminal orders.
    pub(crate) processing_terminals: Vec<StoredProcessingTerminal>,
    /// Terminal orders.
    pub(crate) terminal_orders: Vec<StoredTerminalOrder>,
    /// Sequence behind platform, account and order ids.
    #[serde(skip)]
    pub(crate) last_id: i64,
}

/// A processing account, its platform, the day its review started and its pricing.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredProcessingAccount {
    /// Its merchant platform.
    pub(crate) merchant_platform_id: String,
    /// Emulator day (days since the epoch) its status last changed; review follows it.
    pub(crate) status_day: i64,
    /// The account, as returned.
    pub(crate) account: payroc_model::boarding::ProcessingAccount,
    /// Its funding accounts, in full.
    pub(crate) funding_accounts: Vec<FundingAccount>,
    /// Its pricing agreement.
    pub(crate) pricing: payroc_model::boarding::PricingAgreement,
    /// How many terminals its orders have made (numbers its terminals).
    pub(crate) terminal_count: u32,
}

/// An owner or contact and the processing account it belongs to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredBoardingPerson<T> {
    /// Its processing account.
    pub(crate) processing_account_id: String,
    /// The person, as returned.
    pub(crate) person: T,
}

/// A processing terminal with its host configuration and account.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredProcessingTerminal {
    /// Its processing account.
    pub(crate) processing_account_id: String,
    /// The terminal, as returned.
    pub(crate) terminal: payroc_model::boarding::ProcessingTerminal,
    /// Its host configuration.
    pub(crate) host: payroc_model::boarding::HostConfiguration,
}

/// A terminal order, its account and the day its status last changed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredTerminalOrder {
    /// Its processing account.
    pub(crate) processing_account_id: String,
    /// Emulator day its status last changed; shipping follows it.
    pub(crate) status_day: i64,
    /// The order, as returned.
    pub(crate) order: payroc_model::boarding::TerminalOrder,
}
