//! Payment links and sharing events over HTTP: create, retrieve, list filters and
//! pagination, JSON Patch rules per link type, deactivation, expiry, and sharing.

mod common;

use common::{new_key, Harness, Reply};
use serde_json::{json, Value};

/// The list/create path of one terminal.
const LINKS: &str = "/v1/processing-terminals/1234001/payment-links";
/// A last day ten years off, so a link stays active.
fn future() -> String {
    in_days(3650)
}
/// A last day long gone, so a link reads back expired.
const PAST: &str = "2020-01-01";

/// Today's UTC date as `YYYY-MM-DD` (the emulator stamps `createdOn` with it).
fn today() -> String {
    payroc_mock::date_in_days(0)
}

/// The date `days` from today, `YYYY-MM-DD`.
fn in_days(days: i64) -> String {
    payroc_mock::date_in_days(days)
}

/// A valid multi-use link body (prompt charge, card and bank transfer).
fn multi_use(reference: &str) -> Value {
    json!({
        "type": "multiUse",
        "merchantReference": reference,
        "order": {
            "description": "Harbour clean-up fund",
            "charge": {"type": "prompt", "currency": "USD"}
        },
        "authType": "sale",
        "paymentMethods": ["card", "bankTransfer"],
        "customLabels": [{"element": "paymentButton", "label": "Give now"}],
        "expiresOn": future(),
        "credentialOnFile": {"tokenize": true}
    })
}

/// A valid single-use link body (preset charge, card only).
fn single_use(reference: &str, expires_on: &str) -> Value {
    json!({
        "type": "singleUse",
        "merchantReference": reference,
        "order": {
            "orderId": format!("ORD-{reference}"),
            "description": "Garden design, deposit",
            "charge": {"type": "preset", "amount": 12500, "currency": "USD"}
        },
        "authType": "sale",
        "paymentMethods": ["card"],
        "expiresOn": expires_on
    })
}

/// A sharing event to one recipient.
fn email_share(name: &str, email: &str) -> Value {
    json!({
        "sharingMethod": "email",
        "recipients": [{"name": name, "email": email}],
        "message": "Your invoice is ready."
    })
}

/// Creates a link under `path`, asserting `201`.
async fn create_on(h: &Harness, path: &str, body: &Value) -> Value {
    let reply = h.post(path, body).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}

/// Creates a link on the default terminal, asserting `201`.
async fn create(h: &Harness, body: &Value) -> Value {
    create_on(h, LINKS, body).await
}

/// The link's `paymentLinkId`.
fn id_of(link: &Value) -> String {
    link["paymentLinkId"].as_str().unwrap().to_owned()
}

/// `PATCH /payment-links/{id}` with a fresh idempotency key.
async fn patch(h: &Harness, id: &str, ops: &Value) -> Reply {
    h.send(
        "PATCH",
        &format!("/v1/payment-links/{id}"),
        Some(ops),
        Some(&new_key()),
    )
    .await
}

/// `POST /payment-links/{id}/deactivate`, without body or key, as the SDK sends it.
async fn deactivate(h: &Harness, id: &str) -> Reply {
    h.send(
        "POST",
        &format!("/v1/payment-links/{id}/deactivate"),
        None,
        None,
    )
    .await
}

/// `POST /payment-links/{id}/sharing-events`.
async fn share(h: &Harness, id: &str, body: &Value) -> Reply {
    h.post(&format!("/v1/payment-links/{id}/sharing-events"), body)
        .await
}

