//! What every request passes before its handler, over HTTP: identity, bearer auth,
//! media type, idempotency (replay, conflict, 400s not stored), injected faults
//! (status faults, dropped connections, commit-then-drop, latency, seeded draws), the
//! control API, and the binary itself. Payment-link create is the idempotent POST.

mod common;

use common::{link_body, new_key, Harness, LINKS};
use payroc_mock::MockConfig;
use serde_json::{json, Value};
use std::io::BufRead;
use std::time::{Duration, Instant};

/// The create route as the counters name it.
const LINK_ROUTE: &str = "POST /v1/processing-terminals/{processingTerminalId}/payment-links";

/// Creates a link with `key` and returns status, headers and body, or the transport
/// error when the emulator drops the connection.
async fn raw_create(
    h: &Harness,
    key: &str,
    body: &Value,
) -> Result<(u16, reqwest::header::HeaderMap, Value), reqwest::Error> {
    let response = h
        .http
        .post(h.url(LINKS))
        .bearer_auth(&h.token)
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(serde_json::to_vec(body).unwrap())
        .send()
        .await?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await?;
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Ok((status, headers, body))
}

/// The links the emulator holds.
async fn ledger_links(h: &Harness) -> Vec<Value> {
    h.control("GET", "/_mock/ledger", None).await.body["paymentLinks"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `POST /authorize` with an optional API key: status, content type and body.
async fn authorize(base: &str, key: Option<&str>) -> (u16, Option<String>, Value) {
    let mut request = reqwest::Client::new().post(format!("{base}/authorize"));
    if let Some(key) = key {
        request = request.header("x-api-key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.bytes().await.unwrap();
    (
        status,
        content_type,
        serde_json::from_slice(&bytes).unwrap(),
    )
}

/// Whether a response came from the idempotency store.
fn replayed(headers: &reqwest::header::HeaderMap) -> bool {
    headers
        .get("idempotent-replayed")
        .is_some_and(|v| v == "true")
}

#[tokio::test]
async fn authorize_trades_an_api_key_for_a_bearer_token() {
    let h = Harness::new().await;
    let base = h.server.base_url();

    let (status, content_type, body) = authorize(&base, None).await;
    assert_eq!(status, 401);
    assert_eq!(content_type.as_deref(), Some("application/problem+json"));
    assert_eq!(body["status"], 401);
    assert_eq!(body["title"], "Unauthorized");
    let (status, _, _) = authorize(&base, Some("  ")).await;
    assert_eq!(status, 401, "a blank key is no key");

    let (status, _, body) = authorize(&base, Some("any-key")).await;
    assert_eq!(status, 200);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert!(!body["access_token"].as_str().unwrap().is_empty());
    assert_ne!(
        body["access_token"],
        h.token.as_str(),
        "every call issues a new token"
    );

    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["authorize"], 2, "the harness's and this one");
    assert_eq!(counters["requests"]["POST /authorize"], 4);
}

#[tokio::test]
async fn a_configured_api_key_is_the_only_one_accepted() {
    let server = payroc_mock::start(MockConfig {
        api_key: Some("sk_right".to_owned()),
        ..MockConfig::for_tests()
    })
    .await
    .unwrap();
    let base = server.base_url();
    let (status, _, body) = authorize(&base, Some("sk_wrong")).await;
    assert_eq!(status, 401);
    assert_eq!(body["detail"], "The API key is not valid");
    let (status, _, body) = authorize(&base, Some("sk_right")).await;
    assert_eq!(status, 200);
    assert!(body["access_token"].is_string());
}

#[tokio::test]
async fn tokens_live_as_long_as_configured() {
    let server = payroc_mock::start(MockConfig {
        token_lifetime: Duration::from_secs(90),
        ..MockConfig::for_tests()
    })
    .await
    .unwrap();
    let (_, _, body) = authorize(&server.base_url(), Some("k")).await;
    assert_eq!(body["expires_in"], 90);

    // A zero lifetime: the token is dead on arrival.
    let server = payroc_mock::start(MockConfig {
        token_lifetime: Duration::ZERO,
        ..MockConfig::for_tests()
    })
    .await
    .unwrap();
    let (status, _, body) = authorize(&server.base_url(), Some("k")).await;
    assert_eq!(status, 200);
    assert_eq!(body["expires_in"], 0);
    let reply = reqwest::Client::new()
        .get(format!("{}{LINKS}", server.base_url()))
        .bearer_auth(body["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 401);
}

#[tokio::test]
async fn api_calls_need_a_live_bearer_token() {
    let h = Harness::new().await;
    let url = h.url(LINKS);

    let missing = h.http.get(&url).send().await.unwrap();
    assert_eq!(missing.status(), 401);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = serde_json::from_slice(&missing.bytes().await.unwrap()).unwrap();
    assert_eq!(body["status"], 401);
    assert!(body["detail"].as_str().unwrap().contains("Bearer"));

    let invalid = h.http.get(&url).bearer_auth("forged").send().await.unwrap();
    assert_eq!(invalid.status(), 401);
    let basic = h
        .http
        .get(&url)
        .header("authorization", format!("Basic {}", h.token))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 401, "only the Bearer scheme counts");

    assert_eq!(h.get(LINKS).await.status, 200);
    let reply = h.control("POST", "/_mock/tokens/expire", None).await;
    assert_eq!(reply.status, 204);
    let expired = h.get(LINKS).await;
    assert_eq!(expired.status, 401);
    assert!(expired.body["detail"].as_str().unwrap().contains("expired"));
    // Nothing was created by a rejected POST either.
    assert_eq!(h.post(LINKS, &link_body("X")).await.status, 401);
    assert!(ledger_links(&h).await.is_empty());

    // A fresh token works again.
    let (_, _, body) = authorize(&h.server.base_url(), Some("k")).await;
    let fresh = h
        .http
        .get(&url)
        .bearer_auth(body["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), 200);
}

/// A link create with `content_type` (none if `None`) and a valid JSON body.
async fn create_with_content_type(h: &Harness, content_type: Option<&str>) -> (u16, Value) {
    let mut request = h
        .http
        .post(h.url(LINKS))
        .bearer_auth(&h.token)
        .header("idempotency-key", new_key())
        .body(serde_json::to_vec(&link_body("T")).unwrap());
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let reply = request.send().await.unwrap();
    let status = reply.status().as_u16();
    let body = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap_or(Value::Null);
    (status, body)
}

/// Sends `head` (request line and headers, without the blank line) and a chunked
/// `body` over a raw connection; returns the status line.
async fn raw_chunked(h: &Harness, head: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    let request = format!(
        "{head}\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn json_bodies_only() {
    let h = Harness::new().await;
    for content_type in [
        Some("text/plain"),
        None,
        Some(""),
        Some("application/jsonp"),
        Some("application/json-patch+json"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let (status, body) = create_with_content_type(&h, content_type).await;
        assert_eq!(status, 415, "{content_type:?}: {body}");
        assert_eq!(body["status"], 415);
        assert!(ledger_links(&h).await.is_empty(), "{content_type:?}");
    }
    // A chunked body without a Content-Type is a body all the same.
    let body = link_body("CHUNKED").to_string();
    let head = format!(
        "POST {LINKS} HTTP/1.1\r\nauthorization: Bearer {}\r\nidempotency-key: {}",
        h.token,
        new_key()
    );
    let status = raw_chunked(&h, &head, &body).await;
    assert!(status.contains(" 415 "), "{status}");
    assert!(ledger_links(&h).await.is_empty());
    let status = raw_chunked(
        &h,
        &format!("{head}\r\ncontent-type: application/json"),
        &body,
    )
    .await;
    assert!(status.contains(" 201 "), "the same, as JSON: {status}");

    // What the SDK sends, and the same media type written otherwise.
    let mut link = String::new();
    for content_type in ["application/json", "Application/JSON; charset=utf-8"] {
        let (status, body) = create_with_content_type(&h, Some(content_type)).await;
        assert_eq!(status, 201, "{content_type}: {body}");
        link = body["paymentLinkId"].as_str().unwrap().to_owned();
    }
    assert_eq!(ledger_links(&h).await.len(), 3);

    // A POST without a body needs no Content-Type (the SDK sends none).
    let deactivate = h
        .http
        .post(h.url(&format!("/v1/payment-links/{link}/deactivate")))
        .bearer_auth(&h.token)
        .send()
        .await
        .unwrap();
    assert_eq!(deactivate.status(), 200);
}

#[tokio::test]
async fn repeated_idempotency_key_or_authorization_headers_are_refused() {
    let h = Harness::new().await;
    for (name, first, second) in [
        ("Idempotency-Key", new_key(), new_key()),
        ("Idempotency-Key", new_key(), String::new()),
        (
            "Authorization",
            format!("Bearer {}", h.token),
            "Bearer other".to_owned(),
        ),
        (
            "Authorization",
            format!("Bearer {}", h.token),
            format!("Bearer {}", h.token),
        ),
    ] {
        let mut headers = reqwest::header::HeaderMap::new();
        for (header, value) in [
            ("authorization", format!("Bearer {}", h.token)),
            ("idempotency-key", new_key()),
        ] {
            if !header.eq_ignore_ascii_case(name) {
                headers.insert(header, value.parse().unwrap());
            }
        }
        let lower =
            reqwest::header::HeaderName::from_bytes(name.to_ascii_lowercase().as_bytes()).unwrap();
        headers.append(lower.clone(), first.parse().unwrap());
        headers.append(lower, second.parse().unwrap());
        let reply = h
            .http
            .post(h.url(LINKS))
            .headers(headers)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&link_body("TWICE")).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 400, "{name}");
        let body: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
        assert_eq!(body["errors"][0]["parameter"], name, "{body}");
        assert!(ledger_links(&h).await.is_empty(), "{name}: nothing created");
    }
    // Once each: created.
    assert_eq!(h.post(LINKS, &link_body("ONCE")).await.status, 201);
}

#[tokio::test]
async fn idempotency_key_must_be_present_and_a_uuid_v4() {
    let h = Harness::new().await;
    let reply = h.send("POST", LINKS, Some(&link_body("K")), None).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.body["errors"][0]["parameter"], "Idempotency-Key");
    assert_eq!(
        reply.body["errors"][0]["detail"],
        "Required field not populated"
    );

    for key in [
        "hello",
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8", // a v1 UUID
        "",
    ] {
        let reply = h
            .send("POST", LINKS, Some(&link_body("K")), Some(key))
            .await;
        assert_eq!(reply.status, 400, "{key:?}");
        assert_eq!(reply.body["errors"][0]["parameter"], "Idempotency-Key");
    }
    assert!(ledger_links(&h).await.is_empty());
}

#[tokio::test]
async fn the_same_key_and_body_replay_the_first_outcome() {
    let h = Harness::new().await;
    let key = new_key();
    let body = link_body("ONCE");

    let (status, headers, first) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 201);
    assert!(!replayed(&headers));
    let (status, headers, second) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 201);
    assert!(replayed(&headers), "{headers:?}");
    assert_eq!(second["paymentLinkId"], first["paymentLinkId"]);
    assert_eq!(second, first);

    let links = ledger_links(&h).await;
    assert_eq!(links.len(), 1, "one link, not two");
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["idempotentReplays"], 1);
    assert_eq!(counters["requests"][LINK_ROUTE], 2);

    // Same key, different body: a conflict, and still one link.
    let (status, _, conflict) = raw_create(&h, &key, &link_body("OTHER")).await.unwrap();
    assert_eq!(status, 409);
    assert_eq!(conflict["status"], 409);
    assert!(conflict["detail"]
        .as_str()
        .unwrap()
        .contains("idempotencyKeyInUse"));
    assert_eq!(ledger_links(&h).await.len(), 1);

    // The key is per operation: the same body under a new key is a new link.
    let (status, _, third) = raw_create(&h, &new_key(), &body).await.unwrap();
    assert_eq!(status, 201);
    assert_ne!(third["paymentLinkId"], first["paymentLinkId"]);
    assert_eq!(ledger_links(&h).await.len(), 2);
}

#[tokio::test]
async fn a_400_is_not_stored_so_the_fixed_body_can_reuse_the_key() {
    let h = Harness::new().await;
    let key = new_key();
    let mut bad = link_body("FIX");
    bad["paymentMethods"] = json!([]);
    let (status, _, body) = raw_create(&h, &key, &bad).await.unwrap();
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["parameter"], "paymentMethods");

    let (status, headers, created) = raw_create(&h, &key, &link_body("FIX")).await.unwrap();
    assert_eq!(status, 201);
    assert!(!replayed(&headers));
    let (status, headers, again) = raw_create(&h, &key, &link_body("FIX")).await.unwrap();
    assert_eq!(status, 201);
    assert!(replayed(&headers));
    assert_eq!(again["paymentLinkId"], created["paymentLinkId"]);
    assert_eq!(ledger_links(&h).await.len(), 1);
}

#[tokio::test]
async fn injected_status_faults_touch_nothing() {
    let h = Harness::new().await;
    let key = new_key();
    let body = link_body("F");

    let set = h
        .control("PUT", "/_mock/faults", Some(&json!({"error500": 1.0})))
        .await;
    assert_eq!(set.status, 200);
    assert_eq!(set.body["error500"], 1.0);
    let (status, _, problem) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 500);
    assert_eq!(problem["status"], 500);
    assert_eq!(h.get(LINKS).await.status, 500, "every request, GETs too");

    let set = h
        .control(
            "PUT",
            "/_mock/faults",
            Some(&json!({"error429": 1.0, "retryAfterSecs": 7})),
        )
        .await;
    assert_eq!(set.status, 200);
    let (status, headers, _) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 429);
    assert_eq!(headers["retry-after"], "7");
    assert_eq!(
        h.control("GET", "/_mock/faults", None).await.body["retryAfterSecs"],
        7
    );

    let off = h.control("PUT", "/_mock/faults", Some(&json!({}))).await;
    assert_eq!(off.status, 200);
    assert!(
        ledger_links(&h).await.is_empty(),
        "no fault created anything"
    );

    // Queued: exactly the next matching request, once.
    let queued = h
        .control(
            "POST",
            "/_mock/faults/next",
            Some(&json!([{"fault": "error503", "method": "POST", "pathPrefix": "/v1/processing-terminals"}])),
        )
        .await;
    assert_eq!(queued.status, 204);
    assert_eq!(h.get(LINKS).await.status, 200, "a GET does not match");
    let (status, _, _) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 503);
    // Server errors are not stored: the same key now goes through.
    let (status, headers, _) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 201);
    assert!(!replayed(&headers));
    assert_eq!(ledger_links(&h).await.len(), 1);

    let requests = h.control("GET", "/_mock/requests", None).await.body;
    let faults: Vec<&Value> = requests
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["idempotencyKey"] == key.as_str())
        .map(|r| &r["fault"])
        .collect();
    assert_eq!(
        faults,
        [
            &json!("error500"),
            &json!("error429"),
            &json!("error503"),
            &Value::Null
        ]
    );

    for bad in [
        json!({"error500": 1.5}),
        json!({"error500": 0.6, "reset": 0.6}),
    ] {
        let reply = h.control("PUT", "/_mock/faults", Some(&bad)).await;
        assert_eq!(reply.status, 400, "{bad}");
    }
    let reply = h
        .control(
            "POST",
            "/_mock/faults/next",
            Some(&json!([{"fault": "meteor"}])),
        )
        .await;
    assert_eq!(reply.status, 400);
}

