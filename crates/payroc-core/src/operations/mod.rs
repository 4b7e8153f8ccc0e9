//! Operations by name: the [table](OPERATIONS) every binding derives from, and the
//! JSON-in, JSON-out way of running one ([`Client::call_json`]) that the C and Python
//! bindings use. A JSON call reads its body into the operation's request type and
//! validates it (nothing invalid is sent), and checks the reply against the response
//! type before it hands back the server's bytes unchanged, unknown fields included.

mod generated;
mod helpers;
mod table;

pub use generated::*;
pub use table::OPERATIONS;

use crate::client::{build_url, decode, path_id, Call, Client, RequestOptions};
use crate::error::{Error, Result};
use crate::http::{HttpResponse, Method};
use crate::multipart::{self, Part};
use crate::pager::Cursor;
use crate::paytrace::PaytraceClient;
use crate::resources::cloud::WaitOptions;
use crate::retry::Replay;
use payroc_model::attachment::{FileForm, FileUpload};
use payroc_model::json::{from_json, from_slice, nests_too_deep, MAX_NESTING};
use payroc_model::page::{ListQuery, Paginated};
use payroc_model::{Validate, ValidationError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// Which API an operation belongs to, and so which client runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// The Payroc API ([`Client`]).
    Payroc,
    /// PayTrace's recurring-payments API ([`PaytraceClient`]).
    Paytrace,
}

/// One operation of the table.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The one name of the operation everywhere: the C operation string and the
    /// Python attribute path (`payments.create` ⇔ `client.payments.create`).
    pub name: &'static str,
    /// The API it belongs to.
    pub api: Api,
    /// The HTTP method (`None` for a helper that runs several requests).
    pub method: Option<Method>,
    /// The path template under the API's base URL, path parameters in braces
    /// (`/payments/{paymentId}/capture`); empty for a helper.
    pub path: &'static str,
    /// The list filters' type (in `payroc_model`), for a list.
    pub query: Option<&'static str>,
    /// The request body's type (in `payroc_model`), if it takes one.
    pub request: Option<&'static str>,
    /// Takes a request body (the request type's, or a helper's own).
    pub body: bool,
    /// The response type (in `payroc_model`); `None`: the reply has no content.
    pub response: Option<&'static str>,
    /// The reply is a plain JSON array of `response` (not a page): a `Vec` in Rust,
    /// the array as sent in C, a list of objects in Python.
    pub array: bool,
    /// What the bindings call the response object (the Python class).
    pub returns: Option<&'static str>,
    /// Sends an `Idempotency-Key` (the same on every retry): it can charge or move
    /// money, or the API asks for one.
    pub idempotency_key: bool,
    /// Safe to send again after a failure that may have been received, without a key.
    pub repeatable: bool,
    /// A list, read page by page.
    pub pages: bool,
    /// The request is a file upload, sent as `multipart/form-data`: the request
    /// type's JSON fields are form parts and its file the `file` part.
    pub multipart: bool,
    /// A poll the gateway holds open: its timeout is the long poll's.
    pub long_poll: bool,
    /// The official Python SDK's name for it (`card_payments.payments.create`).
    pub official_python: &'static str,
    /// The official Go SDK's name for it (`CardPayments.Payments.Create`).
    pub official_go: &'static str,
    /// What it does, in a line.
    pub summary: &'static str,
}

impl Operation {
    /// One request of the Payroc API.
    pub(crate) const fn rest(name: &'static str, method: Method, path: &'static str) -> Self {
        Self {
            name,
            api: Api::Payroc,
            method: Some(method),
            path,
            query: None,
            request: None,
            body: false,
            response: None,
            array: false,
            returns: None,
            idempotency_key: false,
            repeatable: matches!(method, Method::Get),
            pages: false,
            multipart: false,
            long_poll: false,
            official_python: "",
            official_go: "",
            summary: "",
        }
    }

    /// A call of this SDK made of several requests (a Cloud sale, a repeat payment).
    pub(crate) const fn helper(name: &'static str, returns: &'static str) -> Self {
        let mut op = Self::rest(name, Method::Get, "");
        op.method = None;
        op.returns = Some(returns);
        op
    }

    pub(crate) const fn paytrace(mut self) -> Self {
        self.api = Api::Paytrace;
        self
    }

    pub(crate) const fn query(mut self, ty: &'static str) -> Self {
        self.query = Some(ty);
        self
    }

    pub(crate) const fn request(mut self, ty: &'static str) -> Self {
        self.request = Some(ty);
        self.body = true;
        self
    }

