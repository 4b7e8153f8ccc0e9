//! Property tests: generated valid requests pass validation and survive
//! serialize → deserialize unchanged; generated invalid ones are rejected with the
//! path of the field that was broken.

use payroc_model::card::CardDetails;
use payroc_model::common::{Channel, ContactMethod, CredentialOnFile, Customer, MitAgreement};
use payroc_model::json::parse_request;
use payroc_model::payment::{
    PaymentMethod, PaymentOrderRequest, PaymentRequest, ProcessingModel, StandingInstructions,
};
use payroc_model::paytrace::{
    CreateRecurrenceRequest, RecurrenceCreate, RecurrenceFrequency, TotalCount,
};
use payroc_model::validate::luhn_check_digit;
use payroc_model::{Currency, DecimalAmount, Validate};
use proptest::prelude::*;

fn card_number() -> impl Strategy<Value = String> {
    ("[3-6][0-9]{14}").prop_map(|payload| {
        let check = luhn_check_digit(&payload).expect("digits");
        format!("{payload}{check}")
    })
}

fn expiry() -> impl Strategy<Value = String> {
    (1u8..=12, 0u8..=99).prop_map(|(m, y)| format!("{m:02}{y:02}"))
}

fn payment_method() -> impl Strategy<Value = PaymentMethod> {
    prop_oneof![
        "296753[0-9]{6}".prop_map(PaymentMethod::secure_token),
        (card_number(), expiry(), proptest::option::of("[0-9]{3,4}")).prop_map(|(n, e, cvv)| {
            PaymentMethod::card(CardDetails::keyed(n, e, cvv.as_deref()))
        }),
    ]
}

fn standing_instructions() -> impl Strategy<Value = Option<StandingInstructions>> {
    let model = prop::sample::select(ProcessingModel::KNOWN.to_vec());
    proptest::option::of(prop_oneof![
        model.clone().prop_map(StandingInstructions::first),
        (
            model,
            "[A-Z0-9]{10}",
            proptest::option::of("[A-Za-z0-9]{15}")
        )
            .prop_map(|(m, id, scheme)| StandingInstructions::subsequent_to(m, id, scheme)),
    ])
}

prop_compose! {
    fn valid_payment()(
        channel in prop::sample::select(Channel::KNOWN.to_vec()),
        terminal in "[0-9]{7}",
        order_id in "[A-Za-z0-9-]{1,24}",
        amount in 1i64..=10_000_000_000,
        currency in prop::sample::select(Currency::KNOWN.to_vec()),
        method in payment_method(),
        standing in standing_instructions(),
        email in proptest::option::of("[a-z]{1,10}@[a-z]{1,10}\\.com"),
    ) -> PaymentRequest {
        let mut order = PaymentOrderRequest::new(order_id, amount, currency);
        order.standing_instructions = standing;
        let mut request = PaymentRequest::new(channel, terminal, order, method);
        if let Some(email) = email {
            request.customer = Some(Customer {
                contact_methods: vec![ContactMethod::email(email)],
                ..Customer::default()
            });
        }
        request
    }
}

/// One way to break a valid payment, and the path the violation must name.
#[derive(Debug, Clone)]
enum Breakage {
    EmptyOrderId,
    LongOrderId(usize),
    Amount(i64),
    UnknownCurrency(String),
    CardCheckDigit,
    ExpiryMonth(u8),
    SubsequentWithoutReference,
    MitAgreementWithoutStandingInstructions,
    BadEmail,
}

fn breakage() -> impl Strategy<Value = Breakage> {
    prop_oneof![
        Just(Breakage::EmptyOrderId),
        (25usize..60).prop_map(Breakage::LongOrderId),
        (i64::MIN..=0).prop_map(Breakage::Amount),
        "[A-Z]{4,6}".prop_map(Breakage::UnknownCurrency),
        Just(Breakage::CardCheckDigit),
        (13u8..=99).prop_map(Breakage::ExpiryMonth),
        Just(Breakage::SubsequentWithoutReference),
        Just(Breakage::MitAgreementWithoutStandingInstructions),
        Just(Breakage::BadEmail),
    ]
}