#[tokio::test]
async fn a_reset_connection_created_nothing() {
    let h = Harness::new().await;
    let key = new_key();
    let body = link_body("RESET");
    h.control(
        "POST",
        "/_mock/faults/next",
        Some(&json!([{"fault": "reset", "method": "POST", "pathPrefix": LINKS}])),
    )
    .await;
    let err = raw_create(&h, &key, &body).await.unwrap_err();
    assert!(!err.is_status(), "a transport error, not a status: {err}");
    assert!(ledger_links(&h).await.is_empty(), "nothing was created");

    let (status, headers, _) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 201);
    assert!(!replayed(&headers), "the first attempt never ran");
    assert_eq!(ledger_links(&h).await.len(), 1);
}

#[tokio::test]
async fn commit_then_drop_creates_and_the_retry_replays() {
    let h = Harness::new().await;
    let key = new_key();
    let body = link_body("CTD");
    h.control(
        "POST",
        "/_mock/faults/next",
        Some(&json!([{"fault": "commitThenDrop", "method": "POST", "pathPrefix": "/v1/processing-terminals"}])),
    )
    .await;
    let err = raw_create(&h, &key, &body).await.unwrap_err();
    assert!(!err.is_status(), "the client saw no response: {err}");

    let links = ledger_links(&h).await;
    assert_eq!(links.len(), 1, "…but the link was created");
    let created_id = links[0]["link"]["paymentLinkId"].clone();

    let (status, headers, retried) = raw_create(&h, &key, &body).await.unwrap();
    assert_eq!(status, 201);
    assert!(replayed(&headers));
    assert_eq!(retried["paymentLinkId"], created_id);
    assert_eq!(ledger_links(&h).await.len(), 1, "exactly one link");

    let requests = h.control("GET", "/_mock/requests", None).await.body;
    let attempts: Vec<&Value> = requests
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["idempotencyKey"] == key.as_str())
        .collect();
    assert_eq!(attempts.len(), 2, "both attempts are logged with the key");
    assert_eq!(attempts[0]["fault"], "commitThenDrop");
    assert_eq!(attempts[0]["replayed"], false);
    assert_eq!(attempts[0]["route"], LINK_ROUTE.trim_start_matches("POST "));
    assert_eq!(attempts[0]["method"], "POST");
    assert_eq!(attempts[0]["path"], LINKS);
    assert_eq!(attempts[1]["fault"], Value::Null);
    assert_eq!(attempts[1]["replayed"], true);
}