    /// A helper that takes a body.
    pub(crate) const fn with_body(mut self) -> Self {
        self.body = true;
        self
    }

    pub(crate) const fn response(mut self, ty: &'static str, returns: &'static str) -> Self {
        self.response = Some(ty);
        self.returns = Some(returns);
        self
    }

    /// The reply is a plain JSON array of the response type.
    pub(crate) const fn array(mut self) -> Self {
        self.array = true;
        self
    }

    pub(crate) const fn keyed(mut self) -> Self {
        self.idempotency_key = true;
        self
    }

    pub(crate) const fn repeatable(mut self) -> Self {
        self.repeatable = true;
        self
    }

    pub(crate) const fn pages(mut self) -> Self {
        self.pages = true;
        self
    }

    pub(crate) const fn multipart(mut self) -> Self {
        self.multipart = true;
        self
    }

    pub(crate) const fn long_poll(mut self) -> Self {
        self.long_poll = true;
        self
    }

    pub(crate) const fn official(mut self, python: &'static str, go: &'static str) -> Self {
        self.official_python = python;
        self.official_go = go;
        self
    }

    pub(crate) const fn doc(mut self, summary: &'static str) -> Self {
        self.summary = summary;
        self
    }

    /// The resource part of the name (`payments`).
    pub fn resource(&self) -> &'static str {
        self.name.rsplit_once('.').map_or("", |(r, _)| r)
    }

    /// The method part of the name (`create`).
    pub fn method_name(&self) -> &'static str {
        self.name.rsplit_once('.').map_or(self.name, |(_, m)| m)
    }

    /// The path parameters, in order, as the API names them.
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
    }

    /// Path parameters are integers (PayTrace's ids), not strings.
    pub fn integer_ids(&self) -> bool {
        self.api == Api::Paytrace
    }

    /// A helper of this SDK rather than one request.
    pub fn is_helper(&self) -> bool {
        self.method.is_none()
    }

    /// The URL under `base` with `ids` in the path, each checked (no empty id, no
    /// `.` or `..`) and percent-encoded, and the query pairs after it.
    pub(crate) fn url(
        &self,
        base: &str,
        ids: &[&str],
        query: &[(&'static str, String)],
    ) -> Result<String> {
        let mut segments = Vec::with_capacity(6);
        let mut given = ids.iter();
        for seg in self.path.split('/').filter(|s| !s.is_empty()) {
            match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => {
                    let id = given.next().ok_or_else(|| missing(name))?;
                    segments.push(path_id(name, id)?);
                }
                None => segments.push(seg),
            }
        }
        Ok(build_url(base, &segments, query))
    }

    /// A typed call of this operation under `base`: the body validated (nothing
    /// invalid is sent) and encoded once, the ids checked into the path.
    pub(crate) fn prepare<B: Serialize + Validate + ?Sized>(
        &'static self,
        base: &str,
        ids: &[&str],
        query: &[(&'static str, String)],
        body: Option<&B>,
        options: &RequestOptions,
    ) -> Result<Call> {
        if let Some(body) = body {
            body.validate()?;
        }
        let url = self.url(base, ids, query)?;
        Ok(self.call(url, body.map(encode).transpose()?, options))
    }

    /// One logical call of this operation: its key, retry rule and timeout.
    pub(crate) fn call(
        &self,
        url: String,
        body: Option<Vec<u8>>,
        options: &RequestOptions,
    ) -> Call {
        let idempotency_key = self
            .idempotency_key
            .then(|| options.idempotency_key.clone().unwrap_or_default());
        let replay = if self.repeatable || idempotency_key.is_some() {
            Replay::Safe
        } else {
            Replay::Unsafe
        };
        let long_poll = self.long_poll.then(|| WaitOptions::default().poll_timeout);
        Call {
            method: self.method.unwrap_or(Method::Get),
            url,
            body,
            idempotency_key,
            timeout: options.timeout.or(long_poll),
            replay,
            content_type: None,
        }
    }
}

fn missing(name: &'static str) -> Error {
    Error::Validation(ValidationError::single(name, "is required", "required"))
}

/// The operation named `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Operation> {
    let at = generated::BY_NAME
        .binary_search_by(|&i| OPERATIONS[usize::from(i)].name.cmp(name))
        .ok()?;
    Some(&OPERATIONS[usize::from(generated::BY_NAME[at])])
}

/// Every operation's name, in the table's order, as a JSON array.
pub fn names_json() -> String {
    let names: Vec<&str> = OPERATIONS.iter().map(|op| op.name).collect();
    serde_json::Value::from(names).to_string()
}

/// The arguments of one JSON call, as a binding hands them over.
#[derive(Debug, Default)]
pub struct JsonCall<'a> {
    /// Path parameters by the API's name (`{"paymentId": "M2MJOG6O2Y"}`; PayTrace's
    /// ids are integers), and a helper's own arguments (`processingModel`).
    pub args: Map<String, Value>,
    /// A list's filters: a JSON object (absent: none).
    pub query: Option<&'a [u8]>,
    /// The request body as JSON, read as the operation's request type.
    pub body: Option<&'a [u8]>,
    /// The file of an upload (an operation whose request is a file), handed over
    /// beside the JSON body.
    pub file: Option<FileUpload>,
    /// Idempotency key and timeout.
    pub options: RequestOptions,
    /// How a Cloud helper waits.
    pub wait: WaitOptions,
}

