//! Payment features: card and bank-account verification, EBT balances, BIN look-ups
//! and DCC rates. Nothing here moves money; the answers come from the emulator's BIN
//! table ([`BINS`]) and its documented triggers (the crate README lists both), and
//! saved and single-use tokens are the card area's own.

use super::shared::{brand, host_of, reply};
use super::tokens;
use crate::clock::today;
use crate::problem::Refusal;
use crate::routes::parse;
use crate::store::ledger::ResolvedCard;
use crate::store::Store;
use crate::Mock;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use payroc_model::card::{BenefitCategory, CardDetails};
use payroc_model::payment::{
    Balance, Card, DccOffer, ResponseCode, TransactionResult, TransactionStatus,
};
use payroc_model::payment_feature::{
    BalanceInquiry, BalanceInquiryCard, BankAccount, BankAccountVerificationRequest,
    BankAccountVerificationResult, BinLookup, BinLookupCard, CardInfo, CardVerificationRequest,
    CardVerificationResult, EbtBalance, FxRate, FxRateInquiry, FxRateInquiryResult,
    FxRatePaymentMethod, VerificationCard,
};
use payroc_model::secure_token::Surcharging;
use payroc_model::{CardNumber, Currency};
use std::sync::Arc;

/// This area's routes.
pub(crate) fn routes() -> Router<Arc<Mock>> {
    Router::new()
        .route("/v1/bank-accounts/verify", post(verify_bank_account))
        .route("/v1/cards/verify", post(verify_card))
        .route("/v1/cards/balance", post(ebt_balance))
        .route("/v1/cards/bin-lookup", post(lookup_bin))
        .route("/v1/fx-rates", post(fx_rates))
}

/// One row of the BIN table: what the first digits of a card number say about it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BinInfo {
    /// Brand, as `CardInfo.type` spells it.
    brand: &'static str,
    /// A debit card (EBT cards are).
    debit: bool,
    /// An EBT card.
    ebt: bool,
    /// Issuing country, ISO 3166-1 alpha-2.
    country: &'static str,
    /// The card's currency.
    currency: &'static str,
}

const fn bin(
    brand: &'static str,
    debit: bool,
    country: &'static str,
    currency: &'static str,
) -> BinInfo {
    BinInfo {
        brand,
        debit,
        ebt: false,
        country,
        currency,
    }
}

/// The emulator's BIN table, by the first six digits (all a masked number keeps). Each
/// row's test card number is in the crate README.
const BINS: &[(&str, BinInfo)] = &[
    ("453985", bin("VISA", false, "US", "USD")),
    ("411111", bin("VISA", false, "US", "USD")),
    ("400005", bin("VISA", true, "US", "USD")),
    ("555555", bin("MASTERCARD", false, "US", "USD")),
    ("520082", bin("MASTERCARD", true, "US", "USD")),
    ("378282", bin("AMEX", false, "US", "USD")),
    ("601111", bin("DISCOVER", false, "US", "USD")),
    ("492181", bin("VISA", false, "GB", "GBP")),
    ("497010", bin("VISA", false, "FR", "EUR")),
    ("450603", bin("VISA", false, "CA", "CAD")),
    ("353011", bin("JCB", false, "JP", "JPY")),
    (
        "507680",
        BinInfo {
            brand: "EBT",
            debit: true,
            ebt: true,
            country: "US",
            currency: "USD",
        },
    ),
];

/// What the BIN table says about a card number (or BIN, or masked number): its row,
/// else a US credit card of the brand its first digit names (`None` when it names
/// none).
fn bin_info(number: &str) -> Option<BinInfo> {
    let row = BINS.iter().find(|(prefix, _)| number.starts_with(prefix));
    if let Some((_, info)) = row {
        return Some(*info);
    }
    let brand = match brand(number) {
        "Visa" => "VISA",
        "MasterCard" => "MASTERCARD",
        "Amex" => "AMEX",
        "Discover" => "DISCOVER",
        _ => return None,
    };
    Some(bin(brand, false, "US", "USD"))
}

/// The BIN table's row for a resolved card, or a `404` naming its BIN.
fn known_bin(number: &str) -> Result<BinInfo, Refusal> {
    bin_info(number).ok_or_else(|| Refusal::not_found("BIN", number.get(..6).unwrap_or(number)))
}