#[tokio::test]
async fn latency_delays_every_request() {
    let h = Harness::new().await;
    let set = h
        .control("PUT", "/_mock/faults", Some(&json!({"latencyMs": 150})))
        .await;
    assert_eq!(set.status, 200);
    let started = Instant::now();
    assert_eq!(h.get(LINKS).await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    h.control("PUT", "/_mock/faults", Some(&json!({}))).await;
    assert_eq!(
        h.control("GET", "/_mock/faults", None).await.body["latencyMs"],
        0
    );
}

#[tokio::test]
async fn counters_count_requests_per_route() {
    let h = Harness::new().await;
    let first = h.post(LINKS, &link_body("C1")).await.body;
    h.post(
        "/v1/processing-terminals/2002/payment-links",
        &link_body("C2"),
    )
    .await;
    let id = first["paymentLinkId"].as_str().unwrap();
    h.get(&format!("/v1/payment-links/{id}")).await;
    h.get("/v1/payment-links/NOSUCHLINK").await;

    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(
        counters["requests"][LINK_ROUTE], 2,
        "one route, two terminals"
    );
    assert_eq!(
        counters["requests"]["GET /v1/payment-links/{paymentLinkId}"],
        2
    );
    assert_eq!(counters["requests"]["POST /authorize"], 1);
    assert_eq!(counters["authorize"], 1);
    assert_eq!(counters["idempotentReplays"], 0);

    // The control API is not counted.
    let again = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(again["requests"], counters["requests"]);
}

#[tokio::test]
async fn reset_forgets_everything() {
    let h = Harness::new().await;
    h.post(LINKS, &link_body("R")).await;
    h.control("PUT", "/_mock/faults", Some(&json!({"latencyMs": 5})))
        .await;
    assert_eq!(ledger_links(&h).await.len(), 1);

    let reply = h.control("POST", "/_mock/reset", None).await;
    assert_eq!(reply.status, 204);
    assert!(ledger_links(&h).await.is_empty());
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["authorize"], 0);
    assert_eq!(counters["requests"], json!({}));
    assert_eq!(
        h.control("GET", "/_mock/faults", None).await.body["latencyMs"],
        0
    );
    assert_eq!(
        h.control("GET", "/_mock/requests", None).await.body,
        json!([])
    );
    // Issued tokens are state too.
    assert_eq!(h.get(LINKS).await.status, 401);
}

