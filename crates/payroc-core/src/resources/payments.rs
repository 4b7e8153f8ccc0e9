//! Card payments and refunds: create, retrieve, list, capture, reverse, refund, adjust.

use crate::client::{path_id, Client, RequestOptions};
use crate::error::Result;
use crate::http::Method;
use crate::pager::Pager;
use payroc_model::payment::{
    Payment, PaymentAdjustRequest, PaymentCaptureRequest, PaymentListQuery, PaymentRefundRequest,
    PaymentRequest, PaymentReverseRequest, RetrievedPayment,
};
use payroc_model::refund::{RefundAdjustRequest, RefundListQuery, RefundRequest, RetrievedRefund};

/// Payment operations of one client.
#[derive(Debug)]
pub struct Payments<'a> {
    client: &'a Client,
    options: RequestOptions,
}

/// Refund operations of one client.
#[derive(Debug)]
pub struct Refunds<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl Client {
    /// Card payments: sales, pre-authorizations and what follows them.
    pub fn payments(&self) -> Payments<'_> {
        Payments {
            client: self,
            options: RequestOptions::default(),
        }
    }

    /// Refunds: unreferenced refunds and their follow-ups.
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl Payments<'_> {
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Runs a sale or pre-authorization. A declined payment is a success here: read
    /// [`Payment::is_approved`]. Retried safely: one idempotency key for every attempt.
    pub async fn create(&self, request: &PaymentRequest) -> Result<Payment> {
        let url = self.client.url(&["payments"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Reads a payment.
    pub async fn retrieve(&self, payment_id: &str) -> Result<RetrievedPayment> {
        let url = self
            .client
            .url(&["payments", path_id("paymentId", payment_id)?], &[]);
        self.client.get_json(url, self.options.timeout).await
    }

    /// Lists payments, page by page.
    pub fn list(&self, query: &PaymentListQuery) -> Result<Pager<RetrievedPayment>> {
        super::list(self.client, &["payments"], query)
    }

    /// Captures a pre-authorization (all of it, or `amount` of it).
    pub async fn capture(
        &self,
        payment_id: &str,
        request: &PaymentCaptureRequest,
    ) -> Result<Payment> {
        let url = self.client.url(
            &["payments", path_id("paymentId", payment_id)?, "capture"],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Voids a payment still in an open batch, fully or partly.
    pub async fn reverse(
        &self,
        payment_id: &str,
        request: &PaymentReverseRequest,
    ) -> Result<Payment> {
        let url = self.client.url(
            &["payments", path_id("paymentId", payment_id)?, "reverse"],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Refunds a payment (the gateway reverses it instead while its batch is open).
    /// Returns the payment, whose `refunds` now include this one.
    pub async fn refund(
        &self,
        payment_id: &str,
        request: &PaymentRefundRequest,
    ) -> Result<Payment> {
        let url = self.client.url(
            &["payments", path_id("paymentId", payment_id)?, "refund"],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Adjusts a payment still in an open batch.
    pub async fn adjust(
        &self,
        payment_id: &str,
        request: &PaymentAdjustRequest,
    ) -> Result<Payment> {
        let url = self.client.url(
            &["payments", path_id("paymentId", payment_id)?, "adjust"],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }
}

impl Refunds<'_> {
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends money back without a linked payment.
    pub async fn create(&self, request: &RefundRequest) -> Result<RetrievedRefund> {
        let url = self.client.url(&["refunds"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Reads a refund.
    pub async fn retrieve(&self, refund_id: &str) -> Result<RetrievedRefund> {
        let url = self
            .client
            .url(&["refunds", path_id("refundId", refund_id)?], &[]);
        self.client.get_json(url, self.options.timeout).await
    }

    /// Lists refunds, page by page.
    pub fn list(&self, query: &RefundListQuery) -> Result<Pager<RetrievedRefund>> {
        super::list(self.client, &["refunds"], query)
    }

    /// Adjusts a refund still in an open batch.
    pub async fn adjust(
        &self,
        refund_id: &str,
        request: &RefundAdjustRequest,
    ) -> Result<RetrievedRefund> {
        let url = self
            .client
            .url(&["refunds", path_id("refundId", refund_id)?, "adjust"], &[]);
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Voids a refund whose batch is still open.
    pub async fn reverse(&self, refund_id: &str) -> Result<RetrievedRefund> {
        let url = self.client.url(
            &["refunds", path_id("refundId", refund_id)?, "reverse"],
            &[],
        );
        self.client.post_empty(url, true, &self.options).await
    }
}
