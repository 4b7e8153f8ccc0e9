//! Secure tokens, single-use tokens, payments and refunds against the emulator, over
//! plain HTTP.

mod common;

use common::{Harness, Reply};
use payroc_model::validate::{is_rfc3339, luhn_valid};
use serde_json::{json, Value};

const TERMINAL: &str = "1234001";
const PAN: &str = "4539858876047062";
const MASKED: &str = "453985******7062";

fn keyed(pan: &str, cvv: Option<&str>) -> Value {
    let mut data = json!({"dataFormat": "plainText", "cardNumber": pan, "expiryDate": "1230"});
    if let Some(cvv) = cvv {
        data["cvv"] = json!(cvv);
    }
    json!({"entryMethod": "keyed", "keyedData": data, "cardholderName": "Sarah Hopper"})
}

fn card_method(pan: &str) -> Value {
    json!({"type": "card", "cardDetails": keyed(pan, Some("123"))})
}

fn payment(order_id: &str, amount: i64, method: Value) -> Value {
    json!({
        "channel": "web",
        "processingTerminalId": TERMINAL,
        "order": {"orderId": order_id, "amount": amount, "currency": "USD"},
        "paymentMethod": method
    })
}

fn token_request(source: Value) -> Value {
    json!({"source": source})
}

fn card_source(pan: &str, cvv: Option<&str>) -> Value {
    json!({"type": "card", "cardDetails": keyed(pan, cvv)})
}

fn tokens_path() -> String {
    format!("/v1/processing-terminals/{TERMINAL}/secure-tokens")
}

/// `errors[].parameter` of a problem body.
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