/// The statuses of `n` requests to an emulator started with `seed` and drawing
/// 500/503/429 faults at random.
async fn fault_run(seed: u64, n: usize) -> Vec<u16> {
    let h = Harness::start(MockConfig {
        seed,
        ..MockConfig::for_tests()
    })
    .await;
    let set = h
        .control(
            "PUT",
            "/_mock/faults",
            Some(&json!({"error500": 0.2, "error503": 0.2, "error429": 0.2})),
        )
        .await;
    assert_eq!(set.status, 200);
    let mut statuses = Vec::with_capacity(n);
    for _ in 0..n {
        statuses.push(h.get("/v1/payment-links/NOSUCHLINK").await.status);
    }
    statuses
}

#[tokio::test]
async fn seeded_faults_are_reproducible() {
    let first = fault_run(42, 40).await;
    let second = fault_run(42, 40).await;
    assert_eq!(first, second, "same seed, same sequence");
    for status in [404, 500, 503, 429] {
        assert!(first.contains(&status), "{status} never drawn: {first:?}");
    }
    let other = fault_run(43, 40).await;
    assert_ne!(first, other, "another seed, another sequence");
}

#[tokio::test]
async fn unknown_routes_are_404_problems() {
    let h = Harness::new().await;
    let reply = h.get("/v1/no-such-resource").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.headers["content-type"], "application/problem+json");
    assert_eq!(reply.body["status"], 404);
    assert_eq!(reply.body["title"], "Not found");
    let outside = h.http.get(h.url("/nowhere")).send().await.unwrap();
    assert_eq!(outside.status(), 404);
    // A known path with the wrong method is not a route either.
    let reply = h.send("DELETE", LINKS, None, None).await;
    assert_eq!(reply.status, 405);
}

