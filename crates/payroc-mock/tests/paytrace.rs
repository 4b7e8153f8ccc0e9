//! PayTrace v3 over HTTP: the form-encoded token endpoint (both grants, single-use
//! refresh tokens, configured credentials), the seven recurrence endpoints with state,
//! exact decimal amounts, and FastAPI-style 422s for bodies, paths and headers.

mod common;

use common::{Harness, Reply};
use payroc_mock::MockConfig;
use serde_json::{json, Value};

/// A started emulator and a PayTrace access token from it.
struct PayTrace {
    h: Harness,
    token: String,
}

impl PayTrace {
    /// Starts an emulator and takes a token with the client-credentials grant.
    async fn new() -> Self {
        let h = Harness::new().await;
        let reply = token_request(
            &h,
            "grant_type=client_credentials&client_id=apiuser&client_secret=pw",
        )
        .await;
        assert_eq!(reply.status, 201, "{:?}", reply.body);
        let token = reply.body["access_token"].as_str().unwrap().to_owned();
        Self { h, token }
    }

    /// A v3 call with the PayTrace token, an optional JSON body and extra headers.
    async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .h
            .http
            .request(method, self.h.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(serde_json::to_vec(body).unwrap());
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        finish(request.send().await.unwrap()).await
    }

    /// Creates §8.3's example recurrence for `customer_id`, asserting success.
    async fn create(&self, customer_id: i64, amount: f64) -> Value {
        let mut body = create_body();
        body["customer_id"] = json!(customer_id);
        body["recurrence"]["amount"] = json!(amount);
        let reply = self
            .call("POST", "/v3/recurrence/create", Some(&body), &[])
            .await;
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        reply.body["recurrence"].clone()
    }
}

