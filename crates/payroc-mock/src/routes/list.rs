//! Cursor pagination as the gateway pages: `limit` (default 10), `before` / `after`
//! holding an item id, `hasMore`, `count`, and `next` / `previous` links that carry
//! the original filters.

use crate::clock::parse_rfc3339;
use crate::problem::bad_parameter;
use axum::http::{header, HeaderMap, Uri};
use axum::response::Response;
use payroc_model::common::Link;
use payroc_model::page::Paginated;

/// Default page size (the API documents 10).
const DEFAULT_LIMIT: usize = 10;
/// Largest page the emulator serves.
const MAX_LIMIT: usize = 100;

/// The query string of a list request.
#[derive(Debug, Default)]
pub(crate) struct ListParams {
    pairs: Vec<(String, String)>,
    base: String,
}

impl ListParams {
    /// Reads the query and remembers the absolute URL the links point back to.
    pub(crate) fn new(uri: &Uri, headers: &HeaderMap) -> Self {
        let pairs = uri
            .query()
            .map(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).unwrap_or_default())
            .unwrap_or_default();
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1");
        Self {
            pairs,
            base: format!("http://{host}{}", uri.path()),
        }
    }

    /// The first value of a parameter.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeated parameter.
    pub(crate) fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether `value` passes the filter `key` (absent filter: everything passes).
    pub(crate) fn matches(&self, key: &str, value: Option<&str>) -> bool {
        let wanted = self.all(key);
        wanted.is_empty() || value.is_some_and(|v| wanted.contains(&v))
    }

    /// Whether the date-time `stamp` lies within the filters `from_key` and `to_key`
    /// (both ends included; an absent end lets everything through). The ends are
    /// compared as instants, whatever offset or fraction the client wrote them with
    /// (the official SDKs send their local offset and microseconds); an end that is not
    /// an RFC 3339 date-time compares as text.
    pub(crate) fn within(&self, from_key: &str, to_key: &str, stamp: &str) -> bool {
        let at = parse_rfc3339(stamp);
        let order = |end: &str| match (at, parse_rfc3339(end)) {
            (Some(at), Some(end)) => at.cmp(&end),
            _ => stamp.cmp(end),
        };
        self.get(from_key).is_none_or(|from| order(from).is_ge())
            && self.get(to_key).is_none_or(|to| order(to).is_le())
    }

    fn link(&self, rel: &str, cursor_key: &str, cursor: &str, limit: usize) -> Link {
        let mut pairs: Vec<(&str, &str)> = self
            .pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "before" | "after" | "limit"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let limit = limit.to_string();
        pairs.push(("limit", &limit));
        pairs.push((cursor_key, cursor));
        Link {
            rel: rel.to_owned(),
            method: "get".to_owned(),
            href: format!(
                "{}?{}",
                self.base,
                serde_urlencoded::to_string(&pairs).unwrap_or_default()
            ),
            unknown: Default::default(),
        }
    }

    /// One page of `items` (already filtered, oldest first).
    pub(crate) fn page<T>(
        &self,
        items: Vec<T>,
        id_of: impl Fn(&T) -> &str,
    ) -> Result<Paginated<T>, Response> {
        let limit = match self.get("limit") {
            None => DEFAULT_LIMIT,
            Some(text) => match text.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(bad_parameter(
                        "limit",
                        "Invalid format",
                        &format!("limit must be a whole number from 1 to {MAX_LIMIT}"),
                    ))
                }
            },
        };
        let (before, after) = (self.get("before"), self.get("after"));
        if before.is_some() && after.is_some() {
            return Err(bad_parameter(
                "after",
                "Invalid format",
                "send either before or after, not both",
            ));
        }
        let position = |cursor: &str, name: &str| {
            items
                .iter()
                .position(|item| id_of(item) == cursor)
                .ok_or_else(|| {
                    bad_parameter(
                        name,
                        "Invalid format",
                        "the cursor does not name an item of this list",
                    )
                })
        };
        let (start, end) = match (before, after) {
            (_, Some(cursor)) => {
                let i = position(cursor, "after")? + 1;
                (i, (i + limit).min(items.len()))
            }
            (Some(cursor), None) => {
                let i = position(cursor, "before")?;
                (i.saturating_sub(limit), i)
            }
            (None, None) => (0, limit.min(items.len())),
        };
        let total = items.len();
        let data: Vec<T> = items.into_iter().skip(start).take(end - start).collect();
        let mut links = Vec::new();
        if start > 0 {
            if let Some(first) = data.first() {
                links.push(self.link("previous", "before", id_of(first), limit));
            }
        }
        let has_more = end < total;
        if has_more {
            if let Some(last) = data.last() {
                links.push(self.link("next", "after", id_of(last), limit));
            }
        }
        Ok(Paginated {
            limit: Some(limit as u32),
            count: Some(data.len() as u32),
            has_more: Some(has_more),
            links,
            data,
            unknown: Default::default(),
        })
    }
}