impl JsonCall<'_> {
    /// The path parameters of `op`, in order, as text.
    fn ids(&self, op: &Operation) -> Result<Vec<String>> {
        op.path_params()
            .map(|name| match self.args.get(name) {
                None | Some(Value::Null) => Err(missing(name)),
                Some(Value::String(s)) if !op.integer_ids() => Ok(s.clone()),
                Some(Value::Number(n)) if op.integer_ids() && n.is_i64() => Ok(n.to_string()),
                Some(_) => Err(Error::Validation(ValidationError::single(
                    name,
                    if op.integer_ids() {
                        "must be an integer id"
                    } else {
                        "must be a string"
                    },
                    "type",
                ))),
            })
            .collect()
    }

    /// The body read as `B` and validated (an absent body reads as `{}`, so missing
    /// required fields are named).
    pub(crate) fn body<B: DeserializeOwned + Validate>(&self) -> Result<B> {
        let body: B = from_json(self.body.unwrap_or(b"{}"))?;
        body.validate()?;
        Ok(body)
    }

    /// A helper's own argument `name`, read as `T`.
    pub(crate) fn arg<T: DeserializeOwned>(&self, name: &'static str) -> Result<T> {
        let value = self.args.get(name).ok_or_else(|| missing(name))?;
        T::deserialize(value).map_err(|e| {
            Error::Validation(ValidationError::single(
                name,
                payroc_model::json::describe_error(&e),
                "type",
            ))
        })
    }

    fn query<Q: ListQuery + DeserializeOwned>(&self) -> Result<Q> {
        let query: Q = from_json(self.query.unwrap_or(b"{}"))?;
        query.validate()?;
        Ok(query)
    }
}

/// The body of an operation that takes none.
#[derive(Debug, Default, serde::Deserialize, Serialize)]
pub struct NoBody {}

impl Validate for NoBody {
    fn validate_into(&self, _: &mut payroc_model::validate::Validator) {}
}

/// What a JSON call returns: the reply's JSON, or nothing (a `204`).
pub type JsonReply = Option<Vec<u8>>;

/// Checks a reply against `T` and keeps the server's bytes.
fn checked<T: DeserializeOwned>(call: &Call, response: HttpResponse) -> Result<JsonReply> {
    decode::<T>(call, &response)?;
    if nests_too_deep(&response.body) {
        return Err(Error::Decode(Box::new(call.decode_error(
            &response,
            "a reply nested at most 128 deep",
            too_deep(),
        ))));
    }
    Ok(Some(response.body))
}

fn too_deep() -> String {
    format!("objects and arrays nested deeper than {MAX_NESTING} levels")
}

