//! The operation table: every operation of the Payroc and PayTrace APIs this SDK
//! offers, once. The Rust resource methods, the JSON dispatch the C and Python
//! bindings use, the Python resources, the list in `payroc.h` and the README's table
//! are generated from it (`scripts/regen.sh`; the test command fails on drift).
//! CONTRIBUTING.md has the recipe for adding one.

use super::Operation;
use crate::http::Method::{Delete, Get, Patch, Post, Put};

/// Every operation, in the order the docs list them.
pub static OPERATIONS: &[Operation] = &[
    // Secure tokens: a customer's card saved for later payments.
    Operation::rest("secure_tokens.create", Post, "/processing-terminals/{processingTerminalId}/secure-tokens")
        .request("secure_token::SecureTokenRequest")
        .response("secure_token::SecureToken", "SecureToken")
        .keyed()
        .official("tokenization.secure_tokens.create", "Tokenization.SecureTokens.Create")
        .doc("Saves a customer's payment details as a secure token."),
    Operation::rest("secure_tokens.retrieve", Get, "/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}")
        .response("secure_token::SecureTokenWithAccountType", "SecureToken")
        .official("tokenization.secure_tokens.retrieve", "Tokenization.SecureTokens.Retrieve")
        .doc("Reads a secure token."),
    Operation::rest("secure_tokens.list", Get, "/processing-terminals/{processingTerminalId}/secure-tokens")
        .query("secure_token::SecureTokenListQuery")
        .response("secure_token::SecureTokenWithAccountType", "SecureToken")
        .pages()
        .official("tokenization.secure_tokens.list", "Tokenization.SecureTokens.List")
        .doc("Lists a terminal's secure tokens, page by page."),
    Operation::rest("secure_tokens.update", Patch, "/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}")
        .request("secure_token::SecureTokenPatch")
        .response("secure_token::SecureToken", "SecureToken")
        .keyed()
        .official("tokenization.secure_tokens.partially_update", "Tokenization.SecureTokens.PartiallyUpdate")
        .doc("Changes a secure token with JSON Patch operations (fields the gateway owns are refused)."),
    Operation::rest("secure_tokens.delete", Delete, "/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}")
        .official("tokenization.secure_tokens.delete", "Tokenization.SecureTokens.Delete")
        .doc("Deletes a secure token."),
    Operation::rest("secure_tokens.update_account", Post, "/processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId}/update-account")
        .request("secure_token::AccountUpdate")
        .response("secure_token::SecureToken", "SecureToken")
        .keyed()
        .official("tokenization.secure_tokens.update_account", "Tokenization.SecureTokens.UpdateAccount")
        .doc("Replaces the payment details a secure token holds."),
    Operation::rest("single_use_tokens.create", Post, "/processing-terminals/{processingTerminalId}/single-use-tokens")
        .request("secure_token::SingleUseTokenRequest")
        .response("secure_token::SingleUseToken", "SingleUseToken")
        .keyed()
        .official("tokenization.single_use_tokens.create", "Tokenization.SingleUseTokens.Create")
        .doc("Makes a single-use token of payment details."),
    // Card payments.
    Operation::rest("payments.create", Post, "/payments")
        .request("payment::PaymentRequest")
        .response("payment::Payment", "Payment")
        .keyed()
        .official("card_payments.payments.create", "CardPayments.Payments.Create")
        .doc("Runs a sale or pre-authorization. A declined payment is a success here: read its `transactionResult`."),
    Operation::rest("payments.retrieve", Get, "/payments/{paymentId}")
        .response("payment::RetrievedPayment", "Payment")
        .official("card_payments.payments.retrieve", "CardPayments.Payments.Retrieve")
        .doc("Reads a payment."),
    Operation::rest("payments.list", Get, "/payments")
        .query("payment::PaymentListQuery")
        .response("payment::RetrievedPayment", "Payment")
        .pages()
        .official("card_payments.payments.list", "CardPayments.Payments.List")
        .doc("Lists payments, page by page."),
    Operation::rest("payments.capture", Post, "/payments/{paymentId}/capture")
        .request("payment::PaymentCaptureRequest")
        .response("payment::Payment", "Payment")
        .keyed()
        .official("card_payments.payments.capture", "CardPayments.Payments.Capture")
        .doc("Captures a pre-authorization (all of it, or `amount` of it)."),
    Operation::rest("payments.reverse", Post, "/payments/{paymentId}/reverse")
        .request("payment::PaymentReverseRequest")
        .response("payment::Payment", "Payment")
        .keyed()
        .official("card_payments.refunds.reverse", "CardPayments.Refunds.Reverse")
        .doc("Voids a payment still in an open batch, fully or partly."),
    Operation::rest("payments.refund", Post, "/payments/{paymentId}/refund")
        .request("payment::PaymentRefundRequest")
        .response("payment::Payment", "Payment")
        .keyed()
        .official("card_payments.refunds.create_referenced_refund", "CardPayments.Refunds.CreateReferencedRefund")
        .doc("Refunds a payment; returns the payment, whose `refunds` now include this one."),
    Operation::rest("payments.adjust", Post, "/payments/{paymentId}/adjust")
        .request("payment::PaymentAdjustRequest")
        .response("payment::Payment", "Payment")
        .keyed()
        .official("card_payments.payments.adjust", "CardPayments.Payments.Adjust")
        .doc("Adjusts a payment still in an open batch."),
    // Refunds without a payment.
    Operation::rest("refunds.create", Post, "/refunds")
        .request("refund::RefundRequest")
        .response("refund::RetrievedRefund", "Refund")
        .keyed()
        .official("card_payments.refunds.create_unreferenced_refund", "CardPayments.Refunds.CreateUnreferencedRefund")
        .doc("Sends money back without a linked payment."),
    Operation::rest("refunds.retrieve", Get, "/refunds/{refundId}")
        .response("refund::RetrievedRefund", "Refund")
        .official("card_payments.refunds.retrieve", "CardPayments.Refunds.Retrieve")
        .doc("Reads a refund."),
    Operation::rest("refunds.list", Get, "/refunds")
        .query("refund::RefundListQuery")
        .response("refund::RetrievedRefund", "Refund")
        .pages()
        .official("card_payments.refunds.list", "CardPayments.Refunds.List")
        .doc("Lists refunds, page by page."),
    Operation::rest("refunds.adjust", Post, "/refunds/{refundId}/adjust")
        .request("refund::RefundAdjustRequest")
        .response("refund::RetrievedRefund", "Refund")
        .keyed()
        .official("card_payments.refunds.adjust", "CardPayments.Refunds.Adjust")
        .doc("Adjusts a refund still in an open batch."),
    Operation::rest("refunds.reverse", Post, "/refunds/{refundId}/reverse")
        .response("refund::RetrievedRefund", "Refund")
        .keyed()
        .official("card_payments.refunds.reverse_refund", "CardPayments.Refunds.ReverseRefund")
        .doc("Voids a refund whose batch is still open."),
    // Payroc Cloud.
    Operation::rest("payment_instructions.submit", Post, "/devices/{serialNumber}/payment-instructions")
        .request("cloud::PaymentInstructionRequest")
        .response("cloud::PaymentInstruction", "PaymentInstruction")
        .keyed()
        .official("payroc_cloud.payment_instructions.submit", "PayrocCloud.PaymentInstructions.Submit")
        .doc("Sends a payment instruction to a device (`202`: accepted, not yet done)."),
    Operation::rest("payment_instructions.retrieve", Get, "/payment-instructions/{paymentInstructionId}")
        .response("cloud::PaymentInstruction", "PaymentInstruction")
        .long_poll()
        .official("payroc_cloud.payment_instructions.retrieve", "PayrocCloud.PaymentInstructions.Retrieve")
        .doc("One poll of a payment instruction (held by the gateway while `inProgress`)."),
    Operation::rest("payment_instructions.cancel", Delete, "/payment-instructions/{paymentInstructionId}")
        .official("payroc_cloud.payment_instructions.delete", "PayrocCloud.PaymentInstructions.Delete")
        .doc("Cancels a payment instruction that is still `inProgress` (`409` otherwise)."),
    Operation::helper("payment_instructions.wait", "PaymentInstruction")
        .doc("Polls a payment instruction until it ends or the deadline passes (then cancels it)."),
    Operation::helper("payment_instructions.run_sale", "CloudSale")
        .with_body()
        .keyed()
        .doc("Runs a whole sale on a device: submit, wait, follow the link to the payment."),
    Operation::rest("refund_instructions.submit", Post, "/devices/{serialNumber}/refund-instructions")
        .request("cloud::RefundInstructionRequest")
        .response("cloud::RefundInstruction", "RefundInstruction")
        .keyed()
        .official("payroc_cloud.refund_instructions.submit", "PayrocCloud.RefundInstructions.Submit")
        .doc("Sends an unreferenced refund instruction to a device."),
    Operation::rest("refund_instructions.retrieve", Get, "/refund-instructions/{refundInstructionId}")
        .response("cloud::RefundInstruction", "RefundInstruction")
        .long_poll()
        .official("payroc_cloud.refund_instructions.retrieve", "PayrocCloud.RefundInstructions.Retrieve")
        .doc("One poll of a refund instruction."),
    Operation::rest("refund_instructions.cancel", Delete, "/refund-instructions/{refundInstructionId}")
        .official("payroc_cloud.refund_instructions.delete", "PayrocCloud.RefundInstructions.Delete")
        .doc("Cancels a refund instruction that is still `inProgress`."),
    Operation::helper("refund_instructions.wait", "RefundInstruction")
        .doc("Polls a refund instruction until it ends or the deadline passes (then cancels it)."),
    Operation::helper("refund_instructions.run_refund", "CloudRefund")
        .with_body()
        .keyed()
        .doc("Runs a whole unreferenced refund on a device: submit, wait, follow the link."),
    Operation::rest("signature_instructions.submit", Post, "/devices/{serialNumber}/signature-instructions")
        .request("cloud::SignatureInstructionRequest")
        .response("cloud::SignatureInstruction", "SignatureInstruction")
        .keyed()
        .official("payroc_cloud.signature_instructions.submit", "PayrocCloud.SignatureInstructions.Submit")
        .doc("Asks a device to capture the customer's signature."),
    Operation::rest("signature_instructions.retrieve", Get, "/signature-instructions/{signatureInstructionId}")
        .response("cloud::SignatureInstruction", "SignatureInstruction")
        .long_poll()
        .official("payroc_cloud.signature_instructions.retrieve", "PayrocCloud.SignatureInstructions.Retrieve")
        .doc("One poll of a signature instruction."),
    Operation::rest("signature_instructions.cancel", Delete, "/signature-instructions/{signatureInstructionId}")
        .official("payroc_cloud.signature_instructions.delete", "PayrocCloud.SignatureInstructions.Delete")
        .doc("Cancels a signature instruction that is still `inProgress`."),
    Operation::helper("signature_instructions.wait", "SignatureInstruction")
        .doc("Polls a signature instruction until it ends or the deadline passes (then cancels it)."),
    Operation::rest("signatures.retrieve", Get, "/signatures/{signatureId}")
        .response("cloud::Signature", "Signature")
        .official("payroc_cloud.signatures.retrieve", "PayrocCloud.Signatures.Retrieve")
        .doc("Reads a captured signature."),
    Operation::helper("payroc_cloud.follow", "PayrocObject")
        .doc("Reads what a completed instruction's link points to (a link into this client's API only)."),
    // Payment links.
    Operation::rest("payment_links.create", Post, "/processing-terminals/{processingTerminalId}/payment-links")
        .request("payment_link::PaymentLink")
        .response("payment_link::PaymentLink", "PaymentLink")
        .keyed()
        .official("payment_links.create", "PaymentLinks.Create")
        .doc("Creates a payment link."),
    Operation::rest("payment_links.retrieve", Get, "/payment-links/{paymentLinkId}")
        .response("payment_link::PaymentLink", "PaymentLink")
        .official("payment_links.retrieve", "PaymentLinks.Retrieve")
        .doc("Reads a payment link."),
    Operation::rest("payment_links.list", Get, "/processing-terminals/{processingTerminalId}/payment-links")
        .query("payment_link::PaymentLinkListQuery")
        .response("payment_link::PaymentLink", "PaymentLink")
        .pages()
        .official("payment_links.list", "PaymentLinks.List")
        .doc("Lists a terminal's payment links, page by page."),
    Operation::rest("payment_links.update", Patch, "/payment-links/{paymentLinkId}")
        .request("common::PatchRequest")
        .response("payment_link::PaymentLink", "PaymentLink")
        .keyed()
        .official("payment_links.partially_update", "PaymentLinks.PartiallyUpdate")
        .doc("Changes a payment link with JSON Patch operations."),
    Operation::rest("payment_links.deactivate", Post, "/payment-links/{paymentLinkId}/deactivate")
        .response("payment_link::PaymentLink", "PaymentLink")
        .official("payment_links.deactivate", "PaymentLinks.Deactivate")
        .doc("Deactivates a payment link (not repeated once it may have been received)."),
    Operation::rest("payment_links.share", Post, "/payment-links/{paymentLinkId}/sharing-events")
        .request("payment_link::PaymentLinkEmailShareEvent")
        .response("payment_link::PaymentLinkEmailShareEvent", "SharingEvent")
        .keyed()
        .official("payment_links.sharing_events.share", "PaymentLinks.SharingEvents.Share")
        .doc("Shares a payment link by email."),
    Operation::rest("payment_links.list_sharing_events", Get, "/payment-links/{paymentLinkId}/sharing-events")
        .query("payment_link::SharingEventListQuery")
        .response("payment_link::PaymentLinkEmailShareEvent", "SharingEvent")
        .pages()
        .official("payment_links.sharing_events.list", "PaymentLinks.SharingEvents.List")
        .doc("Lists a payment link's sharing events, page by page."),
    // Payment plans and subscriptions: recurring billing the gateway runs.
    Operation::rest("payment_plans.create", Post, "/processing-terminals/{processingTerminalId}/payment-plans")
        .request("payment_plan::PaymentPlan")
        .response("payment_plan::PaymentPlan", "PaymentPlan")
        .keyed()
        .official("repeat_payments.payment_plans.create", "RepeatPayments.PaymentPlans.Create")
        .doc("Creates a payment plan: the schedule and amounts subscriptions follow."),
    Operation::rest("payment_plans.list", Get, "/processing-terminals/{processingTerminalId}/payment-plans")
        .query("page::PageQuery")
        .response("payment_plan::PaymentPlan", "PaymentPlan")
        .pages()
        .official("repeat_payments.payment_plans.list", "RepeatPayments.PaymentPlans.List")
        .doc("Lists a terminal's payment plans, page by page."),
    Operation::rest("payment_plans.retrieve", Get, "/processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}")
        .response("payment_plan::PaymentPlan", "PaymentPlan")
        .official("repeat_payments.payment_plans.retrieve", "RepeatPayments.PaymentPlans.Retrieve")
        .doc("Reads a payment plan."),
    Operation::rest("payment_plans.update", Patch, "/processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}")
        .request("common::PatchRequest")
        .response("payment_plan::PaymentPlan", "PaymentPlan")
        .keyed()
        .official("repeat_payments.payment_plans.partially_update", "RepeatPayments.PaymentPlans.PartiallyUpdate")
        .doc("Changes a payment plan with JSON Patch operations (its `onUpdate` says whether subscriptions follow)."),
    Operation::rest("payment_plans.delete", Delete, "/processing-terminals/{processingTerminalId}/payment-plans/{paymentPlanId}")
        .official("repeat_payments.payment_plans.delete", "RepeatPayments.PaymentPlans.Delete")
        .doc("Deletes a payment plan (its `onDelete` says whether subscriptions stop or continue)."),
    Operation::rest("subscriptions.create", Post, "/processing-terminals/{processingTerminalId}/subscriptions")
        .request("payment_plan::SubscriptionRequest")
        .response("payment_plan::Subscription", "Subscription")
        .keyed()
        .official("repeat_payments.subscriptions.create", "RepeatPayments.Subscriptions.Create")
        .doc("Subscribes a customer's secure token to a payment plan."),
    Operation::rest("subscriptions.list", Get, "/processing-terminals/{processingTerminalId}/subscriptions")
        .query("payment_plan::SubscriptionListQuery")
        .response("payment_plan::Subscription", "Subscription")
        .pages()
        .official("repeat_payments.subscriptions.list", "RepeatPayments.Subscriptions.List")
        .doc("Lists a terminal's subscriptions, page by page."),
    Operation::rest("subscriptions.retrieve", Get, "/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}")
        .response("payment_plan::Subscription", "Subscription")
        .official("repeat_payments.subscriptions.retrieve", "RepeatPayments.Subscriptions.Retrieve")
        .doc("Reads a subscription and where it stands."),
    Operation::rest("subscriptions.update", Patch, "/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}")
        .request("common::PatchRequest")
        .response("payment_plan::Subscription", "Subscription")
        .keyed()
        .official("repeat_payments.subscriptions.partially_update", "RepeatPayments.Subscriptions.PartiallyUpdate")
        .doc("Changes a subscription with JSON Patch operations."),
    Operation::rest("subscriptions.deactivate", Post, "/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/deactivate")
        .response("payment_plan::Subscription", "Subscription")
        .official("repeat_payments.subscriptions.deactivate", "RepeatPayments.Subscriptions.Deactivate")
        .doc("Stops taking payments for a subscription (not repeated once it may have been received)."),
    Operation::rest("subscriptions.reactivate", Post, "/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/reactivate")
        .response("payment_plan::Subscription", "Subscription")
        .official("repeat_payments.subscriptions.reactivate", "RepeatPayments.Subscriptions.Reactivate")
        .doc("Starts taking payments for a deactivated subscription again."),
    Operation::rest("subscriptions.pay", Post, "/processing-terminals/{processingTerminalId}/subscriptions/{subscriptionId}/pay")
        .request("payment_plan::SubscriptionPaymentRequest")
        .response("payment_plan::SubscriptionPayment", "SubscriptionPayment")
        .keyed()
        .official("repeat_payments.subscriptions.pay", "RepeatPayments.Subscriptions.Pay")
        .doc("Collects one payment of a manual subscription."),
    // Payment features and sessions: checks around a payment, and what a web page opens
    // before it takes card details.
    Operation::rest("bank_accounts.verify", Post, "/bank-accounts/verify")
        .request("payment_feature::BankAccountVerificationRequest")
        .response("payment_feature::BankAccountVerificationResult", "BankAccountVerification")
        .keyed()
        .official("payment_features.bank.verify", "PaymentFeatures.Bank.Verify")
        .doc("Verifies a customer's bank account details (ACH or PAD)."),
    Operation::rest("cards.verify", Post, "/cards/verify")
        .request("payment_feature::CardVerificationRequest")
        .response("payment_feature::CardVerificationResult", "CardVerification")
        .keyed()
        .official("payment_features.cards.verify_card", "PaymentFeatures.Cards.VerifyCard")
        .doc("Verifies a customer's card details. A card that fails is a success here: read `verified`."),
    Operation::rest("cards.view_ebt_balance", Post, "/cards/balance")
        .request("payment_feature::BalanceInquiry")
        .response("payment_feature::EbtBalance", "EbtBalance")
        .repeatable()
        .official("payment_features.cards.view_ebt_balance", "PaymentFeatures.Cards.ViewEbtBalance")
        .doc("Reads an EBT card's balance (a lookup: retried without a key)."),
    Operation::rest("cards.lookup_bin", Post, "/cards/bin-lookup")
        .request("payment_feature::BinLookup")
        .response("payment_feature::CardInfo", "CardInfo")
        .repeatable()
        .official("payment_features.cards.lookup_bin", "PaymentFeatures.Cards.LookupBin")
        .doc("Looks up what a card is, and its surcharge terms (a lookup: retried without a key)."),
    Operation::rest("fx_rates.retrieve", Post, "/fx-rates")
        .request("payment_feature::FxRateInquiry")
        .response("payment_feature::FxRate", "FxRate")
        .repeatable()
        .official("payment_features.cards.retrieve_fx_rates", "PaymentFeatures.Cards.RetrieveFxRates")
        .doc("Asks for a dynamic currency conversion rate for an amount (a lookup: retried without a key)."),
    Operation::rest("hosted_fields_sessions.create", Post, "/processing-terminals/{processingTerminalId}/hosted-fields-sessions")
        .request("session::HostedFieldsSessionRequest")
        .response("session::HostedFieldsSession", "HostedFieldsSession")
        .keyed()
        .official("hosted_fields.create", "HostedFields.Create")
        .doc("Opens a Hosted Fields session: a token for the page, valid ten minutes."),
    Operation::rest("apple_pay_sessions.create", Post, "/processing-terminals/{processingTerminalId}/apple-pay-sessions")
        .request("session::ApplePaySessionRequest")
        .response("session::ApplePaySession", "ApplePaySession")
        .repeatable()
        .official("apple_pay_sessions.create", "ApplePaySessions.Create")
        .doc("Starts an Apple Pay merchant session (another one is harmless, so retried without a key)."),
    // Bank transfers (ACH and PAD).
    Operation::rest("bank_transfer_payments.create", Post, "/bank-transfer-payments")
        .request("bank_transfer::BankTransferPaymentRequest")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .keyed()
        .official("bank_transfer_payments.payments.create", "BankTransferPayments.Payments.Create")
        .doc("Debits a customer's bank account (ACH or PAD). A declined transfer is a success here: read its `transactionResult`."),
    Operation::rest("bank_transfer_payments.list", Get, "/bank-transfer-payments")
        .query("bank_transfer::BankTransferPaymentListQuery")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .pages()
        .official("bank_transfer_payments.payments.list", "BankTransferPayments.Payments.List")
        .doc("Lists a terminal's bank-transfer payments, page by page."),
    Operation::rest("bank_transfer_payments.retrieve", Get, "/bank-transfer-payments/{paymentId}")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .official("bank_transfer_payments.payments.retrieve", "BankTransferPayments.Payments.Retrieve")
        .doc("Reads a bank-transfer payment."),
    Operation::rest("bank_transfer_payments.represent", Post, "/bank-transfer-payments/{paymentId}/represent")
        .request("bank_transfer::Representment")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .keyed()
        .official("bank_transfer_payments.payments.represent", "BankTransferPayments.Payments.Represent")
        .doc("Re-presents a returned payment, to the same account or a new one."),
    Operation::rest("bank_transfer_payments.refund", Post, "/bank-transfer-payments/{paymentId}/refund")
        .request("bank_transfer::BankTransferReferencedRefund")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .keyed()
        .official("bank_transfer_payments.refunds.refund", "BankTransferPayments.Refunds.Refund")
        .doc("Refunds a settled payment (in full or in part); a payment still in the open batch is reversed instead."),
    Operation::rest("bank_transfer_payments.reverse", Post, "/bank-transfer-payments/{paymentId}/reverse")
        .response("bank_transfer::BankTransferPayment", "BankTransferPayment")
        .keyed()
        .official("bank_transfer_payments.refunds.reverse_payment", "BankTransferPayments.Refunds.ReversePayment")
        .doc("Voids a payment still in the open batch."),
    Operation::rest("bank_transfer_refunds.create", Post, "/bank-transfer-refunds")
        .request("bank_transfer::BankTransferUnreferencedRefund")
        .response("bank_transfer::BankTransferRefund", "BankTransferRefund")
        .keyed()
        .official("bank_transfer_payments.refunds.create", "BankTransferPayments.Refunds.Create")
        .doc("Sends money to a bank account without a linked payment (an unreferenced refund)."),
    Operation::rest("bank_transfer_refunds.list", Get, "/bank-transfer-refunds")
        .query("bank_transfer::BankTransferRefundListQuery")
        .response("bank_transfer::BankTransferRefund", "BankTransferRefund")
        .pages()
        .official("bank_transfer_payments.refunds.list", "BankTransferPayments.Refunds.List")
        .doc("Lists a terminal's bank-transfer refunds, page by page."),
    Operation::rest("bank_transfer_refunds.retrieve", Get, "/bank-transfer-refunds/{refundId}")
        .response("bank_transfer::BankTransferRefund", "BankTransferRefund")
        .official("bank_transfer_payments.refunds.retrieve", "BankTransferPayments.Refunds.Retrieve")
        .doc("Reads a bank-transfer refund."),
    Operation::rest("bank_transfer_refunds.reverse", Post, "/bank-transfer-refunds/{refundId}/reverse")
        .response("bank_transfer::BankTransferRefund", "BankTransferRefund")
        .keyed()
        .official("bank_transfer_payments.refunds.reverse_refund", "BankTransferPayments.Refunds.ReverseRefund")
        .doc("Voids a refund still in the open batch."),
    // Reporting: settlement (batches, their transactions and authorizations, disputes, ACH deposits).
    Operation::rest("batches.list", Get, "/batches")
        .query("settlement::BatchListQuery")
        .response("settlement::Batch", "Batch")
        .pages()
        .official("reporting.settlement.list_batches", "Reporting.Settlement.ListBatches")
        .doc("Lists the batches merchants submitted on a date, page by page."),
    Operation::rest("batches.retrieve", Get, "/batches/{batchId}")
        .response("settlement::Batch", "Batch")
        .official("reporting.settlement.retrieve_batch", "Reporting.Settlement.RetrieveBatch")
        .doc("Reads a batch: its sales, returns and number of transactions."),
    Operation::rest("transactions.list", Get, "/transactions")
        .query("settlement::TransactionListQuery")
        .response("settlement::Transaction", "Transaction")
        .pages()
        .official("reporting.settlement.list_transactions", "Reporting.Settlement.ListTransactions")
        .doc("Lists settled transactions of a date or a batch, page by page."),
    Operation::rest("transactions.retrieve", Get, "/transactions/{transactionId}")
        .response("settlement::Transaction", "Transaction")
        .official("reporting.settlement.retrieve_transaction", "Reporting.Settlement.RetrieveTransaction")
        .doc("Reads a settled transaction."),
    Operation::rest("authorizations.list", Get, "/authorizations")
        .query("settlement::AuthorizationListQuery")
        .response("settlement::Authorization", "Authorization")
        .pages()
        .official("reporting.settlement.list_authorizations", "Reporting.Settlement.ListAuthorizations")
        .doc("Lists the authorizations of a date or a batch, page by page."),
    Operation::rest("authorizations.retrieve", Get, "/authorizations/{authorizationId}")
        .response("settlement::Authorization", "Authorization")
        .official("reporting.settlement.retrieve_authorization", "Reporting.Settlement.RetrieveAuthorization")
        .doc("Reads an authorization."),
    Operation::rest("disputes.list", Get, "/disputes")
        .query("settlement::DatedListQuery")
        .response("settlement::Dispute", "Dispute")
        .pages()
        .official("reporting.settlement.list_disputes", "Reporting.Settlement.ListDisputes")
        .doc("Lists the disputes (chargebacks) created on a date, page by page."),
    Operation::rest("disputes.list_statuses", Get, "/disputes/{disputeId}/statuses")
        .response("settlement::DisputeStatus", "DisputeStatus")
        .array()
        .official("reporting.settlement.list_disputes_statuses", "Reporting.Settlement.ListDisputesStatuses")
        .doc("Lists every status a dispute has had, oldest first."),
    Operation::rest("ach_deposits.list", Get, "/ach-deposits")
        .query("settlement::DatedListQuery")
        .response("settlement::AchDeposit", "AchDeposit")
        .pages()
        .official("reporting.settlement.list_ach_deposits", "Reporting.Settlement.ListAchDeposits")
        .doc("Lists the ACH deposits of a date, page by page."),
    Operation::rest("ach_deposits.retrieve", Get, "/ach-deposits/{achDepositId}")
        .response("settlement::AchDeposit", "AchDeposit")
        .official("reporting.settlement.retrieve_ach_deposit", "Reporting.Settlement.RetrieveAchDeposit")
        .doc("Reads an ACH deposit: the batches it pays, less fees."),
    Operation::rest("ach_deposit_fees.list", Get, "/ach-deposit-fees")
        .query("settlement::AchDepositFeeListQuery")
        .response("settlement::AchDepositFee", "AchDepositFee")
        .pages()
        .official("reporting.settlement.list_ach_deposit_fees", "Reporting.Settlement.ListAchDepositFees")
        .doc("Lists the fees taken from ACH deposits of a date or of one deposit, page by page."),
    // Funding: paying out merchants' funding balances to funding recipients' accounts.
    Operation::rest("funding_recipients.create", Post, "/funding-recipients")
        .request("funding::CreateFundingRecipient")
        .response("funding::FundingRecipient", "FundingRecipient")
        .keyed()
        .official("funding.funding_recipients.create", "Funding.FundingRecipients.Create")
        .doc("Creates a funding recipient (a business that receives funds, e.g. a charity) with its owners and funding accounts."),
    Operation::rest("funding_recipients.list", Get, "/funding-recipients")
        .query("page::PageQuery")
        .response("funding::FundingRecipient", "FundingRecipient")
        .pages()
        .official("funding.funding_recipients.list", "Funding.FundingRecipients.List")
        .doc("Lists funding recipients, page by page."),
    Operation::rest("funding_recipients.retrieve", Get, "/funding-recipients/{recipientId}")
        .response("funding::FundingRecipient", "FundingRecipient")
        .official("funding.funding_recipients.retrieve", "Funding.FundingRecipients.Retrieve")
        .doc("Reads a funding recipient."),
    Operation::rest("funding_recipients.update", Put, "/funding-recipients/{recipientId}")
        .request("funding::FundingRecipient")
        .repeatable()
        .official("funding.funding_recipients.update", "Funding.FundingRecipients.Update")
        .doc("Replaces a funding recipient's details (a PUT: send them all; owners and accounts change through their own operations)."),
    Operation::rest("funding_recipients.delete", Delete, "/funding-recipients/{recipientId}")
        .official("funding.funding_recipients.delete", "Funding.FundingRecipients.Delete")
        .doc("Deletes a funding recipient with its owners and funding accounts."),
    Operation::rest("funding_recipients.list_accounts", Get, "/funding-recipients/{recipientId}/funding-accounts")
        .response("funding::FundingAccount", "FundingAccount")
        .array()
        .official("funding.funding_recipients.list_accounts", "Funding.FundingRecipients.ListAccounts")
        .doc("Lists a funding recipient's funding accounts (one array, not paged)."),
    Operation::rest("funding_recipients.create_account", Post, "/funding-recipients/{recipientId}/funding-accounts")
        .request("funding::FundingAccount")
        .response("funding::FundingAccount", "FundingAccount")
        .keyed()
        .official("funding.funding_recipients.create_account", "Funding.FundingRecipients.CreateAccount")
        .doc("Adds a funding account to a funding recipient."),
    Operation::rest("funding_recipients.list_owners", Get, "/funding-recipients/{recipientId}/owners")
        .response("funding::Owner", "Owner")
        .array()
        .official("funding.funding_recipients.list_owners", "Funding.FundingRecipients.ListOwners")
        .doc("Lists a funding recipient's owners (one array, not paged)."),
    Operation::rest("funding_recipients.create_owner", Post, "/funding-recipients/{recipientId}/owners")
        .request("funding::Owner")
        .response("funding::Owner", "Owner")
        .keyed()
        .official("funding.funding_recipients.create_owner", "Funding.FundingRecipients.CreateOwner")
        .doc("Adds an owner to a funding recipient."),
    Operation::rest("funding_accounts.list", Get, "/funding-accounts")
        .query("page::PageQuery")
        .response("funding::FundingAccount", "FundingAccount")
        .pages()
        .official("funding.funding_accounts.list", "Funding.FundingAccounts.List")
        .doc("Lists funding accounts, page by page."),
    Operation::rest("funding_accounts.retrieve", Get, "/funding-accounts/{fundingAccountId}")
        .response("funding::FundingAccount", "FundingAccount")
        .official("funding.funding_accounts.retrieve", "Funding.FundingAccounts.Retrieve")
        .doc("Reads a funding account."),
    Operation::rest("funding_accounts.update", Put, "/funding-accounts/{fundingAccountId}")
        .request("funding::FundingAccount")
        .repeatable()
        .official("funding.funding_accounts.update", "Funding.FundingAccounts.Update")
        .doc("Replaces a funding recipient's funding account (a PUT: send it all)."),
    Operation::rest("funding_accounts.delete", Delete, "/funding-accounts/{fundingAccountId}")
        .official("funding.funding_accounts.delete", "Funding.FundingAccounts.Delete")
        .doc("Deletes a funding recipient's funding account."),
    Operation::rest("funding_instructions.create", Post, "/funding-instructions")
        .request("funding::Instruction")
        .response("funding::Instruction", "FundingInstruction")
        .keyed()
        .official("funding.funding_instructions.create", "Funding.FundingInstructions.Create")
        .doc("Sends amounts of merchants' available funding balances to funding accounts."),
    Operation::rest("funding_instructions.list", Get, "/funding-instructions")
        .query("funding::FundingInstructionListQuery")
        .response("funding::Instruction", "FundingInstruction")
        .pages()
        .official("funding.funding_instructions.list", "Funding.FundingInstructions.List")
        .doc("Lists the funding instructions created in a date range, page by page."),
    Operation::rest("funding_instructions.retrieve", Get, "/funding-instructions/{instructionId}")
        .response("funding::Instruction", "FundingInstruction")
        .official("funding.funding_instructions.retrieve", "Funding.FundingInstructions.Retrieve")
        .doc("Reads a funding instruction and where its payments stand."),
    Operation::rest("funding_instructions.update", Put, "/funding-instructions/{instructionId}")
        .request("funding::Instruction")
        .repeatable()
        .official("funding.funding_instructions.update", "Funding.FundingInstructions.Update")
        .doc("Replaces a funding instruction's payments while it is `accepted` (a PUT: send them all)."),
    Operation::rest("funding_instructions.delete", Delete, "/funding-instructions/{instructionId}")
        .official("funding.funding_instructions.delete", "Funding.FundingInstructions.Delete")
        .doc("Deletes a funding instruction while it is `accepted`; its amounts return to the balances."),
    Operation::rest("funding_activity.list", Get, "/funding-activity")
        .query("funding::FundingActivityListQuery")
        .response("funding::ActivityRecord", "ActivityRecord")
        .pages()
        .official("funding.funding_activity.list", "Funding.FundingActivity.List")
        .doc("Lists the movements of merchants' funding balances in a date range, page by page."),
    Operation::rest("funding_activity.retrieve_balance", Get, "/funding-balance")
        .query("funding::FundingBalanceQuery")
        .response("funding::MerchantBalance", "MerchantBalance")
        .pages()
        .official("funding.funding_activity.retrieve_balance", "Funding.FundingActivity.RetrieveBalance")
        .doc("Lists merchants' funding balances (funds, pending, available), page by page."),
    // Pricing intents and attachments.
    Operation::rest("pricing_intents.create", Post, "/pricing-intents")
        .request("pricing_intent::PricingIntent")
        .response("pricing_intent::PricingIntent", "PricingIntent")
        .keyed()
        .official("boarding.pricing_intents.create", "Boarding.PricingIntents.Create")
        .doc("Creates a pricing intent: the fees (US MPA 5.0) you propose for the merchants you board."),
    Operation::rest("pricing_intents.list", Get, "/pricing-intents")
        .query("page::PageQuery")
        .response("pricing_intent::PricingIntent", "PricingIntent")
        .pages()
        .official("boarding.pricing_intents.list", "Boarding.PricingIntents.List")
        .doc("Lists your pricing intents, page by page."),
    Operation::rest("pricing_intents.retrieve", Get, "/pricing-intents/{pricingIntentId}")
        .response("pricing_intent::PricingIntent", "PricingIntent")
        .official("boarding.pricing_intents.retrieve", "Boarding.PricingIntents.Retrieve")
        .doc("Reads a pricing intent."),
    Operation::rest("pricing_intents.replace", Put, "/pricing-intents/{pricingIntentId}")
        .request("pricing_intent::PricingIntent")
        .official("boarding.pricing_intents.update", "Boarding.PricingIntents.Update")
        .doc("Replaces a pricing intent (a PUT: send all of it)."),
    Operation::rest("pricing_intents.update", Patch, "/pricing-intents/{pricingIntentId}")
        .request("common::PatchRequest")
        .response("pricing_intent::PricingIntent", "PricingIntent")
        .keyed()
        .official("boarding.pricing_intents.partially_update", "Boarding.PricingIntents.PartiallyUpdate")
        .doc("Changes a pricing intent (its key, metadata, fees and services) with JSON Patch operations."),
    Operation::rest("pricing_intents.delete", Delete, "/pricing-intents/{pricingIntentId}")
        .official("boarding.pricing_intents.delete", "Boarding.PricingIntents.Delete")
        .doc("Deletes a pricing intent."),
    Operation::rest("attachments.upload", Post, "/processing-accounts/{processingAccountId}/attachments")
        .request("attachment::UploadAttachment")
        .response("attachment::Attachment", "Attachment")
        .keyed()
        .multipart()
        .official("attachments.upload_to_processing_account", "Attachments.UploadToProcessingAccount")
        .doc("Uploads a document (under 30 MB: PDF, PNG, JPEG, Office, text…) for a processing account's review."),
    Operation::rest("attachments.retrieve", Get, "/attachments/{attachmentId}")
        .response("attachment::Attachment", "Attachment")
        .official("attachments.retrieve", "Attachments.Retrieve")
        .doc("Reads an attachment's details and upload status (never the file)."),
    // Boarding: merchant platforms, their processing accounts and what hangs off them.
    Operation::rest("merchant_platforms.create", Post, "/merchant-platforms")
        .request("boarding::CreateMerchantPlatform")
        .response("boarding::MerchantPlatform", "MerchantPlatform")
        .keyed()
        .official("boarding.merchant_platforms.create", "Boarding.MerchantPlatforms.Create")
        .doc("Boards a business (the merchant platform) with its first processing accounts, which Payroc then reviews."),
    Operation::rest("merchant_platforms.list", Get, "/merchant-platforms")
        .query("page::PageQuery")
        .response("boarding::MerchantPlatform", "MerchantPlatform")
        .pages()
        .official("boarding.merchant_platforms.list", "Boarding.MerchantPlatforms.List")
        .doc("Lists merchant platforms, page by page."),
    Operation::rest("merchant_platforms.retrieve", Get, "/merchant-platforms/{merchantPlatformId}")
        .response("boarding::MerchantPlatform", "MerchantPlatform")
        .official("boarding.merchant_platforms.retrieve", "Boarding.MerchantPlatforms.Retrieve")
        .doc("Reads a merchant platform with its processing accounts' statuses."),
    Operation::rest("merchant_platforms.list_processing_accounts", Get, "/merchant-platforms/{merchantPlatformId}/processing-accounts")
        .query("boarding::ProcessingAccountListQuery")
        .response("boarding::ProcessingAccount", "ProcessingAccount")
        .pages()
        .official("boarding.merchant_platforms.list_processing_accounts", "Boarding.MerchantPlatforms.ListProcessingAccounts")
        .doc("Lists a merchant platform's processing accounts (closed ones only with `includeClosed`), page by page."),
    Operation::rest("merchant_platforms.create_processing_account", Post, "/merchant-platforms/{merchantPlatformId}/processing-accounts")
        .request("boarding::CreateProcessingAccount")
        .response("boarding::ProcessingAccount", "ProcessingAccount")
        .keyed()
        .official("boarding.merchant_platforms.create_processing_account", "Boarding.MerchantPlatforms.CreateProcessingAccount")
        .doc("Adds a processing account to a merchant platform; Payroc then reviews it."),
    Operation::rest("processing_accounts.retrieve", Get, "/processing-accounts/{processingAccountId}")
        .response("boarding::ProcessingAccount", "ProcessingAccount")
        .official("boarding.processing_accounts.retrieve", "Boarding.ProcessingAccounts.Retrieve")
        .doc("Reads a processing account and its review status."),
    Operation::rest("processing_accounts.list_contacts", Get, "/processing-accounts/{processingAccountId}/contacts")
        .query("page::PageQuery")
        .response("boarding::Contact", "Contact")
        .pages()
        .official("boarding.processing_accounts.list_contacts", "Boarding.ProcessingAccounts.ListContacts")
        .doc("Lists a processing account's contacts, page by page."),
    Operation::rest("processing_accounts.list_owners", Get, "/processing-accounts/{processingAccountId}/owners")
        .query("page::PageQuery")
        .response("funding::Owner", "Owner")
        .pages()
        .official("boarding.processing_accounts.list_owners", "Boarding.ProcessingAccounts.ListOwners")
        .doc("Lists a processing account's owners, page by page."),
    Operation::rest("processing_accounts.list_funding_accounts", Get, "/processing-accounts/{processingAccountId}/funding-accounts")
        .response("funding::FundingAccount", "FundingAccount")
        .array()
        .official("boarding.processing_accounts.list_processing_account_funding_accounts", "Boarding.ProcessingAccounts.ListProcessingAccountFundingAccounts")
        .doc("Lists a processing account's funding accounts (one array, not paged)."),
    Operation::rest("processing_accounts.list_processing_terminals", Get, "/processing-accounts/{processingAccountId}/processing-terminals")
        .query("page::PageQuery")
        .response("boarding::ProcessingTerminal", "ProcessingTerminal")
        .pages()
        .official("boarding.processing_accounts.list_processing_terminals", "Boarding.ProcessingAccounts.ListProcessingTerminals")
        .doc("Lists a processing account's processing terminals, page by page."),
    Operation::rest("processing_accounts.list_terminal_orders", Get, "/processing-accounts/{processingAccountId}/terminal-orders")
        .query("boarding::TerminalOrderListQuery")
        .response("boarding::TerminalOrder", "TerminalOrder")
        .array()
        .official("boarding.processing_accounts.list_terminal_orders", "Boarding.ProcessingAccounts.ListTerminalOrders")
        .doc("Lists a processing account's terminal orders (one array, not paged), filtered by status and creation time."),
    Operation::rest("processing_accounts.retrieve_pricing_agreement", Get, "/processing-accounts/{processingAccountId}/pricing")
        .response("boarding::PricingAgreement", "PricingAgreement")
        .official("boarding.processing_accounts.get_processing_account_pricing_agreement", "Boarding.ProcessingAccounts.GetProcessingAccountPricingAgreement")
        .doc("Reads a processing account's pricing agreement (US 4.0 or 5.0)."),
    Operation::rest("processing_accounts.create_reminder", Post, "/processing-accounts/{processingAccountId}/reminders")
        .request("boarding::Reminder")
        .response("boarding::Reminder", "Reminder")
        .keyed()
        .official("boarding.processing_accounts.create_reminder", "Boarding.ProcessingAccounts.CreateReminder")
        .doc("Emails the merchant a reminder to sign their pricing agreement (only when the signature was requested by email)."),
    Operation::rest("processing_accounts.create_terminal_order", Post, "/processing-accounts/{processingAccountId}/terminal-orders")
        .request("boarding::CreateTerminalOrder")
        .response("boarding::TerminalOrder", "TerminalOrder")
        .keyed()
        .official("boarding.processing_accounts.create_terminal_order", "Boarding.ProcessingAccounts.CreateTerminalOrder")
        .doc("Orders terminals for an approved processing account; Payroc then ships them."),
    Operation::rest("owners.retrieve", Get, "/owners/{ownerId}")
        .response("funding::Owner", "Owner")
        .official("boarding.owners.retrieve", "Boarding.Owners.Retrieve")
        .doc("Reads an owner of a processing account or funding recipient."),
    Operation::rest("owners.update", Put, "/owners/{ownerId}")
        .request("funding::Owner")
        .repeatable()
        .official("boarding.owners.update", "Boarding.Owners.Update")
        .doc("Replaces an owner's details (a PUT: send them all)."),
    Operation::rest("owners.delete", Delete, "/owners/{ownerId}")
        .official("boarding.owners.delete", "Boarding.Owners.Delete")
        .doc("Deletes a funding recipient's owner while it has another; a processing account's owners cannot be deleted."),
    Operation::rest("contacts.retrieve", Get, "/contacts/{contactId}")
        .response("boarding::Contact", "Contact")
        .official("boarding.contacts.retrieve", "Boarding.Contacts.Retrieve")
        .doc("Reads a processing account's contact."),
    Operation::rest("contacts.update", Put, "/contacts/{contactId}")
        .request("boarding::Contact")
        .repeatable()
        .official("boarding.contacts.update", "Boarding.Contacts.Update")
        .doc("Replaces a contact's details (a PUT: send them all)."),
    Operation::rest("contacts.delete", Delete, "/contacts/{contactId}")
        .official("boarding.contacts.delete", "Boarding.Contacts.Delete")
        .doc("Deletes a processing account's contact."),
    Operation::rest("processing_terminals.retrieve", Get, "/processing-terminals/{processingTerminalId}")
        .response("boarding::ProcessingTerminal", "ProcessingTerminal")
        .official("boarding.processing_terminals.retrieve", "Boarding.ProcessingTerminals.Retrieve")
        .doc("Reads a processing terminal's settings."),
    Operation::rest("processing_terminals.retrieve_host_configuration", Get, "/processing-terminals/{processingTerminalId}/host-configurations")
        .response("boarding::HostConfiguration", "HostConfiguration")
        .official("boarding.processing_terminals.retrieve_host_configuration", "Boarding.ProcessingTerminals.RetrieveHostConfiguration")
        .doc("Reads a processing terminal's host processor configuration."),
    Operation::rest("terminal_orders.retrieve", Get, "/terminal-orders/{terminalOrderId}")
        .response("boarding::TerminalOrder", "TerminalOrder")
        .official("boarding.terminal_orders.retrieve", "Boarding.TerminalOrders.Retrieve")
        .doc("Reads a terminal order and where its shipping stands."),
    // Event subscriptions.
    Operation::rest("event_subscriptions.create", Post, "/event-subscriptions")
        .request("event_subscription::EventSubscription")
        .response("event_subscription::EventSubscription", "EventSubscription")
        .keyed()
        .official("notifications.event_subscriptions.create", "Notifications.EventSubscriptions.Create")
        .doc("Subscribes to events (a processing account's status changing…), delivered to a webhook with a shared secret."),
    Operation::rest("event_subscriptions.list", Get, "/event-subscriptions")
        .query("event_subscription::EventSubscriptionListQuery")
        .response("event_subscription::EventSubscription", "EventSubscription")
        .pages()
        .official("notifications.event_subscriptions.list", "Notifications.EventSubscriptions.List")
        .doc("Lists event subscriptions, by status and event type, page by page."),
    Operation::rest("event_subscriptions.retrieve", Get, "/event-subscriptions/{subscriptionId}")
        .response("event_subscription::EventSubscription", "EventSubscription")
        .official("notifications.event_subscriptions.retrieve", "Notifications.EventSubscriptions.Retrieve")
        .doc("Reads an event subscription (its webhook secret masked)."),
    Operation::rest("event_subscriptions.replace", Put, "/event-subscriptions/{subscriptionId}")
        .request("event_subscription::EventSubscription")
        .repeatable()
        .official("notifications.event_subscriptions.update", "Notifications.EventSubscriptions.Update")
        .doc("Replaces an event subscription (a PUT: send it all)."),
    Operation::rest("event_subscriptions.update", Patch, "/event-subscriptions/{subscriptionId}")
        .request("common::PatchRequest")
        .response("event_subscription::EventSubscription", "EventSubscription")
        .keyed()
        .official("notifications.event_subscriptions.partially_update", "Notifications.EventSubscriptions.PartiallyUpdate")
        .doc("Changes an event subscription with JSON Patch operations."),
    Operation::rest("event_subscriptions.delete", Delete, "/event-subscriptions/{subscriptionId}")
        .official("notifications.event_subscriptions.delete", "Notifications.EventSubscriptions.Delete")
        .doc("Deletes an event subscription: no more notifications."),
    // Repeat payments run by the merchant's own scheduler.
    Operation::helper("repeat_payments.start", "FirstPayment")
        .with_body()
        .keyed()
        .doc("Runs the first payment of a series with standing instructions; returns the series to store."),
    Operation::helper("repeat_payments.charge", "Payment")
        .with_body()
        .keyed()
        .doc("Charges the next payment of a stored series."),
    // PayTrace recurring payments (the PayTrace client).
    Operation::rest("recurrences.create", Post, "/v3/recurrence/create")
        .paytrace()
        .request("paytrace::CreateRecurrenceRequest")
        .response("paytrace::RecurrenceResponse", "RecurrenceResponse")
        .doc("Creates a recurrence for a Vault customer (no idempotency key exists: never repeated once it may have landed)."),
    Operation::rest("recurrences.update", Patch, "/v3/recurrence")
        .paytrace()
        .request("paytrace::UpdateRecurrenceRequest")
        .response("paytrace::RecurrenceResponse", "RecurrenceResponse")
        .repeatable()
        .doc("Updates a recurrence (setting the same values twice is harmless, so retried)."),
    Operation::rest("recurrences.delete", Delete, "/v3/recurrence")
        .paytrace()
        .request("paytrace::DeleteRecurrenceRequest")
        .response("paytrace::RecurrenceResponse", "RecurrenceResponse")
        .doc("Deletes a recurrence for good."),
    Operation::rest("recurrences.list_by_customer", Get, "/v3/recurrence/export/by-customer/{customerId}")
        .paytrace()
        .response("paytrace::RecurrenceExportResponse", "RecurrenceExport")
        .doc("Lists a customer's recurrences."),
    Operation::rest("recurrences.export_by_customer", Post, "/v3/recurrence/export/by-customer/{customerId}")
        .paytrace()
        .request("paytrace::ExportRecurrencesRequest")
        .response("paytrace::RecurrenceExportResponse", "RecurrenceExport")
        .repeatable()
        .doc("Exports one or all of a customer's recurrences, with paging."),
    Operation::rest("recurrences.export", Get, "/v3/recurrence/export/by-id/{recurrenceId}")
        .paytrace()
        .response("paytrace::RecurrenceResponse", "RecurrenceResponse")
        .doc("Exports one recurrence."),
    Operation::rest("recurrences.export_approved", Post, "/v3/recurrence/export/approved/by-customer/{customerId}")
        .paytrace()
        .response("paytrace::RecurrenceExportResponse", "RecurrenceExport")
        .repeatable()
        .doc("Exports the customer's most recent approved recurring transaction."),
];