/// The `errors[].parameter` of a problem body, in order.
fn parameters(reply: &Reply) -> Vec<String> {
    reply.body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors[] in {:?}", reply.body))
        .iter()
        .map(|e| e["parameter"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// The link ids on a list page, in order.
fn ids(page: &Value) -> Vec<String> {
    page["data"].as_array().unwrap().iter().map(id_of).collect()
}

/// The token of a hosted-page URL (panics on any other host or path).
fn page_token_of(url: &str) -> &str {
    url.strip_prefix("https://payments.payroc.com/merchant/pay-by-link?token=")
        .unwrap_or_else(|| panic!("unexpected payment URL {url}"))
}

/// Whether `text` has the shape of a UUID v4.
fn is_uuid_v4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
        && parts[2].starts_with('4')
        && matches!(parts[3].chars().next(), Some('8' | '9' | 'a' | 'b'))
}

#[tokio::test]
async fn create_fills_the_gateway_fields_and_echoes_the_rest() {
    let h = Harness::new().await;
    let link = create(&h, &multi_use("DONATE-1")).await;

    let id = id_of(&link);
    assert_eq!(id.len(), 10);
    assert!(id
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    let url = link["assets"]["paymentUrl"].as_str().unwrap();
    assert!(is_uuid_v4(page_token_of(url)), "{url}");
    let button = link["assets"]["paymentButton"].as_str().unwrap();
    assert!(button.starts_with("<a href=\""), "{button}");
    assert!(button.contains(&format!("href=\"{url}\"")), "{button}");
    assert!(button.trim_end().ends_with("</a>"), "{button}");
    assert_eq!(link["status"], "active");
    assert_eq!(link["createdOn"], today());

    // Everything sent comes back as sent, plus the gateway's default agreement.
    assert_eq!(link["type"], "multiUse");
    assert_eq!(link["merchantReference"], "DONATE-1");
    assert_eq!(link["order"], multi_use("x")["order"]);
    assert_eq!(link["authType"], "sale");
    assert_eq!(link["paymentMethods"], json!(["card", "bankTransfer"]));
    assert_eq!(
        link["customLabels"],
        json!([{"element": "paymentButton", "label": "Give now"}])
    );
    assert_eq!(link["expiresOn"], future());
    assert_eq!(
        link["credentialOnFile"],
        json!({"tokenize": true, "mitAgreement": "unscheduled"})
    );

    let got = h.get(&format!("/v1/payment-links/{id}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, link);

    let ledger = h.control("GET", "/_mock/ledger", None).await.body;
    let stored = &ledger["paymentLinks"];
    assert_eq!(stored.as_array().unwrap().len(), 1);
    assert_eq!(stored[0]["processingTerminalId"], "1234001");
    assert_eq!(stored[0]["link"]["paymentLinkId"], id.as_str());
}

#[tokio::test]
async fn gateway_fields_sent_by_the_client_are_replaced_and_ids_differ() {
    let h = Harness::new().await;
    let mut body = single_use("INV-1", &future());
    body["paymentLinkId"] = json!("CLIENTSET1");
    body["status"] = json!("completed");
    body["createdOn"] = json!("2001-01-01");
    body["assets"] = json!({"paymentUrl": "https://evil.example", "paymentButton": "<a/>"});
    let first = create(&h, &body).await;
    assert_ne!(first["paymentLinkId"], "CLIENTSET1");
    assert_eq!(first["status"], "active");
    assert_eq!(first["createdOn"], today());
    assert!(first["assets"]["paymentUrl"]
        .as_str()
        .unwrap()
        .starts_with("https://payments.payroc.com/"));
    assert_eq!(first["order"]["orderId"], "ORD-INV-1");

    let second = create(&h, &single_use("INV-2", &future())).await;
    assert_ne!(first["paymentLinkId"], second["paymentLinkId"]);
    assert_ne!(
        first["assets"]["paymentUrl"],
        second["assets"]["paymentUrl"]
    );
}

#[tokio::test]
async fn invalid_create_bodies_are_400_naming_each_parameter() {
    let h = Harness::new().await;

    let mut body = multi_use("R");
    body["merchantReference"] = json!(" ");
    body["authType"] = json!("preAuthorization");
    body["order"]["charge"] = json!({"type": "preset", "amount": 0, "currency": "USD"});
    let reply = h.post(LINKS, &body).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.body["status"], 400);
    assert_eq!(
        parameters(&reply),
        ["merchantReference", "paymentMethods", "order.charge.amount"]
    );

    let reply = h.post(LINKS, &single_use("R", "31/12/2026")).await;
    assert_eq!(reply.status, 400);
    assert_eq!(parameters(&reply), ["expiresOn"]);

    let mut body = single_use("R", &future());
    body["order"]["charge"]["currency"] = json!("DOLLARS");
    body["paymentMethods"] = json!([]);
    let reply = h.post(LINKS, &body).await;
    assert_eq!(
        parameters(&reply),
        ["paymentMethods", "order.charge.currency"]
    );

    let mut body = multi_use("R");
    body["type"] = json!("subscriptionLink");
    let reply = h.post(LINKS, &body).await;
    assert_eq!(reply.status, 400);
    assert_eq!(parameters(&reply), ["type"]);

    let reply = h.post(LINKS, &json!("not an object")).await;
    assert_eq!(reply.status, 400);

    let ledger = h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(ledger["paymentLinks"], json!([]), "nothing was created");
}

#[tokio::test]
async fn unknown_links_are_404() {
    let h = Harness::new().await;
    let reply = h.get("/v1/payment-links/NOSUCHLINK").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.body["resource"], "payment link");
    assert!(reply.body["detail"]
        .as_str()
        .unwrap()
        .contains("NOSUCHLINK"));
    assert_eq!(
        patch(
            &h,
            "NOSUCHLINK",
            &json!([{"op": "replace", "path": "/expiresOn", "value": future()}])
        )
        .await
        .status,
        404
    );
    assert_eq!(deactivate(&h, "NOSUCHLINK").await.status, 404);
    assert_eq!(
        share(&h, "NOSUCHLINK", &email_share("Ada", "ada@example.com"))
            .await
            .status,
        404
    );
    assert_eq!(
        h.get("/v1/payment-links/NOSUCHLINK/sharing-events")
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn list_filters_by_every_documented_field() {
    let h = Harness::new().await;
    let a = id_of(&create(&h, &multi_use("REF-A")).await);
    let b = id_of(&create(&h, &single_use("REF-B", &future())).await);
    let c = id_of(&create(&h, &single_use("REF-C", PAST)).await);
    let mut preset_multi = multi_use("REF-D");
    preset_multi["order"]["charge"] = json!({"type": "preset", "amount": 500, "currency": "USD"});
    let d = id_of(&create(&h, &preset_multi).await);
    let other = create_on(
        &h,
        "/v1/processing-terminals/9999/payment-links",
        &multi_use("REF-A"),
    )
    .await;
    assert_eq!(deactivate(&h, &d).await.status, 200);
    assert_eq!(
        share(&h, &b, &email_share("Ada Byron", "ada@example.com"))
            .await
            .status,
        201
    );

    let list = |query: &'static str| {
        let h = &h;
        async move {
            let reply = h.get(&format!("{LINKS}{query}")).await;
            assert_eq!(reply.status, 200, "{query}: {:?}", reply.body);
            ids(&reply.body)
        }
    };
    assert_eq!(
        list("").await,
        [&*a, &*b, &*c, &*d],
        "per terminal, oldest first"
    );
    assert_eq!(
        ids(&h
            .get("/v1/processing-terminals/9999/payment-links")
            .await
            .body),
        [id_of(&other)]
    );
    assert!(ids(&h.get("/v1/processing-terminals/0/payment-links").await.body).is_empty());

    assert_eq!(list("?merchantReference=REF-A").await, [&*a]);
    assert_eq!(list("?linkType=singleUse").await, [&*b, &*c]);
    assert_eq!(list("?linkType=multiUse").await, [&*a, &*d]);
    assert_eq!(list("?chargeType=preset").await, [&*b, &*c, &*d]);
    assert_eq!(list("?chargeType=prompt").await, [&*a]);
    assert_eq!(list("?status=active").await, [&*a, &*b]);
    assert_eq!(list("?status=expired").await, [&*c]);
    assert_eq!(list("?status=deactivated").await, [&*d]);
    assert!(list("?status=completed").await.is_empty());
    assert_eq!(list("?recipientName=ada%20byron").await, [&*b]);
    assert_eq!(list("?recipientEmail=ADA@example.com").await, [&*b]);
    assert!(list("?recipientEmail=bo@example.com").await.is_empty());
    assert_eq!(
        list("?recipientName=Ada%20Byron&recipientEmail=ada@example.com").await,
        [&*b]
    );
    let created_today = format!("{LINKS}?createdOn={}", today());
    assert_eq!(ids(&h.get(&created_today).await.body).len(), 4);
    assert!(list("?createdOn=2001-01-01").await.is_empty());
    assert_eq!(list("?expiresOn=2020-01-01").await, [&*c]);
    assert_eq!(
        list("?linkType=singleUse&status=active&merchantReference=REF-B").await,
        [&*b]
    );

    for (query, parameter) in [
        ("?linkType=oneTime", "linkType"),
        ("?chargeType=fixed", "chargeType"),
        ("?status=live", "status"),
        ("?createdOn=2024-7-1", "createdOn"),
        ("?expiresOn=tomorrow", "expiresOn"),
        ("?limit=0", "limit"),
        ("?after=NOTALINK00", "after"),
    ] {
        let reply = h.get(&format!("{LINKS}{query}")).await;
        assert_eq!(reply.status, 400, "{query}");
        assert_eq!(parameters(&reply), [parameter], "{query}");
    }
}

#[tokio::test]
async fn list_pages_with_cursors_and_links_that_keep_the_filters() {
    let h = Harness::new().await;
    let mut all = Vec::new();
    for i in 0..5 {
        all.push(id_of(&create(&h, &multi_use(&format!("PAGE-{i}"))).await));
    }
    let first = h
        .get(&format!("{LINKS}?linkType=multiUse&limit=2"))
        .await
        .body;
    assert_eq!(ids(&first), all[..2]);
    assert_eq!(first["limit"], 2);
    assert_eq!(first["count"], 2);
    assert_eq!(first["hasMore"], true);
    let links = first["links"].as_array().unwrap();
    assert_eq!(links.len(), 1, "no previous link on the first page");
    assert_eq!(links[0]["rel"], "next");
    let next = links[0]["href"].as_str().unwrap();
    assert!(next.contains("linkType=multiUse"), "{next}");
    assert!(next.contains(&format!("after={}", all[1])), "{next}");

    // Follow the absolute next link verbatim.
    let second = h
        .http
        .get(next)
        .bearer_auth(&h.token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let second: Value = serde_json::from_slice(&second).unwrap();
    assert_eq!(ids(&second), all[2..4]);
    assert_eq!(second["hasMore"], true);
    let rels: Vec<&str> = second["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    assert_eq!(rels, ["previous", "next"]);

    let last = h
        .get(&format!("{LINKS}?limit=2&after={}", all[3]))
        .await
        .body;
    assert_eq!(ids(&last), all[4..]);
    assert_eq!(last["hasMore"], false);

    let before = h
        .get(&format!("{LINKS}?limit=2&before={}", all[4]))
        .await
        .body;
    assert_eq!(ids(&before), all[2..4]);

    let default = h.get(LINKS).await.body;
    assert_eq!(default["limit"], 10);
    assert_eq!(default["count"], 5);
    assert_eq!(default["hasMore"], false);
}

#[tokio::test]
async fn multi_use_links_change_only_expiry_labels_and_credential_on_file() {
    let h = Harness::new().await;
    let link = create(&h, &multi_use("M-1")).await;
    let id = id_of(&link);
    let expiry = in_days(200);

    let reply = patch(
        &h,
        &id,
        &json!([
            {"op": "replace", "path": "/expiresOn", "value": expiry},
            {"op": "add", "path": "/customLabels/-", "value": {"element": "paymentButton", "label": "Donate"}},
            {"op": "replace", "path": "/credentialOnFile", "value": {"tokenize": false}}
        ]),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["expiresOn"], expiry);
    assert_eq!(reply.body["customLabels"][1]["label"], "Donate");
    assert_eq!(
        reply.body["credentialOnFile"],
        json!({"tokenize": false, "mitAgreement": "unscheduled"})
    );
    assert_eq!(
        reply.body["assets"], link["assets"],
        "a multi-use link keeps its URL"
    );
    assert_eq!(
        h.get(&format!("/v1/payment-links/{id}")).await.body,
        reply.body
    );

    // Paths a multi-use link does not allow, reported by operation index.
    for (ops, parameter) in [
        (
            json!([{"op": "replace", "path": "/order/charge/currency", "value": "EUR"}]),
            "[0].path",
        ),
        (
            json!([
                {"op": "replace", "path": "/expiresOn", "value": in_days(400)},
                {"op": "replace", "path": "/authType", "value": "preAuthorization"}
            ]),
            "[1].path",
        ),
        (
            json!([{"op": "replace", "path": "/merchantReference", "value": "X"}]),
            "[0].path",
        ),
        (
            json!([{"op": "replace", "path": "/status", "value": "active"}]),
            "[0].path",
        ),
        (
            json!([{"op": "remove", "path": "/order/description"}]),
            "[0].path",
        ),
    ] {
        let reply = patch(&h, &id, &ops).await;
        assert_eq!(reply.status, 400, "{ops}");
        assert_eq!(parameters(&reply), [parameter], "{ops}");
    }
    // All or nothing: the refused patch above left the expiry alone.
    let now = h.get(&format!("/v1/payment-links/{id}")).await.body;
    assert_eq!(now["expiresOn"], expiry);
    assert_eq!(now["authType"], "sale");

    // The result must still be a valid link.
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/expiresOn", "value": "30/06/2030"}]),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(parameters(&reply), ["expiresOn"]);
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/customLabels/0/element", "value": "banner"}]),
    )
    .await;
    assert_eq!(parameters(&reply), ["customLabels[0].element"]);

    // Malformed patch documents.
    let reply = patch(&h, &id, &json!([])).await;
    assert_eq!(reply.status, 400);
    let reply = patch(&h, &id, &json!([{"op": "rename", "path": "/expiresOn"}])).await;
    assert_eq!(parameters(&reply), ["[0].op"]);
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "expiresOn", "value": future()}]),
    )
    .await;
    assert_eq!(parameters(&reply), ["[0].path"]);

    // Removing the optional expiry is allowed for a multi-use link.
    let reply = patch(&h, &id, &json!([{"op": "remove", "path": "/expiresOn"}])).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.get("expiresOn").is_none());
}