impl Client {
    /// Runs `op` with typed ids, query and body (what the generated resource methods
    /// call).
    pub(crate) async fn invoke<B, T>(
        &self,
        op: &'static Operation,
        ids: &[&str],
        query: &[(&'static str, String)],
        body: Option<&B>,
        options: &RequestOptions,
    ) -> Result<T>
    where
        B: Serialize + Validate + ?Sized,
        T: DeserializeOwned,
    {
        let call = op.prepare(self.api_url(), ids, query, body, options)?;
        let response = self.execute(&call).await?;
        decode(&call, &response)
    }

    /// [`invoke`](Self::invoke) for a list that comes as one array, filtered by
    /// `query` (validated before anything is sent).
    pub(crate) async fn invoke_query<Q: ListQuery, T: DeserializeOwned>(
        &self,
        op: &'static Operation,
        ids: &[&str],
        query: &Q,
        options: &RequestOptions,
    ) -> Result<T> {
        query.validate()?;
        self.invoke::<NoBody, T>(op, ids, &query.query_pairs(), None, options)
            .await
    }

    /// [`invoke`](Self::invoke) for an operation whose reply has no content (a
    /// delete, or a PUT that replaces a resource with `body`).
    pub(crate) async fn invoke_empty<B: Serialize + Validate + ?Sized>(
        &self,
        op: &'static Operation,
        ids: &[&str],
        body: Option<&B>,
        options: &RequestOptions,
    ) -> Result<()> {
        let call = op.prepare(self.api_url(), ids, &[], body, options)?;
        self.execute(&call).await.map(drop)
    }

    /// Runs the operation named `name` with JSON arguments, for the bindings. The
    /// reply is the server's JSON, unchanged, once it has read as the operation's
    /// response type.
    pub async fn call_json(&self, name: &str, call: &JsonCall<'_>) -> Result<JsonReply> {
        let op = find_for(name, Api::Payroc)?;
        if op.pages {
            return match self.pages_json(name, call)?.next_page().await? {
                Some(page) => Ok(Some(page)),
                None => Ok(Some(b"null".to_vec())),
            };
        }
        generated::dispatch(self, op, call).await
    }

    /// A pager over the list named `name`, each page as the server's JSON.
    pub fn pages_json(&self, name: &str, call: &JsonCall<'_>) -> Result<JsonPager> {
        let op = find_for(name, Api::Payroc)?;
        if !op.pages {
            return Err(unknown(name, "is not a list"));
        }
        generated::pager(self, op, call)
    }

    /// A JSON call of a REST operation: body `B`, reply checked as `T`.
    pub(crate) async fn rest_json<B, T>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<JsonReply>
    where
        B: DeserializeOwned + Serialize + Validate,
        T: DeserializeOwned,
    {
        let prepared = prepare_json::<B>(op, call, self.api_url())?;
        let response = self.execute(&prepared).await?;
        if op.response.is_none() {
            return Ok(None);
        }
        checked::<T>(&prepared, response)
    }

    /// A JSON call of a list that comes as one array, filtered by `Q`; the reply
    /// checked as `T`.
    pub(crate) async fn query_json<Q, T>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<JsonReply>
    where
        Q: ListQuery + DeserializeOwned,
        T: DeserializeOwned,
    {
        let url = self.list_url::<Q>(op, call)?;
        let prepared = op.call(url, None, &call.options);
        let response = self.execute(&prepared).await?;
        checked::<T>(&prepared, response)
    }

    /// Runs the upload `op` with a typed body (what the generated resource methods
    /// call): validated, then sent as one `multipart/form-data` body.
    pub(crate) async fn upload<B, T>(
        &self,
        op: &'static Operation,
        ids: &[&str],
        body: &B,
        options: &RequestOptions,
    ) -> Result<T>
    where
        B: Serialize + Validate + FileForm,
        T: DeserializeOwned,
    {
        body.validate()?;
        let url = op.url(self.api_url(), ids, &[])?;
        let call = upload_call(op, url, body, options)?;
        let response = self.execute(&call).await?;
        decode(&call, &response)
    }

    /// A JSON call of the upload `op`: the body's JSON fields and the call's file,
    /// validated together; the reply checked as `T`.
    pub(crate) async fn upload_json<B, T>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<JsonReply>
    where
        B: DeserializeOwned + Serialize + Validate + FileForm,
        T: DeserializeOwned,
    {
        let ids = call.ids(op)?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let url = op.url(self.api_url(), &ids, &[])?;
        let mut body: B = from_json(call.body.unwrap_or(b"{}"))?;
        if let Some(file) = &call.file {
            body.set_file(file.clone());
        }
        body.validate()?;
        let prepared = upload_call(op, url, &body, &call.options)?;
        let response = self.execute(&prepared).await?;
        checked::<T>(&prepared, response)
    }

    /// The URL of the list `op` for `call`: its ids, and its filters read as `Q`
    /// and validated.
    fn list_url<Q: ListQuery + DeserializeOwned>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<String> {
        let query: Q = call.query()?;
        let ids = call.ids(op)?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        op.url(self.api_url(), &ids, &query.query_pairs())
    }

    /// A pager whose pages read as `Paginated<T>`, filtered by `Q`.
    pub(crate) fn pager_json<Q, T>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<JsonPager>
    where
        Q: ListQuery + DeserializeOwned,
        T: DeserializeOwned,
    {
        let url = self.list_url::<Q>(op, call)?;
        Ok(JsonPager {
            cursor: Cursor::new(self.clone(), url),
            next_of: |body| {
                let page: Paginated<T> =
                    from_slice(body).map_err(|e| payroc_model::json::describe_error(&e))?;
                Ok(page.next_href().map(str::to_owned))
            },
        })
    }
}

fn prepare_json<B>(op: &'static Operation, call: &JsonCall<'_>, base: &str) -> Result<Call>
where
    B: DeserializeOwned + Serialize + Validate,
{
    let ids = call.ids(op)?;
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let url = op.url(base, &ids, &[])?;
    let body = match op.request {
        Some(_) => Some(encode(&call.body::<B>()?)?),
        None => None,
    };
    Ok(op.call(url, body, &call.options))
}

/// One call of the upload `op` at `url`: the form encoded once, so every retry sends
/// the same bytes under the same key.
fn upload_call<B: Serialize + FileForm>(
    op: &'static Operation,
    url: String,
    body: &B,
    options: &RequestOptions,
) -> Result<Call> {
    let fields = match serde_json::to_value(body) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => {
            return Err(Error::Configuration(
                "an upload's fields must be a JSON object".into(),
            ))
        }
        Err(e) => {
            return Err(Error::Configuration(format!(
                "cannot encode the request: {e}"
            )))
        }
    };
    let encoded = fields
        .iter()
        .map(|(name, value)| Ok((name.as_str(), encode(value)?)))
        .collect::<Result<Vec<_>>>()?;
    let mut parts: Vec<Part<'_>> = encoded
        .iter()
        .map(|(name, bytes)| Part::json(name, bytes))
        .collect();
    if let Some(file) = body.file() {
        parts.push(Part::file("file", file));
    }
    let form = multipart::encode(&parts);
    let mut call = op.call(url, Some(form.body), options);
    call.content_type = Some(form.content_type);
    Ok(call)
}

/// The request as JSON, once.
fn encode<B: Serialize + ?Sized>(body: &B) -> Result<Vec<u8>> {
    serde_json::to_vec(body)
        .map_err(|e| Error::Configuration(format!("cannot encode the request: {e}")))
}

fn unknown(name: &str, why: &str) -> Error {
    Error::Validation(ValidationError::single(
        "",
        format!("`{name}` {why} (`operations()` lists every operation)"),
        "unknown",
    ))
}

fn find_for(name: &str, api: Api) -> Result<&'static Operation> {
    match find(name) {
        Some(op) if op.api == api => Ok(op),
        Some(_) => Err(unknown(name, "belongs to the other client")),
        None => Err(unknown(name, "is not an operation")),
    }
}

