//! Payment features and sessions through payroc-core against payroc-mock over real
//! HTTP: each feature's documented answers and refusals, validation before the
//! network, secrets kept out of `Debug` and errors, and which calls carry an
//! Idempotency-Key (the keyed ones are replayed, the lookups are retried without one).

use payroc_core::model::common::Channel;
use payroc_core::model::payment_feature::{
    BalanceInquiry, BankAccountVerificationRequest, BinLookup, CardVerificationRequest,
    FxRateInquiry,
};
use payroc_core::model::secure_token::{
    CardSource, SecureTokenRequest, SecureTokenSource, SingleUseTokenRequest,
    SingleUseTokenRequestSource,
};
use payroc_core::model::session::{ApplePaySessionRequest, HostedFieldsSessionRequest};
use payroc_core::model::{card::CardDetails, Currency};
use payroc_core::{Client, Error, ErrorKind};
use payroc_mock::{Fault, MockServer, QueuedFault};
use payroc_tests::{start, TERMINAL};
use serde_json::{json, Value};

/// Keyed plain-text card details, as JSON.
fn keyed(number: &str, expiry: &str) -> Value {
    json!({"entryMethod": "keyed", "keyedData": {"dataFormat": "plainText",
        "cardNumber": number, "expiryDate": expiry, "cvv": "123"}})
}

/// A card payment method of keyed details, as JSON.
fn card(number: &str) -> Value {
    json!({"type": "card", "cardDetails": keyed(number, "1230")})
}

/// The parameters of an error's field errors.
fn parameters(err: &Error) -> Vec<String> {
    err.field_errors()
        .into_iter()
        .filter_map(|e| e.parameter)
        .collect()
}

/// How many requests reached `route`.
fn sent(server: &MockServer, route: &str) -> usize {
    server.mock().requests_on(route).len()
}

/// A saved card on the test terminal; returns its gateway token.
async fn save_card(client: &Client, number: &str) -> String {
    let source = CardSource {
        card_details: CardDetails::keyed(number, "1230", Some("123")),
        account_type: None,
        unknown: Default::default(),
    };
    let request = SecureTokenRequest::new(SecureTokenSource::Card(Box::new(source)));
    client
        .secure_tokens()
        .create(TERMINAL, &request)
        .await
        .unwrap()
        .token
}

fn ach(account: &str, routing: &str) -> BankAccountVerificationRequest {
    serde_json::from_value(json!({"processingTerminalId": TERMINAL, "bankAccount": {
        "type": "ach", "nameOnAccount": "Sarah Hopper", "accountNumber": account,
        "routingNumber": routing, "secCode": "web"}}))
    .unwrap()
}

#[tokio::test]
async fn a_bank_account_is_verified_unless_its_trigger_says_otherwise() {
    let (server, client) = start().await;
    let verify = |request| {
        let client = client.clone();
        async move { client.bank_accounts().verify(&request).await.unwrap() }
    };
    assert!(verify(ach("123456789", "021000021")).await.verified);
    // The routing number's ABA check digit fails.
    assert!(!verify(ach("123456789", "021000022")).await.verified);
    // An account number ending in 99 reads as closed.
    let pad: BankAccountVerificationRequest = serde_json::from_value(json!({
        "processingTerminalId": TERMINAL, "bankAccount": {"type": "pad",
        "nameOnAccount": "Sarah Hopper", "accountNumber": "55500099",
        "transitNumber": "12345", "institutionNumber": "001"}}))
    .unwrap();
    let result = verify(pad).await;
    assert!(!result.verified);
    assert_eq!(result.processing_terminal_id, TERMINAL);

    // Invalid: refused before the network, every rule by its path, no number quoted.
    let mut bad = ach("987654321000", "0210");
    bad.processing_terminal_id = " ".into();
    let err = client.bank_accounts().verify(&bad).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        parameters(&err),
        ["processingTerminalId", "bankAccount.routingNumber"]
    );
    assert_eq!(sent(&server, "/v1/bank-accounts/verify"), 3);
    for shown in [format!("{err}"), format!("{err:?}"), format!("{bad:?}")] {
        assert!(!shown.contains("987654321000"), "{shown}");
    }
}

