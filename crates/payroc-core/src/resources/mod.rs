//! The API's operations, grouped as the API groups them. Each group is a light
//! handle borrowed from a [`Client`] that can carry per-call
//! [`RequestOptions`](crate::RequestOptions).

pub mod cloud;
pub mod payment_links;
pub mod payments;
pub mod secure_tokens;

use crate::client::Client;
use crate::error::Result;
use crate::pager::Pager;
use payroc_model::page::ListQuery;
use serde::de::DeserializeOwned;

/// Validates a list query and returns a pager at its first page.
pub(crate) fn list<T, Q>(client: &Client, segments: &[&str], query: &Q) -> Result<Pager<T>>
where
    T: DeserializeOwned + Send + 'static,
    Q: ListQuery,
{
    query.validate()?;
    let url = client.url(segments, &query.query_pairs());
    Ok(Pager::new(client.clone(), url))
}
