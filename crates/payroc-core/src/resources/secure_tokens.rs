//! Secure tokens (saved cards and bank accounts) and single-use tokens.

use crate::client::{path_id, Client, RequestOptions};
use crate::error::Result;
use crate::http::Method;
use crate::pager::Pager;
use payroc_model::secure_token::{
    AccountUpdate, SecureToken, SecureTokenListQuery, SecureTokenPatch, SecureTokenRequest,
    SecureTokenWithAccountType, SingleUseToken, SingleUseTokenRequest,
};

/// Secure-token operations of one client.
#[derive(Debug)]
pub struct SecureTokens<'a> {
    client: &'a Client,
    options: RequestOptions,
}

impl Client {
    /// Secure tokens: save, read, list, update and delete a customer's payment details.
    pub fn secure_tokens(&self) -> SecureTokens<'_> {
        SecureTokens {
            client: self,
            options: RequestOptions::default(),
        }
    }
}

impl SecureTokens<'_> {
    /// Uses these options (e.g. your own idempotency key) for the next call.
    #[must_use]
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Saves payment details as a secure token on a processing terminal. Use the
    /// returned `token` (296753…) in later payments, not the `secureTokenId`.
    pub async fn create(
        &self,
        processing_terminal_id: &str,
        request: &SecureTokenRequest,
    ) -> Result<SecureToken> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "secure-tokens",
            ],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }

    /// Reads a secure token by the merchant's `secureTokenId`.
    pub async fn retrieve(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
    ) -> Result<SecureTokenWithAccountType> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "secure-tokens",
                path_id("secureTokenId", secure_token_id)?,
            ],
            &[],
        );
        self.client.get_json(url, self.options.timeout).await
    }

    /// Lists a terminal's secure tokens, page by page.
    pub fn list(
        &self,
        processing_terminal_id: &str,
        query: &SecureTokenListQuery,
    ) -> Result<Pager<SecureTokenWithAccountType>> {
        super::list(
            self.client,
            &[
                "processing-terminals",
                processing_terminal_id,
                "secure-tokens",
            ],
            query,
        )
    }

    /// Partially updates a secure token with JSON Patch operations.
    pub async fn update(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        patch: &SecureTokenPatch,
    ) -> Result<SecureToken> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "secure-tokens",
                path_id("secureTokenId", secure_token_id)?,
            ],
            &[],
        );
        self.client
            .send_json(Method::Patch, url, patch, &self.options)
            .await
    }

    /// Deletes a secure token and its payment details for good.
    pub async fn delete(&self, processing_terminal_id: &str, secure_token_id: &str) -> Result<()> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "secure-tokens",
                path_id("secureTokenId", secure_token_id)?,
            ],
            &[],
        );
        self.client.delete(url).await
    }

    /// Replaces a secure token's details with those behind a single-use token.
    pub async fn update_account(
        &self,
        processing_terminal_id: &str,
        secure_token_id: &str,
        update: &AccountUpdate,
    ) -> Result<SecureToken> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "secure-tokens",
                path_id("secureTokenId", secure_token_id)?,
                "update-account",
            ],
            &[],
        );
        self.client
            .send_json(Method::Post, url, update, &self.options)
            .await
    }

    /// Makes a single-use token (valid 30 minutes, usable once).
    pub async fn create_single_use_token(
        &self,
        processing_terminal_id: &str,
        request: &SingleUseTokenRequest,
    ) -> Result<SingleUseToken> {
        let url = self.client.url(
            &[
                "processing-terminals",
                path_id("processingTerminalId", processing_terminal_id)?,
                "single-use-tokens",
            ],
            &[],
        );
        self.client
            .send_json(Method::Post, url, request, &self.options)
            .await
    }
}