fn message(reply: &Reply) -> String {
    reply.body["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn ops(body: &Value) -> Vec<&str> {
    body["supportedOperations"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn path_of<'a>(h: &Harness, href: &'a str) -> &'a str {
    let base = h.server.base_url();
    href.strip_prefix(base.as_str())
        .unwrap_or_else(|| panic!("{href} is not under {base}"))
}

async fn pay(h: &Harness, body: &Value) -> Value {
    let reply = h.post("/v1/payments", body).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}

async fn new_token(h: &Harness, body: &Value) -> Value {
    let reply = h.post(&tokens_path(), body).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}

#[tokio::test]
async fn secure_tokens_are_created_masked_and_unique_per_terminal() {
    let h = Harness::new().await;
    let token = new_token(&h, &token_request(card_source(PAN, Some("123")))).await;
    let id = token["secureTokenId"].as_str().unwrap();
    assert!(id.starts_with("MREF_") && id.len() == 41, "{id}");
    let number = token["token"].as_str().unwrap();
    assert!(
        number.starts_with("296753") && number.len() == 12,
        "{number}"
    );
    assert!(luhn_valid(number));
    assert_eq!(token["processingTerminalId"], TERMINAL);
    assert_eq!(token["status"], "cvvValidated");
    assert_eq!(token["source"]["type"], "card");
    assert_eq!(token["source"]["cardNumber"], MASKED);
    assert_eq!(token["source"]["expiryDate"], "1230");
    assert_eq!(token["source"]["cardType"], "Visa");
    assert_eq!(token["source"]["cardholderName"], "Sarah Hopper");
    assert!(!token.to_string().contains(PAN));

    let retrieved = h.get(&format!("{}/{id}", tokens_path())).await;
    assert_eq!(retrieved.status, 200);
    assert_eq!(retrieved.body, token);

    for (pan, brand) in [
        ("5555555555554444", "MasterCard"),
        ("378282246310005", "Amex"),
        ("6011111111111117", "Discover"),
    ] {
        let t = new_token(&h, &token_request(card_source(pan, None))).await;
        assert_eq!(t["source"]["cardType"], brand);
        assert_eq!(t["status"], "notValidated");
        assert_ne!(t["token"], token["token"], "tokens are unique");
    }

    let mut named = token_request(card_source(PAN, None));
    named["secureTokenId"] = json!("CUSTOMER-1");
    named["mitAgreement"] = json!("unscheduled");
    named["customer"] = json!({"firstName": "Sarah", "lastName": "Hopper"});
    let created = new_token(&h, &named).await;
    assert_eq!(created["secureTokenId"], "CUSTOMER-1");
    assert_eq!(created["mitAgreement"], "unscheduled");
    assert_eq!(created["customer"]["lastName"], "Hopper");
    let again = h.post(&tokens_path(), &named).await;
    assert_eq!(again.status, 409, "{:?}", again.body);
    // The id is per terminal: another terminal may use it.
    let other = h
        .post("/v1/processing-terminals/9999001/secure-tokens", &named)
        .await;
    assert_eq!(other.status, 201, "{:?}", other.body);

    let missing = h.get(&format!("{}/NOPE", tokens_path())).await;
    assert_eq!(missing.status, 404);
    let bad = h.post(&tokens_path(), &json!({"secureTokenId": "x"})).await;
    assert_eq!(bad.status, 400);
    // The model reports a missing field at its parent's path (here the root), naming
    // the field in the message.
    assert!(message(&bad).contains("source"), "{:?}", bad.body);
    let bad_card = h
        .post(
            &tokens_path(),
            &token_request(card_source("4539858876047063", None)),
        )
        .await;
    assert_eq!(bad_card.status, 400);
    assert_eq!(
        params(&bad_card),
        ["source.cardDetails.keyedData.cardNumber"]
    );
}

#[tokio::test]
async fn bank_sources_are_masked_and_only_retrieve_shows_the_account_type() {
    let h = Harness::new().await;
    let ach = new_token(
        &h,
        &token_request(json!({
            "type": "ach", "nameOnAccount": "Shara Hopper", "accountNumber": "1234567890",
            "routingNumber": "123456789", "accountType": "checking"
        })),
    )
    .await;
    assert_eq!(ach["source"]["accountNumber"], "******7890");
    assert_eq!(ach["source"]["routingNumber"], "123456789");
    assert!(ach["source"].get("accountType").is_none());
    assert_eq!(ach["status"], "notValidated");
    let id = ach["secureTokenId"].as_str().unwrap();
    let retrieved = h.get(&format!("{}/{id}", tokens_path())).await;
    assert_eq!(retrieved.body["source"]["accountType"], "checking");

    let pad = new_token(
        &h,
        &token_request(json!({
            "type": "pad", "nameOnAccount": "Shara Hopper", "accountNumber": "987654321",
            "transitNumber": "76543", "institutionNumber": "543"
        })),
    )
    .await;
    assert_eq!(pad["source"]["accountNumber"], "*****4321");
    assert_eq!(pad["source"]["transitNumber"], "76543");

    // A bank token does not pay by card.
    let reply = h
        .post(
            "/v1/payments",
            &payment(
                "BANK-1",
                1000,
                json!({"type": "secureToken", "token": ach["token"]}),
            ),
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(params(&reply), ["paymentMethod.token"]);
    assert!(
        message(&reply).contains("bank-account"),
        "{}",
        message(&reply)
    );
}

#[tokio::test]
async fn secure_token_list_filters_and_pages() {
    let h = Harness::new().await;
    for i in 1..=5 {
        let pan = if i % 2 == 0 { "5555555555554444" } else { PAN };
        let mut body = token_request(card_source(pan, None));
        body["secureTokenId"] = json!(format!("T{i}"));
        body["customer"] = json!({
            "firstName": format!("Name{i}"), "lastName": "Hopper",
            "contactMethods": [{"type": "email", "value": format!("p{i}@example.com")},
                               {"type": "phone", "value": format!("555-000{i}")}]
        });
        new_token(&h, &body).await;
    }
    new_token(&h, &token_request(card_source(PAN, None))).await;
    let elsewhere = h
        .post(
            "/v1/processing-terminals/9999001/secure-tokens",
            &token_request(card_source(PAN, None)),
        )
        .await;
    assert_eq!(elsewhere.status, 201);

    let page = h.get(&format!("{}?limit=2", tokens_path())).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.body["count"], 2);
    assert_eq!(page.body["limit"], 2);
    assert_eq!(page.body["hasMore"], true);
    let ids: Vec<&str> = page.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["secureTokenId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["T1", "T2"]);
    let links = page.body["links"].as_array().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["rel"], "next");
    let next = h.get(path_of(&h, links[0]["href"].as_str().unwrap())).await;
    assert_eq!(next.body["data"][0]["secureTokenId"], "T3");
    assert_eq!(next.body["data"][1]["secureTokenId"], "T4");
    let rels: Vec<&str> = next.body["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    assert_eq!(rels, ["previous", "next"]);
    let previous = h
        .get(path_of(&h, next.body["links"][0]["href"].as_str().unwrap()))
        .await;
    assert_eq!(previous.body["data"][0]["secureTokenId"], "T1");
    let before = h.get(&format!("{}?before=T3&limit=1", tokens_path())).await;
    assert_eq!(before.body["data"][0]["secureTokenId"], "T2");
    let all = h.get(&format!("{}?limit=50", tokens_path())).await;
    assert_eq!(
        all.body["count"], 6,
        "other terminals' tokens are not listed"
    );
    assert_eq!(all.body["hasMore"], false);

    let count = |reply: &Reply| reply.body["count"].as_u64().unwrap();
    let q = |query: &str| format!("{}?{query}", tokens_path());
    assert_eq!(count(&h.get(&q("first6=555555")).await), 2);
    assert_eq!(count(&h.get(&q("last4=7062")).await), 4);
    assert_eq!(count(&h.get(&q("customerName=name3")).await), 1);
    assert_eq!(count(&h.get(&q("email=p4@example.com")).await), 1);
    assert_eq!(count(&h.get(&q("phone=555-0005")).await), 1);
    assert_eq!(count(&h.get(&q("secureTokenId=T2")).await), 1);
    let token = all.body["data"][4]["token"].as_str().unwrap().to_owned();
    assert_eq!(count(&h.get(&q(&format!("token={token}"))).await), 1);

    let bad = h.get(&q("first6=12")).await;
    assert_eq!(bad.status, 400);
    assert_eq!(params(&bad), ["first6"]);
    let bad_limit = h.get(&q("limit=0")).await;
    assert_eq!(params(&bad_limit), ["limit"]);
    let bad_cursor = h.get(&q("after=NOPE")).await;
    assert_eq!(params(&bad_cursor), ["after"]);
}

#[tokio::test]
async fn secure_tokens_are_patched_but_not_their_gateway_fields() {
    let h = Harness::new().await;
    let mut body = token_request(card_source(PAN, Some("123")));
    body["secureTokenId"] = json!("PATCH-1");
    let created = new_token(&h, &body).await;
    let url = format!("{}/PATCH-1", tokens_path());
    let ops = json!([
        {"op": "add", "path": "/mitAgreement", "value": "recurring"},
        {"op": "add", "path": "/customer", "value": {"firstName": "Sam"}},
        {"op": "replace", "path": "/source/expiryDate", "value": "0131"},
        {"op": "add", "path": "/customFields", "value": [{"name": "tier", "value": "gold"}]}
    ]);
    let patched = h
        .send("PATCH", &url, Some(&ops), Some(&common::new_key()))
        .await;
    assert_eq!(patched.status, 200, "{:?}", patched.body);
    assert_eq!(patched.body["mitAgreement"], "recurring");
    assert_eq!(patched.body["customer"]["firstName"], "Sam");
    assert_eq!(patched.body["source"]["expiryDate"], "0131");
    assert_eq!(patched.body["customFields"][0]["value"], "gold");
    assert_eq!(patched.body["token"], created["token"]);
    let retrieved = h.get(&url).await;
    assert_eq!(retrieved.body["source"]["expiryDate"], "0131");

    let patch = |ops: Value| {
        let url = url.clone();
        let h = &h;
        async move {
            h.send("PATCH", &url, Some(&ops), Some(&common::new_key()))
                .await
        }
    };
    let read_only =
        patch(json!([{"op": "replace", "path": "/token", "value": "296753000000"}])).await;
    assert_eq!(read_only.status, 400);
    assert_eq!(params(&read_only), ["[0].path"]);
    let read_only = patch(json!([
        {"op": "replace", "path": "/mitAgreement", "value": "installment"},
        {"op": "replace", "path": "/source/cardNumber", "value": "4111111111111111"}
    ]))
    .await;
    assert_eq!(params(&read_only), ["[1].path"]);
    let bad_expiry =
        patch(json!([{"op": "replace", "path": "/source/expiryDate", "value": "1399"}])).await;
    assert_eq!(bad_expiry.status, 400);
    assert_eq!(params(&bad_expiry), ["source.expiryDate"]);
    let failed_test =
        patch(json!([{"op": "test", "path": "/mitAgreement", "value": "installment"}])).await;
    assert_eq!(failed_test.status, 400);
    assert_eq!(params(&failed_test), ["[0].path"]);
    let missing_target = patch(json!([{"op": "remove", "path": "/operator"}])).await;
    assert_eq!(missing_target.status, 400);
    let unchanged = h.get(&url).await;
    assert_eq!(
        unchanged.body["mitAgreement"], "recurring",
        "failed patches change nothing"
    );

    let renamed =
        patch(json!([{"op": "replace", "path": "/secureTokenId", "value": "PATCH-2"}])).await;
    assert_eq!(renamed.status, 200);
    assert_eq!(h.get(&url).await.status, 404);
    assert_eq!(
        h.get(&format!("{}/PATCH-2", tokens_path())).await.status,
        200
    );

    let unknown = h
        .send(
            "PATCH",
            &format!("{}/NOPE", tokens_path()),
            Some(&json!([{"op": "replace", "path": "/mitAgreement", "value": "recurring"}])),
            Some(&common::new_key()),
        )
        .await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn a_deleted_token_is_gone_its_id_is_spent_and_it_no_longer_pays() {
    let h = Harness::new().await;
    let mut body = token_request(card_source(PAN, None));
    body["secureTokenId"] = json!("DEL-1");
    let created = new_token(&h, &body).await;
    let url = format!("{}/DEL-1", tokens_path());
    let method = json!({"type": "secureToken", "token": created["token"]});
    pay(&h, &payment("BEFORE-DELETE", 1000, method.clone())).await;

    let deleted = h.send("DELETE", &url, None, None).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(h.get(&url).await.status, 404);
    assert_eq!(h.send("DELETE", &url, None, None).await.status, 404);

    let refused = h
        .post("/v1/payments", &payment("AFTER-DELETE", 1000, method))
        .await;
    assert_eq!(refused.status, 400);
    assert_eq!(params(&refused), ["paymentMethod.token"]);
    assert!(
        message(&refused).contains("deleted"),
        "{}",
        message(&refused)
    );

    let reuse = h.post(&tokens_path(), &body).await;
    assert_eq!(reuse.status, 409);

    let unknown = h
        .post(
            "/v1/payments",
            &payment(
                "UNKNOWN",
                1000,
                json!({"type": "secureToken", "token": "296753999995"}),
            ),
        )
        .await;
    assert_eq!(unknown.status, 400);
    assert_eq!(params(&unknown), ["paymentMethod.token"]);
    // The merchant's id is not the gateway token.
    let mixed_up = h
        .post(
            "/v1/payments",
            &payment(
                "MIXUP",
                1000,
                json!({"type": "secureToken", "token": "DEL-1"}),
            ),
        )
        .await;
    assert_eq!(params(&mixed_up), ["paymentMethod.token"]);
}

async fn single_use(h: &Harness, pan: &str) -> Value {
    let reply = h
        .post(
            &format!("/v1/processing-terminals/{TERMINAL}/single-use-tokens"),
            &json!({"channel": "web", "source": card_source(pan, Some("999")), "operator": "Jane"}),
        )
        .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}

#[tokio::test]
async fn single_use_tokens_pay_once() {
    let h = Harness::new().await;
    let single = single_use(&h, PAN).await;
    let token = single["token"].as_str().unwrap();
    assert_eq!(token.len(), 128);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    let expires = single["expiresAt"].as_str().unwrap();
    assert!(is_rfc3339(expires), "{expires}");
    assert_eq!(single["source"]["cardNumber"], MASKED);
    assert_eq!(single["processingTerminalId"], TERMINAL);
    assert_eq!(single["operator"], "Jane");
    assert!(!single.to_string().contains(PAN));

    let method = json!({"type": "singleUseToken", "token": token});
    let paid = pay(&h, &payment("SUT-1", 2500, method.clone())).await;
    assert_eq!(paid["card"]["cardNumber"], MASKED);
    assert_eq!(paid["card"]["securityChecks"]["cvvResult"], "M");
    let again = h
        .post("/v1/payments", &payment("SUT-2", 2500, method))
        .await;
    assert_eq!(again.status, 400);
    assert_eq!(params(&again), ["paymentMethod.token"]);
    assert!(message(&again).contains("already used"));

    let unknown = h
        .post(
            "/v1/payments",
            &payment(
                "SUT-3",
                2500,
                json!({"type": "singleUseToken", "token": "abc"}),
            ),
        )
        .await;
    assert_eq!(params(&unknown), ["paymentMethod.token"]);

    let bad = h
        .post(
            &format!("/v1/processing-terminals/{TERMINAL}/single-use-tokens"),
            &json!({"channel": "kiosk", "source": card_source(PAN, None)}),
        )
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(params(&bad), ["channel"]);
}

#[tokio::test]
async fn update_account_takes_the_details_of_a_single_use_token() {
    let h = Harness::new().await;
    let mut body = token_request(card_source(PAN, None));
    body["secureTokenId"] = json!("UPD-1");
    let created = new_token(&h, &body).await;
    let single = single_use(&h, "5555555555554444").await;
    let url = format!("{}/UPD-1/update-account", tokens_path());
    let update = json!({"type": "singleUseToken", "token": single["token"]});
    let updated = h.post(&url, &update).await;
    assert_eq!(updated.status, 200, "{:?}", updated.body);
    assert_eq!(updated.body["source"]["cardNumber"], "555555******4444");
    assert_eq!(updated.body["source"]["cardType"], "MasterCard");
    assert_eq!(updated.body["status"], "cvvValidated");
    assert_eq!(updated.body["token"], created["token"]);
    assert_eq!(updated.body["secureTokenId"], "UPD-1");

    let used = h.post(&url, &update).await;
    assert_eq!(used.status, 400);
    assert_eq!(params(&used), ["token"]);
    let missing = h
        .post(&format!("{}/NOPE/update-account", tokens_path()), &update)
        .await;
    assert_eq!(missing.status, 404);
    let wrong_type = h.post(&url, &json!({"type": "card", "token": "x"})).await;
    assert_eq!(params(&wrong_type), ["type"]);

    // A secure token can also be made straight from a single-use token.
    let single = single_use(&h, "6011111111111117").await;
    let from_single = new_token(
        &h,
        &token_request(json!({"type": "singleUseToken", "token": single["token"]})),
    )
    .await;
    assert_eq!(from_single["source"]["cardType"], "Discover");
}

#[tokio::test]
async fn outcomes_follow_the_amount_and_every_payment_is_counted() {
    let h = Harness::new().await;
    let approved = pay(&h, &payment("OUT-A", 1000, card_method(PAN))).await;
    let result = &approved["transactionResult"];
    assert_eq!(result["responseCode"], "A");
    assert_eq!(result["status"], "ready");
    assert_eq!(result["type"], "sale");
    assert_eq!(result["authorizedAmount"], 1000);
    assert_eq!(result["currency"], "USD");
    assert!(result["approvalCode"]
        .as_str()
        .is_some_and(|c| c.len() == 6));
    assert!(result["cardSchemeReferenceId"].is_string());
    assert_eq!(approved["paymentId"].as_str().unwrap().len(), 10);
    assert_eq!(
        ops(&approved),
        [
            "fullyReverse",
            "partiallyReverse",
            "adjustTip",
            "addSignature",
            "setAsPending",
            "refund"
        ]
    );
    assert_eq!(approved["card"]["type"], "Visa");
    assert_eq!(approved["card"]["entryMethod"], "keyed");
    assert_eq!(approved["card"]["cardNumber"], MASKED);
    assert_eq!(approved["order"]["orderId"], "OUT-A");
    assert!(is_rfc3339(approved["order"]["dateTime"].as_str().unwrap()));

    let declined = pay(&h, &payment("OUT-D", 1001, card_method(PAN))).await;
    assert_eq!(declined["transactionResult"]["responseCode"], "D");
    assert_eq!(declined["transactionResult"]["status"], "declined");
    assert!(declined["transactionResult"].get("approvalCode").is_none());
    assert!(ops(&declined).is_empty());

    let partial = pay(&h, &payment("OUT-P", 1002, card_method(PAN))).await;
    assert_eq!(partial["transactionResult"]["responseCode"], "P");
    assert_eq!(partial["transactionResult"]["authorizedAmount"], 501);
    assert_eq!(partial["transactionResult"]["status"], "ready");

    let referral = pay(&h, &payment("OUT-R", 1003, card_method(PAN))).await;
    assert_eq!(referral["transactionResult"]["responseCode"], "R");
    assert_eq!(referral["transactionResult"]["status"], "referral");

    let deferred = pay(&h, &payment("OUT-E", 1004, card_method(PAN))).await;
    assert_eq!(deferred["transactionResult"]["responseCode"], "E");
    assert_eq!(deferred["transactionResult"]["status"], "pending");
    assert!(ops(&deferred).is_empty());

    pay(&h, &payment("OUT-A", 1000, card_method(PAN))).await;
    let counters = h.control("GET", "/_mock/counters", None).await;
    let per_order = &counters.body["paymentsPerOrderId"];
    assert_eq!(per_order["OUT-A"], 2);
    assert_eq!(per_order["OUT-D"], 1);
    assert_eq!(per_order["OUT-E"], 1);

    let ledger = h.control("GET", "/_mock/ledger", None).await;
    assert_eq!(ledger.body["payments"].as_array().unwrap().len(), 6);
}

#[tokio::test]
async fn every_payment_method_shows_a_masked_card() {
    let h = Harness::new().await;
    let device = json!({"model": "paxA920", "serialNumber": "1850010868"});
    let cases = [
        (
            json!({"entryMethod": "raw", "device": {"model": "bbposChp", "serialNumber": "1"}, "rawData": "A1B2"}),
            "icc",
            MASKED,
        ),
        (
            json!({"entryMethod": "icc", "device": device, "iccData": "9F26", "firstDigitOfPan": "5"}),
            "icc",
            "555555******4444",
        ),
        (
            json!({"entryMethod": "swiped", "swipedData": {"dataFormat": "encrypted", "device": device,
                   "encryptedData": "ABC", "fallback": true}}),
            "swipedFallback",
            MASKED,
        ),
        (
            json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "fullyEncrypted", "device": device,
                   "encryptedData": "XYZ", "firstDigitOfPan": "3"}}),
            "keyed",
            "378282*****0005",
        ),
        (
            json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "partiallyEncrypted", "device": device,
                   "encryptedPan": "E", "maskedPan": "601111******1117", "expiryDate": "0328"}}),
            "keyed",
            "601111******1117",
        ),
    ];
    for (i, (details, entry, masked)) in cases.into_iter().enumerate() {
        let body = payment(
            &format!("M-{i}"),
            1000,
            json!({"type": "card", "cardDetails": details}),
        );
        let paid = pay(&h, &body).await;
        assert_eq!(paid["card"]["entryMethod"], entry, "case {i}");
        assert_eq!(paid["card"]["cardNumber"], masked, "case {i}");
    }
    let wallet = pay(
        &h,
        &payment(
            "WALLET",
            1000,
            json!({"type": "digitalWallet", "serviceProvider": "apple", "encryptedData": "abcd",
                   "cardholderName": "S Hopper"}),
        ),
    )
    .await;
    assert_eq!(wallet["card"]["cardNumber"], MASKED);
    assert_eq!(wallet["card"]["cardholderName"], "S Hopper");

    let mut everything = payment("ECHO", 1000, card_method(PAN));
    everything["operator"] = json!("Jane");
    everything["customer"] = json!({"firstName": "Sarah", "billingAddress": {
        "address1": "1 Example Ave.", "city": "Chicago", "state": "IL", "country": "US", "postalCode": "60056"}});
    everything["customFields"] = json!([{"name": "ref", "value": "abc"}]);
    everything["order"]["description"] = json!("Pizza");
    everything["order"]["breakdown"] = json!({"subtotal": 900, "tip": {"type": "fixedAmount", "amount": 100},
        "taxes": [{"type": "rate", "rate": 10.0, "name": "Sales"}]});
    let echoed = pay(&h, &everything).await;
    assert_eq!(echoed["operator"], "Jane");
    assert_eq!(echoed["customer"]["billingAddress"]["city"], "Chicago");
    assert_eq!(echoed["customFields"][0]["value"], "abc");
    assert_eq!(echoed["order"]["description"], "Pizza");
    assert_eq!(echoed["order"]["breakdown"]["tip"]["amount"], 100);
    assert_eq!(echoed["order"]["breakdown"]["taxes"][0]["amount"], 90);
    assert_eq!(echoed["card"]["securityChecks"]["avsResult"], "Y");

    let bad = h
        .post("/v1/payments", &json!({"channel": "web", "processingTerminalId": TERMINAL,
            "order": {"orderId": "X", "amount": 0, "currency": "USD"}, "paymentMethod": card_method(PAN)}))
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(params(&bad), ["order.amount"]);
    let unknown_method = h
        .post("/v1/payments", &payment("X", 1000, json!({"type": "cash"})))
        .await;
    assert_eq!(params(&unknown_method), ["paymentMethod.type"]);
}

