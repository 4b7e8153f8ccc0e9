//! Property-based fuzzing of every response parser: arbitrary bytes and arbitrary
//! JSON never panic — they parse or give an error. Run longer on demand with
//! `PROPTEST_CASES=100000 cargo test -p payroc-model --test fuzz_parsers`.

use payroc_model::cloud::{PaymentInstruction, RefundInstruction, Signature, SignatureInstruction};
use payroc_model::error::ProblemDetails;
use payroc_model::identity::IdentityToken;
use payroc_model::page::Paginated;
use payroc_model::payment::Payment;
use payroc_model::payment_link::{PaymentLink, PaymentLinkEmailShareEvent};
use payroc_model::paytrace::{
    PaytraceToken, PaytraceValidationError, RecurrenceExportResponse, RecurrenceResponse,
};
use payroc_model::refund::RetrievedRefund;
use payroc_model::secure_token::{SecureToken, SecureTokenWithAccountType, SingleUseToken};
use proptest::prelude::*;
use serde_json::Value;

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        // Names the parsers look for, so generated objects reach deep into them.
        prop::sample::select(vec![
            "card",
            "secureToken",
            "keyed",
            "plainText",
            "singleUse",
            "multiUse",
            "preset",
            "A",
            "USD",
            "inProgress",
            "completed",
            "next",
            "296753123458",
            "1230",
            "",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let key = prop::sample::select(vec![
            "type",
            "paymentId",
            "order",
            "card",
            "transactionResult",
            "responseCode",
            "status",
            "amount",
            "currency",
            "data",
            "links",
            "source",
            "token",
            "entryMethod",
            "keyedData",
            "dataFormat",
            "cardNumber",
            "charge",
            "assets",
            "link",
            "detail",
            "errors",
            "access_token",
            "expires_in",
            "recurrence",
            "recurrences",
            "id",
            "success",
            "response_code",
            "status_message",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

/// Parses `bytes` as every response type; any outcome but a panic is fine.
fn parse_all(bytes: &[u8]) {
    macro_rules! each {
        ($($t:ty),+ $(,)?) => { $( let _ = serde_json::from_slice::<$t>(bytes); )+ };
    }
    each!(
        IdentityToken,
        ProblemDetails,
        Payment,
        Paginated<Payment>,
        RetrievedRefund,
        Paginated<RetrievedRefund>,
        SecureToken,
        SecureTokenWithAccountType,
        Paginated<SecureTokenWithAccountType>,
        SingleUseToken,
        PaymentInstruction,
        RefundInstruction,
        SignatureInstruction,
        Signature,
        PaymentLink,
        Paginated<PaymentLink>,
        PaymentLinkEmailShareEvent,
        PaytraceToken,
        RecurrenceResponse,
        RecurrenceExportResponse,
        PaytraceValidationError,
    );
}

// The default configuration: 256 cases, or `PROPTEST_CASES` when set.
proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_all(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        parse_all(&serde_json::to_vec(&value).unwrap());
    }
}