#[tokio::test]
async fn a_card_is_verified_and_a_declined_or_expired_one_is_not() {
    let (server, client) = start().await;
    let request = |card: Value| -> CardVerificationRequest {
        serde_json::from_value(json!({"processingTerminalId": TERMINAL, "operator": "Ann",
            "card": card, "customer": {"billingAddress": {"address1": "1 Main St",
            "city": "Chicago", "state": "IL", "country": "US", "postalCode": "60601"}}}))
        .unwrap()
    };
    let ok = client
        .cards()
        .verify(&request(card("4111111111111111")))
        .await
        .unwrap();
    assert!(ok.verified);
    assert_eq!(ok.operator.as_deref(), Some("Ann"));
    let shown = ok.card.as_ref().unwrap();
    assert_eq!(shown.card_number.expose_secret(), "411111******1111");
    let checks = shown.security_checks.as_ref().unwrap();
    assert_eq!(checks.cvv_result.as_ref().map(|c| c.as_str()), Some("M"));
    assert_eq!(checks.avs_result.as_ref().map(|c| c.as_str()), Some("Y"));
    assert!(ok.transaction_result.as_ref().unwrap().is_approved());

    let declined = client
        .cards()
        .verify(&request(card("4000000000000002")))
        .await
        .unwrap();
    assert!(!declined.verified, "a decline is an answer, not an error");
    assert!(declined.transaction_result.unwrap().is_declined());
    let expired = json!({"type": "card", "cardDetails": keyed("5555555555554444", "0120")});
    assert!(
        !client
            .cards()
            .verify(&request(expired))
            .await
            .unwrap()
            .verified
    );

    // A Luhn failure and a bad expiry, refused before the network without the number.
    let bad = request(json!({"type": "card", "cardDetails": keyed("4111111111111112", "1399")}));
    let err = client.cards().verify(&bad).await.unwrap_err();
    assert_eq!(
        parameters(&err),
        [
            "card.cardDetails.keyedData.cardNumber",
            "card.cardDetails.keyedData.expiryDate"
        ]
    );
    assert_eq!(sent(&server, "/v1/cards/verify"), 3);
    for shown in [
        format!("{err}"),
        format!("{err:?}"),
        format!("{bad:?}"),
        format!("{ok:?}"),
    ] {
        assert!(!shown.contains("4111111111111112"), "{shown}");
        assert!(!shown.contains("4111111111111111"), "{shown}");
        assert!(!shown.contains("\"123\""), "{shown}");
    }
}

#[tokio::test]
async fn a_keyed_verification_whose_answer_was_lost_is_replayed_not_repeated() {
    let (server, client) = start().await;
    client.authenticate().await.unwrap();
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::CommitThenDrop)
            .method("POST")
            .path_prefix("/v1/cards/verify")]);
    let request: CardVerificationRequest = serde_json::from_value(
        json!({"processingTerminalId": TERMINAL, "card": card("5555555555554444")}),
    )
    .unwrap();
    assert!(client.cards().verify(&request).await.unwrap().verified);
    let requests = server.mock().requests_on("/v1/cards/verify");
    assert_eq!(requests.len(), 2);
    assert!(requests[0].idempotency_key.is_some());
    assert_eq!(requests[0].idempotency_key, requests[1].idempotency_key);
    assert!(requests[1].replayed);
    assert_eq!(server.mock().counters().idempotent_replays, 1);
}

fn balance_inquiry(card: Value) -> BalanceInquiry {
    serde_json::from_value(json!({"processingTerminalId": TERMINAL, "currency": "USD",
        "card": card}))
    .unwrap()
}

