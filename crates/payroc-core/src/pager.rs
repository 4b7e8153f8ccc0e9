//! Lists that page on demand: [`Pager`] fetches the first page with the caller's
//! filters, then follows each page's `next` link verbatim, as the API intends. It
//! reads page by page or item by item, and is a `Stream` of items.

use crate::client::{decode, Call, Client};
use crate::error::Result;
use crate::http::BoxFuture;
use crate::http::HttpResponse;
use futures_core::Stream;
use payroc_model::page::Paginated;
use serde::de::DeserializeOwned;
use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Where a listing stands: the next page's link, and every link followed so far, so
/// a server whose links go round in a circle ends the listing with an error instead
/// of paging forever. Links come from the server: only those into this client's API
/// are followed.
#[derive(Debug)]
pub(crate) struct Cursor {
    client: Client,
    next_url: Option<String>,
    seen: HashSet<String>,
}

/// A page as it came: the call that fetched it and the reply.
type RawPage = (Call, HttpResponse);

impl Cursor {
    pub(crate) fn new(client: Client, first_url: String) -> Self {
        Self {
            client,
            next_url: Some(first_url),
            seen: HashSet::new(),
        }
    }

    /// The request of the next page, or `None` after the last.
    fn take(&mut self) -> Option<BoxFuture<'static, Result<RawPage>>> {
        let url = self.next_url.take()?;
        let client = self.client.clone();
        let repeated = !self.seen.insert(url.clone());
        Some(Box::pin(async move {
            if repeated {
                return Err(crate::Error::Decode(Box::new(
                    crate::error::DecodeError::new(
                        200,
                        "a link to a page not read yet",
                        "the next-page link leads back to a page already read",
                    ),
                )));
            }
            client.check_link(&url, "next-page")?;
            client.get_raw(url).await
        }))
    }

    /// Follows `next` verbatim; `hasMore` without a link cannot be followed.
    fn set_next(&mut self, next: Option<&str>) {
        self.next_url = next.map(str::to_owned);
    }

    /// The next page's bytes, once `next_of` has read them (and found the link to
    /// the page after), or `None` after the last.
    pub(crate) async fn next_raw(
        &mut self,
        next_of: impl FnOnce(&[u8]) -> std::result::Result<Option<String>, (&'static str, String)>,
    ) -> Result<Option<Vec<u8>>> {
        let Some(fetch) = self.take() else {
            return Ok(None);
        };
        let (call, response) = fetch.await?;
        match next_of(&response.body) {
            Ok(next) => {
                self.set_next(next.as_deref());
                Ok(Some(response.body))
            }
            Err((expected, message)) => Err(crate::Error::Decode(Box::new(
                call.decode_error(&response, expected, message),
            ))),
        }
    }
}

/// Pages of `T`, fetched when asked for.
pub struct Pager<T> {
    cursor: Cursor,
    buffer: VecDeque<T>,
    in_flight: Option<BoxFuture<'static, Result<Paginated<T>>>>,
}

impl<T> std::fmt::Debug for Pager<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("next_url", &self.cursor.next_url)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<T: DeserializeOwned + Send + 'static> Pager<T> {
    pub(crate) fn new(client: Client, first_url: String) -> Self {
        Self {
            cursor: Cursor::new(client, first_url),
            buffer: VecDeque::new(),
            in_flight: None,
        }
    }

    fn fetch(&mut self) -> Option<BoxFuture<'static, Result<Paginated<T>>>> {
        let fetch = self.cursor.take()?;
        Some(Box::pin(async move {
            let (call, response) = fetch.await?;
            decode(&call, &response)
        }))
    }

    fn accept(&mut self, page: &Paginated<T>) {
        self.cursor.set_next(page.next_href());
    }

    /// The next page, or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<Paginated<T>>> {
        let Some(fetch) = self.fetch() else {
            return Ok(None);
        };
        let page = fetch.await?;
        self.accept(&page);
        Ok(Some(page))
    }

    /// The next item, fetching a page when the current one is used up.
    pub async fn next_item(&mut self) -> Result<Option<T>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Ok(Some(item));
            }
            match self.next_page().await? {
                Some(page) => self.buffer.extend(page.data),
                None => return Ok(None),
            }
        }
    }

    /// Every remaining item (fetches every page).
    pub async fn collect_all(mut self) -> Result<Vec<T>> {
        let mut out = Vec::new();
        while let Some(item) = self.next_item().await? {
            out.push(item);
        }
        Ok(out)
    }
}

impl<T: DeserializeOwned + Send + Unpin + 'static> Stream for Pager<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(fut) = this.in_flight.as_mut() {
                let result = std::task::ready!(fut.as_mut().poll(cx));
                this.in_flight = None;
                match result {
                    Ok(page) => {
                        this.accept(&page);
                        this.buffer.extend(page.data);
                    }
                    Err(err) => {
                        this.cursor.set_next(None);
                        return Poll::Ready(Some(Err(err)));
                    }
                }
                continue;
            }
            match this.fetch() {
                Some(fetch) => this.in_flight = Some(fetch),
                None => return Poll::Ready(None),
            }
        }
    }
}
