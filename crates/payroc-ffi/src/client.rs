//! `payroc_config` (settings gathered by setters) and the two clients made from it:
//! `payroc_client` (the Payroc API) and `payroc_paytrace_client` (PayTrace).

use crate::boundary::{guard, guard_value, out_ptr, payroc_result, read_str, write_out, BoxHandle};
use crate::error::{payroc_error, Failure};
use payroc_core::blocking::{BlockingClient, BlockingPaytraceClient, BlockingRuntime};
use payroc_core::paytrace::PaytraceClient;
use payroc_core::retry::RetryPolicy;
use payroc_core::{Client, Environment};
use std::ffi::c_char;
use std::time::Duration;

/// Which Payroc system a client talks to.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum payroc_environment {
    /// Payroc's test system (the default: nothing is charged by accident).
    PAYROC_ENVIRONMENT_UAT = 0,
    /// Live.
    PAYROC_ENVIRONMENT_PRODUCTION = 1,
}

/// Client settings, filled by the `payroc_config_set_*` functions and read by
/// `payroc_client_new` and `payroc_paytrace_client_new` (which copy them: the config
/// may be freed or reused right after). Made by `payroc_config_new`, freed by
/// `payroc_config_free`.
///
/// Thread safety: not thread-safe; set it up on one thread.
pub struct payroc_config {
    api_key: Option<String>,
    environment: Environment,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
    retry: RetryPolicy,
    user_agent: Option<String>,
    paytrace_url: Option<String>,
    paytrace_integrator_id: Option<String>,
    max_response_bytes: Option<usize>,
}

impl BoxHandle for payroc_config {}

impl payroc_config {
    fn payroc_builder(&self) -> payroc_core::ClientBuilder {
        let mut builder = Client::builder()
            .environment(self.environment.clone())
            .retry_policy(self.retry.clone());
        if let Some(key) = &self.api_key {
            builder = builder.api_key(key.clone());
        }
        if let Some(t) = self.connect_timeout {
            builder = builder.connect_timeout(t);
        }
        if let Some(t) = self.request_timeout {
            builder = builder.request_timeout(t);
        }
        if let Some(agent) = &self.user_agent {
            builder = builder.user_agent(agent.clone());
        }
        if let Some(bytes) = self.max_response_bytes {
            builder = builder.max_response_bytes(bytes);
        }
        builder
    }

    fn paytrace_builder(
        &self,
        username: &str,
        password: &str,
    ) -> payroc_core::paytrace::PaytraceClientBuilder {
        let mut builder = PaytraceClient::builder()
            .credentials(username, password)
            .retry_policy(self.retry.clone());
        if let Some(url) = &self.paytrace_url {
            builder = builder.base_url(url.clone());
        }
        if let Some(id) = &self.paytrace_integrator_id {
            builder = builder.integrator_id(id.clone());
        }
        if let Some(t) = self.request_timeout {
            builder = builder.request_timeout(t);
        }
        if let Some(bytes) = self.max_response_bytes {
            builder = builder.max_response_bytes(bytes);
        }
        builder
    }
}

/// Applies `set` to the config behind `config`.
fn with_config(
    config: *mut payroc_config,
    error_out: *mut *mut payroc_error,
    set: impl FnOnce(&mut payroc_config) -> Result<(), Failure>,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: `config` is NULL or a live config used by this thread only (contract).
        let config = unsafe { payroc_config::borrow_mut(config, "config") }?;
        set(config)
    })
}

fn millis(value: u64, name: &str) -> Result<Duration, Failure> {
    if value == 0 {
        Err(Failure::invalid(format!("`{name}` must be above 0")))
    } else {
        Ok(Duration::from_millis(value))
    }
}

/// A config with the defaults: UAT, 10 s to connect, 60 s per attempt, the default
/// retry policy. Returns NULL only if memory ran out. Free with `payroc_config_free`.
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_config_new() -> *mut payroc_config {
    guard_value(std::ptr::null_mut(), || {
        payroc_config {
            api_key: None,
            environment: Environment::Uat,
            connect_timeout: None,
            request_timeout: None,
            retry: RetryPolicy::default(),
            user_agent: None,
            paytrace_url: None,
            paytrace_integrator_id: None,
            max_response_bytes: None,
        }
        .into_raw()
    })
}

/// Frees a config. NULL is a no-op.
///
/// # Safety
/// `config` is NULL or a config from `payroc_config_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_free(config: *mut payroc_config) {
    // SAFETY: guaranteed by the caller.
    guard_value((), || unsafe { payroc_config::free_raw(config) })
}