#[tokio::test]
async fn an_ebt_card_has_a_balance_and_other_cards_are_refused() {
    let (server, client) = start().await;
    let both = client
        .cards()
        .view_ebt_balance(&balance_inquiry(card("5076800000000019")))
        .await
        .unwrap();
    let balances: Vec<_> = both
        .card
        .balances
        .iter()
        .map(|b| (b.benefit_category.as_str().to_owned(), b.amount))
        .collect();
    assert_eq!(
        balances,
        [
            ("cash".to_owned(), 12_500),
            ("foodStamp".to_owned(), 31_050)
        ]
    );
    assert_eq!(both.card.kind, "EBT");
    assert_eq!(both.card.card_number.expose_secret(), "507680******0019");

    // Only the category the card details name.
    let mut snap = keyed("5076800000000019", "1230");
    snap["ebtDetails"] = json!({"benefitCategory": "foodStamp"});
    let snap = client
        .cards()
        .view_ebt_balance(&balance_inquiry(
            json!({"type": "card", "cardDetails": snap}),
        ))
        .await
        .unwrap();
    assert_eq!(snap.card.balances.len(), 1);
    assert_eq!(snap.card.balances[0].amount, 31_050);

    // A credit card is not an EBT card; EBT balances are in dollars.
    let err = client
        .cards()
        .view_ebt_balance(&balance_inquiry(card("4111111111111111")))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(parameters(&err), ["card.cardDetails"]);
    assert!(!format!("{err} {err:?}").contains("4111111111111111"));
    let mut euros = balance_inquiry(card("5076800000000019"));
    euros.currency = Currency::Eur;
    let err = client.cards().view_ebt_balance(&euros).await.unwrap_err();
    assert_eq!(parameters(&err), ["currency"]);

    // A lookup is sent without an Idempotency-Key, and accepted.
    let requests = server.mock().requests_on("/v1/cards/balance");
    assert_eq!(requests.len(), 4);
    assert!(requests.iter().all(|r| r.idempotency_key.is_none()));
}

#[tokio::test]
async fn a_balance_inquiry_does_not_use_up_a_single_use_token() {
    let (_server, client) = start().await;
    let request = SingleUseTokenRequest {
        channel: Channel::Pos,
        source: SingleUseTokenRequestSource::Card(Box::new(CardSource {
            card_details: CardDetails::keyed("5076800000000019", "1230", None),
            account_type: None,
            unknown: Default::default(),
        })),
        operator: None,
    };
    let single = client
        .single_use_tokens()
        .create(TERMINAL, &request)
        .await
        .unwrap();
    let token = single.token.unwrap();
    let inquiry = balance_inquiry(json!({"type": "singleUseToken", "token": token}));
    for _ in 0..2 {
        let balance = client.cards().view_ebt_balance(&inquiry).await.unwrap();
        assert_eq!(balance.card.balances.len(), 2);
    }
    let unknown = balance_inquiry(json!({"type": "singleUseToken", "token": "abc"}));
    let err = client.cards().view_ebt_balance(&unknown).await.unwrap_err();
    assert_eq!(parameters(&err), ["card.token"]);
}

fn bin_lookup(body: Value) -> BinLookup {
    serde_json::from_value(body).unwrap()
}