#[tokio::test]
async fn single_use_updates_issue_new_assets() {
    let h = Harness::new().await;
    let mut body = single_use("S-1", &future());
    body["paymentMethods"] = json!(["card", "bankTransfer"]);
    let link = create(&h, &body).await;
    let id = id_of(&link);
    let old_url = link["assets"]["paymentUrl"].as_str().unwrap().to_owned();
    let expiry = in_days(60);

    let reply = patch(
        &h,
        &id,
        &json!([
            {"op": "replace", "path": "/order/charge/amount", "value": 9900},
            {"op": "replace", "path": "/order/charge/currency", "value": "EUR"},
            {"op": "replace", "path": "/order/description", "value": "Deposit, revised"},
            {"op": "replace", "path": "/expiresOn", "value": expiry},
            {"op": "add", "path": "/customLabels", "value": [{"element": "paymentButton", "label": "Pay deposit"}]}
        ]),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let updated = reply.body;
    assert_eq!(
        updated["order"]["charge"],
        json!({"type": "preset", "amount": 9900, "currency": "EUR"})
    );
    assert_eq!(updated["order"]["description"], "Deposit, revised");
    assert_eq!(updated["order"]["orderId"], "ORD-S-1");
    assert_eq!(updated["expiresOn"], expiry);
    assert_eq!(updated["paymentLinkId"], id.as_str());
    assert_eq!(updated["status"], "active");
    let new_url = updated["assets"]["paymentUrl"].as_str().unwrap();
    assert_ne!(new_url, old_url, "a single-use update issues a new URL");
    assert!(is_uuid_v4(page_token_of(new_url)));
    assert!(updated["assets"]["paymentButton"]
        .as_str()
        .unwrap()
        .contains(new_url));
    assert_eq!(
        h.get(&format!("/v1/payment-links/{id}")).await.body["assets"],
        updated["assets"]
    );

    // A pre-authorization takes cards only: the patched link is invalid.
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/authType", "value": "preAuthorization"}]),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(parameters(&reply), ["paymentMethods"]);
    // The payment methods themselves are not among the paths a link lets change.
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "remove", "path": "/paymentMethods/1"}]),
    )
    .await;
    assert_eq!(parameters(&reply), ["[0].path"]);

    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/order/charge/amount", "value": -5}]),
    )
    .await;
    assert_eq!(parameters(&reply), ["order.charge.amount"]);
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/order/orderId", "value": "NEW"}]),
    )
    .await;
    assert_eq!(parameters(&reply), ["[0].path"]);
    // A single-use link must keep its last day.
    let reply = patch(&h, &id, &json!([{"op": "remove", "path": "/expiresOn"}])).await;
    assert_eq!(reply.status, 400);

    // None of the refused updates changed the URL.
    assert_eq!(
        h.get(&format!("/v1/payment-links/{id}")).await.body["assets"]["paymentUrl"],
        new_url
    );

    let mut prompt = single_use("S-2", &future());
    prompt["order"]["charge"] = json!({"type": "prompt", "currency": "USD"});
    let prompt_id = id_of(&create(&h, &prompt).await);
    let reply = patch(
        &h,
        &prompt_id,
        &json!([{"op": "replace", "path": "/authType", "value": "preAuthorization"}]),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["authType"], "preAuthorization");
}