/// Kills the child even when an assertion fails first.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_binary_prints_its_url_and_serves() {
    let mut child = Child(
        std::process::Command::new(env!("CARGO_BIN_EXE_payroc-mock"))
            .args(["--port", "0", "--api-key", "sk_bin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the binary starts"),
    );
    let stdout = child.0.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        line
    })
    .await
    .unwrap();
    let base = line.trim_end().to_owned();
    let port = base
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("first line {line:?}"));
    assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "{line:?}");

    let (status, _, _) = authorize(&base, Some("wrong")).await;
    assert_eq!(status, 401, "--api-key is enforced");
    let (status, _, body) = authorize(&base, Some("sk_bin")).await;
    assert_eq!(status, 200);
    assert_eq!(body["token_type"], "Bearer");

    child.0.kill().unwrap();
    child.0.wait().unwrap();
}

#[test]
fn the_binary_lists_its_flags() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_payroc-mock"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--host",
        "--port",
        "--api-key",
        "--token-lifetime",
        "--instruction-delay-ms",
        "--long-poll-ms",
        "--paytrace-username",
        "--paytrace-password",
        "--fault-500",
        "--fault-503",
        "--fault-429",
        "--retry-after",
        "--fault-reset",
        "--fault-commit-then-drop",
        "--latency-ms",
        "--seed",
        "--header-read-timeout-ms",
        "--exit-with-parent",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    for route in payroc_mock::CONTROL_ROUTES {
        assert!(
            help.lines()
                .any(|l| l.contains(route.path) && l.contains(route.summary)),
            "{} {} missing from:\n{help}",
            route.method,
            route.path
        );
    }
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_payroc-mock"))
        .args(["--fault-500", "0.8", "--fault-reset", "0.8"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "rates adding up to more than 1");
}