/// What the emulator's merchants charge on a credit card.
const SURCHARGE_PERCENT: f64 = 3.0;

/// The surcharge terms a terminal's merchant has for a card: every terminal
/// surcharges US credit cards at [`SURCHARGE_PERCENT`]; debit and foreign cards may
/// not be surcharged.
fn surcharging(info: &BinInfo, amount: Option<i64>) -> Surcharging {
    let allowed = !info.debit && info.country == "US";
    Surcharging {
        allowed,
        amount: amount
            .filter(|_| allowed)
            .map(|a| (a as f64 * SURCHARGE_PERCENT / 100.0).round() as i64),
        percentage: allowed.then_some(SURCHARGE_PERCENT),
        disclosure: allowed.then(|| {
            format!("A {SURCHARGE_PERCENT}% surcharge is added to payments by credit card.")
        }),
        unknown: Default::default(),
    }
}

/// The card as `CardInfo` shows it.
fn card_info(masked: String, info: &BinInfo, surcharge: Option<Surcharging>) -> CardInfo {
    CardInfo {
        kind: info.brand.to_owned(),
        card_number: CardNumber::new(masked),
        country: Some(info.country.to_owned()),
        currency: Some(Currency::from_api(info.currency)),
        debit: Some(info.debit),
        surcharging: surcharge,
        unknown: Default::default(),
    }
}

/// The card behind a saved card's gateway token on `terminal`.
fn saved_card(
    s: &Store,
    terminal: &str,
    token: &str,
    parameter: &str,
    host: &str,
) -> Result<ResolvedCard, Refusal> {
    tokens::card_on_file(&s.ledger.cards, terminal, token, parameter, host).map(|(card, _)| card)
}

// ---------------------------------------------------------------------------
// Bank account verification
// ---------------------------------------------------------------------------

/// Whether a US routing number's ABA check digit holds.
fn aba_valid(routing: &str) -> bool {
    let digits: Vec<u32> = routing.chars().filter_map(|c| c.to_digit(10)).collect();
    digits.len() == 9
        && digits
            .chunks(3)
            .map(|d| 3 * d[0] + 7 * d[1] + d[2])
            .sum::<u32>()
            % 10
            == 0
}

/// The account number that reads as closed: any ending in `99`.
fn closed_account(number: &str) -> bool {
    number.ends_with("99")
}

/// `POST /v1/bank-accounts/verify` → `200`: verified unless the account number ends in
/// `99` or (ACH) the routing number's check digit fails.
async fn verify_bank_account(body: Bytes) -> Response {
    let request: BankAccountVerificationRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let verified = match &request.bank_account {
        BankAccount::Ach(ach) => {
            aba_valid(&ach.routing_number) && !closed_account(ach.account_number.expose_secret())
        }
        BankAccount::Pad(pad) => !closed_account(pad.account_number.expose_secret()),
        _ => false,
    };
    reply(
        StatusCode::OK,
        Ok::<_, Refusal>(BankAccountVerificationResult {
            processing_terminal_id: request.processing_terminal_id,
            verified,
            unknown: Default::default(),
        }),
    )
}

// ---------------------------------------------------------------------------
// Card verification
// ---------------------------------------------------------------------------

/// The test cards the simulated issuer declines, masked.
const DECLINED_CARDS: &[&str] = &["400000******0002", "510510******5100"];

/// Whether an `MMYY` expiry is before this month.
fn expired(mmyy: &str) -> bool {
    let (Some(month), Some(year)) = (mmyy.get(..2), mmyy.get(2..4)) else {
        return false;
    };
    let today = today();
    // YYYY-MM-DD → YYMM; MMYY → YYMM: as text, they order as dates do.
    let now = format!("{}{}", &today[2..4], &today[5..7]);
    format!("{year}{month}") < now
}