fn break_it(request: &mut PaymentRequest, how: &Breakage) -> &'static str {
    match how {
        Breakage::EmptyOrderId => {
            request.order.order_id.clear();
            "order.orderId"
        }
        Breakage::LongOrderId(n) => {
            request.order.order_id = "x".repeat(*n);
            "order.orderId"
        }
        Breakage::Amount(a) => {
            request.order.amount = *a;
            "order.amount"
        }
        Breakage::UnknownCurrency(code) => {
            request.order.currency = Currency::from_api(code);
            "order.currency"
        }
        Breakage::CardCheckDigit | Breakage::ExpiryMonth(_) => {
            let (number, expiry) = match how {
                Breakage::CardCheckDigit => ("4539858876047063".to_owned(), "1230".to_owned()),
                Breakage::ExpiryMonth(m) => ("4539858876047062".to_owned(), format!("{m:02}30")),
                _ => unreachable!(),
            };
            request.payment_method = PaymentMethod::card(CardDetails::keyed(number, expiry, None));
            match how {
                Breakage::CardCheckDigit => "paymentMethod.cardDetails.keyedData.cardNumber",
                _ => "paymentMethod.cardDetails.keyedData.expiryDate",
            }
        }
        Breakage::SubsequentWithoutReference => {
            let mut si = StandingInstructions::subsequent_to(ProcessingModel::Recurring, "X", None);
            si.reference_data_of_first_txn = None;
            request.order.standing_instructions = Some(si);
            "order.standingInstructions.referenceDataOfFirstTxn"
        }
        Breakage::MitAgreementWithoutStandingInstructions => {
            request.order.standing_instructions = None;
            request.credential_on_file = Some(CredentialOnFile {
                mit_agreement: Some(MitAgreement::Recurring),
                ..CredentialOnFile::default()
            });
            "order.standingInstructions"
        }
        Breakage::BadEmail => {
            request.customer = Some(Customer {
                contact_methods: vec![ContactMethod::email("not an email")],
                ..Customer::default()
            });
            "customer.contactMethods[0].value"
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn valid_payments_validate_and_round_trip(request in valid_payment()) {
        prop_assert!(request.validate().is_ok(), "{:?}", request.validate());
        let json = serde_json::to_vec(&request).unwrap();
        let back: PaymentRequest = parse_request(&json).unwrap();
        prop_assert_eq!(back, request);
    }

    #[test]
    fn broken_payments_name_the_broken_field(mut request in valid_payment(), how in breakage()) {
        let path = break_it(&mut request, &how);
        let err = request.validate().expect_err("a broken request must not validate");
        prop_assert!(err.has_path(path), "{:?} should report {}: {}", how, path, err);
        let json = serde_json::to_vec(&request).unwrap();
        let err = parse_request::<PaymentRequest>(&json).expect_err("rejected from JSON too");
        prop_assert!(err.has_path(path));
    }

    #[test]
    fn paytrace_amounts_round_trip_exactly(dollars in 1i64..=99_999_999, cents in 0i64..100, count in 1u32..=999) {
        let amount: DecimalAmount = format!("{dollars}.{cents:02}").parse().unwrap();
        let request = CreateRecurrenceRequest::new(
            123_456_789,
            RecurrenceCreate::new(amount, RecurrenceFrequency::Monthly, "10/01/2031", TotalCount(count)),
        );
        prop_assert!(request.validate().is_ok(), "{:?}", request.validate());
        let json = serde_json::to_string(&request).unwrap();
        let expected = format!("{}", amount.normalized());
        prop_assert!(json.contains(&format!("\"amount\":{expected}")), "{json}");
        let back: CreateRecurrenceRequest = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, request);
    }
}