#[tokio::test]
async fn tokenize_on_payment_then_pay_again_with_standing_instructions() {
    let h = Harness::new().await;
    let mut first = payment("SERIES-1", 1999, card_method(PAN));
    first["order"]["standingInstructions"] =
        json!({"sequence": "first", "processingModel": "recurring"});
    first["credentialOnFile"] =
        json!({"tokenize": true, "secureTokenId": "SUB-1", "mitAgreement": "recurring"});
    first["customer"] = json!({"firstName": "Sarah", "lastName": "Hopper"});
    let paid = pay(&h, &first).await;
    let saved = &paid["card"]["secureToken"];
    assert_eq!(saved["secureTokenId"], "SUB-1");
    assert_eq!(saved["status"], "cvvValidated");
    assert_eq!(saved["customerName"], "Sarah Hopper");
    let token = saved["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("296753") && luhn_valid(&token));
    assert!(saved["link"]["href"].as_str().unwrap().ends_with(&format!(
        "/v1/processing-terminals/{TERMINAL}/secure-tokens/SUB-1"
    )));
    assert_eq!(paid["order"]["standingInstructions"]["sequence"], "first");

    let stored = h.get(&format!("{}/SUB-1", tokens_path())).await;
    assert_eq!(stored.status, 200);
    assert_eq!(stored.body["token"], token.as_str());
    assert_eq!(stored.body["mitAgreement"], "recurring");
    assert_eq!(stored.body["source"]["cardNumber"], MASKED);

    let mut next = payment(
        "SERIES-2",
        1999,
        json!({"type": "secureToken", "token": token}),
    );
    next["order"]["standingInstructions"] = json!({
        "sequence": "subsequent", "processingModel": "recurring",
        "referenceDataOfFirstTxn": {
            "paymentId": paid["paymentId"],
            "cardSchemeReferenceId": paid["transactionResult"]["cardSchemeReferenceId"]
        }
    });
    let second = pay(&h, &next).await;
    assert_eq!(second["transactionResult"]["responseCode"], "A");
    assert_eq!(second["card"]["cardNumber"], MASKED);
    assert_eq!(second["card"]["secureToken"]["secureTokenId"], "SUB-1");
    assert_eq!(
        second["order"]["standingInstructions"]["referenceDataOfFirstTxn"]["paymentId"],
        paid["paymentId"]
    );

    // The same secureTokenId cannot be saved twice; nothing is charged then.
    let again = h.post("/v1/payments", &first).await;
    assert_eq!(again.status, 409);
    // A declined payment saves nothing.
    let mut declined = payment("SERIES-X", 2001, card_method(PAN));
    declined["credentialOnFile"] = json!({"tokenize": true});
    let declined = pay(&h, &declined).await;
    assert!(declined["card"].get("secureToken").is_none());
    // mitAgreement needs standing instructions.
    let mut missing = payment("SERIES-Y", 1000, card_method(PAN));
    missing["credentialOnFile"] = json!({"mitAgreement": "recurring"});
    let missing = h.post("/v1/payments", &missing).await;
    assert_eq!(params(&missing), ["order.standingInstructions"]);
}

#[tokio::test]
async fn pre_authorizations_are_captured_once_up_to_the_authorized_amount() {
    let h = Harness::new().await;
    let mut body = payment("PRE-1", 5000, card_method(PAN));
    body["autoCapture"] = json!(false);
    let pre = pay(&h, &body).await;
    assert_eq!(pre["transactionResult"]["type"], "preAuthorization");
    assert_eq!(pre["transactionResult"]["status"], "pending");
    assert_eq!(
        ops(&pre),
        [
            "capture",
            "fullyReverse",
            "partiallyReverse",
            "incrementAuthorization"
        ]
    );
    let id = pre["paymentId"].as_str().unwrap();
    let capture = format!("/v1/payments/{id}/capture");

    let too_much = h.post(&capture, &json!({"amount": 6000})).await;
    assert_eq!(too_much.status, 400);
    assert_eq!(params(&too_much), ["amount"]);
    let wrong_terminal = h
        .post(&capture, &json!({"processingTerminalId": "999"}))
        .await;
    assert_eq!(params(&wrong_terminal), ["processingTerminalId"]);

    let captured = h.post(&capture, &json!({"amount": 3000})).await;
    assert_eq!(captured.status, 200, "{:?}", captured.body);
    let result = &captured.body["transactionResult"];
    assert_eq!(result["type"], "preAuthorizationCompletion");
    assert_eq!(result["status"], "ready");
    assert_eq!(result["authorizedAmount"], 3000);
    assert!(ops(&captured.body).contains(&"refund"));
    let again = h.post(&capture, &json!({})).await;
    assert_eq!(again.status, 409);

    // A whole capture with no body at all.
    let mut body = payment("PRE-2", 4000, card_method(PAN));
    body["autoCapture"] = json!(false);
    let pre = pay(&h, &body).await;
    let whole = h
        .send(
            "POST",
            &format!(
                "/v1/payments/{}/capture",
                pre["paymentId"].as_str().unwrap()
            ),
            None,
            Some(&common::new_key()),
        )
        .await;
    assert_eq!(whole.status, 200, "{:?}", whole.body);
    assert_eq!(whole.body["transactionResult"]["authorizedAmount"], 4000);

    let sale = pay(&h, &payment("SALE-1", 1000, card_method(PAN))).await;
    let sale_capture = h
        .post(
            &format!(
                "/v1/payments/{}/capture",
                sale["paymentId"].as_str().unwrap()
            ),
            &json!({}),
        )
        .await;
    assert_eq!(sale_capture.status, 409);
    assert_eq!(
        h.post("/v1/payments/NOPE/capture", &json!({})).await.status,
        404
    );
    assert_eq!(h.get("/v1/payments/NOPE").await.status, 404);
}

#[tokio::test]
async fn reversals_only_happen_in_the_open_batch() {
    let h = Harness::new().await;
    let sale = pay(&h, &payment("REV-1", 5000, card_method(PAN))).await;
    let reverse = format!(
        "/v1/payments/{}/reverse",
        sale["paymentId"].as_str().unwrap()
    );
    let partial = h.post(&reverse, &json!({"amount": 1000})).await;
    assert_eq!(partial.status, 200);
    assert_eq!(partial.body["transactionResult"]["status"], "ready");
    assert_eq!(partial.body["transactionResult"]["authorizedAmount"], 4000);
    let too_much = h.post(&reverse, &json!({"amount": 4001})).await;
    assert_eq!(params(&too_much), ["amount"]);
    let full = h.post(&reverse, &json!({})).await;
    assert_eq!(full.status, 200);
    assert_eq!(full.body["transactionResult"]["status"], "reversal");
    assert!(ops(&full.body).is_empty());
    let again = h.post(&reverse, &json!({})).await;
    assert_eq!(again.status, 409);
    let retrieved = h
        .get(&format!(
            "/v1/payments/{}",
            sale["paymentId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(retrieved.body["transactionResult"]["status"], "reversal");

    let mut settled = payment("REV-2", 5000, card_method(PAN));
    settled["processAsSale"] = json!(true);
    let settled = pay(&h, &settled).await;
    assert_eq!(settled["transactionResult"]["status"], "complete");
    assert_eq!(ops(&settled), ["refund"]);
    let reverse_settled = h
        .post(
            &format!(
                "/v1/payments/{}/reverse",
                settled["paymentId"].as_str().unwrap()
            ),
            &json!({}),
        )
        .await;
    assert_eq!(reverse_settled.status, 409);

    let declined = pay(&h, &payment("REV-3", 5001, card_method(PAN))).await;
    let reverse_declined = h
        .post(
            &format!(
                "/v1/payments/{}/reverse",
                declined["paymentId"].as_str().unwrap()
            ),
            &json!({}),
        )
        .await;
    assert_eq!(reverse_declined.status, 409);
    assert_eq!(
        h.post("/v1/payments/NOPE/reverse", &json!({})).await.status,
        404
    );
}

#[tokio::test]
async fn referenced_refunds_reverse_open_payments_and_refund_settled_ones() {
    let h = Harness::new().await;
    let open = pay(&h, &payment("REF-OPEN", 3000, card_method(PAN))).await;
    let reversed = h
        .post(
            &format!(
                "/v1/payments/{}/refund",
                open["paymentId"].as_str().unwrap()
            ),
            &json!({"amount": 3000, "description": "changed mind"}),
        )
        .await;
    assert_eq!(reversed.status, 200);
    assert_eq!(reversed.body["transactionResult"]["status"], "reversal");
    assert!(
        reversed.body.get("refunds").is_none(),
        "no refund record for a reversal"
    );

    let mut body = payment("REF-SETTLED", 5000, card_method(PAN));
    body["processAsSale"] = json!(true);
    let settled = pay(&h, &body).await;
    let id = settled["paymentId"].as_str().unwrap();
    let refund = format!("/v1/payments/{id}/refund");
    let refunded = h
        .post(
            &refund,
            &json!({"amount": 2000, "description": "damaged", "operator": "Jane"}),
        )
        .await;
    assert_eq!(refunded.status, 200, "{:?}", refunded.body);
    assert_eq!(refunded.body["paymentId"], id);
    let summary = &refunded.body["refunds"][0];
    assert_eq!(summary["amount"], 2000);
    assert_eq!(summary["status"], "ready");
    assert_eq!(summary["responseCode"], "A");
    let refund_id = summary["refundId"].as_str().unwrap();
    assert!(summary["link"]["href"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/v1/refunds/{refund_id}")));
    assert_eq!(ops(&refunded.body), ["refund"]);

    let record = h
        .get(path_of(&h, summary["link"]["href"].as_str().unwrap()))
        .await;
    assert_eq!(record.status, 200);
    assert_eq!(record.body["refundId"], refund_id);
    assert_eq!(record.body["payment"]["paymentId"], id);
    assert_eq!(record.body["payment"]["status"], "complete");
    assert_eq!(record.body["order"]["amount"], 2000);
    assert_eq!(record.body["order"]["description"], "damaged");
    assert_eq!(record.body["transactionResult"]["type"], "refund");
    assert_eq!(record.body["transactionResult"]["authorizedAmount"], -2000);
    assert_eq!(record.body["card"]["cardNumber"], MASKED);

    let too_much = h
        .post(&refund, &json!({"amount": 3001, "description": "x"}))
        .await;
    assert_eq!(too_much.status, 400);
    assert_eq!(params(&too_much), ["amount"]);
    let rest = h
        .post(&refund, &json!({"amount": 3000, "description": "rest"}))
        .await;
    assert_eq!(rest.status, 200);
    assert!(ops(&rest.body).is_empty());
    let none_left = h
        .post(&refund, &json!({"amount": 1, "description": "x"}))
        .await;
    assert_eq!(none_left.status, 409);

    // Reversing a refund gives its amount back to the payment.
    let reversed_refund = h
        .send(
            "POST",
            &format!("/v1/refunds/{refund_id}/reverse"),
            None,
            Some(&common::new_key()),
        )
        .await;
    assert_eq!(reversed_refund.status, 200);
    let payment_now = h.get(&format!("/v1/payments/{id}")).await;
    assert_eq!(payment_now.body["refunds"][0]["status"], "reversal");
    assert_eq!(ops(&payment_now.body), ["refund"]);

    let missing_description = h.post(&refund, &json!({"amount": 1})).await;
    assert_eq!(missing_description.status, 400);
    let declined = pay(&h, &payment("REF-D", 1001, card_method(PAN))).await;
    let refund_declined = h
        .post(
            &format!(
                "/v1/payments/{}/refund",
                declined["paymentId"].as_str().unwrap()
            ),
            &json!({"amount": 1, "description": "x"}),
        )
        .await;
    assert_eq!(refund_declined.status, 409);
    assert_eq!(
        h.post(
            "/v1/payments/NOPE/refund",
            &json!({"amount": 1, "description": "x"})
        )
        .await
        .status,
        404
    );
}

#[tokio::test]
async fn adjustments_follow_the_supported_operations() {
    let h = Harness::new().await;
    let sale = pay(&h, &payment("ADJ-1", 5000, card_method(PAN))).await;
    let adjust = format!(
        "/v1/payments/{}/adjust",
        sale["paymentId"].as_str().unwrap()
    );

    let changed = h
        .post(
            &adjust,
            &json!({"adjustments": [
                {"type": "order", "amount": 5500, "breakdown": {"tip": {"type": "fixedAmount", "amount": 500, "mode": "adjusted"}}},
                {"type": "status", "toStatus": "pending"},
                {"type": "customer", "contactMethods": [{"type": "email", "value": "s@example.com"}]},
                {"type": "signature", "cardholderSignature": "a1b1c0"}
            ]}),
        )
        .await;
    assert_eq!(changed.status, 200, "{:?}", changed.body);
    let body = &changed.body;
    assert_eq!(body["order"]["amount"], 5500);
    assert_eq!(body["transactionResult"]["authorizedAmount"], 5500);
    assert_eq!(body["order"]["breakdown"]["tip"]["amount"], 500);
    assert_eq!(body["order"]["breakdown"]["subtotal"], 5000);
    assert_eq!(body["transactionResult"]["status"], "pending");
    assert_eq!(
        body["customer"]["contactMethods"][0]["value"],
        "s@example.com"
    );
    assert_eq!(body["card"]["cardholderSignature"], "a1b1c0");
    assert_eq!(
        ops(body),
        [
            "fullyReverse",
            "partiallyReverse",
            "adjustTip",
            "setAsReady",
            "refund"
        ]
    );

    let signature_again = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "signature", "cardholderSignature": "zz"}]}),
        )
        .await;
    assert_eq!(signature_again.status, 409);
    let pending_again = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "status", "toStatus": "pending"}]}),
        )
        .await;
    assert_eq!(pending_again.status, 409);
    // All or nothing: the status change is not kept when the signature is refused.
    let mixed = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "status", "toStatus": "ready"},
                                    {"type": "signature", "cardholderSignature": "zz"}]}),
        )
        .await;
    assert_eq!(mixed.status, 409);
    let now = h
        .get(&format!(
            "/v1/payments/{}",
            sale["paymentId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(now.body["transactionResult"]["status"], "pending");
    let ready = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "status", "toStatus": "ready"}]}),
        )
        .await;
    assert_eq!(ready.body["transactionResult"]["status"], "ready");

    let empty = h.post(&adjust, &json!({"adjustments": []})).await;
    assert_eq!(empty.status, 400);
    assert_eq!(params(&empty), ["adjustments"]);
    let unknown = h
        .post(
            "/v1/payments/NOPE/adjust",
            &json!({"adjustments": [{"type": "status", "toStatus": "ready"}]}),
        )
        .await;
    assert_eq!(unknown.status, 404);

    let mut settled = payment("ADJ-2", 5000, card_method(PAN));
    settled["processAsSale"] = json!(true);
    let settled = pay(&h, &settled).await;
    let adjust_settled = h
        .post(
            &format!(
                "/v1/payments/{}/adjust",
                settled["paymentId"].as_str().unwrap()
            ),
            &json!({"adjustments": [{"type": "order", "amount": 10}]}),
        )
        .await;
    assert_eq!(adjust_settled.status, 409);
}

