//! Cursor-paginated lists: the page wrapper every list endpoint returns, and the
//! cursor query every list endpoint takes.

use crate::common::{Link, UnknownFields};
use crate::validate::{Validate, Validator};
use serde::{Deserialize, Serialize};

/// One page of a list (`limit`, `count`, `hasMore`, `links`, `data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paginated<T> {
    /// Page size used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Items on this page (not a total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Another page exists after this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// `next` and/or `previous` links, with the filters and cursor already in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The items.
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    /// Fields the server sent that this SDK does not know yet, written back unchanged.
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl<T> Default for Paginated<T> {
    fn default() -> Self {
        Self {
            limit: None,
            count: None,
            has_more: None,
            links: Vec::new(),
            data: Vec::new(),
            unknown: Default::default(),
        }
    }
}

impl<T> Paginated<T> {
    /// The link with this relation (`next`, `previous`), compared case-insensitively.
    pub fn link(&self, rel: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.rel.eq_ignore_ascii_case(rel))
    }

    /// URL of the next page, if there is one.
    pub fn next_href(&self) -> Option<&str> {
        self.link("next").map(|l| l.href.as_str())
    }

    /// URL of the previous page, if there is one.
    pub fn previous_href(&self) -> Option<&str> {
        self.link("previous").map(|l| l.href.as_str())
    }
}

/// A list request's filters, as query parameters. Parameters that take several values
/// repeat the key (`status=ready&status=pending`).
pub trait ListQuery: Validate {
    /// The query pairs to send, in a stable order.
    fn query_pairs(&self) -> Vec<(&'static str, String)>;
}

/// The cursor part every list takes: `limit` and one of `before` / `after`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageQuery {
    /// Most items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The page before this cursor (an item id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The page after this cursor (an item id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl PageQuery {
    /// Pages of at most `limit` items.
    pub fn limit(limit: u32) -> Self {
        Self {
            limit: Some(limit),
            ..Self::default()
        }
    }

    /// Appends `limit`, `before` and `after` to `pairs`.
    pub fn push_pairs(&self, pairs: &mut Vec<(&'static str, String)>) {
        if let Some(before) = &self.before {
            pairs.push(("before", before.clone()));
        }
        if let Some(after) = &self.after {
            pairs.push(("after", after.clone()));
        }
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
    }
}

impl Validate for PageQuery {
    fn validate_into(&self, v: &mut Validator) {
        if self.before.is_some() && self.after.is_some() {
            v.violation(
                "after",
                "conflict",
                "send either `before` or `after`, not both",
            );
        }
        if self.limit == Some(0) {
            v.violation("limit", "range", "must be at least 1");
        }
    }
}

impl ListQuery for PageQuery {
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        self.push_pairs(&mut pairs);
        pairs
    }
}