/// Sets the API key traded for bearer tokens (copied; required by `payroc_client_new`).
///
/// # Safety
/// `config` is NULL or a live config; `api_key` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_api_key(
    config: *mut payroc_config,
    api_key: *const c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        // SAFETY: guaranteed by the caller.
        let key = unsafe { read_str(api_key, "api_key") }?;
        c.api_key = Some(key.to_owned());
        Ok(())
    })
}

/// Chooses Payroc's UAT or production system (a `payroc_environment` value).
///
/// # Safety
/// `config` is NULL or a live config.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_environment(
    config: *mut payroc_config,
    environment: u32,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        c.environment = match environment {
            e if e == payroc_environment::PAYROC_ENVIRONMENT_UAT as u32 => Environment::Uat,
            e if e == payroc_environment::PAYROC_ENVIRONMENT_PRODUCTION as u32 => {
                Environment::Production
            }
            other => return Err(Failure::invalid(format!("unknown environment {other}"))),
        };
        Ok(())
    })
}

/// Uses other base URLs than an environment's, e.g. `payroc-mock`'s: the API's
/// (ending in `/v1`) and the identity service's (`/authorize` is appended). Plain
/// `http` is accepted for loopback hosts only (checked by `payroc_client_new`).
///
/// # Safety
/// `config` is NULL or a live config; the URLs are NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_base_urls(
    config: *mut payroc_config,
    api_url: *const c_char,
    identity_url: *const c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        // SAFETY: guaranteed by the caller.
        let api_url = unsafe { read_str(api_url, "api_url") }?;
        // SAFETY: guaranteed by the caller.
        let identity_url = unsafe { read_str(identity_url, "identity_url") }?;
        c.environment = Environment::Custom {
            api_url: api_url.to_owned(),
            identity_url: identity_url.to_owned(),
        };
        Ok(())
    })
}

/// Time allowed to open a connection, in milliseconds (default 10 000; 0 is refused).
///
/// # Safety
/// `config` is NULL or a live config.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_connect_timeout_ms(
    config: *mut payroc_config,
    timeout_ms: u64,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        c.connect_timeout = Some(millis(timeout_ms, "timeout_ms")?);
        Ok(())
    })
}

/// Time allowed for one attempt of a call, in milliseconds (default 60 000; 0 is
/// refused). Long polls of Cloud instructions get the gateway's hold time instead.
///
/// # Safety
/// `config` is NULL or a live config.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_request_timeout_ms(
    config: *mut payroc_config,
    timeout_ms: u64,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        c.request_timeout = Some(millis(timeout_ms, "timeout_ms")?);
        Ok(())
    })
}

/// The retry policy: at most `max_attempts` attempts per call (1 = never retry; 0 is
/// refused) within `max_elapsed_ms` milliseconds in all (0 keeps the default).
/// Retries reuse the call's idempotency key.
///
/// # Safety
/// `config` is NULL or a live config.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_retries(
    config: *mut payroc_config,
    max_attempts: u32,
    max_elapsed_ms: u64,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        if max_attempts == 0 {
            return Err(Failure::invalid("`max_attempts` must be at least 1"));
        }
        c.retry.max_attempts = max_attempts;
        if max_elapsed_ms > 0 {
            c.retry.max_elapsed = Duration::from_millis(max_elapsed_ms);
        }
        Ok(())
    })
}

/// The largest reply body read, in bytes, for both clients (default 16 MiB; 0 is
/// refused). A longer success reply is `PAYROC_RESULT_API_DECODE` (maybe processed
/// when the call changes something); a longer error reply keeps its status and code
/// with no problem details. Bounds the memory a broken or hostile server can make a
/// call use.
///
/// # Safety
/// `config` is NULL or a live config.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_max_response_bytes(
    config: *mut payroc_config,
    max_bytes: u64,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        if max_bytes == 0 {
            return Err(Failure::invalid("`max_bytes` must be above 0"));
        }
        c.max_response_bytes = Some(usize::try_from(max_bytes).unwrap_or(usize::MAX));
        Ok(())
    })
}

/// The `User-Agent` sent with every request (copied).
///
/// # Safety
/// `config` is NULL or a live config; `user_agent` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_user_agent(
    config: *mut payroc_config,
    user_agent: *const c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        // SAFETY: guaranteed by the caller.
        c.user_agent = Some(unsafe { read_str(user_agent, "user_agent") }?.to_owned());
        Ok(())
    })
}