#[tokio::test]
async fn payment_list_filters_and_pages() {
    let h = Harness::new().await;
    let mut ids = Vec::new();
    for (i, amount) in [1000, 1001, 1000, 1003, 1000].into_iter().enumerate() {
        let mut body = payment(&format!("LIST-{i}"), amount, card_method(PAN));
        if i == 2 {
            body["autoCapture"] = json!(false);
        }
        if i == 4 {
            body["processAsSale"] = json!(true);
            body["processingTerminalId"] = json!("5550001");
        }
        ids.push(
            pay(&h, &body).await["paymentId"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let count = |reply: &Reply| reply.body["count"].as_u64().unwrap();
    let data_ids = |reply: &Reply| -> Vec<String> {
        reply.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["paymentId"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = h.get("/v1/payments").await;
    assert_eq!(all.status, 200);
    assert_eq!(data_ids(&all), ids);
    assert_eq!(all.body["limit"], 10);

    assert_eq!(count(&h.get("/v1/payments?orderId=LIST-3").await), 1);
    assert_eq!(
        count(&h.get("/v1/payments?status=declined&status=referral").await),
        2
    );
    assert_eq!(count(&h.get("/v1/payments?type=preAuthorization").await), 1);
    assert_eq!(
        count(&h.get("/v1/payments?type=sale&status=ready").await),
        1
    );
    assert_eq!(
        count(&h.get("/v1/payments?processingTerminalId=5550001").await),
        1
    );
    assert_eq!(
        count(&h.get("/v1/payments?settlementState=settled").await),
        1
    );
    assert_eq!(
        count(&h.get("/v1/payments?settlementState=unsettled").await),
        4
    );
    assert_eq!(
        count(&h.get("/v1/payments?last4=7062&first6=453985").await),
        5
    );
    assert_eq!(count(&h.get("/v1/payments?last4=1111").await), 0);
    assert_eq!(count(&h.get("/v1/payments?tipMode=noTip").await), 5);
    assert_eq!(count(&h.get("/v1/payments?tender=ebt").await), 0);
    assert_eq!(count(&h.get("/v1/payments?paymentLinkId=LINK1").await), 0);
    assert_eq!(
        count(&h.get("/v1/payments?cardholderName=Sarah%20Hopper").await),
        5
    );
    assert_eq!(
        count(&h.get("/v1/payments?dateFrom=2000-01-01T00:00:00Z").await),
        5
    );
    assert_eq!(
        count(&h.get("/v1/payments?dateTo=2000-01-01T00:00:00Z").await),
        0
    );

    let page = h
        .get("/v1/payments?limit=2&status=ready&status=pending&status=declined&status=referral")
        .await;
    assert_eq!(data_ids(&page), &ids[..2]);
    assert_eq!(page.body["hasMore"], true);
    let next_href = page.body["links"][0]["href"].as_str().unwrap();
    assert!(
        next_href.contains("status=ready") && next_href.contains("status=referral"),
        "{next_href}"
    );
    let next = h.get(path_of(&h, next_href)).await;
    assert_eq!(data_ids(&next), &ids[2..4]);
    assert_eq!(next.body["hasMore"], false);
    let after = h
        .get(&format!("/v1/payments?after={}&limit=1", ids[3]))
        .await;
    assert_eq!(data_ids(&after), &ids[4..5]);
    let before = h.get(&format!("/v1/payments?before={}", ids[2])).await;
    assert_eq!(data_ids(&before), &ids[..2]);

    let bad = h.get("/v1/payments?status=approved").await;
    assert_eq!(bad.status, 400);
    assert_eq!(params(&bad), ["status"]);
    assert_eq!(params(&h.get("/v1/payments?type=refund").await), ["type"]);
    assert_eq!(
        params(&h.get("/v1/payments?dateFrom=yesterday").await),
        ["dateFrom"]
    );
    assert_eq!(params(&h.get("/v1/payments?limit=abc").await), ["limit"]);
    assert_eq!(
        params(
            &h.get(&format!("/v1/payments?after={}&before={}", ids[0], ids[1]))
                .await
        ),
        ["after"]
    );
}

fn refund_body(order_id: &str, amount: i64, channel: &str) -> Value {
    json!({
        "channel": channel,
        "processingTerminalId": TERMINAL,
        "order": {"orderId": order_id, "amount": amount, "currency": "USD", "description": "goodwill"},
        "refundMethod": {"type": "card", "cardDetails": keyed(PAN, None)}
    })
}

#[tokio::test]
async fn unreferenced_refunds_are_created_adjusted_reversed_and_listed() {
    let h = Harness::new().await;
    let created = h
        .post("/v1/refunds", &refund_body("UREF-1", 1500, "moto"))
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let refund = &created.body;
    let id = refund["refundId"].as_str().unwrap();
    assert_eq!(refund["transactionResult"]["type"], "refund");
    assert_eq!(refund["transactionResult"]["status"], "ready");
    assert_eq!(refund["transactionResult"]["responseCode"], "A");
    assert_eq!(refund["transactionResult"]["authorizedAmount"], -1500);
    assert_eq!(refund["order"]["amount"], 1500);
    assert_eq!(refund["card"]["cardNumber"], MASKED);
    assert!(refund.get("payment").is_none());
    assert_eq!(ops(refund), ["fullyReverse", "setAsPending"]);

    let web = h
        .post("/v1/refunds", &refund_body("UREF-W", 1500, "web"))
        .await;
    assert_eq!(web.status, 400);
    assert_eq!(params(&web), ["channel"]);
    let bad_token = h
        .post(
            "/v1/refunds",
            &json!({"channel": "pos", "processingTerminalId": TERMINAL,
                    "order": {"orderId": "UREF-T", "amount": 10, "currency": "USD"},
                    "refundMethod": {"type": "secureToken", "token": "296753999995"}}),
        )
        .await;
    assert_eq!(params(&bad_token), ["refundMethod.token"]);
    let token = new_token(&h, &token_request(card_source("5555555555554444", None))).await;
    let by_token = h
        .post(
            "/v1/refunds",
            &json!({"channel": "pos", "processingTerminalId": TERMINAL,
                    "order": {"orderId": "UREF-2", "amount": 20, "currency": "USD"},
                    "refundMethod": {"type": "secureToken", "token": token["token"]}}),
        )
        .await;
    assert_eq!(by_token.status, 201);
    assert_eq!(by_token.body["card"]["cardNumber"], "555555******4444");

    assert_eq!(h.get(&format!("/v1/refunds/{id}")).await.body, created.body);
    assert_eq!(h.get("/v1/refunds/NOPE").await.status, 404);

    let adjust = format!("/v1/refunds/{id}/adjust");
    let pending = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "status", "toStatus": "pending"},
                                    {"type": "customer", "contactMethods": [{"type": "phone", "value": "555"}]}]}),
        )
        .await;
    assert_eq!(pending.status, 200, "{:?}", pending.body);
    assert_eq!(pending.body["transactionResult"]["status"], "pending");
    assert_eq!(
        pending.body["customer"]["contactMethods"][0]["value"],
        "555"
    );
    assert_eq!(ops(&pending.body), ["fullyReverse", "setAsReady"]);
    let pending_again = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "status", "toStatus": "pending"}]}),
        )
        .await;
    assert_eq!(pending_again.status, 409);
    let wrong_type = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "signature", "cardholderSignature": "x"}]}),
        )
        .await;
    assert_eq!(params(&wrong_type), ["adjustments[0].type"]);

    let list = h.get("/v1/refunds?status=pending").await;
    assert_eq!(list.body["count"], 1);
    assert_eq!(list.body["data"][0]["refundId"], id);
    assert_eq!(h.get("/v1/refunds?last4=4444").await.body["count"], 1);
    assert_eq!(h.get("/v1/refunds?orderId=UREF-2").await.body["count"], 1);
    let paged = h.get("/v1/refunds?limit=1").await;
    assert_eq!(paged.body["hasMore"], true);
    assert_eq!(paged.body["links"][0]["rel"], "next");
    assert_eq!(params(&h.get("/v1/refunds?status=nope").await), ["status"]);

    let reverse = format!("/v1/refunds/{id}/reverse");
    let reversed = h
        .send("POST", &reverse, None, Some(&common::new_key()))
        .await;
    assert_eq!(reversed.status, 200);
    assert_eq!(reversed.body["transactionResult"]["status"], "reversal");
    assert!(ops(&reversed.body).is_empty());
    let again = h
        .send("POST", &reverse, None, Some(&common::new_key()))
        .await;
    assert_eq!(again.status, 409);
    let adjust_reversed = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "customer", "contactMethods": []}]}),
        )
        .await;
    assert_eq!(adjust_reversed.status, 409);
    assert_eq!(
        h.send(
            "POST",
            "/v1/refunds/NOPE/reverse",
            None,
            Some(&common::new_key())
        )
        .await
        .status,
        404
    );

    let ledger = h.control("GET", "/_mock/ledger", None).await;
    assert_eq!(ledger.body["refunds"].as_array().unwrap().len(), 2);
    assert_eq!(ledger.body["secureTokens"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn amounts_above_twelve_digits_are_refused_at_their_path() {
    let h = Harness::new().await;
    let sale = pay(&h, &payment("BIG-1", 5000, card_method(PAN))).await;
    let id = sale["paymentId"].as_str().unwrap();
    let adjust = format!("/v1/payments/{id}/adjust");
    for amount in [i64::MAX, 1_000_000_000_000] {
        let reply = h
            .post(
                &adjust,
                &json!({"adjustments": [
                    {"type": "status", "toStatus": "pending"},
                    {"type": "order", "amount": amount}
                ]}),
            )
            .await;
        assert_eq!(reply.status, 400, "{amount}: {:?}", reply.body);
        assert_eq!(params(&reply), ["adjustments[1].amount"], "{amount}");
        assert_eq!(reply.body["errors"][0]["detail"], "Value out of range");
    }
    let unchanged = h.get(&format!("/v1/payments/{id}")).await.body;
    assert_eq!(unchanged["transactionResult"]["authorizedAmount"], 5000);
    assert_eq!(
        unchanged["transactionResult"]["status"], "ready",
        "all or nothing"
    );

    // Twelve digits is the most a card network carries.
    let most = h
        .post(
            &adjust,
            &json!({"adjustments": [{"type": "order", "amount": 999_999_999_999_i64}]}),
        )
        .await;
    assert_eq!(most.status, 200, "{:?}", most.body);
    assert_eq!(
        most.body["transactionResult"]["authorizedAmount"],
        999_999_999_999_i64
    );

    // The same ceiling when charging or refunding.
    let big = h
        .post(
            "/v1/payments",
            &payment("BIG-2", i64::MAX, card_method(PAN)),
        )
        .await;
    assert_eq!(big.status, 400, "{:?}", big.body);
    assert_eq!(params(&big), ["order.amount"]);
    let refund = h
        .post("/v1/refunds", &refund_body("BIG-3", i64::MAX, "moto"))
        .await;
    assert_eq!(refund.status, 400, "{:?}", refund.body);
    assert_eq!(params(&refund), ["order.amount"]);
    let counters = h.control("GET", "/_mock/counters", None).await.body;
    assert!(
        counters["paymentsPerOrderId"].get("BIG-2").is_none(),
        "{counters}"
    );
    let ledger = h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(ledger["refunds"].as_array().map_or(0, Vec::len), 0);
}
