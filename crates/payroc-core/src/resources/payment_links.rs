//! Payment links and their sharing events.

use crate::client::{path_id, Client, RequestOptions};
use crate::error::Result;
use crate::http::Method;
use crate::pager::Pager;
use payroc_model::common::PatchDocument;
use payroc_model::payment_link::{
    PaymentLink, PaymentLinkEmailShareEvent, PaymentLinkListQuery, SharingEventListQuery,
};

/// Payment-link operations of one client.
#[derive(Debug)]
pub struct PaymentLinks<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl Client {
    /// Payment links: hosted payment pages to share with customers.
    pub fn payment_links(&self) -> PaymentLinks<'_> {
        PaymentLinks {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl PaymentLinks<'_> {
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Creates a single-use or multi-use link.
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        link: &PaymentLink,
    ) -> Result<PaymentLink> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "payment-links",
            ],
            &[],
        );
        self.client
            .send_json(Method::Post, url, link, &self.options)
            .await
    }

    /// Reads a link.
    pub async fn retrieve(&self, payment_link_id: &str) -> Result<PaymentLink> {
        let url = self.client.url(
            &["payment-links", path_id("paymentLinkId", payment_link_id)?],
            &[],
        );
        self.client.get_json(url, self.options.timeout).await
    }

    /// Lists a terminal's links, page by page.
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &PaymentLinkListQuery,
    ) -> Result<Pager<PaymentLink>> {
        super::list(
            self.client,
            &[
                "processing-terminals",
                processing_terminal_id,
                "payment-links",
            ],
            query,
        )
    }

    /// Partially updates a link. A single-use link gets a new URL: share it again.
    pub async fn update(
        &self,
        payment_link_id: &str,
        patch: &[PatchDocument],
    ) -> Result<PaymentLink> {
        let url = self.client.url(
            &["payment-links", path_id("paymentLinkId", payment_link_id)?],
            &[],
        );
        self.client
            .send_json(Method::Patch, url, patch, &self.options)
            .await
    }

    /// Deactivates a link for good.
    pub async fn deactivate(&self, payment_link_id: &str) -> Result<PaymentLink> {
        let url = self.client.url(
            &[
                "payment-links",
                path_id("paymentLinkId", payment_link_id)?,
                "deactivate",
            ],
            &[],
        );
        self.client.post_empty(url, false, &self.options).await
    }

    /// Emails a link to its recipients and records the sharing event.
    pub async fn share(
        &self,
        payment_link_id: &str,
        event: &PaymentLinkEmailShareEvent,
    ) -> Result<PaymentLinkEmailShareEvent> {
        let url = self.client.url(
            &[
                "payment-links",
                path_id("paymentLinkId", payment_link_id)?,
                "sharing-events",
            ],
            &[],
        );
        self.client
            .send_json(Method::Post, url, event, &self.options)
            .await
    }

    /// Lists a link's sharing events, page by page.
    pub fn list_sharing_events(
        &self,
        payment_link_id: &str,
        query: &SharingEventListQuery,
    ) -> Result<Pager<PaymentLinkEmailShareEvent>> {
        super::list(
            self.client,
            &["payment-links", payment_link_id, "sharing-events"],
            query,
        )
    }
}