/// `POST /v1/cards/verify` → `200`: verified unless the card is a declined test card
/// or has expired. The card is shown masked, with the CVV and address checks.
async fn verify_card(body: Bytes) -> Response {
    let request: CardVerificationRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let details = match &request.card {
        VerificationCard::Card(card) => &card.card_details,
        _ => return Refusal::bad("card.type", "enum", "unknown card type").into_response(),
    };
    let resolved = ResolvedCard::from_details(details);
    let declined = DECLINED_CARDS.contains(&resolved.masked_number.as_str());
    let lapsed = resolved.expiry_date.as_deref().is_some_and(expired);
    let verified = !declined && !lapsed;
    let billing = request
        .customer
        .as_ref()
        .is_some_and(|c| c.billing_address.is_some());
    let (status, code, message) = match (declined, lapsed) {
        (true, _) => (TransactionStatus::Declined, ResponseCode::D, "Declined"),
        (_, true) => (TransactionStatus::Declined, ResponseCode::D, "Expired card"),
        _ => (
            TransactionStatus::Complete,
            ResponseCode::A,
            "Card verified",
        ),
    };
    reply(
        StatusCode::OK,
        Ok::<_, Refusal>(CardVerificationResult {
            operator: request.operator,
            processing_terminal_id: request.processing_terminal_id,
            card: Some(resolved.card(None, billing)),
            verified,
            transaction_result: Some(TransactionResult {
                kind: None,
                ebt_type: None,
                status,
                approval_code: None,
                authorized_amount: None,
                currency: None,
                response_code: code,
                response_message: Some(message.to_owned()),
                processor_response_code: Some(if verified { "00" } else { "05" }.to_owned()),
                card_scheme_reference_id: None,
                healthcare_indicator: None,
                unknown: Default::default(),
            }),
            unknown: Default::default(),
        }),
    )
}

// ---------------------------------------------------------------------------
// EBT balance
// ---------------------------------------------------------------------------

/// The EBT test card's balances, in cents: EBT Cash, then EBT SNAP.
const EBT_BALANCES: [(BenefitCategory, i64); 2] = [
    (BenefitCategory::Cash, 12_500),
    (BenefitCategory::FoodStamp, 31_050),
];

/// The benefit category the card details name, if any.
fn benefit_of(details: &CardDetails) -> Option<BenefitCategory> {
    let ebt = match details {
        CardDetails::Keyed(keyed) => keyed.ebt_details.as_ref(),
        CardDetails::Swiped(swiped) => swiped.ebt_details.as_ref(),
        CardDetails::Icc(icc) => icc.ebt_details.as_ref(),
        _ => None,
    };
    ebt.map(|e| e.benefit_category.clone())
}

/// The balance of the card an inquiry names: EBT cards only, in US dollars.
fn balance(s: &mut Store, request: BalanceInquiry) -> Result<EbtBalance, Refusal> {
    if request.currency != Currency::Usd {
        return Err(Refusal::bad(
            "currency",
            "enum",
            "EBT balances are in US dollars: send USD",
        ));
    }
    let (resolved, benefit, parameter) = match &request.card {
        BalanceInquiryCard::Card(card) => (
            ResolvedCard::from_details(&card.card_details),
            benefit_of(&card.card_details),
            "card.cardDetails",
        ),
        BalanceInquiryCard::SingleUseToken(single) => (
            tokens::peek_card(&mut s.ledger.cards, &single.token, "card.token")?,
            single
                .ebt_details
                .as_ref()
                .map(|e| e.benefit_category.clone()),
            "card.token",
        ),
        _ => return Err(Refusal::bad("card.type", "enum", "unknown card type")),
    };
    let info = bin_info(&resolved.masked_number).filter(|info| info.ebt);
    let Some(info) = info else {
        return Err(Refusal::bad(
            parameter,
            "ebt",
            "is not an EBT card: balance inquiries are for EBT cards only",
        ));
    };
    let mut card: Card = resolved.card(None, false);
    card.kind = info.brand.to_owned();
    card.balances = EBT_BALANCES
        .iter()
        .filter(|(category, _)| benefit.as_ref().is_none_or(|b| b == category))
        .map(|(category, amount)| Balance {
            benefit_category: category.clone(),
            amount: *amount,
            currency: Currency::Usd,
            unknown: Default::default(),
        })
        .collect();
    Ok(EbtBalance {
        processing_terminal_id: request.processing_terminal_id,
        operator: request.operator,
        card,
        response_code: Some(ResponseCode::A),
        response_message: Some("Approved".to_owned()),
        unknown: Default::default(),
    })
}