/// Reads until the emulator closes the connection; how long that took, or `None` if
/// it was still open after `limit`.
async fn closed_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> Option<Duration> {
    use tokio::io::AsyncReadExt;
    let started = Instant::now();
    let mut sink = Vec::new();
    match tokio::time::timeout(limit, stream.read_to_end(&mut sink)).await {
        // A close (EOF) or a reset both let the connection go.
        Ok(_) => Some(started.elapsed()),
        Err(_) => None,
    }
}

#[tokio::test]
async fn a_slow_or_idle_connection_is_closed_after_the_header_read_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let timeout = Duration::from_millis(300);
    let h = Harness::start(MockConfig {
        header_read_timeout: timeout,
        ..MockConfig::for_tests()
    })
    .await;

    // Slowloris: half a request line, then nothing.
    let mut slow = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    slow.write_all(b"POST /v1/paym").await.unwrap();
    let closed = closed_within(&mut slow, Duration::from_secs(5)).await;
    assert!(
        closed.is_some(),
        "a half-sent request line holds the connection"
    );

    // Connected and silent.
    let mut silent = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    assert!(closed_within(&mut silent, Duration::from_secs(5))
        .await
        .is_some());

    // Kept alive after a request, then idle.
    let mut idle = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    idle.write_all(b"GET /_mock/counters HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let mut head = [0u8; 12];
    idle.read_exact(&mut head).await.unwrap();
    assert_eq!(&head, b"HTTP/1.1 200");
    let closed = closed_within(&mut idle, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "an idle kept-alive connection is let go");

    // The emulator still serves.
    assert_eq!(h.get(LINKS).await.status, 200);
}