#[tokio::test]
async fn a_bin_lookup_answers_from_the_table_with_surcharge_terms() {
    let (server, client) = start().await;
    let lookup = |body: Value| {
        let client = client.clone();
        async move { client.cards().lookup_bin(&bin_lookup(body)).await }
    };
    let credit = lookup(json!({"processingTerminalId": TERMINAL, "amount": 10_000,
        "currency": "USD", "card": card("5555555555554444")}))
    .await
    .unwrap();
    assert_eq!(credit.kind, "MASTERCARD");
    assert_eq!(credit.card_number.expose_secret(), "555555******4444");
    assert_eq!(credit.debit, Some(false));
    let surcharge = credit.surcharging.unwrap();
    assert!(surcharge.allowed);
    assert_eq!(surcharge.amount, Some(300));

    let debit = lookup(json!({"processingTerminalId": TERMINAL,
        "card": {"type": "cardBin", "bin": "520082"}}))
    .await
    .unwrap();
    assert_eq!(debit.debit, Some(true));
    assert!(
        !debit.surcharging.unwrap().allowed,
        "debit is not surcharged"
    );
    let foreign = lookup(json!({"card": card("4921810000000018")}))
        .await
        .unwrap();
    assert_eq!(
        (foreign.country.as_deref(), foreign.currency),
        (Some("GB"), Some(Currency::Gbp))
    );
    assert!(foreign.surcharging.is_none(), "no terminal, no terms");

    let token = save_card(&client, "6011111111111117").await;
    let saved = lookup(json!({"processingTerminalId": TERMINAL,
        "card": {"type": "secureToken", "token": token}}))
    .await
    .unwrap();
    assert_eq!(saved.kind, "DISCOVER");
    let err = lookup(json!({"card": {"type": "secureToken", "token": token}}))
        .await
        .unwrap_err();
    assert_eq!(parameters(&err), ["processingTerminalId"]);
    let err = lookup(json!({"card": {"type": "cardBin", "bin": "999999"}}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // A whole number in `bin` is refused before the network and never echoed.
    let err = lookup(json!({"card": {"type": "cardBin", "bin": "4111111111111111"}}))
        .await
        .unwrap_err();
    assert_eq!(parameters(&err), ["card.bin"]);
    assert!(!format!("{err} {err:?}").contains("4111111111111111"));
    assert_eq!(sent(&server, "/v1/cards/bin-lookup"), 6);
}

#[tokio::test]
async fn an_unkeyed_lookup_is_retried_without_a_key() {
    let (server, client) = start().await;
    client.authenticate().await.unwrap();
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::Reset)
            .method("POST")
            .path_prefix("/v1/cards/bin-lookup")]);
    let info = client
        .cards()
        .lookup_bin(&bin_lookup(
            json!({"card": {"type": "cardBin", "bin": "453985"}}),
        ))
        .await
        .unwrap();
    assert_eq!(info.kind, "VISA");
    let requests = server.mock().requests_on("/v1/cards/bin-lookup");
    assert_eq!(requests.len(), 2, "a lookup is repeatable");
    assert!(requests.iter().all(|r| r.idempotency_key.is_none()));
}

fn fx(base_amount: i64, base: &str, method: Value) -> FxRateInquiry {
    serde_json::from_value(json!({"channel": "web", "processingTerminalId": TERMINAL,
        "baseAmount": base_amount, "baseCurrency": base, "paymentMethod": method}))
    .unwrap()
}

#[tokio::test]
async fn a_foreign_card_gets_a_dcc_offer_in_its_own_minor_unit() {
    let (server, client) = start().await;
    // 100.00 EUR on a Japanese card: 151.5 / 0.92 × 1.035 yen per euro, no decimals.
    let rate = client
        .fx_rates()
        .retrieve(&fx(10_000, "EUR", card("3530111333300000")))
        .await
        .unwrap();
    assert!(rate.inquiry_result.dcc_offered);
    let offer = rate.dcc_offer.unwrap();
    assert_eq!(offer.fx_currency, Currency::Jpy);
    assert_eq!(offer.fx_currency_exponent, Some(0));
    assert_eq!(offer.fx_rate, 170.4375);
    assert_eq!(offer.fx_amount, 17_044);
    assert_eq!(rate.card_info.country.as_deref(), Some("JP"));

    // A saved British card paying dollars: 0.79 × 1.035 pounds per dollar, in pence.
    let token = save_card(&client, "4921810000000018").await;
    let method = json!({"type": "secureToken", "token": token});
    let offer = client
        .fx_rates()
        .retrieve(&fx(2_500, "USD", method))
        .await
        .unwrap()
        .dcc_offer
        .unwrap();
    assert_eq!((offer.fx_rate, offer.fx_amount), (0.8177, 2_044));

    // A card in the merchant's currency: nothing to convert.
    let same = client
        .fx_rates()
        .retrieve(&fx(10_000, "USD", card("4111111111111111")))
        .await
        .unwrap();
    assert!(!same.inquiry_result.dcc_offered);
    assert!(same.inquiry_result.cause_of_rejection.is_some());
    assert!(same.dcc_offer.is_none());

    let mut bad = fx(0, "EUR", card("3530111333300000"));
    bad.channel = Channel::Unknown("fax".into());
    let err = client.fx_rates().retrieve(&bad).await.unwrap_err();
    assert_eq!(parameters(&err), ["channel", "baseAmount"]);
    let requests = server.mock().requests_on("/v1/fx-rates");
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.idempotency_key.is_none()));
}