/// Status, headers and JSON body of a response.
async fn finish(response: reqwest::Response) -> Reply {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// `POST /v3/token` with a form body.
async fn token_request(h: &Harness, form: &str) -> Reply {
    let response = h
        .http
        .post(h.url("/v3/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.to_owned())
        .send()
        .await
        .unwrap();
    finish(response).await
}

/// §8.3's example body (with `3`, monthly, as the frequency).
fn create_body() -> Value {
    json!({
        "merchant_id": 1001,
        "customer_id": 123456789,
        "recurrence": {
            "amount": 24.95,
            "frequency": "3",
            "start_date": "10/01/2024",
            "total_count": "12",
            "transaction_type": "Sale",
            "type": "A",
            "description": "Monthly fee for service.",
            "sec_code": "CCD",
            "weekend": true,
            "repeat": 1
        },
        "surcharge_info": {"omit_surcharge": true}
    })
}

/// Each `loc` of a 422 body, joined with dots.
fn locations(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    reply.body["detail"]
        .as_array()
        .unwrap_or_else(|| panic!("no detail[] in {:?}", reply.body))
        .iter()
        .map(|d| {
            d["loc"]
                .as_array()
                .unwrap()
                .iter()
                .map(|part| match part {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// The recurrence's id.
fn id_of(recurrence: &Value) -> String {
    recurrence["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn client_credentials_grant_issues_a_paytrace_token() {
    let h = Harness::new().await;
    let reply = token_request(
        &h,
        "grant_type=client_credentials&client_id=apiuser&client_secret=s3cr3t",
    )
    .await;
    assert_eq!(reply.status, 201);
    let token = &reply.body;
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["expires_in"], 3600);
    assert!(token["access_token"].as_str().unwrap().starts_with("mock_"));
    assert!(token["refresh_token"].as_str().unwrap().len() > 20);
    assert!(token["scope"].is_string());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!((token["created_at"].as_i64().unwrap() - now).abs() < 60);
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["paytraceToken"], 1);
    assert_eq!(
        counters["authorize"], 1,
        "a PayTrace token is not a Payroc one"
    );

    let access = token["access_token"].as_str().unwrap();
    let export = h.url("/v3/recurrence/export/by-customer/42");
    let ok = h
        .http
        .get(&export)
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    // The two APIs' tokens are not interchangeable.
    let payroc = h
        .http
        .get(&export)
        .bearer_auth(&h.token)
        .send()
        .await
        .unwrap();
    assert_eq!(payroc.status(), 401);
    let on_v1 = h
        .http
        .get(h.url("/v1/payment-links/X"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(on_v1.status(), 401);
    let anonymous = h.http.get(&export).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);

    h.control("POST", "/_mock/tokens/expire", None).await;
    let expired = h
        .http
        .get(&export)
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), 401);
}

#[tokio::test]
async fn token_form_problems_are_422_in_fastapi_shape() {
    let h = Harness::new().await;
    let reply = token_request(&h, "client_id=a&client_secret=b").await;
    assert_eq!(locations(&reply), ["body.grant_type"]);
    assert_eq!(
        reply.body["detail"][0],
        json!({"loc": ["body", "grant_type"], "msg": "field required", "type": "value_error.missing"})
    );

    let reply = token_request(&h, "grant_type=client_credentials&client_id=apiuser").await;
    assert_eq!(locations(&reply), ["body.client_secret"]);
    let reply = token_request(
        &h,
        "grant_type=client_credentials&client_id=&client_secret=",
    )
    .await;
    assert_eq!(locations(&reply), ["body.client_id", "body.client_secret"]);
    let reply = token_request(&h, "grant_type=refresh_token").await;
    assert_eq!(locations(&reply), ["body.refresh_token"]);
    assert_eq!(reply.body["detail"][0]["type"], "value_error.missing");

    // A JSON body is not a form: nothing is found in it.
    let reply = h
        .http
        .post(h.url("/v3/token"))
        .header("content-type", "application/json")
        .body(
            json!({"grant_type": "client_credentials", "client_id": "a", "client_secret": "b"})
                .to_string(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 422);

    let reply = token_request(&h, "grant_type=password&username=a&password=b").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.body["error"], "unsupported_grant_type");

    let reply = h
        .http
        .post(h.url("/v3/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("X-Integrator-Id", "ABCDEFGHIJKLM")
        .body("grant_type=client_credentials&client_id=a&client_secret=b")
        .send()
        .await
        .unwrap();
    assert_eq!(locations(&finish(reply).await), ["header.X-Integrator-Id"]);

    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["paytraceToken"], 0, "no token was issued");
}

#[tokio::test]
async fn configured_credentials_are_the_only_ones_accepted() {
    let h = Harness::start(MockConfig {
        paytrace_credentials: Some(("apiuser".to_owned(), "correct horse".to_owned())),
        ..MockConfig::for_tests()
    })
    .await;
    for form in [
        "grant_type=client_credentials&client_id=apiuser&client_secret=wrong",
        "grant_type=client_credentials&client_id=other&client_secret=correct+horse",
    ] {
        let reply = token_request(&h, form).await;
        assert_eq!(reply.status, 401, "{form}");
        assert_eq!(reply.body["error"], "invalid_client");
        assert!(reply.body["error_description"].is_string());
    }
    let reply = token_request(
        &h,
        "grant_type=client_credentials&client_id=apiuser&client_secret=correct%20horse",
    )
    .await;
    assert_eq!(reply.status, 201);
}

#[tokio::test]
async fn refresh_tokens_are_single_use() {
    let h = Harness::new().await;
    let first = token_request(
        &h,
        "grant_type=client_credentials&client_id=u&client_secret=p",
    )
    .await
    .body;
    let refresh = first["refresh_token"].as_str().unwrap();

    let second = token_request(
        &h,
        &format!("grant_type=refresh_token&refresh_token={refresh}"),
    )
    .await;
    assert_eq!(second.status, 201);
    assert_ne!(second.body["access_token"], first["access_token"]);
    let next_refresh = second.body["refresh_token"].as_str().unwrap();
    assert_ne!(next_refresh, refresh);
    let access = second.body["access_token"].as_str().unwrap();
    let ok = h
        .http
        .get(h.url("/v3/recurrence/export/by-customer/1"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);

    let reused = token_request(
        &h,
        &format!("grant_type=refresh_token&refresh_token={refresh}"),
    )
    .await;
    assert_eq!(reused.status, 400);
    assert_eq!(reused.body["error"], "invalid_grant");
    let unknown = token_request(&h, "grant_type=refresh_token&refresh_token=mock_rt_forged").await;
    assert_eq!(unknown.status, 400);
    assert_eq!(unknown.body["error"], "invalid_grant");

    let third = token_request(
        &h,
        &format!("grant_type=refresh_token&refresh_token={next_refresh}"),
    )
    .await;
    assert_eq!(third.status, 201, "the newest refresh token still works");
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["paytraceToken"], 3);
}

#[tokio::test]
async fn every_token_request_is_recorded_with_its_grant() {
    let h = Harness::new().await;
    let first = token_request(
        &h,
        "grant_type=client_credentials&client_id=u&client_secret=p",
    )
    .await
    .body;
    let refresh = first["refresh_token"].as_str().unwrap();
    let form = format!("grant_type=refresh_token&refresh_token={refresh}");
    assert_eq!(token_request(&h, &form).await.status, 201);
    assert_eq!(token_request(&h, &form).await.status, 400, "used up");
    assert_eq!(token_request(&h, "grant_type=password").await.status, 400);
    assert_eq!(token_request(&h, "client_id=u").await.status, 422);

    let counters = h.control("GET", "/_mock/counters", None).await.body;
    let grant = |grant_type: Value, refresh: bool, secret: bool, status: u16| {
        json!({"grantType": grant_type, "refreshTokenSent": refresh,
               "clientSecretSent": secret, "status": status})
    };
    assert_eq!(
        counters["paytraceGrants"],
        json!([
            grant(json!("client_credentials"), false, true, 201),
            grant(json!("refresh_token"), true, false, 201),
            grant(json!("refresh_token"), true, false, 400),
            grant(json!("password"), false, false, 400),
            grant(Value::Null, false, false, 422),
        ])
    );
    // Reset forgets them with the other counters.
    h.control("POST", "/_mock/reset", None).await;
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert_eq!(counters["paytraceGrants"], json!([]));
}

#[tokio::test]
async fn create_stores_the_recurrence_and_runs_it_once() {
    let pt = PayTrace::new().await;
    let reply = pt
        .call("POST", "/v3/recurrence/create", Some(&create_body()), &[])
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["success"], true);
    assert_eq!(reply.body["response_code"], 101);
    assert!(reply.body["status_message"].is_string());
    let r = &reply.body["recurrence"];
    let id = id_of(r);
    assert!(
        id.len() == 9 && id.chars().all(|c| c.is_ascii_digit()),
        "{id}"
    );
    assert_eq!(
        *r,
        json!({
            "id": id,
            "customer_id": 123456789,
            "amount": 24.95,
            "frequency": "3",
            "start_date": "10/01/2024",
            "next_date": "11/01/2024",
            "total_count": "12",
            "current_count": 1,
            "transaction_type": "Sale",
            "type": "A",
            "description": "Monthly fee for service.",
            "status": "Active"
        })
    );
    assert_eq!(r["amount"].to_string(), "24.95", "exactly as sent");

    let ledger = pt.h.control("GET", "/_mock/ledger", None).await.body;
    let stored = &ledger["paytraceRecurrences"][0];
    assert_eq!(stored["merchant_id"], 1001);
    assert_eq!(stored["sec_code"], "CCD");
    assert_eq!(stored["weekend"], true);
    assert_eq!(stored["repeat"], 1);
    assert_eq!(stored["surcharge_info"], json!({"omit_surcharge": true}));
    assert_eq!(stored["recurrence"]["id"], id.as_str());

    // Only the required fields; a count of one is done after the first run.
    let minimal = json!({
        "customer_id": 7,
        "recurrence": {"amount": 5, "frequency": "5", "start_date": "12/28/2024", "total_count": 1}
    });
    let reply = pt
        .call("POST", "/v3/recurrence/create", Some(&minimal), &[])
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let r = &reply.body["recurrence"];
    assert_eq!(r["status"], "Completed");
    assert!(r.get("next_date").is_none());
    assert_eq!(r["total_count"], "1");
    assert_eq!(r["transaction_type"], "Sale", "the default");
    assert!(r.get("type").is_none());
}

#[tokio::test]
async fn decimal_amounts_come_back_exactly() {
    let pt = PayTrace::new().await;
    for text in [
        "24.95",
        "80.05",
        "0.1",
        "0.29",
        "1234567.89",
        "100",
        "9999999999.99",
        "10.00",
        "10.0",
        "0.50",
        "1.10",
    ] {
        let body = create_body().to_string().replace("24.95", text);
        let response =
            pt.h.http
                .post(pt.h.url("/v3/recurrence/create"))
                .bearer_auth(&pt.token)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
        assert_eq!(response.status(), 200, "{text}");
        let raw = response.text().await.unwrap();
        assert!(
            raw.contains(&format!("\"amount\":{text},")),
            "{text}: {raw}"
        );
    }
}

/// The raw `"amount":…` text of a reply, to see the digits as written.
fn amount_text(raw: &str) -> &str {
    let start = raw.find("\"amount\":").expect("an amount") + "\"amount\":".len();
    let end = raw[start..].find([',', '}']).unwrap() + start;
    &raw[start..end]
}

#[tokio::test]
async fn an_amount_keeps_its_digits_wherever_it_is_read_back() {
    let pt = PayTrace::new().await;
    // Sent as a numeric string, answered as a JSON number with the same digits.
    let mut body = create_body();
    body["recurrence"]["amount"] = json!("10.00");
    let response =
        pt.h.http
            .post(pt.h.url("/v3/recurrence/create"))
            .bearer_auth(&pt.token)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
    assert_eq!(response.status(), 200);
    let raw = response.text().await.unwrap();
    assert_eq!(amount_text(&raw), "10.00", "{raw}");
    let created: Value = serde_json::from_str(&raw).unwrap();
    let id = created["recurrence"]["id"].as_str().unwrap().to_owned();

    let read_back = |path: String| {
        let pt = &pt;
        async move {
            let response =
                pt.h.http
                    .get(pt.h.url(&path))
                    .bearer_auth(&pt.token)
                    .send()
                    .await
                    .unwrap();
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.unwrap()
        }
    };
    let by_id = read_back(format!("/v3/recurrence/export/by-id/{id}")).await;
    assert_eq!(amount_text(&by_id), "10.00", "{by_id}");

    // An update sent as a JSON number with trailing zeros keeps them too.
    let update = format!(r#"{{"recurrence": {{"id": "{id}", "amount": 80.50}}}}"#);
    let response =
        pt.h.http
            .patch(pt.h.url("/v3/recurrence"))
            .bearer_auth(&pt.token)
            .header("content-type", "application/json")
            .body(update)
            .send()
            .await
            .unwrap();
    assert_eq!(response.status(), 200);
    let raw = response.text().await.unwrap();
    assert_eq!(amount_text(&raw), "80.50", "{raw}");
    let customer = created["recurrence"]["customer_id"].as_i64().unwrap();
    let listed = read_back(format!("/v3/recurrence/export/by-customer/{customer}")).await;
    assert_eq!(amount_text(&listed), "80.50", "{listed}");
}

#[tokio::test]
async fn a_date_in_year_0000_is_refused() {
    let pt = PayTrace::new().await;
    let mut body = create_body();
    body["recurrence"]["start_date"] = json!("01/15/0000");
    let reply = pt
        .call("POST", "/v3/recurrence/create", Some(&body), &[])
        .await;
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(locations(&reply), ["body.recurrence.start_date"]);
    let ledger = pt.h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(ledger["paytraceRecurrences"], json!([]), "nothing created");

    let created = pt.create(7, 5.0).await;
    let id = created["id"].as_str().unwrap();
    let reply = pt
        .call(
            "PATCH",
            "/v3/recurrence",
            Some(&json!({"recurrence": {"id": id}, "next_date": "02/29/0000"})),
            &[],
        )
        .await;
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(locations(&reply), ["body.next_date"]);
    // Year 0001 is a year.
    let mut body = create_body();
    body["recurrence"]["start_date"] = json!("01/15/0001");
    let reply = pt
        .call("POST", "/v3/recurrence/create", Some(&body), &[])
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

#[tokio::test]
async fn invalid_recurrences_are_422_with_body_locations() {
    let pt = PayTrace::new().await;
    let create = |body: Value| {
        let pt = &pt;
        async move {
            pt.call("POST", "/v3/recurrence/create", Some(&body), &[])
                .await
        }
    };

    let mut body = create_body();
    body["customer_id"] = json!(0);
    body["recurrence"]["amount"] = json!(24.999);
    body["recurrence"]["frequency"] = json!("Z");
    body["recurrence"]["start_date"] = json!("2024-10-01");
    body["recurrence"]["total_count"] = json!(0);
    body["recurrence"]["type"] = json!("X");
    let reply = create(body).await;
    assert_eq!(
        locations(&reply),
        [
            "body.customer_id",
            "body.recurrence.amount",
            "body.recurrence.frequency",
            "body.recurrence.start_date",
            "body.recurrence.total_count",
            "body.recurrence.type"
        ]
    );
    for item in reply.body["detail"].as_array().unwrap() {
        assert!(!item["msg"].as_str().unwrap().is_empty());
        assert!(item["type"].as_str().unwrap().starts_with("value_error"));
    }

    let mut body = create_body();
    body["recurrence"]["amount"] = json!(-3);
    assert_eq!(locations(&create(body).await), ["body.recurrence.amount"]);

    let mut body = create_body();
    body.as_object_mut().unwrap().remove("recurrence");
    let reply = create(body).await;
    assert_eq!(
        reply.body["detail"],
        json!([{"loc": ["body", "recurrence"], "msg": "field required", "type": "value_error.missing"}])
    );
    let mut body = create_body();
    body["recurrence"]
        .as_object_mut()
        .unwrap()
        .remove("start_date");
    assert_eq!(
        locations(&create(body).await),
        ["body.recurrence.start_date"]
    );

    let mut body = create_body();
    body["recurrence"]["amount"] = json!("lots");
    let reply = create(body).await;
    assert_eq!(locations(&reply), ["body.recurrence.amount"]);
    assert_eq!(reply.body["detail"][0]["type"], "type_error");

    let reply =
        pt.h.http
            .post(pt.h.url("/v3/recurrence/create"))
            .bearer_auth(&pt.token)
            .body("{not json")
            .send()
            .await
            .unwrap();
    let reply = finish(reply).await;
    assert_eq!(locations(&reply), ["body"]);
    assert_eq!(reply.body["detail"][0]["type"], "value_error.jsondecode");

    let ledger = pt.h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(ledger["paytraceRecurrences"], json!([]));
}

#[tokio::test]
async fn long_paytrace_headers_are_422_with_header_locations() {
    let pt = PayTrace::new().await;
    let reply = pt
        .call(
            "POST",
            "/v3/recurrence/create",
            Some(&create_body()),
            &[("X-Integrator-Id", "ABCDEFGHIJKLM")],
        )
        .await;
    assert_eq!(locations(&reply), ["header.X-Integrator-Id"]);
    assert_eq!(
        reply.body["detail"][0]["type"],
        "value_error.any_str.max_length"
    );

    // Header and body problems are reported together.
    let mut bad = create_body();
    bad["customer_id"] = json!(-1);
    let reply = pt
        .call(
            "POST",
            "/v3/recurrence/create",
            Some(&bad),
            &[
                ("X-Integrator-Id", "ABCDEFGHIJKLM"),
                ("X-Permalinks", "12345"),
            ],
        )
        .await;
    assert_eq!(
        locations(&reply),
        [
            "header.X-Integrator-Id",
            "header.X-Permalinks",
            "body.customer_id"
        ]
    );

    let reply = pt
        .call(
            "GET",
            "/v3/recurrence/export/by-customer/1",
            None,
            &[("X-Permalinks", "12345")],
        )
        .await;
    assert_eq!(locations(&reply), ["header.X-Permalinks"]);

    // At the limits they are fine.
    let reply = pt
        .call(
            "POST",
            "/v3/recurrence/create",
            Some(&create_body()),
            &[
                ("X-Integrator-Id", "ABCDEFGHIJKL"),
                ("X-Permalinks", "1234"),
            ],
        )
        .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn update_changes_what_it_names() {
    let pt = PayTrace::new().await;
    let created = pt.create(234585761, 24.95).await;
    let id = id_of(&created);

    let body = json!({
        "recurrence": {"id": id, "amount": 80.05, "total_count": "24", "description": "New fee"},
        "next_date": "05/01/2025",
        "customer_id": 234585761
    });
    let reply = pt.call("PATCH", "/v3/recurrence", Some(&body), &[]).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["success"], true);
    assert_eq!(reply.body["response_code"], 101);
    let r = &reply.body["recurrence"];
    assert_eq!(r["amount"].to_string(), "80.05");
    assert_eq!(r["total_count"], "24");
    assert_eq!(r["description"], "New fee");
    assert_eq!(r["next_date"], "05/01/2025");
    assert_eq!(r["frequency"], created["frequency"], "unchanged");
    assert_eq!(r["start_date"], created["start_date"], "unchanged");

    let exported = pt
        .call(
            "GET",
            &format!("/v3/recurrence/export/by-id/{id}"),
            None,
            &[],
        )
        .await;
    assert_eq!(exported.body["recurrence"], *r);

    // Down to the runs already made: completed.
    let reply = pt
        .call(
            "PATCH",
            "/v3/recurrence",
            Some(&json!({"recurrence": {"id": id, "total_count": 1}})),
            &[],
        )
        .await;
    assert_eq!(reply.body["recurrence"]["status"], "Completed");
    assert!(reply.body["recurrence"].get("next_date").is_none());

    // Unknown ids, and a customer the recurrence does not belong to, are 404s in
    // PayTrace's envelope.
    for body in [
        json!({"recurrence": {"id": "1", "amount": 1}}),
        json!({"recurrence": {"id": id, "amount": 1}, "customer_id": 99}),
    ] {
        let reply = pt.call("PATCH", "/v3/recurrence", Some(&body), &[]).await;
        assert_eq!(reply.status, 404, "{body}");
        assert_eq!(reply.body["success"], false);
        assert_eq!(reply.body["response_code"], 1);
        assert!(reply.body["status_message"].is_string());
    }

    let reply = pt
        .call(
            "PATCH",
            "/v3/recurrence",
            Some(&json!({"recurrence": {"amount": 1}, "next_date": "2025-05-01"})),
            &[],
        )
        .await;
    assert_eq!(locations(&reply), ["body.recurrence.id"]);
    let reply = pt
        .call(
            "PATCH",
            "/v3/recurrence",
            Some(&json!({"recurrence": {"id": " ", "frequency": "Q"}, "next_date": "2025-05-01"})),
            &[],
        )
        .await;
    assert_eq!(
        locations(&reply),
        [
            "body.recurrence.id",
            "body.recurrence.frequency",
            "body.next_date"
        ]
    );
}

#[tokio::test]
async fn delete_takes_a_json_body() {
    let pt = PayTrace::new().await;
    let id = id_of(&pt.create(5, 10.0).await);
    let body = json!({"merchant_id": 1001, "recurrence": {"id": id}});

    let reply = pt.call("DELETE", "/v3/recurrence", Some(&body), &[]).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["success"], true);
    assert_eq!(reply.body["recurrence"]["id"], id.as_str());

    let again = pt.call("DELETE", "/v3/recurrence", Some(&body), &[]).await;
    assert_eq!(again.status, 404);
    assert_eq!(again.body["success"], false);
    let gone = pt
        .call(
            "GET",
            &format!("/v3/recurrence/export/by-id/{id}"),
            None,
            &[],
        )
        .await;
    assert_eq!(gone.status, 404);

    let reply = pt.call("DELETE", "/v3/recurrence", None, &[]).await;
    assert_eq!(
        reply.body["detail"],
        json!([{"loc": ["body"], "msg": "field required", "type": "value_error.missing"}])
    );
    let reply = pt
        .call(
            "DELETE",
            "/v3/recurrence",
            Some(&json!({"recurrence": {}})),
            &[],
        )
        .await;
    assert_eq!(locations(&reply), ["body.recurrence.id"]);
}

#[tokio::test]
async fn export_by_customer_lists_and_pages() {
    let pt = PayTrace::new().await;
    let a1 = id_of(&pt.create(100, 1.0).await);
    let other = id_of(&pt.create(200, 2.0).await);
    let a2 = id_of(&pt.create(100, 3.0).await);
    let a3 = id_of(&pt.create(100, 4.0).await);
    let ids = |reply: &Reply| -> Vec<String> {
        reply.body["recurrences"]
            .as_array()
            .unwrap()
            .iter()
            .map(id_of)
            .collect()
    };

    let all = pt
        .call("GET", "/v3/recurrence/export/by-customer/100", None, &[])
        .await;
    assert_eq!(all.status, 200);
    assert_eq!(all.body["success"], true);
    assert_eq!(all.body["response_code"], 101);
    assert_eq!(ids(&all), [&*a1, &*a2, &*a3]);
    assert_eq!(all.body["total"], 3);
    let b = pt
        .call("GET", "/v3/recurrence/export/by-customer/200", None, &[])
        .await;
    assert_eq!(ids(&b), [&*other]);
    let none = pt
        .call("GET", "/v3/recurrence/export/by-customer/300", None, &[])
        .await;
    assert_eq!(none.status, 200);
    assert_eq!(none.body["recurrences"], json!([]));
    assert_eq!(none.body["total"], 0);

    let post = |body: Option<Value>| {
        let pt = &pt;
        async move {
            pt.call(
                "POST",
                "/v3/recurrence/export/by-customer/100",
                body.as_ref(),
                &[],
            )
            .await
        }
    };
    assert_eq!(
        ids(&post(None).await),
        [&*a1, &*a2, &*a3],
        "no body: everything"
    );
    let page = post(Some(json!({"limit": 2}))).await;
    assert_eq!(ids(&page), [&*a1, &*a2]);
    assert_eq!(page.body["total"], 3);
    let page = post(Some(json!({"limit": 2, "offset": 2}))).await;
    assert_eq!(ids(&page), [&*a3]);
    assert!(ids(&post(Some(json!({"offset": 9}))).await).is_empty());
    let labelled = post(Some(
        json!({"customer_label": "customer_label21New", "merchant_id": 1}),
    ))
    .await;
    assert_eq!(
        ids(&labelled),
        [&*a1, &*a2, &*a3],
        "the label filters nothing"
    );
    let one = post(Some(json!({"recurrence": {"id": a2}}))).await;
    assert_eq!(ids(&one), [&*a2]);
    assert_eq!(one.body["total"], 1);
    let foreign = post(Some(json!({"recurrence": {"id": other}}))).await;
    assert_eq!(foreign.status, 404);
    assert_eq!(foreign.body["success"], false);

    assert_eq!(
        locations(&post(Some(json!({"limit": 0}))).await),
        ["body.limit"]
    );
    assert_eq!(
        locations(&post(Some(json!({"limit": 51}))).await),
        ["body.limit"]
    );
    assert_eq!(
        locations(&post(Some(json!({"offset": -1}))).await),
        ["body.offset"]
    );
    let long_label = "x".repeat(51);
    assert_eq!(
        locations(&post(Some(json!({"customer_label": long_label}))).await),
        ["body.customer_label"]
    );
    let full = post(Some(json!({"limit": 50, "offset": 0}))).await;
    assert_eq!(full.status, 200, "the limits themselves are fine");
    assert_eq!(ids(&full).len(), 3);

    let reply = pt
        .call("GET", "/v3/recurrence/export/by-customer/abc", None, &[])
        .await;
    assert_eq!(locations(&reply), ["path.customer_id"]);
    assert_eq!(reply.body["detail"][0]["type"], "type_error.integer");
    let reply = pt
        .call(
            "POST",
            "/v3/recurrence/export/by-customer/1.5",
            Some(&json!({})),
            &[],
        )
        .await;
    assert_eq!(locations(&reply), ["path.customer_id"]);
}

#[tokio::test]
async fn export_by_id_finds_one() {
    let pt = PayTrace::new().await;
    let created = pt.create(77, 12.5).await;
    let id = id_of(&created);
    let reply = pt
        .call(
            "GET",
            &format!("/v3/recurrence/export/by-id/{id}"),
            None,
            &[],
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["success"], true);
    assert_eq!(reply.body["recurrence"], created);

    let missing = pt
        .call("GET", "/v3/recurrence/export/by-id/123", None, &[])
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body["success"], false);
    assert_eq!(missing.body["response_code"], 1);
    let reply = pt
        .call("GET", "/v3/recurrence/export/by-id/abc", None, &[])
        .await;
    assert_eq!(locations(&reply), ["path.recurrence_id"]);
}

#[tokio::test]
async fn export_approved_reports_the_most_recent_run() {
    let pt = PayTrace::new().await;
    let first = id_of(&pt.create(500, 1.0).await);
    let latest = pt.create(500, 2.5).await;
    pt.create(600, 9.0).await;
    let path = "/v3/recurrence/export/approved/by-customer/500";

    let reply = pt.call("POST", path, None, &[]).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["success"], true);
    assert_eq!(reply.body["recurrences"], json!([latest]));
    assert_eq!(reply.body["recurrences"][0]["current_count"], 1);
    assert_eq!(reply.body["total"], 1);
    let with_body = pt
        .call("POST", path, Some(&json!({"merchant_id": 1})), &[])
        .await;
    assert_eq!(with_body.body["recurrences"], json!([latest]));

    // Without the latest, the one before it is the most recent.
    let delete = json!({"recurrence": {"id": latest["id"]}});
    assert_eq!(
        pt.call("DELETE", "/v3/recurrence", Some(&delete), &[])
            .await
            .status,
        200
    );
    let reply = pt.call("POST", path, None, &[]).await;
    assert_eq!(reply.body["recurrences"][0]["id"], first.as_str());

    let none = pt
        .call(
            "POST",
            "/v3/recurrence/export/approved/by-customer/700",
            None,
            &[],
        )
        .await;
    assert_eq!(none.status, 404);
    assert_eq!(none.body["success"], false);
    assert_eq!(none.body["recurrences"], json!([]));

    let reply = pt.call("POST", path, Some(&json!([1, 2])), &[]).await;
    assert_eq!(locations(&reply), ["body"]);
    let reply = pt
        .call(
            "POST",
            "/v3/recurrence/export/approved/by-customer/x",
            None,
            &[],
        )
        .await;
    assert_eq!(locations(&reply), ["path.customer_id"]);
}
