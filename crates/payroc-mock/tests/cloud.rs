//! Payroc Cloud instructions against the emulator, over plain HTTP: the simulated
//! device, the long poll, cancellation, the amount triggers and the resources made.

mod common;

use common::{Harness, Reply};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const TERMINAL: &str = "1234001";
const DEVICE: &str = "1850010868";

/// Long polls held far longer than any test takes, so "answered when the device
/// finished, not when the hold ran out" is told apart by seconds, not milliseconds,
/// however loaded the machine is.
const LONG_HOLD: Duration = Duration::from_secs(30);

/// An emulator whose long polls are held for [`LONG_HOLD`].
async fn long_hold() -> Harness {
    Harness::start(payroc_mock::MockConfig {
        long_poll_hold: LONG_HOLD,
        ..payroc_mock::MockConfig::for_tests()
    })
    .await
}

fn payment_instruction(order_id: &str, amount: i64) -> Value {
    json!({
        "processingTerminalId": TERMINAL,
        "order": {"orderId": order_id, "amount": amount, "currency": "USD"}
    })
}

fn refund_instruction(order_id: &str, amount: i64) -> Value {
    json!({
        "processingTerminalId": TERMINAL,
        "order": {"orderId": order_id, "amount": amount, "currency": "USD", "description": "return"}
    })
}