#[tokio::test]
async fn a_hosted_fields_session_token_lasts_ten_minutes() {
    let (server, client) = start().await;
    let request: HostedFieldsSessionRequest =
        serde_json::from_value(json!({"libVersion": "1.6.0.172441", "scenario": "payment"}))
            .unwrap();
    let session = client
        .hosted_fields_sessions()
        .create(TERMINAL, &request)
        .await
        .unwrap();
    assert_eq!(session.processing_terminal_id, TERMINAL);
    assert_eq!(session.token.len(), 32);
    assert!(session.expires_at.is_some());

    // Updating a saved card's details: a live secure token of the terminal only.
    let token = save_card(&client, "4111111111111111").await;
    let ledger = server.mock().ledger();
    let id = ledger["secureTokens"][0]["secureTokenId"].as_str().unwrap();
    assert_eq!(ledger["secureTokens"][0]["token"], json!(token));
    let update = |id: &str| -> HostedFieldsSessionRequest {
        serde_json::from_value(json!({"libVersion": "1.6.0.172441",
            "scenario": "tokenization", "secureTokenId": id}))
        .unwrap()
    };
    client
        .hosted_fields_sessions()
        .create(TERMINAL, &update(id))
        .await
        .unwrap();
    let err = client
        .hosted_fields_sessions()
        .create(TERMINAL, &update("MREF_nobody"))
        .await
        .unwrap_err();
    assert_eq!(parameters(&err), ["secureTokenId"]);
    let err = client
        .hosted_fields_sessions()
        .create("9999999", &update(id))
        .await
        .unwrap_err();
    assert_eq!(
        parameters(&err),
        ["secureTokenId"],
        "another terminal's token"
    );

    // A secure token with a payment session is refused before the network.
    let mut mixed = update(id);
    mixed.scenario = "payment".parse().unwrap();
    let err = client
        .hosted_fields_sessions()
        .create(TERMINAL, &mixed)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let route = "/v1/processing-terminals/{processingTerminalId}/hosted-fields-sessions";
    let requests = server.mock().requests_on(route);
    assert_eq!(requests.len(), 4);
    assert!(requests.iter().all(|r| r.idempotency_key.is_some()));
    let sessions = &server.mock().ledger()["hostedFieldsSessions"];
    assert_eq!(sessions.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn an_apple_pay_session_is_apples_merchant_session_for_a_validation_url() {
    let (server, client) = start().await;
    let request = |domain: &str, url: &str| -> ApplePaySessionRequest {
        serde_json::from_value(json!({"appleDomainId": domain, "appleValidationUrl": url})).unwrap()
    };
    let apple = "https://apple-pay-gateway.apple.com/paymentservices/startSession";
    let session = client
        .apple_pay_sessions()
        .create(TERMINAL, &request("dom-1", apple))
        .await
        .unwrap();
    let merchant: Value = serde_json::from_str(&session.start_session_response).unwrap();
    let lifetime =
        merchant["expiresAt"].as_u64().unwrap() - merchant["epochTimestamp"].as_u64().unwrap();
    assert_eq!(lifetime, 3_600_000);
    assert!(merchant["merchantSessionIdentifier"]
        .as_str()
        .unwrap()
        .starts_with("SSH"));
    assert_eq!(merchant["domainName"], "store.example.com");

    let err = client
        .apple_pay_sessions()
        .create(
            TERMINAL,
            &request("dom-1", "https://apple.com.evil.example/x"),
        )
        .await
        .unwrap_err();
    assert_eq!(parameters(&err), ["appleValidationUrl"]);
    let err = client
        .apple_pay_sessions()
        .create(TERMINAL, &request("unregistered-1", apple))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(parameters(&err), ["appleDomainId"]);
    let err = client
        .apple_pay_sessions()
        .create(
            TERMINAL,
            &request("", "http://apple-pay-gateway.apple.com/x"),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(parameters(&err), ["appleDomainId", "appleValidationUrl"]);

    let route = "/v1/processing-terminals/{processingTerminalId}/apple-pay-sessions";
    let requests = server.mock().requests_on(route);
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.idempotency_key.is_none()));
    assert_eq!(
        server.mock().ledger()["applePaySessions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
