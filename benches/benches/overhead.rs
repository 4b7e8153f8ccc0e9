//! What payroc-core itself costs per call, without a network: a create-payment call
//! through a transport that answers at once from memory (the full retrieved payment).
//! Validation, serialization, the token read, the idempotency key, the retry loop and
//! parsing the response — the part of the loopback figures that is the SDK's own; and
//! the same call as the bindings make it, JSON in and JSON out ([`Client::call_json`]).

use criterion::{criterion_group, criterion_main, Criterion};
use payroc_benches::{full_payment_request, FULL_PAYMENT_RESPONSE};
use payroc_core::http::{BoxFuture, HttpRequest, HttpResponse, HttpTransport, TransportError};
use payroc_core::operations::JsonCall;
use payroc_core::Client;
use std::sync::Arc;

/// Answers `/authorize` with a token and anything else with the full payment, at once.
struct Instant;

impl HttpTransport for Instant {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let (status, body) = if request.url.ends_with("/authorize") {
            (
                200,
                r#"{"access_token":"bench","token_type":"Bearer","expires_in":3600}"#,
            )
        } else {
            (201, FULL_PAYMENT_RESPONSE)
        };
        Box::pin(std::future::ready(Ok(HttpResponse {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
        })))
    }
}

fn overhead(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key("bench")
        .base_urls(
            "https://api.example.test/v1",
            "https://identity.example.test",
        )
        .transport(Arc::new(Instant))
        .build()
        .unwrap();
    let request = full_payment_request("ORD-BENCH-0001", "296753123458");
    c.bench_function("create payment through payroc-core, no network", |b| {
        b.iter(|| rt.block_on(client.payments().create(&request)).unwrap())
    });
    // The same call as the bindings make it: JSON in, the server's JSON out.
    let body = serde_json::to_vec(&request).unwrap();
    let call = JsonCall {
        body: Some(&body),
        ..JsonCall::default()
    };
    c.bench_function("create payment through call_json, no network", |b| {
        b.iter(|| {
            rt.block_on(client.call_json("payments.create", &call))
                .unwrap()
        })
    });
}

criterion_group!(benches, overhead);
criterion_main!(benches);
