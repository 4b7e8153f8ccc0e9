//! The hostile server's faults, over real HTTP: each is queued for the next matching
//! request, does exactly what the crate README says (handled or not, what it answers),
//! and is recorded in `/_mock/requests` under its name.

mod common;

use common::{link_body, new_key, Harness, LINKS};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TERMINAL: &str = "1234001";
const DEVICE: &str = "1850010868";

/// Queues one fault on `method path…`; `extra` adds fields (e.g. `location`).
async fn queue(h: &Harness, fault: &str, method: &str, prefix: &str, extra: Value) {
    let mut item = json!({"fault": fault, "method": method, "pathPrefix": prefix});
    if let (Some(item), Some(extra)) = (item.as_object_mut(), extra.as_object()) {
        item.extend(extra.clone());
    }
    let reply = h
        .control("POST", "/_mock/faults/next", Some(&json!([item])))
        .await;
    assert_eq!(reply.status, 204, "{fault}: {:?}", reply.body);
}

/// The links the emulator holds.
async fn links(h: &Harness) -> usize {
    h.control("GET", "/_mock/ledger", None).await.body["paymentLinks"]
        .as_array()
        .map_or(0, Vec::len)
}

/// The fault names the request log holds, oldest first.
async fn logged_faults(h: &Harness) -> Vec<String> {
    h.control("GET", "/_mock/requests", None)
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["fault"].as_str().map(str::to_owned))
        .collect()
}

/// A link-create request with `key`, not yet sent.
fn create_link(h: &Harness, client: &reqwest::Client, key: &str) -> reqwest::RequestBuilder {
    client
        .post(h.url(LINKS))
        .bearer_auth(&h.token)
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(link_body("HOSTILE").to_string())
}

#[tokio::test]
async fn commit_then_garble_commits_and_answers_unreadable_json() {
    let h = Harness::new().await;
    queue(&h, "commitThenGarble", "POST", LINKS, json!({})).await;
    let key = new_key();
    let response = create_link(&h, &h.http, &key).send().await.unwrap();
    assert_eq!(response.status(), 201, "the real status");
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "a JSON reply that is not JSON"
    );
    let body = response.text().await.unwrap();
    assert_eq!(body, "{\"paymentId\": ");
    assert!(serde_json::from_str::<Value>(&body).is_err());
    assert_eq!(links(&h).await, 1, "the request took effect");

    let retry = create_link(&h, &h.http, &key).send().await.unwrap();
    assert_eq!(retry.status(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let replayed: Value = serde_json::from_slice(&retry.bytes().await.unwrap()).unwrap();
    assert!(replayed["paymentLinkId"].is_string(), "{replayed}");
    assert_eq!(
        links(&h).await,
        1,
        "the retry replayed the committed outcome"
    );
    assert_eq!(logged_faults(&h).await, ["commitThenGarble"]);
}

#[tokio::test]
async fn commit_then_garble_leaves_an_error_as_it_is() {
    let h = Harness::new().await;
    queue(&h, "commitThenGarble", "POST", LINKS, json!({})).await;
    let reply = h.post(LINKS, &json!({"type": "multiUse"})).await;
    assert_eq!(
        reply.status, 400,
        "a refusal changed nothing: nothing to hide"
    );
    assert!(reply.body["errors"].is_array(), "{:?}", reply.body);
}

#[tokio::test]
async fn a_redirect_is_answered_without_handling() {
    let h = Harness::new().await;
    let no_follow = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let elsewhere = "http://elsewhere.invalid/v1/processing-terminals/1001/payment-links";
    queue(
        &h,
        "redirect",
        "POST",
        LINKS,
        json!({"location": elsewhere}),
    )
    .await;
    let response = create_link(&h, &no_follow, &new_key())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 307);
    assert_eq!(response.headers()["location"], elsewhere);
    assert_eq!(links(&h).await, 0, "not handled");
    assert_eq!(logged_faults(&h).await, ["redirect"]);
}

#[tokio::test]
async fn a_redirect_fault_needs_a_location() {
    let h = Harness::new().await;
    for item in [
        json!({"fault": "redirect"}),
        json!({"fault": "redirect", "location": ""}),
    ] {
        let reply = h
            .control("POST", "/_mock/faults/next", Some(&json!([item])))
            .await;
        assert_eq!(reply.status, 400, "{item}");
        assert!(reply.body["detail"].as_str().unwrap().contains("location"));
    }
    // Nothing was queued: the next request is served normally.
    assert_eq!(h.post(LINKS, &link_body("AFTER")).await.status, 201);
}

#[tokio::test]
async fn an_endless_body_goes_on_until_the_client_leaves() {
    let h = Harness::new().await;
    queue(&h, "endlessBody", "GET", LINKS, json!({})).await;
    let mut response = h
        .http
        .get(h.url(LINKS))
        .bearer_auth(&h.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(
        response.headers().get("content-length").is_none(),
        "chunked"
    );
    let mut read = Vec::new();
    let started = std::time::Instant::now();
    while read.len() < 8 << 20 {
        let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
            .await
            .expect("the body keeps coming")
            .unwrap()
            .expect("the body never ends");
        read.extend_from_slice(&chunk);
    }
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "at least 1 MB/s: {:?} for 8 MiB",
        started.elapsed()
    );
    assert!(read.starts_with(b"[0,0,0,"), "{:?}", &read[..16]);
    drop(response);
    // The emulator is still serving.
    assert_eq!(h.get(LINKS).await.status, 200);
    assert_eq!(logged_faults(&h).await, ["endlessBody"]);
}

