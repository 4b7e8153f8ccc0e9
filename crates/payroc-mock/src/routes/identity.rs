//! `POST /authorize`: an API key in `x-api-key` for a bearer token.

use crate::problem::problem;
use crate::routes::json;
use crate::Mock;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use payroc_model::identity::IdentityToken;
use payroc_model::BearerToken;
use std::sync::Arc;

pub(crate) async fn authorize(State(mock): State<Arc<Mock>>, headers: HeaderMap) -> Response {
    let key = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if key.trim().is_empty() {
        return problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Send your API key in the x-api-key header",
        );
    }
    if mock
        .config
        .api_key
        .as_deref()
        .is_some_and(|expected| expected != key)
    {
        return problem(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "The API key is not valid",
        );
    }
    let lifetime = mock.config.token_lifetime;
    let token = mock.with_store(|s| s.issue_token(lifetime, false));
    json(
        StatusCode::OK,
        &IdentityToken {
            access_token: BearerToken::new(token),
            token_type: "Bearer".to_owned(),
            expires_in: i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX),
            scope: Some("payments tokenization devices payment-links".to_owned()),
            unknown: Default::default(),
        },
    )
}