/// `POST /v1/cards/balance` → `200` (no idempotency key): the EBT test card's balances.
async fn ebt_balance(State(mock): State<Arc<Mock>>, body: Bytes) -> Response {
    let request: BalanceInquiry = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    reply(StatusCode::OK, mock.with_store(|s| balance(s, request)))
}

// ---------------------------------------------------------------------------
// BIN lookup
// ---------------------------------------------------------------------------

/// The card a BIN lookup names, masked, and what the table says about it.
fn look_up(s: &Store, request: &BinLookup, host: &str) -> Result<CardInfo, Refusal> {
    let masked = match &request.card {
        BinLookupCard::Card(card) => ResolvedCard::from_details(&card.card_details).masked_number,
        BinLookupCard::CardBin(card_bin) => format!("{:*<16}", card_bin.bin),
        BinLookupCard::SecureToken(token) => {
            let Some(terminal) = &request.processing_terminal_id else {
                return Err(Refusal::bad(
                    "processingTerminalId",
                    "required",
                    "is required to look up a secure token, which belongs to a terminal",
                ));
            };
            saved_card(s, terminal, &token.token, "card.token", host)?.masked_number
        }
        BinLookupCard::DigitalWallet(wallet) => {
            ResolvedCard::wallet(wallet.cardholder_name.clone()).masked_number
        }
        _ => return Err(Refusal::bad("card.type", "enum", "unknown card type")),
    };
    let info = known_bin(&masked)?;
    let surcharge = request
        .processing_terminal_id
        .as_ref()
        .map(|_| surcharging(&info, request.amount));
    Ok(card_info(masked, &info, surcharge))
}

/// `POST /v1/cards/bin-lookup` → `200` (no idempotency key).
async fn lookup_bin(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: BinLookup = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::OK,
        mock.with_store(|s| look_up(s, &request, &host)),
    )
}

// ---------------------------------------------------------------------------
// FX rates
// ---------------------------------------------------------------------------

/// The emulator's exchange rates: units of each currency per US dollar, and its ISO
/// 4217 numeric code.
const RATES: &[(&str, f64, &str)] = &[
    ("USD", 1.0, "840"),
    ("EUR", 0.92, "978"),
    ("GBP", 0.79, "826"),
    ("CAD", 1.36, "124"),
    ("JPY", 151.5, "392"),
];

/// The DCC provider's mark-up on the exchange rate, in percent.
const MARKUP_PERCENT: f64 = 3.5;

fn rate_of(currency: &str) -> Option<(f64, &'static str)> {
    RATES
        .iter()
        .find(|(code, _, _)| *code == currency)
        .map(|(_, rate, numeric)| (*rate, *numeric))
}

/// The offer for `amount` of `base` paid with a card in `card`: the rate (mark-up
/// included, four decimals) and the amount in the card's minor unit, or why there is
/// none.
fn dcc_offer(
    s: &mut Store,
    amount: i64,
    base: &Currency,
    card: &Currency,
) -> Result<DccOffer, String> {
    if base == card {
        return Err("The card's currency is the transaction's currency".to_owned());
    }
    let (Some((base_rate, _)), Some((card_rate, numeric))) =
        (rate_of(base.as_str()), rate_of(card.as_str()))
    else {
        return Err("No exchange rate for this pair of currencies".to_owned());
    };
    let (Some(base_exp), Some(card_exp)) = (base.exponent(), card.exponent()) else {
        return Err("No exchange rate for this pair of currencies".to_owned());
    };
    let rate =
        (card_rate / base_rate * (1.0 + MARKUP_PERCENT / 100.0) * 10_000.0).round() / 10_000.0;
    let scale = 10f64.powi(card_exp as i32 - base_exp as i32);
    let fx_amount = (amount as f64 * rate * scale).round() as i64;
    Ok(DccOffer {
        accepted: None,
        offer_reference: Some(format!("DCC{}", s.random_id(9, b"0123456789"))),
        fx_amount,
        fx_currency: card.clone(),
        fx_currency_code: Some(numeric.to_owned()),
        fx_currency_exponent: Some(card_exp),
        fx_rate: rate,
        markup: MARKUP_PERCENT,
        markup_text: Some(format!("{MARKUP_PERCENT}% mark-up applied.")),
        provider: Some("payroc-mock".to_owned()),
        source: Some("payroc-mock fixed rates".to_owned()),
        unknown: Default::default(),
    })
}

