//! Repeat payments run by your own scheduler: the first payment of a series (saving
//! the card as a secure token when needed), then each later payment with the
//! standing instructions derived from the first. [`RepeatPaymentSeries`] is what a
//! scheduler persists between charges.

use crate::client::{Client, RequestOptions};
use crate::error::Result;
use payroc_model::common::{Channel, CredentialOnFile, CustomField, MitAgreement};
use payroc_model::payment::{
    Payment, PaymentMethod, PaymentOrderRequest, PaymentRequest, ProcessingModel,
    RepeatPaymentError, StandingInstructions,
};
use serde::{Deserialize, Serialize};

/// Everything needed to charge the next payment of a series. Serializable, so a
/// scheduler can store it with the customer's subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RepeatPaymentSeries {
    /// The terminal that ran the first payment.
    pub processing_terminal_id: String,
    /// The channel of the first payment.
    pub channel: Channel,
    /// The gateway token (296753…) of the saved card.
    pub secure_token: String,
    /// The standing instructions every later payment carries (`subsequent`).
    pub standing_instructions: StandingInstructions,
}

impl RepeatPaymentSeries {
    /// The series a first payment started, or why it cannot continue. `fallback_token`
    /// is the token the first payment was charged with, if it was a secure token.
    pub fn from_first(
        first: &Payment,
        channel: Channel,
        fallback_token: Option<&str>,
    ) -> Result<Self, RepeatPaymentError> {
        let standing_instructions = first.subsequent_standing_instructions()?;
        let secure_token = first
            .secure_token()
            .map(|t| t.token.clone())
            .or_else(|| fallback_token.map(str::to_owned))
            .ok_or(RepeatPaymentError::NoSecureToken)?;
        Ok(Self {
            processing_terminal_id: first.processing_terminal_id.clone(),
            channel,
            secure_token,
            standing_instructions,
        })
    }

    /// The request for the next payment of the series: a new order, the saved token
    /// and the subsequent standing instructions.
    pub fn next_request(&self, mut order: PaymentOrderRequest) -> PaymentRequest {
        order.standing_instructions = Some(self.standing_instructions.clone());
        PaymentRequest::new(
            self.channel.clone(),
            self.processing_terminal_id.clone(),
            order,
            PaymentMethod::secure_token(self.secure_token.clone()),
        )
    }
}

/// The first payment's outcome and the series it started.
#[derive(Debug, Clone)]
pub struct FirstPayment {
    /// The first payment (approved or not).
    pub payment: Payment,
    /// The series to continue, or why it cannot be (e.g. the payment was declined).
    pub series: Result<RepeatPaymentSeries, RepeatPaymentError>,
}

/// Repeat-payment operations of one client.
#[derive(Debug)]
pub struct RepeatPayments<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl Client {
    /// Repeat payments scheduled by your own software (standing instructions).
    pub fn repeat_payments(&self) -> RepeatPayments<'_> {
        RepeatPayments {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

fn mit_agreement(model: &ProcessingModel) -> Option<MitAgreement> {
    match model {
        ProcessingModel::Recurring => Some(MitAgreement::Recurring),
        ProcessingModel::Installment => Some(MitAgreement::Installment),
        ProcessingModel::Unscheduled => Some(MitAgreement::Unscheduled),
        _ => None,
    }
}

impl RepeatPayments<'_> {
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Runs the first payment of a series: standing instructions `first` with
    /// `processing_model`; a card that is not yet a secure token is saved during the
    /// payment (`credentialOnFile.tokenize`) under the matching MIT agreement.
    pub async fn start(
        &self,
        mut request: PaymentRequest,
        processing_model: ProcessingModel,
    ) -> Result<FirstPayment> {
        request.order.standing_instructions =
            Some(StandingInstructions::first(processing_model.clone()));
        let token = match &request.payment_method {
            PaymentMethod::SecureToken(t) => Some(t.token.clone()),
            _ => None,
        };
        if token.is_none() {
            let cof = request
                .credential_on_file
                .get_or_insert_with(CredentialOnFile::default);
            cof.tokenize = Some(true);
            if cof.mit_agreement.is_none() {
                cof.mit_agreement = mit_agreement(&processing_model);
            }
        }
        let channel = request.channel.clone();
        let payment = self
            .client
            .payments()
            .options(self.options.clone())
            .create(&request)
            .await?;
        let series = RepeatPaymentSeries::from_first(&payment, channel, token.as_deref());
        Ok(FirstPayment { payment, series })
    }

    /// Charges the next payment of a series with a new order (its own `orderId`).
    pub async fn charge(
        &self,
        series: &RepeatPaymentSeries,
        order: PaymentOrderRequest,
        custom_fields: Vec<CustomField>,
    ) -> Result<Payment> {
        let mut request = series.next_request(order);
        request.custom_fields = custom_fields;
        self.client
            .payments()
            .options(self.options.clone())
            .create(&request)
            .await
    }
}
