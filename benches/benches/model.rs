//! payroc-model on the hot path: serialize a full payment request, parse a full
//! retrieved payment, validate a request. Targets: < 2 µs, < 5 µs, < 1 µs. Also reading
//! a request from JSON text, as the C ABI and the Python module do.

use criterion::{criterion_group, criterion_main, Criterion};
use payroc_benches::{full_payment_request, FULL_PAYMENT_RESPONSE};
use payroc_model::payment::Payment;
use payroc_model::Validate;
use std::hint::black_box;

fn model(c: &mut Criterion) {
    let request = full_payment_request("ORD-BENCH-0001", "296753123458");
    c.bench_function("serialize full payment request", |b| {
        b.iter(|| serde_json::to_vec(black_box(&request)).unwrap())
    });
    // As payroc-core reads a reply: bytes, their UTF-8 checked, then the payment.
    c.bench_function("parse full retrieved payment", |b| {
        b.iter(|| {
            payroc_model::json::from_slice::<Payment>(black_box(FULL_PAYMENT_RESPONSE.as_bytes()))
                .unwrap()
        })
    });
    let request_json = serde_json::to_vec(&request).unwrap();
    c.bench_function("read and validate a full payment request from JSON", |b| {
        b.iter(|| {
            payroc_model::json::parse_request::<payroc_model::payment::PaymentRequest>(black_box(
                &request_json,
            ))
            .unwrap()
        })
    });
    c.bench_function("validate full payment request", |b| {
        b.iter(|| black_box(&request).validate().unwrap())
    });
}

criterion_group!(benches, model);
criterion_main!(benches);