#[tokio::test]
async fn patch_needs_an_idempotency_key() {
    let h = Harness::new().await;
    let id = id_of(&create(&h, &multi_use("K")).await);
    let reply = h
        .send(
            "PATCH",
            &format!("/v1/payment-links/{id}"),
            Some(&json!([{"op": "replace", "path": "/expiresOn", "value": future()}])),
            None,
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(parameters(&reply), ["Idempotency-Key"]);
}

#[tokio::test]
async fn deactivation_is_permanent() {
    let h = Harness::new().await;
    let id = id_of(&create(&h, &multi_use("D-1")).await);
    assert_eq!(
        share(&h, &id, &email_share("Ada", "ada@example.com"))
            .await
            .status,
        201
    );

    // No Idempotency-Key and no body needed.
    let reply = deactivate(&h, &id).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["status"], "deactivated");
    assert_eq!(reply.body["paymentLinkId"], id.as_str());
    assert_eq!(
        h.get(&format!("/v1/payment-links/{id}")).await.body["status"],
        "deactivated"
    );

    let again = deactivate(&h, &id).await;
    assert_eq!(again.status, 409);
    assert_eq!(again.body["status"], 409);
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/expiresOn", "value": future()}]),
    )
    .await;
    assert_eq!(reply.status, 409);
    assert_eq!(
        share(&h, &id, &email_share("Bo", "bo@example.com"))
            .await
            .status,
        409
    );
    // Its history stays readable.
    let events = h
        .get(&format!("/v1/payment-links/{id}/sharing-events"))
        .await;
    assert_eq!(events.status, 200);
    assert_eq!(events.body["count"], 1);
}

