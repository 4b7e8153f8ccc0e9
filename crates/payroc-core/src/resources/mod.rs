//! What the operation table does not make: the helpers that run several requests
//! (a whole sale on a device, waiting on an instruction, following its link).
//! Every single-request operation is a method generated from the table
//! ([`crate::operations`]).

pub mod cloud;

use crate::client::Client;
use crate::error::Result;
use crate::operations::Operation;
use crate::pager::Pager;
use payroc_model::page::ListQuery;
use serde::de::DeserializeOwned;

impl Client {
    /// Validates a list query and returns a pager at the list's first page.
    pub(crate) fn list<T, Q>(
        &self,
        op: &'static Operation,
        ids: &[&str],
        query: &Q,
    ) -> Result<Pager<T>>
    where
        T: DeserializeOwned + Send + 'static,
        Q: ListQuery,
    {
        query.validate()?;
        let url = op.url(self.api_url(), ids, &query.query_pairs())?;
        Ok(Pager::new(self.clone(), url))
    }
}
