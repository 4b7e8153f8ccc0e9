//! Pricing intents and attachments through payroc-core against payroc-mock over real
//! HTTP: the intents' state rules (review on the clock, unique keys, replace, JSON
//! Patch limits, delete), and multipart uploads: the body the emulator parses, the
//! limits checked before the network, one upload for retries under one key, and the
//! emulator's refusals of malformed forms.

use payroc_core::http::{HttpRequest, HttpTransport, Method};
use payroc_core::model::attachment::{
    AttachmentType, AttachmentUploadStatus, FileUpload, UploadAttachment,
};
use payroc_core::model::common::PatchDocument;
use payroc_core::model::page::PageQuery;
use payroc_core::model::pricing_intent::{
    AnnualFee, BaseFees, CardPricing, InterchangePlusFees, PlanFees, PricingIntent,
    PricingIntentStatus, ProcessorFee, ProcessorPricing,
};
use payroc_core::operations::JsonCall;
use payroc_core::transport::ReqwestTransport;
use payroc_core::{Client, ErrorKind, IdempotencyKey, RequestOptions};
use payroc_mock::{Fault, MockServer, QueuedFault};
use payroc_tests::{start, violation_paths as paths};
use std::time::Duration;

/// A merchant platform with one processing account, as boarding takes it.
const PLATFORM: &str = include_str!("../fixtures/merchant_platform.json");
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/// Boards a merchant platform; its processing account's id.
async fn account(client: &Client) -> String {
    let call = JsonCall {
        body: Some(PLATFORM.as_bytes()),
        ..JsonCall::default()
    };
    let reply = client
        .call_json("merchant_platforms.create", &call)
        .await
        .unwrap()
        .unwrap();
    let platform: serde_json::Value = serde_json::from_slice(&reply).unwrap();
    platform["processingAccounts"][0]["processingAccountId"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn intent(key: &str) -> PricingIntent {
    let mut intent = PricingIntent::us_5_0(
        key,
        BaseFees {
            annual_fee: AnnualFee {
                amount: 9900,
                ..AnnualFee::default()
            },
            maintenance: 500,
            minimum: 100,
            batch: 1000,
            ..BaseFees::default()
        },
    );
    intent.processor = Some(ProcessorPricing {
        card: Some(CardPricing::InterchangePlus(PlanFees {
            fees: InterchangePlusFees {
                mastercard_visa_discover: ProcessorFee {
                    volume: Some(1.25),
                    transaction: Some(10),
                    ..ProcessorFee::default()
                },
                ..InterchangePlusFees::default()
            },
            unknown: Default::default(),
        })),
        ..ProcessorPricing::default()
    });
    intent
}

fn pdf_upload(description: &str) -> UploadAttachment {
    let mut upload = UploadAttachment::new(
        AttachmentType::BankingEvidence,
        FileUpload::new("statement.pdf", "application/pdf", PDF.to_vec()),
    );
    upload.attachment.description = Some(description.into());
    upload
}

#[tokio::test]
async fn an_intent_is_reviewed_on_the_clock_and_its_key_is_unique() {
    let (server, client) = start().await;
    let created = client
        .pricing_intents()
        .create(&intent("base"))
        .await
        .unwrap();
    assert_eq!(created.status, Some(PricingIntentStatus::PendingReview));
    let id = created.id.clone().unwrap();
    assert_eq!(created.key, "base");
    let again = client
        .pricing_intents()
        .create(&intent("base"))
        .await
        .unwrap_err();
    assert_eq!(again.status(), Some(409));
    server.mock().advance_clock(1);
    let read = client.pricing_intents().retrieve(&id).await.unwrap();
    assert_eq!(read.status, Some(PricingIntentStatus::Active));
    assert_eq!(read.processor, created.processor);
}

#[tokio::test]
async fn intents_are_replaced_patched_paged_and_deleted() {
    let (_server, client) = start().await;
    let intents = client.pricing_intents();
    let mut ids = Vec::new();
    for key in ["a", "b", "c"] {
        ids.push(intents.create(&intent(key)).await.unwrap().id.unwrap());
    }
    let mut replacement = intent("a2");
    replacement.base.maintenance = 700;
    intents.replace(&ids[0], &replacement).await.unwrap();
    let read = intents.retrieve(&ids[0]).await.unwrap();
    assert_eq!((read.key.as_str(), read.base.maintenance), ("a2", 700));
    assert_eq!(read.id.as_deref(), Some(ids[0].as_str()));
    // Another intent's key is taken.
    let taken = intents.replace(&ids[1], &intent("a2")).await.unwrap_err();
    assert_eq!(taken.status(), Some(409));

    let patched = intents
        .update(&ids[1], &[PatchDocument::replace("/base/minimum", 250)])
        .await
        .unwrap();
    assert_eq!(patched.base.minimum, 250);
    let refused = intents
        .update(&ids[1], &[PatchDocument::replace("/status", "active")])
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::BadRequest);

    let mut pager = intents.list(&PageQuery::limit(2)).unwrap();
    let mut seen = Vec::new();
    while let Some(item) = pager.next_item().await.unwrap() {
        seen.push(item.id.unwrap());
    }
    assert_eq!(seen, ids);

    intents.delete(&ids[2]).await.unwrap();
    let gone = intents.retrieve(&ids[2]).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    assert_eq!(
        intents.delete(&ids[2]).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
async fn invalid_intents_and_uploads_are_refused_before_the_network_with_their_paths() {
    let (server, client) = start().await;
    let account = account(&client).await;
    let before = server.mock().requests().len();
    let mut bad = intent(" ");
    bad.base.maintenance = -1;
    let err = client.pricing_intents().create(&bad).await.unwrap_err();
    assert_eq!(paths(&err), ["key", "base.maintenance"]);

    let mut upload = UploadAttachment::new(
        AttachmentType::Unknown("selfie".into()),
        FileUpload::new("virus.exe", "application/octet-stream", Vec::new()),
    );
    let err = client
        .attachments()
        .upload(&account, &upload)
        .await
        .unwrap_err();
    assert_eq!(
        paths(&err),
        ["attachment.type", "file.fileName", "file.content"]
    );
    upload.file = Some(FileUpload::new(
        "big.pdf",
        "application/pdf",
        vec![b'x'; payroc_core::model::attachment::MAX_FILE_BYTES],
    ));
    upload.attachment.kind = AttachmentType::Other;
    let err = client
        .attachments()
        .upload(&account, &upload)
        .await
        .unwrap_err();
    assert_eq!(paths(&err), ["file.content"]);
    upload.file = None;
    let err = client
        .attachments()
        .upload(&account, &upload)
        .await
        .unwrap_err();
    assert_eq!(paths(&err), ["file"]);
    assert_eq!(server.mock().requests().len(), before, "nothing was sent");
}

#[tokio::test]
async fn an_upload_is_pending_then_reviewed_and_read_back_without_its_file() {
    let (server, client) = start().await;
    let account = account(&client).await;
    let mut upload = pdf_upload("Bank letter");
    upload.attachment.metadata = Some(
        serde_json::json!({"ref": "A-1"})
            .as_object()
            .unwrap()
            .clone(),
    );
    let uploaded = client
        .attachments()
        .upload(&account, &upload)
        .await
        .unwrap();
    assert_eq!(uploaded.upload_status, AttachmentUploadStatus::Pending);
    assert_eq!(uploaded.kind, AttachmentType::BankingEvidence);
    assert_eq!(uploaded.file_name, "statement.pdf");
    assert_eq!(uploaded.content_type, "application/pdf");
    assert_eq!(uploaded.description.as_deref(), Some("Bank letter"));
    assert_eq!(uploaded.entity.id, account);
    assert_eq!(uploaded.metadata, upload.attachment.metadata);

    // A "PNG" that is not one is rejected at review.
    let fake = UploadAttachment::new(
        AttachmentType::Other,
        FileUpload::new("photo.png", "image/png", b"not a png".to_vec()),
    );
    let fake = client.attachments().upload(&account, &fake).await.unwrap();

    server.mock().advance_clock(1);
    let read = client
        .attachments()
        .retrieve(&uploaded.attachment_id)
        .await
        .unwrap();
    assert_eq!(read.upload_status, AttachmentUploadStatus::Accepted);
    let read = client
        .attachments()
        .retrieve(&fake.attachment_id)
        .await
        .unwrap();
    assert_eq!(read.upload_status, AttachmentUploadStatus::Rejected);
    let unknown = client.attachments().retrieve("999999").await.unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
    // An attachment belongs to a processing account boarding holds.
    let nobody = client
        .attachments()
        .upload("999999", &pdf_upload("Nobody's"))
        .await
        .unwrap_err();
    assert_eq!(nobody.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_retried_upload_under_one_key_uploads_once() {
    let (server, client) = start().await;
    let account = account(&client).await;
    server
        .mock()
        .queue_faults(vec![QueuedFault::new(Fault::CommitThenDrop)
            .method("POST")
            .path_prefix("/v1/processing-accounts")]);
    let key = IdempotencyKey::new();
    let options = RequestOptions {
        idempotency_key: Some(key.clone()),
        ..RequestOptions::default()
    };
    let uploaded = client
        .attachments()
        .options(options.clone())
        .upload(&account, &pdf_upload("Retried"))
        .await
        .unwrap();
    let requests = server
        .mock()
        .requests_on("/v1/processing-accounts/{processingAccountId}/attachments");
    assert_eq!(requests.len(), 2, "the dropped attempt was retried");
    assert!(requests
        .iter()
        .all(|r| r.idempotency_key.as_deref() == Some(key.as_str())));
    assert!(requests[1].replayed);
    // Sent again by hand under the same key: the same attachment, not a second.
    let again = client
        .attachments()
        .options(options)
        .upload(&account, &pdf_upload("Retried"))
        .await
        .unwrap();
    assert_eq!(again.attachment_id, uploaded.attachment_id);
    let ledger = server.mock().ledger();
    assert_eq!(ledger["attachments"].as_array().unwrap().len(), 1);
}

/// A bearer token for raw requests.
async fn token(server: &MockServer, transport: &ReqwestTransport) -> String {
    let response = transport
        .send(request(
            Method::Post,
            format!("{}/authorize", server.base_url()),
            vec![("x-api-key", "raw-test-key".to_owned())],
            None,
        ))
        .await
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

fn request(
    method: Method,
    url: String,
    headers: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
) -> HttpRequest {
    HttpRequest {
        method,
        url,
        headers,
        body,
        timeout: Duration::from_secs(10),
        max_response_bytes: 1 << 20,
    }
}

/// Posts `body` as `content_type` to the upload route; the status and problem body.
async fn raw_upload(
    server: &MockServer,
    account: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, serde_json::Value) {
    let transport = ReqwestTransport::new(Duration::from_secs(5), "raw").unwrap();
    let token = token(server, &transport).await;
    let response = transport
        .send(request(
            Method::Post,
            format!(
                "{}/processing-accounts/{account}/attachments",
                server.api_url()
            ),
            vec![
                ("authorization", format!("Bearer {token}")),
                ("idempotency-key", IdempotencyKey::new().as_str().to_owned()),
                ("content-type", content_type.to_owned()),
            ],
            Some(body.to_vec()),
        ))
        .await
        .unwrap();
    let body = serde_json::from_slice(&response.body).unwrap_or_default();
    (response.status, body)
}

fn form(boundary: &str, parts: &[(&str, Option<&str>, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, content_type, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file_name {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n")
                    .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(format!("Content-Type: {content_type}\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

#[tokio::test]
async fn the_emulator_parses_forms_and_refuses_malformed_ones() {
    let (server, client) = start().await;
    let account = account(&client).await;
    let ct = "multipart/form-data; boundary=XyZ";
    let attachment = br#"{"type":"taxDocuments","description":"W-9"}"#.as_slice();
    // A text field without a media type, as form encoders send it: accepted.
    let good = form(
        "XyZ",
        &[
            ("attachment", None, "text/plain", attachment),
            ("file", Some("w9.pdf"), "application/pdf", PDF),
        ],
    );
    let (status, body) = raw_upload(&server, &account, ct, &good).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["type"], "taxDocuments");
    assert_eq!(body["fileName"], "w9.pdf");

    let (status, _) = raw_upload(&server, &account, "application/json", attachment).await;
    assert_eq!(status, 415);
    let missing = form(
        "XyZ",
        &[("attachment", None, "application/json", attachment)],
    );
    let (status, body) = raw_upload(&server, &account, ct, &missing).await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["parameter"], "file");
    let bad_type = form(
        "XyZ",
        &[
            ("attachment", None, "application/json", attachment),
            ("file", Some("run.exe"), "application/octet-stream", b"MZ"),
        ],
    );
    let (status, body) = raw_upload(&server, &account, ct, &bad_type).await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["parameter"], "file.fileName");
    let (status, _) = raw_upload(&server, &account, ct, b"--XyZ\r\nno headers end").await;
    assert_eq!(status, 400);
    let huge = vec![b'x'; payroc_core::model::attachment::MAX_FILE_BYTES];
    let too_big = form(
        "XyZ",
        &[
            ("attachment", None, "application/json", attachment),
            ("file", Some("big.pdf"), "application/pdf", &huge),
        ],
    );
    let (status, _) = raw_upload(&server, &account, ct, &too_big).await;
    assert_eq!(status, 413);
}