/// The PayTrace base URL for `payroc_paytrace_client_new` (default: PayTrace's sandbox).
///
/// # Safety
/// `config` is NULL or a live config; `url` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_paytrace_url(
    config: *mut payroc_config,
    url: *const c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        // SAFETY: guaranteed by the caller.
        c.paytrace_url = Some(unsafe { read_str(url, "url") }?.to_owned());
        Ok(())
    })
}

/// The `X-Integrator-Id` PayTrace calls carry (at most 12 characters).
///
/// # Safety
/// `config` is NULL or a live config; `integrator_id` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn payroc_config_set_paytrace_integrator_id(
    config: *mut payroc_config,
    integrator_id: *const c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    with_config(config, error_out, |c| {
        // SAFETY: guaranteed by the caller.
        c.paytrace_integrator_id =
            // SAFETY: guaranteed by the caller (see `# Safety`).
            Some(unsafe { read_str(integrator_id, "integrator_id") }?.to_owned());
        Ok(())
    })
}

/// The Payroc API client: a connection pool and a bearer-token cache. It starts no
/// threads: each call does its I/O on the thread that makes it, which it blocks until
/// the call ends. Made by `payroc_client_new`, freed by `payroc_client_free`.
///
/// Thread safety: every function taking a `const payroc_client *` may be called from
/// many threads at once on the same client; each call blocks only its own thread.
pub struct payroc_client {
    pub(crate) inner: BlockingClient,
}

impl BoxHandle for payroc_client {}

// The header promises that clients may be shared between threads: hold the compiler to it.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<payroc_client>();
    shareable::<payroc_paytrace_client>();
};

/// Makes a client from `config` (copied). Nothing is sent yet: the first call fetches
/// a token. On success `*client_out` owns a new client for `payroc_client_free`.
///
/// Fails with `PAYROC_RESULT_INVALID_ARGUMENT` when no API key is set or a base URL is
/// unusable (not a URL, or plain http to a host that is not loopback).
///
/// Thread safety: safe from any thread (the config must not be changed meanwhile).
///
/// # Safety
/// `config` is NULL or a live config; `client_out` is NULL or points to writable
/// storage for one pointer; `error_out` is NULL or likewise.
#[no_mangle]
pub unsafe extern "C" fn payroc_client_new(
    config: *const payroc_config,
    client_out: *mut *mut payroc_client,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller.
        let config = unsafe { payroc_config::borrow(config, "config") }?;
        let out = out_ptr(client_out, "client_out")?;
        let inner = BlockingClient::new(config.payroc_builder())?;
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, payroc_client { inner }.into_raw()) };
        Ok(())
    })
}

/// Frees a client and closes its connections. NULL is a no-op. No call on it may be in
/// progress on another thread.
///
/// # Safety
/// `client` is NULL or a client from `payroc_client_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn payroc_client_free(client: *mut payroc_client) {
    // SAFETY: guaranteed by the caller.
    guard_value((), || unsafe { payroc_client::free_raw(client) })
}

/// The PayTrace recurring-payments client. Made by `payroc_paytrace_client_new`, freed
/// by `payroc_paytrace_client_free`.
///
/// Thread safety: as `payroc_client`: calls may run from many threads at once.
pub struct payroc_paytrace_client {
    pub(crate) inner: BlockingPaytraceClient,
}

impl BoxHandle for payroc_paytrace_client {}

/// Makes a PayTrace client with the API user's credentials (copied) and, from
/// `config`, the PayTrace URL, integrator id, request timeout and retries. On success
/// `*client_out` owns a new client for `payroc_paytrace_client_free`.
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// As `payroc_client_new`; `username` and `password` are NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn payroc_paytrace_client_new(
    config: *const payroc_config,
    username: *const c_char,
    password: *const c_char,
    client_out: *mut *mut payroc_paytrace_client,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller.
        let config = unsafe { payroc_config::borrow(config, "config") }?;
        // SAFETY: guaranteed by the caller.
        let username = unsafe { read_str(username, "username") }?;
        // SAFETY: guaranteed by the caller.
        let password = unsafe { read_str(password, "password") }?;
        let out = out_ptr(client_out, "client_out")?;
        let runtime = BlockingRuntime::new()?;
        let inner =
            BlockingPaytraceClient::new(config.paytrace_builder(username, password), runtime)?;
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, payroc_paytrace_client { inner }.into_raw()) };
        Ok(())
    })
}

/// Frees a PayTrace client. NULL is a no-op. No call on it may be in progress.
///
/// # Safety
/// `client` is NULL or a client from `payroc_paytrace_client_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn payroc_paytrace_client_free(client: *mut payroc_paytrace_client) {
    // SAFETY: guaranteed by the caller.
    guard_value((), || unsafe { payroc_paytrace_client::free_raw(client) })
}