#[tokio::test]
async fn a_link_past_its_last_day_reads_expired_until_extended() {
    let h = Harness::new().await;
    let link = create(&h, &single_use("E-1", PAST)).await;
    let id = id_of(&link);
    assert_eq!(link["status"], "expired");
    assert_eq!(
        h.get(&format!("/v1/payment-links/{id}")).await.body["status"],
        "expired"
    );
    let reply = share(&h, &id, &email_share("Ada", "ada@example.com")).await;
    assert_eq!(reply.status, 409);
    assert!(reply.body["detail"].as_str().unwrap().contains("expired"));

    // The last day itself is still usable.
    let mut today_link = multi_use("E-2");
    today_link["expiresOn"] = json!(today());
    assert_eq!(create(&h, &today_link).await["status"], "active");

    // Moving the last day forward makes it active again (and shareable).
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/expiresOn", "value": future()}]),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["status"], "active");
    assert_eq!(
        share(&h, &id, &email_share("Ada", "ada@example.com"))
            .await
            .status,
        201
    );

    // …and moving it into the past pauses the link; an expired link can be deactivated.
    let reply = patch(
        &h,
        &id,
        &json!([{"op": "replace", "path": "/expiresOn", "value": PAST}]),
    )
    .await;
    assert_eq!(reply.body["status"], "expired");
    assert_eq!(deactivate(&h, &id).await.body["status"], "deactivated");
}