#[tokio::test]
async fn the_header_read_timeout_is_30_s_unless_configured() {
    use tokio::io::AsyncWriteExt;
    assert_eq!(
        MockConfig::default().header_read_timeout,
        Duration::from_secs(30)
    );
    assert_eq!(
        MockConfig::for_tests().header_read_timeout,
        Duration::from_secs(30)
    );
    // A client a little slower than a short timeout is not cut off by the default.
    let h = Harness::new().await;
    let mut slow = tokio::net::TcpStream::connect(h.server.addr())
        .await
        .unwrap();
    slow.write_all(b"GET /_mock/coun").await.unwrap();
    assert_eq!(
        closed_within(&mut slow, Duration::from_millis(500)).await,
        None
    );
    slow.write_all(b"ters HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut slow, &mut answer)
        .await
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// A funding recipient's create body (funding's PUTs replace one).
fn recipient_body(name: &str) -> Value {
    let address = json!({"address1": "1 Example Ave.", "city": "Chicago", "state": "Illinois",
        "country": "US", "postalCode": "60056"});
    json!({
        "recipientType": "nonProfit", "taxId": "987654321", "doingBusinessAs": name,
        "address": address, "contactMethods": [{"type": "email", "value": "info@example.com"}],
        "owners": [{"firstName": "Jane", "lastName": "Doe", "dateOfBirth": "1964-03-22",
            "address": address, "identifiers": [{"type": "nationalId", "value": "123004320"}],
            "contactMethods": [{"type": "email", "value": "jane@example.com"}],
            "relationship": {"isControlProng": true}}],
        "fundingAccounts": [{"type": "checking", "use": "credit", "nameOnAccount": name,
            "paymentMethods": [{"type": "ach", "value": {"routingNumber": "123456789",
                "accountNumber": "99001122334"}}]}]
    })
}

#[tokio::test]
async fn a_put_body_is_json_and_takes_no_idempotency_key() {
    let h = Harness::new().await;
    let reply = h
        .http
        .post(h.url("/v1/funding-recipients"))
        .bearer_auth(&h.token)
        .header("idempotency-key", new_key())
        .header("content-type", "application/json")
        .body(recipient_body("Doe Charity").to_string())
        .send()
        .await
        .unwrap();
    let created: Value = serde_json::from_slice(&reply.bytes().await.unwrap()).unwrap();
    let path = format!("/v1/funding-recipients/{}", created["recipientId"]);
    let mut replaced = recipient_body("Doe Foundation");
    replaced.as_object_mut().unwrap().remove("owners");
    let put = |content_type: &'static str| {
        h.http
            .put(h.url(&path))
            .bearer_auth(&h.token)
            .header("content-type", content_type)
            .body(replaced.to_string())
            .send()
    };
    assert_eq!(put("text/plain").await.unwrap().status().as_u16(), 415);
    let read = |h: &Harness| h.http.get(h.url(&path)).bearer_auth(&h.token).send();
    let body = |reply: reqwest::Response| async move {
        serde_json::from_slice::<Value>(&reply.bytes().await.unwrap()).unwrap()
    };
    let before = body(read(&h).await.unwrap()).await;
    assert_eq!(before["doingBusinessAs"], "Doe Charity");
    assert_eq!(
        put("application/json").await.unwrap().status().as_u16(),
        204
    );
    let after = body(read(&h).await.unwrap()).await;
    assert_eq!(after["doingBusinessAs"], "Doe Foundation");
    assert_eq!(after["recipientId"], created["recipientId"]);
}
