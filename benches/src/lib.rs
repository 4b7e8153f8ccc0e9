//! Fixtures shared by the benchmarks: a full card payment request (secure token,
//! standing instructions, customer, breakdown) and a full retrieved payment.
#![forbid(unsafe_code)]

use payroc_model::common::{Address, Channel, ContactMethod, Customer};
use payroc_model::payment::{
    ItemizedBreakdownRequest, LineItemRequest, PaymentMethod, PaymentOrderRequest, PaymentRequest,
    ProcessingModel, StandingInstructions, Tip,
};
use payroc_model::Currency;

/// A full create-payment request: a subsequent repeat payment with a secure token,
/// a customer with addresses, and an itemized breakdown, charging `secure_token`.
pub fn full_payment_request(order_id: &str, secure_token: &str) -> PaymentRequest {
    let mut order = PaymentOrderRequest::new(order_id, 4999, Currency::Usd);
    order.description = Some("Large Pepperoni Pizza".into());
    order.standing_instructions = Some(StandingInstructions::subsequent_to(
        ProcessingModel::Recurring,
        "M2MJOG6O2Y",
        Some("ABCDEFGHIJKLMNO".into()),
    ));
    let mut breakdown = ItemizedBreakdownRequest::new(4500);
    breakdown.tip = Some(Tip::fixed_amount(499));
    let mut item = LineItemRequest::new(4500, 1.0);
    item.description = Some("Large Pepperoni Pizza".into());
    item.product_code = Some("PZA-001-LG".into());
    breakdown.items = vec![item];
    order.breakdown = Some(breakdown);
    let address = Address {
        address1: "1 Example Ave.".into(),
        address2: None,
        address3: None,
        city: "Chicago".into(),
        state: "Illinois".into(),
        country: "US".into(),
        postal_code: "60056".into(),
    };
    let mut request = PaymentRequest::new(
        Channel::Web,
        "1234001",
        order,
        PaymentMethod::secure_token(secure_token),
    );
    request.operator = Some("Jane".into());
    request.customer = Some(Customer {
        first_name: Some("Sarah".into()),
        last_name: Some("Hopper".into()),
        billing_address: Some(address),
        contact_methods: vec![ContactMethod::email("sarah.hopper@example.com")],
        ..Customer::default()
    });
    request
}

/// A full retrieved payment as the API returns it.
pub const FULL_PAYMENT_RESPONSE: &str = r#"{"paymentId":"M2MJOG6O2Y","processingTerminalId":"1234001","operator":"Jane",
"order":{"orderId":"OrderRef6543","dateTime":"2024-07-02T15:30:00Z","description":"Large Pepperoni Pizza","amount":4999,"currency":"USD",
"standingInstructions":{"sequence":"subsequent","processingModel":"recurring","referenceDataOfFirstTxn":{"paymentId":"M2MJOG6O2Y","cardSchemeReferenceId":"ABCDEFGHIJKLMNO"}},
"breakdown":{"subtotal":4500,"tip":{"type":"fixedAmount","amount":499},"taxes":[{"name":"Sales Tax","rate":7,"amount":190}],
"items":[{"productCode":"PZA-001-LG","description":"Large Pepperoni Pizza","unitPrice":4500,"quantity":1}]}},
"customer":{"firstName":"Sarah","lastName":"Hopper","billingAddress":{"address1":"1 Example Ave.","city":"Chicago","state":"Illinois","country":"US","postalCode":"60056"},
"contactMethods":[{"type":"email","value":"sarah.hopper@example.com"}]},
"card":{"type":"Visa Credit","entryMethod":"keyed","cardholderName":"Sarah Hopper","cardNumber":"453985******7062","expiryDate":"1230",
"secureToken":{"secureTokenId":"MREF_1","customerName":"Sarah Hopper","token":"296753123458","status":"cvvValidated"},
"securityChecks":{"cvvResult":"M","avsResult":"Y"}},
"supportedOperations":["fullyReverse","partiallyReverse","adjustTip","addSignature","setAsPending"],
"transactionResult":{"type":"sale","status":"ready","approvalCode":"OK3","authorizedAmount":4999,"currency":"USD","responseCode":"A","responseMessage":"APPROVAL","cardSchemeReferenceId":"ABCDEFGHIJKLMNO"},
"customFields":[{"name":"yourCustomField","value":"abc123"}]}"#;