#[tokio::test]
async fn sharing_events_are_recorded_not_sent() {
    let h = Harness::new().await;
    let id = id_of(&create(&h, &multi_use("SH-1")).await);

    let reply = share(&h, &id, &email_share("Ada Byron", "ada@example.com")).await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let event = reply.body;
    let event_id = event["sharingEventId"].as_str().unwrap();
    assert_eq!(event_id.len(), 10);
    let when = event["dateTime"].as_str().unwrap();
    assert!(
        when.len() == 20 && when.ends_with('Z') && when.starts_with(&today()),
        "{when}"
    );
    assert_eq!(event["sharingMethod"], "email");
    assert_eq!(
        event["recipients"],
        json!([{"name": "Ada Byron", "email": "ada@example.com"}])
    );
    assert_eq!(event["message"], "Your invoice is ready.");
    assert_eq!(event["merchantCopy"], false, "the documented default");

    let mut with_copy = email_share("Bo Diddley", "bo@example.com");
    with_copy["merchantCopy"] = json!(true);
    with_copy["recipients"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Cy Twombly", "email": "cy@example.com"}));
    let second = share(&h, &id, &with_copy).await.body;
    assert_eq!(second["merchantCopy"], true);
    let third = share(&h, &id, &email_share("Ada Byron", "ada@example.com"))
        .await
        .body;

    let events_path = format!("/v1/payment-links/{id}/sharing-events");
    let list = h.get(&events_path).await.body;
    let event_ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sharingEventId"].as_str().unwrap())
        .collect();
    assert_eq!(
        event_ids,
        [
            event_id,
            second["sharingEventId"].as_str().unwrap(),
            third["sharingEventId"].as_str().unwrap()
        ]
    );
    assert_eq!(list["data"][0], event);

    let count = |query: &str| {
        let path = format!("{events_path}{query}");
        let h = &h;
        async move { h.get(&path).await.body["count"].as_u64().unwrap() }
    };
    assert_eq!(count("?recipientName=Ada%20Byron").await, 2);
    assert_eq!(count("?recipientEmail=CY@example.com").await, 1);
    assert_eq!(
        count("?recipientName=Cy%20Twombly&recipientEmail=bo@example.com").await,
        0
    );
    assert_eq!(count("?recipientEmail=nobody@example.com").await, 0);

    let page = h.get(&format!("{events_path}?limit=2")).await.body;
    assert_eq!(page["count"], 2);
    assert_eq!(page["hasMore"], true);
    let next = page["links"][0]["href"].as_str().unwrap();
    assert!(next.contains(&format!("after={}", event_ids[1])), "{next}");
    let rest = h
        .get(&format!("{events_path}?limit=2&after={}", event_ids[1]))
        .await
        .body;
    assert_eq!(rest["count"], 1);
    assert_eq!(rest["hasMore"], false);
    assert_eq!(h.get(&format!("{events_path}?limit=500")).await.status, 400);

    let ledger = h.control("GET", "/_mock/ledger", None).await.body;
    assert_eq!(
        ledger["paymentLinks"][0]["sharingEvents"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn invalid_sharing_events_are_400() {
    let h = Harness::new().await;
    let id = id_of(&create(&h, &multi_use("SH-2")).await);
    for (body, expected) in [
        (
            json!({"sharingMethod": "email", "recipients": []}),
            vec!["recipients"],
        ),
        (
            json!({"sharingMethod": "sms", "recipients": [{"name": "Ada", "email": "ada@example.com"}]}),
            vec!["sharingMethod"],
        ),
        (
            json!({"sharingMethod": "email", "recipients": [
                {"name": " ", "email": "ok@example.com"},
                {"name": "Bo", "email": "bo@example"}
            ]}),
            vec!["recipients[0].name", "recipients[1].email"],
        ),
        (
            json!({"sharingMethod": "email", "recipients": [{"name": "Ada", "email": 7}]}),
            vec!["recipients[0].email"],
        ),
    ] {
        let reply = share(&h, &id, &body).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(parameters(&reply), expected, "{body}");
    }
    let list = h
        .get(&format!("/v1/payment-links/{id}/sharing-events"))
        .await;
    assert_eq!(list.body["count"], 0, "nothing was recorded");
}