/// The pages of a list as the server's JSON, each checked against the item type.
pub struct JsonPager {
    cursor: Cursor,
    next_of: fn(&[u8]) -> std::result::Result<Option<String>, String>,
}

impl std::fmt::Debug for JsonPager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonPager")
            .field("cursor", &self.cursor)
            .finish()
    }
}

impl JsonPager {
    /// The next page's JSON, or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<Vec<u8>>> {
        let next_of = self.next_of;
        self.cursor
            .next_raw(|body| {
                if nests_too_deep(body) {
                    return Err(("a page of the list", too_deep()));
                }
                next_of(body).map_err(|m| ("a page of the list", m))
            })
            .await
    }
}

impl PaytraceClient {
    /// Runs the PayTrace operation named `name` with JSON arguments (ids are
    /// integers), for the bindings.
    pub async fn call_json(&self, name: &str, call: &JsonCall<'_>) -> Result<JsonReply> {
        let op = find_for(name, Api::Paytrace)?;
        generated::dispatch_paytrace(self, op, call).await
    }

    /// Runs `op` with typed ids and body (what the generated methods call).
    pub(crate) async fn invoke<B, T>(
        &self,
        op: &'static Operation,
        ids: &[i64],
        body: Option<&B>,
        options: &RequestOptions,
    ) -> Result<T>
    where
        B: Serialize + Validate + ?Sized,
        T: DeserializeOwned,
    {
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let call = op.prepare(self.base_url(), &ids, &[], body, options)?;
        let response = self.execute(&call).await?;
        decode(&call, &response)
    }

    /// A JSON call of a PayTrace operation: body `B`, reply checked as `T`.
    pub(crate) async fn rest_json<B, T>(
        &self,
        op: &'static Operation,
        call: &JsonCall<'_>,
    ) -> Result<JsonReply>
    where
        B: DeserializeOwned + Serialize + Validate,
        T: DeserializeOwned,
    {
        let prepared = prepare_json::<B>(op, call, self.base_url())?;
        let response = self.execute(&prepared).await?;
        checked::<T>(&prepared, response)
    }
}