fn params(reply: &Reply) -> Vec<String> {
    reply.body["errors"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|e| e["parameter"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn path_of<'a>(h: &Harness, href: &'a str) -> &'a str {
    let base = h.server.base_url();
    href.strip_prefix(base.as_str())
        .unwrap_or_else(|| panic!("{href} is not under {base}"))
}

/// Submits an instruction and checks the `202` shape; returns the body.
async fn submit(h: &Harness, kind: &str, body: &Value) -> Value {
    let reply = h
        .post(&format!("/v1/devices/{DEVICE}/{kind}-instructions"), body)
        .await;
    assert_eq!(reply.status, 202, "{:?}", reply.body);
    let id = reply.body[format!("{kind}InstructionId")]
        .as_str()
        .expect("instruction id")
        .to_owned();
    assert_eq!(id.len(), 32);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(reply.body["status"], "inProgress");
    assert_eq!(reply.body["link"]["rel"], "self");
    assert_eq!(reply.body["link"]["method"], "GET");
    assert_eq!(
        reply.body["link"]["href"],
        format!("{}/v1/{kind}-instructions/{id}", h.server.base_url())
    );
    reply.body
}

fn self_path(h: &Harness, instruction: &Value) -> String {
    path_of(h, instruction["link"]["href"].as_str().unwrap()).to_owned()
}

#[tokio::test]
async fn a_poll_returns_as_soon_as_the_payment_is_made_and_the_link_leads_to_it() {
    let h = long_hold().await;
    let submitted = submit(&h, "payment", &payment_instruction("CLOUD-1", 4999)).await;
    let poll = self_path(&h, &submitted);

    let started = Instant::now();
    let done = h.get(&poll).await;
    let waited = started.elapsed();
    assert_eq!(done.status, 200);
    assert_eq!(done.body["status"], "completed", "{:?}", done.body);
    assert!(
        waited < LONG_HOLD / 2,
        "the poll should end when the device finishes (≈50 ms), not after the hold: {waited:?}"
    );
    assert_eq!(
        done.body["paymentInstructionId"],
        submitted["paymentInstructionId"]
    );
    assert_eq!(done.body["link"]["rel"], "payment");
    let href = done.body["link"]["href"].as_str().unwrap();
    assert!(
        href.starts_with(&format!("{}/v1/payments/", h.server.base_url())),
        "{href}"
    );

    let payment = h.get(path_of(&h, href)).await;
    assert_eq!(payment.status, 200);
    assert_ne!(payment.body["paymentId"], submitted["paymentInstructionId"]);
    assert_eq!(payment.body["card"]["entryMethod"], "icc");
    assert_eq!(payment.body["card"]["cardNumber"], "453985******7062");
    assert_eq!(payment.body["transactionResult"]["responseCode"], "A");
    assert_eq!(payment.body["transactionResult"]["status"], "ready");
    assert_eq!(payment.body["order"]["orderId"], "CLOUD-1");
    assert_eq!(payment.body["order"]["amount"], 4999);

    // A finished instruction answers at once, and can no longer be cancelled.
    let started = Instant::now();
    assert_eq!(h.get(&poll).await.body["status"], "completed");
    assert!(started.elapsed() < LONG_HOLD / 2, "not held");
    let cancel = h.send("DELETE", &poll, None, None).await;
    assert_eq!(cancel.status, 409);

    let counters = h.control("GET", "/_mock/counters", None).await;
    assert_eq!(counters.body["paymentsPerOrderId"]["CLOUD-1"], 1);
    let ledger = h.control("GET", "/_mock/ledger", None).await;
    assert_eq!(ledger.body["cloudInstructions"][0]["status"], "completed");
    assert_eq!(ledger.body["cloudInstructions"][0]["serialNumber"], DEVICE);
}

#[tokio::test]
async fn a_hanging_instruction_holds_the_poll_for_the_hold_time_until_cancelled() {
    let h = Harness::new().await;
    let submitted = submit(&h, "payment", &payment_instruction("HANG-1", 1093)).await;
    let poll = self_path(&h, &submitted);

    let started = Instant::now();
    let held = h.get(&poll).await;
    let waited = started.elapsed();
    assert_eq!(held.status, 200);
    assert_eq!(held.body["status"], "inProgress");
    // The hold (2 s here) is a floor; above it only a generous ceiling, as a loaded
    // machine may answer late.
    assert!(
        waited >= Duration::from_secs(2) && waited < Duration::from_secs(20),
        "held for {waited:?}, expected the 2 s hold"
    );

    let cancelled = h.send("DELETE", &poll, None, None).await;
    assert_eq!(cancelled.status, 204);
    assert_eq!(cancelled.body, Value::Null);
    let after = h.get(&poll).await;
    assert_eq!(after.body["status"], "canceled");
    let again = h.send("DELETE", &poll, None, None).await;
    assert_eq!(again.status, 409);
    let ledger = h.control("GET", "/_mock/ledger", None).await;
    assert!(
        ledger.body["payments"].as_array().is_none_or(Vec::is_empty),
        "a cancelled instruction makes no payment"
    );
}

#[tokio::test]
async fn cancelling_wakes_a_held_poll() {
    let h = long_hold().await;
    let submitted = submit(&h, "refund", &refund_instruction("HANG-2", 593)).await;
    let poll = self_path(&h, &submitted);
    let url = h.url(&poll);
    let http = h.http.clone();
    let token = h.token.clone();
    let started = Instant::now();
    let waiting = tokio::spawn(async move {
        let reply = http.get(url).bearer_auth(token).send().await.unwrap();
        let body: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
        (body, started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(h.send("DELETE", &poll, None, None).await.status, 204);
    let (body, waited) = waiting.await.unwrap();
    assert_eq!(body["status"], "canceled");
    assert!(
        waited < LONG_HOLD / 2,
        "woken after {waited:?}, not by the cancel"
    );
}

#[tokio::test]
async fn failure_and_cancel_triggers() {
    let h = Harness::new().await;
    let failed = submit(&h, "payment", &payment_instruction("FAIL-1", 2091)).await;
    let failed = h.get(&self_path(&h, &failed)).await;
    assert_eq!(failed.body["status"], "failure");
    assert!(failed.body["errorMessage"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    assert_eq!(failed.body["link"]["rel"], "self");
    let poll = path_of(&h, failed.body["link"]["href"].as_str().unwrap()).to_owned();
    assert_eq!(h.send("DELETE", &poll, None, None).await.status, 409);

    let cancelled = submit(&h, "payment", &payment_instruction("CANCEL-1", 2092)).await;
    let cancelled = h.get(&self_path(&h, &cancelled)).await;
    assert_eq!(cancelled.body["status"], "canceled");
    assert!(cancelled.body.get("errorMessage").is_none());

    let refund_failed = submit(&h, "refund", &refund_instruction("FAIL-2", 191)).await;
    assert_eq!(
        h.get(&self_path(&h, &refund_failed)).await.body["status"],
        "failure"
    );

    let ledger = h.control("GET", "/_mock/ledger", None).await;
    assert!(ledger.body["payments"].as_array().is_none_or(Vec::is_empty));
}

#[tokio::test]
async fn a_completed_instruction_can_hold_a_declined_payment() {
    let h = Harness::new().await;
    for (amount, code, status) in [
        (3001, "D", "declined"),
        (3002, "P", "ready"),
        (3003, "R", "referral"),
        (3004, "E", "pending"),
    ] {
        let submitted = submit(
            &h,
            "payment",
            &payment_instruction(&format!("T-{amount}"), amount),
        )
        .await;
        let done = h.get(&self_path(&h, &submitted)).await;
        assert_eq!(done.body["status"], "completed");
        let payment = h
            .get(path_of(&h, done.body["link"]["href"].as_str().unwrap()))
            .await;
        assert_eq!(payment.body["transactionResult"]["responseCode"], code);
        assert_eq!(payment.body["transactionResult"]["status"], status);
    }
}

#[tokio::test]
async fn cloud_payments_honour_tokenize_pre_auth_and_the_breakdown() {
    let h = Harness::new().await;
    let mut body = payment_instruction("TOK-1", 2500);
    body["credentialOnFile"] = json!({"tokenize": true, "secureTokenId": "CLOUD-TOKEN"});
    body["autoCapture"] = json!(false);
    body["customer"] = json!({"firstName": "Sarah", "lastName": "Hopper"});
    body["order"]["breakdown"] = json!({"subtotal": 2000, "tip": {"type": "fixedAmount", "amount": 500},
        "taxes": [{"type": "rate", "rate": 5.0, "name": "VAT"}]});
    let submitted = submit(&h, "payment", &body).await;
    let done = h.get(&self_path(&h, &submitted)).await;
    assert_eq!(done.body["status"], "completed");
    let payment = h
        .get(path_of(&h, done.body["link"]["href"].as_str().unwrap()))
        .await;
    assert_eq!(
        payment.body["card"]["secureToken"]["secureTokenId"],
        "CLOUD-TOKEN"
    );
    assert_eq!(
        payment.body["card"]["secureToken"]["customerName"],
        "Sarah Hopper"
    );
    assert_eq!(
        payment.body["transactionResult"]["type"],
        "preAuthorization"
    );
    assert_eq!(
        payment.body["order"]["breakdown"]["taxes"][0]["amount"],
        100
    );
    let token = h
        .get(&format!(
            "/v1/processing-terminals/{TERMINAL}/secure-tokens/CLOUD-TOKEN"
        ))
        .await;
    assert_eq!(token.status, 200);

    // The same id again: the gateway refuses to save it, so the instruction fails.
    let submitted = submit(&h, "payment", &body).await;
    let failed = h.get(&self_path(&h, &submitted)).await;
    assert_eq!(failed.body["status"], "failure");
    assert!(
        failed.body["errorMessage"]
            .as_str()
            .unwrap()
            .contains("CLOUD-TOKEN"),
        "{:?}",
        failed.body
    );
}

#[tokio::test]
async fn refund_instructions_make_unreferenced_refunds() {
    let h = Harness::new().await;
    let submitted = submit(&h, "refund", &refund_instruction("CREF-1", 1250)).await;
    let done = h.get(&self_path(&h, &submitted)).await;
    assert_eq!(done.body["status"], "completed");
    assert_eq!(
        done.body["refundInstructionId"],
        submitted["refundInstructionId"]
    );
    assert_eq!(done.body["link"]["rel"], "refund");
    let href = done.body["link"]["href"].as_str().unwrap();
    assert!(href.starts_with(&format!("{}/v1/refunds/", h.server.base_url())));
    let refund = h.get(path_of(&h, href)).await;
    assert_eq!(refund.status, 200);
    assert_eq!(refund.body["order"]["orderId"], "CREF-1");
    assert_eq!(refund.body["order"]["description"], "return");
    assert_eq!(refund.body["card"]["entryMethod"], "icc");
    assert_eq!(refund.body["transactionResult"]["authorizedAmount"], -1250);

    let mut missing = refund_instruction("CREF-2", 10);
    missing["order"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    let reply = h
        .post(
            &format!("/v1/devices/{DEVICE}/refund-instructions"),
            &missing,
        )
        .await;
    assert_eq!(reply.status, 400);
}

#[tokio::test]
async fn signature_instructions_capture_a_png() {
    let h = Harness::new().await;
    let submitted = submit(&h, "signature", &json!({"processingTerminalId": TERMINAL})).await;
    let done = h.get(&self_path(&h, &submitted)).await;
    assert_eq!(done.body["status"], "completed");
    assert_eq!(done.body["link"]["rel"], "signature");
    let href = done.body["link"]["href"].as_str().unwrap();
    assert!(href.starts_with(&format!("{}/v1/signatures/", h.server.base_url())));
    let signature = h.get(path_of(&h, href)).await;
    assert_eq!(signature.status, 200);
    assert_eq!(signature.body["contentType"], "image/png");
    assert_eq!(signature.body["processingTerminalId"], TERMINAL);
    assert!(
        signature.body["signature"]
            .as_str()
            .unwrap()
            .starts_with("iVBORw0KGgo"),
        "Base64 of the PNG magic number"
    );
    assert!(payroc_model::validate::is_iso_date(
        signature.body["createdOn"].as_str().unwrap()
    ));
    assert_eq!(h.get("/v1/signatures/NOPE").await.status, 404);
}

#[tokio::test]
async fn unknown_devices_instructions_and_bad_bodies() {
    let h = Harness::new().await;
    for kind in ["payment", "refund", "signature"] {
        let unknown_device = h
            .post(
                &format!("/v1/devices/UNKNOWN-1/{kind}-instructions"),
                &refund_instruction("X", 10),
            )
            .await;
        assert_eq!(unknown_device.status, 404, "{kind}");
        let unknown_id = format!("/v1/{kind}-instructions/{}", "0".repeat(32));
        assert_eq!(h.get(&unknown_id).await.status, 404, "{kind}");
        assert_eq!(
            h.send("DELETE", &unknown_id, None, None).await.status,
            404,
            "{kind}"
        );
    }
    // An instruction id is only found under its own kind.
    let submitted = submit(&h, "payment", &payment_instruction("KIND-1", 1093)).await;
    let id = submitted["paymentInstructionId"].as_str().unwrap();
    assert_eq!(
        h.get(&format!("/v1/refund-instructions/{id}")).await.status,
        404
    );
    assert_eq!(h.get(&format!("/v1/payments/{id}")).await.status, 404);

    let bad = h
        .post(
            &format!("/v1/devices/{DEVICE}/payment-instructions"),
            &payment_instruction("BAD", 0),
        )
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(params(&bad), ["order.amount"]);
    let bad_signature = h
        .post(
            &format!("/v1/devices/{DEVICE}/signature-instructions"),
            &json!({"processingTerminalId": " "}),
        )
        .await;
    assert_eq!(params(&bad_signature), ["processingTerminalId"]);
}