#[tokio::test]
async fn a_huge_error_has_a_20_mb_detail() {
    let h = Harness::new().await;
    queue(&h, "hugeError", "POST", LINKS, json!({})).await;
    let response = create_link(&h, &h.http, &new_key()).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["status"], 400);
    assert_eq!(body["detail"].as_str().unwrap().len(), 20 * 1024 * 1024);
    assert_eq!(links(&h).await, 0, "not handled");
    assert_eq!(logged_faults(&h).await, ["hugeError"]);
}

#[tokio::test]
async fn a_hang_never_answers() {
    let h = Harness::new().await;
    queue(&h, "hang", "POST", LINKS, json!({})).await;
    let mut stream = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    let body = link_body("HANG").to_string();
    let request = format!(
        "POST {LINKS} HTTP/1.1\r\nhost: {}\r\nauthorization: Bearer {}\r\n\
         idempotency-key: {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        h.server.addr(),
        h.token,
        new_key(),
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(Duration::from_millis(700), stream.read(&mut buf)).await;
    assert!(read.is_err(), "no answer, not even a close: {read:?}");
    // The client going away (its write side closed) ends the hang: the emulator
    // closes its side too instead of holding the connection for ever.
    stream.shutdown().await.unwrap();
    let read = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buf)).await;
    assert!(
        matches!(read, Ok(Ok(0) | Err(_))),
        "the emulator let go: {read:?}"
    );
    assert_eq!(links(&h).await, 0, "not handled");

    // A client with a timeout sees it fire.
    queue(&h, "hang", "POST", LINKS, json!({})).await;
    let err = create_link(&h, &h.http, &new_key())
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert_eq!(links(&h).await, 0);
    assert_eq!(logged_faults(&h).await, ["hang", "hang"]);
    assert_eq!(h.post(LINKS, &link_body("AFTER")).await.status, 201);
}

#[tokio::test]
async fn card_echo_quotes_card_data_in_the_problem() {
    let h = Harness::new().await;
    queue(&h, "cardEcho", "POST", "/v1/payments", json!({})).await;
    let reply = h.post("/v1/payments", &json!({})).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    for text in [
        reply.body["detail"].as_str().unwrap(),
        reply.body["errors"][0]["message"].as_str().unwrap(),
    ] {
        assert!(text.contains("4111111111111111"), "{text}");
        assert!(text.contains("cvv 737"), "{text}");
    }
    assert_eq!(logged_faults(&h).await, ["cardEcho"]);
}

/// Submits an instruction that never finishes on its own (amount `..93`).
async fn stuck_instruction(h: &Harness, kind: &str) -> String {
    let mut order = json!({"orderId": format!("RACE-{kind}"), "amount": 1093, "currency": "USD"});
    if kind == "refund" {
        order["description"] = json!("return");
    }
    let reply = h
        .post(
            &format!("/v1/devices/{DEVICE}/{kind}-instructions"),
            &json!({"processingTerminalId": TERMINAL, "order": order}),
        )
        .await;
    assert_eq!(reply.status, 202, "{:?}", reply.body);
    reply.body[format!("{kind}InstructionId")]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn complete_on_cancel_finishes_the_instruction_then_refuses_the_cancel() {
    let h = Harness::new().await;
    for (kind, rel, made) in [
        ("payment", "payment", "paymentId"),
        ("refund", "refund", "refundId"),
    ] {
        let id = stuck_instruction(&h, kind).await;
        let path = format!("/v1/{kind}-instructions/{id}");
        queue(
            &h,
            "completeOnCancel",
            "DELETE",
            &format!("/v1/{kind}-instructions"),
            json!({}),
        )
        .await;
        let cancel = h.send("DELETE", &path, None, None).await;
        assert_eq!(cancel.status, 409, "{kind}: {:?}", cancel.body);
        assert!(
            cancel.body["detail"]
                .as_str()
                .unwrap()
                .contains("completed"),
            "{:?}",
            cancel.body
        );

        let instruction = h.get(&path).await;
        assert_eq!(instruction.body["status"], "completed", "{kind}");
        assert_eq!(instruction.body["link"]["rel"], rel);
        let href = instruction.body["link"]["href"].as_str().unwrap();
        let made_path = href.strip_prefix(h.server.base_url().as_str()).unwrap();
        let resource = h.get(made_path).await;
        assert_eq!(resource.status, 200, "{kind}: the {rel} exists");
        assert!(resource.body[made].is_string(), "{:?}", resource.body);
    }
    assert_eq!(
        logged_faults(&h).await,
        ["completeOnCancel", "completeOnCancel"]
    );
    // Cancelled normally, an instruction stays cancelled and makes nothing.
    let id = stuck_instruction(&h, "payment").await;
    let path = format!("/v1/payment-instructions/{id}");
    assert_eq!(h.send("DELETE", &path, None, None).await.status, 204);
    assert_eq!(h.get(&path).await.body["status"], "canceled");
}

#[tokio::test]
async fn a_finished_device_does_not_complete_a_cancelled_instruction_later() {
    // The simulated device's work is dropped with the cancel: an instruction the
    // device would have finished after 50 ms stays cancelled, and nothing is made.
    let h = Harness::new().await;
    let reply = h
        .post(
            &format!("/v1/devices/{DEVICE}/payment-instructions"),
            &json!({"processingTerminalId": TERMINAL,
                    "order": {"orderId": "LATE", "amount": 1000, "currency": "USD"}}),
        )
        .await;
    let id = reply.body["paymentInstructionId"].as_str().unwrap();
    let path = format!("/v1/payment-instructions/{id}");
    assert_eq!(h.send("DELETE", &path, None, None).await.status, 204);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(h.get(&path).await.body["status"], "canceled");
    let ledger = h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(ledger["payments"].as_array().map_or(0, Vec::len), 0);
}