/// A DCC rate for the inquiry's card: offered when the card's currency differs from
/// the base currency and both have a rate.
fn fx_rate(s: &mut Store, request: FxRateInquiry, host: &str) -> Result<FxRate, Refusal> {
    let masked = match &request.payment_method {
        FxRatePaymentMethod::Card(card) => {
            ResolvedCard::from_details(&card.card_details).masked_number
        }
        FxRatePaymentMethod::SecureToken(token) => {
            saved_card(
                s,
                &request.processing_terminal_id,
                &token.token,
                "paymentMethod.token",
                host,
            )?
            .masked_number
        }
        FxRatePaymentMethod::DigitalWallet(wallet) => {
            ResolvedCard::wallet(wallet.cardholder_name.clone()).masked_number
        }
        _ => {
            return Err(Refusal::bad(
                "paymentMethod.type",
                "enum",
                "unknown payment method",
            ))
        }
    };
    Refusal::check_amount("baseAmount", request.base_amount)?;
    let info = known_bin(&masked)?;
    let card_currency = Currency::from_api(info.currency);
    let offer = dcc_offer(
        s,
        request.base_amount,
        &request.base_currency,
        &card_currency,
    );
    Ok(FxRate {
        processing_terminal_id: request.processing_terminal_id,
        operator: request.operator,
        base_amount: request.base_amount,
        base_currency: request.base_currency,
        inquiry_result: FxRateInquiryResult {
            dcc_offered: offer.is_ok(),
            cause_of_rejection: offer.as_ref().err().cloned(),
            unknown: Default::default(),
        },
        dcc_offer: offer.ok(),
        card_info: card_info(masked, &info, None),
        unknown: Default::default(),
    })
}

/// `POST /v1/fx-rates` → `200` (no idempotency key).
async fn fx_rates(State(mock): State<Arc<Mock>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: FxRateInquiry = match parse(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let host = host_of(&headers);
    reply(
        StatusCode::OK,
        mock.with_store(|s| fx_rate(s, request, &host)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bin_table_reads_six_digits_and_falls_back_on_the_brand() {
        assert_eq!(bin_info("492181******0018").unwrap().currency, "GBP");
        assert_eq!(bin_info("400000******0002").unwrap().country, "US");
        assert!(bin_info("507680******0019").unwrap().ebt);
        assert_eq!(bin_info("353011**********").unwrap().brand, "JCB");
        assert_eq!(bin_info("9999990000000000"), None);
    }

    #[test]
    fn routing_numbers_carry_an_aba_check_digit() {
        assert!(aba_valid("011000015"));
        assert!(aba_valid("021000021"));
        assert!(!aba_valid("021000022"));
        assert!(!aba_valid("12345678"));
    }

    #[test]
    fn a_dcc_amount_is_in_the_card_currency_minor_unit() {
        let mut s = Store::new(1);
        // 100.00 EUR to yen: 151.5 / 0.92 × 1.035 = 170.4375 → 170.4375 ¥ per €.
        let offer = dcc_offer(&mut s, 10_000, &Currency::Eur, &Currency::Jpy).unwrap();
        assert_eq!(offer.fx_rate, 170.4375);
        assert_eq!(offer.fx_amount, 17_044);
        assert_eq!(offer.fx_currency_exponent, Some(0));
        // ¥10 000 to dollars: (1 / 151.5) × 1.035 → 0.0068 $ per ¥, in cents.
        let offer = dcc_offer(&mut s, 10_000, &Currency::Jpy, &Currency::Usd).unwrap();
        assert_eq!(offer.fx_rate, 0.0068);
        assert_eq!(offer.fx_amount, 6_800);
        assert!(dcc_offer(&mut s, 100, &Currency::Usd, &Currency::Usd).is_err());
        assert!(dcc_offer(&mut s, 100, &Currency::Usd, &Currency::Mxn).is_err());
    }
}
